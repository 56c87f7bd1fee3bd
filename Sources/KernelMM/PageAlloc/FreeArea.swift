/// struct free_area, as a value read out of `FreeLists`: one list per migrate type of free blocks of one order, and
/// nr_free (blocks, not pages).
public struct FreeArea: Sendable, Equatable {
    /// First and last frame of each migrate type's list (-1 = empty).
    public var head: [Int32]
    public var tail: [Int32]
    /// Blocks on each list.
    public var count: [Int]
    /// nr_free: blocks on all lists of this order.
    public var nrFree: Int

    public func isEmpty(_ mt: MigrateType) -> Bool { head[mt.rawValue] < 0 }
}

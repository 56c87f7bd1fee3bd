/// struct free_area: one list per migrate type of free blocks of one order, and nr_free (blocks, not pages).
///
/// The lists are intrusive: they link PageFrame.next/prev by frame number, so a free block costs no memory beyond
/// its struct page, as in the kernel.
public struct FreeArea: Sendable, Equatable, Codable {
    /// First and last frame of each migrate type's list (-1 = empty).
    public var head: [Int32]
    public var tail: [Int32]
    /// Blocks on each list.
    public var count: [Int]
    /// nr_free: blocks on all lists of this order.
    public var nrFree: Int

    public init() {
        head = Array(repeating: -1, count: MigrateType.allCases.count)
        tail = head
        count = Array(repeating: 0, count: MigrateType.allCases.count)
        nrFree = 0
    }

    public func isEmpty(_ mt: MigrateType) -> Bool { head[mt.rawValue] < 0 }
}

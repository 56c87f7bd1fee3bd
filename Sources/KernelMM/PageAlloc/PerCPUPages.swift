/// struct per_cpu_pages: one CPU's cache of free pages of low orders for one zone.
///
/// Lists by (order, migrate type) for orders 0...PAGE_ALLOC_COSTLY_ORDER and the three pcp types; `count` is in
/// pages. Pages here are not free from the buddy allocator's point of view (not in nr_free, MemFree or buddyinfo).
public struct PerCPUPages: Sendable, Equatable, Codable {
    public var count: Int = 0
    public var high: Int = 0
    public var batch: Int = 1
    /// free_factor: grows while frees come without allocations, so each flush returns more.
    public var freeFactor: Int = 0
    /// Frame numbers of block heads, index = order * MIGRATE_PCPTYPES + migratetype; the front is the list head.
    public var lists: [[Int32]] = Array(repeating: [], count: (PerCPUPages.maxOrder + 1) * MigrateType.pcpTypes)

    /// PAGE_ALLOC_COSTLY_ORDER: orders above it bypass the pcp lists.
    public static let maxOrder = 3

    public static func index(order: Int, migratetype: MigrateType) -> Int {
        // Only the MIGRATE_PCPTYPES have lists; HighAtomic pages live on the Movable list (as free_unref_page does).
        order * MigrateType.pcpTypes + (migratetype.rawValue < MigrateType.pcpTypes ? migratetype.rawValue : MigrateType.movable.rawValue)
    }
}

/// struct per_cpu_pages, as a value read out of `PCPLists`: one CPU's cache of free pages of low orders for one zone.
///
/// Lists by (order, migrate type) for orders 0...PAGE_ALLOC_COSTLY_ORDER and the three pcp types, and with
/// CONFIG_TRANSPARENT_HUGEPAGE one more list (NR_PCP_THP) for pageblock_order blocks of any type; `count` is in
/// pages. Pages here are not free from the buddy allocator's point of view (not in nr_free, MemFree or buddyinfo).
public struct PerCPUPages: Sendable, Equatable {
    public var count: Int
    public var high: Int
    public var batch: Int
    /// free_factor: grows while frees come without allocations, so each flush returns more.
    public var freeFactor: Int
    /// Frame numbers of block heads, index = order * MIGRATE_PCPTYPES + migratetype; each list from its head (the
    /// block handed out next) to its tail (the oldest).
    public var lists: [[Int32]]

    /// PAGE_ALLOC_COSTLY_ORDER: orders above it bypass the pcp lists (but for the THP list).
    public static let maxOrder = 3
    /// NR_LOWORDER_PCP_LISTS: MIGRATE_PCPTYPES × (PAGE_ALLOC_COSTLY_ORDER + 1); the THP list, if any, follows.
    public static let lowOrderLists = MigrateType.pcpTypes * (maxOrder + 1)

    /// order_to_pindex(): the low orders by (order, type); any higher order the caller let through
    /// (pcp_allowed_order(): only pageblock_order) is the single THP list.
    @inline(__always)
    public static func index(order: Int, migratetype: MigrateType) -> Int {
        if order > maxOrder { return lowOrderLists }
        // Only the MIGRATE_PCPTYPES have lists; HighAtomic pages live on the Movable list (as free_unref_page does).
        return order &* MigrateType.pcpTypes &+ (migratetype.rawValue < MigrateType.pcpTypes ? migratetype.rawValue : MigrateType.movable.rawValue)
    }

    /// pindex_to_order().
    @inline(__always)
    public static func order(ofList index: Int, pageblockOrder: Int) -> Int {
        index == lowOrderLists ? pageblockOrder : index / MigrateType.pcpTypes
    }
}

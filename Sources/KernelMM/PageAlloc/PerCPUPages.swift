/// struct per_cpu_pages: one CPU's cache of free pages of low orders for one zone.
///
/// Lists by (order, migrate type) for orders 0...PAGE_ALLOC_COSTLY_ORDER and the three pcp types, and with
/// CONFIG_TRANSPARENT_HUGEPAGE one more list (NR_PCP_THP) for pageblock_order blocks of any type; `count` is in
/// pages. Pages here are not free from the buddy allocator's point of view (not in nr_free, MemFree or buddyinfo).
public struct PerCPUPages: Sendable, Equatable, Codable {
    public var count: Int = 0
    public var high: Int = 0
    public var batch: Int = 1
    /// free_factor: grows while frees come without allocations, so each flush returns more.
    public var freeFactor: Int = 0
    /// Frame numbers of block heads, index = order * MIGRATE_PCPTYPES + migratetype; the front is the list head.
    public var lists: [[Int32]] = Array(repeating: [], count: PerCPUPages.lowOrderLists)

    /// PAGE_ALLOC_COSTLY_ORDER: orders above it bypass the pcp lists (but for the THP list).
    public static let maxOrder = 3
    /// NR_LOWORDER_PCP_LISTS: MIGRATE_PCPTYPES × (PAGE_ALLOC_COSTLY_ORDER + 1); the THP list, if any, follows.
    public static let lowOrderLists = MigrateType.pcpTypes * (maxOrder + 1)

    /// NR_PCP_LISTS lists: the low-order ones, plus NR_PCP_THP when transparent hugepages are configured.
    public init(transparentHugepage: Bool = false) {
        lists = Array(repeating: [], count: Self.lowOrderLists + (transparentHugepage ? 1 : 0))
    }

    /// order_to_pindex(): the low orders by (order, type); any higher order the caller let through
    /// (pcp_allowed_order(): only pageblock_order) is the single THP list.
    public static func index(order: Int, migratetype: MigrateType) -> Int {
        if order > maxOrder { return lowOrderLists }
        // Only the MIGRATE_PCPTYPES have lists; HighAtomic pages live on the Movable list (as free_unref_page does).
        return order * MigrateType.pcpTypes + (migratetype.rawValue < MigrateType.pcpTypes ? migratetype.rawValue : MigrateType.movable.rawValue)
    }

    /// pindex_to_order().
    public static func order(ofList index: Int, pageblockOrder: Int) -> Int {
        index == lowOrderLists ? pageblockOrder : index / MigrateType.pcpTypes
    }
}

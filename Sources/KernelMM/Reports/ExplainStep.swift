/// One step of what the allocator did, recorded when `explain` is on. MMShell narrates them.
public enum ExplainStep: Sendable, Equatable, Codable {
    /// gfp_zone() picked `preferred`; the zonelist walks `zonelist` (highest first).
    case zonelist(gfp: GFPFlags, preferred: ZoneType, zonelist: [ZoneType], migratetype: MigrateType,
                  collapsedFrom: ZoneType?, invalid: Bool)
    /// A watermark check in get_page_from_freelist() with its numbers.
    case watermarkCheck(zone: ZoneType, order: Int, markName: String, mark: Int, effectiveMin: Int,
                        reserve: Int, free: Int, unusable: Int, ok: Bool, verdict: WatermarkVerdict)
    /// Served from the CPU's pcp list.
    case pcpHit(zone: ZoneType, cpu: Int, order: Int, migratetype: MigrateType, pfn: Int)
    /// The pcp list was empty: rmqueue_bulk() moved `count` blocks of `order` from the buddy lists.
    case pcpRefill(zone: ZoneType, cpu: Int, order: Int, migratetype: MigrateType, count: Int, batch: Int)
    /// __rmqueue_smallest() found a free block of `foundOrder` for a request of `order`.
    case foundBlock(zone: ZoneType, order: Int, foundOrder: Int, migratetype: MigrateType, pfn: Int)
    /// expand(): the upper half of a block goes back to the free list of `order`.
    case split(zone: ZoneType, pfn: Int, order: Int, buddyPFN: Int)
    /// __rmqueue_fallback(): stole a block from another migrate type's list.
    case fallback(zone: ZoneType, order: Int, from: MigrateType, to: MigrateType, wholeBlock: Bool, claimedPageblock: Bool)
    /// __free_one_page(): merged with the buddy into a block of `order + 1` at `mergedPFN`.
    case merge(pfn: Int, buddyPFN: Int, order: Int, mergedPFN: Int)
    /// Merging stopped at `order` because of `reason`.
    case mergeStop(pfn: Int, order: Int, reason: MergeStopReason)
    /// The freed block went on the list of `migratetype`, at the tail when a bigger merge is likely.
    case freedTo(zone: ZoneType, pfn: Int, order: Int, migratetype: MigrateType, tail: Bool)
    /// A free went to the CPU's pcp list (and maybe flushed a batch to the buddy).
    case freeToPCP(zone: ZoneType, cpu: Int, pfn: Int, order: Int, count: Int, high: Int)
    case pcpDrain(zone: ZoneType, cpu: Int, pages: Int)
    /// Steps other paths and subsystems add, as facts (see `ExplainStep+Subsystems.swift`).
    case slowpath(SlowpathStep)
    case slab(SlabStep)
    case kmalloc(KmallocStep)
}

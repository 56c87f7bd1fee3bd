/// The things reclaim can take pages back from, in the order shrink_node() would try them here.
/// kmemsim has no page cache or anonymous memory; each subsystem that holds reclaimable pages (the slab caches'
/// free slabs) adds a case and its branch in `shrink`.
public enum ReclaimSource: CaseIterable, Sendable {
    /// shrink_slab(): the slab caches give back their empty slabs.
    case slabCaches
}

extension Kernel {
    /// Shrink one source, giving back pages of zone `z`; returns the pages freed.
    mutating func shrink(_ source: ReclaimSource, zone z: Int, target: Int) -> Int {
        switch source {
        case .slabCaches: shrinkSlabCaches(zone: z, target: target)
        }
    }
}

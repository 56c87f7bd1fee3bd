/// What shrinking a cache gave back.
public struct ShrinkResult: Sendable, Equatable {
    public var cache: String
    public var slabs: Int
    public var pages: Int
}

extension Kernel {
    /// kmem_cache_shrink(): flush the per-CPU caches (SLUB: CPU slabs and partial lists; SLAB: array caches),
    /// then give every empty slab back to the page allocator. Returns what was freed.
    @discardableResult
    public mutating func kmemCacheShrink(_ name: String) -> ShrinkResult? {
        guard let ci = slab.index(named: name) else { return nil }
        return shrinkCache(ci, limitPages: nil)
    }

    /// __kmem_cache_shrink(). With `limitPages`, stop once that many pages came back (reclaim's target).
    mutating func shrinkCache(_ ci: Int, limitPages: Int?) -> ShrinkResult {
        flushCPUCaches(ci)
        var slabs = 0, pages = 0
        let name = slab.caches[ci].name
        switch slab.kind {
        case .slab:
            // drain_freelist(): destroy slabs_free from the tail.
            while let last = slab.caches[ci].free.last {
                if let l = limitPages, pages >= l { break }
                pages += 1 << Int(frames[last].order)
                discardSlab(ci, pfn: last)
                slabs += 1
            }
        case .slub:
            // __kmem_cache_do_shrink(): free empty partial slabs, then sort the rest fullest first.
            for pfn in slab.caches[ci].partial where slab.caches[ci].slabs[pfn]?.inuse == 0 {
                if let l = limitPages, pages >= l { break }
                pages += 1 << Int(frames[pfn].order)
                discardSlab(ci, pfn: pfn)
                slabs += 1
            }
            let sorted = slab.caches[ci].partial.enumerated().sorted { a, b in
                let fa = slab.caches[ci].slabs[a.element]?.freelist.count ?? 0
                let fb = slab.caches[ci].slabs[b.element]?.freelist.count ?? 0
                return fa != fb ? fa < fb : a.offset < b.offset
            }.map(\.element)
            slab.caches[ci].partial = sorted
        }
        if slabs > 0 { if explainEnabled { explain(.slab(.shrunk(cache: name, slabs: slabs, pages: pages))) } }
        return ShrinkResult(cache: name, slabs: slabs, pages: pages)
    }

    /// The slab caches' share of reclaim (shrink_slab() over the caches' shrinkers, simplified): caches give back
    /// their empty slabs, those with SLAB_RECLAIM_ACCOUNT first, until `target` pages of zone `z` came back.
    mutating func shrinkSlabCaches(zone z: Int, target: Int) -> Int {
        var freed = 0
        // Each flag read once (reading a cache out of the array copies it), and the zone span read once.
        let reclaimable = slab.caches.map(\.isReclaimable)
        let order = slab.caches.indices.sorted { a, b in
            reclaimable[a] != reclaimable[b] ? reclaimable[a] : a < b
        }
        let span = zoneSpans[z]
        var gave: [SlabStep.ShrunkCache] = []
        for ci in order where freed < target {
            // Only caches with something to give: an empty slab (SLUB), free slabs or array-cached objects (SLAB).
            let hasWork = slab.kind == .slub ? slab.caches[ci].slabs.values.contains { $0.inuse == 0 }
                : !slab.caches[ci].free.isEmpty || slab.caches[ci].arrays.contains { !$0.isEmpty } || !slab.caches[ci].sharedArray.isEmpty
            guard hasWork, slab.caches[ci].slabs.keys.contains(where: { $0 >= span.start && $0 < span.end }) else { continue }
            let before = nrFreePages(zone: z) + pcpPages(zone: z)
            let r = shrinkCache(ci, limitPages: nil)
            let got = nrFreePages(zone: z) + pcpPages(zone: z) - before
            if r.pages > 0 {
                freed += max(0, got)
                gave.append(SlabStep.ShrunkCache(cache: r.cache, slabs: r.slabs, pages: r.pages))
            }
        }
        if !gave.isEmpty, explainEnabled { explain(.slab(.reclaimShrank(zone: zones[z].type, caches: gave))) }
        return freed
    }
}

extension Kernel {
    /// Pages held by the slabs of SLAB_RECLAIM_ACCOUNT caches (meminfo's SReclaimable).
    public var slabReclaimablePages: Int {
        slab.caches.reduce(0) { acc, c in c.isReclaimable ? acc + c.slabs.keys.reduce(0) { $0 + (1 << Int(frames[$1].order)) } : acc }
    }
}

import KernelMM

/// /proc/slabinfo and slabtop as data (mm/slab_common.c cache_show() with get_slabinfo(); procps slabtop): one row per
/// cache, in creation order. The file's text, its `--json`, slabtop's table and slabtop's `--json` all read it.
struct SlabInfoModel: Sendable, Equatable {
    /// CONFIG_DEBUG_SLAB's globalstat and cpustat columns (mm/slab.c slabinfo_show_stats()).
    struct Stats: Sendable, Equatable {
        var listAllocs, maxObjs, grown, reaped, errors, maxFreeable, nodeAllocs, remoteFrees, alienOverflow: Int
        var allocHit, allocMiss, freeHit, freeMiss: Int
    }

    struct Row: Sendable, Equatable {
        var name: String
        var activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab: Int
        var limit, batchcount, sharedFactor: Int
        var activeSlabs, numSlabs, sharedAvail: Int
        /// Bytes of one slab (PAGE_SIZE << order): slabtop's CACHE SIZE is num_slabs of them.
        var slabBytes: Int
        var stats: Stats?

        /// slabtop's CACHE SIZE in KiB.
        var cacheKB: Int { numSlabs * slabBytes / 1024 }
    }

    /// "slabinfo - version: 2.1 (statistics)": SLAB built with CONFIG_DEBUG_SLAB.
    var statistics: Bool
    /// Creation order (the file prints newest first).
    var rows: [Row]

    init(_ k: Kernel) {
        statistics = k.slab.kind == .slab && k.slab.debug.debugSlab
        let stats = statistics
        rows = k.slab.caches.map { c in
            let i = Self.info(c, k)
            let t = c.stats
            return Row(name: c.name, activeObjs: i.active, numObjs: i.total, objSize: c.size, objPerSlab: c.num,
                       pagesPerSlab: c.pagesPerSlab, limit: c.limit, batchcount: c.batchcount, sharedFactor: c.shared,
                       activeSlabs: i.activeSlabs, numSlabs: i.slabs, sharedAvail: i.sharedAvail, slabBytes: k.pageSize << c.order,
                       stats: stats ? Stats(listAllocs: t.allocs, maxObjs: t.high, grown: t.grown, reaped: t.reaped, errors: t.errors,
                                            maxFreeable: t.maxFreeable, nodeAllocs: t.nodeAllocs, remoteFrees: t.nodeFrees,
                                            alienOverflow: t.overflows, allocHit: t.allocHit, allocMiss: t.allocMiss,
                                            freeHit: t.freeHit, freeMiss: t.freeMiss) : nil)
        }
    }

    /// get_slabinfo() for one cache. SLUB: active_objs = objects − free objects on the node partial lists, and every
    /// slab counts as active. SLAB: free objects are those on any slab's freelist; active slabs are the non-free ones.
    static func info(_ c: KmemCache, _ k: Kernel) -> (active: Int, total: Int, activeSlabs: Int, slabs: Int, sharedAvail: Int) {
        let total = c.slabs.values.reduce(0) { $0 + $1.objects.count }
        switch k.slab.kind {
        case .slub:
            let freeOnPartial = c.partial.reduce(0) { $0 + (c.slabs[$1]?.freelist.count ?? 0) }
            return (total - freeOnPartial, total, c.numSlabs, c.numSlabs, 0)
        case .slab:
            let freeObjects = c.slabs.values.reduce(0) { $0 + $1.freelist.count }
            return (total - freeObjects, total, c.numSlabs - c.free.count, c.numSlabs, c.sharedArray.count)
        }
    }

    func row(_ name: String) -> Row? { rows.first { $0.name == name } }

    /// slabtop's order: largest cache first, then by name.
    var bySize: [Row] { rows.sorted { $0.cacheKB != $1.cacheKB ? $0.cacheKB > $1.cacheKB : $0.name < $1.name } }

    /// slabtop's header: the sums over every cache.
    struct Totals: Sendable, Equatable {
        var activeObjs, numObjs, activeSlabs, numSlabs, activeCaches, caches: Int
        var activeBytes, totalBytes: Int
        var minObjSize, avgObjSize, maxObjSize: Int
    }

    var totals: Totals {
        let sizes = rows.map(\.objSize)
        return Totals(activeObjs: rows.reduce(0) { $0 + $1.activeObjs }, numObjs: rows.reduce(0) { $0 + $1.numObjs },
                      activeSlabs: rows.reduce(0) { $0 + $1.activeSlabs }, numSlabs: rows.reduce(0) { $0 + $1.numSlabs },
                      activeCaches: rows.filter { $0.numObjs > 0 }.count, caches: rows.count,
                      activeBytes: rows.reduce(0) { $0 + $1.activeObjs * $1.objSize }, totalBytes: rows.reduce(0) { $0 + $1.cacheKB } * 1024,
                      minObjSize: sizes.min() ?? 0, avgObjSize: rows.isEmpty ? 0 : sizes.reduce(0, +) / rows.count, maxObjSize: sizes.max() ?? 0)
    }
}

/// Why a write of tunables to /proc/slabinfo was refused.
public enum SlabTuneError: Error, Sendable, Equatable {
    /// SLUB has no array caches: its /proc/slabinfo is read-only (slabinfo_write() returns -EIO).
    case notSLAB
    case noSuchCache
    /// limit < 1, batchcount < 1, batchcount > limit or shared < 0 (-EINVAL), or a value that is not a C int.
    case invalid
}

extension Kernel {
    /// slabinfo_write() → do_tune_cpucache() (mm/slab.c): `echo "NAME LIMIT BATCHCOUNT SHARED" > /proc/slabinfo`.
    /// The old array caches are emptied back into their slabs (free_block()), then the cache takes the new
    /// tunables and the node's free_limit is recomputed as setup_kmem_cache_node() does.
    public mutating func tuneCpucache(_ name: String, limit: Int, batchcount: Int, shared: Int) -> Result<Void, SlabTuneError> {
        guard slab.kind == .slab else { return .failure(.notSLAB) }
        guard let ci = slab.index(named: name) else { return .failure(.noSuchCache) }
        // sscanf("%d %d %d") reads C ints: nothing above INT_MAX reaches do_tune_cpucache().
        guard limit >= 1, batchcount >= 1, batchcount <= limit, shared >= 0,
              limit <= Int(Int32.max), shared <= Int(Int32.max) else { return .failure(.invalid) }
        flushCPUCaches(ci)
        slab.caches[ci].limit = limit
        slab.caches[ci].batchcount = batchcount
        slab.caches[ci].shared = shared
        slab.caches[ci].freeLimit = (1 + slab.cpus) * batchcount + slab.caches[ci].num
        if explainEnabled { explain(.slab(.tuned(cache: name, limit: limit, batchcount: batchcount, shared: slab.caches[ci].shared))) }
        return .success(())
    }
}

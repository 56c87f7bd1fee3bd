/// struct kmem_cache (include/linux/slab_def.h for SLAB, slub_def.h for SLUB): a cache of equal-sized objects,
/// with its geometry, tunables, per-CPU state and node lists. One node (node 0) is modelled.
public struct KmemCache: Sendable, Equatable, Codable {
    /// kmemsim's id for the cache; slab pages carry it in `PageFrame.tag`.
    public var id: UInt32
    public var name: String
    /// object_size: what the caller asked for.
    public var objectSize: Int
    /// size: the stride of one object with alignment and metadata.
    public var size: Int
    public var align: Int
    public var flags: SlabFlags
    public var hasCtor: Bool
    /// The gfp flags every new slab is allocated with (cachep->allocflags / s->allocflags).
    public var allocflags: GFPFlags
    public var order: Int
    /// Objects per slab (SLAB cachep->num, SLUB oo_objects(s->oo)).
    public var num: Int
    public var layout: SlabLayout
    /// SLAB colouring: colour_off (bytes per colour step), colour (number of colours), colour_next.
    public var colourOff: Int = 0
    public var colour: Int = 0
    public var colourNext: Int = 0
    /// SLAB: bytes of the index freelist (num × sizeof(freelist_idx_t)).
    public var freelistSize: Int = 0
    /// Where the returned pointer starts inside the object's slot: SLAB obj_offset / SLUB red_left_pad.
    public var objOffset: Int = 0
    /// SLUB: s->offset (free pointer) and s->inuse (end of the object's own data + free pointer area).
    public var freePointerOffset: Int = 0
    public var inuse: Int = 0
    /// SLAB tunables: limit, batchcount, shared, and the node's free_limit.
    public var limit = 0, batchcount = 0, shared = 0, freeLimit = 0
    /// SLUB: min_partial and cpu_partial (objects) / cpu_partial_slabs.
    public var minPartial = 0, cpuPartial = 0, cpuPartialSlabs = 0
    /// Number of kmem_cache_create() calls sharing this cache (merging), and the merged names.
    public var refcount = 1
    public var aliases: [String] = []
    /// Created by the kernel at boot (not destroyable by the learner).
    public var isBootCache = false
    /// Objects in use when boot finished, so that "what is still held" can leave boot's own allocations out.
    public var bootLiveObjects = 0
    /// refcount at the end of boot: the boot caches merged into this one (so only the learner's aliases count as held).
    public var bootRefcount = 0
    /// Created with a usercopy region (kmem_cache_create_usercopy): never a merge target with HARDENED_USERCOPY.
    public var usercopy = false
    /// Where this cache's own struct kmem_cache / kmem_cache_node objects live.
    public var descriptorAddress: UInt64?
    public var nodeAddress: UInt64?
    /// SLAB: array_cache.touched per CPU.
    public var arrayTouched: [Bool] = []

    /// Every slab of the cache, by head PFN.
    public var slabs = SlabTable()
    /// Node lists in list order (front = list head). SLAB: full/partial/free; SLUB: partial (+ full with STORE_USER).
    public var full: [Int] = []
    public var partial: [Int] = []
    public var free: [Int] = []
    /// SLAB: per-CPU array caches (entries LIFO, last = next handed out) and the node's shared array.
    public var arrays: [[UInt64]] = []
    public var sharedArray: [UInt64] = []
    /// SLUB: kmem_cache_cpu.slab and .partial per CPU.
    public var cpuSlab: [Int?] = []
    public var cpuPartialList: [[Int]] = []
    /// Counters for views.
    public var totalAllocs = 0, totalFrees = 0
    /// SLAB's CONFIG_DEBUG_SLAB statistics (/proc/slabinfo "2.1 (statistics)").
    public var stats = SlabStats()

    /// The cache without its slabs and lists. Hold this (not the cache) across changes to the cache, so that a
    /// change does not copy the slab dictionary (copy-on-write) — an O(slabs) cost per operation otherwise.
    public var shape: KmemCache {
        var c = self
        c.slabs = [:]
        c.full = []
        c.partial = []
        c.free = []
        c.arrays = []
        c.sharedArray = []
        c.cpuSlab = []
        c.cpuPartialList = []
        c.arrayTouched = []
        return c
    }

    public var pagesPerSlab: Int { 1 << order }
    public var numSlabs: Int { slabs.count }
    public var totalObjects: Int { slabs.count * num }
    /// Objects handed to callers (SLAB array-cache entries are not).
    public var liveObjects: Int {
        slabs.values.reduce(0) { $0 + $1.inuse } - arrays.reduce(0) { $0 + $1.count } - sharedArray.count
    }
    public var isDebug: Bool { !flags.intersection(SlabFlags.debugFlags).isEmpty }
    public var isReclaimable: Bool { flags.contains(.reclaimAccount) }
}

/// mm/slab.c STATS_* counters: globalstat and cpustat columns of /proc/slabinfo under CONFIG_DEBUG_SLAB.
public struct SlabStats: Sendable, Equatable, Codable {
    /// num_allocations (objects taken from slabs into array caches), num_active and its high_mark, grown slabs.
    public var allocs = 0, active = 0, high = 0, grown = 0
    public var reaped = 0, errors = 0, maxFreeable = 0, nodeAllocs = 0, nodeFrees = 0, overflows = 0
    public var allocHit = 0, allocMiss = 0, freeHit = 0, freeMiss = 0
}

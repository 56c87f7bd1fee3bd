import KernelMM

/// `slab CACHE` as data: the cache's geometry, its per-CPU state (SLAB array caches or SLUB CPU slabs) and every slab
/// with the state of each object. The text, `--json` and the one-line summary `kmem_cache_create` prints read it.
struct SlabCacheModel: Sendable, Equatable {
    /// mm/slab.c: the freelist's place, colouring, the tunables and the three node lists.
    struct SlabState: Sendable, Equatable {
        var layout: SlabLayout
        var colour, colourOff, colourNext: Int
        var limit, batchcount, shared, freeLimit: Int
        /// Objects in each CPU's array cache, then in the shared one.
        var arrayAvail: [Int]
        var sharedAvail: Int
        var full, partial, free: Int
    }

    /// mm/slub.c: the free pointer, the partial-list limits and each CPU's slab.
    struct SlubState: Sendable, Equatable {
        struct CPUSlab: Sendable, Equatable {
            var slab: Int?
            var partial: Int
        }
        var freePointerOffset: Int
        var minPartial, cpuPartial, cpuPartialSlabs: Int
        var debug: Bool
        var cpuSlabs: [CPUSlab]
        var nodePartial: Int
        /// SLAB_STORE_USER keeps full slabs on a list (nil: it does not).
        var full: Int?
    }

    enum Allocator: Sendable, Equatable {
        case slab(SlabState)
        case slub(SlubState)
    }

    struct SlabRow: Sendable, Equatable {
        var pfn: Int
        var address: UInt64
        var list: SlabList
        /// The CPU holding it (CPU slab, CPU partial), else nil.
        var cpu: Int?
        var inuse: Int
        var objects: [ObjectState]
    }

    var name: String
    /// The name asked for, when it was merged into `name`.
    var mergedName: String?
    var aliases: [String]
    var objectSize, size, align, num, order: Int
    var slabBytes: Int
    /// Bytes of a slab no object uses (an on-slab freelist counts as used).
    var leftOver: Int
    var layout: SlabLayout
    var freelistSize: Int
    var flags: String
    var hasCtor: Bool
    /// The gfp bits every slab allocation adds (cache->allocflags), in %pGg spelling; nil: the caller's gfp only.
    var allocflags: String?
    var allocator: Allocator
    var numSlabs, liveObjects, totalObjects: Int
    /// Slabs in list order: CPU slabs, CPU partial, full, partial, free, then those on no list.
    var slabs: [SlabRow]

    init?(_ asked: String, _ k: Kernel) {
        guard let c = k.slab.cache(named: asked) else { return nil }
        name = c.name
        mergedName = c.name != asked ? asked : nil
        aliases = c.aliases
        objectSize = c.objectSize
        size = c.size
        align = c.align
        num = c.num
        order = c.order
        slabBytes = k.pageSize << c.order
        leftOver = slabBytes - c.num * c.size - (c.layout == .onSlab ? c.freelistSize : 0)
        layout = c.layout
        freelistSize = c.freelistSize
        flags = c.flags.names
        hasCtor = c.hasCtor
        allocflags = c.allocflags.isEmpty ? nil : c.allocflags.kernelDescription
        switch k.slab.kind {
        case .slab:
            allocator = .slab(SlabState(layout: c.layout, colour: c.colour, colourOff: c.colourOff, colourNext: c.colourNext,
                                        limit: c.limit, batchcount: c.batchcount, shared: c.shared, freeLimit: c.freeLimit,
                                        arrayAvail: c.arrays.map(\.count), sharedAvail: c.sharedArray.count,
                                        full: c.full.count, partial: c.partial.count, free: c.free.count))
        case .slub:
            allocator = .slub(SlubState(freePointerOffset: c.freePointerOffset, minPartial: c.minPartial, cpuPartial: c.cpuPartial,
                                        cpuPartialSlabs: c.cpuPartialSlabs, debug: c.isDebug,
                                        cpuSlabs: c.cpuSlab.enumerated().map { .init(slab: $0.element, partial: c.cpuPartialList[$0.offset].count) },
                                        nodePartial: c.partial.count, full: c.flags.contains(.storeUser) ? c.full.count : nil))
        }
        numSlabs = c.numSlabs
        liveObjects = c.liveObjects
        totalObjects = c.totalObjects
        slabs = Self.orderedSlabs(c).compactMap { pfn in
            guard let sl = c.slabs[pfn] else { return nil }
            return SlabRow(pfn: pfn, address: k.pageAddress(pfn) ?? 0, list: sl.list, cpu: sl.cpu >= 0 ? sl.cpu : nil,
                           inuse: sl.inuse, objects: sl.objects)
        }
    }

    static func orderedSlabs(_ c: KmemCache) -> [Int] {
        var out = c.cpuSlab.compactMap { $0 } + c.cpuPartialList.flatMap { $0 } + c.full + c.partial + c.free
        let seen = Set(out)
        out += c.slabs.keys.filter { !seen.contains($0) }.sorted()
        return out
    }
}

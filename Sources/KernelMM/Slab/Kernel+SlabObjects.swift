/// Where an address falls in the slab layer.
public struct SlabObjectLocation: Sendable, Equatable {
    public var cacheIndex: Int
    public var slabPFN: Int
    /// The object slot the address falls in (nil when it is in the slab's management area or leftover).
    public var index: Int?
    /// The address is exactly the start of an object (what an allocation returned).
    public var exact: Bool
    public var offsetInObject: Int
}

extension Kernel {
    /// page_address(slab) + the first object's offset (colour and on-slab freelist for SLAB).
    func slabObjectsStart(_ s: Slab) -> UInt64 { slabObjectsStart(head: s.pfn, firstObjectOffset: s.firstObjectOffset) }

    /// The same from plain values (the allocation path: handing a method of the kernel the cache and slab read in
    /// place made the compiler copy the whole Kernel value, and both of them, on every allocation).
    func slabObjectsStart(head: Int, firstObjectOffset: Int) -> UInt64 {
        (pageAddress(head) ?? physAddr(head)) &+ UInt64(firstObjectOffset)
    }

    /// The pointer handed out for object `index`: slot start + obj_offset (SLAB red zone) / red_left_pad (SLUB).
    public func objectAddress(_ c: KmemCache, _ s: Slab, index: Int) -> UInt64 {
        objectAddress(head: s.pfn, firstObjectOffset: s.firstObjectOffset, size: c.size, objOffset: c.objOffset, index: index)
    }

    /// The same from plain values (see slabObjectsStart(head:firstObjectOffset:)).
    func objectAddress(head: Int, firstObjectOffset: Int, size: Int, objOffset: Int, index: Int) -> UInt64 {
        slabObjectsStart(head: head, firstObjectOffset: firstObjectOffset) &+ UInt64(index * size + objOffset)
    }

    /// virt_to_slab(): the head frame of the slab holding a direct-map address, if it is a slab page.
    public func slabHead(ofPFN pfn: Int) -> Int? {
        let f = frames[pfn]
        if f.state == .allocated && f.owner == .slab { return pfn }
        if f.state == .tail && f.flags.contains(.compoundTail) {
            let h = Int(f.tag)
            if h < frames.count && frames[h].state == .allocated && frames[h].owner == .slab { return h }
        }
        return nil
    }

    /// Resolves an address to cache, slab and object (for kfree, kmem ADDR, reports).
    public func locateSlabObject(_ addr: UInt64) -> SlabObjectLocation? {
        guard let pfn = directMapPFN(addr), let head = slabHead(ofPFN: pfn),
              let ci = slab.index(id: frames[head].tag), let s = slab.caches[ci].slabs[head] else { return nil }
        let c = slab.caches[ci]
        let start = slabObjectsStart(s)
        guard addr >= start else {
            return SlabObjectLocation(cacheIndex: ci, slabPFN: head, index: nil, exact: false, offsetInObject: 0)
        }
        let off = Int(addr - start)
        let idx = off / c.size
        guard idx < s.objects.count else {
            return SlabObjectLocation(cacheIndex: ci, slabPFN: head, index: nil, exact: false, offsetInObject: 0)
        }
        let within = off % c.size - c.objOffset
        return SlabObjectLocation(cacheIndex: ci, slabPFN: head, index: idx, exact: within == 0, offsetInObject: within)
    }

    /// GFP_SLAB_BUG_MASK: __GFP_DMA32 | __GFP_HIGHMEM | bits above __GFP_BITS_SHIFT.
    static let slabBugMask = GFPFlags(rawValue: GFPFlags.dma32.rawValue | GFPFlags.highmem.rawValue | ~GFPFlags.validBits.rawValue)
    /// GFP_RECLAIM_MASK | GFP_CONSTRAINT_MASK: what a slab keeps of the caller's mask when it grows.
    static let slabGrowMask: GFPFlags = [.reclaim, .high, .io, .fs, .nowarn, .retryMayfail, .nofail, .noretry, .memalloc,
                                         .nomemalloc, .hardwall, .thisnode]

    /// mm/slab_common.c: kmalloc_fix_flags() — strip the zone bits slab pages may not have, and say so.
    mutating func kmallocFixFlags(_ gfp: GFPFlags, caller: String) -> GFPFlags {
        let invalid = gfp.intersection(Self.slabBugMask)
        let fixed = gfp.subtracting(Self.slabBugMask)
        report(.slab(.unexpectedGFP(invalid: invalid, fixed: fixed)),
               callTrace: ["dump_stack_lvl", "kmalloc_fix_flags", caller],
               note: .kmallocZoneBitsDropped)
        return fixed
    }

    /// mm/slub.c allocate_slab() / mm/slab.c cache_grow_begin(): a new slab from the page allocator with the
    /// cache's allocflags; SLUB first tries its preferred order lightly, then the minimum order. Returns the head PFN.
    mutating func growSlab(_ ci: Int, gfp inGFP: GFPFlags, caller: String) -> Int? {
        var gfp = inGFP
        if !gfp.intersection(Self.slabBugMask).isEmpty { gfp = kmallocFixFlags(gfp, caller: caller) }
        if slab.caches[ci].hasCtor && gfp.contains(.zero), log.firstTime("ctor+__GFP_ZERO:" + slab.caches[ci].name) {
            // WARN_ON_ONCE(s->ctor && (flags & __GFP_ZERO)): mm/slub.c:2068 new_slab(), mm/slab.c:2539 cache_grow_begin().
            report(.warning(file: slab.kind == .slub ? "mm/slub.c" : "mm/slab.c", line: slab.kind == .slub ? 2068 : 2539, function: slab.kind == .slub ? "new_slab" : "cache_grow_begin"),
                   taint: "W", callTrace: [slab.kind == .slub ? "new_slab" : "cache_grow_begin", caller],
                   note: .ctorWithZero)
        }
        let c = slab.caches[ci].shape
        let flags = gfp.intersection(Self.slabGrowMask).union(c.allocflags)
        var order = c.order
        var pfn: PFN?
        if slab.kind == .slub {
            let minOrder = getOrder(c.size)
            var light = flags.union([.nowarn, .noretry]).subtracting(.nofail)
            if light.contains(.directReclaim) && order > minOrder { light = light.union(.nomemalloc).subtracting(.reclaim) }
            pfn = allocPages(light, order: order, owner: .slab, tag: c.id, caller: "allocate_slab")
            if pfn == nil {
                // The light attempt failed: retry at s->min with the caller's own flags (which may reclaim).
                if explainEnabled { explain(.slab(.noretryRetryAtMinOrder(order: order, minOrder: minOrder))) }
                order = minOrder
                pfn = allocPages(flags.union(order > 0 ? .comp : []), order: order, owner: .slab, tag: c.id, caller: "allocate_slab")
            }
        } else {
            pfn = allocPages(flags, order: order, owner: .slab, tag: c.id, caller: "kmem_getpages")
        }
        guard let head = pfn?.raw else {
            if slab.kind == .slub && !gfp.contains(.nowarn) {
                // slab_out_of_memory(): node_nr_slabs(), node_nr_objs() and count_partial(n, count_free), the free
                // objects of the node's partial slabs. From the cache itself: `c` is its shape, without slabs.
                let live = slab.caches[ci]
                let partialFree = live.partial.reduce(0) { n, p in n + (live.slabs.read(p) { $0.objects.count - $0.inuse } ?? 0) }
                report(.slab(.slubOutOfMemory(SlubOutOfMemory(gfp: gfp, cache: c.name, objectSize: c.objectSize, size: c.size, order: c.order, minOrder: getOrder(c.size),
                                                              slabs: live.numSlabs, objects: live.totalObjects, free: partialFree))))
            }
            return nil
        }
        let num = order == c.order ? c.num : (pageSize << order) / c.size
        var first = 0
        if slab.kind == .slab {
            // cache_grow_begin(): colour_next is advanced, then used; an on-slab freelist follows the colour.
            var cn = slab.caches[ci].colourNext + 1
            if cn >= c.colour { cn = 0 }
            slab.caches[ci].colourNext = cn
            first = cn * c.colourOff
            if c.layout == .onSlab { first += c.freelistSize }
        }
        var s = Slab(pfn: head, list: .free, firstObjectOffset: first,
                     freelist: (0..<num).reversed().map { Int32($0) },
                     objects: Array(repeating: .free, count: num))
        if c.flags.contains(.storeUser) { s.tracks = Array(repeating: ObjectTrack(), count: num) }
        slab.caches[ci].slabs[head] = s
        initSlabDebugBytes(ci, pfn: head)
        if explainEnabled {
            explain(.slab(.newSlab(cache: c.name, order: order, zone: zoneIndex(ofPFN: head).map { zones[$0].type }, pfn: head,
                                   objects: num, colourOffset: slab.kind == .slab ? first - (c.layout == .onSlab ? c.freelistSize : 0) : nil,
                                   constructor: c.hasCtor)))
        }
        return head
    }

    /// discard_slab() / slab_destroy(): the pages go back to the page allocator. The slab must be off every list.
    mutating func discardSlab(_ ci: Int, pfn: Int) {
        guard let s = slab.caches[ci].slabs.removeValue(forKey: pfn) else { return }
        removeFromLists(ci, pfn: pfn, list: s.list)
        freePages(PFN(pfn), order: Int(frames[pfn].order), owner: .slab, caller: slab.kind == .slub ? "__free_slab" : "kmem_freepages")
    }

    mutating func removeFromLists(_ ci: Int, pfn: Int, list: SlabList) {
        switch list {
        case .full: slab.caches[ci].full.removeAll { $0 == pfn }
        case .partial: slab.caches[ci].partial.removeAll { $0 == pfn }
        case .free: slab.caches[ci].free.removeAll { $0 == pfn }
        case .cpu:
            for i in slab.caches[ci].cpuSlab.indices where slab.caches[ci].cpuSlab[i] == pfn { slab.caches[ci].cpuSlab[i] = nil }
        case .cpuPartial:
            for i in slab.caches[ci].cpuPartialList.indices { slab.caches[ci].cpuPartialList[i].removeAll { $0 == pfn } }
        case .none: break
        }
    }

    /// Moves a slab to a list (at the head or the tail), taking it off the one it was on.
    mutating func moveSlab(_ ci: Int, pfn: Int, to list: SlabList, tail: Bool, cpu: Int = -1) {
        // One change of the slab in place: each change through the subscript's `_modify` was a malloc and a free.
        guard let old = slab.caches[ci].slabs.update(pfn, { s -> SlabList in
            defer { s.list = list; s.cpu = cpu }
            return s.list
        }) else { return }
        removeFromLists(ci, pfn: pfn, list: old)
        func put(_ a: inout [Int]) { if tail { a.append(pfn) } else { a.insert(pfn, at: 0) } }
        switch list {
        case .full: put(&slab.caches[ci].full)
        case .partial: put(&slab.caches[ci].partial)
        case .free: put(&slab.caches[ci].free)
        case .cpu: slab.caches[ci].cpuSlab[cpu] = pfn
        case .cpuPartial: put(&slab.caches[ci].cpuPartialList[cpu])
        case .none: break
        }
    }

    /// Takes the next free object off a slab's freelist (mutated in place: no copy of the object arrays).
    mutating func takeObject(_ ci: Int, pfn: Int, state: ObjectState) -> Int? {
        // One lookup and one in-place change of the slab, not three.
        slab.caches[ci].slabs.update(pfn) { $0.take(state) } ?? nil
    }

    /// Puts an object back on its slab's freelist (it is handed out next).
    mutating func putObject(_ ci: Int, pfn: Int, index: Int) {
        // One change of the slab in place, not a lookup and four.
        guard let hasBytes = slab.caches[ci].slabs.update(pfn, { s -> Bool in
            s.objects[index] = .free
            s.freelist.append(Int32(index))
            s.inuse -= 1
            return !s.bytes.isEmpty
        }) else { return }
        if slab.kind == .slub, hasBytes { writeFreePointer(ci, pfn: pfn, index: index) }
    }
}

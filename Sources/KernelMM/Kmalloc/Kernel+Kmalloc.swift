/// What kfree() did.
public enum KfreeOutcome: Sendable, Equatable {
    case noop, freedObject, freedPages, refused
}

extension Kernel {
    /// kmalloc(size, flags): a slab object of the size class, or pages above KMALLOC_MAX_CACHE_SIZE.
    public mutating func kmalloc(_ size: Int, gfp: GFPFlags, caller: String = "kmalloc") -> UInt64? {
        clock.tick()
        if size == 0 {
            if explainEnabled { explain(.kmalloc(.zeroSize)) }
            return zeroSizePointer
        }
        if size > kmallocMaxCacheSize { return kmallocLarge(size, gfp: gfp, caller: caller) }
        guard let cls = kmallocClassSize(size) else { return nil }
        let name = kmallocCacheName(classSize: cls, type: kmallocType(gfp))
        guard let ci = slab.index(named: name) else { return nil }
        if explainEnabled {
            explain(.kmalloc(.sizeClass(size: size, cache: name, classSize: cls, objectSize: slab.caches[ci].size)))
        }
        guard let addr = slabAllocObject(ci, gfp: gfp, caller: caller, origSize: size) else { return nil }
        let c = slab.caches[ci]
        if trace.enabled {
            traceEvent(.kmalloc(callSite: callerSymbol(caller, .alloc), ptr: addr, bytesReq: size, bytesAlloc: c.size, gfp: gfp,
                                accounted: gfp.contains(.account) || c.flags.contains(.account)))
        }
        return addr
    }

    /// __kmalloc_large_node(): alloc_pages(flags | __GFP_COMP, get_order(size)); counted as SUnreclaim.
    mutating func kmallocLarge(_ size: Int, gfp inGFP: GFPFlags, caller: String) -> UInt64? {
        var gfp = inGFP
        if !gfp.intersection(Self.slabBugMask).isEmpty { gfp = kmallocFixFlags(gfp, caller: "__kmalloc_large_node") }
        let order = size > kmallocMaxSize ? maxOrder + 1 : getOrder(size)
        if explainEnabled { explain(.kmalloc(.large(size: size, maxCacheSize: kmallocMaxCacheSize, order: order, wasted: size <= kmallocMaxSize ? (pageSize << order) - size : nil))) }
        guard let pfn = allocPages(gfp.union(.comp), order: order, owner: .kmallocLarge, caller: "__kmalloc_large_node"),
              let addr = pageAddress(pfn.raw) else { return nil }
        // trace_kmalloc() gets the caller's flags: __kmalloc_large_node() adds __GFP_COMP to its own copy (mm/slab_common.c:1166).
        if trace.enabled {
            traceEvent(.kmalloc(callSite: callerSymbol(caller, .alloc), ptr: addr, bytesReq: size, bytesAlloc: pageSize << order, gfp: gfp,
                                accounted: gfp.contains(.account)))
        }
        return addr
    }

    /// kzalloc(): kmalloc with __GFP_ZERO.
    public mutating func kzalloc(_ size: Int, gfp: GFPFlags, caller: String = "kzalloc") -> UInt64? {
        kmalloc(size, gfp: gfp.union(.zero), caller: caller)
    }

    /// kmalloc_array(): NULL when n × size overflows size_t (check_mul_overflow), else kmalloc(n × size).
    public mutating func kmallocArray(_ n: UInt64, _ size: UInt64, gfp: GFPFlags, caller: String = "kmalloc_array") -> UInt64? {
        let (bytes, overflow) = n.multipliedReportingOverflow(by: size)
        let limit: UInt64 = arch.is64Bit ? .max : UInt64(UInt32.max)
        if overflow || bytes > limit {
            if explainEnabled { explain(.kmalloc(.arrayOverflow(n: n, size: size))) }
            return nil
        }
        guard bytes <= UInt64(Int.max) else { return nil }
        return kmalloc(Int(bytes), gfp: gfp, caller: caller)
    }

    /// kcalloc(): kmalloc_array with __GFP_ZERO.
    public mutating func kcalloc(_ n: UInt64, _ size: UInt64, gfp: GFPFlags, caller: String = "kcalloc") -> UInt64? {
        kmallocArray(n, size, gfp: gfp.union(.zero), caller: caller)
    }

    /// ksize(): the usable size of an allocation (slab_ksize() for objects, the folio size for large ones).
    public func ksize(_ addr: UInt64) -> Int {
        if addr == 0 || addr == zeroSizePointer { return 0 }
        if let loc = locateSlabObject(addr) {
            let c = slab.caches[loc.cacheIndex]
            if slab.kind == .slab { return c.objectSize }
            if !c.flags.intersection([.redZone, .poison]).isEmpty { return c.objectSize }
            if !c.flags.intersection([.typesafeByRCU, .storeUser]).isEmpty { return c.inuse }
            return c.size
        }
        if let pfn = directMapPFN(addr), let head = largeKmallocHead(pfn) { return pageSize << Int(frames[head].order) }
        return 0
    }

    func largeKmallocHead(_ pfn: Int) -> Int? {
        let f = frames[pfn]
        if f.state == .allocated && f.owner == .kmallocLarge { return pfn }
        if f.state == .tail && f.flags.contains(.compoundTail), Int(f.tag) < frames.count,
           frames[Int(f.tag)].state == .allocated, frames[Int(f.tag)].owner == .kmallocLarge { return Int(f.tag) }
        return nil
    }

    /// kfree(): NULL and ZERO_SIZE_PTR are ignored; slab objects go back to their cache; large kmalloc pages to
    /// the page allocator.
    @discardableResult
    public mutating func kfree(_ addr: UInt64, caller: String = "kfree") -> KfreeOutcome {
        clock.tick()
        if trace.enabled { traceEvent(.kfree(callSite: callerSymbol(caller, .free), ptr: addr)) }
        if addr == 0 || addr == zeroSizePointer { return .noop }
        guard let pfn = directMapPFN(addr) else {
            // virt_to_folio() on an address outside the direct map computes a struct page past the memory map;
            // _compound_head() reads its second word (page->compound_head) and faults: the real kernel oopses there.
            report(.pageFault(address: structPageAddress(Int(truncatingIfNeeded: (addr &- arch.pageOffset) >> UInt64(arch.pageShift))) &+ UInt64(wordSize),
                              function: "kfree"), taint: "D", callTrace: ["kfree", caller],
                   note: .kfreeNotDirectMap(address: addr, vmalloc: isVmallocAddress(addr)))
            return .refused
        }
        if slabHead(ofPFN: pfn) != nil {
            return slabFree(expected: nil, addr, caller: caller, api: "kfree") == .freed ? .freedObject : .refused
        }
        if let head = largeKmallocHead(pfn) {
            if addr != pageAddress(head) {
                report(.kmemsimOnly, callTrace: ["kfree", caller],
                       note: .kfreeInsideLargeBlock(address: addr, head: pageAddress(head) ?? 0))
            }
            freePages(PFN(head), order: Int(frames[head].order), owner: .kmallocLarge, caller: "free_large_kmalloc")
            return .freedPages
        }
        // free_large_kmalloc() on a page that is neither a slab nor a large kmalloc.
        report(.warningMessage(message: "object pointer: 0x%p", pointer: addr, file: "mm/slab_common.c", line: 994, function: "free_large_kmalloc"),
               taint: "W", callTrace: ["free_large_kmalloc", "kfree", caller],
               note: .kfreeNotKmalloc(address: addr, owner: frames[pfn].state == .allocated ? frames[pfn].owner : nil))
        return .refused
    }

    /// krealloc(): keep the object when the new size still fits (ksize), else kmalloc + copy + kfree; size 0 frees.
    public mutating func krealloc(_ p: UInt64, _ newSize: Int, gfp: GFPFlags, caller: String = "krealloc") -> UInt64? {
        if newSize == 0 {
            kfree(p, caller: caller)
            return zeroSizePointer
        }
        let ks = ksize(p)
        if ks >= newSize {
            if explainEnabled { explain(.kmalloc(.kreallocFits(newSize: newSize, ksize: ks))) }
            return p
        }
        guard let n = kmalloc(newSize, gfp: gfp, caller: caller) else { return nil }
        if p != 0 && p != zeroSizePointer {
            if explainEnabled { explain(.kmalloc(.kreallocMoved(newSize: newSize, ksize: ks))) }
            kfree(p, caller: caller)
        }
        return n
    }
}

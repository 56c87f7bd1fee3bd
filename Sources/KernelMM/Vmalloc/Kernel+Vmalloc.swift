/// What vfree() did.
public enum VfreeOutcome: Sendable, Equatable {
    case freed(pages: Int)
    /// In interrupt context: queued for vfree_atomic's work item.
    case deferred
    /// NULL: nothing to do.
    case null
    /// The kernel complained (bad address, nonexistent area, NMI) and nothing changed.
    case refused
}

extension Kernel {
    /// mm/vmalloc.c __vmalloc_node_range(): reserve a range of vmalloc space (plus a guard page), allocate its pages
    /// one at a time from the page allocator (HIGHMEM allowed), and map them. Returns the area's address or nil.
    ///
    /// In interrupt context BUG_ON(in_interrupt()) in __get_vm_area_node() fires before anything else: the machine
    /// would die, and kmemsim leaves the state as it was.
    public mutating func vmallocNodeRange(size requested: UInt64, align: Int = 1, gfp: GFPFlags = .kernel,
                                          flags extra: VMFlags = [], caller: String, site: String? = nil,
                                          purpose: VMAreaPurpose = .vmalloc) -> UInt64? {
        clock.tick()
        if curCPU.inInterrupt {
            report(.kernelBug(file: "mm/vmalloc.c", line: 2579, function: "__get_vm_area_node"), taint: "D",
                   callTrace: ["__get_vm_area_node", "__vmalloc_node_range", caller],
                   note: .vmallocInInterrupt)
            return nil
        }
        if requested == 0 {
            if log.firstTime("vmalloc size 0") {
                report(.warning(file: "mm/vmalloc.c", line: 3247, function: "__vmalloc_node_range"), taint: "W",
                       callTrace: ["__vmalloc_node_range", caller], note: .vmallocZero)
            }
            return nil
        }
        let ps = UInt64(pageSize)
        guard requested <= UInt64(Int.max) - ps else {
            report(.vmallocError(message: "vmalloc error: size \(requested), exceeds total pages", gfp: gfp, memInfo: memInfoSnapshot()),
                   callTrace: ["warn_alloc", "__vmalloc_node_range", caller], note: .vmallocLargerThanRAM)
            return nil
        }
        let size = (requested + ps - 1) / ps * ps
        let nrPages = Int(size / ps)
        let totalRAM = zones.reduce(0) { $0 + $1.managedPages }
        if nrPages > totalRAM {
            if !gfp.contains(.nowarn) {
                report(.vmallocError(message: "vmalloc error: size \(requested), exceeds total pages", gfp: gfp, memInfo: memInfoSnapshot()),
                       callTrace: ["warn_alloc", "__vmalloc_node_range", caller],
                       note: .vmallocMorePagesThanRAM(pages: nrPages, managed: totalRAM))
            }
            return nil
        }
        // kzalloc_node() of the vm_struct: the first might_alloc() a sleeping mask meets.
        mightAlloc(gfp, caller: "__get_vm_area_node", why: .vmalloc)
        let flags: VMFlags = VMFlags.alloc.union(extra)
        // VM_ALLOW_HUGE_VMAP (kvmalloc, vmalloc_huge): with HAVE_ARCH_HUGE_VMALLOC (x86-64) and 2 MiB or more, try
        // PMD-sized chunks mapped by PMD entries first; if that fails in any way, try again with single pages.
        if flags.contains(.allowHugeVmap), let hugeShift = arch.hugeVmallocShift, size >= UInt64(1) << UInt64(hugeShift) {
            let chunk = UInt64(1) << UInt64(hugeShift)
            if let at = vmallocAttempt(requested: requested, size: (size + chunk - 1) / chunk * chunk,
                                       align: max(UInt64(align.nonzeroBitCount == 1 ? align : pageSize), chunk),
                                       pageOrder: hugeShift - arch.pageShift, gfp: gfp, flags: flags, caller: caller, site: site, purpose: purpose) {
                return at
            }
            if explainEnabled { explain(.kmalloc(.vmallocHugeFallback(order: hugeShift - arch.pageShift))) }
        }
        return vmallocAttempt(requested: requested, size: size, align: UInt64(max(pageSize, align.nonzeroBitCount == 1 ? align : pageSize)),
                              pageOrder: 0, gfp: gfp, flags: flags, caller: caller, site: site, purpose: purpose)
    }

    /// One pass of __get_vm_area_node() + __vmalloc_area_node(): reserve the range, allocate the pages in chunks of
    /// 2^pageOrder (split into single pages), map them. On failure everything it took is given back (the range
    /// lazily, as vfree() does) and nil is returned; only order-0 passes report a failure to get pages.
    private mutating func vmallocAttempt(requested: UInt64, size: UInt64, align alignment: UInt64, pageOrder: Int, gfp: GFPFlags,
                                         flags: VMFlags, caller: String, site: String?, purpose: VMAreaPurpose) -> UInt64? {
        let ps = UInt64(pageSize)
        let nrPages = Int(size / ps)
        let guardBytes: UInt64 = flags.contains(.noGuard) ? 0 : ps
        let r = vmallocRange
        // alloc_vmap_area(): no room → reclaim_and_purge_vmap_areas() and try once more (mm/vmalloc.c:1651).
        var gap = findVmapGap(size: size + guardBytes, align: alignment, start: r.start, end: r.end)
        if gap == nil, !vmalloc.purgeList.isEmpty {
            purgeVmapAreaLazy()
            gap = findVmapGap(size: size + guardBytes, align: alignment, start: r.start, end: r.end)
        }
        guard let at = gap else {
            if !gfp.contains(.nowarn) {
                report(.info("vmap allocation for size \(size + guardBytes) failed: use vmalloc=<size> to increase size"))
                report(.vmallocError(message: "vmalloc error: size \(requested), vm_struct allocation failed", gfp: gfp, memInfo: memInfoSnapshot()),
                       callTrace: ["warn_alloc", "__vmalloc_node_range", caller],
                       note: .vmallocNoGap(bytes: size + guardBytes, start: r.start, end: r.end))
            }
            return nil
        }
        let id = newVmapAreaID()
        if explainEnabled {
            explain(.kmalloc(.vmapAreaFirstFit(bytes: size + guardBytes, pages: nrPages, guardPages: guardBytes / ps, at: at)))
        }
        guard let pagesArray = vmallocPagesArray(for: id, at: at, bytes: size + guardBytes, nrPages: nrPages, gfp: gfp,
                                                 caller: caller, site: site) else {
            lazyFreeVmapRange(VMRange(start: at, size: Int(size + guardBytes)))
            return nil
        }
        // __vmalloc_area_node(): HIGHMEM is fine (the pages are reached through the page table), no per-page
        // failure report (__GFP_NOWARN); the vmalloc error below speaks for the whole request.
        var pageGFP = gfp.union(.nowarn)
        if gfp.intersection([.dma, .dma32]).isEmpty { pageGFP.insert(.highmem) }
        // __GFP_COMP would make each huge chunk a compound page, which split_page() cannot split
        // (VM_BUG_ON_PAGE(PageCompound(page)) with CONFIG_DEBUG_VM): kmemsim leaves it out and says so.
        if pageGFP.contains(.comp) {
            pageGFP.remove(.comp)
            if pageOrder > 0 { report(.kmemsimOnly, note: .vmallocDropsComp(gfp: gfp)) }
        }
        var pages: [Int32] = []
        pages.reserveCapacity(nrPages)
        // Narrate the first chunk's allocation only; the summary below lists the frames the rest came from.
        let narrate = explainEnabled
        let chunkPages = 1 << pageOrder
        var i = 0
        while i < nrPages {
            explainEnabled = narrate && i == 0
            guard let pfn = allocPages(pageGFP, order: pageOrder, owner: .vmalloc, tag: id, caller: "__vmalloc_area_node") else { break }
            splitPage(pfn.raw, order: pageOrder)
            for p in 0..<chunkPages { pages.append(Int32(pfn.raw + p)) }
            i += chunkPages
        }
        explainEnabled = narrate
        // fail: vfree(area->addr), as for an area that was made.
        func giveBack() { releaseVmallocArea(pages: pages, range: VMRange(start: at, size: Int(size + guardBytes)), pagesArray: pagesArray.address) }
        if pages.count < nrPages {
            let got = pages.count
            // A huge pass fails quietly: the order-0 retry speaks if it fails too.
            if pageOrder == 0, !gfp.contains(.nowarn) {
                report(.vmallocError(message: "vmalloc error: size \(got * pageSize), failed to allocate pages", gfp: gfp, memInfo: memInfoSnapshot()),
                       callTrace: ["warn_alloc", "__vmalloc_area_node", "__vmalloc_node_range", caller],
                       note: .vmallocPartialPages(got: got, wanted: nrPages))
            }
            giveBack()
            return nil
        }
        // vmap_pages_range(): the page tables on the way are allocated as the entries are written (a huge mapping
        // writes PMD entries and needs no PTE table).
        guard populateKernelPageTables(start: at, pages: nrPages, leafShift: arch.pageShift + pageOrder) else {
            if !gfp.contains(.nowarn) {
                report(.vmallocError(message: "vmalloc error: size \(nrPages * pageSize), failed to map pages", gfp: gfp, memInfo: memInfoSnapshot()),
                       callTrace: ["warn_alloc", "__vmalloc_area_node", "__vmalloc_node_range", caller])
            }
            giveBack()
            return nil
        }
        if explainEnabled {
            explain(.kmalloc(pageOrder > 0 ? .vmallocHugeMapped(chunks: nrPages >> pageOrder, order: pageOrder, pfns: stride(from: 0, to: pages.count, by: chunkPages).prefix(16).map { Int(pages[$0]) })
                                           : .vmallocPagesMapped(pages: nrPages, pfns: pages.prefix(16).map { Int($0) })))
        }
        insertVmapArea(VMArea(id: id, start: at, size: Int(size + guardBytes), flags: flags, pages: pages, nrPages: nrPages,
                              caller: site ?? caller, requested: Int(requested), purpose: purpose, pageOrder: pageOrder,
                              pagesArray: pagesArray.address))
        // include/trace/events/vmalloc.h alloc_vmap_area
        if trace.enabled {
            traceEvent(.allocVmapArea(vaStart: at, size: UInt64(size + guardBytes), align: UInt64(alignment), vstart: r.start, vend: r.end))
        }
        return at
    }

    /// vmalloc(size): GFP_KERNEL, page-aligned.
    public mutating func vmalloc(_ size: UInt64, caller: String = "vmalloc") -> UInt64? {
        vmallocNodeRange(size: size, gfp: .kernel, caller: caller, site: callSite?.symbol(.alloc))
    }

    /// vzalloc(size): GFP_KERNEL | __GFP_ZERO.
    public mutating func vzalloc(_ size: UInt64, caller: String = "vzalloc") -> UInt64? {
        vmallocNodeRange(size: size, gfp: GFPFlags.kernel.union(.zero), caller: caller, site: callSite?.symbol(.alloc))
    }

    /// vmalloc_user(size): zeroed, VM_USERMAP so remap_vmalloc_range() may map it to user space.
    public mutating func vmallocUser(_ size: UInt64, caller: String = "vmalloc_user") -> UInt64? {
        vmallocNodeRange(size: size, gfp: GFPFlags.kernel.union(.zero), flags: .usermap, caller: caller, site: callSite?.symbol(.alloc))
    }

    /// vfree(addr): NULL is a no-op; in interrupt context the area goes to vfree_atomic() (freed later by a work
    /// item); in NMI it is a BUG; otherwise the pages go back and the range is released.
    @discardableResult
    public mutating func vfree(_ addr: UInt64, caller: String = "vfree") -> VfreeOutcome {
        clock.tick()
        if curCPU.inNMI {
            if addr == 0 { return .null }
            report(.kernelBug(file: "mm/vmalloc.c", line: 2777, function: "vfree_atomic"), taint: "D",
                   callTrace: ["vfree_atomic", "vfree", caller],
                   note: .vfreeInNMI)
            return .refused
        }
        if !curCPU.inInterrupt {
            // mm/vmalloc.c vfree(): might_sleep() after the in_interrupt() and in_nmi() checks.
            mightSleep(file: "mm/vmalloc.c", line: 2819, caller: caller, why: .vfree)
        }
        if addr == 0 { return .null }
        if curCPU.inInterrupt {
            vmalloc.deferredFrees.append(addr)
            if explainEnabled { explain(.kmalloc(.vfreeDeferred(address: addr))) }
            return .deferred
        }
        return vfreeNow(addr, caller: caller)
    }

    /// __vfree() → remove_vm_area() + free the pages one by one.
    /// `kernelInternal` is for the kernel's own areas (task stacks), which a vfree() from the prompt may not touch.
    @discardableResult
    mutating func vfreeNow(_ addr: UInt64, caller: String, kernelInternal: Bool = false) -> VfreeOutcome {
        if addr & UInt64(pageSize - 1) != 0 {
            // remove_vm_area() warns and returns NULL (mm/vmalloc.c:2691); vfree() then warns that there is no area
            // (mm/vmalloc.c:2826): two warnings for one misaligned vfree.
            report(.warningMessage(message: "Trying to vfree() bad address (%p)", pointer: addr, file: "mm/vmalloc.c", line: 2691, function: "remove_vm_area"),
                   taint: "W", callTrace: ["remove_vm_area", "vfree", caller])
            report(.warningMessage(message: "Trying to vfree() nonexistent vm area (%p)", pointer: addr, file: "mm/vmalloc.c", line: 2826, function: "vfree"),
                   taint: "W", callTrace: ["vfree", caller],
                   note: .vfreeNotAligned(address: addr, areaStart: vmalloc.index(containing: addr).map { vmalloc.areas[$0].start }))
            return .refused
        }
        guard let i = vmalloc.index(containing: addr), vmalloc.areas[i].start == addr,
              vmalloc.areas[i].flags.contains(.alloc), kernelInternal || vmalloc.areas[i].purpose == .vmalloc else {
            let why: KmemsimNote
            if let i = vmalloc.index(containing: addr) {
                let a = vmalloc.areas[i]
                why = a.start != addr ? .vfreeInsideArea(address: addr, areaStart: a.start) : .vfreeNotVmallocArea(address: addr, purpose: a.purpose)
            } else if isVmallocAddress(addr) {
                why = .vfreeNoArea(address: addr)
            } else {
                why = .vfreeOutsideRange(address: addr, directMap: directMapPFN(addr) != nil)
            }
            report(.warningMessage(message: "Trying to vfree() nonexistent vm area (%p)", pointer: addr, file: "mm/vmalloc.c", line: 2826, function: "vfree"),
                   taint: "W", callTrace: ["vfree", caller], note: why)
            return .refused
        }
        let area = vmalloc.areas.remove(at: i)
        releaseVmallocArea(pages: area.pages, range: VMRange(start: area.start, size: area.size), pagesArray: area.pagesArray)
        // include/trace/events/vmalloc.h free_vmap_area_noflush
        if trace.enabled {
            traceEvent(.freeVmapAreaNoflush(vaStart: area.start, nrLazy: vmalloc.lazyPages, nrLazyMax: lazyMaxPages))
        }
        return .freed(pages: area.pages.count)
    }

    /// __vfree()'s work once the area is off the busy list: the pages go back one by one, the range onto the lazy purge
    /// list, and a vmalloc'ed page array with them (kvfree(vm->pages)).
    private mutating func releaseVmallocArea(pages: [Int32], range: VMRange, pagesArray: UInt64?) {
        for p in pages { freePages(PFN(Int(p)), order: 0, owner: .vmalloc, caller: "__vfree") }
        lazyFreeVmapRange(range)
        if let a = pagesArray { vfreeNow(a, caller: "kvfree", kernelInternal: true) }
    }

    /// free_work(): the deferred vfree()s, run once the CPU is back in process context.
    mutating func runDeferredVfree() {
        guard !vmalloc.deferredFrees.isEmpty else { return }
        let pending = vmalloc.deferredFrees
        vmalloc.deferredFrees.removeAll()
        for a in pending { vfreeNow(a, caller: "delayed_vfree_work") }
    }

    /// vmalloc_to_page(): walk the area's page table. nil for addresses not mapped (outside every area or in a
    /// guard page).
    public func vmallocToPage(_ addr: UInt64) -> PFN? {
        guard let i = vmalloc.index(containing: addr) else { return nil }
        let a = vmalloc.areas[i]
        let idx = Int((addr - a.start) / UInt64(pageSize))
        guard idx < a.pages.count, a.pages[idx] >= 0 else { return nil }
        return PFN(Int(a.pages[idx]))
    }

    /// is_vmalloc_addr(): inside [VMALLOC_START, VMALLOC_END).
    public func isVmallocAddr(_ addr: UInt64) -> Bool { isVmallocAddress(addr) }

    static func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }
}

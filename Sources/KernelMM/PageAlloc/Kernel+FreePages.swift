/// What happened to a free request.
public enum FreeOutcome: Sendable, Equatable {
    /// The block went back to the allocator.
    case freed
    /// The kernel (or kmemsim) refused: a report is in the log and nothing changed.
    case refused
    /// Part of the block was freed and the rest leaked, as the kernel does with a too-small order.
    case partiallyFreed(freedOrder: Int, leakedPages: Int)
}

extension Kernel {
    /// mm/page_alloc.c: __free_pages(page, order). The kernel does not check the order; kmemsim checks everything a
    /// CONFIG_DEBUG_VM kernel checks (and reports it in the kernel's words) and, beyond that, what only a teacher
    /// would: a wrong order on a non-compound block. Nothing is ever merged that should not be.
    @discardableResult
    public mutating func freePages(_ page: PFN, order: Int, owner: FrameOwner = .pageAlloc,
                                   caller: String = "__free_pages") -> FreeOutcome {
        clock.tick()
        let pfn = page.raw
        let inRange = UInt(bitPattern: pfn) < UInt(bitPattern: frames.count)
        // The common case, which every check below passes: the allocated head of a block of this order and owner.
        // Its storage is its value (no implicit run holds an allocated frame, and their storage never reads as one).
        if inRange {
            let f = frames.storage(pfn)
            if _fastPath(f.state == .allocated && order == Int(f.order) && order <= maxOrder && f.owner == owner) {
                releaseBlock(pfn, order: order, caller: caller)
                if _slowPath(highmem.held > 0) { noteFreedWhileMapped(pfn: pfn, pages: 1 << order) }
                return .freed
            }
        }
        return freePagesChecked(pfn, inRange ? frames[pfn] : PageFrame.absent, order: order, owner: owner, caller: caller)
    }

    /// The rest of __free_pages()'s checks, out of line: each refusal's report, and a smaller order's leak.
    @inline(never)
    private mutating func freePagesChecked(_ pfn: Int, _ f: PageFrame, order: Int, owner: FrameOwner, caller: String) -> FreeOutcome {
        // Built only when a report needs it: an array per free would cost more than the free itself.
        func trace() -> [String] { ["__free_pages", caller] }
        guard f.state != .absent else {
            report(.kernelBug(file: "include/linux/mm.h", line: 1095, function: "put_page_testzero"), taint: "D", callTrace: trace(),
                   note: .freeNotRAM(pfn: pfn))
            return .refused
        }
        guard order >= 0, order <= maxOrder else {
            report(.kmemsimOnly, callTrace: trace(),
                   note: .freeOrderOutOfRange(order: order, maxOrder: maxOrder))
            return .refused
        }
        switch f.state {
        case .reserved:
            report(.badPageState(pageDump(pfn), reason: "PAGE_FLAGS_CHECK_AT_FREE flag(s) set"), taint: "B", callTrace: ["bad_page", "free_page_is_bad"] + trace(),
                   note: .freeReserved(pfn: pfn))
            return .refused
        case .buddy, .pcp:
            refcountZero(pfn, trace: trace(), note: f.state == .buddy
                ? .doubleFreeBuddyHead(pfn: pfn, order: Int(f.order)) : .doubleFreeOnPCP(pfn: pfn, cpu: pcpOwnerCPU(pfn) ?? currentCPU))
            return .refused
        case .tail, .absent:
            if let fb = freeBlock(containing: pfn) {
                refcountZero(pfn, trace: trace(), note: .freeInsideFreeBlock(pfn: pfn, order: fb.order, head: fb.head))
            } else if let ab = allocatedBlock(containing: pfn) {
                refcountZero(pfn, trace: trace(), note: .freeTailPage(pfn: pfn, index: pfn - ab.head, order: ab.order, head: ab.head))
            } else {
                refcountZero(pfn, trace: trace(), note: .freeNotBlockStart(pfn: pfn))
            }
            return .refused
        case .allocated:
            break
        }
        let allocOrder = Int(f.order)
        var outcome = FreeOutcome.freed
        if f.owner != owner {
            if f.owner == .slab {
                report(.badPageState(pageDump(pfn), reason: "PAGE_FLAGS_CHECK_AT_FREE flag(s) set"), taint: "B", callTrace: ["bad_page", "free_page_is_bad"] + trace(),
                       note: .freeSlabPage(pfn: pfn))
            } else {
                report(.kmemsimOnly, callTrace: trace(),
                       note: .freeOtherOwner(pfn: pfn, owner: f.owner))
            }
            return .refused
        }
        if order != allocOrder {
            if f.flags.contains(.head) {
                report(.vmBugOnPage(pageDump(pfn), condition: "compound && compound_order(page) != order", file: "mm/page_alloc.c", line: 1107),
                       taint: "D", callTrace: ["free_pages_prepare", "free_unref_page"] + trace(),
                       note: .compoundOrderMismatch(allocOrder: allocOrder, order: order))
                return .refused
            }
            if order > allocOrder {
                report(.kmemsimOnly, callTrace: trace(),
                       note: .freeOrderTooLarge(pfn: pfn, allocOrder: allocOrder, order: order))
                return .refused
            }
            // A smaller order: the kernel frees the first 2^order pages and the rest leak, silently.
            let leaked = (1 << allocOrder) - (1 << order)
            leakTail(pfn, allocOrder: allocOrder, keptOrder: order)
            report(.kmemsimOnly, callTrace: trace(),
                   note: .freeOrderTooSmall(pfn: pfn, allocOrder: allocOrder, order: order, leaked: leaked))
            outcome = .partiallyFreed(freedOrder: order, leakedPages: leaked)
        }
        // One call of releaseBlock for both outcomes: its code once.
        releaseBlock(pfn, order: order, caller: caller)
        return outcome
    }

    /// The VM_BUG_ON_PAGE(page_ref_count(page) == 0) of put_page_testzero(), as CONFIG_DEBUG_VM reports it.
    private mutating func refcountZero(_ pfn: Int, trace: [String], note: KmemsimNote) {
        report(.vmBugOnPage(pageDump(pfn), condition: "page_ref_count(page) == 0", file: "include/linux/mm.h", line: 1095),
               taint: "D", callTrace: trace, note: note)
    }

    /// Splits off the pages past 2^keptOrder as leaked blocks: still allocated, owned by nobody.
    private mutating func leakTail(_ pfn: Int, allocOrder: Int, keptOrder: Int) {
        var o = keptOrder
        while o < allocOrder {
            let p = pfn + (1 << o)
            frames[p].state = .allocated
            frames[p].order = UInt8(o)
            frames[p].owner = .leaked
            frames[p].migratetype = frames[pfn].migratetype
            frames[p].tag = frames[pfn].tag
            o += 1
        }
        frames[pfn].order = UInt8(keptOrder)
    }

    /// free_the_page(): low orders to the CPU's pcp list, the rest to the buddy lists (__free_pages_ok()).
    /// Transparent (so are what it calls): one function per free, not four, each saving registers and passing the
    /// stores on.
    @_transparent
    mutating func releaseBlock(_ pfn: Int, order: Int, caller: String) {
        if trace.enabled { traceEvent(.mmPageFree(pfn: pfn, order: order), pageAddress: structPageAddress(pfn)) }
        // Twice, once per value of the undo flag (see `AllocatorStores.logging(_:)`).
        let s = ownAllocatorStores(freeLists: !freesToPCP(order: order))
        if _slowPath(s.logging) { releaseBlock(s.logging(true), pfn, order: order) } else { releaseBlock(s.logging(false), pfn, order: order) }
    }

    /// The same on stores whose undo flag is a constant.
    @_transparent
    mutating func releaseBlock(_ s: AllocatorStores, _ pfn: Int, order: Int) {
        // An allocated head: never in the frame store's implicit runs (see `materialize`).
        var head = s.frame(pfn)
        if head.flags.contains(.head) { clearCompoundTails(pfn, order: order) }
        head.packed = 0
        head.tag = 0
        head.state = .tail
        let zone = Self.zoneIndex(ofPFN: pfn, spans: zoneLookup)
        countFree(s, zone: zone, pages: 1 &<< order)
        guard let z = zone else {
            writeFrame(s, pfn, head)
            return
        }
        let mt = Self.pageblockMigratetype(pfn, zone: zones[z], pageblockOrder: pageblockOrder)
        if freesToPCP(order: order) {
            // The head's one write: free_unref_page_commit() puts it on the CPU's list.
            freeToPcp(s, pfn, head, order: order, migratetype: mt, zone: z)
        } else {
            writeFrame(s, pfn, head)
            freeOneBlockInline(s, pfn: pfn, order: order, migratetype: mt, zone: z, toTail: false)
        }
    }

    /// A compound block's tails lose their flags and head pointer. Out of line: few blocks are compound.
    @inline(never)
    private mutating func clearCompoundTails(_ pfn: Int, order: Int) {
        let s = currentFrameStores()
        for t in (pfn + 1)..<(pfn + (1 << order)) {
            writeFrame(s, t) { f in
                f.packed = 0
                f.tag = 0
            }
        }
    }

    /// free_pages(addr, order): free by direct-map address; 0 is ignored; anything else that is not a valid
    /// direct-map address hits VM_BUG_ON(!virt_addr_valid(addr)).
    @discardableResult
    public mutating func freePages(address addr: UInt64, order: Int, caller: String = "free_pages") -> FreeOutcome {
        if addr == 0 { return .freed }
        guard let pfn = directMapPFN(addr), addr & UInt64(pageSize - 1) == 0 else {
            let why: KmemsimNote.FreePagesAddressProblem
            if addr >= arch.pageOffset, (addr &- arch.pageOffset) >> UInt64(arch.pageShift) < UInt64(frames.count), arch.lowmemLimit != nil {
                why = .highmem
            } else if addr & UInt64(pageSize - 1) != 0, directMapPFN(addr) != nil {
                why = .notPageAligned
            } else {
                why = isVmallocAddress(addr) ? .vmallocAddress : .notDirectMap
            }
            report(.kernelBug(file: "mm/page_alloc.c", line: 4526, function: "free_pages"), taint: "D", callTrace: ["free_pages", caller],
                   note: .freePagesBadAddress(address: addr, problem: why))
            return .refused
        }
        return freePages(PFN(pfn), order: order, caller: caller)
    }

    public func isVmallocAddress(_ addr: UInt64) -> Bool {
        let r = vmallocRange
        return addr >= r.start && addr < r.end
    }

    func pcpOwnerCPU(_ pfn: Int) -> Int? {
        guard let z = zoneIndex(ofPFN: pfn) else { return nil }
        for cpu in 0..<pcpLists.cpuCount where (0..<pcpLists.listCount).contains(where: { pcpList(zone: z, cpu: cpu, list: $0).contains(Int32(pfn)) }) {
            return cpu
        }
        return nil
    }
}

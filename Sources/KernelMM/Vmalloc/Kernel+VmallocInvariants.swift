extension Kernel {
    /// vmalloc space: areas in address order, inside the range, page-aligned, not overlapping (guard pages
    /// included); each mapped frame is allocated, order 0, held by its owner and mapped once; every frame held as
    /// `.vmalloc` is mapped by exactly one area that counts it; deferred frees wait only while in interrupt.
    public func checkVmallocInvariants() throws(InvariantViolation) {
        func fail(_ v: VmallocViolation) -> InvariantViolation { .vmalloc(v) }
        let r = vmallocRange
        var prevEnd = r.start
        var mapped: Set<Int32> = []
        var vmallocPages = 0
        for a in vmalloc.areas {
            guard a.start >= prevEnd, a.end <= r.end, a.start % UInt64(pageSize) == 0 else { throw fail(.areaOutOfPlace(start: a.start)) }
            guard a.size == (a.pages.count + a.guardPages) * pageSize else { throw fail(.areaSize(start: a.start, size: a.size, pages: a.pages.count)) }
            prevEnd = a.end
            // vm->pages: a vmalloc'd array is an area of its own, owned by exactly this area.
            if let pa = a.pagesArray {
                guard let j = vmalloc.index(containing: pa), vmalloc.areas[j].start == pa, vmalloc.areas[j].purpose == .pagesArray(of: a.id) else {
                    throw fail(.pageArrayNotOwnArea(area: a.id, address: pa))
                }
            }
            if case .pagesArray(let owner) = a.purpose, !vmalloc.areas.contains(where: { $0.id == owner && $0.pagesArray == a.start }) {
                throw fail(.orphanPageArray(area: a.id))
            }
            for p in a.pages where p >= 0 {
                let f = frames[Int(p)]
                switch a.purpose {
                case .vmalloc, .taskStack, .pagesArray:
                    guard f.state == .allocated, f.order == 0, f.owner == .vmalloc, f.tag == a.id else { throw fail(.areaFrame(area: a.id, pfn: Int(p), state: f.state, owner: f.owner, tag: f.tag)) }
                case .percpuChunk:
                    guard f.state == .allocated, f.owner == .percpu else { throw fail(.percpuAreaFrame(pfn: Int(p))) }
                case .ioremap:
                    throw fail(.ioremapMapsRAM(start: a.start))
                case .irqStack:
                    guard f.state == .reserved else { throw fail(.irqStackFrame(pfn: Int(p))) }
                }
                guard mapped.insert(p).inserted else { throw fail(.frameMappedTwice(pfn: Int(p))) }
            }
            if a.flags.contains(.alloc), a.purpose != .percpuChunk(id: 0) {
                if case .percpuChunk = a.purpose {} else {
                    guard a.nrPages == a.pages.count else { throw fail(.nrPages(area: a.id, nrPages: a.nrPages, pages: a.pages.count)) }
                    vmallocPages += a.nrPages
                }
            }
        }
        // The purge list: in order, inside the range, clear of every live area, its page count as vmap_lazy_nr says.
        var lazyEnd = r.start, lazyPages = 0
        for l in vmalloc.purgeList {
            guard l.start >= lazyEnd, l.end <= r.end, vmalloc.index(containing: l.start) == nil,
                  !vmalloc.areas.contains(where: { $0.start < l.end && l.start < $0.end }) else {
                throw fail(.lazyRangeOverlaps(start: l.start))
            }
            lazyEnd = l.end
            lazyPages += l.size / pageSize
        }
        guard lazyPages == vmalloc.lazyPages else { throw fail(.lazyCount(lazyNr: vmalloc.lazyPages, pages: lazyPages)) }
        var held = 0, tables = 0
        // Per frame: `case` patterns compare the byte here; an enum's == is a call into the file that declares it.
        frames.withUnsafeBufferPointer { frames in
            var pfn = 0
            while pfn < frames.count {
                let f = frames[pfn]
                if case .allocated = f.state {
                    switch f.owner {
                    case .vmalloc: held += 1 << Int(f.order)
                    case .pageTable: tables += 1
                    default: break
                    }
                }
                pfn += 1
            }
        }
        guard held == vmallocPages else { throw fail(.heldFrames(held: held, mapped: vmallocPages)) }
        try checkPageTableInvariants(held: tables)
        if !vmalloc.deferredFrees.isEmpty, !cpus[currentCPU].inInterrupt { throw fail(.deferredFreesLeft) }
    }
}

extension Kernel {
    /// The kernel page tables: sorted and unique; each table is one allocated frame held as a page table of its
    /// level, and every such frame is a table; every mapped page of every area has its tables (a missing one would
    /// have been a fault when vmap_pages_range() wrote the entry).
    /// `held`: the frames held as page tables (counted in the vmalloc check's walk over the frames).
    func checkPageTableInvariants(held: Int) throws(InvariantViolation) {
        func fail(_ v: VmallocViolation) -> InvariantViolation { .vmalloc(v) }
        let t = vmalloc.pageTables.tables
        var seen: Set<Int32> = []
        for (i, e) in t.enumerated() {
            if i > 0 {
                let p = t[i - 1]
                guard p.level.rawValue < e.level.rawValue || (p.level == e.level && p.index < e.index) else { throw fail(.pageTablesOutOfOrder(index: i)) }
            }
            guard arch.pageTableShift(e.level) != nil else { throw fail(.pageTableLevelUnused(level: e.level, arch: arch)) }
            guard e.pfn >= 0, Int(e.pfn) < frames.count, seen.insert(e.pfn).inserted else { throw fail(.pageTableFrameInvalid(pfn: e.pfn)) }
            let f = frames[Int(e.pfn)]
            guard f.state == .allocated, f.order == 0, f.owner == .pageTable, f.tag == UInt32(e.level.rawValue) else {
                throw fail(.pageTableFrame(pfn: e.pfn, state: f.state, owner: f.owner))
            }
        }
        guard held == t.count else { throw fail(.pageTableCount(held: held, tables: t.count)) }
        for a in vmalloc.areas {
            // One lookup per table span, not per page.
            var checked: [UInt64] = [.max, .max]
            for (i, p) in a.pages.enumerated() where p >= 0 {
                let addr = a.start + UInt64(i * pageSize)
                for level in [KernelPageTables.Level.pmd, .pte] {
                    // A huge area's PMD entries map its pages directly: it has no PTE table.
                    guard let shift = arch.pageTableShift(level), shift > arch.pageShift + a.pageOrder else { continue }
                    let index = addr >> UInt64(shift)
                    if checked[Int(level.rawValue)] == index { continue }
                    checked[Int(level.rawValue)] = index
                    guard vmalloc.pageTables.table(level, covering: index) != nil else {
                        throw fail(.missingPageTable(address: addr, level: level))
                    }
                }
            }
        }
    }
}

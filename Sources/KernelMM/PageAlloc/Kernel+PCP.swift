extension Kernel {
    /// pcp_allowed_order(): orders up to PAGE_ALLOC_COSTLY_ORDER, and pageblock_order (THP) with transparent hugepages.
    @inline(__always) func pcpAllowedOrder(_ order: Int) -> Bool {
        order <= PerCPUPages.maxOrder || (arch.transparentHugepage && order == pageblockOrder)
    }

    /// free_the_page()'s choice: the block goes to a CPU's pcp list (pcp_allowed_order()).
    @inline(__always)
    func freesToPCP(order: Int) -> Bool { params.pcpLists && pcpAllowedOrder(order) }

    /// rmqueue_pcplist() / __rmqueue_pcplist(): take the first block of the CPU's list; refill an empty list with
    /// `batch` blocks (scaled down for higher orders) from the buddy lists through rmqueue_bulk(). Inline: a hit
    /// is a few loads and one unlink, the refill is out of line.
    @inline(__always)
    mutating func rmqueuePcplist(_ s: AllocatorStores, zone z: Int, order: Int, migratetype mt: MigrateType, flags: AllocFlags) -> Int? {
        let cpu = currentCPU
        let i = PerCPUPages.index(order: order, migratetype: mt)
        // Halved by each allocation: most find it 0 already.
        let ff = pcpLists.freeFactorIndex(zone: z, cpu: cpu)
        let factor = s.slot(.pcpLists, ff)
        if factor != 0 { writeSlot(s, .pcpLists, ff, factor >> 1) }
        if s.slot(.pcpLists, pcpLists.headIndex(zone: z, cpu: cpu, list: i)) < 0 {
            guard rmqueueBulk(zone: z, cpu: cpu, list: i, order: order, migratetype: mt, flags: flags) else { return nil }
        }
        guard let pfn = pcpUnlink(s, zone: z, cpu: cpu, list: i, fromTail: false, pages: 1 &<< order, {
            $0.migratetype = UInt8(mt.rawValue)
        }) else { return nil }
        if explainEnabled { appendExplanation(.pcpHit(zone: zones[z].type, cpu: cpu, order: order, migratetype: mt, pfn: pfn)) }
        return pfn
    }

    /// rmqueue_bulk(): an empty list refilled with `batch` blocks; false when the buddy lists had none.
    @inline(never)
    mutating func rmqueueBulk(zone z: Int, cpu: Int, list i: Int, order: Int, migratetype mt: MigrateType, flags: AllocFlags) -> Bool {
        // Twice, once per value of the undo flag (see `AllocatorStores.logging(_:)`): a block at a time, this loop is
        // most of the cost of an allocation that finds the list empty.
        let s = ownFreeLists()
        if _slowPath(s.logging) { return rmqueueBulk(s.logging(true), zone: z, cpu: cpu, list: i, order: order, migratetype: mt, flags: flags) }
        return rmqueueBulk(s.logging(false), zone: z, cpu: cpu, list: i, order: order, migratetype: mt, flags: flags)
    }

    @_transparent
    private mutating func rmqueueBulk(_ s: AllocatorStores, zone z: Int, cpu: Int, list i: Int, order: Int, migratetype mt: MigrateType,
                                      flags: AllocFlags) -> Bool {
        var batch = pcpLists.batch(zone: z, cpu: cpu)
        if batch > 1 { batch = max(batch >> order, 2) }
        var got = 0
        // One line for the whole refill, not one per block: the learner sees the batch, then the split of the first.
        let narrate = explainEnabled
        for n in 0..<batch {
            explainEnabled = narrate && n == 0
            guard let pfn = rmqueueAny(s, zone: z, order: order, migratetype: mt, flags: flags) else { break }
            var f = s.frame(pfn)
            f.state = .pcp
            f.order = UInt8(order)
            // list_add_tail in order: the first block taken is the first handed out.
            pcpLink(s, pfn, f, zone: z, cpu: cpu, list: i, atTail: true, pages: 1 << order)
            got += 1
            if trace.enabled { traceEvent(.mmPageAllocZoneLocked(pfn: pfn, order: order, migratetype: mt.rawValue, percpuRefill: true),
                           pageAddress: structPageAddress(pfn)) }
        }
        explainEnabled = narrate
        explain(.pcpRefill(zone: zones[z].type, cpu: cpu, order: order, migratetype: mt, count: got, batch: batch))
        return got > 0
    }

    /// free_unref_page_commit(): put the block on the CPU's list; past `high`, hand a batch back to the buddy
    /// allocator (free_pcppages_bulk()), more each time frees come without allocations in between.
    /// `f` is the block's head frame as the caller leaves it (written here, once, with the list's links).
    @_transparent
    mutating func freeToPcp(_ s: AllocatorStores, _ pfn: Int, _ f: PageFrame, order: Int, migratetype: MigrateType, zone z: Int) {
        let cpu = currentCPU
        // HighAtomic pages are kept on the Movable list (treated as movable on pcp).
        let listType = migratetype.rawValue >= MigrateType.pcpTypes ? MigrateType.movable : migratetype
        let i = PerCPUPages.index(order: order, migratetype: listType)
        var f = f
        f.state = .pcp
        f.order = UInt8(order)
        f.migratetype = UInt8(migratetype.rawValue)
        f.packed = 0
        pcpLink(s, pfn, f, zone: z, cpu: cpu, list: i, atTail: false, pages: 1 &<< order)
        let count = Int(s.slot(.pcpLists, pcpLists.countIndex(zone: z, cpu: cpu)))
        let freeHigh = s.slot(.pcpLists, pcpLists.freeFactorIndex(zone: z, cpu: cpu)) > 0 && order > 0 && order <= PerCPUPages.maxOrder
        let high = freeHigh ? 0 : Int(s.slot(.pcpLists, pcpLists.highIndex(zone: z, cpu: cpu)))
        if explainEnabled { appendExplanation(.freeToPCP(zone: zones[z].type, cpu: cpu, pfn: pfn, order: order, count: count, high: high)) }
        if count >= high { flushPcp(zone: z, cpu: cpu, high: high, freeHigh: freeHigh, startIndex: i) }
    }

    /// The list past `high`: nr_pcp_free() pages back to the buddy lists. Out of line: most frees stay below it.
    @inline(never)
    mutating func flushPcp(zone z: Int, cpu: Int, high: Int, freeHigh: Bool, startIndex i: Int) {
        let n = nrPcpFree(ownFreeLists(), zone: z, cpu: cpu, high: high, freeHigh: freeHigh)
        freePcppagesBulk(zone: z, cpu: cpu, count: n, startIndex: i)
    }

    /// nr_pcp_free(): how many pages to flush: at least batch, at most high - batch, doubling with free_factor.
    mutating func nrPcpFree(_ s: AllocatorStores, zone z: Int, cpu: Int, high: Int, freeHigh: Bool) -> Int {
        let count = pcpLists.count(zone: z, cpu: cpu), batch0 = pcpLists.batch(zone: z, cpu: cpu)
        let factor = pcpLists.freeFactor(zone: z, cpu: cpu)
        if freeHigh { return count }
        if high < batch0 { return 1 }
        let minFree = batch0, maxFree = high - batch0
        var batch = batch0 << factor
        if batch < maxFree { writeSlot(s, .pcpLists, pcpLists.freeFactorIndex(zone: z, cpu: cpu), Int32(truncatingIfNeeded: factor + 1)) }
        batch = min(max(batch, minFree), maxFree)
        return batch
    }

    /// free_pcppages_bulk(): return `count` pages to the buddy lists, round-robin over the lists starting with the
    /// one just freed to, oldest block (list tail) first. The caller has made the other stores ours.
    mutating func freePcppagesBulk(zone z: Int, cpu: Int, count: Int, startIndex: Int) {
        // Twice, once per value of the undo flag, with __free_one_page() inline (see `rmqueueBulk`).
        let s = ownFreeLists()
        if _slowPath(s.logging) { freePcppagesBulk(s.logging(true), zone: z, cpu: cpu, count: count, startIndex: startIndex) } else {
            freePcppagesBulk(s.logging(false), zone: z, cpu: cpu, count: count, startIndex: startIndex)
        }
    }

    @_transparent
    private mutating func freePcppagesBulk(_ s: AllocatorStores, zone z: Int, cpu: Int, count: Int, startIndex: Int) {
        var count = min(count, pcpLists.count(zone: z, cpu: cpu))
        let nLists = pcpLists.listCount
        var index = startIndex - 1
        var freed = 0
        // The count says pages are left; if every list is empty the two disagree (an invariant break that
        // checkInvariants reports): stop rather than search forever.
        while count > 0, pcpLists.hasBlocks(zone: z, cpu: cpu) {
            repeat {
                index += 1
                if index > nLists - 1 { index = 0 }
            } while pcpLists.head(zone: z, cpu: cpu, list: index) < 0
            let order = PerCPUPages.order(ofList: index, pageblockOrder: pageblockOrder)
            var mt = MigrateType.movable
            while count > 0, let pfn = pcpUnlink(s, zone: z, cpu: cpu, list: index, fromTail: true, pages: 1 << order, {
                mt = MigrateType.stored($0.migratetype, else: .movable)
                $0.state = .tail
            }) {
                count -= 1 << order
                freed += 1 << order
                freeOneBlockInline(s, pfn: pfn, order: order, migratetype: mt, zone: z, toTail: false)
                if trace.enabled { traceEvent(.mmPagePcpuDrain(pfn: pfn, order: order, migratetype: mt.rawValue), pageAddress: structPageAddress(pfn)) }
            }
        }
        explain(.pcpDrain(zone: zones[z].type, cpu: cpu, pages: freed))
    }

    /// list_add() / list_add_tail() on a pcp list: writes `f` (the block's head frame) at `pfn`, linked in, and
    /// counts its `pages`.
    @inline(__always)
    mutating func pcpLink(_ s: AllocatorStores, _ pfn: Int, _ f: PageFrame, zone z: Int, cpu: Int, list i: Int, atTail: Bool, pages: Int) {
        let h = pcpLists.headIndex(zone: z, cpu: cpu, list: i), c = pcpLists.countIndex(zone: z, cpu: cpu)
        link(s, pfn, f, atTail: atTail, store: .pcpLists, head: h, tail: h &+ 1, count: c, c, by: Int32(truncatingIfNeeded: pages), 0)
    }

    /// list_del() of a pcp list's first (or last) block, its `pages` no longer counted: the block, whose frame is
    /// written back with the links cleared and `change` made (its new state, in the same write).
    @inline(__always)
    mutating func pcpUnlink(_ s: AllocatorStores, zone z: Int, cpu: Int, list i: Int, fromTail: Bool, pages: Int,
                            _ change: (inout PageFrame) -> Void) -> Int? {
        let h = pcpLists.headIndex(zone: z, cpu: cpu, list: i), c = pcpLists.countIndex(zone: z, cpu: cpu)
        let p = s.slot(.pcpLists, fromTail ? h &+ 1 : h)
        guard p >= 0 else { return nil }
        let pfn = Int(p)
        var f = s.frame(pfn)
        change(&f)
        unlink(s, pfn, f, store: .pcpLists, head: h, tail: h &+ 1, count: c, c, by: -Int32(truncatingIfNeeded: pages), 0)
        return pfn
    }

    /// drain_all_pages(): every CPU's pcp lists back to the buddy allocator (direct reclaim does this before its
    /// last try; `drain_pages` at the prompt too).
    public mutating func drainAllPages() {
        // The frames, pcp lists and counters (freePcppagesBulk() takes the free lists itself).
        ownAllocatorStores()
        for z in zones.indices {
            for cpu in 0..<pcpLists.cpuCount where pcpLists.count(zone: z, cpu: cpu) > 0 {
                freePcppagesBulk(zone: z, cpu: cpu, count: pcpLists.count(zone: z, cpu: cpu), startIndex: 0)
            }
        }
    }
}

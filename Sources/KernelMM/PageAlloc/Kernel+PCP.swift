extension Kernel {
    /// pcp_allowed_order(): orders up to PAGE_ALLOC_COSTLY_ORDER, and pageblock_order (THP) with transparent hugepages.
    func pcpAllowedOrder(_ order: Int) -> Bool {
        order <= PerCPUPages.maxOrder || (arch.transparentHugepage && order == pageblockOrder)
    }

    /// rmqueue_pcplist() / __rmqueue_pcplist(): take the first block of the CPU's list; refill an empty list with
    /// `batch` blocks (scaled down for higher orders) from the buddy lists through rmqueue_bulk().
    mutating func rmqueuePcplist(zone z: Int, order: Int, migratetype mt: MigrateType, flags: AllocFlags) -> Int? {
        let cpu = currentCPU
        let i = PerCPUPages.index(order: order, migratetype: mt)
        zones[z].pcp[cpu].freeFactor >>= 1
        if zones[z].pcp[cpu].lists[i].isEmpty {
            var batch = zones[z].pcp[cpu].batch
            if batch > 1 { batch = max(batch >> order, 2) }
            var got: [Int32] = []
            got.reserveCapacity(batch)
            // One line for the whole refill, not one per block: the learner sees the batch, then the split of the first.
            let narrate = explainEnabled
            for i in 0..<batch {
                explainEnabled = narrate && i == 0
                guard let pfn = rmqueueAny(zone: z, order: order, migratetype: mt, flags: flags) else { break }
                var f = frames[pfn]
                f.state = .pcp
                f.order = UInt8(order)
                frames[pfn] = f
                got.append(Int32(pfn))
                if trace.enabled { traceEvent(.mmPageAllocZoneLocked(pfn: pfn, order: order, migratetype: mt.rawValue, percpuRefill: true),
                               pageAddress: structPageAddress(pfn)) }
            }
            explainEnabled = narrate
            explain(.pcpRefill(zone: zones[z].type, cpu: cpu, order: order, migratetype: mt, count: got.count, batch: batch))
            // list_add_tail in order: the first block taken is the first handed out. Our list's head is its end.
            zones[z].pcp[cpu].lists[i].insert(contentsOf: got.reversed(), at: 0)
            zones[z].pcp[cpu].count += got.count << order
            if got.isEmpty { return nil }
        }
        guard let head = zones[z].pcp[cpu].lists[i].popLast() else { return nil }
        zones[z].pcp[cpu].count -= 1 << order
        let pfn = Int(head)
        frames[pfn].migratetype = UInt8(mt.rawValue)
        explain(.pcpHit(zone: zones[z].type, cpu: cpu, order: order, migratetype: mt, pfn: pfn))
        return pfn
    }

    /// free_unref_page_commit(): put the block on the CPU's list; past `high`, hand a batch back to the buddy
    /// allocator (free_pcppages_bulk()), more each time frees come without allocations in between.
    mutating func freeToPcp(_ pfn: Int, order: Int, migratetype: MigrateType, zone z: Int) {
        let cpu = currentCPU
        // HighAtomic pages are kept on the Movable list (treated as movable on pcp).
        let listType = migratetype.rawValue >= MigrateType.pcpTypes ? MigrateType.movable : migratetype
        let i = PerCPUPages.index(order: order, migratetype: listType)
        var f = frames[pfn]
        f.state = .pcp
        f.order = UInt8(order)
        f.migratetype = UInt8(migratetype.rawValue)
        f.packed = 0
        frames[pfn] = f
        zones[z].pcp[cpu].lists[i].append(Int32(pfn))
        zones[z].pcp[cpu].count += 1 << order
        let freeHigh = zones[z].pcp[cpu].freeFactor > 0 && order > 0 && order <= PerCPUPages.maxOrder
        let high = freeHigh ? 0 : zones[z].pcp[cpu].high
        explain(.freeToPCP(zone: zones[z].type, cpu: cpu, pfn: pfn, order: order, count: zones[z].pcp[cpu].count, high: high))
        if zones[z].pcp[cpu].count >= high {
            let n = nrPcpFree(zone: z, cpu: cpu, high: high, freeHigh: freeHigh)
            freePcppagesBulk(zone: z, cpu: cpu, count: n, startIndex: i)
        }
    }

    /// nr_pcp_free(): how many pages to flush: at least batch, at most high - batch, doubling with free_factor.
    mutating func nrPcpFree(zone z: Int, cpu: Int, high: Int, freeHigh: Bool) -> Int {
        let p = zones[z].pcp[cpu]
        if freeHigh { return p.count }
        if high < p.batch { return 1 }
        let minFree = p.batch, maxFree = high - p.batch
        var batch = p.batch << p.freeFactor
        if batch < maxFree { zones[z].pcp[cpu].freeFactor += 1 }
        batch = min(max(batch, minFree), maxFree)
        return batch
    }

    /// free_pcppages_bulk(): return `count` pages to the buddy lists, round-robin over the lists starting with the
    /// one just freed to, oldest block (list tail) first.
    mutating func freePcppagesBulk(zone z: Int, cpu: Int, count: Int, startIndex: Int) {
        var count = min(count, zones[z].pcp[cpu].count)
        let nLists = zones[z].pcp[cpu].lists.count
        var index = startIndex - 1
        var freed = 0
        // The count says pages are left; if every list is empty the two disagree (an invariant break that
        // checkInvariants reports): stop rather than search forever.
        while count > 0, zones[z].pcp[cpu].lists.contains(where: { !$0.isEmpty }) {
            repeat {
                index += 1
                if index > nLists - 1 { index = 0 }
            } while zones[z].pcp[cpu].lists[index].isEmpty
            let order = PerCPUPages.order(ofList: index, pageblockOrder: pageblockOrder)
            // Oldest first, until the count is met or the list is empty: taken off the front in one step rather
            // than one removeFirst() (a move of the whole list) per block.
            let n = min(zones[z].pcp[cpu].lists[index].count, (count + (1 << order) - 1) >> order)
            let taken = zones[z].pcp[cpu].lists[index].prefix(n)
            zones[z].pcp[cpu].lists[index].removeFirst(n)
            for head in taken {
                let pfn = Int(head)
                count -= 1 << order
                zones[z].pcp[cpu].count -= 1 << order
                freed += 1 << order
                let mt = MigrateType(rawValue: Int(frames[pfn].migratetype)) ?? .movable
                frames[pfn].state = .tail
                freeOneBlock(pfn: pfn, order: order, migratetype: mt, zone: z, toTail: false)
                if trace.enabled { traceEvent(.mmPagePcpuDrain(pfn: pfn, order: order, migratetype: mt.rawValue), pageAddress: structPageAddress(pfn)) }
            }
        }
        explain(.pcpDrain(zone: zones[z].type, cpu: cpu, pages: freed))
    }

    /// drain_all_pages(): every CPU's pcp lists back to the buddy allocator (direct reclaim does this before its
    /// last try; `drain_pages` at the prompt too).
    public mutating func drainAllPages() {
        for z in zones.indices {
            for cpu in zones[z].pcp.indices where zones[z].pcp[cpu].count > 0 {
                freePcppagesBulk(zone: z, cpu: cpu, count: zones[z].pcp[cpu].count, startIndex: 0)
            }
        }
    }
}

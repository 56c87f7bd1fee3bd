extension Kernel {
    /// Checks every invariant (the page allocator's, listed here, then CPUs, vmalloc and slab); tests run it after
    /// every operation.
    /// - every frame is in exactly one state: walking from PFN 0, each block head covers 2^order frames that are
    ///   all tails; absent and reserved frames stand alone;
    /// - every free list is well linked, its heads are buddy heads of that order and type, in the right zone;
    ///   nr_free and NR_FREE_PAGES match the lists;
    /// - no two free buddies of the same order are left unmerged (unless pageblock types keep them apart);
    /// - pcp counts match their lists, and pcp heads are in the `.pcp` state;
    /// - managed pages = free + pcp + allocated + leaked, per zone.
    public func checkInvariants() throws(InvariantViolation) {
        try checkPageAllocInvariants()
        try checkCPUInvariants()
        try checkVmallocInvariants()
        try checkSlabInvariants()
    }

    /// Every area's check on its own, so one break does not hide another: the first break of each of the page
    /// allocator, CPUs and tasks (preempt counts, locks, stacks, per-CPU chunks), vmalloc and the slab caches.
    public func invariantViolations() -> [InvariantViolation] {
        var out: [InvariantViolation] = []
        do { try checkPageAllocInvariants() } catch { out.append(error) }
        do { try checkCPUInvariants() } catch { out.append(error) }
        do { try checkVmallocInvariants() } catch { out.append(error) }
        do { try checkSlabInvariants() } catch { out.append(error) }
        return out
    }

    /// The page allocator's part of `checkInvariants()`: frames, free lists, pcp lists, counters.
    public func checkPageAllocInvariants() throws(InvariantViolation) {
        func fail(_ v: PageAllocViolation) -> InvariantViolation { .pageAlloc(v) }
        var seenFree = Array(repeating: 0, count: zones.count)
        var allocatedPages = Array(repeating: 0, count: zones.count)
        // Tests run this after every operation: the walk reads the frames through one buffer and plain loops, and
        // asks the Kernel nothing per frame.
        let spans = zoneSpans
        // zoneIndex(ofPFN:) looks the highest zone up first, which gives page_zone()'s answer only while no two
        // zones share a frame.
        for z in spans.indices where spans[z].start < spans[z].end {
            for lower in 0..<z where spans[lower].start < spans[lower].end
                && spans[lower].start < spans[z].end && spans[z].start < spans[lower].end {
                throw fail(.zonesOverlap(zone: zones[z].type, lower: zones[lower].type))
            }
        }
        try frames.withUnsafeBufferPointer { (frames) throws(InvariantViolation) in
            var pfn = 0
            let n = frames.count
            while pfn < n {
                let f = frames[pfn]
                switch f.state {
                case .absent, .reserved:
                    pfn += 1
                case .tail:
                    throw fail(.tailOutsideBlock(pfn: pfn))
                case .buddy, .allocated, .pcp:
                    let o = Int(f.order)
                    guard o <= maxOrder, pfn & ((1 << o) - 1) == 0 else { throw fail(.misalignedBlock(pfn: pfn, order: o)) }
                    let end = pfn + (1 << o)
                    var zone: Int?
                    var z = 0
                    while z < spans.count {
                        if pfn >= spans[z].start && pfn < spans[z].end { zone = z; break }
                        z += 1
                    }
                    guard let z = zone, end <= spans[z].end else {
                        throw fail(.blockCrossesZone(pfn: pfn, order: o))
                    }
                    var t = pfn + 1
                    while t < end {
                        if frames[t].state != .tail {
                            throw fail(.blockContainsFrame(pfn: pfn, order: o, frame: t, state: frames[t].state))
                        }
                        t += 1
                    }
                    if f.state == .buddy {
                        seenFree[z] += 1 << o
                        if o < maxOrder, let b = Self.freeBuddy(of: pfn, order: o, span: spans[z], frames: frames) {
                            let a = pageblockMigratetype(pfn, zone: z), bt = pageblockMigratetype(b, zone: z)
                            let apart = o >= pageblockOrder && a != bt && (a.rawValue >= MigrateType.pcpTypes || bt.rawValue >= MigrateType.pcpTypes)
                            if !apart { throw fail(.unmergedBuddies(pfn: pfn, buddy: b, order: o)) }
                        }
                    } else if f.state == .allocated {
                        allocatedPages[z] += 1 << o
                    }
                    pfn = end
                }
            }
        }
        for (z, zone) in zones.enumerated() {
            var listed = 0
            for o in 0...maxOrder {
                var blocks = 0
                for mt in MigrateType.allCases {
                    let (last, n) = try walkFrameList(from: freeLists.head(zone: z, order: o, type: mt.rawValue)) { (p, f) throws(InvariantViolation) in
                        guard f.state == .buddy, Int(f.order) == o, Int(f.migratetype) == mt.rawValue, zone.contains(p) else {
                            throw fail(.freeListEntry(zone: zone.type, order: o, type: mt, pfn: p, state: f.state, entryOrder: Int(f.order)))
                        }
                    }
                    guard freeLists.tail(zone: z, order: o, type: mt.rawValue) == last else { throw fail(.freeListTail(zone: zone.type, order: o, type: mt)) }
                    let count = freeLists.count(zone: z, order: o, type: mt.rawValue)
                    guard count == n else { throw fail(.freeListCount(zone: zone.type, order: o, type: mt, count: count, listed: n)) }
                    blocks += n
                    listed += n << o
                }
                let nrFree = freeLists.nrFree(zone: z, order: o)
                guard nrFree == blocks else { throw fail(.nrFree(zone: zone.type, order: o, nrFree: nrFree, listed: blocks)) }
            }
            guard nrFreePages(zone: z) == listed, listed == seenFree[z] else {
                throw fail(.nrFreePages(zone: zone.type, counter: nrFreePages(zone: z), listed: listed, buddyHeads: seenFree[z]))
            }
            var pcpTotal = 0
            for cpu in 0..<pcpLists.cpuCount {
                var c = 0
                for i in 0..<pcpLists.listCount {
                    let o = PerCPUPages.order(ofList: i, pageblockOrder: pageblockOrder)
                    let (last, n) = try walkFrameList(from: pcpLists.head(zone: z, cpu: cpu, list: i)) { (h, f) throws(InvariantViolation) in
                        guard f.state == .pcp, Int(f.order) == o, zone.contains(h) else {
                            throw fail(.pcpEntry(cpu: cpu, zone: zone.type, pfn: h, state: f.state))
                        }
                    }
                    c += n << o
                    guard pcpLists.tail(zone: z, cpu: cpu, list: i) == last else { throw fail(.pcpListTail(cpu: cpu, zone: zone.type, list: i)) }
                }
                let count = pcpLists.count(zone: z, cpu: cpu)
                guard c == count else { throw fail(.pcpCount(cpu: cpu, zone: zone.type, count: count, listed: c)) }
                pcpTotal += c
            }
            guard zone.managedPages == listed + pcpTotal + allocatedPages[z] else {
                throw fail(.managedPages(zone: zone.type, managed: zone.managedPages, free: listed, pcp: pcpTotal, allocated: allocatedPages[z]))
            }
        }
    }

    /// Walks a list linked through the frames (a free list or a pcp list) from `head`, giving `entry` each frame and
    /// checking each prev link and that the walk ends: the last frame (-1 for an empty list) and how many there were.
    func walkFrameList(from head: Int32, _ entry: (Int, PageFrame) throws(InvariantViolation) -> Void)
        throws(InvariantViolation) -> (last: Int32, count: Int) {
        var p = head, prev: Int32 = -1, n = 0
        while p >= 0 {
            let f = frames[Int(p)]
            try entry(Int(p), f)
            guard f.prev == prev else { throw .pageAlloc(.badPrevLink(pfn: Int(p))) }
            prev = p
            p = f.next
            n += 1
            if n > frames.count { throw .pageAlloc(.freeListCycle) }
        }
        return (prev, n)
    }
}

/// A broken invariant: what, and where.
public struct InvariantViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

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
        func fail(_ m: String) -> InvariantViolation { InvariantViolation(message: m) }
        var seenFree = Array(repeating: 0, count: zones.count)
        var allocatedPages = Array(repeating: 0, count: zones.count)
        // Tests run this after every operation: the walk reads the frames through one buffer and plain loops, and
        // asks the Kernel nothing per frame.
        let spans = zoneSpans
        try frames.withUnsafeBufferPointer { (frames) throws(InvariantViolation) in
            var pfn = 0
            let n = frames.count
            while pfn < n {
                let f = frames[pfn]
                switch f.state {
                case .absent, .reserved:
                    pfn += 1
                case .tail:
                    throw fail("pfn 0x\(String(pfn, radix: 16)) is a tail page outside any block")
                case .buddy, .allocated, .pcp:
                    let o = Int(f.order)
                    guard o <= maxOrder, pfn & ((1 << o) - 1) == 0 else { throw fail("block at 0x\(String(pfn, radix: 16)) has order \(o) and is misaligned") }
                    let end = pfn + (1 << o)
                    var zone: Int?
                    var z = 0
                    while z < spans.count {
                        if pfn >= spans[z].start && pfn < spans[z].end { zone = z; break }
                        z += 1
                    }
                    guard let z = zone, end <= spans[z].end else {
                        throw fail("block at 0x\(String(pfn, radix: 16)) order \(o) crosses a zone boundary")
                    }
                    var t = pfn + 1
                    while t < end {
                        if frames[t].state != .tail {
                            throw fail("block at 0x\(String(pfn, radix: 16)) order \(o) contains frame 0x\(String(t, radix: 16)) in state \(frames[t].state)")
                        }
                        t += 1
                    }
                    if f.state == .buddy {
                        seenFree[z] += 1 << o
                        if o < maxOrder, let b = Self.freeBuddy(of: pfn, order: o, span: spans[z], frames: frames) {
                            let a = pageblockMigratetype(pfn, zone: z), bt = pageblockMigratetype(b, zone: z)
                            let apart = o >= pageblockOrder && a != bt && (a.rawValue >= MigrateType.pcpTypes || bt.rawValue >= MigrateType.pcpTypes)
                            if !apart { throw fail("free buddies 0x\(String(pfn, radix: 16)) and 0x\(String(b, radix: 16)) of order \(o) were not merged") }
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
            for (o, area) in zone.freeArea.enumerated() {
                var blocks = 0
                for mt in MigrateType.allCases {
                    var p = area.head[mt.rawValue], prev: Int32 = -1, n = 0
                    while p >= 0 {
                        let f = frames[Int(p)]
                        guard f.state == .buddy, Int(f.order) == o, Int(f.migratetype) == mt.rawValue, zone.contains(Int(p)) else {
                            throw fail("zone \(zone.type.procName) order \(o) \(mt.procName) list holds pfn 0x\(String(p, radix: 16)) in state \(f.state) order \(f.order)")
                        }
                        guard f.prev == prev else { throw fail("bad prev link at pfn 0x\(String(p, radix: 16))") }
                        prev = p
                        p = f.next
                        n += 1
                        if n > frames.count { throw fail("cycle in a free list") }
                    }
                    guard area.tail[mt.rawValue] == prev else { throw fail("zone \(zone.type.procName) order \(o) \(mt.procName): tail pointer is wrong") }
                    guard area.count[mt.rawValue] == n else { throw fail("zone \(zone.type.procName) order \(o) \(mt.procName): count \(area.count[mt.rawValue]) but \(n) on the list") }
                    blocks += n
                    listed += n << o
                }
                guard area.nrFree == blocks else { throw fail("zone \(zone.type.procName) order \(o): nr_free \(area.nrFree) but \(blocks) blocks listed") }
            }
            guard zone.nrFreePages == listed, listed == seenFree[z] else {
                throw fail("zone \(zone.type.procName): NR_FREE_PAGES \(zone.nrFreePages), listed \(listed), buddy heads cover \(seenFree[z])")
            }
            var pcpTotal = 0
            for (cpu, p) in zone.pcp.enumerated() {
                var c = 0
                for (i, list) in p.lists.enumerated() {
                    let o = PerCPUPages.order(ofList: i, pageblockOrder: pageblockOrder)
                    for h in list {
                        guard frames[Int(h)].state == .pcp, Int(frames[Int(h)].order) == o else {
                            throw fail("cpu \(cpu) pcp list of zone \(zone.type.procName) holds pfn 0x\(String(h, radix: 16)) in state \(frames[Int(h)].state)")
                        }
                        c += 1 << o
                    }
                }
                guard c == p.count else { throw fail("cpu \(cpu) zone \(zone.type.procName): pcp count \(p.count) but lists hold \(c)") }
                pcpTotal += c
            }
            guard zone.managedPages == listed + pcpTotal + allocatedPages[z] else {
                throw fail("zone \(zone.type.procName): managed \(zone.managedPages) ≠ free \(listed) + pcp \(pcpTotal) + allocated \(allocatedPages[z])")
            }
        }
    }
}

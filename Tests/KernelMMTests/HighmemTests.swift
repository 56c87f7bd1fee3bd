import Testing
@testable import KernelMM

/// kmap()/kunmap(), kmap_local_page()/kunmap_local() and kmap_atomic() on an i386 machine with HIGHMEM, and the
/// same calls on x86_64 where they are page_address().
@Suite struct HighmemTests {
    /// One i386 machine with 1.2 GiB (about 300 MiB of HIGHMEM), booted once and copied.
    static let i386: Kernel = {
        var p = BootParams()
        p.arch = .i386
        p.memory = 1200 << 20
        p.cpus = 2
        return try! Kernel(booting: p)
    }()
    static let x86: Kernel = try! boot { $0.memory = 64 << 20 }

    static func highPage(_ k: inout Kernel) throws -> Int {
        let p = try k.mustAlloc(.highuser, order: 0).raw
        #expect(k.isHighmem(p))
        return p
    }

    func lastReport(_ k: Kernel) -> KernelReport? { k.log.entries.last?.report }

    @Test func kmapGivesAPkmapAddressThatPageAddressFollowsUntilTheFlush() throws {
        var k = Self.i386
        let p = try Self.highPage(&k)
        #expect(k.pageAddress(p) == nil)
        guard case .mapped(let a, .pkmap(let e, 1)) = k.kmap(p) else { Issue.record("not mapped"); return }
        #expect(e == 1 && a == HighmemState.pkmapAddress(1))
        #expect(k.pageAddress(p) == a)
        // A second kmap() of the same page shares the entry.
        #expect(k.kmap(p) == .mapped(address: a, how: .pkmap(entry: 1, users: 2)))
        #expect(k.highmem.pkmapCount[1] == 3)
        try k.checkInvariants()
        #expect(k.kunmap(p) == .unmapped(how: .pkmap(entry: 1, users: 1)))
        #expect(k.kunmap(p) == .unmapped(how: .pkmap(entry: 1, users: 0)))
        // No user, but the PTE stays until flush_all_zero_pkmaps().
        #expect(k.pageAddress(p) == a && k.highmem.pkmapCount[1] == 1)
        #expect(k.kmapFlushUnused() == 1)
        #expect(k.pageAddress(p) == nil && k.highmem.pkmapCount[1] == 0 && k.highmem.flushes == 1)
        #expect(k.kmapTarget(a) == .pkmap(entry: 1, pfn: nil, count: 0))
        try k.checkInvariants()
    }

    @Test func explainNarratesTheSearchTheWrapAndTheSlots() throws {
        var k = Self.i386
        let first = try k.mustAlloc(.highuser, order: 10).raw
        k.explainEnabled = true
        k.beginCommand()
        _ = k.kmap(first)
        #expect(k.explanation == [.kmalloc(.kmapNewEntry(from: 0, entry: 1, flushed: nil))])
        k.beginCommand()
        _ = k.kmap(first)
        #expect(k.explanation == [.kmalloc(.kmapReusedEntry(entry: 1, users: 2))])
        k.beginCommand()
        _ = k.kunmap(first)
        #expect(k.explanation == [.kmalloc(.kunmapEntry(entry: 1, users: 1))])
        // Fill entries 2…1023 and let them go: the next search wraps and flushes the 1022 unused ones.
        for i in 2..<HighmemState.lastPkmap { _ = k.kmap(first + i); _ = k.kunmap(first + i) }
        k.beginCommand()
        _ = k.kmap(first + 1)
        #expect(k.explanation == [.kmalloc(.kmapNewEntry(from: 1023, entry: 0, flushed: 1022))])
        k.beginCommand()
        _ = k.kmapLocalPage(first + 2, atomic: true, caller: "kmap_atomic")
        #expect(k.explanation == [.kmalloc(.kmapLocalSlot(slot: 0, cpu: 0, index: 0, address: HighmemState.localAddress(slot: 0, cpu: 0), atomic: true))])
        k.beginCommand()
        _ = k.kunmapLocal(HighmemState.localAddress(slot: 0, cpu: 0), atomic: true, caller: "kunmap_atomic")
        #expect(k.explanation == [.kmalloc(.kunmapLocalSlot(slot: 0, cpu: 0, atomic: true))])
    }

    @Test func kunmapTooOftenIsTheKernelsBugAndChangesNothing() throws {
        var k = Self.i386
        let p = try Self.highPage(&k)
        // Never mapped: BUG_ON(!vaddr).
        let before = k.highmem
        #expect(k.kunmap(p) == .refused)
        #expect(lastReport(k)?.kind == .kernelBug(file: "mm/highmem.c", line: 359, function: "kunmap_high"))
        #expect(k.highmem == before)
        _ = k.kmap(p)
        _ = k.kunmap(p)
        // Mapped with no user: one more kunmap() would take the count to 0 without a flush.
        let mapped = k.highmem
        #expect(k.kunmap(p) == .refused)
        #expect(lastReport(k)?.kind == .kernelBug(file: "mm/highmem.c", line: 369, function: "kunmap_high"))
        #expect(k.highmem == mapped)
        try k.checkInvariants()
    }

    @Test func theSearchWrapsAndFlushesUnusedEntriesThenRefusesWhenAllAreHeld() throws {
        var k = Self.i386
        let first = try k.mustAlloc(.highuser, order: 10).raw
        // Map and unmap pages 1…1023: entries 1…1023 are used once each and left for the flush.
        for i in 1..<HighmemState.lastPkmap {
            _ = k.kmap(first + i)
            _ = k.kunmap(first + i)
        }
        #expect(k.highmem.pkmapEntriesInUse == 1023 && k.highmem.flushes == 0)
        // The next search wraps to entry 0, flushing all of them at once.
        #expect(k.kmap(first) == .mapped(address: HighmemState.pkmapAddress(0), how: .pkmap(entry: 0, users: 1)))
        #expect(k.highmem.flushes == 1 && k.highmem.pkmapEntriesInUse == 1)
        for i in 1..<HighmemState.lastPkmap { _ = k.kmap(first + i) }
        #expect(k.highmem.pkmapEntriesInUse == 1024)
        try k.checkInvariants()
        // All 1024 held: the kernel would sleep forever here; kmemsim refuses.
        let full = k.highmem
        let other = try Self.highPage(&k)
        #expect(k.kmap(other) == .refused)
        #expect(lastReport(k)?.note == .highmem(.pkmapExhausted(entries: 1024)))
        #expect(k.highmem == full)
        // One kunmap() frees an entry after the next flush.
        _ = k.kunmap(first + 5)
        guard case .mapped(_, .pkmap(5, 1)) = k.kmap(other) else { Issue.record("entry 5 not reused"); return }
        try k.checkInvariants()
    }

    @Test func kmapLocalIsAStackOfFixmapSlotsThatPinsTheTask() throws {
        var k = Self.i386
        let p = try Self.highPage(&k), q = try Self.highPage(&k)
        let a = HighmemState.localAddress(slot: 0, cpu: 0), b = HighmemState.localAddress(slot: 1, cpu: 0)
        #expect(k.kmapLocalPage(p) == .mapped(address: a, how: .local(slot: 0, cpu: 0)))
        #expect(k.kmapLocalPage(q) == .mapped(address: b, how: .local(slot: 1, cpu: 0)))
        #expect(b == a - 4096)
        #expect(k.kmapTarget(b + 100) == .local(cpu: 0, slot: 1, pid: k.curCPU.currentPID, pfn: q))
        // The slots are this CPU's: migration is off.
        #expect(throws: ContextError.migrationDisabledByKmapLocal(slots: 2)) { try k.migrate(to: 1) }
        // kmap_local never touches the pkmap table, so kunmap() of it is BUG_ON(!vaddr).
        #expect(k.kunmap(q) == .refused)
        #expect(lastReport(k)?.note == .highmem(.kunmapNotMapped(pfn: q, localSlot: 1)))
        #expect(k.kunmapLocal(b + 7) == .unmapped(how: .local(slot: 1, cpu: 0)))
        #expect(k.kunmapLocal(a) == .unmapped(how: .local(slot: 0, cpu: 0)))
        #expect(k.highmem.local.isEmpty && k.highmem.held == 0)
        try k.migrate(to: 1)
        #expect(k.kmapLocalPage(p) == .mapped(address: HighmemState.localAddress(slot: 0, cpu: 1), how: .local(slot: 0, cpu: 1)))
        try k.checkInvariants()
    }

    @Test func outOfOrderUnmapWarnsOnceAndClearsTheNewestSlotAnyway() throws {
        var k = Self.i386
        let p = try Self.highPage(&k), q = try Self.highPage(&k), r = try Self.highPage(&k)
        let a = HighmemState.localAddress(slot: 0, cpu: 0)
        _ = k.kmapLocalPage(p); _ = k.kmapLocalPage(q); _ = k.kmapLocalPage(r)
        #expect(k.kunmapLocal(a) == .unmapped(how: .local(slot: 2, cpu: 0)))
        #expect(lastReport(k)?.kind == .warning(file: "mm/highmem.c", line: 611, function: "kunmap_local_indexed"))
        #expect(k.highmem.local[k.curCPU.currentPID] == [Int32(p), Int32(q)])
        // WARN_ON_ONCE: the second time only kmemsim says it.
        #expect(k.kunmapLocal(a) == .unmapped(how: .local(slot: 1, cpu: 0)))
        #expect(lastReport(k)?.kind == .kmemsimOnly)
        guard case .highmem(.kunmapLocalOutOfOrder(_, 0, 1, _, let top, false))? = lastReport(k)?.note else {
            Issue.record("no out-of-order note"); return
        }
        #expect(top == q)
        #expect(k.kunmapLocal(a) == .unmapped(how: .local(slot: 0, cpu: 0)))
        // Nothing left: the index would go below 0, BUG.
        #expect(k.kunmapLocal(a) == .refused)
        #expect(lastReport(k)?.kind == .kernelBug(file: "mm/highmem.c", line: 480, function: "kunmap_local_indexed"))
        try k.checkInvariants()
    }

    @Test func theSixteenthSlotIsABug() throws {
        var k = Self.i386
        let first = try k.mustAlloc(.highuser, order: 4).raw
        for i in 0..<15 { guard case .mapped = k.kmapLocalPage(first + i) else { Issue.record("slot \(i)"); return } }
        let full = k.highmem
        #expect(k.kmapLocalPage(first + 15) == .refused)
        #expect(lastReport(k)?.kind == .kernelBug(file: "mm/highmem.c", line: 468, function: "__kmap_local_pfn_prot"))
        #expect(k.highmem == full)
        try k.checkInvariants()
    }

    @Test func kmapAtomicDisablesPreemptionAndPageFaults() throws {
        var k = Self.i386
        let p = try Self.highPage(&k), q = try Self.highPage(&k), l = try Self.highPage(&k)
        let pid = k.curCPU.currentPID
        guard case .mapped(let a, .local(0, 0)) = k.kmapLocalPage(p, atomic: true, caller: "kmap_atomic") else { Issue.record("not mapped"); return }
        #expect(k.curCPU.preemptCount == 1 && k.highmem.pagefaultDisabled[pid] == 1)
        // kmap() may sleep: in atomic context that is the might_sleep() BUG (and kmap carries on).
        guard case .mapped = k.kmap(q) else { Issue.record("kmap refused"); return }
        guard case .sleepingInAtomic(let file, let line, _)? = k.log.entries.last(where: { if case .sleepingInAtomic = $0.report.kind { true } else { false } })?.report.kind else {
            Issue.record("no might_sleep report"); return
        }
        #expect(file == "include/linux/highmem-internal.h" && line == 44)
        #expect(k.kunmapLocal(a, atomic: true, caller: "kunmap_atomic") == .unmapped(how: .local(slot: 0, cpu: 0)))
        #expect(k.curCPU.preemptCount == 0 && k.highmem.pagefaultDisabled[pid] == nil)
        // kunmap_atomic() without kmap_atomic(): the kernel does not check; kmemsim does and keeps the count at 0.
        guard case .mapped(let b, _) = k.kmapLocalPage(l) else { Issue.record("not mapped"); return }
        k.preemptDisable()
        #expect(k.kunmapLocal(b, atomic: true, caller: "kunmap_atomic") == .unmapped(how: .local(slot: 0, cpu: 0)))
        #expect(lastReport(k)?.note == .highmem(.kunmapAtomicWithoutKmapAtomic))
        #expect(k.highmem.pagefaultDisabled.isEmpty)
        try k.checkInvariants()
    }

    @Test func lowmemPagesAndSixtyFourBitKernelsMapNothing() throws {
        var k = Self.i386
        let low = try k.mustAlloc(.kernel, order: 0).raw
        let direct = try #require(k.pageAddress(low))
        #expect(k.kmap(low) == .mapped(address: direct, how: .directMap))
        #expect(k.kmapLocalPage(low) == .mapped(address: direct, how: .directMap))
        #expect(k.kunmapLocal(direct) == .unmapped(how: .directMap))
        #expect(k.highmem.held == 0 && k.highmem.pkmapEntriesInUse == 0)
        var x = Self.x86
        #expect(!x.highmem.configured && x.pkmapRange == nil)
        let p = try x.mustAlloc(.highuser, order: 0).raw
        let addr = try #require(x.pageAddress(p))
        #expect(x.kmap(p) == .mapped(address: addr, how: .directMap))
        #expect(x.kunmap(p) == .unmapped(how: .directMap))
        #expect(x.kmapLocalPage(p, atomic: true, caller: "kmap_atomic") == .mapped(address: addr, how: .directMap))
        #expect(x.curCPU.preemptCount == 1)
        #expect(x.kunmapLocal(addr, atomic: true, caller: "kunmap_atomic") == .unmapped(how: .directMap))
        #expect(x.curCPU.preemptCount == 0)
        // An address no map call returns: nothing happens, kmemsim says so.
        #expect(x.kunmapLocal(0xffff_c900_0000_0000) == .ignored)
        #expect(x.kmapFlushUnused() == 0)
        try x.checkInvariants()
    }

    @Test func freeingAMappedPageIsAKmemsimNoteAndTheMappingStays() throws {
        var k = Self.i386
        let p = try Self.highPage(&k)
        _ = k.kmap(p)
        _ = k.kmapLocalPage(p)
        _ = k.freePages(PFN(p), order: 0)
        #expect(k.log.entries.contains { $0.report.note == .highmem(.freedWhileMapped(pfn: p, pkmapEntry: 1, localSlots: 1)) })
        #expect(k.highmem.pkmapEntry(of: p) == 1 && k.highmem.held == 2)
        try k.checkInvariants()
    }

    @Test func theInvariantsCatchABrokenTable() throws {
        var k = Self.i386
        let p = try Self.highPage(&k)
        _ = k.kmap(p)
        k.highmem.pkmapPage[7] = Int32(p) // the same page in two entries
        k.highmem.pkmapCount[7] = 2
        k.highmem.recount()
        #expect(throws: InvariantViolation.self) { try k.checkInvariants() }
        var j = Self.i386
        let low = try j.mustAlloc(.kernel, order: 0).raw
        j.highmem.local[j.curCPU.currentPID] = [Int32(low)] // a lowmem page in a slot
        j.highmem.recount()
        #expect(throws: InvariantViolation.self) { try j.checkInvariants() }
    }

    /// Random kmap, kunmap, kmap_local, kunmap_local (sometimes out of order), kmap_atomic, frees and migrations:
    /// every invariant holds after every step, and the state matches a simple model of who holds what.
    @Test(arguments: [UInt64(1), 9])
    func randomMappingsKeepInvariants(seed: UInt64) throws {
        var k = Self.i386
        var rng = SeededRandom(state: seed)
        var pages: [Int] = []
        var kmapped: [Int: Int] = [:] // pfn → kmap() users
        var local: [(addr: UInt64, atomic: Bool)] = []
        for _ in 0..<16 { pages.append(try Self.highPage(&k)) }
        for step in 0..<600 {
            let op = Int.random(in: 0..<8, using: &rng)
            let pfn = pages[Int.random(in: 0..<pages.count, using: &rng)]
            switch op {
            case 0, 1:
                if case .mapped = k.kmap(pfn) { kmapped[pfn, default: 0] += 1 }
            case 2:
                let r = k.kunmap(pfn)
                if let n = kmapped[pfn], n > 0 {
                    #expect(r != .refused)
                    kmapped[pfn] = n - 1
                } else {
                    #expect(r == .refused)
                }
            case 3, 4:
                let atomic = op == 4
                if case .mapped(let a, _) = k.kmapLocalPage(pfn, atomic: atomic) { local.append((a, atomic)) }
                else { #expect(local.count == HighmemState.kmMaxIdx - 1) }
            case 5:
                // Newest first, or now and then an older one (the newest slot goes anyway).
                guard !local.isEmpty else { #expect(k.kunmapLocal(HighmemState.localAddress(slot: 0, cpu: k.currentCPU)) == .refused); break }
                let i = Bool.random(using: &rng) && local.count > 1 ? Int.random(in: 0..<local.count, using: &rng) : local.count - 1
                _ = k.kunmapLocal(local[i].addr, atomic: local.last!.atomic)
                local.removeLast()
            case 6:
                if k.curCPU.preemptible { _ = try? k.migrate(to: Int.random(in: 0..<2, using: &rng)) }
            default:
                _ = k.kmapFlushUnused()
            }
            #expect(k.highmem.local[k.curCPU.currentPID]?.count ?? 0 == local.count)
            #expect(k.highmem.pkmapCount.indices.allSatisfy { e in
                let p = Int(k.highmem.pkmapPage[e]); return p < 0 || Int(k.highmem.pkmapCount[e]) - 1 == kmapped[p] ?? 0
            })
            do { try k.checkInvariants() } catch { Issue.record("step \(step) op \(op): \(error)"); return }
        }
    }
}

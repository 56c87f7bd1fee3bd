import Testing
@testable import KernelMM

/// Worked examples of the buddy allocator, checked by hand against mm/page_alloc.c.
@Suite struct BuddyTests {
    /// Takes every free Movable block of orders 0…9 in NORMAL (exact-order requests, so nothing splits), leaving
    /// order-10 blocks as the smallest: the next request must split one.
    func onlyMaxOrderBlocksLeft(_ k: inout Kernel) throws -> Int {
        let z = try #require(k.zoneIndex(of: .normal))
        for o in 0..<k.maxOrder {
            while k.freeArea(zone: z)[o].head[MigrateType.movable.rawValue] >= 0 {
                _ = try k.mustAlloc(.highuserMovable, order: o)
            }
        }
        return z
    }

    /// An order-3 request splits an order-10 block; then an order-0 request is served from the order-3 buddy:
    /// expand() keeps the lowest page and puts the upper halves on the order-2, -1 and -0 lists
    /// (kernel-facts.md section 3: order 0 from an order-3 block at B gives B+4→o2, B+2→o1, B+1→o0, returns B).
    /// Freeing both merges all the way back to one order-10 block.
    @Test func splitThenMergeBackToMaxOrder() throws {
        var k = try boot { $0.pcpLists = false }
        let z = try onlyMaxOrderBlocksLeft(&k)
        let tenBefore = k.freeArea(zone: z)[10].nrFree
        let freeBefore = k.nrFreePages(zone: z)
        let a = try k.mustAlloc(.highuserMovable, order: 3)
        #expect(a.raw % 1024 == 0)
        for o in 3...9 {
            #expect(k.frames[a.raw + (1 << o)].state == .buddy && Int(k.frames[a.raw + (1 << o)].order) == o)
        }
        #expect(k.freeArea(zone: z)[10].nrFree == tenBefore - 1)
        let b = try k.mustAlloc(.highuserMovable, order: 0)
        let block = a.raw + 8
        #expect(b.raw == block)
        #expect(k.frames[block + 4].state == .buddy && k.frames[block + 4].order == 2)
        #expect(k.frames[block + 2].state == .buddy && k.frames[block + 2].order == 1)
        #expect(k.frames[block + 1].state == .buddy && k.frames[block + 1].order == 0)
        #expect(k.frames[block].state == .allocated)
        try k.checkInvariants()
        #expect(k.freePages(b, order: 0) == .freed)
        #expect(k.freePages(a, order: 3) == .freed)
        #expect(k.freeArea(zone: z)[10].nrFree == tenBefore)
        #expect(k.frames[a.raw].state == .buddy && k.frames[a.raw].order == 10)
        #expect(k.nrFreePages(zone: z) == freeBefore)
        try k.checkInvariants()
    }

    /// When NORMAL falls to its low watermark, the zonelist walk moves on to DMA32.
    @Test func fallsBackFromNormalToDMA32BelowTheWatermark() throws {
        var k = try boot { $0.pcpLists = false }
        let normal = try #require(k.zoneIndex(of: .normal))
        var last: PFN?
        var fromNormal = 0
        while true {
            let p = try k.mustAlloc(.kernel, order: 9)
            if k.zoneType(ofPFN: p.raw) != .normal {
                last = p
                break
            }
            fromNormal += 1
        }
        let z = k.zones[normal]
        #expect(k.zoneType(ofPFN: try #require(last).raw) == .dma32)
        #expect(fromNormal > 400)
        // The low watermark check is what stopped NORMAL: free - (2^9 - 1) ≤ low.
        #expect(k.nrFreePages(zone: normal) - 511 <= z.lowWmark)
        try k.checkInvariants()
    }

    /// GFP_ATOMIC may dig to 37.5% of min; GFP_NOWAIT stops at min. Between the two, one fails and the other succeeds.
    @Test func atomicSucceedsWhereNowaitFails() throws {
        var k = try boot { $0.memory = 256 << 20; $0.pcpLists = false }
        let quiet: GFPFlags = [.nowait, .nowarn]
        while k.allocPages(quiet, order: 5) != nil {}
        while k.allocPages(quiet, order: 0) != nil {}
        let dma32 = try #require(k.zone(.dma32))
        #expect(k.nrFreePages(zone: dma32.index) <= dma32.minWmark)
        #expect(k.allocPages(quiet, order: 0) == nil)
        let atomic = k.allocPages(.atomic, order: 0)
        #expect(atomic != nil)
        // And no failure report was logged for the __GFP_NOWARN attempts.
        #expect(!k.log.entries.contains { if case .pageAllocFailure = $0.report.kind { true } else { false } })
        try k.checkInvariants()
    }

    @Test func failureReportNamesOrderAndMode() throws {
        var k = try boot { $0.memory = 128 << 20 }
        #expect(k.allocPages(.kernel, order: 10) != nil)
        while k.allocPages([.kernel, .nowarn], order: 10) != nil {}
        #expect(k.allocPages(.kernel, order: 10) == nil)
        let r = try #require(k.log.entries.last?.report)
        guard case .pageAllocFailure(let order, let gfp, _) = r.kind else {
            Issue.record("expected a page allocation failure, got \(r.kind)")
            return
        }
        #expect(order == 10 && gfp == .kernel)
        #expect(gfp.description == "0xcc0(GFP_KERNEL)")
    }

    @Test func orderAboveMaxOrderWarnsOnceAndFails() throws {
        var k = try boot()
        #expect(k.allocPages(.kernel, order: 11) == nil)
        #expect(k.allocPages(.kernel, order: 11) == nil)
        let warnings = k.log.entries.filter { if case .warning(let f, let l, _) = $0.report.kind { f == "mm/page_alloc.c" && l == 4402 } else { false } }
        #expect(warnings.count == 1)
    }

    @Test func perCPUListsHideFreedPagesFromMemFree() throws {
        var k = try boot()
        let free0 = k.memInfo().freeRAM
        let p = try k.mustAlloc(.kernel, order: 0)
        // The first order-0 request refilled the CPU's list with a batch: MemFree dropped by the whole batch.
        let z = try #require(k.zoneIndex(ofPFN: p.raw))
        let batch = k.pcpLists.batch(zone: z, cpu: 0)
        #expect(k.memInfo().freeRAM == free0 - batch)
        #expect(k.pcpPages(zone: z) == batch - 1)
        k.freePages(p, order: 0)
        #expect(k.pcpPages(zone: z) == batch)
        k.drainAllPages()
        #expect(k.memInfo().freeRAM == free0)
        try k.checkInvariants()
    }
}

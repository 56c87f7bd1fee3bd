import Testing
@testable import KernelMM

/// Misuse of the simulated kernel is reported in the kernel's words and never corrupts the simulator.
@Suite struct MisuseTests {
    func lastKind(_ k: Kernel) -> KernelReport.Kind? { k.log.entries.last?.report.kind }

    @Test func doubleFreeIsAVMBugAndChangesNothing() throws {
        var k = try boot { $0.pcpLists = false }
        let p = try k.mustAlloc(.kernel, order: 2)
        #expect(k.freePages(p, order: 2) == .freed)
        let before = k
        #expect(k.freePages(p, order: 2) == .refused)
        guard case .vmBugOnPage(_, let cond, _, _)? = lastKind(k) else { Issue.record("no VM_BUG_ON_PAGE"); return }
        #expect(cond == "page_ref_count(page) == 0")
        #expect(k.frames == before.frames && k.zones == before.zones)
        try k.checkInvariants()
    }

    @Test func doubleFreeOntoPerCPUListIsCaughtToo() throws {
        var k = try boot()
        let p = try k.mustAlloc(.kernel, order: 0)
        k.freePages(p, order: 0)
        #expect(k.freePages(p, order: 0) == .refused)
        try k.checkInvariants()
    }

    @Test func smallerOrderFreesTheFrontAndLeaksTheRest() throws {
        var k = try boot { $0.pcpLists = false }
        let p = try k.mustAlloc(.kernel, order: 3)
        #expect(k.freePages(p, order: 1) == .partiallyFreed(freedOrder: 1, leakedPages: 6))
        #expect(k.memInfo().leaked == 6)
        #expect(k.frames[p.raw + 2].owner == .leaked && k.frames[p.raw + 4].owner == .leaked)
        guard case .kmemsimOnly? = lastKind(k) else { Issue.record("expected kmemsim's own note"); return }
        try k.checkInvariants()
    }

    @Test func largerOrderIsRefused() throws {
        var k = try boot { $0.pcpLists = false }
        let p = try k.mustAlloc(.kernel, order: 1)
        let before = k.frames
        #expect(k.freePages(p, order: 3) == .refused)
        #expect(k.frames == before)
        try k.checkInvariants()
    }

    @Test func compoundWrongOrderIsCaughtByDebugVM() throws {
        var k = try boot { $0.pcpLists = false }
        let p = try k.mustAlloc([.kernel, .comp], order: 2)
        #expect(k.frames[p.raw].flags.contains(.head))
        #expect(k.frames[p.raw + 1].flags.contains(.compoundTail))
        #expect(k.freePages(p, order: 1) == .refused)
        guard case .vmBugOnPage(_, let cond, _, _)? = lastKind(k) else { Issue.record("no VM_BUG_ON_PAGE"); return }
        #expect(cond == "compound && compound_order(page) != order")
        #expect(k.freePages(p, order: 2) == .freed)
        #expect(!k.frames[p.raw + 1].flags.contains(.compoundTail))
        try k.checkInvariants()
    }

    @Test func freeingATailPageNamesTheHead() throws {
        var k = try boot { $0.pcpLists = false }
        let p = try k.mustAlloc(.kernel, order: 2)
        #expect(k.freePages(PFN(p.raw + 1), order: 0) == .refused)
        let note = try #require(k.log.entries.last?.report.note)
        #expect(note == .freeTailPage(pfn: p.raw + 1, index: 1, order: 2, head: p.raw))
        try k.checkInvariants()
    }

    @Test func reservedPageIsABadPageState() throws {
        var k = try boot()
        #expect(k.freePages(PFN(1), order: 0) == .refused)
        guard case .badPageState(_, let reason)? = lastKind(k) else { Issue.record("no bad page"); return }
        #expect(reason == "PAGE_FLAGS_CHECK_AT_FREE flag(s) set")
        #expect(k.taint.contains("B"))
    }

    @Test func freePagesOfANonDirectMapAddressIsAKernelBug() throws {
        var k = try boot()
        #expect(k.freePages(address: 0xffff_c900_0000_0000, order: 0) == .refused)
        guard case .kernelBug(let file, _, _)? = lastKind(k) else { Issue.record("no BUG"); return }
        #expect(file == "mm/page_alloc.c")
        #expect(k.log.entries.last?.report.note == .freePagesBadAddress(address: 0xffff_c900_0000_0000, problem: .vmallocAddress))
        #expect(k.freePages(address: 0, order: 0) == .freed) // free_pages(0) is a no-op
    }

    @Test func highmemHasNoAddressOnI386() throws {
        var k = try boot { $0.arch = .i386; $0.memory = 2 << 30 }
        let p = try k.mustAlloc(.highuser, order: 0)
        #expect(k.zoneType(ofPFN: p.raw) == .highmem)
        #expect(k.pageAddress(p.raw) == nil)
        #expect(k.freePages(p, order: 0) == .freed)
    }

    @Test func sleepingAllocationInAtomicContextIsReported() throws {
        var k = try boot()
        k.cpus[0].preemptCount = 1
        _ = k.allocPages(.kernel, order: 0)
        guard case .sleepingInAtomic(let file, let line, let ctx)? = k.log.entries.last?.report.kind else {
            Issue.record("no might_sleep report"); return
        }
        #expect(file == "include/linux/sched/mm.h" && line == 306 && ctx.preemptCount == 1)
        let n = k.log.entries.count
        _ = k.allocPages(.atomic, order: 0)
        #expect(k.log.entries.count == n) // GFP_ATOMIC is fine there
    }
}

import Testing
@testable import KernelMM

/// Issue 14, pinned to the 6.6.0 source.
@Suite struct FidelityRound2Tests {
    /// mm/page_alloc.c:2774, rmqueue(): WARN_ON_ONCE((gfp_flags & __GFP_NOFAIL) && (order > 1)) — even when the
    /// allocation succeeds, once per boot, and __GFP_NOWARN does not silence it.
    @Test func nofailAboveOrderOneWarnsOnceEvenWhenItSucceeds() throws {
        var k = try boot { $0.memory = 64 << 20 }
        let boot = k.log.entries.count
        #expect(k.allocPages([.kernel, .nofail], order: 1) != nil)
        #expect(k.log.entries.count == boot, "order 1 is allowed with __GFP_NOFAIL")
        let p = k.allocPages([.kernel, .nofail, .nowarn], order: 2)
        #expect(p != nil)
        guard case .warning(let file, let line, let function)? = k.log.entries.last?.report.kind else {
            Issue.record("no WARNING for __GFP_NOFAIL at order 2"); return
        }
        #expect(file == "mm/page_alloc.c" && line == 2774 && function == "get_page_from_freelist")
        #expect(k.log.entries.last?.report.note == .nofailAboveOrder1(order: 2))
        #expect(k.taintString.contains("W"))
        let n = k.log.entries.count
        #expect(k.allocPages([.kernel, .nofail], order: 3) != nil)
        #expect(k.log.entries.count == n, "WARN_ON_ONCE warned twice")
        try k.checkInvariants()
    }
}

/// Issue 14 "missing line numbers": report sites name FILE:LINE of the 6.6.0 tree.
@Suite struct ReportLineTests {
    @Test func aDoubleFreeIsTheVMBugAtMmH1095() throws {
        var k = try boot { $0.memory = 64 << 20; $0.pcpLists = false }
        let page = k.allocPages(.kernel, order: 0)
        let p = try #require(page)
        _ = k.freePages(p, order: 0)
        _ = k.freePages(p, order: 0)
        guard case .vmBugOnPage(_, let cond, let file, let line)? = k.log.entries.last?.report.kind else {
            Issue.record("no VM_BUG_ON_PAGE"); return
        }
        #expect(cond == "page_ref_count(page) == 0" && file == "include/linux/mm.h" && line == 1095)
    }

    /// remove_vm_area() warns at mm/vmalloc.c:2691 and returns NULL; vfree() then warns at 2826.
    @Test func aMisalignedVfreeWarnsTwiceAsIn66() throws {
        var k = try boot { $0.memory = 64 << 20 }
        let area = k.vmalloc(8192)
        let v = try #require(area)
        let before = k.log.entries.count
        _ = k.vfree(v + 8)
        let kinds = k.log.entries.suffix(k.log.entries.count - before).map(\.report.kind)
        var sites: [String] = []
        for kind in kinds {
            if case .warningMessage(_, _, let file, let line, let function) = kind { sites.append("\(file):\(line ?? 0) \(function)") }
        }
        #expect(sites == ["mm/vmalloc.c:2691 remove_vm_area", "mm/vmalloc.c:2826 vfree"])
        try k.checkInvariants()
    }
}

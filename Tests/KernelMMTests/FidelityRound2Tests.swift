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

import Testing
@testable import KernelMM

/// kvmalloc(): kmalloc when it can, vmalloc when it must (mm/util.c kvmalloc_node()).
@Suite struct KvmallocTests {
    @Test func smallRequestsAreKmalloc() throws {
        var k = try boot()
        let p0 = k.kvmalloc(64 << 10, gfp: .kernel)
        let p = try #require(p0)
        #expect(k.directMapPFN(p) != nil)
        #expect(k.kvfree(p) == .kfree(.freedPages))
        try k.checkInvariants()
    }

    @Test func beyondKmallocFallsBackToVmalloc() throws {
        var k = try boot()
        let logBefore = k.log.entries.count
        let p0 = k.kvmalloc(8 << 20, gfp: .kernel)
        let p = try #require(p0)
        #expect(k.isVmallocAddr(p))
        // The kmalloc attempt was quiet (__GFP_NOWARN): no failure report, no order > MAX_ORDER warning.
        #expect(k.log.entries.count == logBefore)
        #expect(k.kvfree(p) == .vfree(.freed(pages: 2048)))
        try k.checkInvariants()
    }

    @Test func atomicMasksGetNoVmallocFallback() throws {
        var k = try boot()
        #expect(k.kvmalloc(8 << 20, gfp: .atomic) == nil)
        #expect(k.kvmalloc(100, gfp: .atomic) != nil)
    }
}

import Testing
@testable import KernelMM

@Suite struct BootTests {
    @Test func pageFrameIsSixteenBytes() {
        #expect(MemoryLayout<PageFrame>.stride == 16)
    }

    @Test func defaultMachineHasThreeX86Zones() throws {
        let k = try Kernel(booting: BootParams())
        let populated = k.zones.filter(\.isPopulated).map(\.type)
        #expect(populated == [.dma, .dma32, .normal])
        let dma = try #require(k.zone(.dma))
        // As on a real x86-64: PFN 0 and the ISA hole are not RAM, all of the first 1 MiB is reserved.
        #expect(dma.startPFN == 1)
        #expect(dma.spannedPages == 4095)
        #expect(dma.presentPages == 3998)
        #expect(dma.managedPages == 3840)
        try k.checkInvariants()
    }

    @Test(arguments: [Architecture.x86_64, .i386, .sparc64])
    func everyArchitectureBootsConsistently(arch: Architecture) throws {
        var p = BootParams()
        p.arch = arch
        p.memory = arch == .i386 ? 2 << 30 : 4 << 30
        let k = try Kernel(booting: p)
        try k.checkInvariants()
        #expect(k.zones.indices.reduce(0) { $0 + k.nrFreePages(zone: $1) } > 0)
    }

    @Test func minFreeKbytesFollowsTheKernelFormula() throws {
        var p = BootParams()
        p.arch = .i386 // no transparent hugepages, which raise it (KernelConfigTests)
        let k = try Kernel(booting: p)
        let lowmemKB = k.zones.filter { $0.type <= .normal }.reduce(0) { $0 + k.managedAtInitcalls($1) } * 4
        #expect(k.minFreeKbytes == Kernel.intSqrt(lowmemKB * 16))
    }
}

import Testing
@testable import KernelMM

/// The learner's caller named as the kernel's %pS prints a return address — "function+0xoff/0xsize [module]", as in
/// the 6.1 capture's vmallocinfo line "run_line+0xd1b/0xd80 [kmprobe] pages=1 vmalloc N0=1".
@Suite struct CallSiteTests {
    @Test func theSymbolHasTheKernelsShape() {
        let s = CallSite.command(7)
        #expect(s.symbol(.alloc) == "kmemsim_cmd_7+0x1c/0x40 [kmemsim]")
        #expect(s.address(.preempt, is64Bit: true) == UInt64(0xffff_ffff_c0a0_b000) + 7 * 0x40 + 0x15)
        // i386 loads modules in vmalloc space (MODULES_VADDR = VMALLOC_START) and prints 8 digits.
        #expect(s.address(.preempt, is64Bit: false) == UInt64(0xf8a0_b000) + 7 * 0x40 + 0x15)
        let c = CallSite(serial: 3, functionName: "leaky_init", moduleName: "leaky")
        #expect(c.symbol(.free) == "leaky_init+0x2c/0x40 [leaky]")
    }

    @Test func everyPlaceTheKernelNamesTheCallerUsesIt() throws {
        var p = BootParams()
        p.memory = 256 << 20
        p.slabDebug = "U" // SLAB_STORE_USER: SLUB's struct track
        var k = try Kernel(booting: p)
        k.trace.enabled = true
        k.callSite = .command(4)
        let v = try unwrap(k.vmalloc(8192))
        let area = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        #expect(area.caller == "kmemsim_cmd_4+0x1c/0x40 [kmemsim]")
        _ = k.kmemCacheCreate(name: "t", size: 64)
        let o = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        let ci = try #require(k.slab.index(named: "t"))
        let track = k.slab.caches[ci].slabs.values.flatMap(\.tracks).first { !$0.allocCaller.isEmpty }
        #expect(track?.allocCaller == "kmemsim_cmd_4+0x1c/0x40 [kmemsim]" && track?.allocAPI == "kmem_cache_alloc")
        #expect(k.trace.events.contains { if case .kmemCacheAlloc(let site, _, _, _, _, _) = $0.kind { site == "kmemsim_cmd_4+0x1c/0x40 [kmemsim]" } else { false } })
        _ = k.kmemCacheFree("t", o)
        // "Preemption disabled at:" names the function that called spin_lock (get_lock_parent_ip()).
        _ = k.spinLock("l")
        #expect(k.cpus[0].preemptDisabledAt == CodeAddress(address: UInt64(0xffff_ffff_c0a0_b000) + 4 * 0x40 + 0x15, symbol: "kmemsim_cmd_4+0x15/0x40 [kmemsim]"))
        // Every call trace ends in the learner's function.
        _ = k.allocPages(.kernel, order: 0)
        guard let last = k.log.entries.last?.report else { Issue.record("no report"); return }
        #expect(last.callTrace.last == "kmemsim_cmd_4+0x33/0x40 [kmemsim]")
    }
}

/// kfree() of an address outside the direct map: virt_to_folio() computes vmemmap + (__pa(x) >> PAGE_SHIFT) and
/// _compound_head() reads page->compound_head there; nothing maps that part of the memory map, so x86-64 oopses with
/// "BUG: unable to handle page fault for address:" (arch/x86/mm/fault.c) at that struct page's second word.
@Suite struct KfreeFaultTests {
    @Test func kfreeOfAVmallocAddressFaultsWhereTheKernelWould() throws {
        var p = BootParams()
        p.memory = 256 << 20
        var k = try Kernel(booting: p)
        let v = try unwrap(k.vmalloc(4096))
        let before = k.slab
        #expect(k.kfree(v) == .refused)
        #expect(k.slab == before)
        let expected = UInt64(0xffff_ea00_0000_0000) &+ ((v &- 0xffff_8880_0000_0000) >> 12) &* 64 &+ 8
        #expect(k.log.entries.last?.report.kind == .pageFault(address: expected, function: "kfree"))
        try k.checkInvariants()
    }
}

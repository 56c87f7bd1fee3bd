import Testing
@testable import KernelMM

/// Issue 14 item 5: one kernel configuration (a distribution x86_64 6.6 with THP, no CMA), and every view agreeing.
/// Expected values are those of Debian's kernels booted with the same RAM (reference/realkernel/6.12.117+deb12-amd64-1G-2:
/// vm.min_free_kbytes 45056; zoneinfo) or worked from mm/khugepaged.c set_recommended_min_free_kbytes().
@Suite struct KernelConfigTests {
    @Test func thpRaisesMinFreeKbytesAsOnARealOneGigabyteMachine() throws {
        let k = try boot { $0.memory = 0x3ffe_0000; $0.cpus = 2 }
        // (2 + 3 × 3) pageblocks × 512 pages × 2 zones (DMA, DMA32) × 4 KiB = 45056 kB, the capture's value.
        #expect(k.minFreeKbytes == 45056)
        let dma = try #require(k.zone(.dma)), dma32 = try #require(k.zone(.dma32))
        // The capture's zoneinfo (6.12): the watermarks are set at the initcalls, with the managed pages of the
        // Memory: line (before free_initmem() and mark_rodata_ro() free the image's boot-only parts), so with
        // Debian's image sections kmemsim's numbers are the real machine's.
        #expect([dma.watermark.min, dma.watermark.low, dma.watermark.high] == [176, 220, 264])
        #expect([dma32.watermark.min, dma32.watermark.low, dma32.watermark.high] == [11087, 13858, 16629])
        // pagesets "high:" = low watermark / CPUs (capture: DMA32 6929; 6.1's DMA 110).
        #expect(k.pcp(zone: dma32.index)[0].high == 6929 && k.pcp(zone: dma.index)[0].high == 110)
        // protection: (0, 944, …) in the capture: lowmem_reserve from the same managed pages.
        #expect(dma.lowmemReserve[1] == 944)
        // The boot log frees what the real one frees after the initcalls (capture dmesg lines 373-376).
        var lines: [String] = []
        for e in k.log.entries { if case .info(let l) = e.report.kind { lines.append(l) } }
        for want in ["Freeing unused decrypted memory: 2028K", "Freeing unused kernel image (initmem) memory: 4264K",
                     "Freeing unused kernel image (rodata/data gap) memory: 572K"] {
            #expect(lines.contains(want), "missing: \(want)")
        }
        #expect(lines.contains { $0.hasPrefix("Memory: ") && $0.contains("(16384K kernel code, 2499K rwdata, 11716K rodata, 4264K init, 4904K bss") })
    }

    @Test func thpRaisesMinFreeKbytesAtFourGigabytes() throws {
        // Three zones up to ZONE_NORMAL: 11 × 512 × 3 × 4 KiB = 67584 kB (the real 4 GiB machine).
        let k = try boot { $0.memory = 4 << 30; $0.cpus = 4 }
        #expect(k.minFreeKbytes == 67584)
    }

    @Test func withoutTHPTheBaseFormulaStands() throws {
        let k = try boot { $0.arch = .i386; $0.memory = 1 << 30 }
        #expect(!k.config.transparentHugepage)
        // calculate_min_free_kbytes() at its initcall: no watermarks yet, and the image's init sections (1 MiB on
        // i386) not yet freed.
        let lowmem = k.zones.filter { $0.type <= .normal }.reduce(0) { $0 + $1.managedPages } - 256
        #expect(k.minFreeKbytes == Kernel.intSqrt(lowmem * 4 * 16))
        let given = try boot { $0.memory = 1 << 30; $0.minFreeKbytes = 2048 }
        #expect(given.minFreeKbytes == 2048, "a boot-time min_free_kbytes stands for a sysctl written after boot")
    }

    /// The cap: at most 5 % of nr_free_buffer_pages() (a 64 MiB machine has far less than 11 pageblocks to spare).
    @Test func theRecommendationIsCappedAtFivePercentOfLowmem() throws {
        let k = try boot { $0.memory = 64 << 20 }
        let managed = k.zones.filter { $0.type <= .normal }.reduce(0) { $0 + $1.managedPages }
        #expect(k.minFreeKbytes <= managed / 20 * 4, "more than 5 % of lowmem")
        #expect(k.minFreeKbytes > Kernel.intSqrt(managed * 4 * 16), "not raised above the base formula")
    }

    /// order_to_pindex(): with THP an order-9 (pageblock_order) block is freed to the CPU's list (NR_PCP_LISTS = 13)
    /// and the next order-9 allocation takes it back from there.
    @Test func anOrderNineBlockGoesToThePerCPUList() throws {
        var k = try boot { $0.memory = 1 << 30; $0.cpus = 2 }
        #expect(k.pcpLists.listCount == 13)
        let page = k.allocPages(.kernel, order: 9)
        let p = try #require(page)
        let z = try #require(k.zoneIndex(ofPFN: p.raw))
        // rmqueue_bulk() with batch max(63 >> 9, 2) = 2: one block handed out, one left on the list.
        #expect(k.pcpLists.count(zone: z, cpu: 0) == 512)
        let buddyBefore = k.nrFreePages(zone: z)
        _ = k.freePages(p, order: 9)
        #expect(k.pcpLists.count(zone: z, cpu: 0) == 1024)
        #expect(k.nrFreePages(zone: z) == buddyBefore, "the freed block stayed on the pcp list")
        #expect(k.frames[p.raw].state == .pcp)
        let q = k.allocPages(.kernel, order: 9)
        #expect(q == p, "LIFO: the block just freed comes back first")
        try k.checkInvariants()
        var i386 = try boot { $0.arch = .i386; $0.memory = 256 << 20 }
        #expect(i386.pcpLists.listCount == 12)
        let page386 = i386.allocPages(.kernel, order: 9)
        let r = try #require(page386)
        _ = i386.freePages(r, order: 9)
        #expect(i386.frames[r.raw].state != .pcp)
    }

    @Test func noCMAIsBuiltIn() throws {
        let k = try boot { $0.memory = 64 << 20 }
        #expect(k.config.cma == false)
        #expect(k.config.value("CONFIG_CMA") == .notSet)
        #expect(k.config.value("CONFIG_TRANSPARENT_HUGEPAGE") == .yes)
        #expect(k.config.value("CONFIG_SLUB") == .yes)
        let slab = try boot { $0.memory = 64 << 20; $0.slab = .slab }
        #expect(slab.config.value("CONFIG_SLAB_DEPRECATED") == .yes && slab.config.value("CONFIG_SLUB") == .notSet)
    }
}

/// Issue 14 item 6: the per-CPU first chunk as pcpu_build_alloc_info() and pcpu_embed_first_chunk() lay it out.
/// Real machines: "percpu: Embedded 62 pages/cpu s217088 r8192 d28672 u1048576" (6.1, 2 CPUs, capture dmesg);
/// kmprobe's pcpu_unit_size 1048576 with 2 CPUs; 512 KiB with 4.
@Suite struct PercpuFirstChunkTests {
    @Test(arguments: [(2, 1 << 20), (4, 512 << 10), (1, 2 << 20), (3, 512 << 10), (8, 256 << 10)])
    func theUnitSizeSharesATwoMegabyteAtom(cpus: Int, unit: Int) throws {
        let k = try boot { $0.memory = 256 << 20; $0.cpus = cpus }
        #expect(k.percpu.unitSize == unit)
        #expect(k.percpu.dynamicSize == 28672)
        #expect(k.percpu.firstChunkSize / k.pageSize == 63)
        #expect(k.log.entries.contains { if case .info(let l) = $0.report.kind { l == "percpu: Embedded 63 pages/cpu s221184 r8192 d28672 u\(unit)" } else { false } })
        // Only size_sum of each unit stays reserved: Percpu: in meminfo is 63 pages per CPU.
        #expect(k.memInfo().percpu == 63 * cpus)
        // cpu1's copy is one unit further on (kmprobe: unit_distance cpu1-cpu0 = pcpu_unit_size).
        if cpus > 1 {
            let p = try #require({ var m = k; return m.allocPercpu(size: 8, align: 8) }())
            #expect(k.perCPUPtr(p, cpu: 1) - p == UInt64(unit))
        }
    }

    /// pcpu_get_vm_areas(): a new chunk takes nr_units × unit_size from the top of vmalloc space, 2 MiB-aligned,
    /// no guard page: the capture (6.1.0-57-amd64-1G-2/after/vmallocinfo line 92) has
    /// "0xffffe8ffffc00000-0xffffe8ffffe00000 2097152 pcpu_get_vm_areas+… vmalloc" on a 2-CPU machine.
    @Test func aNewChunkComesFromTheTopOfVmallocSpace() throws {
        var k = try boot { $0.memory = 1 << 30; $0.cpus = 2 }
        let p = k.allocPercpu(size: 32 << 10, align: 8) // more than the first chunk's 28 KiB dynamic area
        #expect(p == 0xffff_e8ff_ffc0_0000)
        let area = try #require(k.vmalloc.areas.first { if case .percpuChunk = $0.purpose { true } else { false } })
        #expect(area.start == 0xffff_e8ff_ffc0_0000 && area.size == 2_097_152 && area.guardPages == 0)
        try k.checkInvariants()
    }

    /// arch/x86/kernel/setup_percpu.c: PERCPU_FIRST_CHUNK_RESERVE is 0 on x86-32, dyn = 8 KiB + 20 KiB, atom a page.
    @Test func i386HasNoReservedArea() throws {
        var k = try boot { $0.arch = .i386; $0.memory = 256 << 20; $0.cpus = 2 }
        #expect(k.percpu.reservedSize == 0 && k.percpu.dynamicSize == 28672)
        #expect(k.percpu.unitSize == k.percpu.firstChunkSize)
        // A module's DEFINE_PER_CPU then comes from the dynamic area (pcpu_alloc() without a reserved chunk).
        let v = k.allocPercpu(size: 4, align: 4, reserved: true)
        #expect(v != nil)
        try k.checkInvariants()
    }
}

/// Issue 14 item 7: i386's lowmem ends at MAXMEM = VMALLOC_END − PAGE_OFFSET − __VMALLOC_RESERVE, worked from the
/// 6.6.0 headers for a non-PAE build with NR_CPUS 8: fixmap 712 pages below __FIXADDR_TOP 0xfffff000 → 0xffd37000;
/// cpu_entry_area 8 × 43 + 1 pages below it, rounded down to a 4 MiB PMD → 0xff800000; LDT 0xff400000; PKMAP
/// 0xff000000; VMALLOC_END = PKMAP_BASE − 2 pages = 0xfeffe000; MAXMEM = 0xfeffe000 − 0xc0000000 − 128 MiB.
@Suite struct I386LowmemTests {
    @Test func lowmemEndsAtMaxmemAndVmallocSpaceIs120MiB() throws {
        let l = Architecture.i386Layout
        #expect(l.fixaddrTotStart == 0xffd3_7000 && l.cpuEntryAreaBase == 0xff80_0000 && l.ldtBase == 0xff40_0000)
        #expect(l.pkmapBase == 0xff00_0000 && l.vmallocEnd == 0xfeff_e000)
        #expect(Architecture.i386LowmemLimit == 0x36ff_e000)
        let k = try boot { $0.arch = .i386; $0.memory = 2 << 30; $0.cpus = 2 }
        #expect(k.zone(.normal)?.endPFN == 0x36ffe && k.zone(.highmem)?.startPFN == 0x36ffe)
        // VMALLOC_START = high_memory + VMALLOC_OFFSET: exactly 122880 kB of vmalloc space (the 6.6 value).
        #expect(k.memInfo().vmallocTotalKB == 122_880)
        #expect(k.pageAddress(0x36ffd) == 0xf6ff_d000 && k.pageAddress(0x36ffe) == nil)
        try k.checkInvariants()
    }

    @Test func aSmallMachineHasMoreVmallocSpace() throws {
        // 256 MiB: high_memory = 0xd0000000, VMALLOC_START 8 MiB past it.
        let k = try boot { $0.arch = .i386; $0.memory = 256 << 20 }
        #expect(k.vmallocRange.start == 0xd080_0000 && k.vmallocRange.end == 0xfeff_e000)
        #expect(k.memInfo().vmallocTotalKB == Int((0xfeff_e000 - 0xd080_0000) >> 10))
    }

    @Test func theBuildBootsAtMostNRCPUs() throws {
        #expect(throws: BootError.self) { try boot { $0.arch = .i386; $0.cpus = 9 } }
        #expect(try boot { $0.arch = .i386; $0.memory = 64 << 20; $0.cpus = 8 }.params.cpus == 8)
    }
}

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

/// Issue 14: the boot log says what a real boot says about memory. The expected lines are those of Debian's 6.1 kernel
/// booted under qemu with the same RAM map (reference/realkernel/6.1.0-57-amd64-1G-2/before/dmesg: RAM to 0x3ffdffff,
/// 2 CPUs); 6.1 and 6.6 compute these the same way (mm/mm_init.c, mm/page_alloc.c build_all_zonelists()).
@Suite struct BootLogTests {
    @Test func theBootLogMatchesARealBootWithTheSameRAM() throws {
        let k = try boot { $0.memory = 0x3ffe_0000; $0.cpus = 2 }
        var lines: [String] = []
        for e in k.log.entries { if case .info(let l) = e.report.kind { lines.append(l) } }
        for want in ["Zone ranges:",
                     "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]",
                     "  DMA32    [mem 0x0000000001000000-0x000000003ffdffff]",
                     "  Normal   empty",
                     "  Device   empty",
                     "Early memory node ranges",
                     "  node   0: [mem 0x0000000000001000-0x000000000009efff]",
                     "  node   0: [mem 0x0000000000100000-0x000000003ffdffff]",
                     "Initmem setup node 0 [mem 0x0000000000001000-0x000000003ffdffff]",
                     "On node 0, zone DMA: 1 pages in unavailable ranges",
                     "On node 0, zone DMA: 97 pages in unavailable ranges",
                     "On node 0, zone DMA32: 32 pages in unavailable ranges",
                     "Built 1 zonelists, mobility grouping on.  Total pages: 257760",
                     "Policy zone: DMA32",
                     "SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=2, Nodes=1"] {
            #expect(lines.contains(want), "missing: \(want)")
        }
        // The Memory: line's second number is every present page (1048056K on the real machine too).
        #expect(lines.contains { $0.hasPrefix("Memory: ") && $0.contains("K/1048056K available") }, "\(lines)")
    }
}

/// Issue 14: si_mem_available() subtracts totalreserve_pages, which calculate_totalreserve_pages()
/// (mm/page_alloc.c:5567-5597) caps at each zone's managed pages. On a 16 GiB machine ZONE_DMA's lowmem_reserve for
/// the zones above it is larger than all of ZONE_DMA, so the cap matters there.
@Suite struct MemAvailableTests {
    @Test func theReserveOfEachZoneIsCappedAtItsManagedPages() throws {
        let k = try boot { $0.memory = 16 << 30; $0.cpus = 2 }
        let dma = try #require(k.zones.first { $0.type == .dma })
        #expect((dma.lowmemReserve.max() ?? 0) + dma.watermark.high > dma.managedPages, "the cap is not exercised")
        var reserve = 0
        for z in k.zones {
            var m = 0
            for r in z.lowmemReserve where r > m { m = r }
            m += z.watermark.high
            reserve += min(m, z.managedPages)
        }
        #expect(k.totalReservePages == reserve)
        // si_mem_available(): free − totalreserve + reclaimable − min(reclaimable / 2, Σ low watermarks).
        let info = k.memInfo()
        let low = k.zones.reduce(0) { $0 + $1.lowWmark }
        let r = info.slabReclaimable
        #expect(info.available == info.freeRAM - reserve + r - min(r / 2, low))
    }
}

/// Issue 14: a large kmalloc traces the caller's flags; __kmalloc_large_node() adds __GFP_COMP to its own copy
/// (mm/slab_common.c:1166), so only the page allocation's event shows it.
@Suite struct LargeKmallocTraceTests {
    @Test func theKmallocEventHasTheCallersFlags() throws {
        var k = try boot { $0.memory = 64 << 20 }
        k.trace.enabled = true
        _ = k.kmalloc(9000, gfp: .kernel)
        var kmalloc: (req: Int, gfp: GFPFlags)?, pageGFP: GFPFlags = []
        for e in k.trace.events {
            switch e.kind {
            case .kmalloc(_, _, let req, _, let gfp, _): kmalloc = (req, gfp)
            case .mmPageAlloc(_, _, _, let gfp): pageGFP = gfp
            default: break
            }
        }
        #expect(kmalloc?.req == 9000 && kmalloc?.gfp == .kernel, "\(String(describing: kmalloc))")
        #expect(pageGFP == GFPFlags.kernel.union(.comp))
    }
}

/// Issue 14: warn_alloc() is rate-limited by nopage_rs (DEFAULT_RATELIMIT_INTERVAL 5 s, DEFAULT_RATELIMIT_BURST 10;
/// lib/ratelimit.c): the 11th failure within 5 s prints nothing, and the first report of the next interval is preceded
/// by "warn_alloc: N callbacks suppressed".
@Suite struct WarnAllocRatelimitTests {
    @Test func tenFailureReportsPerFiveSecondsThenASuppressedCount() throws {
        var k = try boot { $0.memory = 64 << 20 }
        func failures() -> Int {
            k.log.entries.filter { if case .vmallocError = $0.report.kind { return true } else { return false } }.count
        }
        for _ in 0..<12 { #expect(k.vmalloc(1 << 30) == nil) }
        #expect(failures() == 10)
        #expect(k.log.entries.last?.report.note == .warnAllocRatelimited(.vmallocMorePagesThanRAM(pages: 262144, managed: k.zones.reduce(0) { $0 + $1.managedPages })))
        k.clock.tick(6_000_000_000)
        #expect(k.vmalloc(1 << 30) == nil)
        #expect(failures() == 11)
        let said = k.log.entries.contains { if case .info(let l) = $0.report.kind { return l == "warn_alloc: 2 callbacks suppressed" } else { return false } }
        #expect(said)
    }
}

/// Issue 14: vfree() purges lazily (mm/vmalloc.c free_vmap_area_noflush, lazy_max_pages = fls(cpus) × 32 MiB): the
/// range stays off the free space, listed as "unpurged vm_area", until the lazy pages pass the limit or an
/// allocation finds no room (alloc_vmap_area's purge-and-retry at mm/vmalloc.c:1651).
@Suite struct LazyVfreeTests {
    @Test func freedRangesWaitOnThePurgeListUntilTheLimit() throws {
        var k = try boot { $0.memory = 256 << 20; $0.cpus = 2 }
        // fls(2) = 2: 64 MiB of 4 KiB pages.
        #expect(k.lazyMaxPages == 2 * 8192)
        let v = try unwrap(k.vmalloc(1 << 20))
        _ = k.vfree(v)
        #expect(k.vmalloc.purgeList.first?.start == v && k.vmalloc.lazyPages == 257)
        let w = try unwrap(k.vmalloc(1 << 20))
        #expect(w != v, "a lazily freed range was reused before it was purged")
        // Past lazy_max_pages the whole list is purged.
        var freed = 0
        while k.vmalloc.lazyPages > 0 && freed < 100 {
            let x = try unwrap(k.vmalloc(1 << 20))
            _ = k.vfree(x)
            freed += 1
        }
        #expect(k.vmalloc.purgeList.isEmpty && freed == 63, "purged after \(freed)")
        try k.checkInvariants()
    }
}

/// Issue 14: when stealing a pageblock, move_freepages() counts as movable only pages that could migrate (PageLRU or
/// __PageMovable, mm/page_alloc.c:1637). A page a driver got with __GFP_MOVABLE is neither, so it does not count.
@Suite struct PageblockStealTests {
    @Test func driverPagesAllocatedMovableAreNotMovableForStealing() throws {
        var k = try boot { $0.memory = 64 << 20; $0.pcpLists = false }
        let p = try unwrap(k.allocPages(GFPFlags.highuserMovable, order: 3))
        let z = try unwrap(k.zones.firstIndex { $0.startPFN <= p.raw && p.raw < $0.endPFN })
        let (free, movable) = k.moveFreepagesBlock(zone: z, pfn: p.raw, to: .movable)
        #expect(movable == 0)
        #expect(free > 0)
        try k.checkInvariants()
    }
}

import Testing
@testable import KernelMM

/// Watermarks and lowmem_reserve follow __setup_per_zone_wmarks() and setup_per_zone_lowmem_reserve().
@Suite struct WatermarkTests {
    @Test(arguments: [UInt64(1) << 30, 4 << 30, 16 << 30])
    func watermarksFollowTheFormulas(memory: UInt64) throws {
        let k = try boot { $0.memory = memory }
        let pagesMin = k.minFreeKbytes / 4
        let lowmem = k.zones.filter { $0.type != .highmem && $0.type != .movable }.reduce(0) { $0 + k.managedAtInitcalls($1) }
        for z in k.zones where z.isPopulated {
            let tmp = pagesMin * k.managedAtInitcalls(z) / lowmem
            #expect(z.watermark.min == tmp)
            let gap = max(tmp / 4, k.managedAtInitcalls(z) * 10 / 10_000)
            #expect(z.watermark.low == z.watermark.min + gap)
            #expect(z.watermark.high == z.watermark.low + gap)
        }
    }

    @Test func minFreeKbytesMatchesTheKernelsExamples() throws {
        // init_per_zone_wmark_min(): int_sqrt(lowmem_kB * 16); 16 GiB → about 16384 (without THP, whose 67584 kB
        // for three zones is larger: KernelConfigTests).
        let k = try boot { $0.memory = 16 << 30; $0.arch = .sparc64 }
        #expect((15_000...16_384).contains(k.minFreeKbytes))
        let tiny = try boot { $0.memory = 64 << 20 }
        #expect(tiny.minFreeKbytes >= 128)
    }

    @Test func lowmemReserveProtectsLowerZones() throws {
        let k = try boot()
        let dma = try #require(k.zone(.dma)), dma32 = try #require(k.zone(.dma32)), normal = try #require(k.zone(.normal))
        let m32 = k.managedAtInitcalls(dma32), mNormal = k.managedAtInitcalls(normal)
        #expect(dma.lowmemReserve[1] == m32 / 256)
        #expect(dma.lowmemReserve[2] == (m32 + mNormal) / 256)
        #expect(dma32.lowmemReserve[2] == mNormal / 256)
        #expect(normal.lowmemReserve.allSatisfy { $0 == 0 })
    }

    @Test func highmemZoneMinIsCapped() throws {
        let k = try boot { $0.arch = .i386; $0.memory = 2 << 30 }
        let hi = try #require(k.zone(.highmem))
        #expect(hi.watermark.min == min(max(hi.managedPages / 1024, 32), 128))
    }

    @Test func pcpBatchAndHigh() throws {
        let k = try boot()
        let normal = try #require(k.zone(.normal))
        // zone_batchsize(): min(managed/1024, 256)/4 → 63 for big zones.
        #expect(k.pcp(zone: normal.index)[0].batch == 63)
        #expect(k.pcp(zone: normal.index)[0].high == max(normal.lowWmark / 4, 63 * 4))
        let dma = try #require(k.zone(.dma))
        #expect(k.pcp(zone: dma.index)[0].batch == 1)
    }

    @Test func structPageOverheadMatchesTheTextbookExample() {
        // 4 GiB of 8 KiB pages with a 40-byte struct page is 20 MiB; 6.6 on 64-bit has 64-byte struct pages.
        #expect(((4 << 30) / 8192) * 40 == 20 << 20)
        #expect(Architecture.sparc64.pageSize == 8192 && Architecture.sparc64.structPageSize == 64)
        #expect(Architecture.i386.structPageSize == 40)
    }
}

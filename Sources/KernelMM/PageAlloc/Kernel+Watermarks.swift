extension Kernel {
    /// sysctl_lowmem_reserve_ratio (mm/page_alloc.c): DMA 256, DMA32 256, Normal 32, HighMem 0, Movable 0.
    static func lowmemReserveRatio(_ t: ZoneType) -> Int {
        switch t {
        case .dma, .dma32: 256
        case .normal: 32
        case .highmem, .movable, .device: 0
        }
    }

    /// init_per_zone_wmark_min(): min_free_kbytes, watermarks, lowmem_reserve, then the pcp high/batch values.
    mutating func initPerZoneWatermarks() {
        if let m = params.minFreeKbytes {
            minFreeKbytes = m
        } else {
            // calculate_min_free_kbytes(): int_sqrt(lowmem_kbytes * 16) where lowmem is nr_free_buffer_pages().
            let kb = nrFreeBufferPages() * (pageSize >> 10)
            minFreeKbytes = min(max(Self.intSqrt(kb * 16), 128), 262_144)
        }
        setupPerZoneWatermarks()
        setupPerZoneLowmemReserve()
        // hugepage_init() (a later initcall) → start_stop_khugepaged() → set_recommended_min_free_kbytes(). A
        // min_free_kbytes given at boot stands for a sysctl write after boot, which only recomputes the watermarks.
        if params.minFreeKbytes == nil, arch.transparentHugepage, let recommended = recommendedMinFreeKbytes(),
           recommended > minFreeKbytes {
            minFreeKbytes = recommended
            setupPerZoneWatermarks()
        }
        setupPageSets()
    }

    /// mm/khugepaged.c set_recommended_min_free_kbytes(): two free pageblocks per zone up to ZONE_NORMAL, plus
    /// MIGRATE_PCPTYPES² more so each type has a block to fall back to, capped at 5 % of nr_free_buffer_pages().
    /// nil when no zone qualifies.
    func recommendedMinFreeKbytes() -> Int? {
        let nrZones = zones.filter { $0.isPopulated && $0.type <= .normal }.count // zone_idx(zone) <= gfp_zone(GFP_USER)
        guard nrZones > 0 else { return nil }
        var pages = pageblockPages * nrZones * 2
        pages += pageblockPages * nrZones * MigrateType.pcpTypes * MigrateType.pcpTypes
        pages = min(pages, nrFreeBufferPages() / 20)
        return pages << (arch.pageShift - 10)
    }

    /// nr_free_buffer_pages(): managed pages above the high watermark in the zones GFP_USER may use.
    func nrFreeBufferPages() -> Int {
        zones.filter { $0.type <= .normal }.reduce(0) { $0 + max(0, $1.managedPages - $1.highWmark) }
    }

    /// __setup_per_zone_wmarks().
    mutating func setupPerZoneWatermarks() {
        let pagesMin = minFreeKbytes >> (arch.pageShift - 10)
        let lowmemPages = zones.filter { !$0.isHighmem && $0.type != .movable }.reduce(0) { $0 + $1.managedPages }
        for z in zones.indices {
            let managed = zones[z].managedPages
            var tmp = lowmemPages == 0 ? 0 : pagesMin * managed / lowmemPages
            if zones[z].isHighmem || zones[z].type == .movable {
                // Highmem and movable zones get a small capped min: __GFP_HIGH users rarely need their pages.
                zones[z].watermark.min = min(max(managed / 1024, 32), 128) // clamp(managed/1024, SWAP_CLUSTER_MAX, 128)
            } else {
                zones[z].watermark.min = tmp
            }
            tmp = max(tmp >> 2, managed * params.watermarkScaleFactor / 10_000)
            zones[z].watermarkBoost = 0
            zones[z].watermark.low = zones[z].watermark.min + tmp
            zones[z].watermark.high = zones[z].watermark.low + tmp
            zones[z].watermark.promo = zones[z].watermark.high + tmp
        }
    }

    /// setup_per_zone_lowmem_reserve(): zone i keeps (managed pages of zones i+1...j) / ratio[i] against requests
    /// that could have used zone j.
    mutating func setupPerZoneLowmemReserve() {
        let n = zones.count
        for i in 0..<(n - 1) {
            let ratio = Self.lowmemReserveRatio(zones[i].type)
            let clear = ratio == 0 || zones[i].managedPages == 0
            var managed = 0
            for j in (i + 1)..<n {
                managed += zones[j].managedPages
                zones[i].lowmemReserve[j] = clear ? 0 : managed / ratio
            }
        }
    }

    /// zone_batchsize(): about a quarter of a megabyte's worth, as 2^n - 1 (at least 1).
    static func zoneBatchSize(managedPages: Int, pageSize: Int) -> Int {
        var batch = min(managedPages >> 10, (1 << 20) / pageSize)
        batch /= 4
        if batch < 1 { batch = 1 }
        batch = roundDownPowerOfTwo(batch + batch / 2) - 1
        return max(1, batch) // zone_set_pageset_high_and_batch(): new_batch = max(1, zone_batchsize(zone))
    }

    /// zone_set_pageset_high_and_batch(): high = max(low watermark / CPUs, 4 × batch).
    mutating func setupPageSets() {
        for z in zones.indices {
            let batch = Self.zoneBatchSize(managedPages: zones[z].managedPages, pageSize: pageSize)
            let high = max(zones[z].lowWmark / params.cpus, batch << 2)
            for c in 0..<pcpLists.cpuCount { pcpLists.setHighAndBatch(zone: z, cpu: c, high: high, batch: batch) }
        }
    }

    static func intSqrt(_ x: Int) -> Int {
        guard x > 1 else { return max(x, 0) }
        var r = Int(Double(x).squareRoot())
        while r * r > x { r -= 1 }
        while (r + 1) * (r + 1) <= x { r += 1 }
        return r
    }

    static func roundDownPowerOfTwo(_ x: Int) -> Int {
        x <= 0 ? 0 : 1 << (Int.bitWidth - 1 - x.leadingZeroBitCount)
    }

    /// The watermark an allocation checks against: ALLOC_WMARK_MIN / LOW / HIGH.
    public enum WatermarkLevel: String, Sendable, Codable { case min, low, high }
}

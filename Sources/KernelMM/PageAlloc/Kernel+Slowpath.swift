extension Kernel {
    /// How many times the slow path retries reclaim before giving up (MAX_RECLAIM_RETRIES).
    static let maxReclaimRetries = 16

    /// mm/page_alloc.c: __alloc_pages_slowpath() — wake kswapd, retry at the min watermark with the reserve access
    /// the mask earns, then (if the mask may sleep) direct reclaim, drain the pcp lists, and finally the OOM killer,
    /// as __GFP_NORETRY / __GFP_RETRY_MAYFAIL / __GFP_NOFAIL allow.
    mutating func allocPagesSlowpath(_ ac: inout AllocContext, caller: String) -> Int? {
        let gfp = ac.gfp, order = ac.order
        let canDirectReclaim = gfp.contains(.directReclaim)
        let costly = order > PerCPUPages.maxOrder
        var flags = AllocFlags.slowPath(gfp: gfp, order: order)
        explain(.slowpath(.entered(reserve: flags.contains(.minReserve) ? (flags.contains(.nonBlock) ? .highNonBlocking : .high) : .none)))
        if flags.contains(.kswapd) { wakeAllKswapds(ac) }
        if let pfn = getPageFromFreelist(&ac, flags: flags) { return pfn }
        if gfp.contains(.memalloc) && !gfp.contains(.nomemalloc) {
            // __gfp_pfmemalloc_flags(): ALLOC_NO_WATERMARKS for those who free memory.
            flags = flags.subtracting(.wmarkMask).union(.noWatermarks)
            explain(.slowpath(.memallocNoWatermarks))
            if let pfn = getPageFromFreelist(&ac, flags: flags) { return pfn }
        }
        guard canDirectReclaim else {
            explain(.slowpath(.cannotSleep))
            return allocFailed(ac, caller: caller, note: .failedCannotSleep)
        }
        var retries = 0
        var reclaimedTotal = 0
        while true {
            vmEvents.allocstall += 1
            let progress = directReclaim(ac, target: max(32, 1 << order))
            reclaimedTotal += progress
            if let pfn = getPageFromFreelist(&ac, flags: flags) { return pfn }
            // __alloc_pages_direct_reclaim(): pages may be pinned on pcp lists; drain them and try once more.
            if zones.indices.contains(where: { pcpPages(zone: $0) > 0 }) {
                drainAllPages()
                explain(.slowpath(.drainedAllPages))
                if let pfn = getPageFromFreelist(&ac, flags: flags) { return pfn }
            }
            if gfp.contains(.noretry) {
                explain(.slowpath(.noretryGaveUp))
                return allocFailed(ac, caller: caller, note: .failedNoretry)
            }
            if costly && (!gfp.contains(.retryMayfail) || retries >= Self.maxReclaimRetries) {
                explain(.slowpath(.costlyNoRetry(order: order)))
                return allocFailed(ac, caller: caller, note: .failedCostly)
            }
            if progress > 0 && retries < Self.maxReclaimRetries {
                retries += 1
                continue
            }
            break
        }
        // __alloc_pages_may_oom(): last try at the high watermark, then the OOM killer where it may help.
        var last = ac
        last.gfp = gfp.union(.hardwall).subtracting(.directReclaim)
        if let pfn = getPageFromFreelist(&last, flags: [.wmarkHigh, .cpuset]) { return pfn }
        if gfp.contains(.retryMayfail) {
            return allocFailed(ac, caller: caller, note: .failedRetryMayfail(retries: retries))
        }
        let lowZone = ac.highestZone < (zoneIndex(of: .normal) ?? 0)
        vmEvents.oomKill += gfp.contains(.fs) && !costly && !lowZone ? 1 : 0
        let oom: KmemsimNote.OOMVerdict = costly ? .costly : lowZone ? .lowZone : !gfp.contains(.fs) ? .noFS : .wouldKill
        return allocFailed(ac, caller: caller, note: .failedOOM(oom, reclaimed: reclaimedTotal))
    }

    /// `nopage:` of the slow path. __GFP_NOFAIL callers cannot handle NULL: the kernel tries once more with half of
    /// the min reserve and then loops; kmemsim stops instead of hanging. Everyone else gets warn_alloc()'s report,
    /// unless __GFP_NOWARN. Returns the page the last NOFAIL try found, else nil.
    mutating func allocFailed(_ ac: AllocContext, caller: String, note: KmemsimNote) -> Int? {
        var ac = ac
        var note = note
        if ac.gfp.contains(.nofail) {
            if !ac.gfp.contains(.directReclaim) {
                // WARN_ON_ONCE_GFP(!can_direct_reclaim, gfp_mask): NOFAIL without reclaim is a caller bug, and fails.
                if !ac.gfp.contains(.nowarn), log.firstTime("nofail without reclaim") {
                    report(.warning(file: "mm/page_alloc.c", line: 4136, function: "__alloc_pages_slowpath"), taint: "W",
                           callTrace: ["__alloc_pages_slowpath", "__alloc_pages", caller],
                           note: .nofailWithoutReclaim)
                }
            } else {
                if ac.order > PerCPUPages.maxOrder, !ac.gfp.contains(.nowarn), log.firstTime("nofail costly") {
                    report(.warning(file: "mm/page_alloc.c", line: 4152, function: "__alloc_pages_slowpath"), taint: "W",
                           callTrace: ["__alloc_pages_slowpath", "__alloc_pages", caller],
                           note: .nofailCostly)
                }
                // __alloc_pages_cpuset_fallback(gfp, order, ALLOC_MIN_RESERVE): one try with half of min.
                if let pfn = getPageFromFreelist(&ac, flags: [.minReserve]) {
                    explain(.slowpath(.nofailMinReserveSucceeded))
                    return pfn
                }
                explain(.slowpath(.nofailWouldLoop))
                note = .nofailWouldLoop
            }
        }
        if !ac.gfp.contains(.nowarn) {
            report(.pageAllocFailure(order: ac.order, gfp: ac.gfp, memInfo: memInfoSnapshot()),
                   callTrace: ["dump_stack_lvl", "warn_alloc", "__alloc_pages_slowpath", "__alloc_pages", caller],
                   note: note)
        }
        return nil
    }

    /// What show_free_areas() prints, now.
    public func memInfoSnapshot() -> MemInfoSnapshot {
        let kb = pageSize >> 10
        let lines = zones.indices.filter { zones[$0].isPopulated }.map { i -> MemInfoSnapshot.ZoneLine in
            let z = zones[i]
            var blocks: [Int] = [], types: [[MigrateType]] = []
            for area in freeArea(zone: i) {
                blocks.append(area.nrFree)
                types.append(MigrateType.allCases.filter { !area.isEmpty($0) })
            }
            return MemInfoSnapshot.ZoneLine(name: z.type.procName, freeKB: nrFreePages(zone: z.index) * kb, minKB: z.minWmark * kb,
                                            lowKB: z.lowWmark * kb, highKB: z.highWmark * kb, presentKB: z.presentPages * kb,
                                            managedKB: z.managedPages * kb, pcpKB: pcpPages(zone: i) * kb,
                                            protection: z.lowmemReserve, blocks: blocks, types: types)
        }
        var m = MemInfoSnapshot(zones: lines, pageSizeKB: kb)
        let info = memInfo()
        m.slabReclaimable = info.slabReclaimable
        m.slabUnreclaimable = info.slabUnreclaimable
        m.pageTables = info.pageTables
        m.kernelStackKB = info.kernelStackKB
        let populated = zones.filter(\.isPopulated)
        m.freePages = populated.reduce(0) { $0 + nrFreePages(zone: $1.index) }
        m.freePcp = populated.reduce(0) { $0 + pcpPages(zone: $1.index) }
        m.presentPages = populated.reduce(0) { $0 + $1.presentPages }
        m.reservedPages = populated.reduce(0) { $0 + $1.presentPages - $1.managedPages }
        m.highmemPages = populated.filter(\.isHighmem).reduce(0) { $0 + $1.presentPages }
        m.hugepageSizesKB = arch.hugepageSizesKB
        return m
    }

    /// wake_all_kswapds(): kswapd wakes when a zone the request could use is below its low watermark; kmemsim's
    /// kswapd runs at once and reclaims until the zone is above its high watermark or nothing is left to reclaim.
    mutating func wakeAllKswapds(_ ac: AllocContext) {
        for z in ac.zonelist where nrFreePages(zone: z) <= zones[z].lowWmark + zones[z].lowmemReserve[ac.highestZone] {
            wakeupKswapd(zone: z, order: ac.order,
                         why: .belowLow(free: nrFreePages(zone: z), low: zones[z].lowWmark, lowmemReserve: zones[z].lowmemReserve[ac.highestZone]))
        }
    }

    /// kswapd reclaims until the zone is above its high watermark (balance_pgdat), then drops any boost.
    mutating func wakeupKswapd(zone z: Int, order: Int, why: SlowpathStep.KswapdReason) {
        vmEvents.kswapdWakeups += 1
        let target = max(0, zones[z].highWmark - nrFreePages(zone: z))
        let freed = target > 0 ? reclaim(zone: z, target: target, direct: false) : 0
        zones[z].watermarkBoost = 0
        if explainEnabled {
            explanation.append(.slowpath(.kswapdWoken(zone: zones[z].type, reason: why, freed: freed, target: target)))
        }
    }

    /// __alloc_pages_direct_reclaim() → try_to_free_pages(): the caller reclaims for itself (and so sleeps).
    mutating func directReclaim(_ ac: AllocContext, target: Int) -> Int {
        var freed = 0
        for z in ac.zonelist where freed < target {
            freed += reclaim(zone: z, target: target - freed, direct: true)
        }
        explain(.slowpath(.directReclaim(freed: freed)))
        return freed
    }

    /// Reclaim from everything reclaimable. kmemsim has no page cache or anonymous memory to evict; what it can
    /// reclaim are the shrinkable kernel caches (`reclaimSources`), e.g. free slabs of slab caches.
    mutating func reclaim(zone z: Int, target: Int, direct: Bool) -> Int {
        var freed = 0
        for source in ReclaimSource.allCases where freed < target {
            freed += shrink(source, zone: z, target: target - freed)
        }
        if direct { vmEvents.pgstealDirect += freed } else { vmEvents.pgstealKswapd += freed }
        return freed
    }
}

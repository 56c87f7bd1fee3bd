/// A zone as the saved document holds it: `Zone`'s fields with its counters from `ZoneCounters` (NR_FREE_PAGES,
/// numa_hit…) in their old places, so saved files keep the shape they had when the counters lived in Zone.
struct SavedZone: Codable {
    var type: ZoneType
    var index: Int
    var startPFN: Int
    var spannedPages: Int
    var presentPages: Int
    var managedPages: Int
    var watermark: Watermarks
    var watermarkBoost: Int
    var boostedWatermarkPending: Bool
    var lowmemReserve: [Int]
    var nrFreePages: Int
    var nrReservedHighatomic: Int
    var pageblockType: [UInt8]
    var stats: ZoneStats

    init(_ z: Zone, counters: ZoneCounters) {
        type = z.type
        index = z.index
        startPFN = z.startPFN
        spannedPages = z.spannedPages
        presentPages = z.presentPages
        managedPages = z.managedPages
        watermark = z.watermark
        watermarkBoost = z.watermarkBoost
        boostedWatermarkPending = z.boostedWatermarkPending
        lowmemReserve = z.lowmemReserve
        nrFreePages = counters.nrFreePages(zone: z.index)
        nrReservedHighatomic = z.nrReservedHighatomic
        pageblockType = z.pageblockType
        stats = counters.stats(zone: z.index)
    }

    var zone: Zone {
        var z = Zone(type: type, index: index)
        z.startPFN = startPFN
        z.spannedPages = spannedPages
        z.presentPages = presentPages
        z.managedPages = managedPages
        z.watermark = watermark
        z.watermarkBoost = watermarkBoost
        z.boostedWatermarkPending = boostedWatermarkPending
        z.lowmemReserve = lowmemReserve
        z.nrReservedHighatomic = nrReservedHighatomic
        z.pageblockType = pageblockType
        return z
    }
}

/// /proc/vmstat's events as saved: `VMEvents` with pgalloc and pgfree (from `ZoneCounters`) in their old places.
struct SavedVMEvents: Codable {
    var pgalloc: [Int]
    var pgfree: Int
    var allocstall: Int
    var kswapdWakeups: Int
    var pgstealDirect: Int
    var pgstealKswapd: Int
    var compactStall: Int
    var extfragFallbacks: Int
    var oomKill: Int

    init(_ e: VMEvents, counters: ZoneCounters) {
        pgalloc = ZoneType.allCases.map { counters.pgalloc($0) }
        pgfree = counters.pgfree
        allocstall = e.allocstall
        kswapdWakeups = e.kswapdWakeups
        pgstealDirect = e.pgstealDirect
        pgstealKswapd = e.pgstealKswapd
        compactStall = e.compactStall
        extfragFallbacks = e.extfragFallbacks
        oomKill = e.oomKill
    }

    var events: VMEvents {
        VMEvents(allocstall: allocstall, kswapdWakeups: kswapdWakeups, pgstealDirect: pgstealDirect,
                 pgstealKswapd: pgstealKswapd, compactStall: compactStall, extfragFallbacks: extfragFallbacks, oomKill: oomKill)
    }
}

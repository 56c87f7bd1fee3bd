extension Kernel {
    /// __zone_watermark_unusable_free(): pages a request may not count (the rest of its own block, and the
    /// high-atomic reserve unless it may use reserves).
    @inline(__always)
    func unusableFree(zone z: Int, order: Int, flags: AllocFlags) -> Int {
        var unusable = (1 &<< order) &- 1
        if flags.isDisjoint(with: .reserves) { unusable += zones[z].nrReservedHighatomic }
        return unusable
    }

    /// The min a request really checks after reserve access: __GFP_HIGH halves it, not being able to sleep as well
    /// takes another quarter (GFP_ATOMIC: 37.5% of the mark), OOM victims halve it again.
    @inline(__always)
    func effectiveMark(_ mark: Int, flags: AllocFlags) -> Int {
        var min = mark
        if !flags.isDisjoint(with: .reserves) {
            if flags.contains(.minReserve) {
                min -= min / 2
                if flags.contains(.nonBlock) { min -= min / 4 }
            }
            if flags.contains(.oom) { min -= min / 2 }
        }
        return min
    }

    /// __zone_watermark_ok(): enough free pages above the (adjusted) mark plus lowmem_reserve, and for order > 0 a
    /// free block at least that big on a list the request may use.
    @inline(__always)
    func zoneWatermarkOK(zone z: Int, order: Int, mark: Int, highestZone: Int, flags: AllocFlags, free: Int) -> Bool {
        let freePages = free - unusableFree(zone: z, order: order, flags: flags)
        let min = effectiveMark(mark, flags: flags)
        if freePages <= min + zones[z].lowmemReserve[highestZone] { return false }
        if order == 0 { return true }
        for o in order...maxOrder {
            if freeLists.nrFree(zone: z, order: o) == 0 { continue }
            for mt in 0..<MigrateType.pcpTypes where freeLists.head(zone: z, order: o, type: mt) >= 0 { return true }
            if !flags.isDisjoint(with: .highAtomicOrOOM) && freeLists.head(zone: z, order: o, type: MigrateType.highAtomic.rawValue) >= 0 { return true }
        }
        return false
    }

    /// zone_watermark_fast(): the order-0 shortcut, then the full check; records the numbers for `explain`. A pass
    /// without `explain` is inline, since most requests pass; a failure (and `explain`) takes the out-of-line check,
    /// which gives the same answer with its reasons (and the boost retry).
    @inline(__always)
    mutating func zoneWatermarkFast(zone z: Int, order: Int, mark: Int, highestZone: Int, flags: AllocFlags) -> Bool {
        if !explainEnabled {
            if order == 0 {
                if orderZeroAboveMark(zone: z, mark: mark, highestZone: highestZone, flags: flags) { return true }
            } else if zoneWatermarkOK(zone: z, order: order, mark: mark, highestZone: highestZone, flags: flags,
                                      free: counters.nrFreePages(zone: z)) {
                return true
            }
        }
        return zoneWatermarkChecked(zone: z, order: order, mark: mark, highestZone: highestZone, flags: flags)
    }

    /// The order-0 shortcut: free pages the request may count above the mark plus lowmem_reserve.
    @inline(__always)
    func orderZeroAboveMark(zone z: Int, mark: Int, highestZone: Int, flags: AllocFlags) -> Bool {
        let free = counters.nrFreePages(zone: z)
        return free - min(free, unusableFree(zone: z, order: 0, flags: flags)) > mark + zones[z].lowmemReserve[highestZone]
    }

    @inline(never)
    mutating func zoneWatermarkChecked(zone z: Int, order: Int, mark: Int, highestZone: Int, flags: AllocFlags) -> Bool {
        let free = counters.nrFreePages(zone: z)
        let reserve = zones[z].lowmemReserve[highestZone]
        var ok = false
        var fast = false
        if order == 0 {
            fast = orderZeroAboveMark(zone: z, mark: mark, highestZone: highestZone, flags: flags)
            ok = fast
        }
        if !ok {
            ok = zoneWatermarkOK(zone: z, order: order, mark: mark, highestZone: highestZone, flags: flags, free: free)
            if !ok, order == 0, flags.contains(.minReserve), zones[z].watermarkBoost > 0, flags.watermark == .min {
                // __GFP_HIGH order-0 requests ignore the boost when checking the min watermark.
                ok = zoneWatermarkOK(zone: z, order: order, mark: zones[z].watermark.min, highestZone: highestZone,
                                     flags: flags, free: free)
            }
        }
        if explainEnabled {
            let eff = effectiveMark(mark, flags: flags)
            let unusable = unusableFree(zone: z, order: order, flags: flags)
            let verdict: WatermarkVerdict = fast ? .fastCheck : ok ? .passed : free - unusable <= eff + reserve ? .belowMark : .noBlock
            explanation.append(.watermarkCheck(zone: zones[z].type, order: order, markName: flags.watermark.rawValue, mark: mark,
                                               effectiveMin: eff, reserve: reserve, free: free, unusable: unusable, ok: ok, verdict: verdict))
        }
        return ok
    }
}

/// What the caller of the page allocator asked for, carried through the fast and slow paths.
struct AllocContext {
    var gfp: GFPFlags
    var order: Int
    var migratetype: MigrateType
    /// ac->highest_zoneidx: gfp_zone()'s answer as a configured-zone index.
    var highestZone: Int
    /// The zones to try, highest first (the zonelist, populated zones only).
    var zonelist: ZoneList
    /// The zone the last successful get_page_from_freelist() took its block from (-1: none yet), so that
    /// prep_new_page need not look it up again by PFN. Not an optional: its odd-sized layout made copies of the
    /// context stall on store forwarding.
    var servedBy = -1
}

extension Kernel {
    /// The zonelist for a request (build_zonerefs_node): populated zones at or below `highest`, highest first.
    public func zonelist(highest: Int) -> [Int] { Array(Self.zonelist(highest: highest, in: zonelists)) }

    /// The same on the stored table, for mutating paths (a non-mutating call there copies the whole Kernel).
    @inline(__always)
    static func zonelist(highest: Int, in zonelists: [ZoneList]) -> ZoneList {
        highest >= 0 && highest < zonelists.count ? zonelists[highest] : ZoneList([])
    }

    /// build_zonerefs_node(), once at boot: for each highest zone, the populated zones at or below it, highest first.
    static func buildZonelists(_ zones: [Zone]) -> [ZoneList] {
        zones.indices.map { hi in ZoneList((0...hi).reversed().filter { zones[$0].isPopulated }) }
    }

    /// mm/page_alloc.c: __alloc_pages() — the page allocator's entry point. Returns the first frame of a block of
    /// 2^order frames, or nil (NULL) after the slow path gave up, with a failure report unless __GFP_NOWARN.
    ///
    /// `owner` and `tag` say who will hold the block, so views can tell a slab page from a vmalloc page.
    public mutating func allocPages(_ gfp: GFPFlags, order: Int, owner: FrameOwner = .pageAlloc, tag: UInt32? = nil,
                                    caller: String = "alloc_pages") -> PFN? {
        clock.tick()
        // The rare cases (a bad order, the warnings, a mask the table leaves to the long way) are out of line, so
        // that the common path is short enough for the optimizer to inline what it calls.
        if order > maxOrder || order < 0 { return allocOrderAboveMax(gfp, order: order, caller: caller) }
        mightAlloc(gfp, caller: caller)
        // rmqueue(): WARN_ON_ONCE((gfp_flags & __GFP_NOFAIL) && (order > 1)) (mm/page_alloc.c:2774), whether or not
        // the page is there; not silenced by __GFP_NOWARN. rmqueue() is inlined, so the report names its caller.
        if gfp.contains(.nofail), order > 1 { warnNofailAboveOrder1(order: order, caller: caller) }
        // gfp_zone() from the boot-time table; the masks it marks (bad or collapsed combinations) and `explain` take
        // the long way, which says why.
        let highest = Self.gfpZoneIndex(gfp, in: gfpZoneTable)
        var ac: AllocContext
        if _fastPath(highest != Self.gfpZoneSlow && !explainEnabled) {
            ac = allocContext(gfp, order: order, highest: highest, caller: caller)
        } else {
            guard let long = allocContextTheLongWay(gfp, order: order, caller: caller) else { return nil }
            ac = long
        }

        // Fast path: the low watermark, no reserves; ALLOC_NOFRAGMENT when the preferred zone is NORMAL and DMA32
        // lies below it (alloc_flags_nofragment()).
        var flags = AllocFlags.wmarkLow
        if gfp.contains(.kswapdReclaim) { flags.insert(.kswapd) }
        if arch.configures(.dma32), let first = ac.zonelist.first, zoneTypes[first] == .normal {
            flags.insert(.noFragment)
        }
        // The fast path twice, once per value of the undo flag (see `AllocatorStores.logging(_:)`).
        let s = ownAllocatorStores(freeLists: !allocatesFromPCP(order: order, migratetype: ac.migratetype))
        if _slowPath(s.logging) { return allocFromFreelist(s.logging(true), &ac, flags: flags, owner: owner, tag: tag, caller: caller) }
        return allocFromFreelist(s.logging(false), &ac, flags: flags, owner: owner, tag: tag, caller: caller)
    }

    /// get_page_from_freelist() and prep_new_page() on stores whose undo flag is a constant; the slow path when the
    /// walk finds nothing.
    @_transparent
    private mutating func allocFromFreelist(_ s: AllocatorStores, _ ac: inout AllocContext, flags: AllocFlags, owner: FrameOwner,
                                            tag: UInt32?, caller: String) -> PFN? {
        guard let pfn = getPageFromFreelist(&ac, flags: flags, stores: s) else {
            return allocPagesSlowpath(&ac, owner: owner, tag: tag, caller: caller)
        }
        // The pointers again (a fallback may have woken kswapd, whose reclaim may copy the stores), the flag as it was.
        return finishAllocation(currentAllocatorStores(like: s), pfn, zone: ac.servedBy, gfp: ac.gfp, order: ac.order,
                                migratetype: ac.migratetype, owner: owner, tag: tag)
    }

    /// __alloc_pages_slowpath() and, when it found a block, prep_new_page(). Out of line: the fast path's two copies
    /// need not carry it.
    @inline(never)
    private mutating func allocPagesSlowpath(_ ac: inout AllocContext, owner: FrameOwner, tag: UInt32?, caller: String) -> PFN? {
        guard let pfn = allocPagesSlowpath(&ac, caller: caller) else { return nil }
        let zone = ac.servedBy >= 0 ? ac.servedBy : Self.zoneIndex(ofPFN: pfn, spans: zoneLookup)
        return finishAllocation(ownAllocatorStores(), pfn, zone: zone, gfp: ac.gfp, order: ac.order, migratetype: ac.migratetype,
                                owner: owner, tag: tag)
    }

    /// The request's context for zone index `highest`: its migrate type and zonelist (the next populated zone
    /// below when `highest`'s list is empty).
    @inline(__always)
    private mutating func allocContext(_ gfp: GFPFlags, order: Int, highest: Int, caller: String) -> AllocContext {
        var ac = AllocContext(gfp: gfp, order: order, migratetype: allocMigratetype(gfp, caller: caller), highestZone: highest,
                              zonelist: Self.zonelist(highest: highest, in: zonelists))
        if ac.zonelist.isEmpty, let lower = zones.indices.last(where: { zones[$0].isPopulated && $0 < highest }) {
            ac.zonelist = Self.zonelist(highest: lower, in: zonelists)
        }
        return ac
    }

    /// gfp_zone() the long way, for the masks the table marks and for `explain`: says which zone and why, and
    /// reports an invalid combination. Nil when the architecture has no such zone.
    @inline(never)
    private mutating func allocContextTheLongWay(_ gfp: GFPFlags, order: Int, caller: String) -> AllocContext? {
        let choice = gfp.zone(on: arch)
        // Stored fields only: calling a non-mutating method of the Kernel here would copy all of it (~500 bytes).
        guard let highest = arch.zoneIndex(of: choice.zone) else { return nil }
        let ac = allocContext(gfp, order: order, highest: highest, caller: caller)
        if explainEnabled {
            explanation.append(.zonelist(gfp: gfp, preferred: choice.zone, zonelist: ac.zonelist.map { zones[$0].type },
                                         migratetype: ac.migratetype, collapsedFrom: choice.collapsedFrom, invalid: choice.invalidCombination))
        }
        if choice.invalidCombination {
            // A distribution kernel (no CONFIG_DEBUG_VM) says nothing: kmemsim's own note.
            report(.kmemsimOnly, note: .pickOneZoneModifier(gfp: gfp, zone: zones[highest].type))
        }
        return ac
    }

    /// An order above MAX_ORDER: NULL, with WARN_ON_ONCE_GFP(order > MAX_ORDER, gfp).
    @inline(never)
    private mutating func allocOrderAboveMax(_ gfp: GFPFlags, order: Int, caller: String) -> PFN? {
        if explainEnabled { explanation.append(.slowpath(.orderTooLarge(order: order, maxOrder: maxOrder))) }
        if !gfp.contains(.nowarn), log.firstTime("alloc_pages order > MAX_ORDER") {
            report(.warning(file: "mm/page_alloc.c", line: 4402, function: "__alloc_pages"), taint: "W",
                   callTrace: ["__alloc_pages", caller],
                   note: .orderAboveMax(order: order, maxOrder: maxOrder))
        }
        return nil
    }

    /// The rmqueue() warning for __GFP_NOFAIL above order 1, once.
    @inline(never)
    private mutating func warnNofailAboveOrder1(order: Int, caller: String) {
        guard log.firstTime("rmqueue nofail order > 1") else { return }
        report(.warning(file: "mm/page_alloc.c", line: 2774, function: "get_page_from_freelist"), taint: "W",
               callTrace: ["get_page_from_freelist", "__alloc_pages", caller], note: .nofailAboveOrder1(order: order))
    }

    /// prep_new_page() and the mm_page_alloc event: mark the block allocated, zero it, make it compound.
    @inline(__always)
    private mutating func finishAllocation(_ s: AllocatorStores, _ pfn: Int, zone: Int?, gfp: GFPFlags, order: Int,
                                           migratetype: MigrateType, owner: FrameOwner, tag: UInt32?) -> PFN {
        let serial = tag ?? newTag()
        // Not `[]`: the array literal was left to be made and released on every allocation.
        var flags = FrameFlags(rawValue: 0)
        if gfp.contains(.zero) { flags.insert(.zeroed) }
        if gfp.contains(.comp) && order > 0 {
            flags.insert(.head)
            markCompoundTails(pfn, order: order)
        }
        // The head's fields in place, in one write: its links and migrate type stay as the lists left them.
        let packed = PageFrame.packed(flags: flags, owner: owner)
        let order8 = UInt8(truncatingIfNeeded: order)
        writeFrame(s, pfn) { head in
            head.state = .allocated
            head.order = order8
            head.tag = serial
            head.packed = packed
        }
        if let z = zone {
            countLocalAlloc(s, zone: z, type: zoneTypes[z], pages: 1 &<< order)
        }
        if trace.enabled { traceAllocation(pfn, gfp: gfp, order: order, migratetype: migratetype) }
        return PFN(pfn)
    }

    /// prep_compound_page()'s tails: each points at its head. Out of line: few callers ask for __GFP_COMP.
    @inline(never)
    private mutating func markCompoundTails(_ pfn: Int, order: Int) {
        let s = currentFrameStores()
        for t in (pfn + 1)..<(pfn + (1 << order)) {
            writeFrame(s, t) { f in
                f.flags = .compoundTail
                f.tag = UInt32(pfn)
            }
        }
    }

    /// The mm_page_alloc event, out of line: the allocation path should not carry the event's payload when tracing is off.
    @inline(never)
    private mutating func traceAllocation(_ pfn: Int, gfp: GFPFlags, order: Int, migratetype: MigrateType) {
        traceEvent(.mmPageAlloc(pfn: pfn, order: order, migratetype: migratetype.rawValue, gfp: gfp),
                   pageAddress: structPageAddress(pfn))
    }

    /// get_page_from_freelist(): walk the zonelist, check each zone's watermark, take a block from the first zone
    /// that passes. With ALLOC_NOFRAGMENT, a failed walk is repeated without it.
    mutating func getPageFromFreelist(_ ac: inout AllocContext, flags: AllocFlags) -> Int? {
        getPageFromFreelist(&ac, flags: flags, stores: ownAllocatorStores())
    }

    /// The same on the stores the caller took (the fast path's). The walk's first zone is tried here, straight-line,
    /// and the rest of the walk out of line: most requests end at the first zone, and as a loop the whole walk made
    /// the optimizer hoist (and spill) the first zone's numbers for every later one.
    @_transparent
    mutating func getPageFromFreelist(_ ac: inout AllocContext, flags: AllocFlags, stores s: AllocatorStores) -> Int? {
        if let z = ac.zonelist.first, let pfn = tryZone(s, &ac, zone: z, flags: flags) { return pfn }
        return getPageFromFreelist(&ac, flags: flags, from: 1)
    }

    /// The walk from its `start`-th zone on (the first pass; a pass without ALLOC_NOFRAGMENT starts at the first),
    /// with the free lists made ours (the fast path may not have taken them). A zone's fallback may wake kswapd,
    /// whose reclaim may copy the kernel and takes the stores again: the stores are the current ones before each zone.
    @inline(never)
    mutating func getPageFromFreelist(_ ac: inout AllocContext, flags: AllocFlags, from start: Int) -> Int? {
        freeLists.slots.makeUniqueWithJournal()
        var flags = flags
        var start = start
        while true {
            for (i, z) in ac.zonelist.enumerated() where i >= start {
                if let pfn = tryZone(currentAllocatorStores(), &ac, zone: z, flags: flags) { return pfn }
            }
            guard flags.contains(.noFragment) else { return nil }
            flags.remove(.noFragment)
            start = 0
            explain(.slowpath(.retryWithoutNoFragment))
        }
    }

    /// One zone of the walk: its watermark, then a block from its lists.
    @_transparent
    mutating func tryZone(_ s: AllocatorStores, _ ac: inout AllocContext, zone z: Int, flags: AllocFlags) -> Int? {
        let mark = zones[z].watermarkPages(flags.watermark)
        if !zoneWatermarkFast(zone: z, order: ac.order, mark: mark, highestZone: ac.highestZone, flags: flags) {
            if !flags.contains(.noWatermarks) { return nil }
        }
        if let pfn = rmqueue(s, zone: z, order: ac.order, migratetype: ac.migratetype, flags: flags) {
            if flags.contains(.highAtomic) { reserveHighatomicPageblock(pfn, zone: z) }
            ac.servedBy = z
            return pfn
        }
        if explainEnabled { appendExplanation(.slowpath(.noListToTakeFrom(zone: zones[z].type, highAtomic: flags.contains(.highAtomic)))) }
        return nil
    }

    /// rmqueue(): low orders (and THP-sized blocks) through the CPU's pcp list, the rest straight from the buddy lists.
    /// Inline in its one caller: one layer of calls fewer on every allocation.
    @_transparent
    mutating func rmqueue(_ s: AllocatorStores, zone z: Int, order: Int, migratetype mt: MigrateType, flags: AllocFlags) -> Int? {
        let pfn: Int?
        // __GFP_MOVABLE|__GFP_RECLAIMABLE gives MIGRATE_HIGHATOMIC, which has no pcp list (order_to_pindex() would
        // VM_BUG_ON): such a request goes to the buddy lists rather than index past the CPU's lists.
        if allocatesFromPCP(order: order, migratetype: mt) {
            pfn = rmqueuePcplist(s, zone: z, order: order, migratetype: mt, flags: flags)
        } else {
            pfn = rmqueueBuddy(s, zone: z, order: order, migratetype: mt, flags: flags)
        }
        if zones[z].boostedWatermarkPending { wakeKswapdForBoost(zone: z, order: order) }
        return pfn
    }

    /// ZONE_BOOSTED_WATERMARK cleared and kswapd woken, out of line: only after a fallback raised the boost.
    /// Reclaim runs the shrinkers, whose frees may go anywhere: the stores are made ours again for the walk's rest.
    @inline(never)
    mutating func wakeKswapdForBoost(zone z: Int, order: Int) {
        zones[z].boostedWatermarkPending = false
        wakeupKswapd(zone: z, order: order, why: .fallbackBoost)
        ownAllocatorStores()
    }

    /// rmqueue_buddy(): high-atomic reserve first when allowed, then __rmqueue().
    @_transparent
    mutating func rmqueueBuddy(_ s: AllocatorStores, zone z: Int, order: Int, migratetype mt: MigrateType, flags: AllocFlags) -> Int? {
        var pfn: Int?
        if flags.contains(.highAtomic) { pfn = rmqueueSmallest(s, zone: z, order: order, migratetype: .highAtomic) }
        if pfn == nil { pfn = rmqueueAny(s, zone: z, order: order, migratetype: mt, flags: flags) }
        if pfn == nil, flags.contains(.oom) { pfn = rmqueueSmallest(s, zone: z, order: order, migratetype: .highAtomic) }
        if let pfn {
            if trace.enabled { traceEvent(.mmPageAllocZoneLocked(pfn: pfn, order: order, migratetype: mt.rawValue, percpuRefill: false),
                           pageAddress: structPageAddress(pfn)) }
        }
        return pfn
    }

    /// __rmqueue(): our own type's lists, then a fallback steal and another try.
    @_transparent
    mutating func rmqueueAny(_ s: AllocatorStores, zone z: Int, order: Int, migratetype mt: MigrateType, flags: AllocFlags) -> Int? {
        while true {
            if let pfn = rmqueueSmallest(s, zone: z, order: order, migratetype: mt) { return pfn }
            guard rmqueueFallback(zone: z, order: order, startType: mt, noFragment: flags.contains(.noFragment),
                                  kswapd: flags.contains(.kswapd)) else { return nil }
        }
    }

    /// reserve_highatomic_pageblock(): set aside the pageblock of a high-order atomic allocation (up to ~1% of the
    /// zone) so later atomic requests find contiguous memory.
    mutating func reserveHighatomicPageblock(_ pfn: Int, zone z: Int) {
        let maxManaged = zones[z].managedPages / 100 + pageblockPages
        guard zones[z].nrReservedHighatomic < maxManaged else { return }
        let mt = pageblockMigratetype(pfn, zone: z)
        guard mt.rawValue < MigrateType.pcpTypes else { return }
        zones[z].nrReservedHighatomic += pageblockPages
        setPageblockMigratetype(pfn, zone: z, .highAtomic)
        _ = moveFreepagesBlock(zone: z, pfn: pfn, to: .highAtomic)
        explain(.slowpath(.reservedHighatomic(pageblockPFN: pfn & ~(pageblockPages - 1))))
    }

    /// The struct page address of a frame (vmemmap + pfn × sizeof(struct page), or mem_map in the direct map).
    public func structPageAddress(_ pfn: Int) -> UInt64 {
        if let base = arch.vmemmapBase {
            let b = base | arch.vmemmapSignBits
            return b &+ UInt64(pfn) &* UInt64(arch.structPageSize)
        }
        let memmap = memblock.first { $0.purpose == .memMap }?.start ?? 0
        return arch.pageOffset &+ memmap &+ UInt64(pfn) &* UInt64(arch.structPageSize)
    }
}

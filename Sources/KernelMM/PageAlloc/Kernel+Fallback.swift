extension Kernel {
    /// can_steal_fallback(): may an allocation of `startType` take a whole pageblock it falls back into?
    func canStealFallback(order: Int, startType: MigrateType) -> Bool {
        if order >= pageblockOrder { return true }
        return order >= pageblockOrder / 2 || startType == .reclaimable || startType == .unmovable
    }

    /// find_suitable_fallback(): the first fallback type with a free block at `order`.
    func findSuitableFallback(zone z: Int, order: Int, startType: MigrateType) -> (MigrateType, canSteal: Bool)? {
        guard freeLists.nrFree(zone: z, order: order) > 0 else { return nil }
        for fallback in startType.fallbacks where freeLists.head(zone: z, order: order, type: fallback.rawValue) >= 0 {
            return (fallback, canStealFallback(order: order, startType: startType))
        }
        return nil
    }

    /// __rmqueue_fallback(): no block of our type anywhere — take one from another type's list. The largest block
    /// is taken (to claim a whole pageblock) unless a movable request cannot claim it, which then takes the smallest.
    /// With ALLOC_NOFRAGMENT only whole pageblocks are taken. Returns true when a block was moved to our lists.
    mutating func rmqueueFallback(zone z: Int, order: Int, startType: MigrateType, noFragment: Bool, kswapd: Bool) -> Bool {
        let minOrder = (order < pageblockOrder && noFragment) ? pageblockOrder : order
        var chosen: (order: Int, type: MigrateType, canSteal: Bool)?
        var current = maxOrder
        while current >= minOrder {
            if let (mt, canSteal) = findSuitableFallback(zone: z, order: current, startType: startType) {
                if !canSteal && startType == .movable && current > order {
                    // find_smallest: a movable request that cannot claim the block takes the smallest one.
                    for o in order...maxOrder {
                        if let (mt2, cs2) = findSuitableFallback(zone: z, order: o, startType: startType) {
                            chosen = (o, mt2, cs2)
                            break
                        }
                    }
                } else {
                    chosen = (current, mt, canSteal)
                }
                break
            }
            current -= 1
        }
        guard let chosen else { return false }
        let pfn = Int(freeLists.head(zone: z, order: chosen.order, type: chosen.type.rawValue))
        let claimed = stealSuitableFallback(zone: z, pfn: pfn, startType: startType, wholeBlock: chosen.canSteal, kswapd: kswapd)
        vmEvents.extfragFallbacks += 1
        explain(.fallback(zone: zones[z].type, order: chosen.order, from: chosen.type, to: startType,
                          wholeBlock: chosen.canSteal, claimedPageblock: claimed))
        if trace.enabled { traceEvent(.mmPageAllocExtfrag(pfn: pfn, allocOrder: order, fallbackOrder: chosen.order,
                                           allocMigratetype: startType.rawValue, fallbackMigratetype: chosen.type.rawValue,
                                           changeOwnership: claimed), pageAddress: structPageAddress(pfn)) }
        return true
    }

    /// steal_suitable_fallback(): move the block (and, when allowed and worth it, every free block of its pageblock)
    /// to our lists; claim the pageblock when half of it is free or compatible. Returns whether the pageblock changed.
    @discardableResult
    mutating func stealSuitableFallback(zone z: Int, pfn: Int, startType: MigrateType, wholeBlock: Bool, kswapd: Bool) -> Bool {
        let currentOrder = Int(frames[pfn].order)
        let oldType = pageblockMigratetype(pfn, zone: z)
        if oldType == .highAtomic {
            moveToFreeList(pfn, zone: z, migratetype: startType)
            return false
        }
        if currentOrder >= pageblockOrder {
            // change_pageblock_range(): the block spans whole pageblocks; they are all ours now.
            var p = pfn
            while p < pfn + (1 << currentOrder) {
                setPageblockMigratetype(p, zone: z, startType)
                p += pageblockPages
            }
            moveToFreeList(pfn, zone: z, migratetype: startType)
            return true
        }
        boostWatermark(zone: z)
        guard wholeBlock else {
            moveToFreeList(pfn, zone: z, migratetype: startType)
            return false
        }
        let (freePages, movablePages) = moveFreepagesBlock(zone: z, pfn: pfn, to: startType)
        if freePages == 0 {
            moveToFreeList(pfn, zone: z, migratetype: startType)
            return false
        }
        let alike: Int
        if startType == .movable {
            alike = movablePages
        } else {
            alike = oldType == .movable ? pageblockPages - (freePages + movablePages) : 0
        }
        if freePages + alike >= (1 << (pageblockOrder - 1)) {
            setPageblockMigratetype(pfn, zone: z, startType)
            return true
        }
        return false
    }

    /// move_freepages_block(): every free block in the pageblock to `mt`'s lists; counts the movable pages in use.
    /// Returns (0, 0) when the pageblock crosses the zone boundary.
    mutating func moveFreepagesBlock(zone z: Int, pfn: Int, to mt: MigrateType) -> (free: Int, movable: Int) {
        let start = pfn & ~(pageblockPages - 1)
        let end = start + pageblockPages
        guard zoneContains(z, start), zoneContains(z, end - 1) else { return (0, 0) }
        var p = start, moved = 0
        let movable = 0
        while p < end {
            switch frames[p].state {
            case .buddy:
                let o = Int(frames[p].order)
                moveToFreeList(p, zone: z, migratetype: mt)
                moved += 1 << o
                p += 1 << o
            case .allocated:
                // move_freepages() counts only pages that could be migrated, PageLRU() or __PageMovable()
                // (mm/page_alloc.c:1637). kmemsim has no user or page-cache pages, so an allocated block is never
                // one, even one allocated with __GFP_MOVABLE: a driver's alloc_pages() page is not on an LRU list.
                p += 1 << Int(frames[p].order)
            default:
                p += 1
            }
        }
        return (moved, movable)
    }

    /// boost_watermark(): make reclaim work harder after a fallback; not for small zones.
    mutating func boostWatermark(zone z: Int) {
        let factor = 15_000 // watermark_boost_factor
        guard pageblockPages * 4 <= zones[z].managedPages else { return }
        var maxBoost = zones[z].watermark.high * factor / 10_000
        maxBoost = max(pageblockPages, maxBoost)
        zones[z].watermarkBoost = min(zones[z].watermarkBoost + pageblockPages, maxBoost)
        zones[z].boostedWatermarkPending = true
    }
}

extension Kernel {
    /// mm/page_alloc.c: expand() — keep the low half, give the high halves back, one order at a time.
    @inline(__always)
    mutating func expand(zone z: Int, pfn: Int, low: Int, high: Int, migratetype mt: MigrateType) {
        var high = high
        while high > low {
            high -= 1
            let buddy = pfn + (1 &<< high)
            addToFreeList(buddy, order: high, migratetype: mt, zone: z, tail: false)
            if explainEnabled { appendExplanation(.split(zone: zones[z].type, pfn: pfn, order: high, buddyPFN: buddy)) }
        }
    }

    /// __rmqueue_smallest(): the first block on the smallest order ≥ `order` with a block of type `mt`.
    @inline(__always)
    mutating func rmqueueSmallest(zone z: Int, order: Int, migratetype mt: MigrateType) -> Int? {
        let m = mt.rawValue
        var current = order
        while current <= maxOrder {
            let h = freeLists.head(zone: z, order: current, type: m)
            if h >= 0 {
                let pfn = Int(h)
                deleteFromFreeList(pfn, zone: z, newOrder: order, newType: m)
                if explainEnabled { appendExplanation(.foundBlock(zone: zones[z].type, order: order, foundOrder: current, migratetype: mt, pfn: pfn)) }
                expand(zone: z, pfn: pfn, low: order, high: current, migratetype: mt)
                // The block left the lists and its upper halves went back: 2^order pages fewer, in one update.
                counters.addFreePages(zone: z, -(1 &<< order))
                return pfn
            }
            current += 1
        }
        return nil
    }

    /// find_buddy_page_pfn() / page_is_buddy(): the buddy of (pfn, order) if it is a free head of the same order
    /// in the same zone.
    @inline(__always)
    func freeBuddy(of pfn: Int, order: Int, zone z: Int) -> Int? {
        Self.freeBuddy(of: pfn, order: order, span: zoneSpans[z], frames: frames)
    }

    /// The same, on the parts it reads: mutating paths call this one, since calling a non-mutating method of the
    /// Kernel from a mutating one copies the whole Kernel first.
    @inline(__always)
    static func freeBuddy(of pfn: Int, order: Int, span: ZoneSpan, frames: borrowing FrameStore) -> Int? {
        freeBuddyFrame(of: pfn, order: order, span: span, frames: frames)?.pfn
    }

    /// The same with the buddy's frame as read, for a caller that unlinks it next (one read, not two).
    @inline(__always)
    static func freeBuddyFrame(of pfn: Int, order: Int, span: ZoneSpan, frames: borrowing FrameStore) -> (pfn: Int, frame: PageFrame)? {
        let buddy = pfn ^ (1 &<< order)
        guard buddy < frames.count, buddy >= span.start, buddy < span.end else { return nil }
        let b = frames[stored: buddy]
        guard b.state == .buddy, Int(b.order) == order else { return nil }
        return (buddy, b)
    }

    @inline(__always)
    static func freeBuddy(of pfn: Int, order: Int, span: ZoneSpan, frames: UnsafeBufferPointer<PageFrame>) -> Int? {
        let buddy = pfn ^ (1 &<< order)
        guard buddy < frames.count, buddy >= span.start, buddy < span.end,
              frames[buddy].state == .buddy, Int(frames[buddy].order) == order else { return nil }
        return buddy
    }

    /// mm/page_alloc.c: __free_one_page() — merge with free buddies while they exist, then put the block on its
    /// list: at the tail when the next-larger merge is likely (buddy_merge_likely()) or when asked (FPI_TO_TAIL).
    mutating func freeOneBlock(pfn: Int, order: Int, migratetype mt: MigrateType, zone z: Int, toTail: Bool) {
        let freedOrder = order
        var pfn = pfn
        var order = order
        var lastBuddy = pfn ^ (1 &<< order)
        let span = zoneSpans[z]
        while order < maxOrder {
            lastBuddy = pfn ^ (1 &<< order)
            guard let (buddy, buddyFrame) = Self.freeBuddyFrame(of: pfn, order: order, span: span, frames: frames) else {
                if explainEnabled { explainMergeStop(pfn: pfn, order: order, zone: z) }
                break
            }
            if order >= pageblockOrder {
                // Don't merge across pageblocks whose types must stay apart (HighAtomic, and CMA/Isolate in full kernels).
                let buddyMT = Self.pageblockMigratetype(buddy, zone: zones[z], pageblockOrder: pageblockOrder)
                if mt != buddyMT && (mt.rawValue >= MigrateType.pcpTypes || buddyMT.rawValue >= MigrateType.pcpTypes) {
                    explain(.mergeStop(pfn: pfn, order: order, reason: .pageblockTypes(buddy: buddyMT, own: mt)))
                    break
                }
            }
            deleteFromFreeList(buddy, buddyFrame, zone: z)
            let combined = buddy & pfn
            if explainEnabled { appendExplanation(.merge(pfn: pfn, buddyPFN: buddy, order: order, mergedPFN: combined)) }
            if combined != pfn { frames[owned: pfn].state = .tail }
            pfn = combined
            order += 1
        }
        var tail = toTail
        if !tail && order < maxOrder - 1 {
            // buddy_merge_likely(): if the buddy of the next-larger block is free, this block will probably merge
            // soon; keep it at the tail so that it is not handed out first.
            let higher = lastBuddy & pfn
            tail = Self.freeBuddy(of: higher, order: order + 1, span: span, frames: frames) != nil
        }
        addToFreeList(pfn, order: order, migratetype: mt, zone: z, tail: tail)
        // The merged buddies were free already: only the freed block's own pages are new, in one update.
        counters.addFreePages(zone: z, 1 &<< freedOrder)
        if explainEnabled { appendExplanation(.freedTo(zone: zones[z].type, pfn: pfn, order: order, migratetype: mt, tail: tail)) }
    }

    /// Says why the buddy of (pfn, order) cannot be merged with.
    mutating func explainMergeStop(pfn: Int, order: Int, zone z: Int) {
        let buddy = pfn ^ (1 << order)
        let why: MergeStopReason
        if buddy >= frames.count || !zoneContains(z, buddy) {
            why = .outsideZone(buddy: buddy, zone: zones[z].type)
        } else {
            switch frames[buddy].state {
            case .buddy: why = .buddyOtherOrder(buddy: buddy, order: Int(frames[buddy].order))
            case .allocated: why = .buddyAllocated(buddy: buddy)
            case .pcp: why = .buddyOnPCP(buddy: buddy)
            case .reserved: why = .buddyReserved(buddy: buddy)
            case .absent: why = .buddyNotRAM(buddy: buddy)
            case .tail:
                if let f = freeBlock(containing: buddy) {
                    why = .partOfFreeBlock(buddy: buddy, order: f.order, head: f.head)
                } else {
                    why = .partOfAllocatedBlock(buddy: buddy)
                }
            }
        }
        explanation.append(.mergeStop(pfn: pfn, order: order, reason: why))
    }
}

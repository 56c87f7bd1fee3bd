extension Kernel {
    /// mm/page_alloc.c: expand() — keep the low half, give the high halves back, one order at a time.
    @inline(__always)
    mutating func expand(_ s: AllocatorStores, zone z: Int, pfn: Int, low: Int, high: Int, migratetype mt: MigrateType) {
        var high = high
        while high > low {
            high -= 1
            let buddy = pfn + (1 &<< high)
            addToFreeList(s, buddy, order: high, migratetype: mt, zone: z, tail: false)
            if explainEnabled { appendExplanation(.split(zone: zones[z].type, pfn: pfn, order: high, buddyPFN: buddy)) }
        }
    }

    /// __rmqueue_smallest(): the first block on the smallest order ≥ `order` with a block of type `mt`.
    @_transparent
    mutating func rmqueueSmallest(_ s: AllocatorStores, zone z: Int, order: Int, migratetype mt: MigrateType) -> Int? {
        let m = mt.rawValue
        var current = order
        while current <= maxOrder {
            let h = s.slot(.freeLists, freeLists.headIndex(zone: z, order: current, type: m))
            if h >= 0 {
                let pfn = Int(h)
                deleteFromFreeList(s, pfn, order: current, zone: z, newOrder: order, newType: m)
                if explainEnabled { appendExplanation(.foundBlock(zone: zones[z].type, order: order, foundOrder: current, migratetype: mt, pfn: pfn)) }
                expand(s, zone: z, pfn: pfn, low: order, high: current, migratetype: mt)
                // The block left the lists and its upper halves went back: 2^order pages fewer, in one update.
                addCounter(s, ZoneCounters.nrFreeIndex(zone: z), -(1 &<< order))
                return pfn
            }
            current += 1
        }
        return nil
    }

    /// find_buddy_page_pfn() / page_is_buddy(): the buddy of (pfn, order), with its frame, if it is a free head of
    /// the same order in the same zone; `count` frames, read by `frame`.
    @inline(__always)
    static func freeBuddyFrame(of pfn: Int, order: Int, span: ZoneSpan, count: Int,
                               _ frame: (Int) -> PageFrame) -> (pfn: Int, frame: PageFrame)? {
        let buddy = pfn ^ (1 &<< order)
        guard buddy < count, buddy >= span.start, buddy < span.end else { return nil }
        let b = frame(buddy)
        guard b.state == .buddy, Int(b.order) == order else { return nil }
        return (buddy, b)
    }

    /// The same on the allocator's stores, below MAX_ORDER (a buddy inside the frame store's implicit run reads as
    /// what its storage holds, never a free head: the right answer, see `materialize`).
    @inline(__always)
    static func freeBuddyFrame(of pfn: Int, order: Int, span: ZoneSpan, stores s: AllocatorStores) -> (pfn: Int, frame: PageFrame)? {
        freeBuddyFrame(of: pfn, order: order, span: span, count: s.frameCount) { s.frame($0) }
    }

    /// The same on a bulk reader's frames (the invariant checks).
    @inline(__always)
    static func freeBuddy(of pfn: Int, order: Int, span: ZoneSpan, frames: UnsafeBufferPointer<PageFrame>) -> Int? {
        freeBuddyFrame(of: pfn, order: order, span: span, count: frames.count) { frames[$0] }?.pfn
    }

    /// mm/page_alloc.c: __free_one_page() — merge with free buddies while they exist, then put the block on its
    /// list: at the tail when the next-larger merge is likely (buddy_merge_likely()) or when asked (FPI_TO_TAIL).
    mutating func freeOneBlock(_ s: AllocatorStores, pfn: Int, order: Int, migratetype mt: MigrateType, zone z: Int, toTail: Bool) {
        freeOneBlockInline(s, pfn: pfn, order: order, migratetype: mt, zone: z, toTail: toTail)
    }

    /// The same, inline where a free is the hot path: __free_pages' own and the pcp drain (the others call the
    /// function above).
    @_transparent
    mutating func freeOneBlockInline(_ s: AllocatorStores, pfn: Int, order: Int, migratetype mt: MigrateType, zone z: Int, toTail: Bool) {
        let freedOrder = order
        var pfn = pfn
        var order = order
        var lastBuddy = pfn ^ (1 &<< order)
        let span = zoneSpans[z]
        while order < maxOrder {
            lastBuddy = pfn ^ (1 &<< order)
            guard let (buddy, buddyFrame) = Self.freeBuddyFrame(of: pfn, order: order, span: span, stores: s) else {
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
            deleteFromFreeList(s, buddy, buddyFrame, zone: z)
            let combined = buddy & pfn
            if explainEnabled { appendExplanation(.merge(pfn: pfn, buddyPFN: buddy, order: order, mergedPFN: combined)) }
            if combined != pfn { writeFrame(s, pfn) { $0.state = .tail } }
            pfn = combined
            order += 1
        }
        var tail = toTail
        if !tail && order < maxOrder - 1 {
            // buddy_merge_likely(): if the buddy of the next-larger block is free, this block will probably merge
            // soon; keep it at the tail so that it is not handed out first.
            let higher = lastBuddy & pfn
            tail = Self.freeBuddyFrame(of: higher, order: order + 1, span: span, stores: s) != nil
        }
        addToFreeList(s, pfn, order: order, migratetype: mt, zone: z, tail: tail)
        // The merged buddies were free already: only the freed block's own pages are new, in one update.
        addCounter(s, ZoneCounters.nrFreeIndex(zone: z), 1 &<< freedOrder)
        if explainEnabled { appendExplanation(.freedTo(zone: zones[z].type, pfn: pfn, order: order, migratetype: mt, tail: tail)) }
    }

    /// The same, taking the stores itself (boot, the rarer paths).
    mutating func freeOneBlock(pfn: Int, order: Int, migratetype mt: MigrateType, zone z: Int, toTail: Bool) {
        freeOneBlock(ownAllocatorStores(), pfn: pfn, order: order, migratetype: mt, zone: z, toTail: toTail)
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

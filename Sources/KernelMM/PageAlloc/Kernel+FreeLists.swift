extension Kernel {
    /// add_to_free_list() / add_to_free_list_tail(): make `pfn` a buddy head of `order` on the list of `mt`.
    /// NR_FREE_PAGES is the caller's: a split or a merge adds its net change once, and moving a block between lists
    /// changes nothing.
    @inline(__always)
    mutating func addToFreeList(_ s: AllocatorStores, _ pfn: Int, order: Int, migratetype mt: MigrateType, zone z: Int, tail: Bool) {
        let m = mt.rawValue
        // The head is written once, whole: each frame write is a log entry under undo.
        let f = PageFrame(next: -1, prev: -1, tag: 0, state: .buddy, order: UInt8(order), migratetype: UInt8(m), packed: 0)
        let h = freeLists.headIndex(zone: z, order: order, type: m)
        if _slowPath(order == maxOrder) { materializeEnd(.freeLists, pfn, end: tail ? h &+ FreeLists.types : h) }
        link(s, pfn, f, atTail: tail, store: .freeLists, head: h, tail: h &+ FreeLists.types,
             count: freeLists.countIndex(listHead: h), freeLists.nrFreeIndex(listHead: h, type: m), by: 1, 1)
    }

    /// The same, taking the stores itself (the allocator's rarer paths).
    mutating func addToFreeList(_ pfn: Int, order: Int, migratetype mt: MigrateType, zone z: Int, tail: Bool) {
        addToFreeList(ownAllocatorStores(), pfn, order: order, migratetype: mt, zone: z, tail: tail)
    }

    /// del_page_from_free_list(): unlink a buddy head; the frame stops being PageBuddy. `newOrder` and `newType`, when
    /// given, are written in the same frame write (the block __rmqueue_smallest() is about to hand out). NR_FREE_PAGES
    /// is the caller's, as for addToFreeList. `order` is the block's (its frame says so too), known to the caller:
    /// a MAX_ORDER block may be in the frame store's implicit run, which is written out first.
    @inline(__always)
    mutating func deleteFromFreeList(_ s: AllocatorStores, _ pfn: Int, order: Int, zone z: Int, newOrder: Int? = nil, newType: Int? = nil) {
        if _slowPath(order == maxOrder) { materializeLinks(pfn) }
        deleteFromFreeList(s, pfn, s.frame(pfn), zone: z, newOrder: newOrder, newType: newType)
    }

    /// The same, taking the stores itself, for a block of any order (the allocator's rarer paths).
    mutating func deleteFromFreeList(_ pfn: Int, zone z: Int) {
        let s = ownAllocatorStores()
        materializeLinks(pfn)
        deleteFromFreeList(s, pfn, s.frame(pfn), zone: z)
    }

    /// The same with `pfn`'s frame as the caller read it (nothing written since), a block below MAX_ORDER or one
    /// `materializeLinks` wrote out.
    @inline(__always)
    mutating func deleteFromFreeList(_ s: AllocatorStores, _ pfn: Int, _ f: PageFrame, zone z: Int, newOrder: Int? = nil, newType: Int? = nil) {
        var f = f
        let order = Int(f.order)
        let m = Int(f.migratetype)
        let h = freeLists.headIndex(zone: z, order: order, type: m)
        f.state = .tail
        if let newOrder { f.order = UInt8(truncatingIfNeeded: newOrder) }
        if let newType { f.migratetype = UInt8(truncatingIfNeeded: newType) }
        unlink(s, pfn, f, store: .freeLists, head: h, tail: h &+ FreeLists.types,
               count: freeLists.countIndex(listHead: h), freeLists.nrFreeIndex(listHead: h, type: m), by: -1, -1)
    }

    /// A MAX_ORDER block about to leave its list: it and its neighbours in storage of their own (see `materialize`).
    @inline(never)
    mutating func materializeLinks(_ pfn: Int) {
        materialize(pfn)
        let f = frames.storage(pfn)
        if f.prev >= 0 { materialize(Int(f.prev)) }
        if f.next >= 0 { materialize(Int(f.next)) }
    }

    /// A MAX_ORDER block about to join a list at the end whose slot is `end`: it and the block there now in storage
    /// of their own.
    @inline(never)
    mutating func materializeEnd(_ store: ListStore, _ pfn: Int, end: Int) {
        materialize(pfn)
        let e = store == .freeLists ? freeLists.slots[end] : pcpLists.slots[end]
        if e >= 0 { materialize(Int(e)) }
    }

    /// list_add() / list_add_tail() on a list linked through the frames' next/prev (a free list or a pcp list), whose
    /// first and last frame are slots `head` and `tail` of `store`: writes `f` at `pfn`, linked in, and adds `d0`,
    /// `d1` to slots `c0`, `c1` (the list's counts). The frames written are outside the implicit runs.
    @inline(__always)
    mutating func link(_ s: AllocatorStores, _ pfn: Int, _ f: PageFrame, atTail: Bool, store: ListStore,
                       head: Int, tail: Int, count c0: Int, _ c1: Int, by d0: Int32, _ d1: Int32) {
        var f = f
        let p = Int32(truncatingIfNeeded: pfn)
        if atTail {
            let t = s.slot(store, tail)
            f.next = -1
            f.prev = t
            writeFrame(s, pfn, f)
            if t >= 0 { writeFrame(s, Int(t)) { $0.next = p } } else { writeSlot(s, store, head, p) }
            writeSlot(s, store, tail, p)
        } else {
            let h = s.slot(store, head)
            f.next = h
            f.prev = -1
            writeFrame(s, pfn, f)
            if h >= 0 { writeFrame(s, Int(h)) { $0.prev = p } } else { writeSlot(s, store, tail, p) }
            writeSlot(s, store, head, p)
        }
        addSlot(s, store, c0, d0)
        if d1 != 0 { addSlot(s, store, c1, d1) }
    }

    /// list_del() of `pfn` from such a list: its neighbours, or the list's ends, skip it, and `f` (its frame as read,
    /// with the caller's changes) is written back with no links; `d0`, `d1` are added to slots `c0`, `c1`.
    @inline(__always)
    mutating func unlink(_ s: AllocatorStores, _ pfn: Int, _ f: PageFrame, store: ListStore,
                         head: Int, tail: Int, count c0: Int, _ c1: Int, by d0: Int32, _ d1: Int32) {
        var f = f
        let n = f.next, pr = f.prev
        f.next = -1
        f.prev = -1
        if pr >= 0 { writeFrame(s, Int(pr)) { $0.next = n } } else { writeSlot(s, store, head, n) }
        if n >= 0 { writeFrame(s, Int(n)) { $0.prev = pr } } else { writeSlot(s, store, tail, pr) }
        writeFrame(s, pfn, f)
        addSlot(s, store, c0, d0)
        if d1 != 0 { addSlot(s, store, c1, d1) }
    }

    /// move_to_free_list(): the same block, now on the list of another migrate type (at the tail, as 6.6 does).
    mutating func moveToFreeList(_ pfn: Int, zone z: Int, migratetype mt: MigrateType) {
        let order = Int(frames[pfn].order)
        deleteFromFreeList(pfn, zone: z)
        addToFreeList(pfn, order: order, migratetype: mt, zone: z, tail: true)
    }

    /// Migrate type of the pageblock holding `pfn` (get_pageblock_migratetype()).
    @inline(__always)
    public func pageblockMigratetype(_ pfn: Int, zone z: Int) -> MigrateType {
        let i = (pfn >> pageblockOrder) - (zoneSpans[z].start >> pageblockOrder)
        return MigrateType.stored(zones[z].pageblockType[i], else: .movable)
    }

    /// The same for mutating paths, which would copy the whole Kernel to call the method above.
    @inline(__always)
    static func pageblockMigratetype(_ pfn: Int, zone: borrowing Zone, pageblockOrder: Int) -> MigrateType {
        // Masking shifts (pageblock_order is below 64): the array's bounds check still guards the index.
        let i = (pfn &>> pageblockOrder) &- (zone.startPFN &>> pageblockOrder)
        return MigrateType.stored(zone.pageblockType[i], else: .movable)
    }

    mutating func setPageblockMigratetype(_ pfn: Int, zone z: Int, _ mt: MigrateType) {
        let i = (pfn >> pageblockOrder) - (zones[z].startPFN >> pageblockOrder)
        zones[z].pageblockType[i] = UInt8(mt.rawValue)
    }

    /// The free block containing `pfn`, if any: (head, order). Free blocks are naturally aligned, so at most
    /// MAX_ORDER+1 candidate heads need looking at.
    public func freeBlock(containing pfn: Int) -> (head: Int, order: Int)? {
        for o in 0...maxOrder {
            let head = pfn & ~((1 << o) - 1)
            if head < frames.count, frames[head].state == .buddy, Int(frames[head].order) >= o { return (head, Int(frames[head].order)) }
        }
        return nil
    }

    /// The allocated (or pcp) block containing `pfn`, if any: (head, order).
    public func allocatedBlock(containing pfn: Int) -> (head: Int, order: Int)? {
        for o in 0...maxOrder {
            let head = pfn & ~((1 << o) - 1)
            guard head < frames.count else { continue }
            let s = frames[head].state
            if (s == .allocated || s == .pcp), Int(frames[head].order) >= o, head + (1 << Int(frames[head].order)) > pfn {
                return (head, Int(frames[head].order))
            }
        }
        return nil
    }
}

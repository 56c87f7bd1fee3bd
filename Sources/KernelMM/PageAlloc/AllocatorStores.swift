/// The page allocator's four stores (the frames, the free lists, the pcp lists, the zone counters) as base pointers
/// and counts, for one operation: what `ownAllocatorStores()` hands out once the stores are the kernel's own.
///
/// Why: read through the stores' own accessors, every list operation reloaded each store's base pointer, count and
/// undo flag after each write (a write through a pointer may, for all the compiler knows, have changed them), and
/// tested the frame store's implicit run on each access. Here they are values the operation holds in registers, the
/// undo flag is one Bool, and the implicit run is dealt with once per list operation, where it can matter
/// (`Kernel.materialize`). The writes go through `Kernel`'s `write…` methods, which log the old value under undo.
///
/// Valid until anything may copy the kernel (the slow path, reclaim): take a new one after such a call. The tests'
/// debug build checks on every write that the pointers are still the stores' own.
struct AllocatorStores {
    let frames: UnsafeMutablePointer<PageFrame>
    let frameCount: Int
    let freeSlots: UnsafeMutablePointer<Int32>
    let pcpSlots: UnsafeMutablePointer<Int32>
    let counterSlots: UnsafeMutablePointer<Int>
    /// Undo is on: every write logs the old value first. A `var` for `logging(_:)`.
    private(set) var logging: Bool
    #if DEBUG
    /// The slot stores' sizes, for the debug build's checks (see `slot`).
    let freeSlotCount: Int, pcpSlotCount: Int, counterSlotCount: Int
    /// The free lists were made ours with the rest (see `Kernel.ownAllocatorStores(freeLists:)`): writes to them
    /// check it.
    var freeListsOwned = true
    #endif

    /// The stores' storage as it is now (their buffers' base pointers; see `Kernel.currentAllocatorStores()`).
    @inline(__always)
    init(_ frames: FrameStore, _ freeLists: JournaledSlots<Int32>, _ pcpLists: JournaledSlots<Int32>, _ counters: JournaledSlots<Int>) {
        self.frames = frames.buffer.base
        frameCount = frames.buffer.count
        freeSlots = freeLists.base
        pcpSlots = pcpLists.base
        counterSlots = counters.base
        logging = frames.journal.isOn
        #if DEBUG
        freeSlotCount = freeLists.count
        pcpSlotCount = pcpLists.count
        counterSlotCount = counters.count
        #endif
    }

    /// The same stores, with `logging` as the literal the caller passes. The hot paths branch on the undo flag once
    /// and go on with a copy whose flag the optimizer knows: each write's test of it,
    /// and the out-of-line logging calls they guard, are then gone from the path without undo (12 % of the
    /// allocator's instructions), and the path with undo keeps them without a test.
    @inline(__always) func logging(_ on: Bool) -> AllocatorStores {
        var c = self
        c.logging = on
        return c
    }

    /// Frame `pfn` as stored. Callers read only frames outside the implicit runs (see `Kernel.materialize`) or
    /// buddy candidates, which a run's storage answers rightly (never a free head).
    @inline(__always) func frame(_ pfn: Int) -> PageFrame {
        precondition(UInt(bitPattern: pfn) < UInt(bitPattern: frameCount), "PFN beyond mem_map")
        return frames[pfn]
    }

    /// Slot `i` of a list store. The slot indices are the allocator's own arithmetic on a zone, an order, a migrate
    /// type and a CPU, each in range (a saved machine's are checked on load, `checkSavedLayout`): the tests' debug
    /// build checks them, the release build does not (the frame numbers, which come from links, it checks always).
    @inline(__always) func slot(_ store: ListStore, _ i: Int) -> Int32 {
        #if DEBUG
        precondition(UInt(bitPattern: i) < UInt(bitPattern: store == .freeLists ? freeSlotCount : pcpSlotCount), "index beyond slots")
        #endif
        return (store == .freeLists ? freeSlots : pcpSlots)[i]
    }
}

/// Which list store a list operation links through: the buddy free lists or the CPUs' pcp lists (both link the
/// frames' next/prev; only the slots holding the lists' ends and counts differ).
enum ListStore { case freeLists, pcpLists }

extension Kernel {
    /// Storage of its own for each store the page allocator writes, once at the top of an operation, and the stores
    /// as pointers for the writes below (see `AllocatorStores`). Whatever may have copied the kernel in between (the
    /// slow path, kswapd's reclaim) is followed by another call.
    @inline(__always) @discardableResult
    mutating func ownAllocatorStores() -> AllocatorStores { ownAllocatorStores(freeLists: true) }

    /// The same, the free lists only when `withFreeLists`: a request a CPU's pcp list serves writes them only when
    /// the list is refilled or drained (out of line, `ownFreeLists`), and one runtime call fewer is 3 % of such an
    /// operation. The tests' debug build checks that no write to the free lists goes through stores taken without them.
    @inline(__always) @discardableResult
    mutating func ownAllocatorStores(freeLists withFreeLists: Bool) -> AllocatorStores {
        frames.makeStoredUnique()
        if withFreeLists { freeLists.slots.makeUnique() }
        if params.pcpLists { pcpLists.slots.makeUnique() }
        counters.slots.makeUnique()
        // Undo's logs with them, so that each logged write appends without a check (`UndoLog.appendOwned`); all
        // four are on or off together, so one test serves the path without undo.
        if _slowPath(frames.journal.isOn) { ownJournals(freeLists: withFreeLists) }
        #if DEBUG
        var s = currentAllocatorStores()
        s.freeListsOwned = withFreeLists
        return s
        #else
        return currentAllocatorStores()
        #endif
    }

    /// The logs of the stores `ownAllocatorStores(freeLists:)` took, made ours. Out of line: undo's path only.
    @inline(never)
    mutating func ownJournals(freeLists withFreeLists: Bool) {
        frames.journal.makeUnique()
        if withFreeLists { freeLists.slots.journal.makeUnique() }
        if params.pcpLists { pcpLists.slots.journal.makeUnique() }
        counters.slots.journal.makeUnique()
    }

    /// The stores' pointers now, with `s`'s undo flag (a constant on the hot paths) and what it owns: after a call
    /// that may have copied the kernel and taken the stores again (a fallback's kswapd wake-up).
    @inline(__always)
    func currentAllocatorStores(like s: AllocatorStores) -> AllocatorStores {
        #if DEBUG
        var c = currentAllocatorStores().logging(s.logging)
        c.freeListsOwned = s.freeListsOwned
        return c
        #else
        return currentAllocatorStores().logging(s.logging)
        #endif
    }

    /// The stores now, for writes to frames only (out-of-line parts of the fast paths, which may not have taken the
    /// free lists).
    @inline(__always)
    func currentFrameStores() -> AllocatorStores {
        #if DEBUG
        var c = currentAllocatorStores()
        c.freeListsOwned = false
        return c
        #else
        return currentAllocatorStores()
        #endif
    }

    /// The stores with the free lists made ours too: what a pcp refill or drain does before it writes them (its
    /// caller, on the pcp fast path, may not have taken them). Out-of-line parts of the fast paths take the stores
    /// themselves rather than as a parameter: six words are passed in memory, and the fast path wrote them out on
    /// every call for the few that take such a branch.
    @inline(__always)
    mutating func ownFreeLists() -> AllocatorStores {
        freeLists.slots.makeUniqueWithJournal()
        return currentAllocatorStores()
    }

    /// rmqueue()'s choice: the request is served from a CPU's pcp list (pcp_allowed_order(), and a migrate type with
    /// a pcp list: __GFP_MOVABLE|__GFP_RECLAIMABLE gives MIGRATE_HIGHATOMIC, which has none).
    @inline(__always)
    func allocatesFromPCP(order: Int, migratetype mt: MigrateType) -> Bool {
        params.pcpLists && pcpAllowedOrder(order) && mt.rawValue < MigrateType.pcpTypes
    }

    /// The stores as pointers now, without making them unique: after an `ownAllocatorStores()` that nothing since
    /// can have undone, or after a call that may copy the kernel and takes the stores again itself (kswapd's
    /// wake-up). Cheaper than carrying one value through such a call: a caller that changes a value it was handed
    /// by address copies it first, and copying a value just written field by field stalls on store forwarding.
    @inline(__always)
    func currentAllocatorStores() -> AllocatorStores {
        AllocatorStores(frames, freeLists.slots, pcpLists.slots, counters.slots)
    }

    /// Gives `pfn`'s frame storage of its own if it is in the frame store's run of free MAX_ORDER blocks. Only a
    /// MAX_ORDER list operation can meet that run: any smaller block, and every block on a pcp list, was carved out
    /// of (or merged back from) blocks the allocator had taken off a list, which wrote them out. So the MAX_ORDER
    /// list operations call this for the frames they read or write, and nothing else tests the run.
    @inline(never)
    mutating func materialize(_ pfn: Int) {
        if pfn >= 0 && pfn < frames.count { frames.makeStored(pfn) }
    }

    /// Writes frame `pfn` in place, its old value logged first under undo.
    @inline(__always)
    mutating func writeFrame(_ s: AllocatorStores, _ pfn: Int, _ body: (inout PageFrame) -> Void) {
        precondition(UInt(bitPattern: pfn) < UInt(bitPattern: s.frameCount), "PFN beyond mem_map")
        #if DEBUG
        checkStores(s, frame: pfn)
        #endif
        if _slowPath(s.logging) { frames.recordOldOwned(pfn) }
        body(&s.frames[pfn])
    }

    /// Stores `f` whole at `pfn`.
    @inline(__always)
    mutating func writeFrame(_ s: AllocatorStores, _ pfn: Int, _ f: PageFrame) { writeFrame(s, pfn) { $0 = f } }

    /// Stores `v` in slot `i` of a list store.
    @inline(__always)
    mutating func writeSlot(_ s: AllocatorStores, _ store: ListStore, _ i: Int, _ v: Int32) {
        #if DEBUG
        precondition(UInt(bitPattern: i) < UInt(bitPattern: store == .freeLists ? s.freeSlotCount : s.pcpSlotCount), "index beyond slots")
        checkStores(s, frame: nil)
        if store == .freeLists { precondition(s.freeListsOwned, "freeLists not owned") }
        #endif
        if _slowPath(s.logging) {
            if store == .freeLists { freeLists.slots.recordOwned(i) } else { pcpLists.slots.recordOwned(i) }
        }
        (store == .freeLists ? s.freeSlots : s.pcpSlots)[i] = v
    }

    /// Adds `d` to slot `i` of a list store.
    @inline(__always)
    mutating func addSlot(_ s: AllocatorStores, _ store: ListStore, _ i: Int, _ d: Int32) {
        writeSlot(s, store, i, s.slot(store, i) &+ d)
    }

    /// Adds `d` to zone counter slot `i`.
    @inline(__always)
    mutating func addCounter(_ s: AllocatorStores, _ i: Int, _ d: Int) {
        #if DEBUG
        precondition(UInt(bitPattern: i) < UInt(bitPattern: s.counterSlotCount), "index beyond slots")
        checkStores(s, frame: nil)
        #endif
        if _slowPath(s.logging) { counters.slots.recordOwned(i) }
        s.counterSlots[i] &+= d
    }

    #if DEBUG
    /// The tests' check on every write through `s`: its pointers are still the stores' own and unshared, and a frame
    /// written is in no implicit run.
    mutating func checkStores(_ s: AllocatorStores, frame pfn: Int?) {
        precondition(s.frames == frames.buffer.base && s.counterSlots == counters.slots.base && s.logging == frames.journal.isOn,
                     "stale AllocatorStores")
        precondition(!s.freeListsOwned || s.freeSlots == freeLists.slots.base, "stale AllocatorStores (free lists)")
        precondition(!params.pcpLists || s.pcpSlots == pcpLists.slots.base, "stale AllocatorStores (pcp)")
        precondition(isKnownUniquelyReferenced(&frames.buffer), "AllocatorStores on shared frames")
        if s.freeListsOwned { freeLists.slots.assertOwned() }
        counters.slots.assertOwned()
        if params.pcpLists { pcpLists.slots.assertOwned() }
        if let pfn { precondition(!frames.isImplicit(pfn), "implicit PFN \(pfn) written") }
    }
    #endif
}

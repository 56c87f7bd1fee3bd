/// A store's undo log (`FrameStore`'s and `JournaledSlots`'): the old value of each write, oldest first, for as long
/// as undo is on.
///
/// A command notes where the log stood when it began (a position), and undoing commands puts back every write from the
/// oldest one's position on, newest first. Positions count writes since the log began, so they survive the log dropping
/// its front when undo lets its oldest command go. Keeping one log, rather than an array per command taken from the
/// entry undo let go, emptied and handed back, makes opening and closing a command's journal a few loads.
///
/// Writes by commands undo does not keep stay in the log between the kept ones: reverting a suffix of the log newest
/// first gives back the state at its first position whatever wrote after it.
@usableFromInline struct UndoLog<Write: Sendable>: Sendable {
    /// The writes, the first at position `base`; nil when undo is off.
    @usableFromInline var storage: UndoLogBuffer<Write>?
    @usableFromInline var base = 0

    @usableFromInline init() {}

    /// Whether writes are logged (the stores' write paths test this first).
    @inline(__always) @usableFromInline var isOn: Bool { storage != nil }

    /// The position after the last write logged.
    var position: Int { base &+ (storage?.count ?? 0) }

    /// The writes, oldest first; nil when off (for the tests).
    var writes: [Write]? { storage.map { $0.elements(from: 0) } }

    /// Logs `w`; only while on.
    @inline(__always) @usableFromInline mutating func append(_ w: Write) {
        makeUnique()
        appendOwned(w)
    }

    /// Logs `w` in a log `makeUnique()` made ours since anything may have copied it: the page allocator's writes,
    /// which make their stores' logs ours once per operation with the stores (`Kernel.ownAllocatorStores`), as an
    /// append that checked each time was a runtime call per write. The tests' debug build checks it.
    @inline(__always) @usableFromInline mutating func appendOwned(_ w: Write) {
        #if DEBUG
        precondition(storage != nil && isKnownUniquelyReferenced(&storage), "UndoLog.appendOwned on shared log")
        #endif
        // The stores' logs are on and off together, so a log found off here would be a bug: nothing is logged
        // rather than a nil buffer written through (the test is one branch, on undo's path only).
        if _fastPath(storage != nil) { storage.unsafelyUnwrapped.append(w) }
    }

    /// A log of our own, when on (a copy of the kernel shares its logs until one of them writes).
    @inline(__always) @usableFromInline mutating func makeUnique() {
        if _slowPath(storage != nil && !isKnownUniquelyReferenced(&storage)) { storage = UndoLogBuffer(copying: storage!, from: 0) }
    }

    /// Starts (or goes on) logging; the position the next write is logged at.
    mutating func start() -> Int {
        if storage == nil { storage = UndoLogBuffer(capacity: 64) }
        return position
    }

    /// Stops logging and lets the log go (undo is off).
    mutating func stop() {
        storage = nil
        base = 0
    }

    /// Where position `p` is in `log`, within it.
    private func index(of p: Int, in log: UndoLogBuffer<Write>) -> Int { min(max(p - base, 0), log.count) }

    /// The writes logged from position `p` on, oldest first.
    func writes(from p: Int) -> [Write] {
        guard let log = storage else { return [] }
        return log.elements(from: index(of: p, in: log))
    }

    /// Lets go of the writes before position `p` (no command undo keeps starts before it) once they are at least half
    /// the log: moving the rest down then costs no more than the writes logged since the last time. The test is
    /// inline, since a command mostly finds nothing to let go.
    @inline(__always) mutating func forget(before p: Int) {
        guard let c = storage?.count else { return }
        let n = p &- base
        if n > 0 && n &+ n >= c { dropFront(before: p) }
    }

    @inline(never) private mutating func dropFront(before p: Int) {
        let n = index(of: p, in: storage!)
        if isKnownUniquelyReferenced(&storage) { storage!.removeFirst(n) } else { storage = UndoLogBuffer(copying: storage!, from: n) }
        base += n
    }

    /// The log taken out for reverting the writes from position `p` on (`log[first...]`, newest last); `endRevert`
    /// puts it back. `recording`: the reverting writes are logged as any others (a command that undoes, so that
    /// undoing it is itself exact; the log is then shared, and the first of them copies it); otherwise nothing is
    /// logged until `endRevert`, which ends the log at `p` again.
    mutating func beginRevert(from p: Int, recording: Bool) -> (log: UndoLogBuffer<Write>, first: Int)? {
        guard let log = storage else { return nil }
        if !recording { storage = nil }
        return (log, index(of: p, in: log))
    }

    mutating func endRevert(_ log: consuming UndoLogBuffer<Write>, first: Int, recording: Bool) {
        guard !recording else { return }
        // The caller's reference is the only other one (dropped on return): copy only if something else holds it.
        var log: UndoLogBuffer<Write>? = log
        if isKnownUniquelyReferenced(&log) { log!.removeLast(from: first) } else { log = UndoLogBuffer(copying: log!, from: 0, to: first) }
        storage = log
    }
}

/// The memory behind an `UndoLog`: its writes in a buffer of our own, copied on write as an Array's storage is.
///
/// Why not an Array: every append to an Array checks that its storage is unshared (a runtime call, most of an
/// append's cost), while a buffer of our own lets the page allocator check once per operation with its stores and
/// then append with a compare and two stores (`UndoLog.appendOwned`). The count and the elements' address live behind
/// a `let` pointer: a class's `var` is an exclusivity check (two runtime calls) on every access, and ManagedBuffer's
/// closures were left as calls on the allocator's paths.
@usableFromInline final class UndoLogBuffer<Write>: @unchecked Sendable {
    // Shared only read-only: every write goes through UndoLog, which copies a shared buffer first.
    @usableFromInline struct Header {
        @usableFromInline var elements: UnsafeMutablePointer<Write>
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int
    }
    @usableFromInline let h: UnsafeMutablePointer<Header>

    /// An empty buffer with room for `capacity` writes.
    init(capacity: Int) {
        let n = max(capacity, 1)
        h = .allocate(capacity: 1)
        h.initialize(to: Header(elements: .allocate(capacity: n), count: 0, capacity: n))
    }

    /// A copy of `other`'s writes `lo..<hi` (hi: all of them), with room for as many as `other`.
    convenience init(copying other: UndoLogBuffer, from lo: Int, to hi: Int? = nil) {
        let hi = hi ?? other.count
        self.init(capacity: other.h.pointee.capacity)
        h.pointee.elements.initialize(from: other.h.pointee.elements + lo, count: hi - lo)
        h.pointee.count = hi - lo
    }

    deinit {
        h.pointee.elements.deinitialize(count: h.pointee.count)
        h.pointee.elements.deallocate()
        h.deallocate()
    }

    @inline(__always) @usableFromInline var count: Int { h.pointee.count }

    /// Appends `w` (this buffer unshared).
    @inline(__always) @usableFromInline func append(_ w: Write) {
        let n = h.pointee.count
        // The full case as a call that ends the append (nothing live across it: the fast path saves no registers).
        if _slowPath(n == h.pointee.capacity) { return appendGrowing(w) }
        (h.pointee.elements + n).initialize(to: w)
        h.pointee.count = n &+ 1
    }

    @inline(never) @usableFromInline func appendGrowing(_ w: Write) {
        let bigger = UnsafeMutablePointer<Write>.allocate(capacity: h.pointee.capacity * 2)
        bigger.moveInitialize(from: h.pointee.elements, count: h.pointee.count)
        h.pointee.elements.deallocate()
        h.pointee.elements = bigger
        h.pointee.capacity *= 2
        (bigger + h.pointee.count).initialize(to: w)
        h.pointee.count += 1
    }

    /// The writes from index `i` on, oldest first.
    func elements(from i: Int) -> [Write] { Array(UnsafeBufferPointer(start: h.pointee.elements + i, count: count - i)) }

    /// The write at index `i`.
    @inline(__always) subscript(i: Int) -> Write {
        precondition(i >= 0 && i < count, "index beyond log")
        return h.pointee.elements[i]
    }

    /// Lets go of the first `n` writes, the rest moved down (unshared only).
    func removeFirst(_ n: Int) {
        let e = h.pointee.elements
        e.deinitialize(count: n)
        e.moveInitialize(from: e + n, count: count - n)
        h.pointee.count -= n
    }

    /// Lets go of the writes from index `i` on (unshared only).
    func removeLast(from i: Int) {
        (h.pointee.elements + i).deinitialize(count: count - i)
        h.pointee.count = i
    }
}

/// Where each journalled store's undo log stood (see `UndoLog`): at the start of a command, what `undo` reverts to.
public struct UndoLogPosition: Sendable, Equatable {
    public internal(set) var frames: Int
    public internal(set) var freeLists: Int
    public internal(set) var pcpLists: Int
    public internal(set) var counters: Int
}

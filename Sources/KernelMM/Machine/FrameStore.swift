// The C library for memory only (calloc, malloc, free, memcmp), never for I/O: calloc is the one allocator that hands
// out zeroed pages without touching them, which is what lets a 64 GiB machine boot without faulting in its mem_map.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The struct page array (mem_map): one `PageFrame` per PFN, and the one place every write to a frame goes through.
///
/// That one place is what makes undo cheap at any machine size: while undo is on, each write first logs the
/// frame's old value, so taking a command back rewrites the few frames it touched (1 for a free, a handful for an
/// allocation, a few hundred for a drain) instead of keeping a copy of millions of frames. The journal is part of the
/// value, so a copy of the kernel taken mid-command and put back brings its journal back with it.
///
/// The frames live in zeroed memory from calloc(), copied on write like an Array's storage. A zero `PageFrame` is a
/// present frame nobody holds, so boot writes only the frames that differ, and the pages of a 64 GiB machine's
/// array that boot never writes are never faulted in (the system hands out zeroed pages lazily).
///
/// Two long runs that boot would otherwise write are kept as ranges instead (`ImplicitFrames`): the x86-64 PCI hole
/// (a GiB of absent frames), and boot's largest run of free MAX_ORDER blocks (a head every 2^MAX_ORDER frames, each
/// in a page of its own: a page fault apiece, ~2 µs each, 1,000 of them at 4 GiB and 15,000 at 64 GiB), or mem_map
/// where there is no hole. A read inside a run answers the frame without touching the storage; the first write inside
/// one writes it out (a run of free blocks only from its nearer end to the block written, since the allocator takes
/// blocks from a list's ends); the bulk readers get storage with the runs written (once per buffer). Writing the hole
/// was a quarter of `kmemsim -c quit`, the heads of the free blocks a third.
public struct FrameStore: Sendable, RandomAccessCollection {
    @usableFromInline var buffer: FrameBuffer
    /// Runs of frames answered without storage (their storage is zero, or written out once a bulk reader asked).
    @usableFromInline var implicit = ImplicitFrames()
    /// Old values of frames written while undo is on (see `UndoLog`).
    @usableFromInline var journal = UndoLog<FrameWrite>()
    /// Which command's journal was opened last: the shell numbers them, so that a kernel put back from elsewhere (a
    /// lesson's saved machine, a reboot) is not mistaken for the one the journal was opened on.
    public private(set) var journalEpoch: UInt64 = 0

    /// `count` frames, every one zero: present, a tail, no links, held by nobody.
    init(zeroed count: Int) { buffer = FrameBuffer(zeroed: count) }
    init(_ frames: ContiguousArray<PageFrame>) {
        buffer = FrameBuffer(zeroed: frames.count)
        frames.withUnsafeBufferPointer { src in
            if let b = src.baseAddress { buffer.base.update(from: b, count: src.count) }
        }
    }
    /// No frames (what undo keeps in place of a kernel's): one shared empty buffer, not an allocation per command.
    public init() { buffer = FrameBuffer.empty }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }
    @inline(__always) public var count: Int { buffer.count }

    @inline(__always)
    public subscript(pfn: Int) -> PageFrame {
        get {
            precondition(pfn >= 0 && pfn < buffer.count, "PFN beyond mem_map")
            if let f = implicit.frame(at: pfn) { return f }
            return buffer.base[pfn]
        }
        _modify {
            precondition(pfn >= 0 && pfn < buffer.count, "PFN beyond mem_map")
            makeWritable(pfn)
            if _slowPath(journal.isOn) { recordOld(pfn) }
            yield &buffer.base[pfn]
        }
        set {
            precondition(pfn >= 0 && pfn < buffer.count, "PFN beyond mem_map")
            makeWritable(pfn)
            if _slowPath(journal.isOn) { recordOld(pfn) }
            buffer.base[pfn] = newValue
        }
    }

    /// What `pfn`'s storage holds: its value outside the implicit runs; inside one, zero or the value a bulk reader
    /// wrote out, never an allocated head. For a test only an allocated head passes (`__free_pages`' common case).
    @inline(__always) func storage(_ pfn: Int) -> PageFrame {
        precondition(UInt(bitPattern: pfn) < UInt(bitPattern: buffer.count), "PFN beyond mem_map")
        return buffer.base[pfn]
    }

    /// A buffer of our own, for the page allocator's writes through its stores (`AllocatorStores`).
    @inline(__always) mutating func makeStoredUnique() {
        if _slowPath(!isKnownUniquelyReferenced(&buffer)) { buffer = FrameBuffer(copying: buffer, skipping: implicit) }
    }

    /// Journals `pfn`'s frame before a write. Out of line: only undo's journal pays for it, and the append inline
    /// cost every write path registers and code.
    @inline(never) @usableFromInline mutating func recordOld(_ pfn: Int) {
        guard journal.isOn else { return }
        journal.append(FrameWrite(pfn: Int32(truncatingIfNeeded: pfn), old: buffer.base[pfn]))
    }

    /// The same for the page allocator's writes, undo on, after `Kernel.ownAllocatorStores()` made the log ours
    /// (see `UndoLog.appendOwned`).
    /// Out of line as well: inline, the appends grew the allocator's undo-on copy of its fast path past what the
    /// optimizer inlines into one function, and it left the pcp and free-list helpers as calls on both copies.
    @inline(never) @usableFromInline mutating func recordOldOwned(_ pfn: Int) {
        journal.appendOwned(FrameWrite(pfn: Int32(truncatingIfNeeded: pfn), old: buffer.base[pfn]))
    }

    /// `pfn`'s frame in storage of its own if it is in the run of free blocks (see `Kernel.materialize`); after
    /// `makeStoredUnique()`.
    @inline(__always) mutating func makeStored(_ pfn: Int) {
        if implicit.run1.contains(pfn) { writeOut(runContaining: pfn) }
    }

    /// A buffer of our own, and `pfn`'s frame in it: a write inside an implicit run writes the run out first.
    @inline(__always) mutating func makeWritable(_ pfn: Int) {
        if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer, skipping: implicit) }
        if _slowPath(implicit.contains(pfn)) { writeOut(runContaining: pfn) }
    }

    /// Gives the run holding `pfn` storage of its own: its frames written (unless a bulk reader already did) and the
    /// run dropped, so that reads of it go to storage from now on.
    @inline(never) mutating func writeOut(runContaining pfn: Int) {
        let i = implicit.run(containing: pfn)
        let r = i == 0 ? implicit.run0 : implicit.run1
        guard r.headOrder > 0 else {
            buffer.writeOut([r])
            implicit.remove(at: i)
            return
        }
        // Free blocks: the blocks from the nearer end of the run up to pfn's get storage; the rest stay a run, their
        // links to the blocks now written unchanged (any change to them is a write, and comes here first).
        let shift = Int(r.headOrder), block = (pfn - r.start) >> shift, blocks = r.count >> shift
        var rest = r
        if block < blocks - block {
            let cut = r.start + ((block + 1) << shift)
            buffer.writeHeads(of: r, from: r.start, to: cut)
            rest.start32 = Int32(truncatingIfNeeded: cut)
            rest.count32 = Int32(truncatingIfNeeded: r.start + r.count - cut)
            rest.prevOfFirst = Int32(truncatingIfNeeded: cut - (1 << shift))
        } else {
            let cut = r.start + (block << shift)
            buffer.writeHeads(of: r, from: cut, to: r.start + r.count)
            rest.count32 = Int32(truncatingIfNeeded: cut - r.start)
            rest.nextOfLast = Int32(truncatingIfNeeded: cut)
        }
        if rest.count == 0 { implicit.remove(at: i) } else { implicit.replace(at: i, with: rest) }
    }

    /// Read-only bulk access (invariant checks and views walk millions of frames): every frame in storage, implicit
    /// runs included (written out on the first such call on a buffer).
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<PageFrame>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(buffer) { () throws(E) -> R in
            if !implicit.isEmpty { buffer.writeOutOnce(implicit.runs) }
            return try body(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
        }
    }

    /// Bulk writes without the journal: boot only, before any journal can be open. The storage of implicit runs is
    /// not theirs to write (reads of those frames do not look at it).
    mutating func withUnsafeMutableBufferPointerAtBoot<R>(_ body: (inout UnsafeMutableBufferPointer<PageFrame>) -> R) -> R {
        if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer, skipping: implicit) }
        var b = UnsafeMutableBufferPointer(start: buffer.base, count: buffer.count)
        return withExtendedLifetime(buffer) { body(&b) }
    }

    /// Boot: `range`'s frames (all still zero, untouched) are from now on `state`, with no links, no owner, no flags,
    /// without being written. Empty ranges are ignored; two runs at most (the hole and mem_map), later ones written.
    mutating func setImplicit(_ range: Range<Int>, state: FrameState) {
        let r = range.clamped(to: 0..<buffer.count)
        guard !r.isEmpty else { return }
        if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer, skipping: implicit) }
        let run = ImplicitFrames.Run(start: r.lowerBound, count: r.count, state: state)
        if implicit.run0.count == 0 { implicit.run0 = run } else { buffer.writeOut([run]) }
    }

    /// Boot: the blocks of 2^`order` frames in `range` (all still zero, untouched; `range` a whole number of them) are
    /// from now on free buddy heads of `migratetype`, each linked to its neighbours, the first to `prev` and the last
    /// to `next` (-1: the list's end), without being written. False when no run is free for it (nothing changes).
    mutating func setFreeRun(_ range: Range<Int>, order: Int, migratetype: UInt8, prev: Int32, next: Int32) -> Bool {
        guard order > 0, range.lowerBound >= 0, range.upperBound <= buffer.count, !range.isEmpty,
              range.lowerBound & ((1 << order) - 1) == 0, range.count & ((1 << order) - 1) == 0 else { return false }
        if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer, skipping: implicit) }
        var run = ImplicitFrames.Run(start: range.lowerBound, count: range.count, state: .buddy)
        run.headOrder = UInt8(order)
        run.migratetype = migratetype
        run.prevOfFirst = prev
        run.nextOfLast = next
        guard implicit.run1.count == 0 else { return false }
        implicit.run1 = run
        return true
    }

    /// Whether a run is free for `setFreeRun`.
    var hasRoomForRun: Bool { implicit.run1.count == 0 }

    /// Is `pfn` inside an implicit run (its storage is not its value)?
    func isImplicit(_ pfn: Int) -> Bool { implicit.contains(pfn) }

    // MARK: The undo journal

    /// Starts (or goes on) logging the old value of every frame written, for a command numbered `epoch`; the position
    /// its writes start at (see `UndoLog`).
    public mutating func openJournal(epoch: UInt64) -> Int {
        journalEpoch = epoch
        return journal.start()
    }

    /// Where the command numbered `epoch` ended in the log, if this is the store its journal was opened on (nil
    /// when another journal, or none, was opened here since: then these frames are not the ones it began on). The
    /// log goes on.
    public func closeJournal(epoch: UInt64) -> Int? {
        journal.isOn && journalEpoch == epoch ? journal.position : nil
    }

    /// Puts back the old values of the writes from position `p` on, newest first; `recording` as for
    /// `UndoLog.beginRevert`.
    public mutating func revert(from p: Int, recording: Bool) {
        guard let (log, first) = journal.beginRevert(from: p, recording: recording) else { return }
        for i in stride(from: log.count - 1, through: first, by: -1) {
            let w = log[i]
            if Int(w.pfn) < buffer.count { self[Int(w.pfn)] = w.old }
        }
        journal.endRevert(log, first: first, recording: recording)
    }
}

/// One journalled write: the frame's value before it.
public struct FrameWrite: Sendable, Equatable {
    public var pfn: Int32
    public var old: PageFrame
}

// Two kernels are equal when their frames are; an open journal is bookkeeping, not state, and so is whether a run
// of frames is implicit or written out (a loaded machine has every frame written).
extension FrameStore: Equatable {
    public static func == (a: FrameStore, b: FrameStore) -> Bool {
        if a.buffer === b.buffer && a.implicit == b.implicit { return true }
        guard a.buffer.count == b.buffer.count else { return false }
        // Cut 0..<count where a run of either side starts or ends: each piece is implicit on one side or both, or
        // on neither, where bytes compare (PageFrame has no padding: 4+4+4+1+1+1+1 bytes, so equal bytes are equal
        // frames).
        var cuts = [0, a.buffer.count]
        for r in a.implicit.runs + b.implicit.runs { cuts += [r.start, r.start + r.count] }
        cuts.sort()
        for (lo, hi) in zip(cuts, cuts.dropFirst()) where lo < hi {
            if a.isImplicit(lo) || b.isImplicit(lo) {
                for pfn in lo..<hi where a[pfn] != b[pfn] { return false }
            } else if memcmp(a.buffer.base + lo, b.buffer.base + lo, (hi - lo) * MemoryLayout<PageFrame>.stride) != 0 {
                return false
            }
        }
        return true
    }
}

/// Runs of frames a FrameStore answers without storage, in two fixed slots, so that the check on every read is two
/// subtractions and compares: `run0` a run of one state (the hole, or mem_map where there is none), `run1` boot's run
/// of free MAX_ORDER blocks, the only one the page allocator's own frames can be in.
@usableFromInline struct ImplicitFrames: Sendable, Equatable {
    /// 32-bit fields (PFNs fit: at most 2^24 frames) keep the Kernel value small; it is copied whole more than once.
    @usableFromInline struct Run: Sendable, Equatable {
        @usableFromInline var start32: Int32
        @usableFromInline var count32: Int32
        @usableFromInline var state: FrameState
        /// 0: every frame is `state`. Otherwise a run of free blocks of this order: every 2^headOrder-th frame from
        /// `start` is a buddy head of `migratetype` linked to the next and previous ones, the frames between are tails.
        @usableFromInline var headOrder: UInt8 = 0
        @usableFromInline var migratetype: UInt8 = 0
        /// The first head's prev and the last head's next: the list outside the run (-1: none).
        @usableFromInline var prevOfFirst: Int32 = -1
        @usableFromInline var nextOfLast: Int32 = -1
        init(start: Int, count: Int, state: FrameState) {
            start32 = Int32(truncatingIfNeeded: start)
            count32 = Int32(truncatingIfNeeded: count)
            self.state = state
        }
        @inline(__always) @usableFromInline var start: Int { Int(start32) }
        @inline(__always) @usableFromInline var count: Int { Int(count32) }
        @inline(__always) @usableFromInline func contains(_ pfn: Int) -> Bool {
            UInt(bitPattern: pfn &- Int(start32)) < UInt(bitPattern: Int(count32))
        }

        /// The frame at `pfn` (which is in the run).
        @usableFromInline func frame(at pfn: Int) -> PageFrame {
            guard headOrder > 0 else { return ImplicitFrames.frame(state) }
            let step = 1 << Int(headOrder), off = pfn - start
            guard off & (step - 1) == 0 else { return ImplicitFrames.frame(.tail) }
            return PageFrame(next: off + step < count ? Int32(truncatingIfNeeded: pfn + step) : nextOfLast,
                             prev: off == 0 ? prevOfFirst : Int32(truncatingIfNeeded: pfn - step),
                             tag: 0, state: .buddy, order: headOrder, migratetype: migratetype, packed: 0)
        }
    }
    // An empty run has count 0, which no PFN is inside.
    @usableFromInline var run0 = Run(start: 0, count: 0, state: .tail)
    @usableFromInline var run1 = Run(start: 0, count: 0, state: .tail)

    var isEmpty: Bool { run0.count == 0 && run1.count == 0 }
    var runs: [Run] { [run0, run1].filter { $0.count > 0 } }

    /// Whether `pfn` is in a run (the write path's test: no frame built).
    @inline(__always) @usableFromInline func contains(_ pfn: Int) -> Bool { run0.contains(pfn) || run1.contains(pfn) }

    /// The frame at `pfn` if it is in a run: no links, no owner, no flags, the run's state.
    @inline(__always) @usableFromInline func frame(at pfn: Int) -> PageFrame? {
        if _slowPath(run0.contains(pfn)) { return run0.frame(at: pfn) }
        if _slowPath(run1.contains(pfn)) { return run1.frame(at: pfn) }
        return nil
    }

    @inline(__always) @usableFromInline static func frame(_ state: FrameState) -> PageFrame {
        PageFrame(next: -1, prev: -1, tag: 0, state: state, order: 0, migratetype: 0, packed: 0)
    }

    /// 0 or 1: the run holding `pfn` (which is in one).
    func run(containing pfn: Int) -> Int { run0.contains(pfn) ? 0 : 1 }

    /// Each run keeps its slot (the allocator's frame accessor tests `run1` alone).
    mutating func remove(at i: Int) {
        if i == 0 { run0 = Run(start: 0, count: 0, state: .tail) } else { run1 = Run(start: 0, count: 0, state: .tail) }
    }

    mutating func replace(at i: Int, with run: Run) {
        if i == 0 { run0 = run } else { run1 = run }
    }
}

/// The memory behind a FrameStore: zeroed by calloc(), freed with the last reference.
@usableFromInline final class FrameBuffer: @unchecked Sendable {
    // Shared only read-only: every write goes through FrameStore, which copies a shared buffer first (as Array does).
    // The one exception is writing out implicit runs for bulk readers, which writes the value every sharer already
    // reads there, once, under `runsWritten`'s lock (tests read one booted machine from many threads).
    @usableFromInline let base: UnsafeMutablePointer<PageFrame>
    @usableFromInline let count: Int
    /// Whether the storage of the owners' implicit runs holds their frames (every sharer has the same runs).
    let runsWritten = Mutex(false)

    init(zeroed n: Int) {
        // An allocation this size failing is the host being out of memory; an Array would trap the same way.
        // n is at most 64 GiB of 4 KiB frames (Kernel.validate bounds mem=), 272 MB, and calloc maps it lazily.
        guard let raw = calloc(max(n, 1), MemoryLayout<PageFrame>.stride) else { fatalError("calloc(\(n), sizeof(struct page)) == NULL") } // trap-ok: host out of memory, n bounded (above)
        base = raw.bindMemory(to: PageFrame.self, capacity: max(n, 1))
        count = n
    }

    /// A copy of `other`'s frames outside `implicit`'s runs (whose storage stays zero and untouched, as at boot).
    init(copying other: FrameBuffer, skipping implicit: ImplicitFrames) {
        let stride = MemoryLayout<PageFrame>.stride
        // As above: the copy an Array's copy-on-write would make, and it would trap the same way.
        guard let raw = calloc(max(other.count, 1), stride) else { fatalError("calloc(\(other.count), sizeof(struct page)) == NULL") } // trap-ok: host out of memory (above)
        base = raw.bindMemory(to: PageFrame.self, capacity: max(other.count, 1))
        count = other.count
        var at = 0
        for r in implicit.runs.sorted(by: { $0.start < $1.start }) + [ImplicitFrames.Run(start: count, count: 0, state: .tail)] {
            if r.start > at { (base + at).update(from: other.base + at, count: r.start - at) }
            at = max(at, r.start + r.count)
        }
    }

    /// Writes `runs`' frames into storage.
    func writeOut(_ runs: [ImplicitFrames.Run]) {
        for r in runs {
            if r.headOrder > 0 {
                writeHeads(of: r, from: r.start, to: r.start + r.count)
            } else {
                (base + r.start).update(repeating: ImplicitFrames.frame(r.state), count: r.count)
            }
        }
    }

    /// A run of free blocks' heads from `lo` to `hi` (block boundaries) into storage; the tails between are zero
    /// there already (storage under a run is never written but by this).
    func writeHeads(of r: ImplicitFrames.Run, from lo: Int, to hi: Int) {
        for pfn in stride(from: lo, to: hi, by: 1 << Int(r.headOrder)) { base[pfn] = r.frame(at: pfn) }
    }

    /// The same for bulk readers, once per buffer.
    func writeOutOnce(_ runs: [ImplicitFrames.Run]) {
        runsWritten.withLock { written in
            if !written { writeOut(runs) }
            written = true
        }
    }

    deinit { free(base) }

    static let empty = FrameBuffer(zeroed: 0)
}

// A failed test prints the value: a count, not millions of frames.
extension FrameStore: CustomStringConvertible, CustomReflectable {
    public var description: String { "FrameStore(\(buffer.count) frames)" }
    public var customMirror: Mirror { Mirror(self, children: ["count": buffer.count]) }
}

/// A flat buffer of the page allocator's numbers (free list ends, pcp lists, zone counters) whose writes undo can
/// journal, as `FrameStore` journals the frames: while a journal is open, each write first records the old value.
///
/// Why: undo keeps the kernel as it was before each command. Shared copy-on-write, these buffers were copied by the
/// command's first write and freed when the snapshot aged out — an allocation, a memcpy and a free per buffer per
/// script line, a third of a line's cost. Journalled, a command costs the few numbers it changed.
public struct JournaledSlots<Word: FixedWidthInteger & Sendable & Codable>: Sendable {
    @usableFromInline var values: ContiguousArray<Word>
    /// Old values of slots written while undo is on, oldest first, the first at position `journalBase` (see
    /// `UndoLog`); nil when undo is off.
    @usableFromInline var journal: [SlotWrite<Word>]?
    @usableFromInline var journalBase = 0

    public init(repeating v: Word, count: Int) { values = ContiguousArray(repeating: v, count: count) }
    /// No slots: the shared empty storage, no allocation (undo's snapshot holds these in place of the kernel's).
    public init() { values = ContiguousArray() }

    @inline(__always) public var count: Int { values.count }

    @inline(__always) public subscript(i: Int) -> Word {
        get { values[i] }
        set {
            if _slowPath(journal != nil) { record(i) }
            values[i] = newValue
        }
    }

    /// Adds `d0` to slot `i0` and `d1` to slot `i1` behind one uniqueness check (a subscript write is one each): the
    /// hot path's counters move together.
    @inline(__always) mutating func add(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int) {
        if _slowPath(journal != nil) { record(i0); record(i1) }
        values.withUnsafeMutableBufferPointer { b in
            b[i0] &+= d0
            b[i1] &+= d1
        }
    }

    /// The same for four slots.
    @inline(__always) mutating func add(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int, _ d2: Word, at i2: Int,
                                        _ d3: Word, at i3: Int) {
        if _slowPath(journal != nil) { record(i0); record(i1); record(i2); record(i3) }
        values.withUnsafeMutableBufferPointer { b in
            b[i0] &+= d0
            b[i1] &+= d1
            b[i2] &+= d2
            b[i3] &+= d3
        }
    }

    /// Writes behind one uniqueness check: `body` gets the storage. The slots it may write are named first, for an
    /// open journal (one it leaves as it was records its own value, which undo puts back unchanged).
    @inline(__always) mutating func update<R>(_ i0: Int, _ i1: Int, _ i2: Int, _ i3: Int,
                                              _ body: (UnsafeMutableBufferPointer<Word>) -> R) -> R {
        if _slowPath(journal != nil) { record(i0); record(i1); record(i2); record(i3) }
        return values.withUnsafeMutableBufferPointer { b in body(b) }
    }

    /// Logs slot `i`'s old value. Out of line: only undo's log pays for it.
    @inline(never) @usableFromInline mutating func record(_ i: Int) {
        journal!.append(SlotWrite(index: Int32(truncatingIfNeeded: i), old: values[i]))
    }

    /// Starts (or goes on) logging; the position the next write is logged at (see `UndoLog`).
    mutating func openJournal() -> Int {
        if journal == nil { journal = [] }
        return journalPosition
    }

    /// The position after the last write logged.
    var journalPosition: Int { UndoLog.end(journal, base: journalBase) }

    /// Stops logging and lets the log go (undo is off).
    mutating func stopJournal() {
        journal = nil
        journalBase = 0
    }

    /// Lets go of the writes before position `p` (see `UndoLog.forget`).
    @inline(__always) mutating func forgetJournal(before p: Int) {
        if UndoLog.mayForget(journal, base: journalBase, before: p) { UndoLog.forget(&journal, base: &journalBase, before: p) }
    }

    /// Puts back the old values of the writes from position `p` on, newest first; `recording` as for
    /// `FrameStore.revert(from:recording:)`.
    mutating func revert(from p: Int, recording: Bool) {
        guard var log = journal else { return }
        let first = UndoLog.index(of: p, in: log, base: journalBase)
        if !recording { journal = nil }
        for w in log[first...].reversed() where Int(w.index) < values.count { self[Int(w.index)] = w.old }
        if !recording {
            log.removeSubrange(first...)
            journal = log
        }
    }
}

/// One journalled write: the slot's value before it.
public struct SlotWrite<Word: FixedWidthInteger & Sendable>: Sendable, Equatable {
    public var index: Int32
    public var old: Word
}

// The values are the state; an open journal is bookkeeping. Saved as the bare array, as the buffer was before.
extension JournaledSlots: Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.values == b.values }
}

extension JournaledSlots: Codable {
    public init(from decoder: any Decoder) throws { values = try ContiguousArray(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try values.encode(to: encoder) }
}

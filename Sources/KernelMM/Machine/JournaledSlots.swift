/// A flat buffer of the page allocator's numbers (free list ends, pcp lists, zone counters) whose writes undo can
/// journal, as `FrameStore` journals the frames: while a journal is open, each write first records the old value.
///
/// Why: undo keeps the kernel as it was before each command. Shared copy-on-write, these buffers were copied by the
/// command's first write and freed when the snapshot aged out — an allocation, a memcpy and a free per buffer per
/// script line, a third of a line's cost. Journalled, a command costs the few numbers it changed.
public struct JournaledSlots<Word: FixedWidthInteger & Sendable & Codable>: Sendable {
    @usableFromInline var buffer: SlotBuffer
    /// Old values of slots written while undo is on (see `UndoLog`).
    @usableFromInline var journal = UndoLog<SlotWrite<Word>>()

    public init(repeating v: Word, count: Int) { buffer = SlotBuffer(repeating: v, count: count) }
    /// No slots: the shared empty storage, no allocation (undo's snapshot holds these in place of the kernel's).
    public init() { buffer = SlotBuffer.empty }

    @inline(__always) public var count: Int { buffer.count }
    @inline(__always) @usableFromInline var base: UnsafeMutablePointer<Word> { buffer.base.assumingMemoryBound(to: Word.self) }

    @inline(__always) public subscript(i: Int) -> Word {
        get {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: buffer.count), "index beyond slots")
            return base[i]
        }
        set {
            makeUnique()
            precondition(UInt(bitPattern: i) < UInt(bitPattern: buffer.count), "index beyond slots")
            if _slowPath(journal.isOn) { record(i) }
            base[i] = newValue
        }
    }

    /// Storage of our own, for the page allocator's writes through its stores (`AllocatorStores`): it checks once per
    /// operation rather than once per write (the check is a runtime call). Nothing may copy the store between the two
    /// (the tests' debug build checks on every write).
    @inline(__always) mutating func makeUnique() {
        if _slowPath(!isKnownUniquelyReferenced(&buffer)) { buffer = SlotBuffer(copying: buffer) }
    }

    /// The same, with its undo log too when on, for `recordOwned` (what the allocator's rarer paths call before
    /// writing a store the fast path did not take; `Kernel.ownAllocatorStores` takes the logs with one test).
    mutating func makeUniqueWithJournal() {
        makeUnique()
        journal.makeUnique()
    }

    /// Adds `d0` to slot `i0` and `d1` to slot `i1`.
    @inline(__always) mutating func add(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int) {
        self[i0] &+= d0
        self[i1] &+= d1
    }

    /// The tests' debug build checks that `makeUnique()` came before a write through the stores.
    @inline(__always) mutating func assertOwned() {
        #if DEBUG
        precondition(isKnownUniquelyReferenced(&buffer), "write through AllocatorStores before makeUnique()")
        #endif
    }

    /// Logs slot `i`'s old value. Out of line: only undo's log pays for it.
    @inline(never) @usableFromInline mutating func record(_ i: Int) {
        guard journal.isOn else { return }
        journal.append(SlotWrite(index: Int32(truncatingIfNeeded: i), old: base[i]))
    }

    /// The same for the page allocator's writes, undo on, after the log was made ours (see
    /// `UndoLog.appendOwned`). Out of line, as `FrameStore.recordOldOwned` is.
    @inline(never) @usableFromInline mutating func recordOwned(_ i: Int) {
        journal.appendOwned(SlotWrite(index: Int32(truncatingIfNeeded: i), old: base[i]))
    }

    /// Puts back the old values of the writes from position `p` on, newest first; `recording` as for
    /// `UndoLog.beginRevert`.
    mutating func revert(from p: Int, recording: Bool) {
        guard let (log, first) = journal.beginRevert(from: p, recording: recording) else { return }
        for i in stride(from: log.count - 1, through: first, by: -1) {
            let w = log[i]
            if Int(w.index) < count { self[Int(w.index)] = w.old }
        }
        journal.endRevert(log, first: first, recording: recording)
    }
}

/// One journalled write: the slot's value before it.
public struct SlotWrite<Word: FixedWidthInteger & Sendable>: Sendable, Equatable {
    public var index: Int32
    public var old: Word
}

// The values are the state; an open journal is bookkeeping. Saved as the bare array, as the buffer was before.
extension JournaledSlots: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.buffer === b.buffer || (a.count == b.count && (0..<a.count).allSatisfy { a.base[$0] == b.base[$0] })
    }
}

extension JournaledSlots: Codable {
    public init(from decoder: any Decoder) throws {
        let words = try ContiguousArray<Word>(from: decoder)
        buffer = words.withUnsafeBufferPointer { SlotBuffer($0) }
    }
    public func encode(to encoder: any Encoder) throws {
        try withExtendedLifetime(buffer) { try ContiguousArray(UnsafeBufferPointer(start: base, count: count)).encode(to: encoder) }
    }
}

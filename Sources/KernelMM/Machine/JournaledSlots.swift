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
            self[owned: i] = newValue
        }
    }

    /// Storage of our own, for the `owned:` writes that follow: the page allocator checks once per operation
    /// rather than once per write (the check is a runtime call). Nothing may copy the store between the two (the
    /// tests' debug build checks on every write).
    @inline(__always) mutating func makeUnique() {
        if _slowPath(!isKnownUniquelyReferenced(&buffer)) { buffer = SlotBuffer(copying: buffer) }
    }

    /// A write after `makeUnique()`, journalled as any other.
    @inline(__always) subscript(owned i: Int) -> Word {
        get { self[i] }
        set {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: buffer.count), "index beyond slots")
            assertOwned()
            if _slowPath(journal.isOn) { record(i) }
            base[i] = newValue
        }
    }

    /// Adds `d0` to slot `i0` and `d1` to slot `i1` behind one uniqueness check: the hot path's counters move together.
    @inline(__always) mutating func add(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int) {
        makeUnique()
        addOwned(d0, at: i0, d1, at: i1)
    }

    /// The same after `makeUnique()`: the slots journalled first, then written through one pointer (a write through
    /// a pointer makes the compiler reload the store's fields before the next one).
    @inline(__always) mutating func addOwned(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int) {
        precondition(UInt(bitPattern: i0) < UInt(bitPattern: buffer.count) && UInt(bitPattern: i1) < UInt(bitPattern: buffer.count),
                     "index beyond slots")
        assertOwned()
        if _slowPath(journal.isOn) { record(i0); record(i1) }
        let b = base
        b[i0] &+= d0
        b[i1] &+= d1
    }

    /// The tests' debug build checks that `makeUnique()` came first.
    @inline(__always) mutating func assertOwned() {
        #if DEBUG
        precondition(isKnownUniquelyReferenced(&buffer), "owned: before makeUnique()")
        #endif
    }

    /// The same for four slots.
    @inline(__always) mutating func add(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int, _ d2: Word, at i2: Int,
                                        _ d3: Word, at i3: Int) {
        makeUnique()
        addOwned(d0, at: i0, d1, at: i1, d2, at: i2, d3, at: i3)
    }

    /// The same after `makeUnique()`.
    @inline(__always) mutating func addOwned(_ d0: Word, at i0: Int, _ d1: Word, at i1: Int, _ d2: Word, at i2: Int,
                                             _ d3: Word, at i3: Int) {
        let n = UInt(bitPattern: buffer.count)
        precondition(UInt(bitPattern: i0) < n && UInt(bitPattern: i1) < n && UInt(bitPattern: i2) < n && UInt(bitPattern: i3) < n,
                     "index beyond slots")
        assertOwned()
        if _slowPath(journal.isOn) { record(i0); record(i1); record(i2); record(i3) }
        let b = base
        b[i0] &+= d0
        b[i1] &+= d1
        b[i2] &+= d2
        b[i3] &+= d3
    }

    /// Logs slot `i`'s old value. Out of line: only undo's log pays for it.
    @inline(never) @usableFromInline mutating func record(_ i: Int) {
        journal.append(SlotWrite(index: Int32(truncatingIfNeeded: i), old: base[i]))
    }

    /// Puts back the old values of the writes from position `p` on, newest first; `recording` as for
    /// `UndoLog.beginRevert`.
    mutating func revert(from p: Int, recording: Bool) {
        guard let (log, first) = journal.beginRevert(from: p, recording: recording) else { return }
        for w in log[first...].reversed() where Int(w.index) < count { self[Int(w.index)] = w.old }
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

/// A flat buffer of the page allocator's numbers (free list ends, pcp lists, zone counters) whose writes undo can
/// journal, as `FrameStore` journals the frames: while a journal is open, each write first records the old value.
///
/// Why: undo keeps the kernel as it was before each command. Shared copy-on-write, these buffers were copied by the
/// command's first write and freed when the snapshot aged out — an allocation, a memcpy and a free per buffer per
/// script line, a third of a line's cost. Journalled, a command costs the few numbers it changed.
public struct JournaledSlots<Word: FixedWidthInteger & Sendable & Codable>: Sendable {
    @usableFromInline var values: ContiguousArray<Word>
    /// Old values of slots written since `openJournal()`, oldest first; nil when no journal is open.
    @usableFromInline var journal: [SlotWrite<Word>]?

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

    /// Journals slot `i`'s old value. Out of line: only undo's journal pays for it.
    @inline(never) @usableFromInline mutating func record(_ i: Int) {
        // Room for what one allocation or free writes here (a list's ends and counts, the counters), on the first write.
        if journal!.capacity == 0 { journal!.reserveCapacity(8) }
        journal!.append(SlotWrite(index: Int32(truncatingIfNeeded: i), old: values[i]))
    }

    /// Starts recording into `spare`'s storage (taken, emptied, capacity kept). An empty array is no allocation, so
    /// a command that writes none of these costs nothing.
    mutating func openJournal(into spare: inout [SlotWrite<Word>]) { journal = takeEmptied(&spare) }

    /// Stops recording; the writes since `openJournal()`, oldest first (empty when none was open).
    mutating func closeJournal() -> [SlotWrite<Word>] {
        defer { journal = nil }
        return journal ?? []
    }

    /// Puts back the old values `writes` recorded, newest first (an open journal records these writes too).
    mutating func revert(_ writes: [SlotWrite<Word>]) {
        for w in writes.reversed() where Int(w.index) < values.count { self[Int(w.index)] = w.old }
    }
}

/// `spare`'s storage as an empty array, capacity kept, leaving `spare` empty: the journals' reuse of the arrays of
/// the undo entry let go (taken, not copied, so that emptying it does not reallocate).
func takeEmptied<T>(_ spare: inout [T]) -> [T] {
    var a: [T] = []
    swap(&a, &spare)
    a.removeAll(keepingCapacity: true)
    return a
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

import KernelMM

/// The commands `undo` can take back, oldest first, at most `limit` of them: a ring, so that keeping one more
/// command once the history is full overwrites the oldest in place rather than shifting the rest down (every
/// script line that changes the kernel does this).
struct UndoHistory: RandomAccessCollection, Sendable {
    private var slots: [UndoEntry] = []
    /// Where the oldest entry is in `slots` (0 until the ring is full and wraps).
    private var start = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { slots.count }
    subscript(i: Int) -> UndoEntry {
        let j = start + i
        return slots[j < slots.count ? j : j - slots.count]
    }

    /// The newest entry's kernel snapshot, read in place (`last` would copy the whole entry first).
    var newestSnapshot: KernelSnapshot? {
        guard !slots.isEmpty else { return nil }
        return slots[start == 0 ? slots.count - 1 : start - 1].before.snapshot
    }

    /// Where the oldest entry's logs stood, read in place (`first` would copy the whole entry).
    var oldestBefore: (variablesMark: Int, journal: UndoLogPosition)? {
        guard !slots.isEmpty else { return nil }
        return (slots[start].before.variablesMark, slots[start].before.journal)
    }

    /// Keeps `entry` as the newest; true when that left more than `limit` and the oldest went (the entry itself goes
    /// here, where its type is known: dropping an optional entry outside went through generic value witnesses).
    @discardableResult
    mutating func append(_ entry: consuming UndoEntry, limit: Int) -> Bool {
        if slots.count < limit {
            if start != 0 { straighten() }
            slots.append(entry)
            return false
        }
        // Full (or the limit was lowered): the oldest goes, the rest shift only when the ring's size changes.
        if slots.count > limit { straighten(); slots.removeFirst(slots.count - limit) }
        guard limit > 0 else { return true }
        var dropped = consume entry
        swap(&dropped, &slots[start])
        start = start + 1 == slots.count ? 0 : start + 1
        return true
    }

    /// Lets go of the newest `k` entries.
    mutating func removeLast(_ k: Int) {
        straighten()
        slots.removeLast(k)
    }

    mutating func removeAll() {
        slots = []
        start = 0
    }

    /// The entries in order from slot 0, so that the array's own order is the history's.
    private mutating func straighten() {
        guard start != 0 else { return }
        slots = Array(slots[start...] + slots[..<start])
        start = 0
    }
}

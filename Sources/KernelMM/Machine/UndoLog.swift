/// The bookkeeping `FrameStore` and `JournaledSlots` share for their undo logs.
///
/// A store's log is one array of old values, in write order, that stays open for as long as undo is on: a command
/// notes where the log stood when it began (a position), and undoing commands puts back every write from the oldest
/// one's position on, newest first. Positions count writes since the log began, so they survive the log dropping its
/// front when undo lets its oldest command go. Keeping one log, rather than an array per command taken from the entry
/// undo let go, emptied and handed back, makes opening and closing a command's journal a few loads.
///
/// Writes by commands undo does not keep stay in the log between the kept ones: reverting a suffix of the log
/// newest first gives back the state at its first position whatever wrote after it.
enum UndoLog {
    /// The position after the last write in `log` (whose first write is at `base`).
    @inline(__always) static func end<W>(_ log: [W]?, base: Int) -> Int { base &+ (log?.count ?? 0) }

    /// Where position `p` is in `log`, within it.
    @inline(__always) static func index<W>(of p: Int, in log: [W], base: Int) -> Int {
        min(max(p - base, 0), log.count)
    }

    /// Whether `forget` would let any write go: the writes before `p` are at least half the log (moving the rest down
    /// then costs no more than the writes logged since the last time). Inline, since a command mostly finds not.
    @inline(__always) static func mayForget<W>(_ log: [W]?, base: Int, before p: Int) -> Bool {
        guard let c = log?.count else { return false }
        let n = p &- base
        return n > 0 && n &+ n >= c
    }

    /// Lets go of the writes before position `p`: no command undo keeps starts before it.
    @inline(never) static func forget<W>(_ log: inout [W]?, base: inout Int, before p: Int) {
        guard mayForget(log, base: base, before: p) else { return }
        let n = index(of: p, in: log!, base: base)
        log!.removeFirst(n)
        base += n
    }
}

/// Where each journalled store's undo log stood (see `UndoLog`): at the start of a command, what `undo` reverts to.
public struct UndoLogPosition: Sendable, Equatable {
    public internal(set) var frames: Int
    public internal(set) var freeLists: Int
    public internal(set) var pcpLists: Int
    public internal(set) var counters: Int
}

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
    @usableFromInline var writes: [Write]?
    @usableFromInline var base = 0

    @usableFromInline init() {}

    /// Whether writes are logged (the stores' write paths test this first).
    @inline(__always) @usableFromInline var isOn: Bool { writes != nil }

    /// The position after the last write logged.
    var position: Int { base &+ (writes?.count ?? 0) }

    /// Logs `w`; only while on.
    @inline(__always) @usableFromInline mutating func append(_ w: Write) { writes!.append(w) }

    /// Starts (or goes on) logging; the position the next write is logged at.
    mutating func start() -> Int {
        if writes == nil { writes = [] }
        return position
    }

    /// Stops logging and lets the log go (undo is off).
    mutating func stop() {
        writes = nil
        base = 0
    }

    /// Where position `p` is in `log`, within it.
    private func index(of p: Int, in log: [Write]) -> Int { min(max(p - base, 0), log.count) }

    /// The writes logged from position `p` on, oldest first.
    func writes(from p: Int) -> ArraySlice<Write> {
        guard let log = writes else { return [] }
        return log[index(of: p, in: log)...]
    }

    /// Lets go of the writes before position `p` (no command undo keeps starts before it) once they are at least half
    /// the log: moving the rest down then costs no more than the writes logged since the last time. The test is
    /// inline, since a command mostly finds nothing to let go.
    @inline(__always) mutating func forget(before p: Int) {
        guard let c = writes?.count else { return }
        let n = p &- base
        if n > 0 && n &+ n >= c { dropFront(before: p) }
    }

    @inline(never) private mutating func dropFront(before p: Int) {
        let n = index(of: p, in: writes!)
        writes!.removeFirst(n)
        base += n
    }

    /// The log taken out for reverting the writes from position `p` on (`log[first...]`, newest last); `endRevert`
    /// puts it back. `recording`: the reverting writes are logged as any others (a command that undoes, so that
    /// undoing it is itself exact); otherwise nothing is logged until `endRevert`, which ends the log at `p` again.
    mutating func beginRevert(from p: Int, recording: Bool) -> (log: [Write], first: Int)? {
        guard let log = writes else { return nil }
        if !recording { writes = nil }
        return (log, index(of: p, in: log))
    }

    mutating func endRevert(_ log: consuming [Write], first: Int, recording: Bool) {
        guard !recording else { return }
        var log = log
        log.removeSubrange(first...)
        writes = log
    }
}

/// Where each journalled store's undo log stood (see `UndoLog`): at the start of a command, what `undo` reverts to.
public struct UndoLogPosition: Sendable, Equatable {
    public internal(set) var frames: Int
    public internal(set) var freeLists: Int
    public internal(set) var pcpLists: Int
    public internal(set) var counters: Int
}

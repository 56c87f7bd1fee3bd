/// The session's named results (`$p`, `$_`), and, while undo is on, a log of the old value of each name written, so
/// that `undo` can put back the variables as they were before any command it keeps.
///
/// A log rather than a copy of the table per kept command: a kept copy shared the table's storage, so the next
/// assignment copied the whole table, and every script line that returns a value assigns `$_`.
struct ShellVariables: Sendable {
    private(set) var values: [String: ShellValue] = [:]
    /// Writes, oldest first, each with the value it replaced. Only the first write of a name after the latest mark
    /// is logged: going back to a mark needs the oldest value after it, and a loop of C writing one name does not
    /// grow the log.
    private(set) var log: [VariableWrite] = []
    /// The position of log[0] among all writes logged (the log's front is let go as undo lets go of commands).
    private var logBase = 0
    /// Where the latest mark is (see `mark()`).
    private var latestMark = 0
    /// Off when undo is off: nothing is logged.
    var logging = false

    subscript(name: String) -> ShellValue? {
        get { values[name] }
        set {
            // One hash of the name: the write hands back the value it replaced.
            let old = if let newValue { values.updateValue(newValue, forKey: name) } else { values.removeValue(forKey: name) }
            if logging, !loggedSinceMark(name) { log.append(.one(name, old)) }
        }
    }

    /// Replaces every variable (load, a reboot, `x = undo`).
    mutating func replaceAll(with new: [String: ShellValue]) {
        if logging { log.append(.all(values)) }
        values = new
    }

    /// A position to go back to: the variables as they are now (taken before a command undo may keep), and the
    /// mark before it (for `unmark`).
    mutating func mark() -> (mark: Int, previous: Int) {
        let previous = latestMark
        latestMark = logBase + log.count
        return (latestMark, previous)
    }

    /// `mark` was not kept (its command changed nothing undo keeps): `previous` is the latest mark again, and the
    /// writes logged after `mark` that repeat a name logged since `previous` go, so that commands undo does not keep
    /// do not grow the log.
    mutating func unmark(_ mark: Int, previous: Int) {
        // Only on the log the mark was taken on, with no mark since: a table put back whole meanwhile (`lesson quit`
        // gives the learner's back) has marks of its own, and extra entries are only longer, never wrong.
        guard latestMark == mark else { return }
        let start = mark - logBase
        latestMark = previous
        guard start >= 0, start < log.count else { return }
        let after = Array(log[start...])
        log.removeSubrange(start...)
        for w in after {
            if case .one(let name, _) = w, loggedSinceMark(name) { continue }
            log.append(w)
        }
    }

    /// The variables as they were at `mark`.
    func values(at mark: Int) -> [String: ShellValue] {
        var v = values
        for w in log[logIndex(mark)...].reversed() {
            switch w {
            case .one(let name, let old): v[name] = old
            case .all(let old): v = old
            }
        }
        return v
    }

    /// Back to the variables as they were at `mark`; what was logged after it goes.
    mutating func revert(to mark: Int) {
        values = values(at: mark)
        log.removeSubrange(logIndex(mark)...)
        latestMark = logBase + log.count
    }

    /// Nothing before `mark` will be gone back to: its part of the log may go (in batches, so that letting go of one
    /// command a line does not shift the log each time).
    @inline(__always) mutating func forget(before mark: Int) {
        let n = mark - logBase
        if n > 0, n >= 64 || n == log.count { forgetFront(n) }
    }

    @inline(never) private mutating func forgetFront(_ n: Int) {
        guard n <= log.count else { return }
        log.removeFirst(n)
        logBase += n
    }

    /// Everything logged goes (undo turned off, or its history cleared).
    mutating func forgetAll() {
        logBase += log.count
        log.removeAll(keepingCapacity: true)
        latestMark = logBase
    }

    /// Where `mark` is in the log, within its bounds.
    private func logIndex(_ mark: Int) -> Int { min(max(mark - logBase, 0), log.count) }

    private func loggedSinceMark(_ name: String) -> Bool {
        var i = log.count - 1
        let stop = max(latestMark - logBase, 0)
        while i >= stop {
            switch log[i] {
            case .one(let n, _) where n == name: return true
            case .all: return true
            default: i -= 1
            }
        }
        return false
    }
}

/// One logged write to the session's variables: the name and its value before (nil: it was not set), or all of them.
enum VariableWrite: Sendable {
    case one(String, ShellValue?)
    case all([String: ShellValue])
}

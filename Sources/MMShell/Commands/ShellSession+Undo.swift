import KernelMM

/// The session before a command, minus the struct pages: boxed, so that keeping, moving and dropping one costs a
/// retain, not a copy of the Kernel value's few hundred bytes and dozens of references (once per script line).
final class UndoSnapshot: Sendable {
    /// The kernel before the command, without frames (`Kernel.snapshotWithoutFrames()`).
    let kernel: Kernel
    let variables: [String: ShellValue]
    let line: String
    init(kernel: Kernel, variables: [String: ShellValue], line: String) {
        self.kernel = kernel
        self.variables = variables
        self.line = line
    }
}

/// One command `undo` can take back: the session before it, minus the struct pages, and the old value of each frame
/// it wrote (a journal), so that a kept command costs what it changed, not what the machine holds.
struct UndoEntry: Sendable {
    var before: UndoSnapshot
    var frameWrites: [FrameWrite]
    var kernel: Kernel { before.kernel }
    var line: String { before.line }
}

/// The state before a command that may change something, while it runs.
struct UndoPoint: Sendable {
    var before: UndoSnapshot
    var epoch: UInt64
}

extension ShellSession {
    /// How many commands `undo` keeps.
    var undoLimit: Int { settings.undoDepth }

    /// Opens an undo point before a command that may change the kernel or assign a variable; nil when undo is off, the
    /// command cannot change state, or a point is already open (the commands a line of C or a module's init makes
    /// belong to that line's point).
    mutating func openUndo(mutates: Bool, assigns: Bool, line: String) -> UndoPoint? {
        guard settings.undoDepth > 0, mutates || assigns, !undoOpen else { return nil }
        undoEpoch &+= 1
        undoOpen = true
        let point = UndoPoint(before: UndoSnapshot(kernel: kernel.snapshotWithoutFrames(), variables: variables, line: line.trimmingWhitespace()),
                              epoch: undoEpoch)
        kernel.openFrameJournal(epoch: undoEpoch)
        return point
    }

    /// Closes `point`. `keep` false for a command that failed before changing anything. The command is kept if it
    /// wrote a frame, changed anything else in the kernel (the clock and the narration aside) or assigned a variable,
    /// so `undo` takes back exactly that command and no more. A command that replaced the machine (boot, a lesson)
    /// is not kept: the reboot has cleared what undo held.
    mutating func closeUndo(_ point: UndoPoint?, keep: Bool, assigned: Bool) {
        guard let point else { return }
        undoOpen = false
        guard let writes = kernel.closeFrameJournal(epoch: point.epoch), keep else { return }
        if writes.isEmpty && !assigned {
            var now = kernel.snapshotWithoutFrames()
            now.clock = point.before.kernel.clock
            now.restoreExplanation(point.before.kernel.explanation)
            guard now != point.before.kernel else { return }
        }
        undoStack.append(UndoEntry(before: point.before, frameWrites: writes))
        if undoStack.count > undoLimit { undoStack.removeFirst(undoStack.count - undoLimit) }
    }

    /// `undo N`: back to the state before the last N recorded commands; returns their lines, oldest first.
    mutating func undo(_ n: Int) -> [String] {
        let k = min(n, undoStack.count)
        guard k > 0 else { return [] }
        let taken = undoStack.suffix(k)
        let oldest = taken[taken.startIndex]
        undoStack.removeLast(k)
        kernel.restore(oldest.kernel, undoing: taken.map(\.frameWrites))
        variables = oldest.before.variables
        return taken.map(\.line)
    }
}

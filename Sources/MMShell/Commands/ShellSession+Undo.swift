import KernelMM

/// The session before a command: the kernel minus the journalled stores (`Kernel.undoSnapshot()`), boxed and shared
/// by consecutive commands that change only those stores and the scalars (`Kernel.undoScalars`, which make it this
/// command's), so that keeping a script line costs a retain, not a copy of the Kernel value's few hundred bytes and
/// two dozen references; where the kernel's and the variables' undo logs stood; the line as typed.
struct UndoBefore: Sendable {
    var snapshot: KernelSnapshot
    var scalars: UndoScalars
    /// `Kernel.openUndoJournal`: reverting the stores' logs to it gives their state back.
    var journal: UndoLogPosition
    /// `ShellVariables.mark()`: reverting the log to it gives the variables back.
    var variablesMark: Int
    /// The line untrimmed (the reader's own string, kept rather than copied), trimmed when `undo` names it.
    var text: String
    /// The kernel before the command, without its journalled stores.
    var kernel: Kernel { Kernel.undoState(snapshot.kernel, scalars) }
}

/// One command `undo` can take back: the session before it, minus the journalled stores, whose writes since are in
/// the kernel's undo logs, so that a kept command costs what it changed, not what the machine holds.
struct UndoEntry: Sendable {
    var before: UndoBefore
    var kernel: Kernel { before.kernel }
    var line: String { before.text.trimmingWhitespace() }
}

/// An open undo point, while its command runs (what the session was before it is `ShellSession.openUndoBefore`).
struct UndoPoint: Sendable {
    var epoch: UInt64
    /// The variables' mark before this point's (see `ShellVariables.unmark`).
    var previousMark: Int
}

extension ShellSession {
    /// How many commands `undo` keeps.
    var undoLimit: Int { settings.undoDepth }

    /// Opens an undo point before a command that may change the kernel or assign a variable; nil when undo is off, the
    /// command cannot change state, or a point is already open (the commands a line of C or a module's init makes
    /// belong to that line's point).
    mutating func openUndo(mutates: Bool, assigns: Bool, line: String) -> UndoPoint? {
        guard settings.undoDepth > 0 else {
            if variableStore.logging { variableStore.logging = false; variableStore.forgetAll() }
            if kernel.isUndoLogging { kernel.stopUndoJournal() }
            return nil
        }
        guard mutates || assigns, !undoOpen else { return nil }
        undoEpoch &+= 1
        let journal = kernel.openUndoJournal(epoch: undoEpoch)
        // Nothing kept: no write so far can be gone back before.
        if undoStack.isEmpty {
            variableStore.forgetAll()
            kernel.forgetUndoJournal(before: journal)
        }
        variableStore.logging = true
        // The last kept command's snapshot, when it still stands for this kernel (see `Kernel.isUndoSnapshot`).
        let snapshot: KernelSnapshot
        if let last = undoStack.newestSnapshot, kernel.isUndoSnapshot(last) {
            snapshot = last
        } else {
            snapshot = KernelSnapshot(kernel.undoSnapshot())
        }
        let marks = variableStore.mark()
        openUndoBefore = UndoBefore(snapshot: snapshot, scalars: kernel.undoScalars, journal: journal, variablesMark: marks.mark,
                                    text: line)
        return UndoPoint(epoch: undoEpoch, previousMark: marks.previous)
    }

    /// Closes `point`. `keep` false for a command that failed before changing anything. The command is kept if it
    /// wrote a frame, changed anything else in the kernel (the clock and the narration aside) or assigned a variable,
    /// so `undo` takes back exactly that command and no more. A command that replaced the machine (boot, a lesson)
    /// is not kept: the reboot has cleared what undo held.
    mutating func closeUndo(_ point: UndoPoint?, keep: Bool, assigned: Bool, changed: Bool = false) {
        guard let point, let before = openUndoBefore.take() else { return }
        guard let end = kernel.closeUndoJournal(epoch: point.epoch), keep else {
            variableStore.unmark(before.variablesMark, previous: point.previousMark)
            return
        }
        #if DEBUG
        // The tests hold every command that says it changed the kernel to it (its journalled stores or the rest).
        if changed {
            precondition(end != before.journal || kernelChanged(since: before.kernel), "unchanged by a command that said it changed: \(before.text)")
        }
        #endif
        if end == before.journal && !assigned && !changed && !kernelChanged(since: before.kernel) {
            variableStore.unmark(before.variablesMark, previous: point.previousMark)
            return
        }
        // The entry let go took the oldest writes the logs must keep with it. `before` is moved into the history, not
        // copied: a copy was a retain of the snapshot and the line, and dropping this binding their release.
        if undoStack.append(UndoEntry(before: consume before), limit: undoLimit), let oldest = undoStack.oldestBefore {
            variableStore.forget(before: oldest.variablesMark)
            kernel.forgetUndoJournal(before: oldest.journal)
        }
    }

    /// Whether the kernel differs from `was` in anything but the clock and the narration.
    private mutating func kernelChanged(since was: Kernel) -> Bool {
        var now = kernel.undoSnapshot()
        now.clock = was.clock
        now.restoreExplanation(was.explanation)
        return now != was
    }

    /// `undo N`: back to the state before the last N recorded commands; returns their lines, oldest first.
    mutating func undo(_ n: Int) -> [String] {
        let k = min(n, undoStack.count)
        guard k > 0 else { return [] }
        let taken = Array(undoStack.suffix(k))
        undoStack.removeLast(k)
        let oldest = taken[0]
        kernel.restore(oldest.before.snapshot.kernel, scalars: oldest.before.scalars, revertingFrom: oldest.before.journal,
                       recording: undoOpen)
        if undoOpen {
            // `x = undo` runs under a point of its own, which `undo` may keep: the whole table is one logged write
            // after its mark, rather than cutting the log back before it.
            variableStore.replaceAll(with: variableStore.values(at: oldest.before.variablesMark))
        } else {
            variableStore.revert(to: oldest.before.variablesMark)
        }
        return taken.map(\.line)
    }
}

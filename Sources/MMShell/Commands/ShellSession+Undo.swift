import KernelMM

/// The session before a command: the kernel minus the journalled stores (`Kernel.undoSnapshot()`), boxed and shared
/// by consecutive commands that change only those stores and the scalars (`Kernel.undoScalars`, which make it this
/// command's), so that keeping a script line costs a retain, not a copy of the Kernel value's few hundred bytes and
/// two dozen references; the variables and the line.
struct UndoBefore: Sendable {
    var snapshot: KernelSnapshot
    var scalars: UndoScalars
    var variables: [String: ShellValue]
    var line: String
    /// The kernel before the command, without its journalled stores.
    var kernel: Kernel { Kernel.undoState(snapshot.kernel, scalars) }
}

/// One command `undo` can take back: the session before it, minus the journalled stores, and the old value of each
/// frame and allocator slot it wrote (a journal), so that a kept command costs what it changed, not what the machine
/// holds.
struct UndoEntry: Sendable {
    var before: UndoBefore
    var journal: UndoJournal
    var kernel: Kernel { before.kernel }
    var line: String { before.line }
}

/// The state before a command that may change something, while it runs.
struct UndoPoint: Sendable {
    var before: UndoBefore
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
        // The last kept command's snapshot, when it still stands for this kernel (see `Kernel.isUndoSnapshot`).
        let snapshot: KernelSnapshot
        if let last = undoStack.last?.before.snapshot, kernel.isUndoSnapshot(last) {
            snapshot = last
        } else {
            snapshot = KernelSnapshot(kernel.undoSnapshot())
        }
        let before = UndoBefore(snapshot: snapshot, scalars: kernel.undoScalars, variables: variables, line: line.trimmingWhitespace())
        kernel.openUndoJournal(epoch: undoEpoch, reusing: spareJournal.take())
        return UndoPoint(before: before, epoch: undoEpoch)
    }

    /// Closes `point`. `keep` false for a command that failed before changing anything. The command is kept if it
    /// wrote a frame, changed anything else in the kernel (the clock and the narration aside) or assigned a variable,
    /// so `undo` takes back exactly that command and no more. A command that replaced the machine (boot, a lesson)
    /// is not kept: the reboot has cleared what undo held.
    mutating func closeUndo(_ point: UndoPoint?, keep: Bool, assigned: Bool) {
        guard let point else { return }
        undoOpen = false
        guard let journal = kernel.closeUndoJournal(epoch: point.epoch), keep else { return }
        if journal.isEmpty && !assigned {
            let before = point.before.kernel
            var now = kernel.undoSnapshot()
            now.clock = before.clock
            now.restoreExplanation(before.explanation)
            guard now != before else { return }
        }
        undoStack.append(UndoEntry(before: point.before, journal: journal))
        if undoStack.count > undoLimit {
            // The journal of the entry let go is the next command's (its arrays emptied, their storage kept).
            spareJournal = undoStack.first?.journal
            undoStack.removeFirst(undoStack.count - undoLimit)
        }
    }

    /// `undo N`: back to the state before the last N recorded commands; returns their lines, oldest first.
    mutating func undo(_ n: Int) -> [String] {
        let k = min(n, undoStack.count)
        guard k > 0 else { return [] }
        let taken = undoStack.suffix(k)
        let oldest = taken[taken.startIndex]
        undoStack.removeLast(k)
        kernel.restore(oldest.before.snapshot.kernel, scalars: oldest.before.scalars, undoing: taken.map(\.journal))
        variables = oldest.before.variables
        return taken.map(\.line)
    }
}

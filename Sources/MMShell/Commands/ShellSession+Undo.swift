import KernelMM

/// One command `undo` can take back: the session's state before it, and the line that changed it.
struct UndoEntry: Sendable {
    var kernel: Kernel
    var variables: [String: ShellValue]
    var line: String
}

extension ShellSession {
    /// Kept states cost a copy of every struct page each (the next change copies them), so a big machine keeps
    /// fewer: at most this many bytes of frames, and always at least one state.
    static let undoBudgetBytes = 512 << 20

    /// How many states `undo` keeps on this machine: `undoDepth`, fewer when the frames are large.
    var undoLimit: Int { Self.undoLimit(depth: settings.undoDepth, frames: kernel.frames.count) }

    static func undoLimit(depth: Int, frames: Int) -> Int {
        let perCopy = max(1, frames * MemoryLayout<PageFrame>.stride)
        return min(depth, max(1, undoBudgetBytes / perCopy))
    }

    /// The state before a command that may change something (the kernel, or a variable by assignment); nil when
    /// undo is off or the command cannot change state. Holding it costs nothing until the command writes a frame.
    func undoPoint(mutates: Bool, assigns: Bool, line: String) -> UndoEntry? {
        guard settings.undoDepth > 0, mutates || assigns else { return nil }
        return UndoEntry(kernel: kernel, variables: variables, line: line.trimmingWhitespace())
    }

    /// Keeps `point` if the command changed the kernel (the clock and the narration aside) or assigned a variable,
    /// so `undo` takes back exactly that command and no more.
    mutating func recordUndo(_ point: UndoEntry?, assigned: Bool) {
        guard let point else { return }
        var now = kernel
        now.clock = point.kernel.clock
        now.restoreExplanation(point.kernel.explanation)
        guard assigned || now != point.kernel else { return }
        undoStack.append(point)
        if undoStack.count > undoLimit { undoStack.removeFirst(undoStack.count - undoLimit) }
    }

    /// `undo N`: back to the state before the last N recorded commands; returns their lines, oldest first.
    mutating func undo(_ n: Int) -> [String] {
        let k = min(n, undoStack.count)
        guard k > 0 else { return [] }
        let taken = undoStack.suffix(k)
        let oldest = taken[taken.startIndex]
        undoStack.removeLast(k)
        kernel = oldest.kernel
        variables = oldest.variables
        return taken.map(\.line)
    }
}

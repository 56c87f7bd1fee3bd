// The interactive reader: libedit's native API with emacs keys, history, completion and Ctrl-C.
import CLibEditShims

/// Reads lines from a terminal through libedit.
///
/// Emacs key bindings, `~/.editrc` (or `$EDITRC`) honoured, Up/Down history, Ctrl-R incremental
/// search, Tab completion through `completionProvider`, UTF-8 editing. History is loaded from and
/// saved to `historyFile` when one is given. Ctrl-C while editing discards the line and returns
/// `.interrupted`; Ctrl-D on an empty line returns `.endOfInput`.
///
/// Ctrl-Z while editing stops the process with the terminal given back; after `fg` a fresh prompt is shown and
/// edited normally (the abandoned line is dropped, as with Ctrl-C).
///
/// The SIGINT/SIGWINCH/SIGTSTP handlers are installed only while `readLine` waits for input, so the
/// process keeps its own signal behaviour while a command runs.
public final class EditLineReader: LineReader {
    /// How many lines of history are kept (in memory and in the file).
    public static let historySize: Int32 = 1000

    /// Called on Tab with the text before the cursor. Without one, Tab just beeps.
    public var completionProvider: CompletionProvider?
    /// Where history is loaded from and saved to; nil keeps history for this session only.
    public let historyFile: String?

    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    /// Why history is not being saved (the file is not a history file, or saving failed), once; the caller shows
    /// it. Saving stops after the first problem so the message is not repeated and no other file is touched.
    public private(set) var historyProblem: HistoryProblem?
    private var historyReported = false

    /// Sets up libedit on standard input/output. Returns nil if libedit cannot initialise
    /// (callers then fall back to `PipeLineReader`). Use it only when `isTerminal(0)`.
    public init?(
        programName: String = "kmemsim",
        historyFile: String? = EditLineReader.defaultHistoryPath(),
        completionProvider: CompletionProvider? = nil
    ) {
        self.historyFile = historyFile
        self.completionProvider = completionProvider
        // libedit decodes input with the C locale functions; "C" would mangle UTF-8.
        kms_setlocale_ctype()
        guard let editLine = kms_el_init_stdio(programName) else { return nil }
        guard let history = kms_history_init() else {
            kms_el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        kms_history_setsize(history, Self.historySize)
        kms_history_setunique(history, 1)
        if let historyFile {
            // /dev/null is the usual way to say "no history"; anything else unsuitable is reported once.
            if historyFile != "/dev/null", let p = HistoryFile.problem(historyFile) { historyProblem = p }
            // A missing or unreadable file just means no earlier history.
            if historyProblem == nil { _ = kms_history_load(history, historyFile) }
        }
        kms_el_set_editor(editLine, "emacs")
        kms_el_set_history(editLine, history)
        kms_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        kms_el_addfn(editLine, "kms-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let reader = kms_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(reader).takeUnretainedValue().complete()
        }
        kms_el_bind(editLine, "^I", "kms-complete")
        kms_el_bind(editLine, "^R", "em-inc-search-prev")
        // Last, so the user's own bindings win over ours.
        kms_el_source(editLine, nil)
    }

    deinit {
        close()
    }

    public func readLine(prompt: String) -> LineReadResult {
        guard let editLine else { return .endOfInput }
        kms_el_set_prompt_string(editLine, prompt)
        kms_signals_install()
        defer { kms_signals_uninstall() }
        // A Ctrl-C from before the prompt was shown must not cancel this line.
        _ = kms_take_interrupt()
        kms_el_resize(editLine)
        var count: Int32 = 0
        let text = kms_el_gets(editLine, &count)
        if kms_take_interrupt() != 0 {
            // libedit left the cursor on the abandoned line; the next prompt starts below it.
            kms_el_write(editLine, "\n")
            return .interrupted
        }
        // Ctrl-Z, then fg: the line typed before it was abandoned (as with Ctrl-C); a fresh prompt follows.
        if kms_take_suspend() != 0 { return .interrupted }
        guard let text, count > 0 else {
            // End of input: end the prompt's line so whatever prints next starts cleanly.
            kms_el_write(editLine, "\n")
            return .endOfInput
        }
        var line = String(cString: text)
        while line.hasSuffix("\n") || line.hasSuffix("\r") {
            line.removeLast()
        }
        return .line(line)
    }

    /// Adds `line` to history (blank lines and repeats of the previous line are not kept)
    /// and saves the history file.
    public func addHistory(_ line: String) {
        guard let history, line.contains(where: { !$0.isWhitespace }) else { return }
        kms_history_enter(history, line)
        saveHistory()
    }

    /// Saves history and releases libedit. Further reads return `.endOfInput`. Safe to call twice.
    public func close() {
        saveHistory()
        if let editLine {
            kms_el_end(editLine)
        }
        if let history {
            kms_history_end(history)
        }
        editLine = nil
        history = nil
    }

    /// The problem with the history file if it has not been shown yet; nil after the first call.
    public func takeHistoryProblem() -> HistoryProblem? {
        guard let historyProblem, !historyReported else { return nil }
        historyReported = true
        return historyProblem
    }

    private func saveHistory() {
        guard let history, let historyFile, historyFile != "/dev/null", historyProblem == nil else { return }
        // Best effort: failing to save history must not disturb the session (the problem is shown once).
        guard createParentDirectory(of: historyFile) else {
            historyProblem = .cannotCreateDirectory(path: historyFile)
            return
        }
        historyProblem = HistoryFile.replace(historyFile) { kms_history_save(history, $0) >= 0 }
    }

    /// Handles Tab: asks the provider and applies its answer to the line.
    fileprivate func complete() -> UInt8 {
        guard let editLine, let completionProvider else { return UInt8(CC_REFRESH_BEEP) }
        var cursor: Int32 = 0
        var length: Int32 = 0
        let buffer = kms_el_line(editLine, &cursor, &length)
        let before = buffer.map {
            String(decoding: UnsafeRawBufferPointer(start: $0, count: Int(max(cursor, 0))), as: UTF8.self)
        } ?? ""
        switch CompletionAction.decide(lineBeforeCursor: before, completion: completionProvider(before)) {
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let deleteScalars, let insert):
            if deleteScalars > 0 {
                kms_el_deletestr(editLine, Int32(deleteScalars))
            }
            return kms_el_insertstr(editLine, insert) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let candidates):
            let columns = kms_terminal_columns(1)
            let lines = formatColumns(candidates, width: columns > 0 ? Int(columns) : 80)
            kms_el_write(editLine, "\n" + lines.joined(separator: "\n") + "\n")
            // CC_REDISPLAY redraws prompt and line below the list.
            return UInt8(CC_REDISPLAY)
        }
    }
}

// The reader abstraction the shell loop talks to, whatever the input is (terminal, pipe, file, test).

/// What one attempt to read a line produced.
public enum LineReadResult: Equatable, Sendable {
    /// A complete line, without its line terminator.
    case line(String)
    /// The user pressed Ctrl-C while editing; the partial line was discarded. Prompt again.
    case interrupted
    /// No more input (Ctrl-D on an empty line, or end of file).
    case endOfInput
    /// A line longer than the reader's limit: it was skipped (not kept in memory); `bytes` is its length.
    case tooLong(bytes: Int)
}

/// A source of input lines for the shell.
public protocol LineReader: AnyObject {
    /// Reads the next line, showing `prompt` first when the reader is interactive.
    func readLine(prompt: String) -> LineReadResult
    /// Remembers `line` for recall (Up arrow, Ctrl-R). Non-interactive readers ignore it.
    func addHistory(_ line: String)
}

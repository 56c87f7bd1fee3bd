// A reader over text already in memory, e.g. a script passed with -f.

/// Returns the lines of a string in order, then `.endOfInput`. Empty lines are kept.
public final class StringLineReader: LineReader {
    private let lines: [String]
    private var next = 0

    /// `contents` is split on LF; a trailing CR on each line is dropped.
    public init(contents: String) {
        lines = splitLines(contents)
    }

    public func readLine(prompt: String) -> LineReadResult {
        guard next < lines.count else { return .endOfInput }
        defer { next += 1 }
        return .line(lines[next])
    }

    public func addHistory(_ line: String) {}
}

// A reader for tests of the shell loop: canned input, recorded prompts and history.

/// Returns the given lines in order, then `.endOfInput`, and records what it was asked.
public final class ScriptedLineReader: LineReader {
    private var remaining: ArraySlice<LineReadResult>
    /// Every prompt passed to `readLine`, in order (including the call that got `.endOfInput`).
    public private(set) var prompts: [String] = []
    /// Every line passed to `addHistory`, in order.
    public private(set) var history: [String] = []

    public init(lines: [String]) {
        remaining = ArraySlice(lines.map { LineReadResult.line($0) })
    }

    /// For scripting interrupts too: `results` are returned as given, then `.endOfInput`.
    public init(results: [LineReadResult]) {
        remaining = ArraySlice(results)
    }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return remaining.popFirst() ?? .endOfInput
    }

    public func addHistory(_ line: String) {
        history.append(line)
    }
}

import KernelMM

/// Everything that can be wrong with a command line. Rendered in one place (`message`); the kernel's own
/// complaints about misuse are not errors but `KernelReport`s.
public enum CommandError: Error, Equatable, Sendable {
    case unknownCommand(String, suggestion: String?)
    case unknownGFPFlag(String, suggestion: String?)
    case removedGFPFlag(String)
    case badGFPExpression(String, detail: Message)
    case badNumber(String, what: String)
    case missingArgument(command: String, argument: String, usage: String)
    case tooManyArguments(command: String, usage: String)
    case unknownVariable(String, known: [String])
    /// `expected` and `got` are catalog messages (Catalog+ArgumentErrors.swift).
    case wrongValueType(argument: String, expected: Message, got: Message)
    /// The value of one argument is refused; `reason` is a catalog message (Catalog+ArgumentErrors.swift).
    case badArgument(argument: String, value: String, reason: Message)
    case unbalanced(String)
    case unknownProcFile(String, known: [String])
    case unknownHelpTopic(String, suggestion: String?)
    case bootFailed(BootError)
    /// An expression that does not parse or evaluate; the column counts from 1 in the whole line.
    case badQuery(Message, column: Int)
    case io(String)
    case other(String)
    /// The simulated kernel refused the operation (its report says why); nothing changed.
    case refused(String)
    /// A word that must be one of a fixed set (a sub-command, `trace on|off|show|clear`).
    case notOneOf(argument: String, value: String, choices: [String], suggestion: String?)
    /// An option the command does not take.
    case unknownOption(command: String, option: String, allowed: [String], suggestion: String?)
    /// `--seed` without its value.
    case optionNeedsValue(option: String, usage: String)
    /// An order below 0 or beyond any machine (orders above MAX_ORDER are the allocator's to report).
    case badOrder(value: Int, reason: OrderProblem)
    /// A command read an argument as another kind than the table declares: a bug in kmemsim, not in the line.
    case argumentKindMismatch(command: String, argument: String, declared: String, read: String)

    public enum OrderProblem: Sendable, Equatable { case negative, tooLarge }

    /// A sentence already written in both languages (see `Messages/`).
    case localized(Message)

    /// The error in English (the catalog, `message(_:)`, has both languages).
    public var message: String { message(.en) }
}

/// Closest candidate by edit distance, for "did you mean …?".
enum Suggest {
    /// A word as an error quotes it: a huge one is cut to its start, so a 1 MB typo does not print 1 MB.
    static func shown(_ word: String) -> String {
        word.utf8.count <= 60 ? word : String(word.prefix(40)) + "… (\(word.utf8.count) bytes)"
    }

    static func closest(_ word: String, in candidates: [String]) -> String? {
        // Only the start of a huge word is compared: the edit distance costs its length times each candidate's, and
        // no candidate is anywhere near Limits.suggestionWord long, so a longer word can only match as a prefix.
        let w = (word.utf8.count > Limits.suggestionWord ? String(word.prefix(Limits.suggestionWord)) : word).lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, c.lowercased())
            if let b = best, d >= b.1 { continue }
            best = (c, d)
        }
        guard let (c, d) = best else { return nil }
        // Accept up to a third of the word (at least 2) as typos; a prefix match always counts.
        if d <= max(2, w.count / 3) || c.lowercased().hasPrefix(w) || (c.count >= 3 && w.hasPrefix(c.lowercased())) { return c }
        return nil
    }

    /// The `count` candidates closest to `word`, nearest first (ties in the candidates' order).
    static func nearest(_ word: String, in candidates: [String], count: Int) -> [String] {
        let w = (word.utf8.count > Limits.suggestionWord ? String(word.prefix(Limits.suggestionWord)) : word).lowercased()
        let ranked = candidates.enumerated().map { (i, c) in (c, distance(w, c.lowercased()), i) }
        return ranked.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.prefix(count).map(\.0)
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

/// One stage after a `|` on a command line: `cat /proc/slabinfo | grep kmalloc | head -3`.
///
/// What a learner's shell habits expect from /proc files, `dmesg` and `trace show`, done in-process on the
/// command's own text (the kernel's reports and `explain` narration are not filtered: they are the kernel's console,
/// not the command's output). Each filter behaves as its GNU coreutils/grep namesake does on a pipe.
enum OutputFilter: Equatable, Sendable {
    case grep(Grep)
    /// `head -n N` (`count` ≥ 0), or `head -n -N`: all but the last N (`allBut`).
    case head(count: Int, allBut: Bool)
    /// `tail -n N`, or `tail -n +N`: from line N on (`fromLine`).
    case tail(count: Int, fromLine: Bool)
    case wc(Wc)

    /// The filter's name as typed (for errors).
    var name: String {
        switch self {
        case .grep: "grep"
        case .head: "head"
        case .tail: "tail"
        case .wc: "wc"
        }
    }

    /// grep's options that kmemsim reads. The pattern is an extended regular expression (grep -E; `ExtendedRegex`),
    /// or a fixed string with -F.
    struct Grep: Equatable, Sendable {
        var pattern: String
        var fixed = false
        var ignoreCase = false
        var invert = false
        var count = false
        var lineNumbers = false
        var wholeWord = false
        var wholeLine = false
        /// -o: each match on a line of its own, not the line.
        var onlyMatching = false
        /// -A and -B: lines of context after and before each match.
        var after = 0, before = 0
    }

    /// wc's counts; none chosen means all three, as wc prints them.
    struct Wc: Equatable, Sendable {
        var lines = false, words = false, bytes = false, chars = false
    }

    /// The filter on `text` (lines ending in "\n"; a last line without one counts as a line, as the tools read it).
    func apply(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        switch self {
        case .grep(let g): return Self.joined(g.run(lines))
        case .head(let n, let allBut): return Self.joined(allBut ? lines.dropLast(n) : lines.prefix(n))
        case .tail(let n, let fromLine): return Self.joined(fromLine ? lines.dropFirst(max(n - 1, 0)) : lines.suffix(n))
        case .wc(let w): return w.run(text)
        }
    }

    private static func joined<S: Sequence>(_ lines: S) -> String where S.Element: StringProtocol {
        var out = ""
        for l in lines { out += l; out += "\n" }
        return out
    }
}

extension OutputFilter.Grep {
    /// The compiled pattern, or why it is not a regular expression (the parser reports that before anything runs).
    func matcher() throws(ExtendedRegex.SyntaxError) -> ExtendedRegex {
        try ExtendedRegex(pattern, ignoreCase: ignoreCase, wholeWord: wholeWord, wholeLine: wholeLine, literal: fixed)
    }

    /// The selected lines, with context and `--` between separate groups, their count (-c), or their matches (-o).
    func run(_ lines: [Substring]) -> [String] {
        guard let regex = try? matcher() else { return [] }
        // -o: a line without a match has no matches to print, so it needs no test of its own.
        if onlyMatching && !count { return invert ? [] : lines.indices.flatMap { matches(regex, lines[$0], $0) } }
        let hit = lines.map { regex.matches($0) != invert }
        if count { return [String(hit.lazy.filter { $0 }.count)] }
        var out: [String] = []
        var lastShown = -1
        var afterLeft = 0
        for (i, h) in hit.enumerated() {
            if h {
                let from = max(i - before, lastShown + 1)
                if lastShown >= 0, from > lastShown + 1, before + after > 0 { out.append("--") }
                for j in from..<i { out.append(line(lines[j], j, match: false)) }
                out.append(line(lines[i], i, match: true))
                lastShown = i
                afterLeft = after
            } else if afterLeft > 0 {
                out.append(line(lines[i], i, match: false))
                lastShown = i
                afterLeft -= 1
            }
        }
        return out
    }

    /// -o: each non-empty match on the line, left to right, as grep prints it (with -n, the line's number first).
    private func matches(_ regex: ExtendedRegex, _ l: Substring, _ i: Int) -> [String] {
        let text = Array(l.unicodeScalars)
        var out: [String] = []
        var at = 0
        while let m = regex.firstMatch(in: text, from: at) {
            if m.isEmpty {
                at = m.upperBound + 1
            } else {
                let s = String(String.UnicodeScalarView(text[m]))
                out.append(lineNumbers ? "\(i + 1):\(s)" : s)
                at = m.upperBound
            }
        }
        return out
    }

    /// A line as grep prints it: with -n, its number and `:` (a match) or `-` (context).
    private func line(_ l: Substring, _ i: Int, match: Bool) -> String {
        lineNumbers ? "\(i + 1)\(match ? ":" : "-")\(l)" : String(l)
    }
}

extension OutputFilter.Wc {
    /// wc's line on a pipe: one count alone, or each right-aligned in 7 columns and separated by a space.
    func run(_ text: String) -> String {
        let all = !(self.lines || words || bytes || chars)
        var counts: [Int] = []
        if all || self.lines { counts.append(text.utf8.lazy.filter { $0 == 0x0A }.count) }
        if all || words { counts.append(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count) }
        if chars { counts.append(text.unicodeScalars.count) }
        if all || bytes { counts.append(text.utf8.count) }
        if counts.count == 1 { return "\(counts[0])\n" }
        return counts.map { Format.right(String($0), 7) }.joined(separator: " ") + "\n"
    }
}

/// A command line with filters after it: `cat /proc/slabinfo | grep kmalloc | head -3`.
struct Pipeline: Equatable, Sendable {
    /// The command before the first pipe, as typed.
    var command: String
    var filters: [OutputFilter]

    /// The filters in order on a command's text.
    func apply(_ text: String) -> String { filters.reduce(text) { t, f in f.apply(t) } }
}

/// Finds a pipe on a line and reads the filters after it.
///
/// A `|` is a pipe when it stands outside quotes and brackets, and the word after it names a filter (grep, egrep,
/// fgrep, head, tail, wc) or another tool a shell user might reach for (sort, less, awk…, refused with a way out).
/// Any other `|` belongs to the command: `GFP_KERNEL | __GFP_ZERO` stays one gfp mask, `print a | b` one expression.
enum PipelineParser {
    static let filterNames = ["grep", "egrep", "fgrep", "head", "tail", "wc"]
    /// Tools that are not filters here, so that `| sort` says so rather than becoming part of a file name.
    static let otherTools: Set<String> = ["sort", "uniq", "less", "more", "awk", "sed", "cut", "tr", "tee", "column",
                                          "nl", "cat", "xargs", "jq", "rev", "fold", "fmt", "pr"]

    /// Whether a line may hold a pipe at all (a `|` byte): most lines have none, and are not scanned further.
    static func mayHoldPipe(_ text: String) -> Bool {
        text.withUTF8Bytes { b in ByteScan.contains(b, 0x7C) }
    }

    /// The pipeline on `line`, or nil when it has no pipe.
    static func split(_ line: String) throws(CommandError) -> Pipeline? {
        // Most lines with a `|` hold a gfp mask and no pipe: they are scanned in place, with nothing allocated.
        guard let first = line.withUTF8Bytes({ firstPipe($0) }) else { return nil }
        let b = Array(line.utf8)
        let command = String(decoding: b[..<first], as: UTF8.self).trimmingWhitespace()
        var stages: [[String]] = []
        var words: [String] = []
        var word: [UInt8] = []
        var inWord = false
        func endWord() {
            if inWord { words.append(String(decoding: word, as: UTF8.self)) }
            word = []
            inWord = false
        }
        var i = first + 1
        scan: while i < b.count {
            let c = b[i]
            switch c {
            case 0x20, 0x09:
                endWord()
            case 0x7C: // the next stage
                endWord()
                stages.append(words)
                words = []
            case 0x23 where !inWord: // a comment, as the shell reads `#` at a word's start
                break scan
            case 0x5C: // a backslash takes the next byte as it is
                inWord = true
                if i + 1 < b.count { word.append(b[i + 1]); i += 1 }
            case 0x27, 0x22: // '…' as typed; "…" with \" and \\
                inWord = true
                var j = i + 1
                while j < b.count, b[j] != c {
                    if c == 0x22, b[j] == 0x5C, j + 1 < b.count, b[j + 1] == 0x22 || b[j + 1] == 0x5C { j += 1 }
                    word.append(b[j])
                    j += 1
                }
                guard j < b.count else {
                    throw .localized(.pipeUnterminatedQuote(String(decoding: b[(first + 1)...], as: UTF8.self).trimmingWhitespace()))
                }
                i = j
            default:
                inWord = true
                word.append(c)
            }
            i += 1
        }
        endWord()
        stages.append(words)
        var filters: [OutputFilter] = []
        for s in stages {
            guard let name = s.first else { throw .localized(.pipeEmptyStage) }
            if otherTools.contains(name) { throw .localized(.pipeUnknownTool(name, command: command)) }
            filters.append(try filter(name, Array(s.dropFirst())))
        }
        if command.isEmpty { throw .localized(.pipeNothingBefore(filters[0].name)) }
        return Pipeline(command: command, filters: filters)
    }

    /// The byte offset of the line's first pipe: a top-level `|` (not `||`) whose next word is a tool's name, or
    /// one letter away from a filter's (`| grpe`, which then gets "did you mean grep?"). Not that in an expression
    /// (`print`, `answer`, `?`), where `a | heap` may be an operator between names.
    private static func firstPipe(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, depth = 0
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 {
                if c == 0x5C && quote == 0x22 { i += 1 } else if c == quote { quote = 0 }
            } else {
                switch c {
                case 0x22, 0x27: quote = c
                case 0x28, 0x5B, 0x7B: depth += 1
                case 0x29, 0x5D, 0x7D: depth = max(0, depth - 1)
                case 0x23 where i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x09: return nil // the rest is a comment
                case 0x7C where depth == 0 && (i + 1 == b.count || b[i + 1] != 0x7C) && (i == 0 || b[i - 1] != 0x7C):
                    if let w = wordAfter(b, i + 1), filterNames.contains(w) || otherTools.contains(w) || (nearFilter(w) && !startsExpression(b)) {
                        return i
                    }
                default: break
                }
            }
            i += 1
        }
        return nil
    }

    /// A misspelt filter: four letters or more, one edit or one swap of neighbours from a filter's name.
    private static func nearFilter(_ w: String) -> Bool {
        guard w.utf8.count >= 4 && w.utf8.count <= 6 else { return false }
        return filterNames.contains { Suggest.distance(w, $0) == 1 || swapsNeighbours(w, $0) }
    }

    /// Whether `a` is `b` with two neighbouring letters swapped (`grpe`).
    static func swapsNeighbours(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, let i = x.indices.first(where: { x[$0] != y[$0] }), i + 1 < x.count else { return false }
        return x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
    }

    /// Whether the line's command reads an expression (`print`, `answer`, `?`), after an optional `name =`.
    private static func startsExpression(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func skipSpaces() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        func word() -> String {
            let a = i
            while i < b.count, LineParser.isASCIIWord(b[i]) { i += 1 }
            return String(decoding: b[a..<i], as: UTF8.self)
        }
        skipSpaces()
        var w = word()
        skipSpaces()
        if i < b.count, b[i] == 0x3D, i + 1 == b.count || b[i + 1] != 0x3D {
            i += 1
            skipSpaces()
            w = word()
        }
        return w == "print" || w == "answer" || (w.isEmpty && i < b.count && b[i] == 0x3F)
    }

    /// The word starting after the spaces at `i`, when a space, a `|` or the line's end follows it. Only a word that
    /// starts with a lowercase letter, as every tool's name does: a gfp flag (`| __GFP_ZERO`) is passed at its first
    /// byte, with no String made.
    private static func wordAfter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> String? {
        var a = i
        while a < b.count, b[a] == 0x20 || b[a] == 0x09 { a += 1 }
        guard a < b.count, b[a] >= 0x61, b[a] <= 0x7A else { return nil }
        var z = a
        while z < b.count, LineParser.isASCIIWord(b[z]) || b[z] == 0x2D { z += 1 }
        guard z > a, z == b.count || b[z] == 0x20 || b[z] == 0x09 || b[z] == 0x7C else { return nil }
        return String(decoding: b[a..<z], as: UTF8.self)
    }

    /// One stage's filter from its name and words.
    static func filter(_ name: String, _ words: [String]) throws(CommandError) -> OutputFilter {
        switch name {
        case "grep", "egrep", "fgrep": return .grep(try grep(name, words))
        case "head", "tail": return try lines(name, words)
        case "wc": return .wc(try wc(words))
        default:
            throw .localized(.pipeNotAFilter(name, suggestion: Suggest.closest(name, in: filterNames)))
        }
    }

    /// grep's long options, by the letter of the short one each spells out.
    static let grepLongOptions: [String: Character] = [
        "--ignore-case": "i", "--invert-match": "v", "--count": "c", "--line-number": "n", "--word-regexp": "w",
        "--line-regexp": "x", "--only-matching": "o", "--fixed-strings": "F", "--extended-regexp": "E", "--regexp": "e",
        "--after-context": "A", "--before-context": "B", "--context": "C"]
    /// wc's long options, likewise (head's and tail's `--lines` is among them).
    static let wcLongOptions: [String: Character] = ["--lines": "l", "--words": "w", "--bytes": "c", "--chars": "m"]
    /// The long options the filters read, for "did you mean" (sorted: the suggestion must not depend on hashing).
    static let longOptions = (Array(grepLongOptions.keys) + Array(wcLongOptions.keys)).sorted()
    static let grepOptions = ["-i", "-v", "-c", "-n", "-o", "-w", "-x", "-F", "-E", "-e PATTERN", "-A N", "-B N", "-C N"]

    private static func grep(_ name: String, _ words: [String]) throws(CommandError) -> OutputFilter.Grep {
        var g = OutputFilter.Grep(pattern: "")
        g.fixed = name == "fgrep"
        var pattern: String?
        var operands: [String] = []
        var k = 0
        var optionsEnd = false
        func value(_ option: String, inline rest: Substring) throws(CommandError) -> String {
            if !rest.isEmpty { return String(rest) }
            k += 1
            guard k < words.count else { throw .localized(.filterOptionNeedsValue(tool: name, option: option)) }
            return words[k]
        }
        func context(_ option: String, _ v: String) throws(CommandError) -> Int {
            guard let n = Int(v), n >= 0 else {
                throw .localized(.filterBadCount(tool: name, option: option, value: v))
            }
            return n
        }
        /// One option by its letter; true when it took a value (the rest of its word, or the next word).
        func option(_ c: Character, spelled: String, inline rest: Substring) throws(CommandError) -> Bool {
            switch c {
            case "i": g.ignoreCase = true
            case "v": g.invert = true
            case "c": g.count = true
            case "n": g.lineNumbers = true
            case "w": g.wholeWord = true
            case "x": g.wholeLine = true
            case "o": g.onlyMatching = true
            case "F": g.fixed = true
            case "E": g.fixed = false
            case "e": pattern = try value(spelled, inline: rest); return true
            case "A", "B", "C":
                let n = try context(spelled, try value(spelled, inline: rest))
                if c != "B" { g.after = n }
                if c != "A" { g.before = n }
                return true
            default: throw unknownOption(name, spelled, grepOptions)
            }
            return false
        }
        while k < words.count {
            let w = words[k]
            if optionsEnd || !w.hasPrefix("-") || w == "-" {
                operands.append(w)
            } else if w == "--" {
                optionsEnd = true
            } else if w.hasPrefix("--") {
                let key = String(w.prefix { $0 != "=" })
                guard let letter = grepLongOptions[key] else { throw unknownOption(name, key, grepOptions) }
                _ = try option(letter, spelled: key, inline: key.count < w.count ? w.dropFirst(key.count + 1) : "")
            } else {
                var rest = w.dropFirst()
                while let c = rest.first {
                    rest = rest.dropFirst()
                    // An option that takes a value takes the rest of the word, if any, as it.
                    if try option(c, spelled: "-\(c)", inline: rest) { rest = "" }
                }
            }
            k += 1
        }
        if pattern == nil, !operands.isEmpty { pattern = operands.removeFirst() }
        guard let p = pattern else { throw .localized(.filterNeedsPattern(tool: name)) }
        if let extra = operands.first { throw .localized(.filterTakesNoFile(tool: name, word: extra)) }
        g.pattern = p
        do throws(ExtendedRegex.SyntaxError) { _ = try g.matcher() } catch {
            throw .localized(.filterBadPattern(tool: name, pattern: p, error: error))
        }
        return g
    }

    /// head and tail: `-n N`, `-nN`, `--lines=N`, `-N`; head's `-n -N` (all but the last N), tail's `-n +N` (from
    /// line N on).
    private static func lines(_ name: String, _ words: [String]) throws(CommandError) -> OutputFilter {
        var count = 10
        var sign: Character?
        var k = 0
        func number(_ option: String, _ v: String) throws(CommandError) {
            var digits = Substring(v)
            sign = nil
            if let s = digits.first, (s == "-" && name == "head") || (s == "+" && name == "tail") {
                sign = s
                digits = digits.dropFirst()
            }
            guard let n = Int(digits), n >= 0 else {
                throw .localized(.filterBadCount(tool: name, option: option, value: v))
            }
            count = n
        }
        while k < words.count {
            let w = words[k]
            if w == "-n" || w == "--lines" {
                k += 1
                guard k < words.count else { throw .localized(.filterOptionNeedsValue(tool: name, option: w)) }
                try number(w, words[k])
            } else if w.hasPrefix("--lines=") {
                try number("--lines", String(w.dropFirst(8)))
            } else if w.hasPrefix("-n") {
                try number("-n", String(w.dropFirst(2)))
            } else if w.hasPrefix("-"), w.count > 1, Int(w.dropFirst()) != nil {
                try number(w, String(w.dropFirst()))
            } else if w.hasPrefix("-") && w.count > 1 {
                throw unknownOption(name, w, ["-n N", "-N", name == "head" ? "-n -N" : "-n +N"])
            } else {
                throw .localized(.filterTakesNoFile(tool: name, word: w))
            }
            k += 1
        }
        return name == "head" ? .head(count: count, allBut: sign != nil) : .tail(count: count, fromLine: sign != nil)
    }

    private static func wc(_ words: [String]) throws(CommandError) -> OutputFilter.Wc {
        var w = OutputFilter.Wc()
        let allowed = ["-l", "-w", "-c", "-m"]
        for word in words {
            guard word.hasPrefix("-"), word.count > 1 else { throw .localized(.filterTakesNoFile(tool: "wc", word: word)) }
            let letters: [Character]
            if word.hasPrefix("--") {
                guard let c = wcLongOptions[word] else { throw unknownOption("wc", word, allowed) }
                letters = [c]
            } else {
                letters = Array(word.dropFirst())
            }
            for c in letters {
                switch c {
                case "l": w.lines = true
                case "w": w.words = true
                case "c": w.bytes = true
                case "m": w.chars = true
                default: throw unknownOption("wc", "-\(c)", allowed)
                }
            }
        }
        return w
    }

    /// An unknown option, with a suggestion for a long one (every one-letter option is one edit from every other).
    private static func unknownOption(_ tool: String, _ option: String, _ allowed: [String]) -> CommandError {
        let suggestion = option.hasPrefix("--") ? Suggest.closest(option, in: longOptions) : nil
        return .unknownOption(command: tool, option: option, allowed: allowed, suggestion: suggestion)
    }
}

/// A POSIX extended regular expression, as `grep -E` reads it, matched in time linear in the line.
///
/// Why not the standard library's `Regex`: it backtracks, so a pattern like `(a+)+$` on a long line runs for
/// minutes, and no input may hang kmemsim; and it reads Perl's syntax, where grep users type POSIX's. This is a
/// Thompson construction run as a Pike VM: each character advances every live state at once.
///
/// Syntax: literals, `.`, bracket expressions (`[a-z_]`, `[^0-9]`, `[[:digit:]]`), `*` `+` `?` `{n}` `{n,}`
/// `{n,m}`, `|`, `(…)`, `^`, `$`, and GNU's escapes `\w \W \s \S \b \B \< \>` (`\d` too); `\` before any other
/// character takes it literally.
struct ExtendedRegex: Sendable {
    /// Why a pattern is not a regular expression (the column is 1-based, in characters).
    struct SyntaxError: Error, Equatable, Sendable {
        enum Problem: Equatable, Sendable { case unmatchedParen, unmatchedBracket, badClass, badRange, badInterval, tooLarge, trailingBackslash }
        var problem: Problem
        var column: Int
    }

    fileprivate enum Op: Sendable {
        case char(Unicode.Scalar)
        case any
        case set(CharSet)
        case split(Int, Int)
        case jump(Int)
        case lineStart, lineEnd, wordBoundary, notWordBoundary, wordStart, wordEnd
        /// -w: the character before the match is not a word character; the one after it is not.
        case noWordBefore, noWordAfter
        case match
    }

    fileprivate struct CharSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var classes: [CharClass] = []
        var negated = false
        func contains(_ c: Unicode.Scalar, ignoreCase: Bool) -> Bool {
            var hit = has(c)
            if !hit && ignoreCase { hit = has(lowerScalar(c)) || has(upperScalar(c)) }
            return hit != negated
        }
        private func has(_ c: Unicode.Scalar) -> Bool {
            ranges.contains { $0.contains(c.value) } || classes.contains { $0.contains(c) }
        }
    }

    fileprivate enum CharClass: Sendable {
        case word, space, digit, alpha, alnum, upper, lower, punct, xdigit, notWord, notSpace, notDigit
        func contains(_ c: Unicode.Scalar) -> Bool {
            switch self {
            case .word: return isWord(c)
            case .space: return c == " " || (c.value >= 9 && c.value <= 13)
            case .digit: return c.value >= 0x30 && c.value <= 0x39
            case .alpha: return c.properties.isAlphabetic
            case .alnum: return c.properties.isAlphabetic || CharClass.digit.contains(c)
            case .upper: return c.properties.isUppercase
            case .lower: return c.properties.isLowercase
            case .punct: return c == "_" || (c.isASCII && c.value > 0x20 && c.value < 0x7F && !isWord(c))
            case .xdigit: return CharClass.digit.contains(c) || (lowerScalar(c).value >= 0x61 && lowerScalar(c).value <= 0x66)
            case .notWord: return !isWord(c)
            case .notSpace: return !CharClass.space.contains(c)
            case .notDigit: return !CharClass.digit.contains(c)
            }
        }

        /// The classes a bracket expression names as `[:name:]`.
        static let named: [String: CharClass] = ["alpha": .alpha, "digit": .digit, "alnum": .alnum, "upper": .upper,
                                                 "lower": .lower, "space": .space, "punct": .punct, "xdigit": .xdigit]
    }

    private let program: [Op]
    private let ignoreCase: Bool
    /// The most instructions a pattern may compile to (repetition counts multiply a pattern's size).
    static let maxProgram = 20_000

    /// `wholeWord` and `wholeLine` are grep's -w and -x; `literal` is -F (the pattern matches itself).
    init(_ pattern: String, ignoreCase: Bool = false, wholeWord: Bool = false, wholeLine: Bool = false, literal: Bool = false) throws(SyntaxError) {
        let scalars = Array(pattern.unicodeScalars)
        var c = Compiler(scalars, ignoreCase: ignoreCase)
        var code: [Op] = []
        if wholeLine { code.append(.lineStart) }
        if wholeWord { code.append(.noWordBefore) }
        if literal {
            code += scalars.map(c.char)
        } else {
            c.append(try c.alternation(), to: &code)
            // The only way to stop before the end is a `)` no `(` opened.
            if c.at < scalars.count { throw SyntaxError(problem: .unmatchedParen, column: c.at + 1) }
        }
        if wholeWord { code.append(.noWordAfter) }
        if wholeLine { code.append(.lineEnd) }
        code.append(.match)
        if code.count > Self.maxProgram { throw SyntaxError(problem: .tooLarge, column: 1) }
        program = code
        self.ignoreCase = ignoreCase
    }

    /// Whether the pattern matches anywhere in `line`.
    func matches<S: StringProtocol>(_ line: S) -> Bool { run(Array(line.unicodeScalars), from: 0, extent: false) != nil }

    /// The leftmost-longest match starting at or after scalar offset `from` (POSIX's rule, which grep -o prints).
    func firstMatch(in text: [Unicode.Scalar], from: Int) -> Range<Int>? { run(text, from: from, extent: true) }

    /// Every live state steps over each character. A state carries where its match started; of two at one
    /// instruction only the earlier start is kept (the lists stay in order of start), which is what makes a match
    /// leftmost. Without `extent` the first match found ends the run.
    private func run(_ text: [Unicode.Scalar], from: Int, extent: Bool) -> Range<Int>? {
        guard from <= text.count else { return nil }
        var current = ThreadList(program.count), next = ThreadList(program.count)
        var best: Range<Int>?
        for i in from...text.count {
            // Unanchored: a new state starts at every position, until a match has started.
            if best == nil, add(0, start: i, at: i, text, &current, &best), !extent { return best }
            if i == text.count || (current.states.isEmpty && best != nil) { break }
            let ch = ignoreCase ? lowerScalar(text[i]) : text[i]
            next.clear()
            for (pc, start) in current.states {
                if let b = best, start > b.lowerBound { continue }
                let advances: Bool
                switch program[pc] {
                case .char(let c): advances = c == ch
                case .any: advances = true
                case .set(let s): advances = s.contains(text[i], ignoreCase: ignoreCase)
                default: advances = false
                }
                if advances, add(pc + 1, start: start, at: i + 1, text, &next, &best), !extent { return best }
            }
            swap(&current, &next)
        }
        return best
    }

    /// Follows the empty moves from `pc` at position `i`, adding the states that read a character; true when one
    /// reached the match, which is kept in `best` when it is leftmost-longest so far.
    private func add(_ pc: Int, start: Int, at i: Int, _ text: [Unicode.Scalar], _ list: inout ThreadList, _ best: inout Range<Int>?) -> Bool {
        var matched = false
        // Whether a word character stands before and after position i, for the word assertions.
        let before = i > 0 && isWord(text[i - 1]), after = i < text.count && isWord(text[i])
        var stack = [pc]
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match:
                matched = true
                if let b = best, start > b.lowerBound || (start == b.lowerBound && i <= b.upperBound) { continue }
                best = start..<i
            case .jump(let t): stack.append(t)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .lineStart: if i == 0 { stack.append(pc + 1) }
            case .lineEnd: if i == text.count { stack.append(pc + 1) }
            case .wordBoundary: if before != after { stack.append(pc + 1) }
            case .notWordBoundary: if before == after { stack.append(pc + 1) }
            case .wordStart: if !before && after { stack.append(pc + 1) }
            case .wordEnd: if before && !after { stack.append(pc + 1) }
            case .noWordBefore: if !before { stack.append(pc + 1) }
            case .noWordAfter: if !after { stack.append(pc + 1) }
            case .char, .any, .set: list.states.append((pc, start))
            }
        }
        return matched
    }

    /// The states live at one position: a list in order, and a mark per instruction so each is added once.
    private struct ThreadList {
        /// (instruction, where its match started), in order of start.
        var states: [(pc: Int, start: Int)] = []
        var seen: [Bool]
        init(_ n: Int) { seen = Array(repeating: false, count: n) }
        /// False when `pc` was already visited at this position.
        mutating func insert(_ pc: Int) -> Bool {
            if seen[pc] { return false }
            seen[pc] = true
            visited.append(pc)
            return true
        }
        var visited: [Int] = []
        mutating func clear() {
            for pc in visited { seen[pc] = false }
            visited.removeAll(keepingCapacity: true)
            states.removeAll(keepingCapacity: true)
        }
    }
}

private func isWord(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39) }
/// Case folding one scalar to one scalar (a mapping to several, like ß to SS, leaves it as it is).
private func lowerScalar(_ c: Unicode.Scalar) -> Unicode.Scalar {
    if c.value >= 0x41 && c.value <= 0x5A { return Unicode.Scalar(UInt8(c.value + 0x20)) }
    if c.isASCII { return c }
    let m = c.properties.lowercaseMapping.unicodeScalars
    return m.count == 1 ? m[m.startIndex] : c
}
private func upperScalar(_ c: Unicode.Scalar) -> Unicode.Scalar {
    if c.value >= 0x61 && c.value <= 0x7A { return Unicode.Scalar(UInt8(c.value - 0x20)) }
    if c.isASCII { return c }
    let m = c.properties.uppercaseMapping.unicodeScalars
    return m.count == 1 ? m[m.startIndex] : c
}

/// Recursive descent over the pattern (Thompson's construction). Each part compiles to a fragment whose jump targets
/// count from the fragment's own start; placing it moves them (`append(_:to:)`).
private struct Compiler {
    typealias Op = ExtendedRegex.Op
    let pattern: [Unicode.Scalar]
    let ignoreCase: Bool
    var at = 0
    var depth = 0

    init(_ pattern: [Unicode.Scalar], ignoreCase: Bool) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
    }

    private func fail(_ p: ExtendedRegex.SyntaxError.Problem, _ column: Int? = nil) -> ExtendedRegex.SyntaxError {
        ExtendedRegex.SyntaxError(problem: p, column: (column ?? at) + 1)
    }
    private var peek: Unicode.Scalar? { at < pattern.count ? pattern[at] : nil }

    /// a|b|c: a split before each branch but the last, and a jump past the rest after it.
    mutating func alternation() throws(ExtendedRegex.SyntaxError) -> [Op] {
        depth += 1
        defer { depth -= 1 }
        if depth > Limits.queryNesting { throw fail(.tooLarge) }
        var branches = [try concatenation()]
        while peek == "|" {
            at += 1
            branches.append(try concatenation())
        }
        if branches.count == 1 { return branches[0] }
        var code: [Op] = []
        var jumps: [Int] = []
        for (k, b) in branches.enumerated() {
            if k < branches.count - 1 {
                code.append(.split(code.count + 1, code.count + 1 + b.count + 1))
                append(b, to: &code)
                jumps.append(code.count)
                code.append(.jump(0))
            } else {
                append(b, to: &code)
            }
            if code.count > ExtendedRegex.maxProgram { throw fail(.tooLarge) }
        }
        for j in jumps { code[j] = .jump(code.count) }
        return code
    }

    private mutating func concatenation() throws(ExtendedRegex.SyntaxError) -> [Op] {
        var code: [Op] = []
        while let c = peek, c != "|", c != ")" {
            append(try repetition(), to: &code)
            if code.count > ExtendedRegex.maxProgram { throw fail(.tooLarge) }
        }
        return code
    }

    /// An atom and the repetition operators after it.
    private mutating func repetition() throws(ExtendedRegex.SyntaxError) -> [Op] {
        var code = try atom()
        while let c = peek, c == "*" || c == "+" || c == "?" || (c == "{" && isInterval(at)) {
            let (lo, hi) = try bounds()
            code = repeated(code, lo: lo, hi: hi)
            if code.count > ExtendedRegex.maxProgram { throw fail(.tooLarge) }
        }
        return code
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { ExtendedRegex.CharClass.digit.contains(c) }

    /// `{` starts an interval only when one follows (`a{` alone is a literal, as GNU grep -E takes it).
    private func isInterval(_ i: Int) -> Bool {
        var j = i + 1
        while j < pattern.count, isDigit(pattern[j]) { j += 1 }
        return j > i + 1 && j < pattern.count && (pattern[j] == "}" || pattern[j] == ",")
    }

    /// The repetition operator at `at`: its minimum and maximum (nil: none).
    private mutating func bounds() throws(ExtendedRegex.SyntaxError) -> (Int, Int?) {
        let open = at
        let c = pattern[at]
        at += 1
        switch c {
        case "*": return (0, nil)
        case "+": return (1, nil)
        case "?": return (0, 1)
        default:
            func number() -> Int? {
                var n: Int?
                while let d = peek, isDigit(d) { n = min((n ?? 0) * 10 + Int(d.value - 0x30), 1000); at += 1 }
                return n
            }
            guard let lo = number() else { throw fail(.badInterval, open) }
            var hi: Int? = lo
            if peek == "," { at += 1; hi = number() }
            guard peek == "}" else { throw fail(.badInterval, open) }
            at += 1
            // RE_DUP_MAX is 255 in POSIX's minimum; a bigger count is refused, not truncated.
            if lo > 255 || (hi ?? 0) > 255 || (hi.map { $0 < lo } ?? false) { throw fail(.badInterval, open) }
            return (lo, hi)
        }
    }

    /// `code` lo to hi times (hi nil: any number of times more).
    private func repeated(_ code: [Op], lo: Int, hi: Int?) -> [Op] {
        var out: [Op] = []
        for _ in 0..<lo { append(code, to: &out) }
        if let hi {
            // Each optional copy may be skipped, which skips the ones after it too.
            var splits: [Int] = []
            for _ in lo..<hi {
                splits.append(out.count)
                out.append(.split(0, 0))
                append(code, to: &out)
            }
            for s in splits { out[s] = .split(s + 1, out.count) }
        } else {
            let loop = out.count
            out.append(.split(0, 0))
            append(code, to: &out)
            out.append(.jump(loop))
            out[loop] = .split(loop + 1, out.count)
        }
        return out
    }

    /// Appends fragment `code` to `out`, its jump targets moved to where it now starts.
    func append(_ code: [Op], to out: inout [Op]) {
        let d = out.count
        for op in code {
            switch op {
            case .split(let a, let b): out.append(.split(a + d, b + d))
            case .jump(let t): out.append(.jump(t + d))
            default: out.append(op)
            }
        }
    }

    /// A literal character, folded when matching ignores case.
    func char(_ c: Unicode.Scalar) -> Op { .char(ignoreCase ? lowerScalar(c) : c) }

    private mutating func atom() throws(ExtendedRegex.SyntaxError) -> [Op] {
        let c = pattern[at]
        switch c {
        case "(":
            let open = at
            at += 1
            let inner = try alternation()
            guard peek == ")" else { throw fail(.unmatchedParen, open) }
            at += 1
            return inner
        case ".": at += 1; return [.any]
        case "^": at += 1; return [.lineStart]
        case "$": at += 1; return [.lineEnd]
        case "[": return [try bracket()]
        case "\\":
            at += 1
            guard let e = peek else { throw fail(.trailingBackslash, at - 1) }
            at += 1
            switch e {
            case "w": return [.set(.init(classes: [.word]))]
            case "W": return [.set(.init(classes: [.notWord]))]
            case "s": return [.set(.init(classes: [.space]))]
            case "S": return [.set(.init(classes: [.notSpace]))]
            case "d": return [.set(.init(classes: [.digit]))]
            case "D": return [.set(.init(classes: [.notDigit]))]
            case "b": return [.wordBoundary]
            case "B": return [.notWordBoundary]
            case "<": return [.wordStart]
            case ">": return [.wordEnd]
            default: return [char(e)]
            }
        default:
            // Anything else is itself: a `*`, `+` or `?` with nothing before it too, and a `{` that starts no
            // interval, as GNU grep -E reads them.
            at += 1
            return [char(c)]
        }
    }

    /// `[…]`: ranges, single characters and `[:class:]`; a `]` first is a literal, as a `-` first or last is.
    private mutating func bracket() throws(ExtendedRegex.SyntaxError) -> Op {
        let open = at
        at += 1
        var set = ExtendedRegex.CharSet()
        if peek == "^" { set.negated = true; at += 1 }
        var first = true
        while true {
            guard let c = peek else { throw fail(.unmatchedBracket, open) }
            if c == "]" && !first { at += 1; break }
            first = false
            if c == "[", at + 1 < pattern.count, pattern[at + 1] == ":" {
                let nameStart = at + 2
                var j = nameStart
                while j + 1 < pattern.count, !(pattern[j] == ":" && pattern[j + 1] == "]") { j += 1 }
                guard j + 1 < pattern.count else { throw fail(.unmatchedBracket, open) }
                let name = String(String.UnicodeScalarView(pattern[nameStart..<j]))
                guard let k = ExtendedRegex.CharClass.named[name] else { throw fail(.badClass, at) }
                set.classes.append(k)
                at = j + 2
                continue
            }
            at += 1
            if peek == "-", at + 1 < pattern.count, pattern[at + 1] != "]" {
                let hi = pattern[at + 1]
                guard c.value <= hi.value else { throw fail(.badRange, at - 1) }
                at += 2
                set.ranges.append(c.value...hi.value)
            } else {
                set.ranges.append(c.value...c.value)
            }
        }
        return .set(set)
    }
}

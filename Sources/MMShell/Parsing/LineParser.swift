/// One command line, split: an optional `name =` assignment, the command word and its argument texts.
public struct ParsedLine: Equatable, Sendable {
    public var assignTo: String?
    public var command: String
    public var arguments: [String]
    /// Everything after the command word, as typed (for commands that read an expression, like `print`).
    public var rest: String

    /// A line with nothing to run (no command has an empty name).
    static var blank: ParsedLine { ParsedLine(assignTo: nil, command: "", arguments: [], rest: "") }
}

/// Splits command lines. Both spellings work: `alloc_pages GFP_KERNEL 3` and `alloc_pages(GFP_KERNEL, 3);`.
/// `#` starts a comment; in the shell form, `A | B` with spaces is still one gfp expression.
///
/// One pass over the line's characters (`LineUnits`): bytes for plain ASCII, Characters otherwise, with the same
/// rules. Walking every line as Unicode Characters, and rebuilding strings from character arrays at each step, was
/// most of what a script line cost.
public enum LineParser {
    public static func parse(_ line: String) throws(CommandError) -> ParsedLine? {
        var spare: [String] = []
        let parsed = try parseLine(line, reusing: &spare)
        return parsed.command.isEmpty ? nil : parsed
    }

    /// `parse`, a blank line (spaces, `;`s, a comment) given as a line with no command (`ParsedLine.blank`): the
    /// shell's per-line path then holds no Optional of a ParsedLine, whose destruction went through generic value
    /// witnesses every line. The ASCII reading's error comes out beside its closure, not as a Result.
    /// `spare` is an earlier line's word array, handed back: plain words are written into its storage (see
    /// `plainWords`), and it is left empty. `printable`: every byte is known to be printable ASCII or a tab. `cache`:
    /// the Strings of earlier lines' short words, to be found again rather than made (see `WordCache`).
    static func parseLine(_ line: String, reusing spare: inout [String], printable: Bool = false,
                          cache: WordCacheTable? = nil) throws(CommandError) -> ParsedLine {
        var text = line
        var failure: CommandError?
        var ascii = true
        let parsed = text.withUTF8 { b -> ParsedLine in
            guard let units = ASCIILineUnits(b, printable: printable, cache: cache) else { ascii = false; return .blank }
            do throws(CommandError) { return try parse(units, line: line, spare: &spare) ?? .blank } catch { failure = error; return .blank }
        }
        if let failure { throw failure }
        if ascii { return parsed }
        return try parse(CharacterLineUnits(line), line: line, spare: &spare) ?? .blank
    }

    private static let quote: UInt8 = 0x22, hash: UInt8 = 0x23, dollar: UInt8 = 0x24, openParen: UInt8 = 0x28
    private static let closeParen: UInt8 = 0x29, comma: UInt8 = 0x2C, minus: UInt8 = 0x2D, semicolon: UInt8 = 0x3B
    private static let equals: UInt8 = 0x3D, question: UInt8 = 0x3F, underscore: UInt8 = 0x5F, bar: UInt8 = 0x7C
    private static let ampersand: UInt8 = 0x26, tilde: UInt8 = 0x7E, space: UInt8 = 0x20, tab: UInt8 = 0x09

    private static func parse<U: LineUnits>(_ u: U, line: String, spare: inout [String]) throws(CommandError) -> ParsedLine? {
        func whole() -> String { line }
        // The first '#' outside quotes ends the line.
        var hi = u.count
        var inQuote = false
        // Most lines hold no `#` at all (asked eight bytes a step for plain ASCII): then there is nothing to look for.
        for k in 0..<(u.mayHold(hash) ? u.count : 0) {
            let c = u.ascii(k)
            if c == quote { inQuote.toggle() }
            if c == hash && !inQuote { hi = k; break }
        }
        var lo = 0
        func trim(_ a: inout Int, _ z: inout Int) {
            while a < z, u.isSpace(a) { a += 1 }
            while z > a, u.isSpace(z - 1) { z -= 1 }
        }
        trim(&lo, &hi)
        while hi > lo, u.ascii(hi - 1) == semicolon {
            hi -= 1
            trim(&lo, &hi)
        }
        if lo == hi { return nil }

        var assign: String?
        if let a = assignment(u, lo, hi) {
            assign = u.text(a.nameStart, a.nameEnd)
            lo = a.restStart
            trim(&lo, &hi)
            if lo == hi {
                let name = assign ?? ""
                throw .localized(.nothingToAssign(name))
            }
        }
        if u.ascii(lo) == question {
            lo += 1
            trim(&lo, &hi)
            return ParsedLine(assignTo: assign, command: "print", arguments: [], rest: u.text(lo, hi))
        }
        var i = lo
        while i < hi, u.isWord(i) || (i > lo && u.ascii(i) == minus) { i += 1 }
        if i == lo { throw .localized(.commandStartsWithName(u.text(lo, lo + 1))) }
        let command = u.text(lo, i)
        var restLo = i, restHi = hi
        trim(&restLo, &restHi)
        let rest = u.text(restLo, restHi)
        // The rest of these lines is one expression or answer, parentheses and all.
        if units(u, lo, i, are: "print") || units(u, lo, i, are: "answer") {
            return ParsedLine(assignTo: assign, command: command, arguments: rest.isEmpty ? [] : [rest], rest: rest)
        }
        if restLo < restHi, u.ascii(restLo) == openParen {
            // The C spelling: `name(a, b);`.
            guard let close = matchingParen(u, restLo, restHi) else { throw .unbalanced(whole()) }
            var afterLo = close + 1, afterHi = restHi
            trim(&afterLo, &afterHi)
            guard afterLo == afterHi else { throw .localized(.unexpectedAfterParen(u.text(afterLo, afterHi))) }
            var parts: [(lo: Int, hi: Int)] = []
            try split(u, restLo + 1, close, at: { $0 == comma }, whole: { u.text(restLo + 1, close) }) { parts.append(($0, $1)) }
            for k in parts.indices {
                var (a, z) = parts[k]
                trim(&a, &z)
                parts[k] = (a, z)
            }
            var args: [String] = []
            if !(parts.count == 1 && parts[0].lo == parts[0].hi) {
                if parts.contains(where: { $0.lo == $0.hi }) { throw .localized(.emptyArgument(whole())) }
                args = parts.map { unquote(u, $0.lo, $0.hi) }
            }
            return ParsedLine(assignTo: assign, command: command, arguments: args, rest: rest)
        }
        return ParsedLine(assignTo: assign, command: command, arguments: try shellWords(u, restLo, restHi, rest: rest, spare: &spare),
                          rest: rest)
    }

    /// Whether units a..<z are the characters of `word`, one by one: `isExpressionCommand` on the units, before any
    /// String is compared (each unit that equals an ASCII character is that character, as Strings compare).
    @inline(__always)
    private static func units<U: LineUnits>(_ u: U, _ a: Int, _ z: Int, are word: StaticString) -> Bool {
        guard z - a == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<(z - a) where u.ascii(a + k) != w[k] { return false }
        return true
    }

    /// `name = …` or `$name = …` (but not `==`): where the name is and where the rest starts.
    private static func assignment<U: LineUnits>(_ u: U, _ lo: Int, _ hi: Int) -> (nameStart: Int, nameEnd: Int, restStart: Int)? {
        var n = lo
        if n < hi, u.ascii(n) == dollar { n += 1 }
        let nameStart = n
        while n < hi, u.isWord(n) { n += 1 }
        guard n > nameStart, u.ascii(nameStart) == underscore || u.isLetter(nameStart) else { return nil }
        var e = n
        while e < hi, u.ascii(e) == space || u.ascii(e) == tab { e += 1 }
        guard e < hi, u.ascii(e) == equals, e + 1 >= hi || u.ascii(e + 1) != equals else { return nil }
        return (nameStart, n, e + 1)
    }

    /// `name = …` or `$name = …` (but not `==`): the name and the rest, trimmed (the completer reads it too).
    static func assignment(in s: String) -> (name: String, rest: String)? {
        let u = CharacterLineUnits(s)
        guard let a = assignment(u, 0, u.count) else { return nil }
        return (u.text(a.nameStart, a.nameEnd), u.text(a.restStart, u.count).trimmingWhitespace())
    }

    /// The ')' closing the '(' at `start`, quotes skipped.
    private static func matchingParen<U: LineUnits>(_ u: U, _ start: Int, _ end: Int) -> Int? {
        var depth = 0, inQuote = false
        for k in start..<end {
            let c = u.ascii(k)
            if c == quote { inQuote.toggle() }
            if inQuote { continue }
            if c == openParen { depth += 1 }
            if c == closeParen {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }

    /// Calls `piece` with each stretch of a..<z between separators outside quotes and parentheses, as it finds
    /// them. `whole` names the text in an unbalanced-parenthesis error.
    @inline(__always)
    private static func split<U: LineUnits>(_ u: U, _ a: Int, _ z: Int, at isSeparator: (UInt8) -> Bool, whole: () -> String,
                                            _ piece: (Int, Int) -> Void) throws(CommandError) {
        var depth = 0, inQuote = false, start = a
        for k in a..<z {
            let c = u.ascii(k)
            if c == quote { inQuote.toggle() }
            if !inQuote {
                if c == openParen { depth += 1 }
                if c == closeParen { depth -= 1 }
                if depth < 0 { throw .unbalanced(whole()) }
            }
            if isSeparator(c) && depth == 0 && !inQuote {
                piece(start, k)
                start = k + 1
            }
        }
        if depth != 0 { throw .unbalanced(whole()) }
        piece(start, z)
    }

    /// Whitespace-separated words, where `|`, `&` and a lone `~` glue their neighbours into one expression.
    /// Pieces are split at spaces and tabs outside quotes and parentheses, as they are found.
    private static func shellWords<U: LineUnits>(_ u: U, _ a: Int, _ z: Int, rest: String, spare: inout [String]) throws(CommandError) -> [String] {
        if let words = plainWords(u, a, z, spare: &spare) { return words }
        var words = ShellWords()
        // Tabs are spaces here (the error shows the rest with its tabs as spaces).
        try split(u, a, z, at: { $0 == space || $0 == tab }, whole: { rest.replacingTabs() }) { words.piece(u, $0, $1) }
        words.finish()
        return words.words
    }

    /// What `split` and `ShellWords` make of a stretch holding no quote, bracket, `|`, `&`, `~` or tab (the usual
    /// `GFP_KERNEL 0`, `$p 0`): the runs between spaces, each a word as typed, since nothing glues, nests or is
    /// unquoted there. One look per character instead of the general walk's bookkeeping; nil for any other stretch.
    /// The words go into `spare`'s storage, taken (an array of its own again once the line that had it is gone):
    /// a new array per line was an allocation and a free, most of what its words cost.
    private static func plainWords<U: LineUnits>(_ u: U, _ a: Int, _ z: Int, spare: inout [String]) -> [String]? {
        var count = 0, inWord = false
        for k in a..<z {
            let c = u.ascii(k)
            if c == space { inWord = false; continue }
            if c == quote || c == openParen || c == closeParen || c == bar || c == ampersand || c == tilde || c == tab { return nil }
            if !inWord { count += 1; inWord = true }
        }
        var words = spare
        spare = []
        // The old words are written over, the surplus dropped from the end: emptying the array first
        // (removeAll(keepingCapacity:)) went through the generic replaceSubrange.
        words.reserveCapacity(count)
        var n = 0, start = a
        for k in a...z where k == z || u.ascii(k) == space {
            if k > start {
                if n < words.count { words[n] = u.text(start, k) } else { words.append(u.text(start, k)) }
                n += 1
            }
            start = k + 1
        }
        while words.count > n { words.removeLast() }
        return words
    }

    /// The words of a shell-form line as `split` finds their pieces. A struct with mutating methods rather than
    /// local functions sharing local variables: those were boxed and access-checked at run time, piece by piece.
    private struct ShellWords {
        var words: [String] = []
        // Per word: its first and last character and how many it has (unquote reads them; a glued word is pieces).
        var first: UInt8 = 0, last: UInt8 = 0, length = 0
        var glueNext = false

        // One allocation for the usual few words, not one per word while the array grows.
        init() { words.reserveCapacity(4) }

        mutating func finish() {
            if length >= 2 && first == quote && last == quote, let w = words.popLast() { words.append(String(w.dropFirst().dropLast())) }
        }

        mutating func piece<U: LineUnits>(_ u: U, _ lo: Int, _ hi: Int) {
            guard hi > lo else { return }
            var w = u.text(lo, hi)
            // Tabs read as spaces in the shell form, inside quotes and parentheses too (`g "a<TAB>b"` gives `a b`).
            if (lo..<hi).contains(where: { u.ascii($0) == tab }) { w = w.replacingTabs() }
            let f = u.ascii(lo), l = u.ascii(hi - 1)
            if (glueNext || f == bar || f == ampersand), !words.isEmpty {
                words[words.count - 1] += w
                last = l
                length += hi - lo
            } else {
                finish()
                words.append(w)
                first = f
                last = l
                length = hi - lo
            }
            glueNext = l == bar || l == ampersand || (hi - lo == 1 && f == tilde) || l == openParen
        }
    }

    /// `"my cache"` → `my cache`.
    private static func unquote<U: LineUnits>(_ u: U, _ a: Int, _ z: Int) -> String {
        if z - a >= 2, u.ascii(a) == quote, u.ascii(z - 1) == quote { return u.text(a + 1, z - 1) }
        return u.text(a, z)
    }

    /// Commands that take the whole rest of the line as one expression (`print (1 + 2) * 3`, `answer 0x1000, 0x1004`).
    /// Two compares, not a table: every command line asks, and a small ASCII String compares in a few instructions
    /// where a table lookup hashed the word first. (String `==` is canonical equivalence, as a table's keys were.)
    static func isExpressionCommand(_ word: String) -> Bool { word == "print" || word == "answer" }

    /// The same for a plain ASCII word given as bytes.
    static func isExpressionCommand(bytes w: UnsafeBufferPointer<UInt8>) -> Bool {
        // The length first: a generic `elementsEqual` of the word with each name was a hundred instructions a line.
        switch w.count {
        case 5: return w.elementsEqual("print".utf8)
        case 6: return w.elementsEqual("answer".utf8)
        default: return false
        }
    }

    static func isWordChar(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    /// `_`, an ASCII letter or digit: one bit test (digits in the low word of the map; A-Z, `_`, a-z in the high).
    @inline(__always) static func isASCIIWord(_ c: UInt8) -> Bool {
        c < 64 ? (0x03FF_0000_0000_0000 as UInt64) >> c & 1 != 0 : c < 128 && (0x07FF_FFFE_87FF_FFFE as UInt64) >> (c & 63) & 1 != 0
    }
}

extension String {
    public func trimmingWhitespace() -> String {
        // Most lines start and end with a printable ASCII byte: then the first and last Characters are those bytes
        // alone (an ASCII scalar ends any grapheme before it and starts one), and neither is whitespace.
        if let f = utf8.first, let l = utf8.last, f > 0x20, f < 0x7f, l > 0x20, l < 0x7f { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}

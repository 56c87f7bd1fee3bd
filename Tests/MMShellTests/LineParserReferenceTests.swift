import Testing
import KernelMM
@testable import MMShell

/// The line parser reads bytes (or, for a line that is not plain ASCII, Characters found once); what it gives must
/// be exactly what the earlier parser gave walking the line one Character at a time, kept here as the reference:
/// the same words, the same errors, on ordinary lines, odd ones and Unicode that looks like what the parser reads.
@Suite struct LineParserReferenceTests {
    static let lines = [
        "p = alloc_pages GFP_KERNEL 0", "__free_pages $p 0", "  q=alloc_pages GFP_KERNEL|__GFP_ZERO 3  ;;", "$x = kmalloc 96 GFP_ATOMIC",
        "alloc_pages GFP_KERNEL | __GFP_ZERO 2", "gfp GFP_KERNEL & ~__GFP_RECLAIM", "gfp ~ __GFP_IO", "print (1 + 2) * 3",
        "? zone(\"Normal\").free[3]", "x = ? page($p).order", "answer 0x1000, 0x1004", "kmem_cache_create \"my cache\" 100",
        "cat /proc/buddyinfo # a comment", "# only a comment", "", "   ", "boot arch=i386 mem=2G cpus=2", "memmap --around $p",
        "a == b", "x = ", "= 3", "f(1) (2", "g )", "alloc_pages(GFP_KERNEL, 3);", "echo \"a # b\" c", "slab-top x", "x = y = z",
        "kmalloc 100 GFP_KERNEL|", "w foo(bar baz) qux", "1abc", "_x = 1", "é = 1", "p = alloc_pages\tGFP_KERNEL 0", "answer",
        "f()", "f( )", "f(a,)", "f(,a)", "f(\"\")", "f(\"a, b\", c)", "f(a) x", "f((a, b), c)", "f(a", "f)", "g a) b", "g (a b",
        "g \"a b\" \"\" \"x", "g a\t\tb", "\tg\ta\t", "g a |b", "g a| b", "g a & b", "g ~ a", "g a ~ b", "g f( a", "g \"q\"|x",
        "g |", "| g", "-g", "g-h -i", "$ = 1", "$1 = 2", "x\t=\tg", "x == g", "x =", "x = ;", ";;;", "  ;  ", "g;", "g ;; ", "?",
        "? ", "x = ?", "#", "g # \"a", "g \"#\" b", "g \"a", "\r", "g a\r", "g\r\n", "g a\u{0B}b", "g\u{0}a",
        // Unicode: letters, full-width and other spaces, combining marks after what the parser reads, look-alikes.
        "메모리 할당", "p = 할당 GFP_KERNEL 0", "alloc_pages GFP_KERNEL\u{3000}0", "g\u{A0}a", "g a\u{2003}", "\u{3000}g\u{3000}",
        "g a\u{37E}", "g a;\u{301}", "g \"\u{301}a\" b", "g #\u{301} c", "g a \u{301}b", " \u{301}g", "e\u{301} = 1", "x\u{301}y a",
        "g (\u{301} a)", "g a|\u{301}b", "g ~\u{301} a", "g \u{1F600} b", "🙂 = 1", "x = 🙂", "g ａ", "g a\u{200B}b", "\u{212A} = 1",
        "g(a\u{37E} b)", "g(a, \u{3000})", "print é", "x = \u{0661}2", "\u{0661} = 1", "ⅳ = 1", "g\u{2028}a", "g \u{FE0F}",
    ]

    /// Both parsers give the same line, or errors worded the same.
    static func expectSameParse(_ line: String) {
        let expected = Result { () throws(CommandError) in try CharacterLineParser.parse(line) }
        let got = Result { () throws(CommandError) in try LineParser.parse(line) }
        switch (expected, got) {
        case (.success(let e), .success(let g)): #expect(e == g, "'\(line.debugDescription)'")
        case (.failure(let e), .failure(let g)): #expect(e.message(.en) == g.message(.en), "'\(line.debugDescription)'")
        default: Issue.record("'\(line.debugDescription)': expected \(expected), got \(got)")
        }
    }

    @Test(arguments: lines)
    func parsesAsTheCharacterParserDid(_ line: String) { Self.expectSameParse(line) }

    /// Seeded random lines over the characters the parser treats specially, ASCII and not.
    @Test func randomLinesParseAsTheCharacterParserDid() {
        let alphabet: [String] = ["a", "b", "_", "1", " ", " ", "\t", "\"", "#", ";", "=", "$", "?", "-", "(", ")", ",", "|", "&", "~",
                                  "é", "\u{301}", "\u{3000}", "\u{37E}", "한", "\r", "\u{A0}"]
        var rng = SeededRandom(seed: 15)
        for _ in 0..<3_000 {
            let n = Int(rng.next() % 14)
            var line = ""
            for _ in 0..<n { line += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            Self.expectSameParse(line)
        }
    }
}

/// The line parser as it was: one Character at a time, strings rebuilt at each step.
enum CharacterLineParser {
    static func parse(_ line: String) throws(CommandError) -> ParsedLine? {
        var text = stripComment(line).trimmingWhitespace()
        while text.hasSuffix(";") { text = String(text.dropLast()).trimmingWhitespace() }
        if text.isEmpty { return nil }
        var assign: String?
        if let eq = assignment(in: text) {
            assign = eq.name
            text = eq.rest
            if text.isEmpty { throw .other("nothing to assign to $\(eq.name): write '\(eq.name) = alloc_pages GFP_KERNEL 0'") }
        }
        if text.hasPrefix("?") {
            return ParsedLine(assignTo: assign, command: "print", arguments: [], rest: String(text.dropFirst()).trimmingWhitespace())
        }
        let chars = Array(text)
        var i = 0
        while i < chars.count, isWordChar(chars[i]) || (i > 0 && chars[i] == "-") { i += 1 }
        if i == 0 {
            throw .other("a command starts with a name, not '\(chars[0])'; type 'help'")
        }
        let command = String(chars[0..<i])
        let rest = String(chars[i...]).trimmingWhitespace()
        // The rest of these lines is one expression or answer, parentheses and all.
        if LineParser.isExpressionCommand(command) {
            return ParsedLine(assignTo: assign, command: command, arguments: rest.isEmpty ? [] : [rest], rest: rest)
        }
        var args: [String]
        if rest.hasPrefix("(") {
            guard let close = matchingParen(Array(rest), from: 0) else { throw .unbalanced(line) }
            let inner = Array(rest)[1..<close]
            let after = String(Array(rest)[(close + 1)...]).trimmingWhitespace()
            guard after.isEmpty else { throw .other("unexpected '\(after)' after the closing parenthesis") }
            args = try splitTopLevel(String(inner), separator: ",").map { $0.trimmingWhitespace() }
            if args == [""] { args = [] }
            if args.contains("") { throw .other("empty argument in '\(line)'") }
        } else {
            args = try shellWords(rest, line: line)
        }
        return ParsedLine(assignTo: assign, command: command, arguments: args.map(unquote), rest: rest)
    }

    static func isWordChar(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    static func stripComment(_ s: String) -> String {
        var inQuote = false
        var out = ""
        for c in s {
            if c == "\"" { inQuote.toggle() }
            if c == "#" && !inQuote { break }
            out.append(c)
        }
        return out
    }

    /// `name = …` or `$name = …` (but not `==`).
    static func assignment(in s: String) -> (name: String, rest: String)? {
        var chars = Array(s)
        if chars.first == "$" { chars.removeFirst() }
        var i = 0
        while i < chars.count, isWordChar(chars[i]) { i += 1 }
        guard i > 0, let first = chars.first, first == "_" || first.isLetter else { return nil }
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        guard j < chars.count, chars[j] == "=", j + 1 >= chars.count || chars[j + 1] != "=" else { return nil }
        return (String(chars[0..<i]), String(chars[(j + 1)...]).trimmingWhitespace())
    }

    static func matchingParen(_ c: [Character], from start: Int) -> Int? {
        var depth = 0, inQuote = false
        for k in start..<c.count {
            if c[k] == "\"" { inQuote.toggle() }
            if inQuote { continue }
            if c[k] == "(" { depth += 1 }
            if c[k] == ")" {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }

    static func splitTopLevel(_ s: String, separator: Character) throws(CommandError) -> [String] {
        var parts: [String] = [], cur = "", depth = 0, inQuote = false
        for c in s {
            if c == "\"" { inQuote.toggle() }
            if !inQuote {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
                if depth < 0 { throw .unbalanced(s) }
            }
            if c == separator && depth == 0 && !inQuote {
                parts.append(cur)
                cur = ""
            } else {
                cur.append(c)
            }
        }
        if depth != 0 { throw .unbalanced(s) }
        parts.append(cur)
        return parts
    }

    /// Whitespace-separated words, where `|`, `&` and a lone `~` glue their neighbours into one expression.
    static func shellWords(_ s: String, line: String) throws(CommandError) -> [String] {
        let raw = try splitTopLevel(String(s.map { $0 == "\t" ? " " : $0 }), separator: " ").filter { !$0.isEmpty }
        var words: [String] = []
        var glueNext = false
        for w in raw {
            if glueNext || w.hasPrefix("|") || w.hasPrefix("&"), let last = words.popLast() {
                words.append(last + w)
            } else {
                words.append(w)
            }
            glueNext = w.hasSuffix("|") || w.hasSuffix("&") || w == "~" || w.hasSuffix("(")
        }
        return words
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { return String(s.dropFirst().dropLast()) }
        return s
    }
}

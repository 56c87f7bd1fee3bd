/// One command line, split: an optional `name =` assignment, the command word and its argument texts.
public struct ParsedLine: Equatable, Sendable {
    public var assignTo: String?
    public var command: String
    public var arguments: [String]
    /// Everything after the command word, as typed (for commands that read an expression, like `print`).
    public var rest: String
}

/// Splits command lines. Both spellings work: `alloc_pages GFP_KERNEL 3` and `alloc_pages(GFP_KERNEL, 3);`.
/// `#` starts a comment; in the shell form, `A | B` with spaces is still one gfp expression.
public enum LineParser {
    public static func parse(_ line: String) throws(CommandError) -> ParsedLine? {
        switch parseASCII(line) {
        case .empty: return nil
        case .line(let parsed): return parsed
        case .general: return try parseGeneral(line)
        }
    }

    /// Any line, one Character at a time (`parseASCII` handles the common lines faster, with the same result).
    static func parseGeneral(_ line: String) throws(CommandError) -> ParsedLine? {
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
        if expressionCommands.contains(command) {
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

    /// Commands that take the whole rest of the line as one expression (`print (1 + 2) * 3`, `answer 0x1000, 0x1004`).
    static let expressionCommands: Set<String> = ["print", "answer"]

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
        let raw = try splitTopLevel(s.replacingTabs(), separator: " ").filter { !$0.isEmpty }
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

extension String {
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}

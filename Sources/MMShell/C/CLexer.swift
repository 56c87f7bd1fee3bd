/// Byte-level C lexer: identifiers, integer and character constants, strings (adjacent ones joined), punctuators,
/// `//` and `/* */` comments. Preprocessor lines: `#include` is ignored (nothing is compiled against headers),
/// `#define NAME TOKENS` defines an object-like macro the lexer expands, any other directive is skipped.
struct CLexer {
    let bytes: [UInt8]
    let file: String
    var i = 0
    var line = 1
    var lineStart = 0
    var atLineStart = true
    var macros: [String: [CToken]] = [:]
    /// Directives that were skipped, for a note (`#ifdef` and friends are not evaluated).
    var skippedDirectives: [(String, CPosition)] = []

    init(_ source: String, file: String) {
        bytes = Array(source.utf8)
        self.file = file
    }

    var position: CPosition { CPosition(line: line, column: i - lineStart + 1, offset: i) }

    func peek(_ k: Int = 0) -> UInt8 { i + k < bytes.count ? bytes[i + k] : 0 }

    mutating func advance() {
        if bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
            atLineStart = true
        }
        i += 1
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 36 || c >= 0x80
    }
    static func isIdentByte(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 48 && c <= 57) }

    /// include/linux/kern_levels.h: KERN_INFO is the string "\001" "6", glued to the format that follows.
    static let kernLevels: [(String, String)] = [("KERN_EMERG", "0"), ("KERN_ALERT", "1"), ("KERN_CRIT", "2"), ("KERN_ERR", "3"),
                                                 ("KERN_WARNING", "4"), ("KERN_NOTICE", "5"), ("KERN_INFO", "6"), ("KERN_DEBUG", "7"),
                                                 ("KERN_CONT", "c")]

    /// All tokens, macros expanded and adjacent strings joined, ending with `.end`.
    mutating func tokenize() throws(CError) -> [CToken] {
        var raw: [CToken] = []
        while true {
            let t = try next()
            raw.append(t)
            if t.kind == .end { break }
        }
        var out: [CToken] = []
        for t in expand(raw) {
            var t = t
            if t.kind == .identifier, let level = Self.kernLevels.first(where: { $0.0 == t.text }), macros[t.text] == nil {
                t.kind = .string("\u{1}" + level.1)
            }
            if case .string(let s) = t.kind, let last = out.last, case .string(let prev) = last.kind {
                out[out.count - 1] = CToken(kind: .string(prev + s), text: last.text + " " + t.text, start: last.start, end: t.end)
                continue
            }
            out.append(t)
        }
        return out
    }

    /// Object-like macros, expanded up to a fixed depth so `#define A A` cannot loop.
    func expand(_ tokens: [CToken], depth: Int = 0) -> [CToken] {
        guard !macros.isEmpty, depth < 8 else { return tokens }
        var out: [CToken] = []
        var changed = false
        for t in tokens {
            if t.kind == .identifier, let body = macros[t.text] {
                changed = true
                out += body.map { var b = $0; b.start = t.start; b.end = t.end; return b }
            } else {
                out.append(t)
            }
        }
        return changed ? expand(out, depth: depth + 1) : out
    }

    mutating func skipSpaceAndComments() throws(CError) {
        while i < bytes.count {
            let c = bytes[i]
            if c == 32 || c == 9 || c == 13 || c == 10 || c == 12 {
                advance()
            } else if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") {
                while i < bytes.count && bytes[i] != 10 { advance() }
            } else if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                let start = position
                advance(); advance()
                while i < bytes.count && !(bytes[i] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { advance() }
                guard i < bytes.count else { throw CError(.unterminatedComment, at: start) }
                advance(); advance()
            } else if c == UInt8(ascii: "\\") && peek(1) == 10 {
                advance(); advance()
            } else if c == UInt8(ascii: "#") && atLineStart {
                try directive()
            } else {
                return
            }
        }
    }

    /// One preprocessor line (with backslash continuations).
    mutating func directive() throws(CError) {
        let start = position
        var text: [UInt8] = []
        advance()
        while i < bytes.count && bytes[i] != 10 {
            if bytes[i] == UInt8(ascii: "\\") && peek(1) == 10 { advance(); advance(); text.append(32); continue }
            text.append(bytes[i])
            advance()
        }
        let s = String(decoding: text, as: UTF8.self).trimmingWhitespace()
        let word = String(s.prefix { $0.isLetter })
        switch word {
        case "include", "pragma", "":
            return
        case "define":
            let rest = String(s.dropFirst(6)).trimmingWhitespace()
            let name = String(rest.prefix { $0 == "_" || $0.isLetter || $0.isNumber })
            guard !name.isEmpty else { throw CError(.badDirective(s), at: start) }
            let body = String(rest.dropFirst(name.count))
            if body.hasPrefix("(") { throw CError(.functionMacro(name), at: start) }
            var sub = CLexer(body, file: file)
            sub.macros = macros
            var toks = try sub.tokenize()
            toks.removeLast()
            macros[name] = toks
        default:
            skippedDirectives.append((s, start))
        }
    }

    mutating func next() throws(CError) -> CToken {
        try skipSpaceAndComments()
        atLineStart = false
        let start = position
        guard i < bytes.count else { return CToken(kind: .end, text: "", start: start, end: start) }
        let c = bytes[i]
        if Self.isIdentStart(c) {
            let s = i
            while i < bytes.count && Self.isIdentByte(bytes[i]) { i += 1 }
            return CToken(kind: .identifier, text: String(decoding: bytes[s..<i], as: UTF8.self), start: start, end: position)
        }
        if c >= 48 && c <= 57 { return try number(start) }
        if c == UInt8(ascii: "\"") { return try stringLiteral(start) }
        if c == UInt8(ascii: "'") { return try charLiteral(start) }
        for p in Self.punctuators {
            let pb = Array(p.utf8)
            if i + pb.count <= bytes.count && Array(bytes[i..<(i + pb.count)]) == pb {
                i += pb.count
                return CToken(kind: .punct, text: p, start: start, end: position)
            }
        }
        let ch = String(decoding: [c], as: UTF8.self)
        throw CError(.unexpectedCharacter(ch), at: start)
    }

    /// Longest first.
    static let punctuators = ["<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
                              "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
                              "(", ")", "{", "}", "[", "]", ";", ",", ".", "&", "*", "+", "-", "~", "!", "/", "%",
                              "<", ">", "^", "|", "?", ":", "="]

    mutating func number(_ start: CPosition) throws(CError) -> CToken {
        let s = i
        while i < bytes.count && (Self.isIdentByte(bytes[i])) { i += 1 }
        let text = String(decoding: bytes[s..<i], as: UTF8.self)
        var body = Substring(text.lowercased())
        var unsigned = false, long = false
        while let l = body.last, l == "u" || l == "l" {
            if l == "u" { unsigned = true } else { long = true }
            body.removeLast()
        }
        var value: UInt64?
        if body.hasPrefix("0x") { value = UInt64(body.dropFirst(2), radix: 16) }
        else if body.hasPrefix("0b") { value = UInt64(body.dropFirst(2), radix: 2) }
        else if body.count > 1 && body.hasPrefix("0") { value = UInt64(body.dropFirst(), radix: 8) }
        else { value = UInt64(body) }
        guard let v = value else { throw CError(.badNumber(text), at: start) }
        return CToken(kind: .integer(v, unsigned: unsigned, long: long), text: text, start: start, end: position)
    }

    mutating func escape(_ start: CPosition) throws(CError) -> UInt8 {
        i += 1
        guard i < bytes.count else { throw CError(.unterminatedString, at: start) }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "n"): return 10
        case UInt8(ascii: "t"): return 9
        case UInt8(ascii: "r"): return 13
        case UInt8(ascii: "0"): return 0
        case UInt8(ascii: "a"): return 7
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): return e
        default: return e
        }
    }

    mutating func stringLiteral(_ start: CPosition) throws(CError) -> CToken {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count, bytes[i] != 10 else { throw CError(.unterminatedString, at: start) }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c == UInt8(ascii: "\\") { out.append(try escape(start)); continue }
            out.append(c)
            i += 1
        }
        let text = String(decoding: bytes[start.offset..<i], as: UTF8.self)
        return CToken(kind: .string(String(decoding: out, as: UTF8.self)), text: text, start: start, end: position)
    }

    mutating func charLiteral(_ start: CPosition) throws(CError) -> CToken {
        i += 1
        guard i < bytes.count else { throw CError(.unterminatedString, at: start) }
        var v: UInt8
        if bytes[i] == UInt8(ascii: "\\") { v = try escape(start) } else { v = bytes[i]; i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "'") else { throw CError(.unterminatedString, at: start) }
        i += 1
        return CToken(kind: .character(UInt64(v)), text: String(decoding: bytes[start.offset..<i], as: UTF8.self), start: start, end: position)
    }
}

/// A parsed expression. Every node keeps the column (from 1) of the token that names it, so that an error while
/// evaluating points at the right place: the `.` of a bad field, the `(` of a bad call, the operator of a bad sum.
public indirect enum QueryExpr: Sendable, Equatable {
    case literal(QueryValue, column: Int)
    /// `[a, b, c]`
    case list([QueryExpr], column: Int)
    case variable(String, column: Int)
    /// A bare name: a root without arguments (`zones`, `meminfo`, `last`).
    case name(String, column: Int)
    /// `name(args)`: a root with arguments (`zone("Normal")`) or a function (`log2(4096)`).
    case call(String, [QueryExpr], column: Int)
    /// `base.field`; the column is the dot's.
    case member(QueryExpr, String, column: Int)
    /// `base.method(args)`.
    case methodCall(QueryExpr, String, [QueryExpr], column: Int)
    case index(QueryExpr, QueryExpr, column: Int)
    case unary(String, QueryExpr, column: Int)
    case binary(String, QueryExpr, QueryExpr, column: Int)

    public var column: Int {
        switch self {
        case .literal(_, let c), .list(_, let c), .variable(_, let c), .name(_, let c), .call(_, _, let c), .member(_, _, let c),
             .methodCall(_, _, _, let c), .index(_, _, let c), .unary(_, _, let c), .binary(_, _, _, let c): c
        }
    }
}

/// One token of an expression.
struct QueryToken: Equatable {
    enum Kind: Equatable {
        case number(QueryValue)
        case string(String)
        case identifier(String)
        case variable(String)
        case op(String)
        case end
    }
    var kind: Kind
    var column: Int
}

/// Splits an expression into tokens. Numbers are decimal, 0x hex, 0b binary, with `_` separators and size suffixes
/// (4K, 2M, 1G, 4KiB) as everywhere else in kmemsim.
enum QueryLexer {
    static let twoCharOps: Set<String> = ["==", "!=", "<=", ">=", "<<", ">>", "&&", "||"]
    static let oneCharOps: Set<Character> = ["+", "-", "*", "/", "%", "&", "|", "^", "~", "(", ")", "[", "]", ",", ".", "<", ">", "!", "="]

    static func tokens(_ text: String) throws(QueryError) -> [QueryToken] {
        let c = Array(text)
        var out: [QueryToken] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            let col = i + 1
            if ch.isWhitespace { i += 1; continue }
            if ch.isNumber {
                var j = i
                while j < c.count, c[j].isLetter || c[j].isNumber || c[j] == "_" { j += 1 }
                let word = String(c[i..<j])
                out.append(QueryToken(kind: .number(try number(word, column: col)), column: col))
                i = j
                continue
            }
            if ch.isLetter || ch == "_" {
                var j = i
                while j < c.count, LineParser.isWordChar(c[j]) { j += 1 }
                out.append(QueryToken(kind: .identifier(String(c[i..<j])), column: col))
                i = j
                continue
            }
            if ch == "$" {
                var j = i + 1
                while j < c.count, LineParser.isWordChar(c[j]) { j += 1 }
                guard j > i + 1 else { throw QueryError(.queryDollarNeedsName, column: col) }
                out.append(QueryToken(kind: .variable(String(c[(i + 1)..<j])), column: col))
                i = j
                continue
            }
            if ch == "\"" || ch == "'" {
                var j = i + 1
                var s = ""
                while j < c.count, c[j] != ch {
                    if c[j] == "\\", j + 1 < c.count { j += 1 }
                    s.append(c[j])
                    j += 1
                }
                guard j < c.count else { throw QueryError(.queryStringNotClosed(ch), column: col) }
                out.append(QueryToken(kind: .string(s), column: col))
                i = j + 1
                continue
            }
            if i + 1 < c.count, twoCharOps.contains(String(c[i...(i + 1)])) {
                out.append(QueryToken(kind: .op(String(c[i...(i + 1)])), column: col))
                i += 2
                continue
            }
            if oneCharOps.contains(ch) {
                if ch == "=" { throw QueryError(.queryAssignNotCompare, column: col) }
                out.append(QueryToken(kind: .op(String(ch)), column: col))
                i += 1
                continue
            }
            throw QueryError(.queryUnexpected(String(ch)), column: col)
        }
        out.append(QueryToken(kind: .end, column: c.count + 1))
        return out
    }

    static func number(_ word: String, column: Int) throws(QueryError) -> QueryValue {
        let lower = word.lowercased()
        if lower.hasPrefix("0x") {
            guard let u = UInt64(lower.dropFirst(2).filter { $0 != "_" }, radix: 16) else {
                throw QueryError(.queryNotHex(word), column: column)
            }
            return u <= UInt64(Int.max) ? .int(Int(u)) : .address(u)
        }
        if let n = NumberParser.integer(word) { return .int(n) }
        if let s = NumberParser.size(word) {
            return s <= UInt64(Int.max) ? .int(Int(s)) : .address(s)
        }
        throw QueryError(.queryNotNumber(word), column: column)
    }
}

/// Parses the query language. Precedence, loosest first (as in Python, so `a & b == c` needs no surprise):
/// `or` `||` · `and` `&&` · `not` `!` · comparisons `== != < <= > >= in` · `|` · `^` · `&` · `<< >>` · `+ -` ·
/// `* / %` · unary `- ~` · postfix `.field` `.method(…)` `[index]` `(…)`.
public enum QueryParser {
    public static func parse(_ text: String) throws(QueryError) -> QueryExpr {
        var p = Parser(tokens: try QueryLexer.tokens(text))
        if case .end = p.peek.kind { throw QueryError(.queryEmpty, column: 1) }
        let e = try p.orExpr()
        guard case .end = p.peek.kind else { throw QueryError(.queryUnexpectedAfter(.queryToken(p.peek)), column: p.peek.column) }
        return e
    }

    struct Parser {
        var tokens: [QueryToken]
        var i = 0
        /// Recursion depth and tree size so far: both are bounded (`Limits`) so that no line can overflow the stack of
        /// the parser, the evaluator or the tree's deallocation.
        var nesting = 0
        var nodes = 0

        mutating func enter() throws(QueryError) {
            nesting += 1
            if nesting > Limits.queryNesting { throw QueryError(.queryTooDeep, column: peek.column) }
        }

        mutating func node(_ column: Int) throws(QueryError) {
            nodes += 1
            if nodes > Limits.queryNodes { throw QueryError(.queryTooLong, column: column) }
        }
        var peek: QueryToken { tokens[min(i, tokens.count - 1)] }

        mutating func advance() -> QueryToken {
            let t = peek
            if i < tokens.count - 1 { i += 1 }
            return t
        }

        func isOp(_ s: String) -> Bool { peek.kind == .op(s) }
        func isWord(_ s: String) -> Bool { peek.kind == .identifier(s) }

        mutating func orExpr() throws(QueryError) -> QueryExpr {
            try enter()
            defer { nesting -= 1 }
            var l = try andExpr()
            while isWord("or") || isOp("||") {
                let t = advance()
                try node(t.column)
                l = .binary("or", l, try andExpr(), column: t.column)
            }
            return l
        }

        mutating func andExpr() throws(QueryError) -> QueryExpr {
            var l = try notExpr()
            while isWord("and") || isOp("&&") {
                let t = advance()
                try node(t.column)
                l = .binary("and", l, try notExpr(), column: t.column)
            }
            return l
        }

        mutating func notExpr() throws(QueryError) -> QueryExpr {
            if isWord("not") || isOp("!") {
                let t = advance()
                try enter()
                defer { nesting -= 1 }
                try node(t.column)
                return .unary("not", try notExpr(), column: t.column)
            }
            return try comparison()
        }

        static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

        mutating func comparison() throws(QueryError) -> QueryExpr {
            var l = try bitOr()
            while true {
                if case .op(let o) = peek.kind, Self.comparisons.contains(o) {
                    let t = advance()
                    try node(t.column)
                    l = .binary(o, l, try bitOr(), column: t.column)
                } else if isWord("in") {
                    let t = advance()
                    try node(t.column)
                    l = .binary("in", l, try bitOr(), column: t.column)
                } else {
                    return l
                }
            }
        }

        mutating func binaryLevel(_ ops: Set<String>, next: (inout Parser) throws(QueryError) -> QueryExpr) throws(QueryError) -> QueryExpr {
            var l = try next(&self)
            while case .op(let o) = peek.kind, ops.contains(o) {
                let t = advance()
                try node(t.column)
                l = .binary(o, l, try next(&self), column: t.column)
            }
            return l
        }

        mutating func bitOr() throws(QueryError) -> QueryExpr { try binaryLevel(["|"]) { (p: inout Parser) throws(QueryError) in try p.bitXor() } }
        mutating func bitXor() throws(QueryError) -> QueryExpr { try binaryLevel(["^"]) { (p: inout Parser) throws(QueryError) in try p.bitAnd() } }
        mutating func bitAnd() throws(QueryError) -> QueryExpr { try binaryLevel(["&"]) { (p: inout Parser) throws(QueryError) in try p.shift() } }
        mutating func shift() throws(QueryError) -> QueryExpr { try binaryLevel(["<<", ">>"]) { (p: inout Parser) throws(QueryError) in try p.additive() } }
        mutating func additive() throws(QueryError) -> QueryExpr { try binaryLevel(["+", "-"]) { (p: inout Parser) throws(QueryError) in try p.multiplicative() } }
        mutating func multiplicative() throws(QueryError) -> QueryExpr { try binaryLevel(["*", "/", "%"]) { (p: inout Parser) throws(QueryError) in try p.unary() } }

        mutating func unary() throws(QueryError) -> QueryExpr {
            if isOp("-") || isOp("~") {
                let t = advance()
                guard case .op(let o) = t.kind else { return try postfix() }
                try enter()
                defer { nesting -= 1 }
                try node(t.column)
                return .unary(o, try unary(), column: t.column)
            }
            return try postfix()
        }

        mutating func arguments() throws(QueryError) -> [QueryExpr] {
            // The '(' has been consumed.
            var args: [QueryExpr] = []
            if isOp(")") { _ = advance(); return args }
            while true {
                args.append(try orExpr())
                if isOp(",") { _ = advance(); continue }
                guard isOp(")") else { throw QueryError(.queryExpected([",", ")"], found: .queryToken(peek)), column: peek.column) }
                _ = advance()
                return args
            }
        }

        mutating func postfix() throws(QueryError) -> QueryExpr {
            var e = try primary()
            while true {
                if isOp(".") {
                    let dot = advance()
                    try node(dot.column)
                    guard case .identifier(let name) = peek.kind else {
                        throw QueryError(.queryFieldNameAfterDot, column: peek.column)
                    }
                    _ = advance()
                    if isOp("(") {
                        _ = advance()
                        e = .methodCall(e, name, try arguments(), column: dot.column)
                    } else {
                        e = .member(e, name, column: dot.column)
                    }
                } else if isOp("[") {
                    let open = advance()
                    try node(open.column)
                    let idx = try orExpr()
                    guard isOp("]") else { throw QueryError(.queryExpected(["]"], found: .queryToken(peek)), column: peek.column) }
                    _ = advance()
                    e = .index(e, idx, column: open.column)
                } else {
                    return e
                }
            }
        }

        mutating func primary() throws(QueryError) -> QueryExpr {
            let t = advance()
            switch t.kind {
            case .number(let v): return .literal(v, column: t.column)
            case .string(let s): return .literal(.string(s), column: t.column)
            case .variable(let v): return .variable(v, column: t.column)
            case .identifier(let w):
                switch w {
                case "true": return .literal(.bool(true), column: t.column)
                case "false": return .literal(.bool(false), column: t.column)
                case "null", "NULL": return .literal(.null, column: t.column)
                case "and", "or", "not", "in": throw QueryError(.queryNeedsValueBefore(w), column: t.column)
                default: break
                }
                if isOp("(") {
                    _ = advance()
                    try node(t.column)
                    return .call(w, try arguments(), column: t.column)
                }
                return .name(w, column: t.column)
            case .op("["):
                var items: [QueryExpr] = []
                if isOp("]") { _ = advance(); return .list(items, column: t.column) }
                while true {
                    items.append(try orExpr())
                    if isOp(",") { _ = advance(); continue }
                    guard isOp("]") else { throw QueryError(.queryExpected([",", "]"], found: .queryToken(peek)), column: peek.column) }
                    _ = advance()
                    return .list(items, column: t.column)
                }
            case .op("("):
                let e = try orExpr()
                guard isOp(")") else { throw QueryError(.queryExpected([")"], found: .queryToken(peek)), column: peek.column) }
                _ = advance()
                return e
            case .end:
                throw QueryError(.queryEndsEarly, column: t.column)
            case .op(let o):
                throw QueryError(.queryUnexpected(o), column: t.column)
            }
        }
    }
}

import KernelMM

/// Recursive-descent parser for the kernel C that kmemsim runs: declarations (with struct definitions), function
/// definitions, statements and the full expression grammar with C's precedence.
struct CParser {
    var tokens: [CToken]
    var p = 0
    var depth = 0
    let arch: Architecture
    /// Struct tags declared so far in this unit (for `struct dog *d` before anything is laid out).
    var structTags: Set<String> = []

    init(tokens: [CToken], arch: Architecture) {
        self.tokens = tokens
        self.arch = arch
    }

    static func parse(_ source: String, file: String, arch: Architecture) throws(CError) -> [CTopLevel] {
        var lexer = CLexer(source, file: file)
        var parser = CParser(tokens: try lexer.tokenize(), arch: arch)
        return try parser.unit()
    }

    var tok: CToken { tokens[min(p, tokens.count - 1)] }
    func ahead(_ k: Int) -> CToken { tokens[min(p + k, tokens.count - 1)] }
    mutating func bump() -> CToken { let t = tok; if p < tokens.count - 1 { p += 1 }; return t }

    func describe(_ t: CToken) -> String { t.kind == .end ? "end of input" : "'\(t.text)'" }

    mutating func expect(_ s: String) throws(CError) {
        guard tok.isPunct(s) else { throw CError(.expected("'\(s)'", found: describe(tok)), at: tok.start) }
        _ = bump()
    }

    mutating func accept(_ s: String) -> Bool {
        if tok.isPunct(s) { _ = bump(); return true }
        return false
    }

    mutating func identifier(_ what: String) throws(CError) -> CToken {
        guard tok.isIdentifier, !Self.keywords.contains(tok.text) else { throw CError(.expected(what, found: describe(tok)), at: tok.start) }
        return bump()
    }

    static let keywords: Set<String> = ["if", "else", "for", "while", "do", "return", "goto", "break", "continue",
                                        "struct", "union", "enum", "sizeof", "switch", "case", "default", "typedef",
                                        "void", "char", "short", "int", "long", "signed", "unsigned", "const",
                                        "volatile", "static", "extern", "inline", "register"]
    static let baseWords: Set<String> = ["void", "char", "short", "int", "long", "signed", "unsigned", "_Bool"]
    static let qualifiers: Set<String> = ["const", "volatile", "static", "extern", "inline", "register", "__init",
                                          "__exit", "__initdata", "__exitdata", "__read_mostly", "__user", "__iomem",
                                          "__rcu", "__percpu", "__must_check", "noinline", "__always_inline",
                                          "notrace", "asmlinkage", "__maybe_unused", "__used", "__cold", "__force"]

    /// `static DEFINE_SPINLOCK(lock);`: a definition macro after storage words, read as a statement.
    mutating func skipToDefinitionMacro() -> Bool {
        var k = 0
        while ahead(k).isIdentifier, Self.qualifiers.contains(ahead(k).text) { k += 1 }
        guard ahead(k).isIdentifier, Self.definitionMacros.contains(ahead(k).text) else { return false }
        p += k
        return true
    }
    static let definitionMacros: Set<String> = ["DEFINE_SPINLOCK", "DEFINE_PER_CPU"]

    func isTypeStart(_ t: CToken) -> Bool {
        guard t.isIdentifier else { return false }
        return Self.baseWords.contains(t.text) || Self.qualifiers.contains(t.text) || t.text == "struct" || t.text == "union"
            || t.text == "enum" || t.text == "typedef" || CKernelStructs.typedef(t.text, arch: arch) != nil
    }

    // MARK: top level

    mutating func unit() throws(CError) -> [CTopLevel] {
        var out: [CTopLevel] = []
        while tok.kind != .end {
            if skipToDefinitionMacro() {
                out.append(.statement(try statement()))
            } else if isTypeStart(tok) {
                out += try externalDeclaration()
            } else {
                out.append(.statement(try statement()))
            }
        }
        return out
    }

    /// A declaration or a function definition (they start the same way).
    mutating func externalDeclaration() throws(CError) -> [CTopLevel] {
        let start = tok.start
        let spec = try specifiers()
        if let s = spec.structDecl, tok.isPunct(";") {
            _ = bump()
            return [.statement(CStmt(kind: .structDeclaration(s), start: start))]
        }
        var decls: [CDeclarator] = []
        var prefix: [CTopLevel] = []
        if let s = spec.structDecl { prefix.append(.statement(CStmt(kind: .structDeclaration(s), start: start))) }
        while true {
            let (name, type, namePos, params) = try declarator(spec.type)
            if let params, tok.isPunct("{") {
                let body = try block()
                let fn = CFunction(name: name, returnType: type, parameters: params, body: body, position: namePos,
                                   file: "", isInit: spec.isInit)
                return prefix + [.function(fn)]
            }
            if params != nil {
                // A prototype: nothing to run.
                if accept(",") { continue }
                try expect(";")
                return prefix
            }
            var d = CDeclarator(name: name, type: type, initializer: nil, position: namePos)
            if accept("=") {
                if tok.isPunct("{") { try zeroInitializer(); d.zeroInit = true } else { d.initializer = try assignment() }
            }
            decls.append(d)
            if accept(",") { continue }
            try expect(";")
            break
        }
        return prefix + [.statement(CStmt(kind: .declaration(decls, isStatic: spec.isStatic), start: start))]
    }

    /// `{ 0 }` or `{}`: the only initializer list kmemsim models.
    mutating func zeroInitializer() throws(CError) {
        let start = tok.start
        try expect("{")
        if accept("}") { return }
        if case .integer(0, _, _) = tok.kind { _ = bump(); _ = accept(","); if accept("}") { return } }
        throw CError(.notModelledSyntax("initializer lists other than { 0 }"), at: start)
    }

    struct Specifiers {
        var type: CType
        var isStatic = false
        var isInit = false
        var structDecl: CStructDecl?
    }

    mutating func specifiers() throws(CError) -> Specifiers {
        var words: [String] = []
        var spec = Specifiers(type: .int)
        var named: CType?
        let start = tok.start
        while tok.isIdentifier {
            let w = tok.text
            if Self.qualifiers.contains(w) {
                if w == "static" { spec.isStatic = true }
                if w == "__init" { spec.isInit = true }
                _ = bump()
            } else if Self.baseWords.contains(w) {
                words.append(w)
                _ = bump()
            } else if w == "typedef" {
                throw CError(.notModelledSyntax("typedef (use the struct name: struct dog)"), at: tok.start)
            } else if w == "enum" {
                throw CError(.notModelledSyntax("enum (use #define NAME VALUE)"), at: tok.start)
            } else if w == "struct" || w == "union" {
                guard named == nil, words.isEmpty else { throw CError(.expected("one type", found: "'\(w)'"), at: tok.start) }
                let isUnion = w == "union"
                _ = bump()
                let tag = try identifier("a struct name")
                structTags.insert(tag.text)
                named = .structure(tag.text, isUnion: isUnion)
                if tok.isPunct("{") { spec.structDecl = try structBody(tag.text, isUnion: isUnion) }
            } else if named == nil, words.isEmpty, let t = CKernelStructs.typedef(w, arch: arch) {
                named = t
                _ = bump()
            } else {
                break
            }
        }
        if let named {
            spec.type = named
        } else if words.isEmpty {
            throw CError(.expectedType(found: describe(tok)), at: start)
        } else {
            spec.type = try Self.baseType(words, at: start)
        }
        return spec
    }

    static func baseType(_ words: [String], at pos: CPosition) throws(CError) -> CType {
        let unsigned = words.contains("unsigned")
        let longs = words.filter { $0 == "long" }.count
        if words.contains("void") { return .void }
        if words.contains("_Bool") { return .bool }
        if words.contains("char") { return .integer(.char, signed: !unsigned) }
        if words.contains("short") { return .integer(.short, signed: !unsigned) }
        if longs >= 2 { return .integer(.longLong, signed: !unsigned) }
        if longs == 1 { return .integer(.long, signed: !unsigned) }
        return .integer(.int, signed: !unsigned)
    }

    mutating func structBody(_ tag: String, isUnion: Bool) throws(CError) -> CStructDecl {
        try expect("{")
        var members: [(name: String, type: CType)] = []
        while !tok.isPunct("}") {
            guard tok.kind != .end else { throw CError(.expected("'}'", found: "end of input"), at: tok.start) }
            let spec = try specifiers()
            repeat {
                let (name, type, pos, params) = try declarator(spec.type)
                if params != nil { throw CError(.notModelledSyntax("function members"), at: pos) }
                if members.contains(where: { $0.name == name }) { throw CError(.redeclared(name), at: pos) }
                if tok.isPunct(":") { throw CError(.notModelledSyntax("bit-fields"), at: tok.start) }
                members.append((name, type))
            } while accept(",")
            try expect(";")
        }
        _ = bump()
        return CStructDecl(name: tag, isUnion: isUnion, members: members)
    }

    /// `*name[4]`, `name(int a, void *b)`: the name, its type, and parameters when it declares a function.
    mutating func declarator(_ base: CType) throws(CError) -> (String, CType, CPosition, [(name: String, type: CType)]?) {
        var type = base
        while accept("*") {
            type = .pointer(type)
            while tok.isIdentifier, Self.qualifiers.contains(tok.text) { _ = bump() }
        }
        if tok.isPunct("(") && ahead(1).isPunct("*") {
            throw CError(.notModelledSyntax("function pointers"), at: tok.start)
        }
        let name = try identifier("a name")
        var dims: [Int] = []
        while accept("[") {
            let e = try conditional()
            guard let n = Self.constant(e), n > 0 else { throw CError(.notModelledSyntax("array sizes other than a positive constant"), at: e.start) }
            dims.append(n)
            try expect("]")
        }
        for n in dims.reversed() { type = .array(type, n) }
        while tok.isIdentifier, Self.qualifiers.contains(tok.text) { _ = bump() }
        guard tok.isPunct("(") else { return (name.text, type, name.start, nil) }
        _ = bump()
        var params: [(name: String, type: CType)] = []
        if tok.isIdentifier, tok.text == "void", ahead(1).isPunct(")") { _ = bump() }
        while !tok.isPunct(")") {
            let spec = try specifiers()
            let (pn, pt, _, _) = try declarator(spec.type)
            params.append((pn, pt))
            if !accept(",") { break }
        }
        try expect(")")
        while tok.isIdentifier, Self.qualifiers.contains(tok.text) { _ = bump() }
        return (name.text, type, name.start, params)
    }

    /// The type words the DEFINE_PER_CPU command takes (`unsigned long` is `ulong`, any pointer is `pointer`).
    static func percpuTypeWord(_ t: CType) -> String {
        switch t {
        case .pointer: return "pointer"
        case .bool: return "bool"
        case .integer(let k, let signed):
            switch (k, signed) {
            case (.int, true): return "int"
            case (.int, false): return "unsigned"
            case (.long, true): return "long"
            case (.long, false): return "ulong"
            case (.char, true): return "char"
            case (.char, false): return "u8"
            case (.short, true): return "short"
            case (.short, false): return "u16"
            case (.longLong, true): return "s64"
            case (.longLong, false): return "u64"
            }
        default: return t.spelling
        }
    }

    /// Integer constant expressions of literals (array sizes).
    static func constant(_ e: CExpr) -> Int? {
        switch e.kind {
        case .integer(let v, _): return v <= UInt64(Int.max) ? Int(v) : nil
        case .binary(let op, let l, let r):
            guard let a = constant(l), let b = constant(r) else { return nil }
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            case "/": return b == 0 ? nil : a / b
            case "<<": return b < 32 ? a << b : nil
            default: return nil
            }
        default: return nil
        }
    }

    /// A type name in a cast, sizeof or offsetof: specifiers and abstract `*`s.
    mutating func typeName() throws(CError) -> CType {
        let spec = try specifiers()
        var t = spec.type
        while accept("*") { t = .pointer(t) }
        if accept("[") {
            let e = try conditional()
            guard let n = Self.constant(e), n > 0 else { throw CError(.notModelledSyntax("array sizes other than a positive constant"), at: e.start) }
            try expect("]")
            t = .array(t, n)
        }
        return t
    }

    // MARK: statements

    mutating func block() throws(CError) -> CStmt {
        let start = tok.start
        try expect("{")
        var body: [CStmt] = []
        while !tok.isPunct("}") {
            guard tok.kind != .end else { throw CError(.expected("'}'", found: "end of input"), at: tok.start) }
            if skipToDefinitionMacro() {
                body.append(try statement())
            } else if isTypeStart(tok) {
                for item in try externalDeclaration() {
                    switch item {
                    case .statement(let s): body.append(s)
                    case .function(let f): throw CError(.notModelledSyntax("a function defined inside a function"), at: f.position)
                    }
                }
            } else {
                body.append(try statement())
            }
        }
        _ = bump()
        return CStmt(kind: .block(body), start: start)
    }

    mutating func statement() throws(CError) -> CStmt {
        let start = tok.start
        try enter(start)
        defer { depth -= 1 }
        if tok.isPunct("{") { return try block() }
        if accept(";") { return CStmt(kind: .empty, start: start) }
        if tok.isIdentifier {
            switch tok.text {
            case "if":
                _ = bump()
                try expect("(")
                let c = try expression()
                try expect(")")
                let then = try statement()
                var els: CStmt?
                if tok.isIdentifier, tok.text == "else" { _ = bump(); els = try statement() }
                return CStmt(kind: .ifElse(c, then, els), start: start)
            case "while":
                _ = bump()
                try expect("(")
                let c = try expression()
                try expect(")")
                return CStmt(kind: .whileLoop(c, try statement()), start: start)
            case "do":
                _ = bump()
                let body = try statement()
                guard tok.isIdentifier, tok.text == "while" else { throw CError(.expected("'while'", found: describe(tok)), at: tok.start) }
                _ = bump()
                try expect("(")
                let c = try expression()
                try expect(")")
                try expect(";")
                return CStmt(kind: .doWhile(body, c), start: start)
            case "for":
                _ = bump()
                try expect("(")
                var initS: CStmt?
                if isTypeStart(tok) {
                    let items = try externalDeclaration()
                    if case .statement(let s)? = items.last { initS = s }
                } else if !accept(";") {
                    let e = try expression()
                    try expect(";")
                    initS = CStmt(kind: .expression(e), start: e.start)
                }
                let cond = tok.isPunct(";") ? nil : try expression()
                try expect(";")
                let step = tok.isPunct(")") ? nil : try expression()
                try expect(")")
                return CStmt(kind: .forLoop(initS, cond, step, try statement()), start: start)
            case "break":
                _ = bump(); try expect(";")
                return CStmt(kind: .breakStmt, start: start)
            case "continue":
                _ = bump(); try expect(";")
                return CStmt(kind: .continueStmt, start: start)
            case "return":
                _ = bump()
                if accept(";") { return CStmt(kind: .returnStmt(nil), start: start) }
                let e = try expression()
                try expect(";")
                return CStmt(kind: .returnStmt(e), start: start)
            case "goto":
                _ = bump()
                let l = try identifier("a label")
                try expect(";")
                return CStmt(kind: .gotoStmt(l.text), start: start)
            case "switch", "case", "default":
                throw CError(.notModelledSyntax("switch (write it with if / else if)"), at: start)
            case "else":
                throw CError(.expected("a statement", found: "'else' without an 'if' before it"), at: start)
            default:
                if ahead(1).isPunct(":"), !Self.keywords.contains(tok.text) {
                    let l = bump()
                    _ = bump()
                    // A label may end a block: `out: }`.
                    if tok.isPunct("}") { return CStmt(kind: .label(l.text, CStmt(kind: .empty, start: tok.start)), start: start) }
                    if isTypeStart(tok) { return CStmt(kind: .label(l.text, CStmt(kind: .empty, start: tok.start)), start: start) }
                    return CStmt(kind: .label(l.text, try statement()), start: start)
                }
            }
        }
        let e = try expression()
        guard tok.isPunct(";") else {
            throw CError(.expected("';'", found: describe(tok)), at: tok.kind == .end ? tokens[max(p - 1, 0)].end : tok.start)
        }
        _ = bump()
        return CStmt(kind: .expression(e), start: start)
    }

    // MARK: expressions

    func node(_ k: CExprKind, _ s: CPosition) throws(CError) -> CExpr {
        let e = CExpr(kind: k, start: s, end: tokens[max(p - 1, 0)].end)
        guard e.height <= Limits.cNesting else { throw CError(.nestedTooDeeply(Limits.cNesting), at: s) }
        return e
    }

    /// Counts the parser's own recursion (brackets, prefix operators, statements inside statements), so a line of
    /// 12,000 '(' is an error rather than a stack overflow.
    mutating func enter(_ at: CPosition) throws(CError) {
        depth += 1
        guard depth <= Limits.cNesting else { throw CError(.nestedTooDeeply(Limits.cNesting), at: at) }
    }

    mutating func expression() throws(CError) -> CExpr {
        var e = try assignment()
        while tok.isPunct(",") {
            _ = bump()
            let r = try assignment()
            e = try node(.comma(e, r), e.start)
        }
        return e
    }

    static let assignOps: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]

    mutating func assignment() throws(CError) -> CExpr {
        try enter(tok.start)
        defer { depth -= 1 }
        let l = try conditional()
        if tok.kind == .punct, Self.assignOps.contains(tok.text) {
            let op = bump().text
            let r = try assignment()
            return try node(.assign(op, l, r), l.start)
        }
        return l
    }

    mutating func conditional() throws(CError) -> CExpr {
        let c = try binary(0)
        guard accept("?") else { return c }
        let a = try expression()
        try expect(":")
        let b = try conditional()
        return try node(.conditional(c, a, b), c.start)
    }

    static let levels: [[String]] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="],
                                     ["<<", ">>"], ["+", "-"], ["*", "/", "%"]]

    mutating func binary(_ level: Int) throws(CError) -> CExpr {
        guard level < Self.levels.count else { return try unary() }
        var l = try binary(level + 1)
        while tok.kind == .punct, Self.levels[level].contains(tok.text) {
            let op = bump().text
            let r = try binary(level + 1)
            l = try node(.binary(op, l, r), l.start)
        }
        return l
    }

    mutating func unary() throws(CError) -> CExpr {
        let start = tok.start
        try enter(start)
        defer { depth -= 1 }
        if tok.kind == .punct {
            switch tok.text {
            case "!", "~", "-", "+", "*", "&":
                let op = bump().text
                return try node(.unary(op, try unary()), start)
            case "++", "--":
                let op = bump().text
                return try node(.increment(op, try unary(), prefix: true), start)
            case "(" where isTypeStart(ahead(1)):
                _ = bump()
                let t = try typeName()
                try expect(")")
                return try node(.cast(t, try unary()), start)
            default: break
            }
        }
        if tok.isIdentifier, tok.text == "sizeof" {
            _ = bump()
            if tok.isPunct("("), isTypeStart(ahead(1)) {
                _ = bump()
                let t = try typeName()
                try expect(")")
                return try node(.sizeofType(t), start)
            }
            return try node(.sizeofExpr(try unary()), start)
        }
        if tok.isIdentifier, tok.text == "__alignof__" || tok.text == "_Alignof" || tok.text == "alignof" {
            _ = bump()
            try expect("(")
            let t = try typeName()
            try expect(")")
            return try node(.alignofType(t), start)
        }
        return try postfix()
    }

    mutating func postfix() throws(CError) -> CExpr {
        var e = try primary()
        while true {
            if tok.isPunct("[") {
                _ = bump()
                let i = try expression()
                try expect("]")
                e = try node(.index(e, i), e.start)
            } else if tok.isPunct(".") || tok.isPunct("->") {
                let arrow = bump().text == "->"
                let m = try identifier("a member name")
                e = try node(.member(e, m.text, arrow: arrow), e.start)
            } else if tok.isPunct("++") || tok.isPunct("--") {
                let op = bump().text
                e = try node(.increment(op, e, prefix: false), e.start)
            } else if tok.isPunct("(") {
                guard case .identifier(let name) = e.kind else {
                    throw CError(.notModelledSyntax("calls through an expression (call a function by its name)"), at: tok.start)
                }
                _ = bump()
                var args: [CExpr] = []
                if name == "offsetof" {
                    let t = try typeName()
                    try expect(",")
                    let m = try identifier("a member name")
                    try expect(")")
                    e = try node(.offsetof(t, m.text), e.start)
                    continue
                }
                if name == "alloc_percpu", isTypeStart(tok) {
                    // alloc_percpu(type) is __alloc_percpu(sizeof(type), __alignof__(type)).
                    let t = try typeName()
                    try expect(")")
                    let size = CExpr(kind: .sizeofType(t), start: e.start, end: e.end)
                    let align = CExpr(kind: .alignofType(t), start: e.start, end: e.end)
                    e = try node(.call(name, [size, align]), e.start)
                    continue
                }
                if name == "DEFINE_PER_CPU" {
                    let t = try typeName()
                    try expect(",")
                    let n = try identifier("a name")
                    try expect(")")
                    let typeWord = CExpr(kind: .string(Self.percpuTypeWord(t)), start: e.start, end: e.end)
                    let nameWord = CExpr(kind: .string(n.text), start: n.start, end: n.end)
                    e = try node(.call(name, [typeWord, nameWord]), e.start)
                    continue
                }
                while !tok.isPunct(")") {
                    args.append(try assignment())
                    if !accept(",") { break }
                }
                try expect(")")
                e = try node(.call(name, args), e.start)
            } else {
                return e
            }
        }
    }

    mutating func primary() throws(CError) -> CExpr {
        let t = tok
        switch t.kind {
        case .integer(let v, let u, let l):
            _ = bump()
            let fitsInt = v <= UInt64(Int32.max)
            let type: CType = l ? (u ? .unsignedLong : .long) : (u ? (v <= UInt64(UInt32.max) ? .unsignedInt : .unsignedLong) : (fitsInt ? .int : .long))
            return try node(.integer(v, type), t.start)
        case .character(let v):
            _ = bump()
            return try node(.integer(v, .int), t.start)
        case .string(let s):
            _ = bump()
            return try node(.string(s), t.start)
        case .identifier where !Self.keywords.contains(t.text):
            _ = bump()
            return try node(.identifier(t.text), t.start)
        case .punct where t.text == "(":
            _ = bump()
            let e = try expression()
            try expect(")")
            return CExpr(kind: e.kind, start: t.start, end: tokens[max(p - 1, 0)].end)
        default:
            throw CError(.expectedExpression(found: describe(t)), at: t.start)
        }
    }
}

/// The C syntax tree. Every node keeps where it starts so errors can point at it.
public indirect enum CExprKind: Sendable {
    case integer(UInt64, CType)
    case string(String)
    case identifier(String)
    case unary(String, CExpr)
    /// `++x`, `x--`: op is "++" or "--".
    case increment(String, CExpr, prefix: Bool)
    case binary(String, CExpr, CExpr)
    /// `=` or a compound `+=` …
    case assign(String, CExpr, CExpr)
    case conditional(CExpr, CExpr, CExpr)
    case call(String, [CExpr])
    case cast(CType, CExpr)
    case sizeofType(CType)
    case sizeofExpr(CExpr)
    case alignofType(CType)
    case offsetof(CType, String)
    case member(CExpr, String, arrow: Bool)
    case index(CExpr, CExpr)
    case comma(CExpr, CExpr)
}

public struct CExpr: Sendable {
    public var kind: CExprKind
    public var start: CPosition
    public var end: CPosition
    /// The tree's height below this node: the parser refuses trees taller than `Limits.cNesting`, because the
    /// interpreter walks them recursively (`1+1+…+1` is as tall as it is long).
    public var height: Int

    init(kind: CExprKind, start: CPosition, end: CPosition) {
        self.kind = kind
        self.start = start
        self.end = end
        self.height = 1 + (kind.children.map(\.height).max() ?? 0)
    }
}

extension CExprKind {
    var children: [CExpr] {
        switch self {
        case .integer, .string, .identifier, .sizeofType, .alignofType, .offsetof: return []
        case .unary(_, let e), .increment(_, let e, _), .cast(_, let e), .sizeofExpr(let e), .member(let e, _, _): return [e]
        case .binary(_, let l, let r), .assign(_, let l, let r), .index(let l, let r), .comma(let l, let r): return [l, r]
        case .conditional(let c, let a, let b): return [c, a, b]
        case .call(_, let args): return args
        }
    }
}

public struct CDeclarator: Sendable {
    public var name: String
    public var type: CType
    public var initializer: CExpr?
    /// `= { 0 }` / `= {}`: zero.
    public var zeroInit = false
    public var position: CPosition
}

public indirect enum CStmtKind: Sendable {
    case expression(CExpr)
    case declaration([CDeclarator], isStatic: Bool)
    case structDeclaration(CStructDecl)
    case block([CStmt])
    case ifElse(CExpr, CStmt, CStmt?)
    case whileLoop(CExpr, CStmt)
    case doWhile(CStmt, CExpr)
    case forLoop(CStmt?, CExpr?, CExpr?, CStmt)
    case breakStmt
    case continueStmt
    case returnStmt(CExpr?)
    case gotoStmt(String)
    case label(String, CStmt)
    case empty
}

public struct CStmt: Sendable {
    public var kind: CStmtKind
    public var start: CPosition
}

public struct CFunction: Sendable {
    public var name: String
    public var returnType: CType
    public var parameters: [(name: String, type: CType)]
    public var body: CStmt
    public var position: CPosition
    public var file: String
    public var isInit: Bool
}

/// What a file or a prompt line holds: statements to run now, functions to remember.
public enum CTopLevel: Sendable {
    case statement(CStmt)
    case function(CFunction)
}

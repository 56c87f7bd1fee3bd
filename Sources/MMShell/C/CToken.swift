/// A place in C source: 1-based line and column (in bytes, which is what a caret under ASCII code needs).
public struct CPosition: Sendable, Equatable, Comparable {
    public var line: Int
    public var column: Int
    /// Byte offset in the source, for slicing an expression's text back out.
    public var offset: Int
    public static func < (a: CPosition, b: CPosition) -> Bool { a.offset < b.offset }
}

/// One C token. Punctuators keep their spelling in `text`.
public struct CToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier
        case integer(UInt64, unsigned: Bool, long: Bool)
        case character(UInt64)
        case string(String)
        case punct
        case end
    }
    public var kind: Kind
    public var text: String
    public var start: CPosition
    public var end: CPosition

    public func isPunct(_ p: String) -> Bool { kind == .punct && text == p }
    public var isIdentifier: Bool { kind == .identifier }
}

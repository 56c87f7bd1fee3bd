import KernelMM

/// A C type as kernel code spells it. Struct types are named by tag and laid out on demand for the machine's
/// architecture (`CTypeLayout`), so `sizeof(long)` is 8 on x86_64 and 4 on i386.
public indirect enum CType: Sendable, Equatable {
    public enum IntKind: Int, Sendable, Equatable { case char, short, int, long, longLong }
    case void
    case bool
    case integer(IntKind, signed: Bool)
    case pointer(CType)
    case array(CType, Int)
    case structure(String, isUnion: Bool)
    /// A function's name used as a value (module_init(f), a ctor argument).
    case function(String)

    static let int = CType.integer(.int, signed: true)
    static let unsignedInt = CType.integer(.int, signed: false)
    static let long = CType.integer(.long, signed: true)
    static let unsignedLong = CType.integer(.long, signed: false)
    static let char = CType.integer(.char, signed: true)
    static let voidPointer = CType.pointer(.void)
    static let pagePointer = CType.pointer(.structure("page", isUnion: false))
    static let cachePointer = CType.pointer(.structure("kmem_cache", isUnion: false))

    var isInteger: Bool {
        switch self {
        case .integer, .bool: true
        default: false
        }
    }
    var isPointer: Bool {
        switch self {
        case .pointer, .array: true
        default: false
        }
    }
    var pointee: CType? {
        switch self {
        case .pointer(let t), .array(let t, _): t
        default: nil
        }
    }
    var isSigned: Bool {
        if case .integer(_, let s) = self { return s }
        return false
    }
    var isStructPage: Bool { self == .pagePointer }

    /// How C prints it: `unsigned long`, `struct page *`, `char [20]`.
    public var spelling: String {
        switch self {
        case .void: "void"
        case .bool: "bool"
        case .integer(let k, let s):
            // Plain `char` is signed on the architectures kmemsim models (x86, SPARC).
            (s ? "" : "unsigned ") + ["char", "short", "int", "long", "long long"][k.rawValue]
        case .pointer(let t): t.spelling.hasSuffix("*") ? t.spelling + "*" : t.spelling + " *"
        case .array(let t, let n): "\(t.spelling) [\(n)]"
        case .structure(let n, let u): (u ? "union " : "struct ") + n
        case .function(let n): "function \(n)"
        }
    }

    /// The spelling with a declarator name in place: `char name[20]`, `struct list_head *next`.
    func declaration(_ name: String) -> String {
        switch self {
        case .array(let t, let n): t.declaration("\(name)[\(n)]")
        case .pointer: spelling + name
        default: spelling + " " + name
        }
    }
}

/// One member of a laid-out struct.
public struct CField: Sendable, Equatable {
    public var name: String
    public var type: CType
    public var offset: Int
    public var size: Int
}

/// A struct's layout on one architecture: what `sizeof`, `offsetof` and `ptype` show.
public struct CStructLayout: Sendable, Equatable {
    public var name: String
    public var isUnion: Bool
    public var size: Int
    public var align: Int
    public var fields: [CField]
    /// Known only by size (a kernel struct kmemsim does not spell out member by member).
    public var opaque: Bool
}

/// A struct as declared: member names and types in order.
public struct CStructDecl: Sendable, Equatable {
    public var name: String
    public var isUnion: Bool
    public var members: [(name: String, type: CType)]
    public static func == (a: CStructDecl, b: CStructDecl) -> Bool {
        a.name == b.name && a.isUnion == b.isUnion && a.members.map(\.name) == b.members.map(\.name) && a.members.map(\.type) == b.members.map(\.type)
    }
}

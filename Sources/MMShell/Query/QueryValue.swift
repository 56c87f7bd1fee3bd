import KernelMM

/// A handle on one thing in the simulator's state (a zone, a page, a CPU…): its type name and the key that finds
/// it again. Fields are read through the type's entry in `QueryRegistry`, so a handle stays small and cheap.
public struct QueryObject: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        case none
        case int(Int)
        case string(String)
    }
    /// The type's name in the registry ("zone", "page", "cpu", …).
    public var type: String
    public var key: Key
    /// How `print` shows the handle, e.g. `zone("Normal")`.
    public var display: String
    public init(type: String, key: Key, display: String) {
        self.type = type
        self.key = key
        self.display = display
    }
    public var intKey: Int? { if case .int(let n) = key { n } else { nil } }
    public var stringKey: String? { if case .string(let s) = key { s } else { nil } }
}

/// A value of the query language: what `print EXPR` shows and what a lesson compares.
public enum QueryValue: Sendable, Equatable {
    case null
    case int(Int)
    /// A kernel address: printed in hex, compared as unsigned (kernel addresses do not fit a signed Int).
    case address(UInt64)
    case bool(Bool)
    case string(String)
    case list([QueryValue])
    case object(QueryObject)

    public var typeName: String {
        switch self {
        case .null: "NULL"
        case .int: "number"
        case .address: "address"
        case .bool: "bool"
        case .string: "string"
        case .list: "list"
        case .object(let o): o.type
        }
    }

    /// The value alone, as `print` writes it: `7`, `0xffff888000000000`, `true`, `Normal`, `[1, 2]`, `zone("DMA")`.
    public var rendered: String {
        switch self {
        case .null: "NULL"
        case .int(let n): String(n)
        case .address(let a): "0x" + String(a, radix: 16)
        case .bool(let b): b ? "true" : "false"
        case .string(let s): s
        case .list(let items): "[" + items.map(\.renderedInList).joined(separator: ", ") + "]"
        case .object(let o): o.display
        }
    }

    var renderedInList: String {
        if case .string(let s) = self { return "\"" + s + "\"" }
        return rendered
    }

    /// The value as an unsigned 64-bit number, when it is one.
    var unsigned: UInt64? {
        switch self {
        case .int(let n) where n >= 0: UInt64(n)
        case .address(let a): a
        default: nil
        }
    }

    /// A shell variable's value in the query language: a struct page * becomes a page handle (`$p.order`).
    public static func from(_ v: ShellValue) -> QueryValue {
        switch v {
        case .none, .null: return .null
        case .int(let n): return .int(n)
        case .address(let a): return .address(a)
        case .page(let p): return PageAllocQueries.pageObject(p.raw)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        }
    }

    /// Back to a shell value, so `x = print …` and `$_` keep what was printed.
    public var shellValue: ShellValue {
        switch self {
        case .null: .null
        case .int(let n): .int(n)
        case .address(let a): .address(a)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .object(let o) where o.type == "page": o.intKey.map { .page(PFN($0)) } ?? .string(o.display)
        case .list, .object: .string(rendered)
        }
    }
}

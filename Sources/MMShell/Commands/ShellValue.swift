import KernelMM

/// A value a command returns and a variable holds: what the C call would have returned.
public enum ShellValue: Equatable, Sendable, Codable {
    /// void, or a command with no result.
    case none
    /// NULL: an allocation that failed.
    case null
    case int(Int)
    /// A kernel virtual address (void *, unsigned long addr).
    case address(UInt64)
    /// A struct page * (its PFN; printed as its vmemmap address).
    case page(PFN)
    case string(String)
    case bool(Bool)

    public var typeName: String {
        switch self {
        case .none: "void"
        case .null: "NULL"
        case .int: "number"
        case .address: "address"
        case .page: "struct page *"
        case .string: "string"
        case .bool: "bool"
        }
    }
}

import KernelMM

/// What a module's code allocated and has not freed (kmemleak's view: allocations whose caller is the module).
struct CAllocation: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case pages(PFN, order: Int), address(UInt64), percpu(UInt64) }
    var kind: Kind
    var function: String
    var call: String
    var file: String
    var line: Int
    /// The module's functions on the call stack, innermost first (kmemleak's backtrace).
    var callers: [String] = []
}

/// A loaded module: its file, functions, globals and what its code allocated.
struct CModule: Sendable {
    var name: String
    var file: String
    var functions: [String: CFunction] = [:]
    var globals: [String: CValue] = [:]
    var initFunction: String?
    var exitFunction: String?
    var license: String?
    var allocations: [CAllocation] = []
    /// Lines of code, for `lsmod`'s size column (kmemsim has no object code to measure).
    var size: Int = 0
}

/// C state kept between prompt lines: the C types of prompt variables (their values live in the session's
/// variables), declared structs, functions defined at the prompt, and loaded modules.
public struct CState: Sendable {
    var types: [String: CType] = [:]
    var structs: [String: CStructDecl] = [:]
    var functions: [String: CFunction] = [:]
    var modules: [CModule] = []
    /// Statements a run may execute before it is stopped (a runaway loop keeps the state it reached).
    public var stepLimit = 100_000
    public init() {}
}

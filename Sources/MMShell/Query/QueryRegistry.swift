import KernelMM

/// What an expression can see: the kernel and the shell's variables.
public struct QueryContext: Sendable {
    public var kernel: Kernel
    public var variables: [String: ShellValue]
    public init(kernel: Kernel, variables: [String: ShellValue] = [:]) {
        self.kernel = kernel
        self.variables = variables
    }
    public init(session: ShellSession) { self.init(kernel: session.kernel, variables: session.variables) }
}

/// A field of a query type: a value (`zone.free`), optionally indexable in its own way (`zone.free[3]` = blocks
/// at order 3), or a method (`zone.free_by_type("Movable")`). Closures throw `QueryError` with column 0; the
/// evaluator puts the column of the field in.
public struct QueryField: Sendable {
    public typealias Getter = @Sendable (QueryContext, QueryObject) throws(QueryError) -> QueryValue
    public typealias Indexer = @Sendable (QueryContext, QueryObject, QueryValue) throws(QueryError) -> QueryValue
    public typealias Method = @Sendable (QueryContext, QueryObject, [QueryValue]) throws(QueryError) -> QueryValue

    public var name: String
    public var summary: String
    public var get: Getter?
    /// `field[i]` means something other than indexing the field's value.
    public var indexed: Indexer?
    public var indexSummary: String?
    /// Called as `.name(args)`; `usage` shows the arguments, e.g. `(TYPE)`.
    public var method: Method?
    public var usage: String?

    public init(_ name: String, _ summary: String, get: @escaping Getter) {
        self.name = name
        self.summary = summary
        self.get = get
    }

    public init(_ name: String, _ summary: String, get: @escaping Getter, index indexSummary: String, indexed: @escaping Indexer) {
        self.name = name
        self.summary = summary
        self.get = get
        self.indexed = indexed
        self.indexSummary = indexSummary
    }

    public init(method name: String, usage: String, _ summary: String, call: @escaping Method) {
        self.name = name
        self.summary = summary
        self.method = call
        self.usage = usage
    }
}

/// Fields known only at run time (every /proc/meminfo line, every /proc/vmstat counter).
public struct QueryDynamicFields: Sendable {
    public var summary: String
    public var names: @Sendable (QueryContext, QueryObject) -> [String]
    public var get: @Sendable (QueryContext, QueryObject, String) -> QueryValue?
    public init(summary: String, names: @escaping @Sendable (QueryContext, QueryObject) -> [String],
                get: @escaping @Sendable (QueryContext, QueryObject, String) -> QueryValue?) {
        self.summary = summary
        self.names = names
        self.get = get
    }
}

/// A kind of object expressions can reach (zone, page, cpu, …) and its fields.
public struct QueryType: Sendable {
    public var name: String
    public var summary: String
    public var fields: [QueryField]
    public var dynamic: QueryDynamicFields?
    public init(_ name: String, _ summary: String, fields: [QueryField], dynamic: QueryDynamicFields? = nil) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.dynamic = dynamic
    }
    public func field(_ n: String) -> QueryField? { fields.first { $0.name == n } }
}

/// A name an expression starts from: `zone("Normal")`, `page(0x1000)`, `zones`, `meminfo`, `kernel`, `last`.
public struct QueryRoot: Sendable {
    public typealias Evaluate = @Sendable (QueryContext, [QueryValue]) throws(QueryError) -> QueryValue
    public var name: String
    /// How it is written, e.g. `zone(NAME)`; roots without parentheses take no arguments.
    public var usage: String
    public var summary: String
    /// Number of arguments it takes (0 = written without parentheses).
    public var arity: Int
    public var evaluate: Evaluate
    public init(_ name: String, usage: String, arity: Int = 0, _ summary: String, evaluate: @escaping Evaluate) {
        self.name = name
        self.usage = usage
        self.arity = arity
        self.summary = summary
        self.evaluate = evaluate
    }
}

/// A function of values: `count`, `sum`, `log2`, `hex`…
public struct QueryFunction: Sendable {
    public typealias Evaluate = @Sendable ([QueryValue]) throws(QueryError) -> QueryValue
    public var name: String
    public var usage: String
    public var summary: String
    public var evaluate: Evaluate
    public init(_ name: String, usage: String, _ summary: String, evaluate: @escaping Evaluate) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.evaluate = evaluate
    }
}

/// Every root, type and function of the query language. Each subsystem contributes its lists from its own file
/// (`PageAllocQueries.swift`, `CPUQueries.swift`, …); adding one is one file plus one term on each line below.
public enum QueryRegistry {
    public static let roots: [QueryRoot] = PageAllocQueries.roots + GFPQueries.roots + CPUQueries.roots + TaskQueries.roots
        + VmallocQueries.roots + HighmemQueries.roots + PercpuQueries.roots + SlabQueries.roots + HeldQueries.roots + SessionQueries.roots
    public static let types: [QueryType] = PageAllocQueries.types + GFPQueries.types + CPUQueries.types + TaskQueries.types
        + VmallocQueries.types + HighmemQueries.types + PercpuQueries.types + SlabQueries.types + HeldQueries.types
    public static let functions: [QueryFunction] = QueryFunctions.all

    public static func root(_ name: String) -> QueryRoot? { roots.first { $0.name == name } }
    public static func type(_ name: String) -> QueryType? { types.first { $0.name == name } }
    public static func function(_ name: String) -> QueryFunction? { functions.first { $0.name == name } }
}

import KernelMM

/// The bounds kmemsim puts on what it is given, so that no input can exhaust the stack, the memory or the time of
/// the machine it runs on. Each limit is generous for real use and named in the error that enforces it.
public enum Limits {
    /// Nesting of brackets, unary operators and `not` in a query (each level is a recursion of the parser and the
    /// evaluator).
    public static let queryNesting = 64
    /// Operators and calls in one query: a chain `1+1+…` is a tree as deep as it is long.
    public static let queryNodes = 256
    /// Nesting of `(` and `~` in a gfp mask.
    public static let gfpNesting = 64
    /// Kernel C: levels of brackets, operators and nested statements in one construct.
    public static let cNesting = 128
    /// Nesting of `[`/`{` in a YAML file (lessons, progress): Yams recurses once per level.
    public static let yamlNesting = 100
    /// One input line (a typed line, a script line, a lesson answer).
    public static let lineBytes = 1 << 20
    /// One file read whole: a script, a lesson, a progress file, a saved session.
    public static let fileBytes = 64 << 20
    /// Slab caches and cache aliases together: every lookup by name walks them, so a script that creates caches in
    /// a loop would otherwise slow down with each one. (The boot caches are about 60.)
    public static let slabCaches = 4096
    /// Words longer than this get no "did you mean" by edit distance (only prefix matches).
    public static let suggestionWord = 200
    /// An unknown `$name` error lists every variable up to this many, and past it only this many nearest ones.
    public static let variablesListed = 8
    /// Lines `history` keeps: a script of millions of lines keeps its last ones.
    public static let historyLines = 10_000
    /// The bytes `history` keeps of one line (its start), and of all its lines together.
    public static let historyLineBytes = 4096
    public static let historyBytes = 4 << 20
}

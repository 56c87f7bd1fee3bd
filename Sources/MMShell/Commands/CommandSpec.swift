import KernelMM

/// The families `help` groups commands by, in the order it lists them.
public enum CommandFamily: String, CaseIterable, Sendable {
    case pageAlloc = "Page allocator (include/linux/gfp.h)"
    case addresses = "Addresses and struct page"
    case slab = "Slab caches (include/linux/slab.h)"
    case kmalloc = "kmalloc family"
    case vmalloc = "vmalloc family (include/linux/vmalloc.h)"
    case cpu = "CPUs, preemption and interrupts"
    case percpu = "Per-CPU data (include/linux/percpu.h)"
    case tasks = "Tasks and kernel stacks"
    case views = "Views of memory"
    case kernelC = "Kernel C and modules"
    case lessons = "Lessons and quizzes"
    case session = "Session"

    /// The word `help FAMILY` takes (no command has it as its name).
    public var key: String {
        switch self {
        case .pageAlloc: "pages"
        case .addresses: "addresses"
        case .slab: "caches"
        case .kmalloc: "kmalloc-family"
        case .vmalloc: "vmalloc-family"
        case .cpu: "contexts"
        case .percpu: "percpu-data"
        case .tasks: "tasks"
        case .views: "views"
        case .kernelC: "kernel-c"
        case .lessons: "lessons"
        case .session: "session"
        }
    }
}

/// What kind of value an argument takes; decides parsing, completion and the usage line.
public enum ArgumentKind: Sendable, Equatable {
    case gfp
    case order
    case size
    case number
    case address
    /// A struct page *: `$p` from alloc_pages, a PFN number, or a struct page address.
    case page
    case name
    case cacheName
    case word([String])
    case path
    /// `key=value` boot parameters and the like.
    case keyValue
    /// The rest of the line, as typed (expressions).
    case text
}

public struct ArgumentSpec: Sendable {
    public var name: String
    public var kind: ArgumentKind
    public var optional: Bool
    public init(_ name: String, _ kind: ArgumentKind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
    }
}

/// What a command produced: its value (stored in `$_`), the text to print, and the same as data for `--json`.
public struct CommandOutput: Sendable {
    public var value: ShellValue
    public var text: String
    public var json: JSONValue?
    /// The simulated kernel refused the operation (a wrong-order or double free): the command ran and nothing changed,
    /// which a script counts as a failed command.
    public var refused = false
    public init(value: ShellValue = .none, text: String = "", json: JSONValue? = nil, refused: Bool = false) {
        self.value = value
        self.text = text
        self.json = json
        self.refused = refused
    }
}

/// One command, declared once: the parser, `help`, completion and the README tables all read this.
/// A class, not a struct: every line looks one up and keeps it in its outcome and arguments, and copying a value of
/// fifteen strings and arrays was a dozen retains each time; a reference is one.
public final class CommandSpec: Sendable {
    public typealias Run = @Sendable (inout ShellSession, Arguments) throws(CommandError) -> CommandOutput

    public let name: String
    public let aliases: [String]
    public let family: CommandFamily
    public let arguments: [ArgumentSpec]
    /// Takes any number of trailing arguments of the last kind (e.g. `boot key=value…`).
    public let variadic: Bool
    public let summary: String
    /// Longer help: what it models and what to look at.
    public let details: String
    /// The C call it stands for, e.g. `struct page *alloc_pages(gfp_t gfp, unsigned int order);`.
    public let cDeclaration: String?
    /// The kernel header or file it comes from.
    public let header: String?
    /// Where the kernel allows the call (process context, atomic context, any).
    public let contexts: String?
    public let examples: [String]
    /// Whether the command changes the kernel state (undo keeps a copy before it).
    public let mutatesKernel: Bool
    public let run: Run

    public init(_ name: String, family: CommandFamily, arguments: [ArgumentSpec] = [], variadic: Bool = false,
                summary: String, details: String = "", c: String? = nil, header: String? = nil, contexts: String? = nil,
                examples: [String] = [], aliases: [String] = [], mutates: Bool = false, run: @escaping Run) {
        self.name = name
        self.family = family
        self.arguments = arguments
        self.variadic = variadic
        self.summary = summary
        self.details = details
        self.cDeclaration = c
        self.header = header
        self.contexts = contexts
        self.examples = examples
        self.aliases = aliases
        self.mutatesKernel = mutates
        self.run = run
    }

    /// `alloc_pages GFP ORDER`, optional arguments in brackets.
    public var usage: String {
        ([name] + arguments.map { a in
            let n = a.name.uppercased()
            return a.optional ? "[\(n)]" : n
        } + (variadic ? ["…"] : [])).joined(separator: " ")
    }
}

import KernelMM

/// The families `help` groups commands by, in the order it lists them.
public enum CommandFamily: String, CaseIterable, Sendable {
    case pageAlloc = "Page allocator (include/linux/gfp.h)"
    case addresses = "Addresses and struct page"
    case slab = "Slab caches (include/linux/slab.h)"
    case kmalloc = "kmalloc family"
    case vmalloc = "vmalloc family (include/linux/vmalloc.h)"
    case highmem = "High memory mappings (include/linux/highmem.h)"
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
        case .highmem: "highmem"
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
    /// `kmem`'s argument: an address, or a struct page * (`$p`) standing for the struct page's own address.
    case addressOrPage
    /// A struct page *: `$p` from alloc_pages, a PFN number, or a struct page address.
    case page
    case name
    case cacheName
    /// A zone by its /proc name (DMA, DMA32, Normal, HighMem); the command checks that this machine has it populated.
    case zone
    /// kmem_cache_create's trailing settings. In C each has its place (align, flags, ctor); at the prompt any of them
    /// may come in any of those places, so each is decoded as a word and read by the command.
    case cacheSetting(CacheSetting)
    /// `stack use`'s first argument: a pid, or `irq` for an interrupt handler on this CPU.
    case stackOwner
    /// One of these words, exactly (the table checks it before the command runs).
    case word([String])
    /// A file on the host: a saved session, a module's C source, a picture to write.
    case path
    /// One of the /proc files kmemsim renders (`cat`).
    case procFile
    /// `key=value` boot parameters and the like.
    case keyValue
    /// The rest of the line, as typed (expressions).
    case text
}

/// The places of kmem_cache_create's optional settings (`ArgumentKind.cacheSetting`).
public enum CacheSetting: Sendable, Equatable { case align, flags, ctor }

/// An option after a command's arguments: `--reveal` (a flag) or `--seed N` (with a value of `value`'s kind).
/// Options may come anywhere after the command word; the table takes them out before the arguments are decoded.
public struct OptionSpec: Sendable {
    public let name: String
    public let value: ArgumentSpec?
    /// Other spellings (`dmesg -C` for `-c`).
    public let aliases: [String]
    /// How help writes the value (`N`, `ADDR|$var`); the value's name in capitals by default.
    let placeholder: String?
    public init(_ name: String, value: ArgumentSpec? = nil, placeholder: String? = nil, aliases: [String] = []) {
        self.name = name
        self.value = value
        self.placeholder = placeholder
        self.aliases = aliases
    }

    /// `--seed N`, `--reveal`.
    public var usage: String { value.map { "\(name) " + (placeholder ?? $0.name.uppercased()) } ?? name }
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

/// A view a command shows: one model, rendered as terminal text or as `--json` data. The shell asks for the one
/// format the session shows, so a view is never rendered twice (`CommandOutput(value:view:)`).
protocol CommandView: Sendable {
    var text: String { get }
    var json: JSONValue { get }
}

/// What a command produced: its value (stored in `$_`), the text to print, and the same as data for `--json`.
public struct CommandOutput: Sendable {
    public var value: ShellValue
    public var text: String
    public var json: JSONValue?
    /// A view model that renders `text` and `json` when asked (the shell renders only the format it shows).
    var view: (any CommandView)?
    /// The simulated kernel refused the operation (a wrong-order or double free): the command ran and nothing changed,
    /// which a script counts as a failed command.
    public var refused = false
    /// The command certainly changed the kernel (kfree freed an object). Undo then records it without comparing the
    /// kernel with its state before, which for slab state costs more than the free itself; false: undo compares.
    var changedKernel = false
    public init(value: ShellValue = .none, text: String = "", json: JSONValue? = nil, refused: Bool = false) {
        self.value = value
        self.text = text
        self.json = json
        self.refused = refused
    }

    /// A command that shows a view: its text or its JSON is made only when the shell prints it.
    init(value: ShellValue = .none, view: some CommandView) {
        self.value = value
        self.text = ""
        self.view = view
    }

    /// The text the command shows (the view's, rendered now, if it has one).
    var shownText: String { view?.text ?? text }
    /// The data `--json` shows.
    var shownJSON: JSONValue? { view.map(\.json) ?? json
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
    /// Options taken anywhere after the command word (`--svg FILE`, `--force`).
    public let options: [OptionSpec]
    /// Sub-commands chosen by the first word (`lesson start ID`); `run` is then what the bare command does.
    public let subcommands: [CommandSpec]
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
    /// What the command does; nil when it is only its sub-commands (`task create|exit|list|stacks`).
    public let run: Run?

    public init(_ name: String, family: CommandFamily, arguments: [ArgumentSpec] = [], variadic: Bool = false,
                options: [OptionSpec] = [], subcommands: [CommandSpec] = [], summary: String, details: String = "", c: String? = nil, header: String? = nil, contexts: String? = nil,
                examples: [String] = [], aliases: [String] = [], mutates: Bool = false, run: Run? = nil) {
        self.name = name
        self.family = family
        self.arguments = arguments
        self.variadic = variadic
        self.options = options
        self.subcommands = subcommands
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

    /// `alloc_pages GFP ORDER`, optional arguments and options in brackets; `lesson list|start|…` for sub-commands.
    public var usage: String {
        var words = [name]
        if !subcommands.isEmpty {
            let choice = subcommands.map { $0.word }.joined(separator: "|")
            words.append(run == nil ? choice : "[\(choice)]")
        }
        words += arguments.map { a in
            let n = a.name.uppercased()
            return a.optional ? "[\(n)]" : n
        }
        if variadic { words.append("…") }
        // A picture command's four or more options would crowd the line: `help COMMAND` lists them.
        if options.count <= 2 { words += options.map { "[\($0.usage)]" } } else { words.append("[OPTIONS]") }
        return words.joined(separator: " ")
    }

    /// A sub-command by name.
    public func subcommand(_ word: String) -> CommandSpec? { subcommands.first { $0.word == word } }
}

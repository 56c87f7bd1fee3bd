import ArgumentParser
import KernelMM
import LineEditing
import MMShell
#if canImport(Glibc)
import Glibc
#endif

/// The kmemsim command line: boot parameters, scripting flags, and where the lines come from.
struct Kmemsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kmemsim",
        abstract: "A shell over a simulated Linux 6.6 memory manager: call alloc_pages, kmalloc, vmalloc… by name.",
        discussion: """
        With a terminal on stdin and stdout kmemsim is interactive (history, Ctrl-R, Tab completion). Otherwise it reads \
        commands from stdin, -f FILE or -c CMD and prints results on stdout, errors on stderr as FILE:LINE: error: MESSAGE. \
        Exit status: 0 when every command succeeded, 1 when any failed (a refused operation such as a wrong-order free \
        counts as failed; with --fail-on, so does a kernel report of that severity), 2 for a usage error.
        Words after the options run as one command: kmemsim cat /proc/buddyinfo
        Lessons headless: 'kmemsim lesson list'; 'kmemsim lesson run ID < answers.txt' types each line of stdin into \
        the lesson and exits 0 when it completes with every check passed and no step skipped (--allow-skip allows \
        skips), 3 when a check fails, a step is skipped or it does not complete, 1 when the lesson cannot run \
        (--json: a record per line and per step; --progress FILE records progress); 'kmemsim lesson start FILE.yaml' \
        at the prompt tries a draft; 'kmemsim lesson check FILE…' validates lesson files (file:line errors).
        """)

    @Option(name: .short, help: ArgumentHelp("Run a command and exit (repeatable).", valueName: "command"))
    var c: [String] = []

    @Option(name: .short, help: ArgumentHelp("Run the commands in a file and exit.", valueName: "file"))
    var f: String?

    @Flag(help: "Stop at the first command that fails.")
    var bail = false

    @Flag(help: "Print each input line after the prompt, so the output reads as a transcript.")
    var echo = false

    @Flag(help: "One JSON object per command on stdout (with its input line number); errors as JSON on stderr.")
    var json = false

    @Flag(name: .customLong("one-stream"), help: "With --json: error records go to stdout too (\"ok\": false), so a grader reads one file.")
    var oneStream = false

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when the simulated kernel reports a BUG (bug), a WARNING or worse (warning), or anything including kmemsim's misuse notes (any); the line is named on stderr, and a summary of report counts closes the run.", valueName: "bug|warning|any"))
    var failOn: FailOn?

    @Option(help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always, never.", valueName: "when"))
    var color: ColorMode = .auto

    @Flag(help: "Draw pictures in plain ASCII letters (also when TERM=dumb, NO_COLOR is set, or output is not a terminal).")
    var ascii = false

    // Undo is on everywhere now (it keeps what each command changed, not copies of the machine); the flag stays so
    // that scripts written for older versions still run.
    @Flag(help: ArgumentHelp("Undo is always on; accepted for older scripts.", visibility: .hidden))
    var undo = false

    @Option(name: .customLong("undo-depth"), help: ArgumentHelp("How many commands 'undo' can take back (0 turns it off).", valueName: "N"))
    var undoDepth: UInt = 10

    @Flag(help: "Run every invariant check ('validate') after every command; a break is an error.")
    var validate = false

    // The boot parameters: one option each, named and described by MMShell's BootParameter table (`bootFlags` below
    // lists them; a test checks `--help` shows every parameter of the table).
    @Option(name: .customLong(BootParameter.flag("seed")), help: BootParameter.argumentHelp("seed")) var seed: String?
    @Option(name: .customLong(BootParameter.flag("arch")), help: BootParameter.argumentHelp("arch")) var arch: String?
    @Option(name: .customLong(BootParameter.flag("mem")), help: BootParameter.argumentHelp("mem")) var mem: String?
    @Option(name: .customLong(BootParameter.flag("cpus")), help: BootParameter.argumentHelp("cpus")) var cpus: String?
    @Option(name: .customLong(BootParameter.flag("slab")), help: BootParameter.argumentHelp("slab")) var slab: String?
    @Option(name: .customLong(BootParameter.flag("slab_debug")), help: BootParameter.argumentHelp("slab_debug")) var slabDebug: String?
    @Option(name: .customLong(BootParameter.flag("min_free_kbytes")), help: BootParameter.argumentHelp("min_free_kbytes")) var minFreeKbytes: String?
    @Option(name: .customLong(BootParameter.flag("pcp")), help: BootParameter.argumentHelp("pcp")) var pcp: String?
    @Option(name: .customLong(BootParameter.flag("vmap_stack")), help: BootParameter.argumentHelp("vmap_stack")) var vmapStack: String?
    @Option(name: .customLong(BootParameter.flag("4kstacks")), help: BootParameter.argumentHelp("4kstacks")) var fourKStacks: String?
    @Option(name: .customLong(BootParameter.flag("irq_stacks")), help: BootParameter.argumentHelp("irq_stacks")) var irqStacks: String?

    /// The boot flags' values by parameter name.
    var bootFlags: [String: String?] {
        ["seed": seed, "arch": arch, "mem": mem, "cpus": cpus, "slab": slab, "slab_debug": slabDebug, "min_free_kbytes": minFreeKbytes,
         "pcp": pcp, "vmap_stack": vmapStack, "4kstacks": fourKStacks, "irq_stacks": irqStacks]
    }

    @Option(help: ArgumentHelp("Language of lessons: en or ko (default: from LANG; English when a text is missing).", valueName: "en|ko"))
    var lang: String?

    @Flag(name: .customLong("no-skip"), help: "Lessons: refuse 'skip'.")
    var noSkip = false

    @Flag(name: .customLong("allow-skip"), help: "lesson run: a skipped step does not fail the run (by default a skipped lesson exits 3).")
    var allowSkip = false

    @Option(help: ArgumentHelp("Start from a session saved with 'save FILE' (checked completely first; boot flags are then ignored).", valueName: "file"))
    var load: String?

    @Option(help: ArgumentHelp("lesson run: record the run's progress in FILE (by default a headless run records nothing).", valueName: "file"))
    var progress: String?

    @Argument(help: "A command to run, e.g. cat /proc/buddyinfo; or: lesson list | lesson run ID < answers.txt | lesson check FILE…")
    var words: [String] = []

    enum ColorMode: String, ExpressibleByArgument { case auto, always, never }

    /// `--fail-on`: the least serious report that fails a script.
    enum FailOn: String, ExpressibleByArgument {
        case bug, warning, any
        var threshold: ReportClass.Severity {
            switch self {
            case .bug: .bug
            case .warning: .warning
            case .any: .note
            }
        }
    }

    /// The values the run reads (every option's), taken out of ArgumentParser's wrappers once.
    var runOptions: RunOptions {
        RunOptions(c: c, f: f, bail: bail, echo: echo, json: json, oneStream: oneStream, failOn: failOn, color: color, ascii: ascii,
                   undoDepth: undoDepth, validate: validate, bootFlags: bootFlags.compactMapValues { $0 }, lang: lang, noSkip: noSkip,
                   allowSkip: allowSkip, load: load, progress: progress, words: words)
    }
}

extension BootParameter {
    /// The option's help for --help, from the table.
    static func argumentHelp(_ name: String) -> ArgumentHelp {
        ArgumentHelp(argumentHelpText(name), valueName: valueName(named(name)?.kind))
    }

    /// How --help writes the flag's value (`x86_64|i386|sparc64`, `on|off`, `size`); the Korean page uses it too.
    static func valueName(_ kind: Kind?) -> String {
        switch kind {
        case .choice(let words)?: words.joined(separator: "|")
        case .onOff?: "on|off"
        case .size?: "size"
        case .slabDebug?: "letters"
        case .integer?, .seed?, nil: "n"
        }
    }
}

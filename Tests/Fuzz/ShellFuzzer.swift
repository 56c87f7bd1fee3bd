import KernelMM
import MMShell
#if canImport(Glibc)
import Glibc
#endif

/// A seeded generator of command lines over every command in the table — valid, borderline and malformed
/// arguments, variables, C-call syntax, queries, lesson commands — and the checks run after each line: a failed
/// command changed nothing (the Kernel is a value: `==`), a command the kernel refused left memory as it was (only
/// the log, taint and clock move), and every invariant holds after any line that changed the kernel (a line that
/// changed nothing cannot break what held before it). A trap would end the process, so a finished run had none.
public struct ShellFuzzer {
    public struct Stats: Sendable, Equatable {
        public var commands = 0, succeeded = 0, failed = 0, refused = 0, changedKernel = 0, validations = 0
        public var invariantBreaks = 0, failedButChanged = 0, refusedButChanged = 0
        public var findings: [String] = []
        public init() {}
        public var clean: Bool { invariantBreaks == 0 && failedButChanged == 0 && refusedButChanged == 0 }

        public static func + (a: Stats, b: Stats) -> Stats {
            var s = a
            s.commands += b.commands; s.succeeded += b.succeeded; s.failed += b.failed; s.refused += b.refused
            s.changedKernel += b.changedKernel; s.validations += b.validations; s.invariantBreaks += b.invariantBreaks
            s.failedButChanged += b.failedButChanged; s.refusedButChanged += b.refusedButChanged
            s.findings += b.findings
            return s
        }
    }

    /// The machines the fuzz runs on: every architecture, both slab allocators, debug options, no pcp.
    public static let machines: [String] = [
        "arch=x86_64 mem=64M cpus=2", "arch=x86_64 mem=64M cpus=2 slab=slab", "arch=i386 mem=64M cpus=2 slab=slab",
        "arch=i386 mem=64M cpus=1 slab_debug=FZPU", "arch=sparc64 mem=64M cpus=2", "arch=sparc64 mem=64M cpus=1 slab=slab slab_debug=on",
        "arch=x86_64 mem=64M cpus=1 pcp=off vmap_stack=off",
    ]

    var rng: SeededRandom
    public var shell: Shell
    let specs: [CommandSpec]
    let dir: String
    var lessonLines = 0
    let lessonIDs: [String]
    /// One line in this many starts a lesson (0: never; a lesson boots its own, bigger machine).
    let lessonStartOneIn: Int

    public init(machine: String, seed: UInt64, directory: String, lessonStartOneIn: Int = 0) throws {
        self.lessonStartOneIn = lessonStartOneIn
        lessonIDs = lessonStartOneIn > 0 ? Self.lessonIDs() : []
        var p = BootParams()
        try BootParamParser.apply(machine.split(separator: " ").map(String.init), to: &p)
        p.seed = seed
        shell = try Shell(params: p, settings: ShellSettings(undoDepth: seed % 3 == 0 ? 2 : 0))
        shell.session.lessons.progressPath = nil
        rng = SeededRandom(seed: seed)
        dir = directory
        // `quit` would only set a flag here; the rest all run.
        specs = CommandTable.standard.all.filter { $0.name != "quit" }
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : rng.below(n) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }

    static let gfps = ["GFP_KERNEL", "GFP_ATOMIC", "GFP_NOWAIT", "GFP_USER", "GFP_HIGHUSER_MOVABLE", "GFP_DMA", "GFP_DMA32",
                       "GFP_KERNEL|__GFP_ZERO", "GFP_ATOMIC|__GFP_NOWARN", "GFP_KERNEL|__GFP_COMP", "GFP_NOIO", "GFP_NOFS",
                       "__GFP_MOVABLE|__GFP_RECLAIMABLE", "GFP_KERNEL|__GFP_HIGHMEM", "GFP_KERNEL&~__GFP_DIRECT_RECLAIM",
                       "GFP_KERNEL|__GFP_NORETRY", "GFP_KERNEL|__GFP_NOFAIL", "0", "~0", "0x820"]
    static let badGFPs = ["GFP_KERNL", "(", "GFP_KERNEL|", "__GFP_NOTRACK", "GFP_KERNEL||GFP_ATOMIC", "((GFP_KERNEL)", "~", "0xzz", "$p0"]
    static let orders = ["0", "0", "1", "2", "3", "4", "9", "10"]
    static let badOrders = ["11", "-1", "99999999999999999999", "0x7fffffff", "one", "3.5"]
    static let sizes = ["1", "8", "64", "96", "100", "192", "256", "1000", "4096", "4K", "8K", "64K", "100K", "1M", "4M", "0x10"]
    static let badSizes = ["0", "-5", "8M", "1G", "1T", "99999999999999999999", "4M+1", "K", ""]
    static let numbers = ["0", "1", "2", "3", "4", "16", "64", "100", "1000", "1234"]
    static let badNumbers = ["-1", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "0x", "x"]
    static let addresses = ["0x0", "NULL", "0xffff888000000000", "0xffff888000100000", "0xffffc90000000000", "0xffffea0000000000",
                            "0xffffffffffffffff", "0x1234", "$nope", "$_"]
    static let names = ["x", "foo", "bar", "cnt", "mylock", "worker", "my_cache", "b", "a1", "\"two words\"", "-", "名前", "x;y"]
    static let keyValues = ["arch=x86_64", "arch=i386", "arch=sparc64", "mem=64M", "mem=96M", "cpus=1", "cpus=2", "slab=slab",
                            "slab=slub", "pcp=off", "pcp=on", "seed=7", "mem=1P", "mem=1M", "cpus=0", "cpus=65", "colour=blue",
                            "arch=arm", "slab_debug=FZ", "vmap_stack=off", "novalue"]
    static let queries = ["1 + 2 * 3", "(1 + 2) * 3", "get_order(5000)", "hex(4096)", "count([1, 2, 3])", "sum([1, 2, 3])",
                          "min(4, 2, 8)", "max([4, 2, 8])", "count(zones)", "page(0).state", "page(1).order", "cpu(0).preempt_count",
                          "cpu(0).in_atomic", "count(cpus)", "gfp(0x820).name", "count(tasks)", "task(1).stack_size",
                          "vmalloc(0x1000)", "9223372036854775807 + 1", "1 / 0", "abs(-9223372036854775807 - 1)",
                          "sum([9223372036854775807, 1])", "get_order(9223372036854775807)", "hex(-1)", "(((1)))", "not true",
                          "\"a\" + \"b\"", "zone(\"Normal\").free[3]", "zone(\"DMA\").free[99]", "meminfo.MemFree", "[1, 2",
                          "1 +", ")", "page($v0).order", "$v1 + 4096", "page(-1)", "nosuch(1)", "count(tasks) == 7"]
    static let lessonWords = ["list", "start", "quit", "summary", "export", "import"]
    static let junk = ["", "\u{FFFD}\u{FFFD}", "\u{0}", "((((", "]]", "\"unterminated", "'", "$", "$$", "--force", "-x", "= =", "0x",
                       String(repeating: "A", count: 300)]

    mutating func variable() -> String { "$v\(below(6))" }

    /// One argument of `kind`, usually well-formed, sometimes borderline, sometimes junk.
    mutating func argument(_ kind: ArgumentKind) -> String {
        if chance(25) { return pick(Self.junk) }
        let bad = chance(6)
        switch kind {
        case .gfp: return bad ? pick(Self.badGFPs) : pick(Self.gfps)
        case .order: return bad ? pick(Self.badOrders) : pick(Self.orders)
        case .size: return bad ? pick(Self.badSizes) : pick(Self.sizes)
        case .number: return bad ? pick(Self.badNumbers) : (chance(3) ? variable() : pick(Self.numbers))
        case .address, .page:
            if bad { return pick(Self.addresses) }
            if chance(4), case .address? = shell.session.variables["v\(below(6))"] { return variable() + "+" + pick(["8", "64", "4096", "1"]) }
            return chance(5) ? "pfn:0x\(String(below(0x4000), radix: 16))" : variable()
        case .name: return pick(Self.names)
        case .cacheName:
            let caches = shell.session.kernel.slab.caches
            return bad || caches.isEmpty ? pick(["nosuch", "kmalloc-3", "foo"]) : caches[below(caches.count)].name
        case .word(let words): return bad || words.isEmpty ? pick(Self.junk + ["nosuch"]) : pick(words)
        case .path:
            if bad { return pick(["/", "\"\"", "/dev/null", dir, "/proc/self/mem", dir + "/missing/x"]) }
            return dir + "/f\(below(4))" + pick([".json", ".html", ".svg", ".c", ".yaml", ""])
        case .keyValue: return pick(Self.keyValues)
        case .text: return pick(Self.queries)
        }
    }

    /// One command line for the current session.
    public mutating func nextLine() -> String {
        // A lesson started by the fuzz is left again after a while, so the small machine comes back.
        if shell.session.lessons.active != nil {
            lessonLines += 1
            if lessonLines > 30 { lessonLines = 0; return "lesson quit" }
        }
        if lessonStartOneIn > 0, !lessonIDs.isEmpty, chance(lessonStartOneIn) { return "lesson start " + pick(lessonIDs) }
        var spec = pick(specs)
        // `lesson list|summary|start` read and check every lesson file (each boots its machine): rarer than the rest.
        while spec.name == "lesson" && !chance(20) { spec = pick(specs) }
        var args: [String] = []
        // Commands that write files take a name, not a path: keep whatever they write in the fuzz's directory.
        let writesFiles = spec.name == "export-proc" || spec.name == "lesson"
        for (i, a) in spec.arguments.enumerated() {
            if a.optional && chance(2) { break }
            if !a.optional && chance(30) { break }
            args.append(writesFiles && a.kind == .name ? dir + "/n\(below(4))" : argument(a.kind))
            if spec.variadic && i == spec.arguments.count - 1 { while chance(3) { args.append(argument(a.kind)) } }
        }
        if chance(40) { args.append(argument(pick([.number, .gfp, .name]))) }
        args = Self.confined(args, everyWord: Self.fileCommands.contains(spec.name) || (spec.name == "lesson" && args.first == "export"), dir: dir)
        let assign = chance(3) ? "v\(below(6)) = " : ""
        if chance(7), !args.isEmpty, spec.name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) {
            return assign + spec.name + "(" + args.joined(separator: ", ") + ")" + (chance(8) ? "" : ";")
        }
        return assign + ([spec.name] + args).joined(separator: " ")
    }

    /// Commands whose words name files to write (a junk word would otherwise become a file in the working directory).
    static let fileCommands: Set<String> = ["save", "snapshot", "export-proc"]

    /// Keeps every file a line may write inside the fuzz's directory: the words of a file command, and the word after
    /// `--svg`, become names there (absolute paths and options stay as they are; a variable would expand to a number, so it gets the prefix too).
    static func confined(_ args: [String], everyWord: Bool, dir: String) -> [String] {
        var out: [String] = []
        var afterSVG = false
        for a in args {
            let relative = !a.isEmpty && !a.hasPrefix("/") && !a.hasPrefix("--") && a != "\"\""
            out.append((everyWord || afterSVG) && relative ? dir + "/" + a : a)
            afterSVG = a == "--svg"
        }
        return out
    }

    /// The memory, without what a refused call may still change (log, taint, clock, narration, trace, counters).
    static func sameMemory(_ a: Kernel, _ b: Kernel) -> Bool {
        a.frames == b.frames && a.zones == b.zones && a.slab == b.slab && a.vmalloc == b.vmalloc && a.percpu == b.percpu
            && a.tasks == b.tasks && a.cpus == b.cpus && a.cachedStacks == b.cachedStacks && a.currentCPU == b.currentCPU
    }

    /// Runs `count` lines and checks each.
    public mutating func run(_ count: Int) -> Stats {
        var s = Stats()
        for _ in 0..<count {
            let line = nextLine()
            let before = shell.session.kernel, vars = shell.session.variables
            let r = shell.execute(line)
            s.commands += 1
            let changed = shell.session.kernel != before
            if r.refused {
                s.refused += 1
                if changed, !Self.sameMemory(shell.session.kernel, before) {
                    s.refusedButChanged += 1
                    s.findings.append("refused but changed memory: \(line)")
                }
            } else if !r.succeeded {
                s.failed += 1
                // C code may have run before the failure (a function that allocates, then errs): that is a
                // success of the kernel, a failure of the line.
                if !line.contains("("), changed || shell.session.variables != vars {
                    s.failedButChanged += 1
                    s.findings.append("failed but changed the session: \(line): \(r.stderr.prefix(200))")
                }
            } else {
                s.succeeded += 1
            }
            if changed {
                s.changedKernel += 1
                s.validations += 1
                let breaks = shell.session.kernel.invariantViolations()
                if !breaks.isEmpty {
                    s.invariantBreaks += 1
                    s.findings.append("invariant broken after \(line): \(breaks.map(\.message).joined(separator: "; "))")
                    // Go on from a sane machine so that one break is not counted a thousand times.
                    shell.session.kernel = before
                    shell.session.variables = vars
                }
            }
            if shell.session.wantsExit { shell.session.wantsExit = false }
        }
        return s
    }

    /// The built-in lessons' ids, read from their `id:` lines (decoding the catalog would boot every lesson's machine).
    static func lessonIDs() -> [String] {
        let dir = LessonCatalog.builtInDirectory()
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var ids: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".yaml"), let f = fopen(dir + "/" + name, "r") else { continue }
            var buf = [CChar](repeating: 0, count: 4096)
            while fgets(&buf, Int32(buf.count), f) != nil {
                let line = String(cString: buf)
                if line.hasPrefix("id: ") { ids.append(String(line.dropFirst(4).filter { !$0.isWhitespace })); break }
            }
            fclose(f)
        }
        return ids.sorted()
    }

    public static func temporaryDirectory() -> String {
        var t = Array("/tmp/kmemsim-fuzz-XXXXXX".utf8CString)
        let p = t.withUnsafeMutableBufferPointer { b in b.baseAddress.flatMap { mkdtemp($0) } }
        return p.map { String(cString: $0) } ?? "/tmp"
    }
}

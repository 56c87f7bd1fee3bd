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
        public var invariantBreaks = 0, failedButChanged = 0, refusedButChanged = 0, tableMismatches = 0
        public var findings: [String] = []
        public init() {}
        public var clean: Bool { invariantBreaks == 0 && failedButChanged == 0 && refusedButChanged == 0 && tableMismatches == 0 }

        public static func + (a: Stats, b: Stats) -> Stats {
            var s = a
            s.commands += b.commands; s.succeeded += b.succeeded; s.failed += b.failed; s.refused += b.refused
            s.changedKernel += b.changedKernel; s.validations += b.validations; s.invariantBreaks += b.invariantBreaks
            s.failedButChanged += b.failedButChanged; s.refusedButChanged += b.refusedButChanged
            s.tableMismatches += b.tableMismatches
            s.findings += b.findings
            return s
        }
    }

    /// KMEMSIM_FUZZ_TRACE=1: `run` writes each line to stderr before it runs it.
    static let traceLines = getenv("KMEMSIM_FUZZ_TRACE") != nil

    /// The machines the fuzz runs on: every architecture, both slab allocators, debug options, no pcp.
    public static let machines: [String] = [
        "arch=x86_64 mem=64M cpus=2", "arch=x86_64 mem=64M cpus=2 slab=slab", "arch=i386 mem=64M cpus=2 slab=slab",
        "arch=i386 mem=1G cpus=1 slab_debug=FZPU", "arch=sparc64 mem=64M cpus=2", "arch=sparc64 mem=64M cpus=1 slab=slab slab_debug=on",
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
                            "0xffffffffffffffff", "0x1234", "$nope", "$_", "0xff001000", "0xfffbb000", "0xfffba000"]
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

    static let costly: Set<String> = ["insmod", "save", "load", "glossary", "snapshot", "quiz", "boot", "reset", "export-proc"]

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
        case .zone: return bad ? pick(["Nosuch", "normal", "HighMem"]) : pick(["DMA", "DMA32", "Normal"])
        case .stackOwner: return bad ? pick(["irqs", "-1", "x"]) : pick(["irq", "1", "2000", "2001"])
        case .cacheSetting: return pick(["0", "8", "64", "ctor", "SLAB_HWCACHE_ALIGN", "SLAB_POISON|SLAB_RED_ZONE", "NULL", "3"])
        case .address, .page, .addressOrPage:
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
        case .procFile: return bad ? pick(["/proc/self/maps", "buddyinfo", "/proc/", dir + "/f0.json"]) : pick(ProcFiles.names)
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
        // Commands that read or write whole files or boot a machine cost tens of lines each in a debug build (a
        // saved session is 200 KB of JSON, and `insmod` of it lexes all of it as C): one in eight of their turns.
        while spec.name == "lesson" && !chance(20) || Self.costly.contains(spec.name) && !chance(8) { spec = pick(specs) }
        var args: [String] = []
        let top = spec.name
        // A sub-command's word first (now and then a wrong one, or none), then its own arguments.
        if !spec.subcommands.isEmpty, spec.run == nil || !chance(4) {
            if chance(20) { args.append(pick(Self.junk + ["nosuch"])) } else {
                spec = pick(spec.subcommands)
                args.append(spec.word)
            }
        }
        // Commands that write files take a name, not a path: keep whatever they write in the fuzz's directory.
        let writesFiles = top == "export-proc" || top == "lesson"
        for (i, a) in spec.arguments.enumerated() {
            if a.optional && chance(2) { break }
            if !a.optional && chance(30) { break }
            args.append(writesFiles && a.kind == .name ? dir + "/n\(below(4))" : argument(a.kind))
            if spec.variadic && i == spec.arguments.count - 1 { while chance(3) { args.append(argument(a.kind)) } }
        }
        if chance(40) { args.append(argument(pick([.number, .gfp, .name]))) }
        // Options, declared or not, with and without their values.
        if !spec.options.isEmpty, chance(3) {
            let o = pick(spec.options)
            args.append(chance(15) ? "--nosuch" : o.name)
            if let v = o.value, !chance(10) { args.append(argument(v.kind)) }
        }
        args = Self.keepWritesInside(dir, command: top, args)
        let assign = chance(3) ? "v\(below(6)) = " : ""
        // Now and then a pipe after the command, well formed or not.
        let pipe = chance(25) ? " | " + pick(Self.filters) + (chance(4) ? " | " + pick(Self.filters) : "") : ""
        if chance(7), !args.isEmpty, top.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) {
            return assign + top + "(" + args.joined(separator: ", ") + ")" + (chance(8) || !pipe.isEmpty ? "" : ";") + pipe
        }
        return assign + ([top] + args).joined(separator: " ") + pipe
    }

    /// Filter stages for `nextLine`'s pipes: every filter and option, and the mistakes a learner makes.
    static let filters = ["grep kmalloc", "grep -c .", "grep -v -n '^ '", "grep -o '[0-9]+'", "grep -iw node", "grep -A2 -B1 free",
                          "egrep 'a|b'", "fgrep '(0,'", "grep '(('", "grep", "grep -q x", "grep -A", "head", "head -3",
                          "head -n -2", "tail -n +2", "tail -1", "wc", "wc -l", "wc -x", "sort", "grpe x", "", "grep 'x",
                          "grep '(a+)+$'", "grep 'a{300}'", "grep '[[:nope:]]'"]

    /// Whatever a line writes stays in the fuzz's directory: a relative name where a command takes the file it
    /// writes (`save x`, `snapshot p.html`, `export-proc d`, `lesson export f`, `--svg f`) is put inside it, so that a
    /// run never writes into the directory it was started from.
    public static func keepWritesInside(_ dir: String, command: String, _ args: [String]) -> [String] {
        // An empty name (`""`) stays, to be refused; a variable would expand to a number, so it gets the prefix too.
        func inside(_ a: String) -> String { a.hasPrefix("/") || a.hasPrefix("--") || a.isEmpty || a == "\"\"" ? a : dir + "/" + a }
        var out = args
        for i in out.indices {
            let target: Bool
            switch command {
            case "save", "snapshot", "export-proc": target = true
            case "lesson": target = i > 0 && out[0] == "export"
            default: target = false
            }
            if target || (i > 0 && out[i - 1] == "--svg") { out[i] = inside(out[i]) }
        }
        return out
    }

    /// The parts of the Kernel that the invariant checks read, with `params`, which fixes everything else they read
    /// (zone spans, page size, MAX_ORDER). Two states equal in these pass or fail the checks alike. Cheap parts first:
    /// `frames` compares by buffer identity first and element by element only after a write.
    public static func sameMemory(_ a: Kernel, _ b: Kernel) -> Bool {
        a.currentCPU == b.currentCPU && a.params == b.params && a.cpus == b.cpus && a.tasks == b.tasks
            && a.cachedStacks == b.cachedStacks && a.percpu == b.percpu && a.vmalloc == b.vmalloc && a.memblock == b.memblock
            && a.highmem == b.highmem && a.zones == b.zones && a.slab == b.slab && a.frames == b.frames
    }

    /// What a command the kernel refused may change, and nothing else: the kernel's log (its report, appended), the
    /// taint flags (only added), the clock (only forward), the explanation and the trace buffer, the event counters;
    /// and SLUB's check_object() repairs what it found damaged, so a slab's bytes may change, each only to a red-zone
    /// or poison value (check_bytes_and_report(): "Restoring Redzone …") or inside an object's free-pointer word
    /// ("Freepointer corrupt": set_freepointer(s, p, NULL)). Nil when the refusal kept to that; else what it changed.
    public static func refusalOverstep(before a: Kernel, after b: Kernel) -> String? {
        guard b.taint.isSuperset(of: a.taint) else { return "taint flags were cleared" }
        guard b.clock.now >= a.clock.now else { return "the clock went back" }
        guard b.log.written >= a.log.written else { return "the log shrank" }
        if a.currentCPU != b.currentCPU || a.params != b.params || a.cpus != b.cpus || a.tasks != b.tasks
            || a.cachedStacks != b.cachedStacks || a.percpu != b.percpu || a.vmalloc != b.vmalloc || a.memblock != b.memblock
            || a.highmem != b.highmem {
            return "CPUs, tasks, per-CPU data, vmalloc or kmaps changed"
        }
        guard a.zones == b.zones, a.frames == b.frames else { return "page frames or zones changed" }
        guard a.slab != b.slab else { return nil }
        return slabRestoredOnly(a.slab, b.slab, wordSize: a.arch.is64Bit ? 8 : 4) ? nil : "slab caches changed" + slabDifference(a.slab, b.slab)
    }

    /// Where two slab states differ, for a finding: the first cache and the fields (and slab fields) that differ.
    static func slabDifference(_ a: SlabState, _ b: SlabState) -> String {
        func fields<T>(_ x: T, _ y: T) -> [String] {
            zip(Mirror(reflecting: x).children, Mirror(reflecting: y).children).compactMap { l, r in
                String(describing: l.value) == String(describing: r.value) ? nil : l.label
            }
        }
        guard a.caches.count == b.caches.count else { return " (\(a.caches.count) → \(b.caches.count) caches)" }
        for (ca, cb) in zip(a.caches, b.caches) where ca != cb {
            var what = fields(ca, cb)
            for (pfn, sa) in ca.slabs {
                guard let sb = cb.slabs[pfn], sa != sb else { continue }
                what += fields(sa, sb).map { "slab 0x\(String(pfn, radix: 16)).\($0)" }
                if sa.bytes.count == sb.bytes.count, let i = sa.bytes.indices.first(where: { sa.bytes[$0] != sb.bytes[$0] && !debugPatterns.contains(sb.bytes[$0]) && !inFreePointer($0, ca, sa, wordSize: 8) }) {
                    let j = sa.bytes.indices.last { sa.bytes[$0] != sb.bytes[$0] } ?? i
                    what.append("first byte not a debug pattern at \(i) (0x\(String(sa.bytes[i], radix: 16)) → 0x\(String(sb.bytes[i], radix: 16))), last change at \(j)")
                }
            }
            return " (\(ca.name): \(what.joined(separator: ", ")))"
        }
        return " (" + fields(a, b).joined(separator: ", ") + ")"
    }

    static let debugPatterns: Set<UInt8> = [SlabPoison.inuse, SlabPoison.free, SlabPoison.end, SlabPoison.slubRedActive, SlabPoison.slubRedInactive]

    /// Whether byte `i` of slab `s` lies in an object's free-pointer word (SLUB keeps it at freePointerOffset).
    static func inFreePointer(_ i: Int, _ c: KmemCache, _ s: Slab, wordSize: Int) -> Bool {
        let rel = i - s.firstObjectOffset
        guard rel >= 0, c.size > 0, rel / c.size < s.objects.count else { return false }
        let start = c.objOffset + c.freePointerOffset
        return (start..<(start + wordSize)).contains(rel % c.size)
    }

    /// The slab state is `a`'s but for bytes check_object() repaired: debug patterns, or free-pointer words.
    static func slabRestoredOnly(_ a: SlabState, _ b: SlabState, wordSize: Int = 8) -> Bool {
        guard a.caches.count == b.caches.count else { return false }
        var y = b
        for ci in a.caches.indices {
            let ca = a.caches[ci], cb = b.caches[ci]
            guard ca.slabs.count == cb.slabs.count else { return false }
            for (pfn, sa) in ca.slabs {
                guard let sb = cb.slabs[pfn], sa.bytes.count == sb.bytes.count else { return false }
                if sa.bytes == sb.bytes { continue }
                for i in sa.bytes.indices where sa.bytes[i] != sb.bytes[i] {
                    if !debugPatterns.contains(sb.bytes[i]) && !inFreePointer(i, ca, sa, wordSize: wordSize) { return false }
                }
                // With the restored bytes taken as they were, everything else must match.
                y.caches[ci].slabs[pfn]?.bytes = sa.bytes
            }
        }
        return a == y
    }

    /// Runs `count` lines and checks each: a line that failed changed nothing (unless kernel C ran before its error,
    /// which C keeps, as a real kernel would), a line the kernel refused changed only what `refusalOverstep` allows,
    /// and the state after every line passes every invariant check. The checks read only `sameMemory`'s parts, so a
    /// line that left those as in the last state that passed (most views and every failed line) needs no new walk.
    public mutating func run(_ count: Int) -> Stats {
        var s = Stats()
        var lastChecked = shell.session.kernel
        if !lastChecked.invariantViolations().isEmpty { s.invariantBreaks += 1; s.findings.append("invariants broken at boot") }
        for _ in 0..<count {
            let line = nextLine()
            // KMEMSIM_FUZZ_TRACE=1: each line on stderr before it runs, to find the one a crash came from.
            if Self.traceLines { _ = (line + "\n").withCString { write(2, $0, strlen($0)) } }
            let before = shell.session.kernel, vars = shell.session.variables
            let r = shell.execute(line)
            s.commands += 1
            // A command reading an argument as another kind than its table declares (CommandError.argumentKindMismatch).
            if r.stderr.contains("kmemsim bug") { s.tableMismatches += 1; s.findings.append("table mismatch: \(line): \(r.stderr.prefix(200))") }
            if r.refused {
                s.refused += 1
                if let what = Self.refusalOverstep(before: before, after: shell.session.kernel) {
                    s.refusedButChanged += 1
                    s.findings.append("refused but \(what): \(line)")
                }
            } else if !r.succeeded {
                s.failed += 1
                if !r.ranBeforeFailing, shell.session.kernel != before || shell.session.variables != vars {
                    s.failedButChanged += 1
                    s.findings.append("failed but changed the session: \(line): \(r.stderr.prefix(200))")
                }
            } else {
                s.succeeded += 1
            }
            if !Self.sameMemory(shell.session.kernel, lastChecked) {
                s.changedKernel += 1
                s.validations += 1
                let breaks = shell.session.kernel.invariantViolations()
                if breaks.isEmpty {
                    lastChecked = shell.session.kernel
                } else {
                    s.invariantBreaks += 1
                    s.findings.append("invariant broken after \(line): \(breaks.map { Message.invariant($0).en }.joined(separator: "; "))")
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

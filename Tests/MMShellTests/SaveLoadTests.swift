@testable import KernelMM
@testable import MMShell
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `save FILE` / `load FILE`: the whole session round-trips exactly (an equal Kernel value, the same views, the same
/// behaviour afterwards), and every kind of bad file is refused with the session left as it was.
@Suite struct SaveLoadTests {
    static func tempDir() -> String {
        var t = Array("/tmp/kmemsim-saveload-XXXXXX".utf8CString)
        let p = t.withUnsafeMutableBufferPointer { b in b.baseAddress.flatMap { mkdtemp($0) } }
        return p.map { String(cString: $0) } ?? "/tmp"
    }

    static func shell(_ params: [String]) throws -> Shell {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        try BootParamParser.apply(params, to: &p)
        return try Shell(params: p)
    }

    /// Touches every part of the state: pages (and a wrong-order free, so the log and taint have something), slab
    /// caches and kmalloc, vmalloc, per-CPU data, tasks and stacks, CPU contexts, the trace and explain buffers.
    static let workload = [
        "p = alloc_pages GFP_KERNEL 3", "q = alloc_pages GFP_ATOMIC 0", "__free_pages $p 2", "trace on",
        "c = kmem_cache_create foo 100 0 SLAB_HWCACHE_ALIGN", "x = kmem_cache_alloc foo GFP_KERNEL",
        "y = kmem_cache_alloc foo GFP_KERNEL", "kmem_cache_free foo $x", "k = kmalloc 96 GFP_KERNEL", "kfree $k",
        "k2 = kmalloc 3000 GFP_KERNEL", "v = vmalloc 64K", "DEFINE_PER_CPU int cnt", "this_cpu_inc cnt",
        "a = alloc_percpu 64", "task create worker", "spin_lock mylock", "get_cpu", "explain on",
        "z = alloc_pages GFP_ATOMIC 1", "kfree 0x1234",
        "h = alloc_pages GFP_HIGHUSER 1", "hm = kmap $h", "kmap $h", "hl = kmap_local_page $h", "h1 = pfn_to_page 0x1",
        "kmap $h1",
    ]

    static let views = [
        "zones", "cat /proc/buddyinfo", "cat /proc/zoneinfo", "cat /proc/pagetypeinfo", "cat /proc/meminfo",
        "cat /proc/vmstat", "cat /proc/slabinfo", "cat /proc/vmallocinfo", "dmesg", "trace show", "vars", "cpus",
        "task list", "percpu", "slab foo", "memmap", "validate", "kmaps",
    ]

    @Test(arguments: [["arch=x86_64"], ["arch=x86_64", "slab=slab"], ["arch=i386", "slab_debug=FZPU"],
                      ["arch=sparc64", "mem=128M"], ["arch=i386", "slab=slab", "slab_debug=on"],
                      ["arch=i386", "mem=1200M"]])
    func saveThenLoadGivesBackTheSameSession(_ params: [String]) throws {
        let dir = Self.tempDir()
        var a = try Self.shell(params)
        for line in Self.workload { _ = a.execute(line) }
        let save = a.execute("save \(dir)/s.json")
        #expect(save.succeeded, "\(save.stderr)")
        // A different machine loads it.
        var b = try Self.shell(["arch=x86_64", "cpus=1"])
        _ = b.execute("junk = alloc_pages GFP_KERNEL 0")
        let load = b.execute("load \(dir)/s.json")
        #expect(load.succeeded, "\(load.stderr)")
        // The same value: the load itself is a command too, so compare with the state right after save.
        var expected = a.session.kernel
        expected.clock = b.session.kernel.clock
        let same = b.session.kernel == expected, sameVars = b.session.variables == a.session.variables
        #expect(same)
        #expect(sameVars)
        // Saving the loaded session gives the same text (apart from the clock, which counts the load).
        let again = b.execute("save \(dir)/t.json")
        #expect(again.succeeded)
        a.session.kernel.clock = b.session.kernel.clock
        // …and the command count (b ran one more save), which names the learner's functions (kmemsim_cmd_N).
        a.session.commandSerial = b.session.commandSerial
        // The same views and the same behaviour from here on.
        for line in Self.views + ["r = alloc_pages GFP_KERNEL 2", "w = kmem_cache_alloc foo GFP_KERNEL", "vfree $v",
                                  "put_cpu", "spin_unlock mylock", "zones", "slab foo", "dmesg",
                                  "kunmap_local $hl", "kunmap $h", "kmaps"] {
            let x = a.execute(line), y = b.execute(line)
            let sameOutput = x.stdout == y.stdout && x.stderr == y.stderr
            let diff = zip((x.stdout + x.stderr).split(separator: "\n"), (y.stdout + y.stderr).split(separator: "\n")).first { $0 != $1 }
            #expect(sameOutput, "\(line) differs after load: \(diff.map { "\($0.0) | \($0.1)" } ?? "lengths")")
        }
        #expect(b.session.kernel.invariantViolations().isEmpty)
    }

    @Test func documentIsVersionedDeterministicAndCompact() throws {
        var p = BootParams()
        p.cpus = 2
        var sh = try Shell(params: p)
        for line in Self.workload { _ = sh.execute(line) }
        let one = try SessionDocument.text(sh.session), two = try SessionDocument.text(sh.session)
        #expect(one == two)
        #expect(one.hasPrefix("{\n  \"format\": \"kmemsim-session\",\n  \"version\": 5,"))
        // 4 GiB is a million frames: saved as runs it is a few hundred kilobytes, not a record per frame.
        #expect(one.utf8.count < 2 << 20, "\(one.utf8.count) bytes")
        #expect(one.contains("\"state\": \"buddy\""))
        // A process's dictionaries hand their keys over in an order its hash seed picks, so the two texts above would
        // agree even if the order leaked: a dictionary keyed by names is written sorted (the caches' ids by name).
        let lines = one.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.hasSuffix("\"idsByName\": {") })
        let names = lines[(start + 1)...].prefix { !$0.contains("}") }.map { $0.split(separator: "\"")[1] }
        #expect(names.count > 100 && names == names.sorted(), "\(names.prefix(5))")
    }

    /// Each bad file: the error names the problem, and the session is exactly as it was.
    @Test func badFilesAreRefusedAndTheSessionStays() throws {
        let dir = Self.tempDir()
        var sh = try Self.shell(["arch=x86_64"])
        for line in Self.workload.prefix(8) { _ = sh.execute(line) }
        #expect(sh.execute("save \(dir)/good.json").succeeded)
        let good = try FileOutput.readText("\(dir)/good.json")
        _ = sh.execute("m = alloc_pages GFP_KERNEL 4")
        func edited(_ from: String, _ to: String) -> String {
            var t = good
            if let r = t.range(of: from) { t.replaceSubrange(r, with: to) } else { Issue.record("no \(from) in the saved file") }
            return t
        }
        let cases: [(String, String, String)] = [
            ("empty", "", "the file is empty"),
            ("truncated", String(good.prefix(good.utf8.count / 2)), "ends in the middle"),
            ("corrupt", "{\"format\": \"kmemsim-session\", \"version\": 5, \"kernel\": {\"params\": ]}", "not valid JSON at line 1"),
            ("binary", "\u{01}\u{02}\u{FFFD}junk", "not valid JSON"),
            ("notASession", "{\"lessons\": {}}", "not a kmemsim session"),
            ("otherVersion", edited("\"version\": 5,", "\"version\": 3,"), "format version 3"),
            ("missingKey", edited("\"nextTag\"", "\"nextTagX\""), "kernel.nextTag is missing"),
            ("wrongType", edited("\"cpus\": 2,", "\"cpus\": \"two\","), "kernel.params.cpus"),
            ("badBoot", edited("\"cpus\": 2,", "\"cpus\": 100000,"), "cannot boot"),
            ("frameState", edited("\"state\": \"buddy\"", "\"state\": \"flying\""), "unknown value 'flying'"),
            ("frameRuns", edited("{\"pfn\": 0, \"count\": ", "{\"pfn\": 0, \"count\": 1"), "frame runs"),
            ("outOfRange", edited("\"next\": -1", "\"next\": 99999999"), "outside its range"),
            ("inconsistent", edited("\"nrFreePages\": ", "\"nrFreePages\": 1"), "inconsistent"),
            ("hugeNumber", edited("\"nextTag\": ", "\"nextTag\": 99999999999999999999999"), "not valid JSON"),
        ]
        for (name, text, expected) in cases {
            let path = "\(dir)/\(name).json"
            try FileOutput.write(text, to: path, force: true)
            let before = sh.session.kernel, vars = sh.session.variables
            let r = sh.execute("load \(path)")
            #expect(!r.succeeded, "\(name) was accepted")
            let named = r.stderr.contains(expected)
            #expect(named, "\(name): \(r.stderr)")
            #expect(r.stderr.contains("nothing was changed"), "\(name)")
            var after = sh.session.kernel
            after.clock = before.clock
            let unchanged = after == before && sh.session.variables == vars
            #expect(unchanged, "\(name) changed the session")
            if !unchanged { sh.session.kernel = before; sh.session.variables = vars }
        }
        // A missing file and a directory.
        #expect(sh.execute("load \(dir)/nothing.json").stderr.contains("cannot load"))
        #expect(sh.execute("load \(dir)").stderr.contains("cannot load"))
        // Korean.
        _ = sh.execute("lang ko")
        #expect(sh.execute("load \(dir)/truncated.json").stderr.contains("불러올 수 없습니다"))
    }

    /// Hand edits at random: every number in the document changed in turn, one at a time. Each file is either
    /// refused with an error or loads into a machine whose invariants hold; none traps.
    @Test func randomHandEditsNeverBreakTheShell() throws {
        let dir = Self.tempDir()
        var sh = try Self.shell(["arch=x86_64", "cpus=1"])
        for line in Self.workload { _ = sh.execute(line) }
        let good = try SessionDocument.text(sh.session)
        let bytes = Array(good.utf8)
        var numbers: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] >= 0x30 && bytes[i] <= 0x39, i > 0, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x5B || bytes[i - 1] == 0x2D {
                var j = i
                while j < bytes.count, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
                numbers.append(i..<j)
                i = j
            } else { i += 1 }
        }
        var rng = SeededRandom(seed: UInt64(Environment.get("KMEMSIM_EDIT_SEED") ?? "") ?? 17)
        let replacements = ["0", "1", "2", "7", "255", "4096", "65535", "2147483647", "4294967295", "9223372036854775807"]
        var refused = 0, accepted = 0
        for _ in 0..<(Int(Environment.get("KMEMSIM_EDITS") ?? "") ?? 60) {
            let r = numbers[Int.random(in: 0..<numbers.count, using: &rng)]
            let t = String(decoding: bytes[..<r.lowerBound] + Array(replacements.randomElement(using: &rng)!.utf8) + bytes[r.upperBound...], as: UTF8.self)
            if Environment.get("KMEMSIM_EDITS") != nil { FileHandleStderr.note(String(decoding: bytes[max(0, r.lowerBound - 60)..<r.upperBound], as: UTF8.self)) }
            switch Result(catching: { () throws(SessionDocument.Problem) in try SessionDocument.read(t) }) {
            case .success(let loaded):
                accepted += 1
                #expect(loaded.kernel.invariantViolations().isEmpty)
                var s2 = sh
                s2.session.reboot(loaded.kernel)
                for line in ["zones", "cat /proc/slabinfo", "alloc_pages GFP_KERNEL 0", "kmalloc 64 GFP_KERNEL", "dmesg"] { _ = s2.execute(line) }
            case .failure: refused += 1
            }
        }
        #expect(refused > 0 && accepted > 0)
        _ = dir
    }

    @Test func loadFlagStartsFromASavedSession() throws {
        let dir = Self.tempDir()
        var sh = try Self.shell(["arch=i386"])
        _ = sh.execute("p = alloc_pages GFP_KERNEL 5")
        #expect(sh.execute("save \(dir)/s.json").succeeded)
        var fresh = try Self.shell(["arch=x86_64"])
        #expect(fresh.execute("load \(dir)/s.json").succeeded)
        #expect(fresh.session.kernel.arch == .i386)
        #expect(fresh.execute("print $p").succeeded)
    }
}

enum FileHandleStderr {
    static func note(_ s: String) { let t = String(s.map { $0 == "\n" ? " " : $0 }) + "\n"; _ = t.withCString { write(2, $0, strlen($0)) } }
}

import KernelMM
import KmemsimFuzz
import MMShell
import Testing

/// The seeded fuzzer over every command in the table (Tests/Fuzz/ShellFuzzer.swift) on every machine of
/// `ShellFuzzer.machines`: no trap, no invariant break, no failed line that changed the session, no refused line that
/// changed more than a refusal may. The suite runs 100,800 lines by default (KMEMSIM_FUZZ_LINES=N sets the total),
/// as 14 seeded runs of equal length — two per machine — that Swift Testing spreads over the cores; Benchmarks/fuzz
/// runs a million lines release-built.
@Suite struct CommandFuzzTests {
    static let totalLines = Int(Environment.get("KMEMSIM_FUZZ_LINES") ?? "") ?? 100_800
    static let runs = ShellFuzzer.machines.indices.flatMap { m in [(m, 0), (m, 1)] }

    @Test(arguments: runs)
    func seededLinesOverEveryCommandBreakNothing(machine: Int, seedIndex: Int) throws {
        let lines = max(1, Self.totalLines / Self.runs.count)
        let dir = ShellFuzzer.temporaryDirectory()
        var f = try ShellFuzzer(machine: ShellFuzzer.machines[machine], seed: 100 + UInt64(machine) + 1000 * UInt64(seedIndex), directory: dir)
        let s = f.run(lines)
        #expect(s.commands == lines)
        #expect(s.clean, "\(ShellFuzzer.machines[machine]): \(s.findings.prefix(10).joined(separator: "\n"))")
        // The lines reach the kernel: many succeed, many fail, some are refused by the kernel, and every state that
        // changed memory was walked by the invariant checks.
        #expect(s.succeeded > s.commands / 5 && s.failed > s.commands / 5, "\(s)")
        #expect(lines < 1000 || (s.refused > 0 && s.validations > lines / 20), "\(s)")
    }

    static func shell(_ boot: String) throws -> Shell {
        var p = BootParams()
        try BootParamParser.apply(boot.split(separator: " ").map(String.init), to: &p)
        return try Shell(params: p)
    }

    /// A refused free may put back the red zone SLUB found overwritten (`Restoring Right Redzone`), and nothing else:
    /// the rule accepts that refusal and rejects what a refusal must not do.
    @Test func aRefusalMayRestoreRedZonesAndNothingElse() throws {
        var sh = try Self.shell("mem=64M cpus=1 slab_debug=FZ")
        for l in ["c = kmem_cache_create t 64", "x = kmem_cache_alloc t GFP_KERNEL", "write $x+64 2"] { #expect(sh.execute(l).succeeded, "\(l)") }
        let before = sh.session.kernel
        let r = sh.execute("kmem_cache_free t $x")
        #expect(r.refused)
        #expect(r.stdout.contains("FIX t: Restoring Right Redzone"))
        #expect(sh.session.kernel.slab != before.slab, "the red zone's bytes were put back")
        #expect(ShellFuzzer.refusalOverstep(before: before, after: sh.session.kernel) == nil)
        // Not allowed: taint cleared, an object handed out, a page allocated.
        #expect(ShellFuzzer.refusalOverstep(before: sh.session.kernel, after: before) == "taint flags were cleared")
        let refused = sh.session.kernel
        #expect(sh.execute("y = kmem_cache_alloc t GFP_KERNEL").succeeded)
        #expect(ShellFuzzer.refusalOverstep(before: refused, after: sh.session.kernel)?.hasPrefix("slab caches changed (t: slabs, totalAllocs") == true)
        let allocated = sh.session.kernel
        #expect(sh.execute("p = alloc_pages GFP_KERNEL 2").succeeded)
        #expect(ShellFuzzer.refusalOverstep(before: allocated, after: sh.session.kernel) == "page frames or zones changed")
    }

    /// A failed line changed nothing unless kernel C ran before its error (`ranBeforeFailing`), which C keeps.
    @Test func aFailedLineSaysWhetherCodeRanBeforeItsError() throws {
        var sh = try Self.shell("mem=64M cpus=1")
        for (line, ran) in [("int y = 1 + nosuch;", false), ("alloc_pages(GFP_KERNL, 3);", false), ("kmalloc 64 GFP_KERNL", false),
                            ("int z = 3; nosuch;", true), ("void *q = kmalloc(64, GFP_KERNEL); q = q + nosuch;", true),
                            ("kmalloc(64, GFP_KERNEL) + nosuch;", true)] {
            let before = sh.session.kernel, vars = sh.session.variables
            let r = sh.execute(line)
            #expect(!r.succeeded, "\(line)")
            #expect(r.ranBeforeFailing == ran, "\(line)")
            if !ran { #expect(sh.session.kernel == before && sh.session.variables == vars, "\(line)") }
        }
    }

    /// What the fuzz writes stays in its directory, whatever name a line gives.
    @Test func writesStayInsideTheFuzzDirectory() {
        #expect(ShellFuzzer.keepWritesInside("/t", command: "save", ["x", "--force"]) == ["/t/x", "--force"])
        #expect(ShellFuzzer.keepWritesInside("/t", command: "memmap", ["Normal", "--svg", "m.svg"]) == ["Normal", "--svg", "/t/m.svg"])
        #expect(ShellFuzzer.keepWritesInside("/t", command: "lesson", ["export", "p.json"]) == ["export", "/t/p.json"])
        #expect(ShellFuzzer.keepWritesInside("/t", command: "lesson", ["start", "buddy-split"]) == ["start", "buddy-split"])
        #expect(ShellFuzzer.keepWritesInside("/t", command: "snapshot", ["/dev/null"]) == ["/dev/null"])
    }

    /// Every command of the table is generated.
    @Test func everyCommandIsGenerated() throws {
        var f = try ShellFuzzer(machine: ShellFuzzer.machines[0], seed: 9, directory: ShellFuzzer.temporaryDirectory())
        var seen: Set<String> = []
        for _ in 0..<20_000 {
            let line = f.nextLine()
            var word = line
            if let eq = word.range(of: " = ") { word = String(word[eq.upperBound...]) }
            seen.insert(String(word.prefix { $0 != " " && $0 != "(" }))
        }
        let missing = CommandTable.standard.all.map(\.name).filter { !seen.contains($0) && $0 != "quit" }
        #expect(missing.isEmpty, "never generated: \(missing)")
    }

    /// What the fuzz found: each was a hang or a trap.
    @Test func findingsOfTheFuzzStayFixed() throws {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        p.slab = .slab
        var sh = try Shell(params: p)
        // get_order() of a huge size looped for ever (the shift reached 0); the kernel's answer is fls(size-1)-PAGE_SHIFT.
        #expect(sh.execute("int o = get_order(9223372036854775807);").succeeded)
        #expect(sh.execute("o").stdout.hasPrefix("51"), "x86_64: fls(2^63 - 2) = 63, minus PAGE_SHIFT 12")
        #expect(sh.execute("int small = get_order(4097);").succeeded)
        #expect(sh.execute("small").stdout.hasPrefix("1"))
        // ALIGN() of a huge value overflowed (a trap); C's unsigned arithmetic wraps.
        #expect(sh.execute("long a = ALIGN(9223372036854775807, 8);").succeeded)
        // Tunables beyond a C int made shared × batchcount overflow in the invariant check.
        let tune = sh.execute("slabinfo_write kmalloc-64 9223372036854775807 9223372036854775807 9223372036854775807")
        #expect(!tune.succeeded)
        #expect(sh.session.kernel.invariantViolations().isEmpty)
    }
}

import KernelMM
import KmemsimFuzz
import MMShell
import Testing

/// The seeded fuzzer over every command in the table (Tests/Fuzz/ShellFuzzer.swift) on every machine of
/// `ShellFuzzer.machines`: no trap, no invariant break, no failed line that changed the session, no refused line that
/// changed memory. The suite runs a slice (debug builds run a few hundred lines a second; KMEMSIM_FUZZ_LINES raises
/// it); Benchmarks/fuzz runs a million lines release-built.
@Suite struct CommandFuzzTests {
    static let linesPerMachine = Int(Environment.get("KMEMSIM_FUZZ_LINES") ?? "") ?? 500

    @Test(arguments: ShellFuzzer.machines.indices)
    func seededLinesOverEveryCommandBreakNothing(machine: Int) throws {
        let dir = ShellFuzzer.temporaryDirectory()
        var f = try ShellFuzzer(machine: ShellFuzzer.machines[machine], seed: 100 + UInt64(machine), directory: dir)
        let s = f.run(Self.linesPerMachine)
        #expect(s.commands == Self.linesPerMachine)
        #expect(s.clean, "\(ShellFuzzer.machines[machine]): \(s.findings.prefix(10).joined(separator: "\n"))")
        // The lines reach the kernel: many succeed, many fail, some are refused by the kernel.
        #expect(s.succeeded > s.commands / 5 && s.failed > s.commands / 5, "\(s)")
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

import Testing
import KernelMM
@testable import MMShell

/// Random command lines — real commands with hostile arguments — must never crash the shell (a Swift trap would
/// end this test process) and must leave the simulator consistent.
@Suite struct ShellFuzzTests {

    static let values = ["0", "1", "3", "10", "11", "64", "-1", "-9223372036854775808", "9223372036854775807",
                         "0xffffffffffffffff", "18446744073709551616", "4K", "4M", "8M", "1G", "99999999999G", "0x10",
                         "GFP_KERNEL", "GFP_ATOMIC", "GFP_NOWAIT|__GFP_NOWARN", "__GFP_DMA|__GFP_HIGHMEM", "~0", "(",
                         "GFP_KERNEL|", "$p", "$nope", "$_", "NULL", "pfn:0x1", "0xffff888000000000", "0xffffc90000000000",
                         "0xffffea0000000000", "kmalloc-64", "dentry", "x", "\"quoted name\"", "on", "off", "show",
                         "SLAB_POISON|SLAB_RED_ZONE", "arch=i386", "mem=64M", "cpus=0", "cpus=999", "irq", "1234", "99999"]

    @Test(arguments: [(UInt64(1), "arch=x86_64 mem=256M cpus=2"), (2, "arch=x86_64 mem=256M cpus=2 pcp=off"),
                      (3, "arch=i386 mem=1G cpus=2 slab=slab"), (4, "arch=sparc64 mem=256M cpus=1"),
                      (5, "arch=x86_64 mem=256M cpus=2 slab_debug=FZPU"), (6, "arch=i386 mem=256M slab=slab slab_debug=on vmap_stack=off")])
    func randomLinesNeverCrash(seed: UInt64, boot: String) throws {
        var params = BootParams()
        try BootParamParser.apply(boot.split(separator: " ").map(String.init), to: &params)
        var shell = try Shell(params: params)
        var rng = SeededRandom(seed: seed)
        // Commands that write files are left to the ShellFuzzer, which keeps its files in a directory of its own.
        let names = CommandTable.standard.all.map(\.name).filter { !["quit", "export-proc", "save", "snapshot", "boot", "reset", "lesson", "quiz"].contains($0) }
        for step in 0..<1500 {
            let name = names[rng.below(names.count)]
            let n = Int(rng.next() % 4)
            let args = (0..<n).map { _ in Self.values[rng.below(Self.values.count)] }
            let assign = rng.next() % 3 == 0 ? "p = " : ""
            let line = assign + ([name] + args).joined(separator: " ")
            let before = shell.session.kernel
            let r = shell.execute(line)
            if r.stderr.contains("kmemsim bug") { Issue.record("'\(line)': \(r.stderr)") }
            if r.refused {
                // The kernel refused the operation: its report is in the log, the memory is as it was.
                if shell.session.kernel.frames != before.frames || shell.session.kernel.zones != before.zones {
                    Issue.record("'\(line)' was refused (\(r.stderr)) but changed the memory")
                    return
                }
            } else if !r.succeeded {
                // A command that fails has changed nothing (commands check their arguments before they act).
                let unchanged = shell.session.kernel == before
                if !unchanged {
                    Issue.record("'\(line)' failed (\(r.stderr)) but changed the kernel")
                    return
                }
                // The very kernel the last step checked: its invariants hold (checking again is the same check).
                continue
            }
            do { try shell.session.kernel.checkInvariants() } catch {
                Issue.record("after '\(line)' (step \(step)): \(error)")
                return
            }
        }
        try shell.session.kernel.checkInvariants()
    }
}

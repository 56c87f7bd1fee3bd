import Foundation
import MMShell
import Testing

import KmemsimTestSupport

/// Issue 10: every boot parameter of the table is a kmemsim flag, and the flag reaches the parameter's own parser.
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct BootFlagTests {
    /// A value each parameter refuses, and the words of the table's parser for it (so the flag reached the parameter,
    /// not argument-parser's own check); a new parameter must be added here too.
    static let refused: [String: (value: String, says: String)] = [
        "arch": ("vax", "arch 'vax': choose x86_64, i386, sparc64"), "mem": ("lots", "'lots' is not a valid memory size"),
        "cpus": ("many", "'many' is not a valid CPU count"), "slab": ("slob", "slab 'slob': choose slab or slub"),
        "min_free_kbytes": ("few", "'few' is not a valid min_free_kbytes"), "pcp": ("maybe", "pcp 'maybe': use on or off"),
        "slab_debug": ("Q", "slab_debug=Q: use the slub_debug letters"), "vmap_stack": ("maybe", "vmap_stack 'maybe': use on or off"),
        "4kstacks": ("maybe", "4kstacks 'maybe': use on or off (i386 only)"), "irq_stacks": ("maybe", "irq_stacks 'maybe': use on or off"),
        "seed": ("zz", "'zz' is not a valid seed"),
    ]

    @Test func everyParameterIsAFlag() throws {
        let help = try KmemsimBinary.run(["--help"])
        for p in BootParameter.all {
            #expect(help.stdout.contains("--" + p.flag + " "), "--help lacks --\(p.flag)")
            let bad = try #require(Self.refused[p.name], "no refused value for \(p.name)")
            let r = try KmemsimBinary.run(["--" + p.flag, bad.value, "-c", "quit"])
            #expect(r.status == 2 && r.stderr.contains(bad.says), "--\(p.flag) \(bad.value): \(r.status) \(r.stderr)")
        }
        #expect(Set(Self.refused.keys) == Set(BootParameter.names))
        // A good value boots with it.
        let ok = try KmemsimBinary.run(["--mem", "128M", "--cpus", "2", "--irq-stacks", "off", "--4kstacks", "on", "--arch", "i386", "-c", "print kernel.memory"])
        #expect(ok.status == 0 && ok.stdout.contains(String(128 << 20)), "\(ok.stdout) \(ok.stderr)")
    }
}

import Foundation
import MMShell
import Testing

import KmemsimTestSupport

/// Issue 10: every boot parameter of the table is a kmemsim flag, and the flag reaches the parameter's own parser.
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct BootFlagTests {
    /// A value each parameter refuses, and words of the error it gives (a new parameter must be added here too).
    static let refused: [String: (value: String, says: String)] = [
        "arch": ("vax", "arch"), "mem": ("lots", "memory size"), "cpus": ("many", "CPU count"), "slab": ("slob", "choose slab or slub"),
        "min_free_kbytes": ("few", "min_free_kbytes"), "pcp": ("maybe", "pcp"), "slab_debug": ("Q", "slab_debug=Q"),
        "vmap_stack": ("maybe", "vmap_stack"), "4kstacks": ("maybe", "4kstacks"), "irq_stacks": ("maybe", "irq_stacks"), "seed": ("-1", "seed"),
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

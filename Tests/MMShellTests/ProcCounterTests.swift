@testable import KernelMM
@testable import MMShell
import Testing

/// meminfo and vmstat are one model each: the file's text, `--json` and the `meminfo.NAME` queries must agree line
/// for line, on each architecture's layout (HighTotal on i386, DirectMap on x86-64, the THP lines).
@Suite struct ProcCounterTests {
    static func shell(_ arch: Architecture) throws -> Shell {
        var p = BootParams()
        p.arch = arch
        p.memory = arch == .sparc64 ? 256 << 20 : 128 << 20
        return try Shell(params: p)
    }

    @Test(arguments: [Architecture.x86_64, .i386, .sparc64])
    func textJSONAndQueriesComeFromTheSameRows(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        _ = sh.execute("p = alloc_pages GFP_KERNEL 3")
        _ = sh.execute("v = vmalloc 100000")
        let k = sh.session.kernel
        for (rows, text, sep) in [(PageAllocProcFiles.meminfoCounters(k), PageAllocProcFiles.meminfo(k), ":"),
                                  (PageAllocProcFiles.vmstatCounters(k), PageAllocProcFiles.vmstat(k), " ")] {
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.count == rows.count)
            for (line, row) in zip(lines, rows) {
                #expect(line.hasPrefix(row.name + sep), "\(line) vs \(row.name)")
                let number = line.dropFirst(row.name.count + 1).split(separator: " ").first.map(String.init)
                #expect(number == String(row.value), "\(line)")
            }
        }
        for name in ["MemFree", "VmallocUsed", "Percpu"] {
            let q = sh.execute("print meminfo.\(name)")
            let row = try #require(ProcCounter.find(PageAllocProcFiles.meminfoCounters(sh.session.kernel), name))
            #expect(q.stdout.trimmingWhitespace() == String(row.value), "\(name): \(q.stdout)")
        }
        let free = sh.execute("print vmstat.nr_free_pages").stdout.trimmingWhitespace()
        #expect(free == String(PageAllocProcFiles.vmstatCounters(sh.session.kernel).first { $0.name == "nr_free_pages" }?.value ?? -1))
    }
}

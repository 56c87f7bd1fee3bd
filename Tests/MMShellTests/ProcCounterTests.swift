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

    /// buddyinfo and pagetypeinfo come from one model: the text's numbers, the JSON and `buddyinfo.ZONE` agree, and
    /// pagetypeinfo's free counts add up to buddyinfo's per order.
    @Test(arguments: [Architecture.x86_64, .i386])
    func buddyinfoAndPagetypeinfoAgree(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        _ = sh.execute("p = alloc_pages GFP_KERNEL 3")
        let m = FreeListsModel(sh.session.kernel)
        let text = m.buddyinfoText.split(separator: "\n")
        #expect(text.count == m.zones.count)
        for (line, z) in zip(text, m.zones) {
            let numbers = line.split(separator: " ").dropFirst(4).map { Int($0) }
            #expect(numbers == z.nrFree.map { Optional($0) }, "\(line)")
            #expect(sh.execute("print buddyinfo.\(z.zone)").stdout.contains(String(z.nrFree[0])))
            for o in z.nrFree.indices { #expect(z.freeByType.reduce(0) { $0 + $1[o] } == z.nrFree[o], "\(z.zone) order \(o)") }
        }
        let json = m.pagetypeinfoJSON.rendered
        #expect(json.contains("\"Isolate\""), "the JSON has the text's columns")
        #expect(m.pagetypeinfoText.contains("Isolate"))
    }

    /// zoneinfo's text and JSON are one model: each zone's "pages free" and watermarks are the JSON's.
    @Test func zoneinfoTextAndJSONAgree() throws {
        var sh = try Self.shell(.x86_64)
        _ = sh.execute("p = alloc_pages GFP_KERNEL 2")
        let m = ZoneInfoModel(sh.session.kernel)
        let text = m.text
        for z in m.zones {
            #expect(text.contains("Node 0, zone \(Format.right(z.zone, 8))\n"), "\(z.zone)")
            #expect(text.contains("\n  pages free     \(z.free)\n        boost    \(z.boost)\n        min      \(z.min)"), "\(z.zone)")
        }
        guard case .array(let zones) = m.json else { Issue.record("zoneinfo JSON is not an array"); return }
        #expect(zones.count == sh.session.kernel.zones.count)
        #expect(sh.execute("cat /proc/zoneinfo").stdout == text)
    }
}

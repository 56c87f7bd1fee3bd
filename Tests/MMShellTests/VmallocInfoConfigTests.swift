import Testing
import KernelMM
@testable import MMShell

/// Issue 14: /proc/vmallocinfo's `vpages` and `N0=` as mm/vmalloc.c s_show() prints them. The capture
/// (reference/realkernel/6.12.117+deb12-amd64-1G-2/after/vmallocinfo, line 94) has, for the probe's vmalloc(4 MiB),
/// "4198400 run_line+0xb81/0xbe0 [kmprobe] pages=1024 vmalloc vpages N0=1024" and a separate 2-page area with the same
/// caller holding its page array (line 17: "12288 run_line+0xb81/0xbe0 [kmprobe] pages=2 vmalloc N0=2"); the 2 MiB
/// vmalloc (512 pages, exactly a page of pointers) has neither (line 93: "pages=512 vmalloc N0=512").
@Suite struct VmallocInfoConfigTests {
    static func lines(_ s: inout Shell) -> [String] {
        s.execute("cat /proc/vmallocinfo").stdout.split(separator: "\n").map(String.init)
    }

    @Test func aFourMegabyteVmallocHasItsPageArrayVmalloced() throws {
        var p = BootParams()
        p.memory = 1 << 30
        p.cpus = 2
        var s = try Shell(params: p)
        _ = s.execute("big = vmalloc 4M")
        _ = s.execute("two = vmalloc 2M")
        let lines = Self.lines(&s)
        let big = lines.filter { $0.contains(" 4198400 ") }
        #expect(big.count == 1 && big[0].hasSuffix(" pages=1024 vmalloc vpages N0=1024"), "\(big)")
        let caller = try #require(big.first?.split(separator: " ").dropFirst(2).first)
        #expect(caller.hasPrefix("kmemsim_cmd_"))
        let arrays = lines.filter { $0.contains(" 12288 \(caller) ") }
        #expect(arrays.count == 1 && arrays[0].hasSuffix(" pages=2 vmalloc N0=2"), "\(lines)")
        let two = lines.filter { $0.contains(" 2101248 ") }
        #expect(two.count == 1 && two[0].hasSuffix(" pages=512 vmalloc N0=512"), "\(two)")
        // vfree(): the page array goes with its area (kvfree(vm->pages)); both ranges wait on the purge list.
        let frees = s.execute("vfree $big").stdout
        #expect(frees.contains("1024"))
        let after = Self.lines(&s)
        #expect(!after.contains { $0.contains("vpages") || ($0.contains(" 12288 \(caller) ")) })
        #expect(after.filter { $0.hasSuffix("unpurged vm_area") }.count == 2)
        try s.session.kernel.checkInvariants()
    }

    @Test func thePageArrayCannotBeFreedFromThePrompt() throws {
        var p = BootParams()
        p.memory = 1 << 30
        var s = try Shell(params: p)
        _ = s.execute("big = vmalloc 4M")
        let array = try #require(s.session.kernel.vmalloc.areas.first { if case .pagesArray = $0.purpose { true } else { false } })
        let before = s.session.kernel.vmalloc
        let out = s.execute("vfree 0x" + String(array.start, radix: 16))
        #expect(out.stdout.contains("nonexistent vm area") || out.stderr.contains("nonexistent vm area"))
        #expect(s.session.kernel.vmalloc.areas == before.areas)
    }

    /// CONFIG_NUMA is off on the i386 build: no N0= (show_numa_info() is compiled out), no numa_* statistics.
    @Test func withoutNUMAThereAreNoNodeCounts() throws {
        var p = BootParams()
        p.arch = .i386
        p.memory = 256 << 20
        var s = try Shell(params: p)
        _ = s.execute("v = vmalloc 8K")
        let lines = Self.lines(&s)
        #expect(lines.contains { $0.hasSuffix(" pages=2 vmalloc") })
        #expect(!lines.contains { $0.contains("N0=") })
        let vmstat = s.execute("cat /proc/vmstat").stdout
        #expect(!vmstat.contains("numa_hit") && !vmstat.contains("zone_reclaim_failed") && !vmstat.contains("thp_fault_alloc"))
        #expect(vmstat.contains("direct_map_level2_splits") && vmstat.contains("thp_migration_success"))
        let meminfo = s.execute("cat /proc/meminfo").stdout
        #expect(!meminfo.contains("AnonHugePages"), "no CONFIG_TRANSPARENT_HUGEPAGE on i386")
        #expect(!s.execute("cat /proc/zoneinfo").stdout.contains("numa_hit"))
    }

    /// The distribution x86_64 build: THP, no CMA (meminfo has no CmaTotal, pagetypeinfo no CMA column, as the
    /// capture's), and `config` shows it.
    @Test func theX8664ViewsAgreeWithTheConfiguration() throws {
        var p = BootParams()
        p.memory = 1 << 30
        var s = try Shell(params: p)
        let meminfo = s.execute("cat /proc/meminfo").stdout
        #expect(meminfo.contains("AnonHugePages:") && !meminfo.contains("CmaTotal"))
        let pti = s.execute("cat /proc/pagetypeinfo").stdout
        #expect(!pti.contains("CMA") && pti.contains("Isolate"))
        #expect(pti.contains("Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic      Isolate \n"))
        let config = s.execute("config").stdout
        for want in ["CONFIG_TRANSPARENT_HUGEPAGE=y", "# CONFIG_CMA is not set", "CONFIG_SLUB=y", "CONFIG_NUMA=y"] {
            #expect(config.contains("\n" + want + "\n"), "missing \(want)")
        }
        #expect(s.execute("config HUGEPAGE").stdout.contains("CONFIG_TRANSPARENT_HUGEPAGE_ALWAYS=y"))
        #expect(s.execute("config NOSUCHTHING").stderr.contains("no CONFIG_ option"))
        let ko = s.execute("lang ko")
        _ = ko
        #expect(s.execute("help config").stdout.contains("45056"))
    }
}

import Testing
import KernelMM
@testable import MMShell

/// What the shell shows for contexts, stacks, per-CPU memory and vmalloc: the numbers a learner reads.
@Suite struct CPUVmallocShellTests {
    static func shell(_ boot: (inout BootParams) -> Void = { _ in }) throws -> Shell {
        var p = BootParams()
        p.memory = 1 << 30
        boot(&p)
        return try Shell(params: p)
    }

    static func meminfo(_ s: inout Shell, _ label: String) -> Int? {
        let text = s.execute("cat /proc/meminfo").stdout
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(label + ":") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    @Test func meminfoFollowsVmallocTasksAndPercpu() throws {
        var s = try Self.shell()
        let used0 = try #require(Self.meminfo(&s, "VmallocUsed")), stack0 = try #require(Self.meminfo(&s, "KernelStack"))
        let percpu0 = try #require(Self.meminfo(&s, "Percpu"))
        #expect(stack0 == 16 * 5) // systemd, insmod and three idle tasks of a 4-CPU x86-64
        #expect(used0 == stack0)  // vmapped stacks count in VmallocUsed too
        // pcpu_embed_first_chunk() keeps size_sum = s221184 + r8192 + d28672 = 63 pages of each CPU's unit.
        #expect(percpu0 == 4 * 63 * 4)
        #expect(Self.meminfo(&s, "VmallocTotal") == 34_359_738_367)
        _ = s.execute("v = vmalloc 40K")
        #expect(Self.meminfo(&s, "VmallocUsed") == used0 + 40)
        _ = s.execute("task create worker")
        #expect(Self.meminfo(&s, "KernelStack") == stack0 + 16)
        #expect(Self.meminfo(&s, "VmallocUsed") == used0 + 56)
        _ = s.execute("alloc_percpu 28K") // fills the first chunk's dynamic area exactly
        #expect(Self.meminfo(&s, "Percpu") == percpu0)
        _ = s.execute("alloc_percpu 32K")
        #expect(Self.meminfo(&s, "Percpu") == percpu0 + 4 * 32) // a new chunk, 8 pages populated per unit
        _ = s.execute("vfree $v")
        #expect(Self.meminfo(&s, "VmallocUsed") == used0 + 16)
    }

    @Test func vmallocinfoLineFormat() throws {
        var s = try Self.shell()
        _ = s.execute("v = vmalloc 8192")
        guard case .address(let v)? = s.session.variables["v"] else { Issue.record("no $v"); return }
        let text = s.execute("cat /proc/vmallocinfo").stdout
        let hex = String(v, radix: 16), end = String(v + 12288, radix: 16)
        // The caller as %pS prints it, like the capture's "run_line+0xd1b/0xd80 [kmprobe] pages=1 vmalloc N0=1":
        // the learner's first command is the function kmemsim_cmd_1 of the pretend module kmemsim.
        #expect(text.contains("0x\(hex)-0x\(end)   12288 kmemsim_cmd_1+0x1c/0x40 [kmemsim] pages=2 vmalloc N0=2\n"))
        // 32-bit kernels here are not NUMA: no N0= field, 8-digit addresses.
        var i = try Self.shell { $0.arch = .i386 }
        _ = i.execute("vmalloc 4096")
        #expect(i.execute("cat /proc/vmallocinfo").stdout.contains(" 8192 kmemsim_cmd_1+0x1c/0x40 [kmemsim] pages=1 vmalloc\n"))
    }

    @Test func bootIoremapLinesAsTheCaptureShows() throws {
        var s = try Self.shell()
        let text = s.execute("cat /proc/vmallocinfo").stdout
        // The Debian 6.1 capture's before/vmallocinfo: "… 8192 hpet_enable+0xef/0x46d phys=0x00000000fed00000 ioremap".
        #expect(text.contains("    8192 hpet_enable+0xef/0x46d phys=0x00000000fed00000 ioremap\n"))
        #expect(text.contains("    8192 memremap+0x159/0x210 phys=0x00000000000f5000 ioremap\n"))
        // Device memory has no struct page: vmalloc_to_page finds nothing there.
        let line = try #require(text.split(separator: "\n").first { $0.contains("hpet_enable") })
        let start = try #require(UInt64(line.prefix(18).dropFirst(2), radix: 16))
        #expect(s.session.kernel.vmallocToPage(start) == nil)
        #expect(s.execute("vmarea \(Format.hex(start))").stdout.contains("phys 0xfed00000  (device memory: no struct page)"))
    }

    @Test func promptShowsContext() throws {
        var s = try Self.shell()
        #expect(s.prompt == "kmemsim> ")
        _ = s.execute("get_cpu")
        #expect(s.prompt == "kmemsim [cpu0 atomic:1]> ")
        let refused = s.execute("cpu 1")
        #expect(!refused.succeeded && refused.stderr.contains("cannot migrate"))
        _ = s.execute("put_cpu")
        _ = s.execute("cpu 1")
        _ = s.execute("irq_enter")
        #expect(s.prompt == "kmemsim [cpu1 irq irqs-off]> ")
        _ = s.execute("irq_exit")
        _ = s.execute("local_bh_disable")
        #expect(s.prompt == "kmemsim [cpu1 bh-off]> ")
    }

    @Test func reportsAreWordForWord() throws {
        var s = try Self.shell()
        _ = s.execute("get_cpu")
        let out = s.execute("alloc_pages GFP_KERNEL 0").stdout
        #expect(out.hasPrefix("BUG: sleeping function called from invalid context at include/linux/sched/mm.h:306\nin_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1234, name: insmod\npreempt_count: 1, expected: 0\n"))
        _ = s.execute("put_cpu")
        #expect(s.execute("smp_processor_id").stdout.hasPrefix("BUG: using smp_processor_id() in preemptible [00000000] code: insmod/1234\ncaller is debug_smp_processor_id+0x17/0x20\n"))
        _ = s.execute("spin_lock l")
        #expect(s.execute("schedule").stdout.hasPrefix("BUG: scheduling while atomic: insmod/1234/0x00000002\n"))
        _ = s.execute("irq_enter")
        #expect(s.execute("vmalloc 4096").stdout.contains("kernel BUG at mm/vmalloc.c:2579!\n"))
    }

    @Test func badInputIsAnErrorAndChangesNothing() throws {
        var s = try Self.shell()
        let before = s.session.kernel
        for line in ["task exit 42", "task frob", "stack use 1234 notanumber", "cpu -1", "irq_exit", "nmi_exit", "softirq_exit",
                     "DEFINE_PER_CPU float x", "per_cpu nosuch 0", "vmarea 0x1234", "vmalloc_to_page 0x1000", "this_cpu_read nosuch"] {
            let r = s.execute(line)
            #expect(!r.succeeded, "\(line) should fail")
            #expect(!r.stderr.isEmpty)
        }
        #expect(s.session.kernel.vmalloc == before.vmalloc && s.session.kernel.tasks == before.tasks && s.session.kernel.cpus == before.cpus)
    }

    @Test func kmemNamesPerCPUCopies() throws {
        var s = try Self.shell()
        _ = s.execute("v = DEFINE_PER_CPU int x")
        _ = s.execute("cpu 2")
        _ = s.execute("this_cpu_write x 42")
        _ = s.execute("p = per_cpu_ptr $v 2")
        let out = s.execute("kmem $p").stdout
        #expect(out.contains("unit 2 (cpu2's copy)") && out.contains("int x = 42"))
    }

    @Test func contextCountersCannotOverflow() throws {
        var s = try Self.shell()
        for _ in 0..<140 { _ = s.execute("local_bh_disable") }
        #expect(s.session.kernel.cpus[0].preemptCount == 0xfe00)
        for _ in 0..<20 { _ = s.execute("nmi_enter") }
        #expect(s.session.kernel.cpus[0].preemptCount & 0xf00000 == 0xf00000)
        try s.session.kernel.checkInvariants()
    }

    /// kvfree shows what the free it made shows: vfree's line for a vmalloc area, and a refused double free fails the
    /// command as kfree and vfree do; its JSON names the call and the outcome (not Swift's names for them).
    @Test func kvfreeReportsLikeTheFreeItMade() throws {
        var s = try Self.shell()
        _ = s.execute("v = vmalloc 8K")
        _ = s.execute("q = kvmalloc 64 GFP_KERNEL")
        var js = s
        js.session.settings.json = true
        let jv = js.execute("kvfree $v").stdout, jq = js.execute("kvfree $q").stdout
        #expect(jv.contains(#""data":{"via":"vfree","outcome":"freed","pages":2}"#), "\(jv)")
        #expect(jq.contains(#""data":{"via":"kfree","outcome":"freedObject"}"#), "\(jq)")
        let v = s.execute("kvfree $v")
        #expect(v.succeeded && v.stdout == "freed 2 pages and the range\n", "\(v.stdout)")
        #expect(s.execute("kvfree $q").succeeded)
        for (line, what) in [("kvfree $v", "vfree"), ("kvfree $q", "kfree")] {
            let r = s.execute(line)
            #expect(!r.succeeded, "a second \(what) through kvfree")
            #expect(r.stderr.contains("error: kvfree: the kernel refused it"), "\(r.stderr)")
        }
        try s.session.kernel.checkInvariants()
    }
}

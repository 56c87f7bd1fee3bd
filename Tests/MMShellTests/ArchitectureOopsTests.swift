@testable import KernelMM
@testable import MMShell
import Testing

/// Issue 10: an oops shows the registers the way the booted architecture's show_regs() does (Architecture.registerDump,
/// bugTrap, pageTableIsolation, warnTraps): x86-64 "RIP: 0010:", i386 "EIP:", sparc64 die_if_kernel()'s banner and
/// TPC/RPC/I7 — never x86's RIP line on sparc64.
@Suite struct ArchitectureOopsTests {
    static func kernel(_ arch: Architecture) throws -> Kernel {
        var p = BootParams()
        p.arch = arch
        p.memory = 256 << 20
        p.cpus = 1
        return try Kernel(booting: p)
    }

    static func bug(_ k: Kernel) -> [String] {
        let r = KernelReport(kind: .kernelBug(file: "mm/slub.c", line: 448, function: "set_freepointer"), comm: "insmod", pid: 1234, cpu: 0,
                             taint: "", callTrace: ["set_freepointer", "__slab_free", "kmem_cache_free"])
        return ReportRenderer.render(r, kernel: k).split(separator: "\n").map(String.init)
    }

    static func warn(_ k: Kernel) -> [String] {
        let r = KernelReport(kind: .warningMessage(message: "DEBUG_LOCKS_WARN_ON(val > preempt_count())", file: "kernel/sched/core.c", line: 5871,
                                                   function: "preempt_count_sub"),
                             comm: "insmod", pid: 1234, cpu: 0, taint: "", callTrace: ["preempt_count_sub", "preempt_enable"])
        return ReportRenderer.render(r, kernel: k).split(separator: "\n").map(String.init)
    }

    @Test func x86RegistersAreTheInstructionPointerLine() throws {
        let b64 = Self.bug(try Self.kernel(.x86_64))
        #expect(b64.contains("invalid opcode: 0000 [#1] PREEMPT SMP NOPTI") && b64.contains("RIP: 0010:set_freepointer"))
        #expect(b64.contains(" <TASK>") && b64.contains { $0.hasPrefix("Hardware name: kmemsim x86_64") })
        let b32 = Self.bug(try Self.kernel(.i386))
        // No PAE, so no page table isolation; 32-bit show_ip() prints "EIP:".
        #expect(b32.contains("invalid opcode: 0000 [#1] PREEMPT SMP") && b32.contains("EIP: set_freepointer"))
        #expect(!b32.contains { $0.hasPrefix("RIP") })
        // WARN() traps on x86: the message comes before the WARNING line, the registers after it.
        let w = Self.warn(try Self.kernel(.x86_64))
        let m = try #require(w.firstIndex(of: "DEBUG_LOCKS_WARN_ON(val > preempt_count())"))
        let at = try #require(w.firstIndex { $0.hasPrefix("WARNING: CPU: 0 PID: 1234 at kernel/sched/core.c:5871") })
        #expect(m < at && w.contains("RIP: 0010:preempt_count_sub"))
    }

    @Test func sparc64ShowsItsOwnRegisterDump() throws {
        let k = try Self.kernel(.sparc64)
        let b = Self.bug(k)
        #expect(Array(b.prefix(7)) == ["kernel BUG at mm/slub.c:448!",
                                       "              \\|/ ____ \\|/", "              \"@'/ .. \\`@\"", "              /_| \\__/ |_\\",
                                       "                 \\__U_/", "insmod(1234): Kernel bad sw trap 5 [#1]",
                                       "CPU: 0 PID: 1234 Comm: insmod Not tainted 6.6.0 #1"])
        #expect(Array(b[7...]) == ["TPC: <set_freepointer>", "RPC: <set_freepointer>", "I7: <__slab_free>", "Call Trace:",
                                   " set_freepointer", " __slab_free", " kmem_cache_free"])
        let w = Self.warn(k)
        #expect(!w.contains { $0.hasPrefix("RIP") || $0.hasPrefix("TPC") || $0.contains("<TASK>") || $0.hasPrefix("Hardware name") })
        // warn_slowpath_fmt(): the WARNING line, then the message.
        #expect(w.prefix(3) == ["------------[ cut here ]------------",
                                "WARNING: CPU: 0 PID: 1234 at kernel/sched/core.c:5871 preempt_count_sub",
                                "DEBUG_LOCKS_WARN_ON(val > preempt_count())"])
    }
}

@testable import KernelMM
@testable import MMShell
import Testing

/// Issue 17 "Found by a hostile run": each input below once crashed, hung or ate memory. Each must now give a clear
/// error (or the kernel's own report) and leave the simulator consistent.
@Suite struct HostileInputTests {
    static func machine(_ mem: UInt64, cpus: Int) -> BootParams {
        var p = BootParams()
        p.memory = mem
        p.cpus = cpus
        return p
    }
    static let small = machine(64 << 20, cpus: 2)

    func shell(_ p: BootParams = small) throws -> Shell { try Shell(params: p) }

    /// Runs a line that must fail and change nothing; returns its error text.
    func refused(_ sh: inout Shell, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = sh.session.kernel
        let r = sh.execute(line)
        #expect(!r.succeeded, "'\(line.prefix(60))' should fail", sourceLocation: sourceLocation)
        #expect(sh.session.kernel == before, "'\(line.prefix(60))' failed but changed the kernel", sourceLocation: sourceLocation)
        return r.stderr
    }

    @Test func deeplyNestedQueriesAreRefusedNotOverflowingTheStack() throws {
        var sh = try shell()
        let parens = refused(&sh, "print " + String(repeating: "(", count: 2_000) + "1" + String(repeating: ")", count: 2_000))
        #expect(parens.contains("nested too deeply"))
        let chain = refused(&sh, "print 1" + String(repeating: "+1", count: 1_400))
        #expect(chain.contains("too long"))
        let unary = refused(&sh, "print " + String(repeating: "-", count: 5_000) + "1")
        #expect(unary.contains("nested too deeply"))
        let lists = refused(&sh, "print " + String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000))
        #expect(lists.contains("nested too deeply"))
        // Ordinary long queries still work.
        #expect(sh.execute("print 1" + String(repeating: "+1", count: 99)).stdout == "100\n")
        #expect(sh.execute("print " + String(repeating: "(", count: 30) + "7" + String(repeating: ")", count: 30)).stdout == "7\n")
    }

    @Test func deeplyNestedKernelCIsRefused() throws {
        var sh = try shell()
        for line in ["unsigned long x = " + String(repeating: "(", count: 12_000) + "1" + String(repeating: ")", count: 12_000) + ";",
                     "unsigned long y = 1" + String(repeating: " + 1", count: 2_000) + ";",
                     "int z = " + String(repeating: "!", count: 5_000) + "0;",
                     String(repeating: "{ ", count: 3_000) + String(repeating: "} ", count: 3_000)] {
            #expect(refused(&sh, line).contains("nested too deeply"), "\(line.prefix(40))")
        }
        #expect(sh.execute("unsigned long w = 1" + String(repeating: " + 1", count: 99) + ";").succeeded)
        #expect(sh.execute("w;").stdout.hasPrefix("100"))
    }

    @Test func deeplyNestedGFPMasksAreRefused() throws {
        var sh = try shell()
        let e = refused(&sh, "alloc_pages(" + String(repeating: "(", count: 12_000) + "GFP_KERNEL" + String(repeating: ")", count: 12_000) + ", 0)")
        #expect(e.contains("nested too deeply"))
        let t = refused(&sh, "alloc_pages " + String(repeating: "~", count: 12_001) + "0 0")
        #expect(t.contains("nested too deeply"))
        #expect(sh.execute("alloc_pages(((GFP_KERNEL)), 0)").succeeded)
    }

    @Test(arguments: [
        ("sum([9223372036854775807, 1])", "sum() overflows"),
        ("abs(-9223372036854775807 - 1)", "abs() of -9223372036854775808"),
        ("hex(-9223372036854775807 - 1)", "-0x8000000000000000"),
        ("get_order(9223372036854775807)", "51"),
    ])
    func queryFunctionsDoNotOverflow(_ expr: String, _ want: String) throws {
        var sh = try shell()
        let r = sh.execute("print " + expr)
        #expect((r.stdout + r.stderr).contains(want), "\(expr): \(r.stdout)\(r.stderr)")
    }

    @Test func pageOfTheSmallestNumberIsAnError() throws {
        var sh = try shell()
        #expect(sh.execute("e = print -9223372036854775807 - 1").succeeded)
        _ = refused(&sh, "page $e")
    }

    @Test func movableWithReclaimableWarnsAsTheKernelDoesAndStaysSane() throws {
        for order in [0, 1, 2, 3] {
            var sh = try shell()
            let r = sh.execute("alloc_pages __GFP_MOVABLE|__GFP_RECLAIMABLE \(order)")
            #expect(r.succeeded)
            #expect(r.stdout.contains("include/linux/gfp.h:18"), "\(r.stdout)")
            #expect(r.stdout.contains("MIGRATE_HIGHATOMIC"))
            try sh.session.kernel.checkInvariants()
            // Neither the next allocation nor a drain may hang.
            #expect(sh.execute("alloc_pages GFP_KERNEL 1").succeeded)
            #expect(sh.execute("drain_all_pages").succeeded)
            #expect(sh.execute("alloc_pages ~0 \(order)").succeeded)
            #expect(sh.execute("drain_all_pages").succeeded)
            try sh.session.kernel.checkInvariants()
        }
    }

    @Test func sixteenNestedHardIrqsAreRefusedBeforeTheCountCarriesIntoNMI() throws {
        var sh = try shell()
        for _ in 0..<15 {
            #expect(sh.execute("irq_enter").succeeded)
            #expect(sh.execute("local_irq_enable").succeeded)
        }
        let e = refused(&sh, "irq_enter")
        #expect(e.contains("HARDIRQ"))
        #expect(sh.session.kernel.cpus[0].preemptCount == 15 * CPUState.hardirqOffset)
        for _ in 0..<15 { #expect(sh.execute("irq_exit").succeeded) }
        #expect(sh.execute("nmi_enter").succeeded)
        #expect(sh.execute("nmi_exit").succeeded)
        #expect(sh.session.kernel.cpus[0].preemptCount == 0)
        try sh.session.kernel.checkInvariants()
    }

    @Test func spinUnlockBhInsideAnNMIDoesNotScramblePreemptCount() throws {
        var sh = try shell()
        for line in ["spin_lock b", "preempt_enable", "local_bh_disable", "nmi_enter", "spin_unlock_bh b"] { _ = sh.execute(line) }
        let cpu = sh.session.kernel.cpus[0]
        #expect(cpu.preemptCount == CPUState.nmiOffset + CPUState.hardirqOffset + CPUState.softirqDisableOffset)
        #expect(sh.execute("nmi_exit").succeeded)
        try sh.session.kernel.checkInvariants()
    }

    @Test func hugeUnknownWordsAreAnsweredQuickly() throws {
        var sh = try shell()
        let word = String(repeating: "x", count: 1 << 20)
        let clock = ContinuousClock()
        var r = LineOutcome()
        let took = clock.measure { r = sh.execute(word) }
        #expect(took < .seconds(5), "an unknown 1 MB word took \(took)")
        #expect(r.stderr.utf8.count < 200 && r.stderr.contains("(1048576 bytes)"), "\(r.stderr.prefix(200))")
        #expect(Suggest.closest("alloc_pagesxxxxxxxxxx" + word, in: ["alloc_pages"]) == "alloc_pages")
    }

    @Test func valueCommandsDoNotCopyTheVariableTable() throws {
        var sh = try shell()
        let clock = ContinuousClock()
        for i in 0..<2_000 { _ = sh.execute("v\(i) = print \(i)") }
        // With a copy per command the second half would cost more than the first; measure one batch on a big table.
        let took = clock.measure { for i in 0..<2_000 { _ = sh.execute("w\(i) = print \(i)") } }
        #expect(sh.session.variables.count >= 4_000)
        #expect(took < .seconds(10), "2,000 assignments took \(took)")
    }

    @Test func kernelLogIsBoundedAndDmesgSaysLinesWereDropped() throws {
        var sh = try shell()
        let n = KernelLog.capacity + 50
        for _ in 0..<n { sh.session.kernel.report(.info("test line")) }
        #expect(sh.session.kernel.log.entries.count == KernelLog.capacity)
        #expect(sh.session.kernel.log.dropped >= 50)
        let d = sh.execute("dmesg").stdout
        #expect(d.contains("dropped"))
    }

    @Test func traceBufferIsARingBuffer() throws {
        var t = TraceBuffer()
        t.enabled = true
        let e = TraceEvent(time: 0, comm: "x", pid: 0, cpu: 0, flags: ".....", kind: .mmPageFree(pfn: 1, order: 0), pageAddress: 0)
        for i in 0..<(TraceBuffer.capacity + 10) { var x = e; x.time = UInt64(i); t.record(x) }
        #expect(t.events.count == TraceBuffer.capacity)
        #expect(t.events.first?.time == 10)
        #expect(t.events.last?.time == UInt64(TraceBuffer.capacity + 9))
        #expect(t.written == TraceBuffer.capacity + 10)
    }

    @Test func taskCreateWithoutMemoryUnwindsLikeCopyProcess() throws {
        var sh = try shell(Self.machine(64 << 20, cpus: 1))
        // Fill memory (reserves included) so the stack cannot be had.
        while sh.session.kernel.allocPages(GFPFlags.kernel.union(.nowarn), order: 0) != nil {}
        while sh.session.kernel.allocPages(GFPFlags.atomic.union(.nowarn), order: 0) != nil {}
        let before = sh.session.kernel
        let r = sh.execute("task create worker")
        let k = sh.session.kernel
        #expect(r.stdout.contains("-ENOMEM"), "\(r.stdout)\(r.stderr)")
        #expect(k.tasks == before.tasks)
        #expect(k.vmalloc.areas == before.vmalloc.areas)
        #expect(k.slab.caches.map(\.liveObjects) == before.slab.caches.map(\.liveObjects))
        try k.checkInvariants()
    }

    /// Failing part-way (some stack pages had, then none) must give back everything too.
    @Test(arguments: [true, false]) func taskCreateFailingPartWayLeavesNothingBehind(vmapStack: Bool) throws {
        for spare in 0..<6 {
            var p = Self.machine(64 << 20, cpus: 1)
            p.vmapStack = vmapStack
            var k = try Kernel(booting: p)
            var held: [PFN] = []
            while let pfn = k.allocPages(GFPFlags.atomic.union(.nowarn), order: 0) { held.append(pfn) }
            for pfn in held.suffix(spare) { _ = k.freePages(pfn, order: 0) }
            let tasks = k.tasks, areas = k.vmalloc.areas, live = k.slab.caches.map(\.liveObjects)
            if k.taskCreate(comm: "worker") == nil {
                #expect(k.tasks == tasks)
                #expect(k.vmalloc.areas == areas, "spare \(spare)")
                #expect(k.slab.caches.map(\.liveObjects) == live, "spare \(spare)")
            }
            try k.checkInvariants()
        }
    }

    @Test func deeplyNestedYAMLIsRefusedBeforeYams() throws {
        let flow = "id: x\nsteps: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let (lesson, diags) = LessonDecoder.decode(flow, file: "deep.yaml")
        #expect(lesson == nil)
        #expect(diags.first?.message.contains("nested more than") == true, "\(diags)")
        let dashes = "steps:\n" + String(repeating: "- ", count: 5_000) + "x\n"
        #expect(LessonDecoder.decode(dashes, file: "deep.yaml").1.first?.message.contains("nested more than") == true)
        #expect(throws: CommandError.self) { try ProgressFile.parse("{\"version\": 1, \"lessons\": " + String(repeating: "[", count: 5_000) + "}") }
        // Brackets and apostrophes in prose are not nesting.
        #expect(YAMLDepth.tooDeep("text: |\n  zone.free[3] isn't free[ORDER\n  it's [fine]\n") == nil)
    }

    @Test func filesAndLinesHaveASizeLimit() throws {
        var sh = try shell()
        let e = refused(&sh, "lesson import /dev/zero")
        #expect(e.contains("larger than 64 MiB"), "\(e)")
        let d = refused(&sh, "lesson import /tmp")
        #expect(d.contains("directory"), "\(d)")
        let long = refused(&sh, "print " + String(repeating: "1", count: Limits.lineBytes))
        #expect(long.contains("at most \(Limits.lineBytes) bytes"))
    }
}

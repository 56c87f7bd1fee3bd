import Testing
@testable import KernelMM

@Suite struct StackTests {
    static func boot(_ arch: Architecture, vmapStack: Bool? = nil) throws -> Kernel {
        var p = BootParams()
        p.arch = arch
        p.memory = arch == .i386 ? 1 << 30 : 2 << 30
        p.vmapStack = vmapStack
        return try Kernel(booting: p)
    }

    @Test(arguments: [(Architecture.x86_64, 16384, 2, true), (.i386, 8192, 1, false), (.sparc64, 16384, 1, false)])
    func stackSizesPerArchitecture(arch: Architecture, size: Int, order: Int, vmapped: Bool) throws {
        var k = try Self.boot(arch)
        #expect(k.arch.threadSize == size && k.arch.threadSizeOrder == order && k.vmapStack == vmapped)
        let kb0 = k.memInfo().kernelStackKB
        let pid = try unwrap(k.taskCreate(comm: "worker"))
        let s = try unwrap(k.tasks.first { $0.pid == pid }?.stack)
        #expect(s.size == size)
        if vmapped {
            let a = try unwrap(k.vmalloc.area(id: try unwrap(s.vmapArea)))
            #expect(a.pages.count == size / k.pageSize && a.size == size + k.pageSize && a.start % UInt64(size) == 0)
            #expect(a.purpose == .taskStack(pid: pid))
        } else {
            let pfn = try unwrap(s.pfn)
            #expect(k.frames[pfn].owner == .kernelStack && Int(k.frames[pfn].order) == order && k.frames[pfn].flags.contains(.zeroed))
        }
        #expect(k.memInfo().kernelStackKB == kb0 + size / 1024)
        try k.checkInvariants()
        try k.taskExit(pid: pid)
        #expect(k.memInfo().kernelStackKB == kb0)
        try k.checkInvariants()
    }

    @Test func vmappedStacksAreCachedTwoPerCPU() throws {
        var k = try Self.boot(.x86_64)
        let used0 = k.memInfo().vmallocUsed
        let pids = try (0..<3).map { _ in try unwrap(k.taskCreate(comm: "w")) }
        #expect(k.memInfo().vmallocUsed == used0 + 12)
        for p in pids { try k.taskExit(pid: p) }
        // Two stay in CPU 0's cache (still vmalloc areas), the third is vfree'd.
        #expect(k.cachedStacks[0].count == 2)
        #expect(k.memInfo().vmallocUsed == used0 + 8)
        let cached = k.cachedStacks[0]
        let again = try unwrap(k.taskCreate(comm: "again"))
        #expect(k.tasks.first { $0.pid == again }?.stack?.vmapArea == cached.last)
        #expect(k.memInfo().vmallocUsed == used0 + 8)
        try k.checkInvariants()
    }

    @Test func exitRefusesRunningAndIdleTasks() throws {
        var k = try Self.boot(.x86_64)
        #expect(throws: ContextError.taskRunning(1234)) { try k.taskExit(pid: 1234) }
        #expect(throws: ContextError.taskIsIdle(0)) { try k.taskExit(pid: 0) }
        #expect(throws: ContextError.noSuchTask(99)) { try k.taskExit(pid: 99) }
    }

    @Test func vmappedOverflowHitsTheGuardPage() throws {
        var k = try Self.boot(.x86_64)
        let r1 = try k.stackUse(pid: 1234, bytes: 12 << 10)
        #expect(r1 == .fits(used: 12 << 10, left: 4 << 10))
        let before = k.frames, tasks = k.tasks
        let s = try unwrap(k.tasks.first { $0.pid == 1234 }?.stack)
        let r2 = try k.stackUse(pid: 1234, bytes: 20 << 10)
        #expect(r2 == .guardPageHit(address: s.base - 8))
        #expect(k.log.entries.last?.report.kind == .stackGuardPageHit(stack: "TASK", address: s.base - 8, start: s.base, end: s.base + 16384))
        #expect(k.frames == before && k.tasks == tasks)
    }

    @Test func pageStackOverflowCorruptsTheStackEnd() throws {
        var k = try Self.boot(.i386)
        let r1 = try k.stackUse(pid: 1234, bytes: 8192 - 8)
        #expect(r1 == .fits(used: 8184, left: 8))
        let r2 = try k.stackUse(pid: 1234, bytes: 8192 - 4)
        if case .stackEndCorrupted(let overrun, _) = r2 { #expect(overrun == 0) } else { Issue.record("expected stack end corruption, got \(r2)") }
        let r3 = try k.stackUse(pid: 1234, bytes: 9000)
        if case .stackEndCorrupted(let overrun, let beside) = r3 { #expect(overrun == 808); if case .below(808, _, _) = beside {} else { Issue.record("\(beside)") } } else { Issue.record("got \(r3)") }
        #expect(k.log.entries.last?.report.kind == .panic("corrupted stack end detected inside scheduler"))
    }

    @Test func irqStacksAtBoot() throws {
        let x = try Self.boot(.x86_64)
        for c in x.cpus {
            let st = try unwrap(c.irqStack)
            #expect(st.size == 16384 && st.vmapArea != nil && x.isVmallocAddr(st.base))
        }
        let i = try Self.boot(.i386)
        for c in i.cpus {
            let st = try unwrap(c.irqStack)
            #expect(st.size == 8192 && st.pfn != nil && st.softirqPFN != nil)
            #expect(i.frames[st.pfn ?? 0].owner == .kernelStack)
        }
        // IRQ stacks are not in KernelStack: only tasks are.
        #expect(i.memInfo().kernelStackKB == i.tasks.filter { $0.stack != nil }.count * 8)
        let nv = try Self.boot(.x86_64, vmapStack: false)
        // Without vmapped stacks only the boot's ioremap()s are in vmalloc space.
        #expect(nv.vmalloc.areas.allSatisfy { $0.purpose == .ioremap } && nv.cpus.allSatisfy { $0.irqStack?.vmapArea == nil })
        try nv.checkInvariants()
    }
}

@Suite struct PercpuTests {
    @Test func variablesHaveOneCopyPerCPU() throws {
        var k = try Kernel(booting: BootParams())
        let v = try unwrap(k.definePerCPU(type: "int", name: "counter"))
        #expect(v.offset == k.percpu.staticSize) // the first module variable: start of the reserved area
        _ = k.thisCPU(.inc, "counter", checked: false)
        try k.migrate(to: 2)
        _ = k.thisCPU(.add, "counter", value: 5, checked: false)
        _ = k.thisCPU(.inc, "counter", checked: false)
        #expect(k.percpuVariable("counter")?.values == [1, 0, 6, 0])
        #expect(k.perCPU("counter", cpu: 2) == 6)
        // int wraps as an int does.
        _ = k.thisCPU(.write, "counter", value: Int64(Int32.max), checked: false)
        _ = k.thisCPU(.inc, "counter", checked: false)
        #expect(k.perCPU("counter", cpu: 2) == Int64(Int32.min))
        try k.checkInvariants()
    }

    @Test func uncheckedOpsWarnWhenPreemptible() throws {
        var k = try Kernel(booting: BootParams())
        _ = k.definePerCPU(type: "long", name: "hits")
        let mark = k.log.entries.count
        _ = k.thisCPU(.inc, "hits", checked: false)
        #expect(k.log.entries.count == mark)
        _ = k.thisCPU(.inc, "hits", checked: true)
        // include/linux/percpu-defs.h:479: __this_cpu_inc(pcp) is __this_cpu_add(pcp, 1); its check prints "add".
        #expect(k.log.entries.last?.report.kind == .preemptibleCPUAccess(what: "__this_cpu_add()", preemptCount: 0, caller: "__this_cpu_preempt_check+0x13/0x20"))
        let n = k.log.entries.count
        do { let r = k.getCPUVar("hits"); #expect(r == 2) }
        _ = k.thisCPU(.inc, "hits", checked: true)
        k.putCPUVar("hits")
        #expect(k.log.entries.count == n)
        #expect(k.perCPU("hits", cpu: 0) == 3)
    }

    @Test func allocPercpuPlacementAndNewChunks() throws {
        var k = try Kernel(booting: BootParams())
        let p = k.percpu
        let first = try unwrap(p.chunks.first)
        let a = try unwrap(k.allocPercpu(size: 10, align: 8))
        #expect(a == first.base + UInt64(p.staticSize + p.reservedSize))
        let b = try unwrap(k.allocPercpu(size: 64, align: 64))
        #expect(b == first.base + UInt64((p.staticSize + p.reservedSize + 12 + 63) / 64 * 64)) // 10 → 12 (4-byte granules)
        #expect(k.perCPUPtr(b, cpu: 3) == b + UInt64(3 * p.unitSize))
        // Fill the dynamic area, then the next allocation opens a chunk in vmalloc space.
        var big: [UInt64] = []
        while let x = k.allocPercpu(size: 4096, align: 4096), !k.isVmallocAddr(x) { big.append(x) }
        #expect(k.percpu.chunks.count == 2)
        let chunk = k.percpu.chunks[1]
        #expect(k.isVmallocAddr(chunk.base))
        let frames = k.frames.filter { $0.state == .allocated && $0.owner == .percpu }.count
        #expect(frames == k.params.cpus) // one page populated in every unit
        #expect(chunk.populated.filter { $0 }.count == 1)
        try k.checkInvariants()
        let percpuPages = k.memInfo().percpu
        // Freeing the only allocation in the extra chunk gives it back: pages and vmalloc area.
        let extra = try unwrap(chunk.allocations.first.map { chunk.base + UInt64($0.offset) })
        do { let r = k.freePercpu(extra); #expect(r) }
        #expect(k.percpu.chunks.count == 1)
        #expect(k.frames.filter { $0.state == .allocated && $0.owner == .percpu }.isEmpty)
        #expect(k.memInfo().percpu == percpuPages - k.params.cpus)
        for x in big { let r = k.freePercpu(x); #expect(r) }
        do { let r1 = k.freePercpu(a), r2 = k.freePercpu(b); #expect(r1 && r2) }
        #expect(k.percpu.chunks[0].allocations.isEmpty)
        do { let r = k.freePercpu(a); #expect(!r) }
        try k.checkInvariants()
    }

    @Test func noVmallocSpaceMeansNoNewChunk() throws {
        var p = BootParams()
        p.arch = .i386
        p.memory = 1 << 30
        var k = try Kernel(booting: p)
        // Leave less than one chunk (4 units of 116 KiB + guard) of the 128 MiB i386 vmalloc range.
        let r = k.vmallocRange
        let used = k.vmalloc.areas.reduce(UInt64(0)) { $0 + UInt64($1.size) }
        _ = try unwrap(k.vmalloc(r.end - r.start - used - (256 << 10)))
        _ = try unwrap(k.allocPercpu(size: 16 << 10, align: 8)) // the first chunk's dynamic area (28 KiB)
        let frames = k.frames
        let second = k.allocPercpu(size: 32 << 10, align: 8)
        #expect(second == nil)
        #expect(k.log.entries.last?.report.kind == .info("percpu: allocation failed, size=32768 align=8 atomic=0, failed to allocate new chunk"))
        #expect(k.frames == frames)
        try k.checkInvariants()
    }

    @Test func illegalPercpuRequestsWarn() throws {
        var k = try Kernel(booting: BootParams())
        do { let r = k.allocPercpu(size: 0, align: 4); #expect(r == nil) }
        do { let r = k.allocPercpu(size: 40000, align: 4); #expect(r == nil) }
        do { let r = k.allocPercpu(size: 8, align: 3); #expect(r == nil) }
        #expect(k.log.entries.last?.report.kind == .warningMessage(message: "illegal size (8) or align (3) for percpu allocation", file: "mm/percpu.c", line: 1755, function: "pcpu_alloc"))
    }

    @Test func reservedAreaExhausts() throws {
        var k = try Kernel(booting: BootParams())
        var n = 0
        while k.definePerCPU(type: "u64", name: "v\(n)") != nil { n += 1 }
        #expect(n == PercpuState.moduleReserve / 8)
        try k.checkInvariants()
    }
}

@Suite struct IRQStackTests {
    static func boot(fourK: Bool, irqStacks: Bool) throws -> Kernel {
        var p = BootParams()
        p.arch = .i386
        p.memory = 1 << 30
        p.cpus = 2
        p.fourKStacks = fourK
        p.irqStacks = irqStacks
        return try Kernel(booting: p)
    }

    @Test func fourKStacksAreOnePage() throws {
        var k = try Self.boot(fourK: true, irqStacks: true)
        #expect(k.threadSize == 4096 && k.threadSizeOrder == 0)
        let pid = try unwrap(k.taskCreate(comm: "w"))
        #expect(k.tasks.first { $0.pid == pid }?.stack?.size == 4096)
        #expect(k.cpus.allSatisfy { $0.irqStack?.size == 4096 })
        try k.checkInvariants()
    }

    @Test func handlersUseTheIRQStackNotTheTasks() throws {
        var k = try Self.boot(fourK: true, irqStacks: true)
        _ = try k.stackUse(pid: 1234, bytes: 3072)
        try k.irqEnter()
        #expect(try k.irqStackUse(bytes: 2048) == .fits(used: 2048, left: 2048))
        #expect(k.tasks.first { $0.pid == 1234 }?.stack?.depth == 3072)
        try k.irqExit()
        #expect(throws: ContextError.notInHardirq) { try k.irqStackUse(bytes: 10) }
    }

    @Test func withoutIRQStacksAHandlerOverflowsTheTaskStack() throws {
        var k = try Self.boot(fourK: true, irqStacks: false)
        #expect(k.cpus.allSatisfy { $0.irqStack == nil })
        _ = try k.stackUse(pid: 1234, bytes: 3072)
        try k.irqEnter()
        #expect(try k.irqStackUse(bytes: 512) == .fits(used: 3584, left: 512))
        #expect(k.tasks.first { $0.pid == 1234 }?.stack?.depth == 3072)
        let r = try k.irqStackUse(bytes: 2048)
        if case .stackEndCorrupted(let overrun, _) = r { #expect(overrun == 1024) } else { Issue.record("got \(r)") }
        #expect(k.log.entries.contains { $0.report.kind == .panic("corrupted stack end detected inside scheduler") })
        try k.irqExit()
        try k.checkInvariants()
    }

    @Test func x86IRQStackOverflowHitsItsGuardPage() throws {
        var k = try Kernel(booting: BootParams())
        try k.irqEnter()
        let st = try unwrap(k.cpus[0].irqStack)
        #expect(try k.irqStackUse(bytes: 20 << 10) == .guardPageHit(address: st.base - 8))
        #expect(k.log.entries.last?.report.kind == .stackGuardPageHit(stack: "IRQ", address: st.base - 8, start: st.base, end: st.base + 16384))
    }
}

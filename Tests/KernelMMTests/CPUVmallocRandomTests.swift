import Testing
@testable import KernelMM

/// Random mixes of CPU, task, per-CPU and vmalloc operations; every invariant is checked after every step.
@Suite struct CPUVmallocRandomTests {

    static let cases: [(Architecture, UInt64)] = [(.x86_64, 1), (.x86_64, 7), (.i386, 3), (.sparc64, 5)]

    @Test(arguments: cases)
    func randomMixKeepsInvariants(arch: Architecture, seed: UInt64) throws {
        var p = BootParams()
        p.arch = arch
        p.memory = 256 << 20
        p.cpus = 3
        p.seed = seed
        var k = try Kernel(booting: p)
        var rng = SeededRandom(state: seed)
        var areas: [UInt64] = [], pcpu: [UInt64] = [], pids: [Int] = [], pages: [PFN] = []
        var made = (vmalloc: 0, tasks: 0, percpu: 0)
        _ = k.definePerCPU(type: "long", name: "ctr")
        for step in 0..<400 {
            let op = Int.random(in: 0..<15, using: &rng)
            switch op {
            case 0, 1:
                let n = UInt64.random(in: 1...(UInt64(40 * k.pageSize)), using: &rng)
                if let v = Bool.random(using: &rng) ? k.vmalloc(n) : k.vzalloc(n) { areas.append(v); made.vmalloc += 1 }
            case 2:
                if !areas.isEmpty { k.vfree(areas.remove(at: Int.random(in: 0..<areas.count, using: &rng))) }
            case 3:
                if let pid = k.taskCreate(comm: "t\(step)") { pids.append(pid); made.tasks += 1 }
            case 4:
                if !pids.isEmpty { try k.taskExit(pid: pids.remove(at: Int.random(in: 0..<pids.count, using: &rng))) }
            case 5:
                let size = Int.random(in: 1...4096, using: &rng), align = 1 << Int.random(in: 0...6, using: &rng)
                if let x = k.allocPercpu(size: size, align: align) { pcpu.append(x); made.percpu += 1 }
            case 6:
                if !pcpu.isEmpty { k.freePercpu(pcpu.remove(at: Int.random(in: 0..<pcpu.count, using: &rng))) }
            case 7:
                _ = k.getCPU()
                _ = k.thisCPU(.inc, "ctr", checked: true)
                if let pfn = k.allocPages(.atomic, order: Int.random(in: 0...2, using: &rng)) { pages.append(pfn) }
                k.putCPU()
            case 8:
                if !pages.isEmpty {
                    let pfn = pages.remove(at: 0)
                    k.freePages(pfn, order: Int(k.frames[pfn.raw].order))
                }
            case 9:
                if k.cpus[k.currentCPU].preemptible { try k.migrate(to: Int.random(in: 0..<p.cpus, using: &rng)) }
            case 10:
                // An interrupt handler frees an area (deferred) and allocates atomically.
                if !k.cpus[k.currentCPU].irqsDisabled {
                    try k.irqEnter()
                    if !areas.isEmpty { k.vfree(areas.remove(at: 0)) }
                    _ = k.vmalloc(4096) // BUG_ON(in_interrupt()): refused, state unchanged
                    try k.checkInvariants()
                    try k.irqExit()
                }
            case 11:
                if let t = k.tasks.filter({ $0.stack != nil && $0.pid != 0 }).randomElement(using: &rng) {
                    _ = try k.stackUse(pid: t.pid, bytes: Int.random(in: 0...(k.arch.threadSize + 2 * k.pageSize), using: &rng))
                }
            case 12:
                k.spinLock("l", variant: [.plain, .irq, .irqsave, .bh].randomElement(using: &rng) ?? .plain)
                _ = k.vmalloc(UInt64(k.pageSize)).map { areas.append($0) } // might_sleep report, still allocates
                k.spinUnlock("l", variant: k.cpus[k.currentCPU].heldLocks.last?.variant ?? .plain)
            case 13:
                // vfree() with bottom halves disabled is deferred too (in_interrupt() counts the bh-disable bits).
                k.localBhDisable()
                if !areas.isEmpty { k.vfree(areas.removeLast()) }
                try k.checkInvariants()
                k.localBhEnable()
            default:
                k.schedule()
            }
            do { try k.checkInvariants() } catch { Issue.record("step \(step) op \(op): \(error)"); return }
        }
        #expect(made.vmalloc > 10 && made.tasks > 10 && made.percpu > 10)
        // Everything given back: vmalloc and per-CPU leave only what boot made.
        for a in areas { k.vfree(a) }
        for x in pcpu { k.freePercpu(x) }
        for pid in pids { try k.taskExit(pid: pid) }
        try k.checkInvariants()
        #expect(k.vmalloc.areas.allSatisfy { $0.purpose != .vmalloc })
        #expect(k.percpu.chunks.count == 1 && k.percpu.chunks[0].allocations.allSatisfy(\.reserved))
    }
}

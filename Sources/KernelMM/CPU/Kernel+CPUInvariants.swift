extension Kernel {
    /// CPUs, tasks, stacks and per-CPU memory:
    /// - each CPU's hardirq/NMI nesting matches the saved IRQ flags; a spinlock name is held at most once;
    /// - a non-idle task runs on at most one CPU, and every running pid is a task;
    /// - every task's stack is what it says: a live vmalloc area of THREAD_SIZE + guard, or an allocated
    ///   order-THREAD_SIZE_ORDER block held as a kernel stack; cached stacks are areas with no owner;
    /// - per-CPU allocations lie inside their area of the unit and do not overlap; populated pages are mapped.
    public func checkCPUInvariants() throws(InvariantViolation) {
        func fail(_ v: CPUViolation) -> InvariantViolation { .cpu(v) }
        var lockNames: Set<String> = []
        for c in cpus {
            let nest = Int((c.preemptCount & CPUState.hardirqMask) >> 16)
            guard nest == c.irqsDisabledBeforeInterrupt.count else { throw fail(.hardirqNesting(cpu: c.id, count: nest, savedFlags: c.irqsDisabledBeforeInterrupt.count)) }
            for l in c.heldLocks {
                guard lockNames.insert(l.name).inserted else { throw fail(.spinlockHeldTwice(lock: l.name)) }
            }
            if c.currentPID != 0 {
                guard tasks.contains(where: { $0.pid == c.currentPID }) else { throw fail(.runsMissingTask(cpu: c.id, pid: c.currentPID)) }
                guard cpus.filter({ $0.currentPID == c.currentPID }).count == 1 else { throw fail(.taskOnTwoCPUs(pid: c.currentPID)) }
            }
        }
        var stackAreas: Set<UInt32> = []
        for t in tasks {
            guard let s = t.stack else { continue }
            guard s.size == threadSize else { throw fail(.stackSize(pid: t.pid, size: s.size, threadSize: threadSize)) }
            if let id = s.vmapArea {
                guard let a = vmalloc.area(id: id), a.purpose == .taskStack(pid: t.pid), a.start == s.base,
                      a.pages.count == s.size / pageSize else { throw fail(.vmappedStackNotOwn(pid: t.pid, area: id)) }
                guard stackAreas.insert(id).inserted else { throw fail(.stackAreaUsedTwice(area: id)) }
            } else if let pfn = s.pfn {
                let f = frames[pfn]
                guard f.state == .allocated, f.owner == .kernelStack, Int(f.order) == threadSizeOrder, Int(f.tag) == t.pid else {
                    throw fail(.stackBlock(pid: t.pid, pfn: pfn, state: f.state, owner: f.owner, order: Int(f.order)))
                }
            } else {
                throw fail(.stackMissing(pid: t.pid))
            }
        }
        for (c, cache) in cachedStacks.enumerated() {
            guard cache.count <= Self.cachedStacksPerCPU else { throw fail(.tooManyCachedStacks(cpu: c, count: cache.count)) }
            for id in cache {
                guard vmalloc.area(id: id)?.purpose == .taskStack(pid: nil), stackAreas.insert(id).inserted else { throw fail(.cachedStackArea(area: id)) }
            }
        }
        for a in vmalloc.areas {
            if case .taskStack = a.purpose, !stackAreas.contains(a.id) { throw fail(.orphanStackArea(address: a.start)) }
        }
        for (ci, ch) in percpu.chunks.enumerated() {
            var end = 0
            for a in ch.allocations {
                // A reserved request lives in the reserved area when there is one (i386 has none: dynamic area).
                let inReserve = a.reserved && percpu.reservedSize > 0
                let lo = ch.isFirst ? (inReserve ? percpu.staticSize : percpu.staticSize + percpu.reservedSize) : 0
                let hi = ch.isFirst ? (inReserve ? percpu.staticSize + percpu.reservedSize : percpu.firstChunkSize) : percpu.unitSize
                guard a.offset >= lo, a.offset + a.size <= hi, a.offset >= end, a.offset % a.align == 0 else {
                    throw fail(.percpuAllocationOutOfPlace(chunk: ch.id, offset: a.offset, size: a.size))
                }
                end = a.offset + a.size
                if !ch.isFirst {
                    for p in (a.offset / pageSize)...((a.offset + a.size - 1) / pageSize) where !ch.populated[p] {
                        throw fail(.percpuPageNotPopulated(chunk: ch.id, page: p))
                    }
                }
            }
            if ci > 0 {
                guard let id = ch.vmArea, let area = vmalloc.area(id: id) else { throw fail(.percpuChunkWithoutArea(chunk: ch.id)) }
                let per = percpu.unitSize / pageSize
                for (slot, p) in area.pages.enumerated() {
                    // A unit no CPU uses (nr_units rounded up to the units per allocation) is never populated.
                    guard (p >= 0) == (slot < params.cpus * per && ch.populated[slot % per]) else { throw fail(.percpuMappingDisagrees(chunk: ch.id, page: slot)) }
                    if p >= 0, frames[Int(p)].owner != .percpu || frames[Int(p)].state != .allocated { throw fail(.percpuForeignFrame(chunk: ch.id, page: slot)) }
                }
                if ch.allocations.isEmpty { throw fail(.percpuEmptyChunkKept(chunk: ch.id)) }
            }
        }
        for v in percpu.variables { guard v.values.count == params.cpus else { throw fail(.percpuVariableCopies(name: v.name, copies: v.values.count)) } }
        try checkHighmemInvariants()
    }
}

import KernelMM

/// `cpus` as data: each CPU's preempt_count fields (include/linux/preempt.h), IRQ flag, running task, held spinlocks
/// and IRQ stack. The text and `--json` read it.
struct CPUsModel: Sendable, Equatable {
    struct IRQStackRow: Sendable, Equatable {
        var base: UInt64, size: Int
        var vmapped: Bool
        /// The stack's first frame (IRQ stacks from the page allocator) and its softirq stack's (i386).
        var pfn: Int?, softirqPFN: Int?
    }

    struct Row: Sendable, Equatable {
        var id: Int
        /// The CPU the shell runs on.
        var current: Bool
        var preemptCount: UInt32
        var preemptDepth, softirq, hardirq, nmi: Int
        var irqsDisabled, inAtomic, inInterrupt: Bool
        var pid: Int
        /// The running task's comm (nil: the idle task, swapper/N).
        var comm: String?
        var locks: [HeldLock]
        /// Where preemption was disabled (a symbol), while preempt_count is not 0.
        var preemptDisabledAt: String?
        var irqStack: IRQStackRow?
    }

    var cpus: [Row]

    init(_ k: Kernel) {
        cpus = k.cpus.map { c in
            let task = k.tasks.first { $0.pid == c.currentPID && (c.currentPID != 0 || $0.comm == "swapper/\(c.id)") }
            return Row(id: c.id, current: c.id == k.currentCPU, preemptCount: c.preemptCount, preemptDepth: c.preemptDepth,
                       softirq: Int((c.preemptCount & CPUState.softirqMask) >> 8), hardirq: Int((c.preemptCount & CPUState.hardirqMask) >> 16),
                       nmi: Int((c.preemptCount & CPUState.nmiMask) >> 20), irqsDisabled: c.irqsDisabled, inAtomic: c.inAtomic,
                       inInterrupt: c.inInterrupt, pid: c.currentPID, comm: c.currentPID == 0 ? nil : (task?.comm ?? "?"),
                       locks: c.heldLocks, preemptDisabledAt: c.preemptCount != 0 ? c.preemptDisabledAt?.symbol : nil,
                       irqStack: c.irqStack.map { IRQStackRow(base: $0.base, size: $0.size, vmapped: $0.vmapArea != nil, pfn: $0.pfn, softirqPFN: $0.softirqPFN) })
        }
    }
}

/// `task list` (and `task stacks`' JSON) as data: each task, where it runs and its kernel stack (address, pages,
/// zones), the CPUs' stack caches, THREAD_SIZE. The text and `--json` read it.
struct TasksModel: Sendable, Equatable {
    struct Stack: Sendable, Equatable {
        var base: UInt64, size: Int
        var vmapped: Bool
        /// The frames behind it: a vmapped stack's pages in order, or the block of a page-allocated one.
        var pfns: [Int]
        /// The zones of a vmapped stack's pages (sorted), or the zone of a page-allocated one.
        var zones: [String]
        /// A page-allocated stack's first frame.
        var pfn: Int?
        var threadSizeOrder: Int
        var maxUsed: Int

        init(_ st: KernelStack, _ k: Kernel) {
            base = st.base
            size = st.size
            vmapped = st.vmapArea != nil
            threadSizeOrder = k.threadSizeOrder
            maxUsed = st.maxUsed
            pfn = nil
            if let id = st.vmapArea {
                let pages = k.vmalloc.area(id: id)?.pages ?? []
                pfns = pages.map { Int($0) }
                zones = Set(pages.compactMap { k.zoneIndex(ofPFN: Int($0)).map { k.zones[$0].type.procName } }).sorted()
            } else if let p = st.pfn {
                pfn = p
                pfns = Array(p..<(p + st.size / k.pageSize))
                zones = [k.zoneIndex(ofPFN: p).map { k.zones[$0].type.procName } ?? "?"]
            } else {
                pfns = []
                zones = []
            }
        }
    }

    struct Row: Sendable, Equatable {
        var pid: Int
        var comm: String
        var cpu: Int
        /// The CPU it is running on now, if any.
        var runningOn: Int?
        /// nil: init_task's stack in the kernel image.
        var stack: Stack?
    }

    struct StackCache: Sendable, Equatable {
        var cpu: Int
        var addresses: [UInt64]
    }

    var tasks: [Row]
    /// Per CPU, the addresses of the stacks kept for the next task (only CPUs with any).
    var cachedStacks: [StackCache]
    var threadSize, threadSizeOrder: Int
    var vmapStack: Bool
    var kernelStackKB: Int

    init(_ k: Kernel) {
        tasks = k.tasks.map { t in
            Row(pid: t.pid, comm: t.comm, cpu: t.cpu,
                runningOn: k.cpus.firstIndex { $0.currentPID == t.pid && (t.pid != 0 || t.comm == "swapper/\($0.id)") },
                stack: t.stack.map { Stack($0, k) })
        }
        cachedStacks = k.cachedStacks.enumerated().filter { !$0.element.isEmpty }.map { c, ids in
            StackCache(cpu: c, addresses: ids.compactMap { k.vmalloc.area(id: $0) }.map(\.start))
        }
        threadSize = k.threadSize
        threadSizeOrder = k.threadSizeOrder
        vmapStack = k.vmapStack
        kernelStackKB = k.kernelStackKB
    }
}

/// `percpu` as data: the first chunk's layout (pcpu_dump_alloc_info()), every chunk with its units and
/// allocations, and the per-CPU variables with each CPU's copy. The text and `--json` read it.
struct PercpuModel: Sendable, Equatable {
    struct Chunk: Sendable, Equatable {
        var id: Int
        var base: UInt64
        var first: Bool
        var populatedPages, pagesPerUnit: Int
        var allocations: [PercpuAllocation]
    }

    var pageSize, cpus: Int
    var unitSize, staticSize, reservedSize, dynamicSize, firstChunkSize: Int
    var chunks: [Chunk]
    var variables: [PercpuVariable]

    init(_ k: Kernel) {
        let p = k.percpu
        pageSize = k.pageSize
        cpus = k.cpus.count
        unitSize = p.unitSize
        staticSize = p.staticSize
        reservedSize = p.reservedSize
        dynamicSize = p.dynamicSize
        firstChunkSize = p.firstChunkSize
        chunks = p.chunks.map { Chunk(id: $0.id, base: $0.base, first: $0.isFirst, populatedPages: $0.populated.filter { $0 }.count,
                                      pagesPerUnit: $0.populated.count, allocations: $0.allocations) }
        variables = p.variables
    }

    /// A unit's address: CPU `cpu`'s copy of the chunk.
    func unitBase(_ c: Chunk, cpu: Int) -> UInt64 { c.base + UInt64(cpu * unitSize) }
}

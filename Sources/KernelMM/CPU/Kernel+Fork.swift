/// Tasks and their kernel stacks (kernel/fork.c alloc_thread_stack_node / free_thread_stack, kernel/exit.c).
extension Kernel {
    /// CONFIG_VMAP_STACK in force: the boot option, else the architecture's default (on where the architecture has
    /// HAVE_ARCH_VMAP_STACK: x86-64; i386 and sparc64 cannot).
    public var vmapStack: Bool { arch.supportsVmapStack && (params.vmapStack ?? true) }

    /// THREAD_SIZE_ORDER in force: the architecture's, or 0 with CONFIG_4KSTACKS on i386.
    public var threadSizeOrder: Int { arch.hasFourKStacksOption && params.fourKStacks ? 0 : arch.threadSizeOrder }
    /// THREAD_SIZE in force.
    public var threadSize: Int { pageSize << threadSizeOrder }

    /// THREADINFO_GFP = GFP_KERNEL_ACCOUNT | __GFP_ZERO.
    public static let threadinfoGFP: GFPFlags = GFPFlags.kernelAccount.union(.zero)

    /// The per-CPU cache of freed vmapped stacks holds NR_CACHED_STACKS = 2.
    public static let cachedStacksPerCPU = 2

    /// alloc_thread_stack_node(): a vmapped stack (reusing one of this CPU's cached stacks first) or 2^THREAD_SIZE_ORDER
    /// pages from the page allocator.
    mutating func allocThreadStack(pid: Int) -> KernelStack? {
        let size = threadSize
        if vmapStack {
            if cachedStacks.count == params.cpus, let id = cachedStacks[currentCPU].popLast(),
               let i = vmalloc.areas.firstIndex(where: { $0.id == id }) {
                vmalloc.areas[i].purpose = .taskStack(pid: pid)
                if explainEnabled { explain(.kmalloc(.reusedCachedStack(cpu: currentCPU, at: vmalloc.areas[i].start))) }
                return KernelStack(base: vmalloc.areas[i].start, size: size, vmapArea: id, pfn: nil)
            }
            // __vmalloc_node_range(THREAD_SIZE, THREAD_ALIGN, …, THREADINFO_GFP & ~__GFP_ACCOUNT, …)
            guard let addr = vmallocNodeRange(size: UInt64(size), align: size, gfp: Self.threadinfoGFP.subtracting(.account),
                                              caller: "dup_task_struct+0x5b/0x1f0", purpose: .taskStack(pid: pid)),
                  let i = vmalloc.index(containing: addr) else { return nil }
            return KernelStack(base: addr, size: size, vmapArea: vmalloc.areas[i].id, pfn: nil)
        }
        guard let pfn = allocPages(Self.threadinfoGFP, order: threadSizeOrder, owner: .kernelStack, tag: UInt32(pid),
                                   caller: "alloc_thread_stack_node") else { return nil }
        return KernelStack(base: pageAddress(pfn.raw) ?? 0, size: size, vmapArea: nil, pfn: pfn.raw)
    }

    /// free_thread_stack(): a vmapped stack goes to this CPU's cache if there is room, else vfree; pages go back.
    mutating func freeThreadStack(_ s: KernelStack) {
        if let id = s.vmapArea {
            if cachedStacks.count == params.cpus, cachedStacks[currentCPU].count < Self.cachedStacksPerCPU,
               let i = vmalloc.areas.firstIndex(where: { $0.id == id }) {
                vmalloc.areas[i].purpose = .taskStack(pid: nil)
                cachedStacks[currentCPU].append(id)
                return
            }
            vfreeNow(s.base, caller: "free_thread_stack", kernelInternal: true)
            return
        }
        if let pfn = s.pfn { freePages(PFN(pfn), order: threadSizeOrder, owner: .kernelStack, caller: "free_thread_stack") }
    }

    /// kernel/fork.c: set_max_threads(), called by fork_init() — totalram_pages() × PAGE_SIZE / (8 × THREAD_SIZE),
    /// so that thread structures take at most an eighth of memory, kept within MIN_THREADS (20) and FUTEX_TID_MASK.
    public var maxThreads: Int {
        let ram = zones.reduce(0) { $0 + $1.managedPages }
        return min(max(ram * pageSize / (8 * threadSize), 20), 0x3fff_ffff)
    }

    /// nr_threads: every task but the idle tasks (pid 0), which fork_idle() does not count.
    public var nrThreads: Int { tasks.reduce(0) { $0 + ($1.pid == 0 ? 0 : 1) } }

    /// kernel_clone() as far as memory goes: a task_struct with a kernel stack. nil when the stack could not be had,
    /// or when max_threads tasks already run (copy_process(): `nr_threads >= max_threads` → -EAGAIN, before any
    /// allocation; `task create` tells the two apart by `nrThreads`).
    public mutating func taskCreate(comm: String) -> Int? {
        guard nrThreads < maxThreads else { return nil }
        clock.tick()
        let pid = nextPID
        // dup_task_struct(): the task_struct from its slab cache first, then the stack (the task_struct goes
        // back if the stack cannot be had).
        let ts = allocTaskStruct()
        guard let stack = allocThreadStack(pid: pid) else {
            if let ts { freeTaskStruct(ts) }
            return nil
        }
        nextPID += 1
        var t = Task(pid: pid, comm: String(comm.prefix(15))) // TASK_COMM_LEN 16
        t.stack = stack
        t.taskStruct = ts
        t.cpu = currentCPU
        tasks.append(t)
        return pid
    }

    /// do_exit() + release_task(): the stack is freed (or cached). The running task and idle tasks cannot exit here.
    public mutating func taskExit(pid: Int) throws(ContextError) {
        guard let i = tasks.firstIndex(where: { $0.pid == pid }) else { throw .noSuchTask(pid) }
        guard pid != 0 else { throw .taskIsIdle(pid) }
        guard !cpus.contains(where: { $0.currentPID == pid }) else { throw .taskRunning(pid) }
        clock.tick()
        let t = tasks.remove(at: i)
        if let s = t.stack { freeThreadStack(s) }
        if let ts = t.taskStruct { freeTaskStruct(ts) }
        // Its kmap_local slots were current->kmap_ctrl: they go with the task_struct.
        if highmem.local[pid] != nil || highmem.pagefaultDisabled[pid] != nil {
            highmem.local[pid] = nil
            highmem.pagefaultDisabled[pid] = nil
            highmem.recount()
        }
    }

    /// KernelStack in /proc/meminfo: THREAD_SIZE per live task that has a stack of its own (NR_KERNEL_STACK_KB).
    public var kernelStackKB: Int { tasks.reduce(0) { $0 + ($1.stack.map { $0.size / 1024 } ?? 0) } }

    /// What `stack use PID BYTES` found.
    public enum StackUse: Sendable, Equatable {
        case fits(used: Int, left: Int)
        /// Ran into the unmapped page below a vmapped stack: the double fault handler's report, machine dead.
        case guardPageHit(address: UInt64)
        /// Wrote over STACK_END_MAGIC (and maybe past the stack): caught at the next schedule(), machine dead.
        case stackEndCorrupted(overrun: Int, beside: StackOverrunTarget)
    }

    /// Simulates a call chain that uses `bytes` of a task's kernel stack. Within bounds it records the depth; an
    /// overflow is reported the way the kernel would catch it, and — since the machine would be dead — the state
    /// is left as it was.
    public mutating func stackUse(pid: Int, bytes: Int) throws(ContextError) -> StackUse {
        guard let i = tasks.firstIndex(where: { $0.pid == pid }) else { throw .noSuchTask(pid) }
        guard let s = tasks[i].stack else { throw .taskIsIdle(pid) }
        clock.tick()
        let magic = MemoryLayout<UInt64>.size // STACK_END_MAGIC occupies the lowest word (unsigned long)
        let word = arch.is64Bit ? 8 : 4
        if s.vmapArea != nil {
            guard bytes > s.size else {
                tasks[i].stack?.maxUsed = max(s.maxUsed, bytes)
                tasks[i].stack?.depth = bytes
                return .fits(used: bytes, left: s.size - bytes)
            }
            let fault = s.base - UInt64(word)
            let below: StackGuardBelow = vmalloc.index(containing: fault).map { .guardPage(areaStart: vmalloc.areas[$0].start) } ?? .unmappedGap
            report(.stackGuardPageHit(stack: "TASK", address: fault, start: s.base, end: s.base + UInt64(s.size)), taint: "D",
                   callTrace: ["handle_stack_overflow", "exc_double_fault", "asm_exc_double_fault"],
                   note: .taskStackGuardPageHit(pid: pid, bytes: bytes, size: s.size, base: s.base, below: below), task: i)
            return .guardPageHit(address: fault)
        }
        guard bytes > s.size - magic else {
            tasks[i].stack?.maxUsed = max(s.maxUsed, bytes)
            tasks[i].stack?.depth = bytes
            return .fits(used: bytes, left: s.size - bytes)
        }
        let overrun = bytes - s.size
        var beside = StackOverrunTarget.onlyStackEndMagic
        if overrun > 0, let pfn = s.pfn {
            let below = pfn - 1 - (overrun - 1) / pageSize
            beside = .below(bytes: overrun, pfn: max(below, 0), frame: below >= 0 && below < frames.count ? frameFact(below) : nil)
        }
        report(.panic("corrupted stack end detected inside scheduler"), taint: "D",
               callTrace: ["panic", "__schedule", "schedule"],
               note: .taskStackEndCorrupted(pid: pid, bytes: bytes, size: s.size, beside: beside), task: i)
        return .stackEndCorrupted(overrun: max(overrun, 0), beside: beside)
    }

    /// An interrupt handler that needs `bytes` of stack. With per-CPU IRQ stacks it runs on this CPU's IRQ stack and
    /// the interrupted task's stack is untouched; without them (irq_stacks=off) it runs on the interrupted task's
    /// stack, below whatever the task was using — the reason IRQ stacks were introduced with 4 KiB stacks.
    public mutating func irqStackUse(bytes: Int) throws(ContextError) -> StackUse {
        guard curCPU.inHardirq else { throw .notInHardirq }
        clock.tick()
        if let st = curCPU.irqStack {
            guard bytes > st.size else { return .fits(used: bytes, left: st.size - bytes) }
            if st.vmapArea != nil {
                let fault = st.base - 8
                report(.stackGuardPageHit(stack: "IRQ", address: fault, start: st.base, end: st.base + UInt64(st.size)), taint: "D",
                       callTrace: ["handle_stack_overflow", "exc_double_fault", "asm_exc_double_fault"],
                       note: .irqStackGuardPageHit(bytes: bytes, cpu: currentCPU, size: st.size))
                return .guardPageHit(address: fault)
            }
            let beside: StackOverrunTarget = st.pfn.flatMap { p in p > 0 ? .frameBelow(pfn: p - 1, frame: frameFact(p - 1)) : nil } ?? .memoryBelow
            report(.kmemsimOnly, callTrace: ["handle_irq"],
                   note: .irqStackOverwrote(bytes: bytes, cpu: currentCPU, size: st.size, beside: beside))
            return .stackEndCorrupted(overrun: bytes - st.size, beside: beside)
        }
        let pid = curCPU.currentPID
        guard let i = tasks.firstIndex(where: { $0.pid == pid && $0.stack != nil }), let s = tasks[i].stack else { throw .taskIsIdle(pid) }
        let total = s.depth + bytes
        if explainEnabled { explain(.kmalloc(.irqOnTaskStack(bytes: bytes, pid: pid, depth: s.depth, total: total, size: s.size))) }
        let r = try stackUse(pid: pid, bytes: total)
        if case .fits = r {
            tasks[i].stack?.depth = s.depth // the handler's frames are gone once it returns
        } else {
            report(.kmemsimOnly, callTrace: ["handle_irq"],
                   note: .irqOverflowedTaskStack(taskBytes: s.depth, irqBytes: bytes, size: s.size))
        }
        return r
    }
}

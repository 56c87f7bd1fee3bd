/// One CPU's execution state (include/linux/preempt.h): the preempt_count fields and the IRQ flag.
public struct CPUState: Sendable, Equatable, Codable {
    public var id: Int
    /// preempt_count: PREEMPT 0xff, SOFTIRQ 0xff00, HARDIRQ 0xf0000, NMI 0xf00000.
    public var preemptCount: UInt32 = 0
    public var irqsDisabled = false
    /// Where preemption was last disabled (for "Preemption disabled at:"): get_lock_parent_ip() skips the lock and
    /// preempt functions, so it is the learner's function.
    public var preemptDisabledAt: CodeAddress?
    /// pid of the task running on this CPU.
    public var currentPID: Int
    /// Spinlocks held on this CPU, innermost last (a task holding a spinlock cannot migrate, so per CPU is exact).
    public var heldLocks: [HeldLock] = []
    /// The IRQ flag as it was before irq_enter/nmi_enter, restored by the matching exit (iret restores EFLAGS).
    public var irqsDisabledBeforeInterrupt: [Bool] = []
    /// This CPU's hardirq stack (and, on i386, softirq stack).
    public var irqStack: IRQStack?
    public init(id: Int, currentPID: Int) {
        self.id = id
        self.currentPID = currentPID
    }

    public static let preemptMask: UInt32 = 0x0000_00ff
    public static let softirqMask: UInt32 = 0x0000_ff00
    public static let hardirqMask: UInt32 = 0x000f_0000
    public static let nmiMask: UInt32 = 0x00f0_0000
    /// PREEMPT_OFFSET, SOFTIRQ_OFFSET, SOFTIRQ_DISABLE_OFFSET (2 × SOFTIRQ_OFFSET), HARDIRQ_OFFSET, NMI_OFFSET.
    public static let preemptOffset: UInt32 = 0x1
    public static let softirqOffset: UInt32 = 0x100
    public static let softirqDisableOffset: UInt32 = 0x200
    public static let hardirqOffset: UInt32 = 0x1_0000
    public static let nmiOffset: UInt32 = 0x10_0000

    /// in_atomic(): preempt_count != 0.
    public var inAtomic: Bool { preemptCount != 0 }
    /// in_interrupt(): NMI, hardirq or softirq bits set.
    public var inInterrupt: Bool { preemptCount & (Self.nmiMask | Self.hardirqMask | Self.softirqMask) != 0 }
    public var inHardirq: Bool { preemptCount & Self.hardirqMask != 0 }
    public var inNMI: Bool { preemptCount & Self.nmiMask != 0 }
    /// in_serving_softirq(): the low bit of the softirq field (bh-disable counts in steps of 2).
    public var inServingSoftirq: Bool { preemptCount & Self.softirqOffset != 0 }
    /// The preempt_disable() depth (PREEMPT field).
    public var preemptDepth: Int { Int(preemptCount & Self.preemptMask) }
    /// preemptible(): nothing stops the scheduler from moving the task.
    public var preemptible: Bool { preemptCount == 0 && !irqsDisabled }
}

/// A spinlock held on a CPU (kernel/locking/spinlock_debug.c keeps owner and owner_cpu; kmemsim keeps the name and
/// how it was taken, so spin_unlock can undo exactly what spin_lock did).
public struct HeldLock: Sendable, Equatable, Codable {
    public enum Variant: String, Sendable, Codable { case plain = "spin_lock", irq = "spin_lock_irq", bh = "spin_lock_bh", irqsave = "spin_lock_irqsave" }
    public var name: String
    public var variant: Variant
    /// For spin_lock_irqsave: the IRQ flag saved.
    public var savedIRQsDisabled: Bool
}

/// A per-CPU interrupt stack: where it lives and how it was obtained.
public struct IRQStack: Sendable, Equatable, Codable {
    /// Lowest address of the stack; it grows down from `base + size`.
    public var base: UInt64
    public var size: Int
    /// vmap area id when the stack is mapped in vmalloc space with guard pages (x86-64), else nil.
    public var vmapArea: UInt32?
    /// First frame of a page-allocated stack (i386, sparc64).
    public var pfn: Int?
    /// i386 keeps a separate softirq stack per CPU (arch/x86/kernel/irq_32.c).
    public var softirqPFN: Int?
}

/// A task (struct task_struct, the parts kmemsim models).
public struct Task: Sendable, Equatable, Codable {
    public var pid: Int
    public var comm: String
    /// The task's kernel stack (nil for init_task, whose stack is init_stack in the kernel image).
    public var stack: KernelStack?
    /// The CPU it last ran on (task_cpu()).
    public var cpu: Int = 0
    /// Where its struct task_struct lives in the task_struct slab cache (nil for the static init_task).
    public var taskStruct: UInt64?
    public init(pid: Int, comm: String) {
        self.pid = pid
        self.comm = comm
    }
}

/// A task's kernel stack (task_struct.stack, kernel/fork.c alloc_thread_stack_node()).
public struct KernelStack: Sendable, Equatable, Codable {
    /// Lowest address: end_of_stack(), where STACK_END_MAGIC lives; the stack grows down towards it.
    public var base: UInt64
    public var size: Int
    /// vmalloc area id with CONFIG_VMAP_STACK, else nil.
    public var vmapArea: UInt32?
    /// First frame of a page-allocated stack (order THREAD_SIZE_ORDER), nil when vmapped.
    public var pfn: Int?
    /// Deepest use seen by `stack use` (bytes from the top).
    public var maxUsed: Int = 0
    /// How deep the task's current call chain is (the last `stack use`); an interrupt handler without its own
    /// stack starts below this.
    public var depth: Int = 0
}

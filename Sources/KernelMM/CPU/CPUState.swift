/// One CPU's execution state (include/linux/preempt.h): the preempt_count fields and the IRQ flag.
public struct CPUState: Sendable, Equatable {
    public var id: Int
    /// preempt_count: PREEMPT 0xff, SOFTIRQ 0xff00, HARDIRQ 0xf0000, NMI 0xf00000.
    public var preemptCount: UInt32 = 0
    public var irqsDisabled = false
    /// The command that last disabled preemption (for "Preemption disabled at:").
    public var preemptDisabledAt: String?
    /// pid of the task running on this CPU.
    public var currentPID: Int
    public init(id: Int, currentPID: Int) {
        self.id = id
        self.currentPID = currentPID
    }

    public static let preemptMask: UInt32 = 0x0000_00ff
    public static let softirqMask: UInt32 = 0x0000_ff00
    public static let hardirqMask: UInt32 = 0x000f_0000
    public static let nmiMask: UInt32 = 0x00f0_0000

    /// in_atomic(): preempt_count != 0.
    public var inAtomic: Bool { preemptCount != 0 }
    /// in_interrupt(): NMI, hardirq or softirq bits set.
    public var inInterrupt: Bool { preemptCount & (Self.nmiMask | Self.hardirqMask | Self.softirqMask) != 0 }
    public var inHardirq: Bool { preemptCount & Self.hardirqMask != 0 }
    public var inNMI: Bool { preemptCount & Self.nmiMask != 0 }
}

/// A task (struct task_struct, the parts kmemsim models).
public struct Task: Sendable, Equatable {
    public var pid: Int
    public var comm: String
    public init(pid: Int, comm: String) {
        self.pid = pid
        self.comm = comm
    }
}

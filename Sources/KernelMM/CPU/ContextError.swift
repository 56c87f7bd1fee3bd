/// Requests the simulated machine cannot carry out because they cannot happen on real hardware (an interrupt
/// arriving while interrupts are off, leaving an interrupt that was never entered). Misuse the kernel would
/// complain about is a `KernelReport` instead.
public enum ContextError: Error, Sendable, Equatable {
    case noSuchCPU(Int, cpus: Int)
    /// Migration needs a preemptible task: set_cpus_allowed_ptr() cannot move a task that has preemption off.
    case cannotMigrate(preemptCount: UInt32, irqsDisabled: Bool)
    /// kmap_local_page() called migrate_disable(): the task's temporary mappings live in this CPU's fixmap slots.
    case migrationDisabledByKmapLocal(slots: Int)
    /// An interrupt cannot be delivered while the CPU has interrupts disabled.
    case interruptsDisabled
    case notInHardirq
    /// Fifteen nested hard interrupts fill preempt_count's 4-bit HARDIRQ field (HARDIRQ_BITS).
    case hardirqNestingFull
    case notInNMI
    case notServingSoftirq
    /// Softirqs run on the way out of a hard interrupt or in ksoftirqd, never inside a hard interrupt or NMI.
    case softirqInInterrupt
    case noSuchTask(Int)
    case taskRunning(Int)
    case taskIsIdle(Int)
}

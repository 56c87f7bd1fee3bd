extension Kernel {
    /// might_alloc() → might_sleep_if(gfpflags_allow_blocking(gfp)): a mask that may sleep, used where sleeping is
    /// not allowed, gets the report of __might_resched() (CONFIG_DEBUG_ATOMIC_SLEEP), then the call carries on.
    mutating func mightAlloc(_ gfp: GFPFlags, caller: String) {
        guard gfp.allowsBlocking else { return }
        mightSleep(file: "include/linux/sched/mm.h", line: 306, caller: caller)
    }

    /// __might_sleep() / __might_resched(): report once per simulated second, as the kernel rate-limits it.
    mutating func mightSleep(file: String, line: Int, caller: String) {
        let cpu = cpus[currentCPU]
        guard cpu.inAtomic || cpu.irqsDisabled else { return }
        let second = clock.now / 1_000_000_000
        guard log.firstTime("might_sleep@\(second)") else { return }
        report(.sleepingInAtomic(file: file, line: line,
                                 context: ContextSnapshot(preemptCount: cpu.preemptCount, irqsDisabled: cpu.irqsDisabled,
                                                          inAtomic: cpu.inAtomic, preemptDisabledAt: preemptDisabledAt)),
               taint: "W", callTrace: ["dump_stack_lvl", "__might_resched", caller],
               note: .sleepInAtomic(caller: caller, why: cpu.inInterrupt ? .interrupt : cpu.irqsDisabled ? .irqsDisabled : .preemptDisabled))
    }

    /// Where preemption was last disabled, for the report's "Preemption disabled at:" line (CONFIG_DEBUG_PREEMPT).
    var preemptDisabledAt: String? { cpus[currentCPU].preemptDisabledAt }
}

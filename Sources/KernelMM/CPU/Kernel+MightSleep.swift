extension Kernel {
    /// might_alloc() → might_sleep_if(gfpflags_allow_blocking(gfp)): a mask that may sleep, used where sleeping is
    /// not allowed, gets the report of __might_resched() (CONFIG_DEBUG_ATOMIC_SLEEP), then the call carries on.
    /// `why` says what the caller can do about it: a mask can be changed, vmalloc() has none to change.
    @inline(__always)
    mutating func mightAlloc(_ gfp: GFPFlags, caller: String, why: MightSleepCause = .blockingGFP) {
        guard gfp.allowsBlocking else { return }
        mightSleep(file: "include/linux/sched/mm.h", line: 306, caller: caller, why: why)
    }

    /// What slept where it may not, so the learner gets advice that fits the call.
    enum MightSleepCause {
        /// A gfp mask with __GFP_DIRECT_RECLAIM: the caller chose it and can choose GFP_ATOMIC.
        case blockingGFP
        /// vmalloc() and friends: no mask to change (always GFP_KERNEL inside), never usable in atomic context.
        case vmalloc
        /// A sleeping lock taken by the callee (kmem_cache_create: slab_mutex; kmem_cache_destroy: cpu_hotplug_lock).
        case sleepingLock(String)
        /// vfree() outside interrupt context: it unmaps and frees the pages, which may sleep.
        case vfree
        /// kmap() / kunmap(): they may sleep (waiting for a pkmap entry; kmap_lock).
        case kmap(String)
    }

    /// __might_sleep() / __might_resched(): report once per simulated second, as the kernel rate-limits it.
    mutating func mightSleep(file: String, line: Int, caller: String, why: MightSleepCause = .blockingGFP, via: [String] = []) {
        let cpu = cpus[currentCPU]
        guard cpu.inAtomic || cpu.irqsDisabled else { return }
        let second = clock.now / 1_000_000_000
        guard log.firstTime("might_sleep@\(second)") else { return }
        report(.sleepingInAtomic(file: file, line: line,
                                 context: ContextSnapshot(preemptCount: cpu.preemptCount, irqsDisabled: cpu.irqsDisabled,
                                                          inAtomic: cpu.inAtomic, preemptDisabledAt: preemptDisabledAt)),
               taint: "W", callTrace: ["dump_stack_lvl", "__might_resched"] + via + [caller],
               note: Self.mightSleepNote(why, caller: caller, reason: cpu.inInterrupt ? .interrupt : cpu.irqsDisabled ? .irqsDisabled : .preemptDisabled))
    }

    static func mightSleepNote(_ why: MightSleepCause, caller: String, reason: KmemsimNote.AtomicReason) -> KmemsimNote {
        switch why {
        case .blockingGFP: .sleepInAtomic(caller: caller, why: reason)
        case .vmalloc: .sleepingCallInAtomic(caller: caller, why: reason, call: .vmalloc)
        case .sleepingLock(let lock): .sleepingCallInAtomic(caller: caller, why: reason, call: .sleepingLock(lock))
        case .vfree: .sleepingCallInAtomic(caller: caller, why: reason, call: .vfree)
        case .kmap(let name): .sleepingCallInAtomic(caller: caller, why: reason, call: .kmap(name))
        }
    }

    /// Where preemption was last disabled, for the report's "Preemption disabled at:" line (CONFIG_DEBUG_PREEMPT).
    var preemptDisabledAt: CodeAddress? { cpus[currentCPU].preemptDisabledAt }
}

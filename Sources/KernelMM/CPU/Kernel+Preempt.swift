/// Preemption, interrupt and bottom-half control on the current CPU (include/linux/preempt.h, irqflags.h,
/// bottom_half.h, kernel/softirq.c, kernel/sched/core.c preempt_count_add/sub with CONFIG_DEBUG_PREEMPT).
extension Kernel {
    /// The current CPU's state, read and written in place.
    var curCPU: CPUState {
        get { cpus[currentCPU] }
        set { cpus[currentCPU] = newValue }
    }

    /// preempt_disable() → preempt_count_add(1). The first disable records where it happened
    /// (preempt_latency_start), shown as "Preemption disabled at:" in later reports.
    public mutating func preemptDisable(caller: String = "preempt_disable") {
        preemptCountAdd(CPUState.preemptOffset, caller: caller)
    }

    /// preempt_enable() → preempt_count_sub(1); an unbalanced enable is caught by DEBUG_LOCKS_WARN_ON and the
    /// count is left alone, as preempt_count_sub() returns early.
    @discardableResult
    public mutating func preemptEnable(caller: String = "preempt_enable") -> Bool {
        preemptCountSub(CPUState.preemptOffset, caller: caller)
    }

    mutating func preemptCountAdd(_ val: UInt32, caller: String) {
        if curCPU.preemptDepth + Int(val & CPUState.preemptMask) >= Int(CPUState.preemptMask) - 10 {
            debugLocksWarn("(preempt_count() & PREEMPT_MASK) >= PREEMPT_MASK - 10", function: "preempt_count_add", caller: caller,
                           note: .preemptNestedTooDeep(depth: curCPU.preemptDepth))
            return
        }
        if curCPU.preemptCount == 0 { curCPU.preemptDisabledAt = callerAddress(caller, .preempt) }
        curCPU.preemptCount += val
        clock.tick()
    }

    @discardableResult
    mutating func preemptCountSub(_ val: UInt32, caller: String) -> Bool {
        let c = curCPU.preemptCount
        if val > c {
            debugLocksWarn("val > preempt_count()", function: "preempt_count_sub", caller: caller,
                           note: .preemptUnderflow(caller: caller, preemptCount: c, by: val))
            return false
        }
        if val < CPUState.preemptMask, c & CPUState.preemptMask < val & CPUState.preemptMask {
            debugLocksWarn("(val < PREEMPT_MASK) && !(preempt_count() & PREEMPT_MASK)", function: "preempt_count_sub", caller: caller,
                           note: .preemptAlreadyZero(caller: caller, preemptCount: c))
            return false
        }
        if val & CPUState.softirqMask > c & CPUState.softirqMask {
            // The softirq-disable count is short (e.g. spin_unlock_bh of a lock taken with plain spin_lock): the
            // subtraction would borrow from the HARDIRQ field and scramble preempt_count.
            debugLocksWarn("val > preempt_count()", function: "preempt_count_sub", caller: caller,
                           note: .softirqCountUnbalanced(caller: caller, softirqCount: (c & CPUState.softirqMask) >> 9, preemptCount: c))
            return false
        }
        // Combined values (spin_unlock_bh's SOFTIRQ_DISABLE_OFFSET + 1) skip the PREEMPT check above, in the
        // kernel too; a field of `val` larger than the same field of the count would borrow from the field above it
        // and scramble preempt_count. The kernel does not notice; kmemsim refuses.
        for (mask, name) in [(CPUState.preemptMask, "PREEMPT"), (CPUState.hardirqMask, "HARDIRQ"), (CPUState.nmiMask, "NMI")]
        where val & mask > c & mask {
            report(.kmemsimOnly, callTrace: ["preempt_count_sub", caller],
                   note: .preemptFieldBorrow(caller: caller, field: name, preemptCount: c))
            return false
        }
        curCPU.preemptCount = c - val
        if curCPU.preemptCount == 0 { curCPU.preemptDisabledAt = nil }
        clock.tick()
        return true
    }

    /// DEBUG_LOCKS_WARN_ON(): warns the first time, then turns lock debugging off (debug_locks_off) and stays silent.
    mutating func debugLocksWarn(_ condition: String, function: String, caller: String, note: KmemsimNote) {
        if log.firstTime("debug_locks_off") {
            // kernel/sched/core.c of 6.6.0: each DEBUG_LOCKS_WARN_ON of preempt_count_add()/preempt_count_sub() by its condition.
            let line = ["(preempt_count() & PREEMPT_MASK) >= PREEMPT_MASK - 10": 5847, "val > preempt_count()": 5871,
                        "(val < PREEMPT_MASK) && !(preempt_count() & PREEMPT_MASK)": 5876][condition]
            report(.warningMessage(message: "DEBUG_LOCKS_WARN_ON(\(condition))", file: "kernel/sched/core.c", line: line, function: function),
                   taint: "W", callTrace: [function, caller], note: note)
        } else {
            report(.kmemsimOnly, callTrace: [function, caller],
                   note: .debugLocksOff(note))
        }
    }

    static func hex8(_ v: UInt32) -> String { zeroPaddedHex(UInt64(v), digits: 8) }

    /// local_irq_disable(): clear the interrupt flag (cli).
    public mutating func localIrqDisable() { curCPU.irqsDisabled = true; clock.tick() }
    /// local_irq_enable(): set it again (sti).
    public mutating func localIrqEnable() {
        if curCPU.inHardirq && curCPU.irqsDisabled { warnIrqsOnInHardirq(caller: "local_irq_enable") }
        curCPU.irqsDisabled = false
        clock.tick()
    }

    /// Interrupts switched on inside a hard interrupt handler: allowed (interrupts may then nest), but lockdep's
    /// lockdep_hardirqs_on_prepare() complains once.
    mutating func warnIrqsOnInHardirq(caller: String) {
        guard log.firstTime("irqs on in hardirq") else { return }
        report(.warningMessage(message: "DEBUG_LOCKS_WARN_ON(lockdep_hardirq_context())", file: "kernel/locking/lockdep.c",
                               line: 4352, function: "lockdep_hardirqs_on_prepare"),
               taint: "W", callTrace: ["lockdep_hardirqs_on_prepare", caller],
               note: .irqsEnabledInHardirq)
    }
    /// local_irq_save(flags): returns the previous state (true = interrupts were disabled), then disables.
    public mutating func localIrqSave() -> Bool {
        let was = curCPU.irqsDisabled
        curCPU.irqsDisabled = true
        return was
    }
    /// local_irq_restore(flags).
    public mutating func localIrqRestore(_ disabled: Bool) {
        if !disabled && curCPU.irqsDisabled && curCPU.inHardirq { warnIrqsOnInHardirq(caller: "local_irq_restore") }
        curCPU.irqsDisabled = disabled
    }

    /// local_bh_disable() → __local_bh_disable_ip(SOFTIRQ_DISABLE_OFFSET): softirqs cannot run on this CPU.
    public mutating func localBhDisable(caller: String = "local_bh_disable") {
        guard curCPU.preemptCount & CPUState.softirqMask < CPUState.softirqMask - CPUState.softirqDisableOffset else {
            report(.kmemsimOnly, callTrace: ["__local_bh_disable_ip", caller],
                   note: .bhNestedTooDeep(depth: (curCPU.preemptCount & CPUState.softirqMask) >> 9))
            return
        }
        preemptCountAdd(CPUState.softirqDisableOffset, caller: caller)
    }

    /// local_bh_enable() → __local_bh_enable_ip(): WARN_ON_ONCE(in_hardirq()), then drop the count.
    @discardableResult
    public mutating func localBhEnable(caller: String = "local_bh_enable") -> Bool {
        if curCPU.inHardirq, log.firstTime("local_bh_enable in hardirq") {
            report(.warning(file: "kernel/softirq.c", line: 360, function: "__local_bh_enable_ip"), taint: "W",
                   callTrace: ["__local_bh_enable_ip", caller],
                   note: .bhEnableInHardirq)
        }
        if curCPU.preemptCount & CPUState.softirqMask < CPUState.softirqDisableOffset {
            debugLocksWarn("val > preempt_count()", function: "preempt_count_sub", caller: caller,
                           note: .bhEnableWithoutDisable)
            return false
        }
        let ok = preemptCountSub(CPUState.softirqDisableOffset, caller: caller)
        // vfree() with bottom halves off counted as interrupt context and was deferred; the work runs now.
        if !curCPU.inInterrupt { runDeferredVfree() }
        return ok
    }

    /// irq_enter(): a hard interrupt arrives on the current CPU. The handler runs with interrupts off, on this
    /// CPU's IRQ stack, with HARDIRQ_OFFSET added to preempt_count.
    public mutating func irqEnter() throws(ContextError) {
        guard !curCPU.irqsDisabled else { throw .interruptsDisabled }
        // HARDIRQ_BITS is 4: fifteen nested handlers fill the field and a sixteenth would carry into the NMI bits.
        // __irq_enter() does not check (hardware never nests that deep); kmemsim refuses instead of corrupting.
        guard curCPU.preemptCount & CPUState.hardirqMask != CPUState.hardirqMask else { throw .hardirqNestingFull }
        curCPU.irqsDisabledBeforeInterrupt.append(curCPU.irqsDisabled)
        curCPU.irqsDisabled = true
        curCPU.preemptCount += CPUState.hardirqOffset
        clock.tick()
    }

    /// irq_exit(): leave the handler; interrupts come back as they were (iret). Work deferred from interrupt
    /// context (vfree_atomic) runs once the CPU is back in process context.
    public mutating func irqExit() throws(ContextError) {
        guard curCPU.inHardirq, !curCPU.inNMI else { throw curCPU.inNMI ? .notInHardirq : .notInHardirq }
        curCPU.preemptCount -= CPUState.hardirqOffset
        curCPU.irqsDisabled = curCPU.irqsDisabledBeforeInterrupt.popLast() ?? false
        clock.tick()
        if !curCPU.inInterrupt { runDeferredVfree() }
    }

    /// nmi_enter(): a non-maskable interrupt arrives, even with interrupts disabled (NMI_OFFSET + HARDIRQ_OFFSET).
    public mutating func nmiEnter() {
        // nmi_enter(): BUG_ON(in_nmi() == NMI_MASK) — the 4-bit NMI field is full.
        if curCPU.preemptCount & CPUState.nmiMask == CPUState.nmiMask || curCPU.preemptCount & CPUState.hardirqMask == CPUState.hardirqMask {
            report(.kernelBug(file: "include/linux/hardirq.h", line: 111, function: "nmi_enter"), taint: "D", callTrace: ["nmi_enter"],
                   note: .nmiNestedTooDeep)
            return
        }
        curCPU.irqsDisabledBeforeInterrupt.append(curCPU.irqsDisabled)
        curCPU.irqsDisabled = true
        curCPU.preemptCount += CPUState.nmiOffset + CPUState.hardirqOffset
        clock.tick()
    }

    public mutating func nmiExit() throws(ContextError) {
        guard curCPU.inNMI else { throw .notInNMI }
        curCPU.preemptCount -= CPUState.nmiOffset + CPUState.hardirqOffset
        curCPU.irqsDisabled = curCPU.irqsDisabledBeforeInterrupt.popLast() ?? false
        clock.tick()
        if !curCPU.inInterrupt { runDeferredVfree() }
    }

    /// handle_softirqs(): softirq handlers run with SOFTIRQ_OFFSET in preempt_count and interrupts enabled.
    public mutating func softirqEnter() throws(ContextError) {
        guard !curCPU.inHardirq, !curCPU.inNMI, !curCPU.inServingSoftirq else { throw .softirqInInterrupt }
        curCPU.preemptCount += CPUState.softirqOffset
        clock.tick()
    }

    public mutating func softirqExit() throws(ContextError) {
        guard curCPU.inServingSoftirq, !curCPU.inHardirq else { throw .notServingSoftirq }
        curCPU.preemptCount -= CPUState.softirqOffset
        clock.tick()
        if !curCPU.inInterrupt { runDeferredVfree() }
    }

    /// Moves the current task to another CPU (sched_setaffinity / migration). A task with preemption or
    /// interrupts disabled cannot be moved: that is what disabling preemption is for.
    public mutating func migrate(to target: Int) throws(ContextError) {
        guard target >= 0, target < cpus.count else { throw .noSuchCPU(target, cpus: cpus.count) }
        guard curCPU.preemptible else { throw .cannotMigrate(preemptCount: curCPU.preemptCount, irqsDisabled: curCPU.irqsDisabled) }
        guard target != currentCPU else { return }
        let pid = curCPU.currentPID
        if let held = highmem.local[pid], !held.isEmpty { throw .migrationDisabledByKmapLocal(slots: held.count) }
        cpus[currentCPU].currentPID = 0
        cpus[target].currentPID = pid
        if let i = tasks.firstIndex(where: { $0.pid == pid }) { tasks[i].cpu = target }
        currentCPU = target
        clock.tick()
    }

    /// schedule() → __schedule() → schedule_debug(): in atomic context "BUG: scheduling while atomic", after which
    /// the kernel forces preempt_count back to PREEMPT_DISABLED and carries on.
    public mutating func schedule(caller: String = "schedule") {
        clock.tick()
        let c = curCPU
        if c.inAtomic {
            // __schedule() has already done its own preempt_disable(), so the count printed is one higher.
            report(.schedulingWhileAtomic(preemptCount: c.preemptCount + 1, preemptDisabledAt: c.preemptDisabledAt),
                   taint: "W", callTrace: ["dump_stack_lvl", "__schedule_bug", "__schedule", "schedule"] + (caller == "schedule" ? [] : [caller]),
                   note: c.inInterrupt ? .scheduleInInterrupt : .scheduleWhileAtomic(preemptCount: c.preemptCount))
            if !c.inInterrupt {
                curCPU.preemptCount = 0
                curCPU.preemptDisabledAt = nil
            }
            return
        }
        if c.irqsDisabled {
            // __schedule() takes the runqueue lock with interrupts off and drops it with raw_spin_rq_unlock_irq().
            curCPU.irqsDisabled = false
            report(.kmemsimOnly, callTrace: ["schedule", caller],
                   note: .scheduleWithIRQsOff)
        }
    }

    /// debug_smp_processor_id(): the CPU number, with "BUG: using smp_processor_id() in preemptible" when the task
    /// could migrate right after reading it.
    public mutating func smpProcessorID() -> Int {
        checkPreemptionDisabled(what: "smp_processor_id()", caller: "debug_smp_processor_id+0x17/0x20")
        return currentCPU
    }

    /// lib/smp_processor_id.c check_preemption_disabled(): silent with preemption or interrupts off.
    mutating func checkPreemptionDisabled(what: String, caller: String) {
        let c = curCPU
        guard c.preemptible else { return }
        report(.preemptibleCPUAccess(what: what, preemptCount: c.preemptCount, caller: caller),
               callTrace: ["dump_stack_lvl", "check_preemption_disabled", caller.split(separator: "+").first.map(String.init) ?? caller],
               note: .preemptibleCPUAccess(what: what))
    }

    /// get_cpu(): preempt_disable(); smp_processor_id().
    public mutating func getCPU() -> Int {
        preemptDisable(caller: "get_cpu")
        return currentCPU
    }

    /// put_cpu(): preempt_enable().
    @discardableResult
    public mutating func putCPU() -> Bool { preemptEnable(caller: "put_cpu") }
}

/// Spinlocks as they affect context (include/linux/spinlock.h, kernel/locking/spinlock_debug.c with
/// CONFIG_DEBUG_SPINLOCK): taking one disables preemption (and interrupts or bottom halves for the _irq/_bh
/// variants); the debug checks catch recursion and unlocking a lock that is not held.
extension Kernel {
    /// spin_lock / spin_lock_irq / spin_lock_irqsave / spin_lock_bh. Returns false when the debug check fired and
    /// the lock was not taken (a real machine would spin forever).
    @discardableResult
    public mutating func spinLock(_ name: String, variant: HeldLock.Variant = .plain) -> Bool {
        let me = currentTask
        if curCPU.heldLocks.contains(where: { $0.name == name }) {
            report(.spinlockBug(message: "recursion", lock: name, ownerComm: me.comm, ownerPID: me.pid, ownerCPU: currentCPU),
                   callTrace: ["dump_stack_lvl", "do_raw_spin_lock", "_raw_\(variant.rawValue)"],
                   note: .spinlockSelfDeadlock(lock: name, variant: variant))
            return false
        }
        if let other = cpus.first(where: { $0.id != currentCPU && $0.heldLocks.contains { $0.name == name } }) {
            report(.kmemsimOnly, callTrace: ["do_raw_spin_lock", "_raw_\(variant.rawValue)"],
                   note: .spinlockHeldElsewhere(lock: name, cpu: other.id))
            return false
        }
        var saved = false
        switch variant {
        case .plain: preemptCountAdd(CPUState.preemptOffset, caller: "_raw_spin_lock")
        case .irq:
            localIrqDisable()
            preemptCountAdd(CPUState.preemptOffset, caller: "_raw_spin_lock_irq")
        case .irqsave:
            saved = localIrqSave()
            preemptCountAdd(CPUState.preemptOffset, caller: "_raw_spin_lock_irqsave")
        case .bh:
            // __local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET): bh-disable and preempt-disable in one add.
            preemptCountAdd(CPUState.softirqDisableOffset + CPUState.preemptOffset, caller: "_raw_spin_lock_bh")
        }
        curCPU.heldLocks.append(HeldLock(name: name, variant: variant, savedIRQsDisabled: saved))
        return true
    }

    /// spin_unlock and its variants: each undoes what its own lock call does (spin_unlock after spin_lock_irq
    /// leaves interrupts off, as in the kernel).
    @discardableResult
    public mutating func spinUnlock(_ name: String, variant: HeldLock.Variant = .plain) -> Bool {
        guard let i = curCPU.heldLocks.lastIndex(where: { $0.name == name }) else {
            let elsewhere = cpus.first { $0.heldLocks.contains { $0.name == name } }
            let me = currentTask
            report(.spinlockBug(message: elsewhere == nil ? "already unlocked" : "wrong CPU", lock: name,
                                ownerComm: elsewhere == nil ? "<none>" : me.comm, ownerPID: elsewhere == nil ? -1 : me.pid,
                                ownerCPU: elsewhere?.id ?? -1),
                   callTrace: ["dump_stack_lvl", "do_raw_spin_unlock", "_raw_spin_unlock"],
                   note: elsewhere.map { .spinlockOtherCPU(lock: name, cpu: $0.id) } ?? .spinlockNotHeld(lock: name))
            return false
        }
        let held = curCPU.heldLocks.remove(at: i)
        if held.variant != variant {
            report(.kmemsimOnly, callTrace: ["_raw_spin_unlock", name],
                   note: .spinlockVariantMismatch(lock: name, locked: held.variant, unlocked: variant))
        }
        switch variant {
        case .plain: preemptCountSub(CPUState.preemptOffset, caller: "_raw_spin_unlock")
        case .irq:
            preemptCountSub(CPUState.preemptOffset, caller: "_raw_spin_unlock_irq")
            localIrqEnable()
        case .irqsave:
            preemptCountSub(CPUState.preemptOffset, caller: "_raw_spin_unlock_irqrestore")
            localIrqRestore(held.variant == .irqsave ? held.savedIRQsDisabled : false)
        case .bh:
            preemptCountSub(CPUState.softirqDisableOffset + CPUState.preemptOffset, caller: "_raw_spin_unlock_bh")
            if !curCPU.inInterrupt { runDeferredVfree() }
        }
        return true
    }
}

import KernelMM

/// CPUs, preemption, interrupts and locks: the context every allocation runs in (include/linux/preempt.h,
/// irqflags.h, bottom_half.h, spinlock.h, smp.h, kernel/sched/core.c).
enum CPUCommands {
    /// ContextError in words: what cannot happen, and what to do instead.
    static func error(_ e: ContextError) -> CommandError {
        switch e {
        case .noSuchCPU(let n, let cpus):
            return .badArgument(argument: "CPU", value: String(n), reason: .noSuchCPU(cpus: cpus, bootHint: true))
        case .cannotMigrate(let count, let irqs):
            return .localized(.cannotMigrate(preemptCount: count == 0 ? nil : hex8(count), irqsDisabled: irqs))
        case .migrationDisabledByKmapLocal(let slots): return .localized(.migrationDisabledByKmapLocal(slots: slots))
        case .interruptsDisabled: return .localized(.interruptsDisabledNoIRQ)
        case .notInHardirq: return .localized(.notInHardirq)
        case .hardirqNestingFull: return .localized(.hardirqNestingFull)
        case .notInNMI: return .localized(.notInNMI)
        case .notServingSoftirq: return .localized(.notServingSoftirq)
        case .softirqInInterrupt: return .localized(.softirqInInterrupt)
        case .noSuchTask(let pid):
            return .badArgument(argument: "PID", value: String(pid), reason: .noSuchTask)
        case .taskRunning(let pid):
            return .badArgument(argument: "PID", value: String(pid), reason: .taskIsRunning)
        case .taskIsIdle(let pid):
            return .badArgument(argument: "PID", value: String(pid), reason: .idleTaskNeverExits)
        }
    }

    /// Runs a kernel call that may refuse, turning its ContextError into the shell's words.
    static func ctx<T>(_ body: () throws(ContextError) -> T) throws(CommandError) -> T {
        do { return try body() } catch { throw CPUCommands.error(error) }
    }

    static func hex8(_ v: UInt32) -> String { "0x" + Format.hex(UInt64(v), digits: 8) }

    static let anyContext = "any context"

    /// A one-line summary of the current CPU's context, printed after commands that change it.
    static func contextLine(_ k: Kernel, _ lang: Language) -> String {
        let c = k.cpus[k.currentCPU]
        var parts = ["preempt_count \(hex8(c.preemptCount))"]
        var fields: [String] = []
        if c.preemptDepth > 0 { fields.append("preempt \(c.preemptDepth)") }
        let soft = (c.preemptCount & CPUState.softirqMask) >> 8
        if c.inServingSoftirq { fields.append(Message.servingSoftirq.text(lang)) }
        if soft >= 2 { fields.append(Message.bhDisabled(Int(soft / 2)).text(lang)) }
        if c.inHardirq { fields.append("hardirq \((c.preemptCount & CPUState.hardirqMask) >> 16)") }
        if c.inNMI { fields.append("nmi \((c.preemptCount & CPUState.nmiMask) >> 20)") }
        if !fields.isEmpty { parts[0] += " (" + fields.joined(separator: ", ") + ")" }
        parts.append(Message.irqsState(disabled: c.irqsDisabled).text(lang))
        if !c.heldLocks.isEmpty { parts.append(Message.holdingLocks(c.heldLocks.map(\.name)).text(lang)) }
        return "cpu\(k.currentCPU): " + parts.joined(separator: ", ")
    }

    static func changed(_ s: ShellSession) -> CommandOutput {
        CommandOutput(text: contextLine(s.kernel, s.language))
    }

    /// x86 EFLAGS as local_irq_save() returns them: IF (0x200) set when interrupts were enabled.
    static func eflags(disabled: Bool) -> Int { disabled ? 0x46 : 0x246 }

    static func simple(_ name: String, summary: String, c: String, header: String, details: String = "",
                       contexts: String = anyContext, _ body: @escaping @Sendable (inout Kernel) -> Void) -> CommandSpec {
        CommandSpec(name, family: .cpu, summary: summary, details: details, c: c, header: header, contexts: contexts,
                    examples: [name], mutates: true) { s, _ throws(CommandError) in
            body(&s.kernel)
            return changed(s)
        }
    }

    static func query(_ name: String, summary: String, c: String, header: String, _ value: @escaping @Sendable (Kernel) -> Int) -> CommandSpec {
        CommandSpec(name, family: .cpu, summary: summary, c: c, header: header, contexts: anyContext,
                    examples: [name]) { s, _ throws(CommandError) in
            CommandOutput(value: .int(value(s.kernel)))
        }
    }

    static let lockVariants: [(lock: String, unlock: String, variant: HeldLock.Variant, what: String)] = [
        ("spin_lock", "spin_unlock", .plain, "disables preemption"),
        ("spin_lock_irq", "spin_unlock_irq", .irq, "disables interrupts and preemption; the unlock enables interrupts unconditionally"),
        ("spin_lock_irqsave", "spin_unlock_irqrestore", .irqsave, "saves the interrupt flag, disables interrupts and preemption; the unlock restores the flag"),
        ("spin_lock_bh", "spin_unlock_bh", .bh, "disables softirqs (bottom halves) and preemption"),
    ]

    static let all: [CommandSpec] = [
        CommandSpec("cpu", family: .cpu, arguments: [.init("cpu", .number, optional: true)],
                    summary: "show the current CPU, or migrate the current task to CPU N (refused while preemption is disabled or kmap_local mappings are held)",
                    details: "The shell runs as a task (insmod, pid 1234) on a CPU. Migration is what preemption allows and preempt_disable() forbids: with preemption or interrupts off the task must stay where it is.",
                    c: "int sched_setaffinity(pid_t pid, const struct cpumask *new_mask);", header: "include/linux/sched.h",
                    contexts: "process context, preemptible", examples: ["cpu", "cpu 2"], mutates: true) { s, a throws(CommandError) in
            if a.has(0) {
                let n = try a.int(0)
                try ctx { () throws(ContextError) in try s.kernel.migrate(to: n) }
            }
            return CommandOutput(value: .int(s.kernel.currentCPU), text: contextLine(s.kernel, s.language))
        },
        CommandSpec("cpus", family: .cpu, summary: "every CPU: preempt_count fields, IRQ flag, running task, held locks, IRQ stack",
                    examples: ["cpus"]) { s, _ throws(CommandError) in
            let m = CPUsModel(s.kernel)
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
        simple("preempt_disable", summary: "disable preemption on this CPU (preempt_count += 1)", c: "#define preempt_disable()", header: "include/linux/preempt.h") { $0.preemptDisable() },
        simple("preempt_enable", summary: "enable preemption again (preempt_count -= 1); unbalanced enables are caught by DEBUG_PREEMPT", c: "#define preempt_enable()", header: "include/linux/preempt.h") { $0.preemptEnable() },
        simple("local_irq_disable", summary: "disable interrupts on this CPU (cli)", c: "#define local_irq_disable()", header: "include/linux/irqflags.h") { $0.localIrqDisable() },
        simple("local_irq_enable", summary: "enable interrupts on this CPU (sti)", c: "#define local_irq_enable()", header: "include/linux/irqflags.h") { $0.localIrqEnable() },
        CommandSpec("local_irq_save", family: .cpu, summary: "save the interrupt flag and disable interrupts; returns the flags for local_irq_restore",
                    c: "#define local_irq_save(flags)", header: "include/linux/irqflags.h", contexts: anyContext,
                    examples: ["flags = local_irq_save", "local_irq_restore $flags"], mutates: true) { s, _ throws(CommandError) in
            let was = s.kernel.localIrqSave()
            return CommandOutput(value: .int(eflags(disabled: was)), text: contextLine(s.kernel, s.language) + "\nflags = \(Format.hex(eflags(disabled: was))) (IF \(was ? "clear" : "set"))")
        },
        CommandSpec("local_irq_restore", family: .cpu, arguments: [.init("flags", .number)],
                    summary: "restore the interrupt flag saved by local_irq_save",
                    c: "#define local_irq_restore(flags)", header: "include/linux/irqflags.h", contexts: anyContext,
                    examples: ["local_irq_restore $flags"], mutates: true) { s, a throws(CommandError) in
            s.kernel.localIrqRestore(try a.int(0) & 0x200 == 0)
            return changed(s)
        },
        simple("local_bh_disable", summary: "disable softirqs on this CPU (preempt_count += 0x200)", c: "void local_bh_disable(void);", header: "include/linux/bottom_half.h") { $0.localBhDisable() },
        simple("local_bh_enable", summary: "enable softirqs again (preempt_count -= 0x200)", c: "void local_bh_enable(void);", header: "include/linux/bottom_half.h") { $0.localBhEnable() },
    ] + lockVariants.flatMap { v in [
        CommandSpec(v.lock, family: .cpu, arguments: [.init("lock", .name)],
                    summary: "take a spinlock: \(v.what)",
                    details: "Locks are named by the learner; spinlock debugging (CONFIG_DEBUG_SPINLOCK) reports recursion and unlocking a lock that is not held.",
                    c: v.variant == .irqsave ? "#define spin_lock_irqsave(lock, flags)" : "void \(v.lock)(spinlock_t *lock);", header: "include/linux/spinlock.h",
                    contexts: anyContext, examples: [v.variant == .irqsave ? "flags = spin_lock_irqsave my_lock" : "\(v.lock) my_lock"], mutates: true) { s, a throws(CommandError) in
            let wasDisabled = s.kernel.cpus[s.kernel.currentCPU].irqsDisabled
            let taken = s.kernel.spinLock(try a.string(0), variant: v.variant)
            var out = changed(s)
            if v.variant == .irqsave, taken { out.value = .int(eflags(disabled: wasDisabled)) }
            return out
        },
        CommandSpec(v.unlock, family: .cpu, arguments: [.init("lock", .name)] + (v.variant == .irqsave ? [.init("flags", .number, optional: true)] : []),
                    summary: "release a spinlock taken with \(v.lock)",
                    c: v.variant == .irqsave ? "void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);" : "void \(v.unlock)(spinlock_t *lock);",
                    header: "include/linux/spinlock.h", contexts: anyContext, examples: [v.variant == .irqsave ? "\(v.unlock) my_lock $flags" : "\(v.unlock) my_lock"], mutates: true) { s, a throws(CommandError) in
            let flags = a.has(1) ? try a.int(1) : nil
            if s.kernel.spinUnlock(try a.string(0), variant: v.variant), let flags {
                s.kernel.localIrqRestore(flags & 0x200 == 0) // local_irq_restore(flags) from the caller's variable
            }
            return changed(s)
        },
    ] } + [
        CommandSpec("irq_enter", family: .cpu, summary: "a hard interrupt arrives: the following commands run as its handler, on this CPU's IRQ stack, interrupts off",
                    details: "Adds HARDIRQ_OFFSET (0x10000) to preempt_count. Inside, in_interrupt() is true: sleeping allocations are bugs, vmalloc() is a BUG_ON, vfree() is deferred. Leave with irq_exit.",
                    c: "void irq_enter(void);", header: "include/linux/hardirq.h", contexts: "interrupts enabled",
                    examples: ["irq_enter", "kmalloc 64 GFP_ATOMIC", "irq_exit"], mutates: true) { s, _ throws(CommandError) in
            try ctx { () throws(ContextError) in try s.kernel.irqEnter() }
            var t = contextLine(s.kernel, s.language)
            if let st = s.kernel.cpus[s.kernel.currentCPU].irqStack {
                t += "\n" + s.say(.irqStackLine(from: st.base, to: st.base + UInt64(st.size) - 1, kib: st.size / 1024))
            }
            return CommandOutput(text: t)
        },
        CommandSpec("irq_exit", family: .cpu, summary: "leave the hard interrupt handler; deferred vfree()s run once back in process context",
                    c: "void irq_exit(void);", header: "include/linux/hardirq.h", contexts: "hard interrupt",
                    examples: ["irq_exit"], mutates: true) { s, _ throws(CommandError) in
            let pending = s.kernel.vmalloc.deferredFrees.count
            try ctx { () throws(ContextError) in try s.kernel.irqExit() }
            var t = contextLine(s.kernel, s.language)
            if pending > 0, s.kernel.vmalloc.deferredFrees.isEmpty { t += "\n" + s.say(.deferredVfreesDone(pending)) }
            return CommandOutput(text: t)
        },
        CommandSpec("nmi_enter", family: .cpu, summary: "a non-maskable interrupt arrives (even with interrupts disabled)",
                    c: "void nmi_enter(void);", header: "include/linux/hardirq.h", contexts: anyContext,
                    examples: ["nmi_enter"], mutates: true) { s, _ throws(CommandError) in
            s.kernel.nmiEnter()
            return changed(s)
        },
        CommandSpec("nmi_exit", family: .cpu, summary: "leave the NMI handler", c: "void nmi_exit(void);", header: "include/linux/hardirq.h",
                    contexts: "NMI", examples: ["nmi_exit"], mutates: true) { s, _ throws(CommandError) in
            try ctx { () throws(ContextError) in try s.kernel.nmiExit() }
            return changed(s)
        },
        CommandSpec("softirq_enter", family: .cpu, summary: "start running a softirq handler (preempt_count += SOFTIRQ_OFFSET), as on the way out of an interrupt",
                    c: "static void handle_softirqs(bool ksirqd);", header: "kernel/softirq.c", contexts: "process context",
                    examples: ["softirq_enter"], mutates: true) { s, _ throws(CommandError) in
            try ctx { () throws(ContextError) in try s.kernel.softirqEnter() }
            return changed(s)
        },
        CommandSpec("softirq_exit", family: .cpu, summary: "finish the softirq handler", c: "static void handle_softirqs(bool ksirqd);", header: "kernel/softirq.c",
                    contexts: "softirq", examples: ["softirq_exit"], mutates: true) { s, _ throws(CommandError) in
            try ctx { () throws(ContextError) in try s.kernel.softirqExit() }
            return changed(s)
        },
        query("in_atomic", summary: "1 if preempt_count is not 0 (no sleeping allowed)", c: "#define in_atomic() (preempt_count() != 0)", header: "include/linux/preempt.h") { $0.cpus[$0.currentCPU].inAtomic ? 1 : 0 },
        query("in_interrupt", summary: "1 in hard interrupt, softirq or NMI context, or with bottom halves disabled", c: "#define in_interrupt() (irq_count())", header: "include/linux/preempt.h") { $0.cpus[$0.currentCPU].inInterrupt ? 1 : 0 },
        query("in_irq", summary: "1 in a hard interrupt handler (in_hardirq)", c: "#define in_hardirq() (hardirq_count())", header: "include/linux/preempt.h") { $0.cpus[$0.currentCPU].inHardirq ? 1 : 0 },
        query("in_nmi", summary: "1 in an NMI handler", c: "#define in_nmi() (nmi_count())", header: "include/linux/preempt.h") { $0.cpus[$0.currentCPU].inNMI ? 1 : 0 },
        query("irqs_disabled", summary: "1 if interrupts are disabled on this CPU", c: "#define irqs_disabled()", header: "include/linux/irqflags.h") { $0.cpus[$0.currentCPU].irqsDisabled ? 1 : 0 },
        // preempt_count (with its --picture) is in PictureCommands.
        CommandSpec("schedule", family: .cpu, summary: "give up the CPU; in atomic context: BUG: scheduling while atomic",
                    details: "Anything that sleeps (a mutex, a GFP_KERNEL allocation that has to reclaim, msleep) ends in schedule(). With preemption disabled the scheduler reports the bug, resets preempt_count and switches anyway.",
                    c: "asmlinkage __visible void __sched schedule(void);", header: "include/linux/sched.h", contexts: "process context, preemptible",
                    examples: ["schedule"], mutates: true) { s, _ throws(CommandError) in
            s.kernel.schedule()
            return changed(s)
        },
        CommandSpec("get_cpu", family: .cpu, summary: "disable preemption and return this CPU's number (pair with put_cpu)",
                    c: "#define get_cpu() ({ preempt_disable(); __smp_processor_id(); })", header: "include/linux/smp.h", contexts: anyContext,
                    examples: ["cpu = get_cpu", "put_cpu"], mutates: true) { s, _ throws(CommandError) in
            CommandOutput(value: .int(s.kernel.getCPU()))
        },
        CommandSpec("put_cpu", family: .cpu, summary: "enable preemption again after get_cpu; an unbalanced put_cpu warns",
                    c: "#define put_cpu() preempt_enable()", header: "include/linux/smp.h", contexts: anyContext,
                    examples: ["put_cpu"], mutates: true) { s, _ throws(CommandError) in
            s.kernel.putCPU()
            return changed(s)
        },
        CommandSpec("smp_processor_id", family: .cpu, summary: "this CPU's number; checked (CONFIG_DEBUG_PREEMPT): preemptible callers get a BUG report",
                    c: "#define smp_processor_id() debug_smp_processor_id()", header: "include/linux/smp.h", contexts: "preemption or interrupts disabled",
                    examples: ["smp_processor_id"], mutates: true) { s, _ throws(CommandError) in
            CommandOutput(value: .int(s.kernel.smpProcessorID()))
        },
        CommandSpec("raw_smp_processor_id", family: .cpu, summary: "this CPU's number without the check (may be stale at once if preemptible)",
                    c: "#define raw_smp_processor_id() __smp_processor_id()", header: "include/linux/smp.h", contexts: anyContext,
                    examples: ["raw_smp_processor_id"]) { s, _ throws(CommandError) in
            CommandOutput(value: .int(s.kernel.currentCPU))
        },
    ]
}

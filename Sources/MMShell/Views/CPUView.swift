import KernelMM

/// `cpus`: each CPU's preempt_count fields (include/linux/preempt.h), IRQ flag, running task, held spinlocks and
/// IRQ stack. The shell's CPU is marked with `*`.
enum CPUView {
    static func render(_ k: Kernel) -> String {
        var s = "   CPU  preempt_count  preempt softirq hardirq nmi  irqs      current           IRQ stack\n"
        for c in k.cpus {
            let mark = c.id == k.currentCPU ? "*" : " "
            let task = k.tasks.first { $0.pid == c.currentPID && (c.currentPID != 0 || $0.comm == "swapper/\(c.id)") }
            let name = c.currentPID == 0 ? "swapper/\(c.id) (idle)" : "\(task?.comm ?? "?")/\(c.currentPID)"
            var line = "  \(mark)" + Format.right(c.id, 3) + "  0x" + Format.hex(UInt64(c.preemptCount), digits: 8) + "  "
            line += Format.right(c.preemptDepth, 7) + Format.right(Int((c.preemptCount & CPUState.softirqMask) >> 8), 8)
            line += Format.right(Int((c.preemptCount & CPUState.hardirqMask) >> 16), 8) + Format.right(Int((c.preemptCount & CPUState.nmiMask) >> 20), 4)
            line += "  " + Format.left(c.irqsDisabled ? "disabled" : "enabled", 8) + "  " + Format.left(name, 16) + "  "
            line += c.irqStack.map { stackText($0, k) } ?? "none"
            s += line + "\n"
            if !c.heldLocks.isEmpty { s += "        holding: " + c.heldLocks.map { "\($0.name) (\($0.variant.rawValue))" }.joined(separator: ", ") + "\n" }
            if c.preemptCount != 0, let at = c.preemptDisabledAt { s += "        preemption disabled at: \(at.symbol)\n" }
        }
        s += "in_atomic() = preempt_count != 0; in_interrupt() = softirq|hardirq|nmi fields; sleeping is allowed only with preempt_count 0 and irqs enabled\n"
        return s
    }

    static func stackText(_ st: IRQStack, _ k: Kernel) -> String {
        var t = "\(Format.hex(st.base))-\(Format.hex(st.base + UInt64(st.size) - 1)) (\(st.size / 1024) KiB"
        if st.vmapArea != nil { t += ", vmapped over the per-CPU area, guard page" }
        else if let p = st.pfn { t += ", pfn \(Format.hex(p))" + (st.softirqPFN.map { ", softirq stack pfn \(Format.hex($0))" } ?? "") }
        else { t += ", in the per-CPU area" }
        return t + ")"
    }
}

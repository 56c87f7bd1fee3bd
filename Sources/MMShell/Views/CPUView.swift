import KernelMM

/// The renderers of `CPUsModel` (`cpus`): each CPU's preempt_count fields, IRQ flag, running task, held spinlocks and
/// IRQ stack; the shell's CPU is marked with `*`.
extension CPUsModel: CommandView {
    var text: String {
        var s = "   CPU  preempt_count  preempt softirq hardirq nmi  irqs      current           IRQ stack\n"
        for c in cpus {
            let name = c.comm.map { "\($0)/\(c.pid)" } ?? "swapper/\(c.id) (idle)"
            var line = "  \(c.current ? "*" : " ")" + Format.right(c.id, 3) + "  0x" + Format.hex(UInt64(c.preemptCount), digits: 8) + "  "
            line += Format.right(c.preemptDepth, 7) + Format.right(c.softirq, 8) + Format.right(c.hardirq, 8) + Format.right(c.nmi, 4)
            line += "  " + Format.left(c.irqsDisabled ? "disabled" : "enabled", 8) + "  " + Format.left(name, 16) + "  "
            line += c.irqStack.map(Self.stackText) ?? "none"
            s += line + "\n"
            if !c.locks.isEmpty { s += "        holding: " + c.locks.map { "\($0.name) (\($0.variant.rawValue))" }.joined(separator: ", ") + "\n" }
            if let at = c.preemptDisabledAt { s += "        preemption disabled at: \(at)\n" }
        }
        s += "in_atomic() = preempt_count != 0; in_interrupt() = softirq|hardirq|nmi fields; sleeping is allowed only with preempt_count 0 and irqs enabled\n"
        return s
    }

    static func stackText(_ st: IRQStackRow) -> String {
        var t = "\(Format.hex(st.base))-\(Format.hex(st.base + UInt64(st.size) - 1)) (\(st.size / 1024) KiB"
        if st.vmapped { t += ", vmapped over the per-CPU area, guard page" }
        else if let p = st.pfn { t += ", pfn \(Format.hex(p))" + (st.softirqPFN.map { ", softirq stack pfn \(Format.hex($0))" } ?? "") }
        else { t += ", in the per-CPU area" }
        return t + ")"
    }

    /// For autograders: the same fields as data.
    var json: JSONValue {
        .array(cpus.map { c in
            .object([("cpu", .int(c.id)), ("current", .bool(c.current)),
                     ("preempt_count", .int(Int(c.preemptCount))), ("preempt", .int(c.preemptDepth)),
                     ("softirq", .int(c.softirq)), ("hardirq", .int(c.hardirq)), ("nmi", .int(c.nmi)),
                     ("irqs_disabled", .bool(c.irqsDisabled)), ("in_atomic", .bool(c.inAtomic)), ("in_interrupt", .bool(c.inInterrupt)),
                     ("pid", .int(c.pid)), ("comm", .string(c.comm ?? "swapper/\(c.id)")), ("locks", .array(c.locks.map { .string($0.name) })),
                     ("preempt_disabled_at", c.preemptDisabledAt.map { .string($0) } ?? .null),
                     ("irq_stack", c.irqStack.map { .object([("base", .hex($0.base)), ("size", .int($0.size)), ("vmapped", .bool($0.vmapped))]) } ?? .null)])
        })
    }
}

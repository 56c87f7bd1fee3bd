import KernelMM

/// The renderers of `CPUsModel` (`cpus`): each CPU's preempt_count fields, IRQ flag, running task, held spinlocks and
/// IRQ stack; the shell's CPU is marked with `*`.
extension CPUsModel: LocalizedView {
    var text: String { text(.en) }

    func text(_ lang: Language) -> String {
        func say(_ m: Message) -> String { m.text(lang) }
        var s = "   CPU  preempt_count  preempt softirq hardirq nmi  irqs      current           IRQ stack\n"
        for c in cpus {
            let name = c.comm.map { "\($0)/\(c.pid)" } ?? say(.cpuIdleTask(c.id))
            var line = "  \(c.current ? "*" : " ")" + Format.right(c.id, 3) + "  0x" + Format.hex(UInt64(c.preemptCount), digits: 8) + "  "
            line += Format.right(c.preemptDepth, 7) + Format.right(c.softirq, 8) + Format.right(c.hardirq, 8) + Format.right(c.nmi, 4)
            line += "  " + Format.left(say(c.irqsDisabled ? .cpuIrqsDisabled : .cpuIrqsEnabled), 8) + "  " + Format.left(name, 16) + "  "
            line += c.irqStack.map { Self.stackText($0, lang) } ?? say(.cpuNoIRQStack)
            s += line + "\n"
            if !c.locks.isEmpty { s += "        " + say(.cpuHolding) + c.locks.map { "\($0.name) (\($0.variant.rawValue))" }.joined(separator: ", ") + "\n" }
            if let at = c.preemptDisabledAt { s += "        " + say(.cpuPreemptDisabledAt(at)) + "\n" }
        }
        s += say(.cpuLegend) + "\n"
        return s
    }

    static func stackText(_ st: IRQStackRow, _ lang: Language = .en) -> String {
        var t = "\(Format.hex(st.base))-\(Format.hex(st.base + UInt64(st.size) - 1)) (\(st.size / 1024) KiB"
        if st.vmapped { t += Message.cpuStackVmapped.text(lang) }
        else if let p = st.pfn { t += ", pfn \(Format.hex(p))" + (st.softirqPFN.map { Message.cpuSoftirqStack(pfn: $0).text(lang) } ?? "") }
        else { t += Message.cpuStackInPercpu.text(lang) }
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

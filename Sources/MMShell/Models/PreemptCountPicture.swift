import KernelMM

/// `preempt_count --picture`: the 32-bit preempt_count of a CPU as its fields (include/linux/preempt.h):
/// PREEMPT bits 0-7, SOFTIRQ 8-15, HARDIRQ 16-19, NMI 20-23, with each bit and each field's value.
struct PreemptCountPicture: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        var name: String
        var shift: Int
        var bits: Int
        var value: UInt32
    }
    var cpu: Int
    var count: UInt32
    var irqsDisabled: Bool
    var fields: [Field]

    static func build(_ k: Kernel, cpu: Int) -> PreemptCountPicture {
        let c = k.cpus[cpu]
        let pc = c.preemptCount
        let fields = [("NMI", 20, 4), ("HARDIRQ", 16, 4), ("SOFTIRQ", 8, 8), ("PREEMPT", 0, 8)].map { n, shift, bits in
            Field(name: n, shift: shift, bits: bits, value: (pc >> UInt32(shift)) & ((1 << UInt32(bits)) - 1))
        }
        return PreemptCountPicture(cpu: cpu, count: pc, irqsDisabled: c.irqsDisabled, fields: fields)
    }

    func meaning(_ f: Field, _ l: LessonLanguage) -> String {
        switch f.name {
        case "PREEMPT": return PictureStrings.t(l, "preempt_disable() depth \(f.value) (spin_lock, get_cpu…)", "preempt_disable() 깊이 \(f.value) (spin_lock, get_cpu…)")
        case "SOFTIRQ":
            let serving = f.value & 1, disabled = f.value >> 1
            return PictureStrings.t(l, "bit 8 = serving a softirq (\(serving)); local_bh_disable() adds 0x200 (×\(disabled))",
                                    "비트 8 = softirq 실행 중 (\(serving)); local_bh_disable()은 0x200씩 더함 (×\(disabled))")
        case "HARDIRQ": return PictureStrings.t(l, "hard interrupt nesting \(f.value) (irq_enter)", "하드 인터럽트 중첩 \(f.value) (irq_enter)")
        default: return PictureStrings.t(l, "NMI nesting \(f.value) (nmi_enter)", "NMI 중첩 \(f.value) (nmi_enter)")
        }
    }

    func picture(language l: LessonLanguage) -> Picture {
        var p = Picture(title: PictureStrings.t(l, "preempt_count of cpu\(cpu) = \(CPUCommands.hex8(count))", "cpu\(cpu)의 preempt_count = \(CPUCommands.hex8(count))"))
        let atomic = count != 0
        p.facts = [PictureStrings.t(l, "in_atomic() \(atomic ? 1 : 0), in_interrupt() \(count & 0x00ff_ff00 != 0 ? 1 : 0), irqs \(irqsDisabled ? "disabled" : "enabled") (irqs are not in preempt_count)",
                                    "in_atomic() \(atomic ? 1 : 0), in_interrupt() \(count & 0x00ff_ff00 != 0 ? 1 : 0), 인터럽트 \(irqsDisabled ? "꺼짐" : "켜짐") (인터럽트 상태는 preempt_count에 없음)")]
        var b = PictureBlock(heading: PictureStrings.t(l, "bits 23 … 0, most significant first", "비트 23 … 0, 높은 비트부터"))
        for f in fields {
            let cells = (0..<f.bits).reversed().map { i in PictureCell((f.value >> UInt32(i)) & 1 == 1 ? .bitSet : .bitClear) }
            b.rows.append(PictureRow(label: "\(f.name) \(f.shift + f.bits - 1)-\(f.shift)", cells: cells, note: "= \(f.value)  " + meaning(f, l)))
        }
        p.blocks.append(b)
        return p
    }
}

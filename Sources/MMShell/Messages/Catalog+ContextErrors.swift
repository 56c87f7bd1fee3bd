/// Why a CPU-context command cannot run (KernelMM's `ContextError`), in both languages (CPUCommands.error).
extension Message {
    /// `preemptCount` is the shown value when it is not 0; interrupts may be off as well or alone.
    static func cannotMigrate(preemptCount: String?, irqsDisabled: Bool) -> Message {
        let why: Message
        switch (preemptCount, irqsDisabled) {
        case (let c?, true): why = Message(en: "preempt_count is \(c) and interrupts are disabled", ko: "preempt_count가 \(c)이고 인터럽트도 꺼져 있습니다")
        case (let c?, false): why = Message(en: "preempt_count is \(c)", ko: "preempt_count가 \(c)입니다")
        case (nil, _): why = Message(en: "interrupts are disabled", ko: "인터럽트가 꺼져 있습니다")
        }
        return Message(en: "cannot migrate: \(why.en); a task that has disabled preemption stays on its CPU — that is the point of disabling it. Undo it first (put_cpu, preempt_enable, spin_unlock, local_irq_enable, irq_exit)",
                       ko: "다른 CPU로 옮길 수 없습니다: \(why.ko). 선점을 끈 태스크는 자기 CPU에 머뭅니다. 선점을 끄는 목적이 바로 그것입니다. 먼저 되돌리세요(put_cpu, preempt_enable, spin_unlock, local_irq_enable, irq_exit)")
    }

    static func migrationDisabledByKmapLocal(slots: Int) -> Message {
        Message(en: "cannot migrate: this task holds \(slots) kmap_local mapping\(slots == 1 ? "" : "s"), and kmap_local_page() called migrate_disable(): its slots are this CPU's fixmap pages, so on another CPU the addresses would map something else. kunmap_local them first (newest first)",
                ko: "다른 CPU로 옮길 수 없습니다: 이 태스크는 kmap_local 매핑을 \(slots)개 잡고 있고, kmap_local_page()가 migrate_disable()을 불렀습니다. 슬롯은 이 CPU의 fixmap 페이지라서 다른 CPU에서는 같은 주소가 다른 것을 매핑합니다. 먼저 가장 최근 것부터 kunmap_local로 푸세요")
    }

    static let interruptsDisabledNoIRQ = Message(
        en: "interrupts are disabled on this CPU: a hard interrupt would stay pending until local_irq_enable (use nmi_enter for a non-maskable one)",
        ko: "이 CPU는 인터럽트가 꺼져 있습니다. 하드 인터럽트는 local_irq_enable 때까지 대기합니다(마스크할 수 없는 인터럽트는 nmi_enter를 쓰세요)")
    static let notInHardirq = Message(en: "not in a hard interrupt handler; irq_enter first",
                                      ko: "하드 인터럽트 핸들러 안이 아닙니다. 먼저 irq_enter를 하세요")
    static let hardirqNestingFull = Message(
        en: "15 hard interrupts are already nested on this CPU: preempt_count's HARDIRQ field has 4 bits (HARDIRQ_BITS), and a 16th irq_enter would carry into the NMI bits. The real kernel does not check (hardware never nests that deep); leave some with irq_exit first",
        ko: "이 CPU에는 하드 인터럽트가 이미 15개 중첩되어 있습니다. preempt_count의 HARDIRQ 필드는 4비트(HARDIRQ_BITS)라서 16번째 irq_enter는 NMI 비트로 넘칩니다. 실제 커널은 이를 검사하지 않습니다(하드웨어가 그렇게 깊이 중첩하는 일이 없습니다). 먼저 irq_exit로 몇 개를 빠져나오세요")
    static let notInNMI = Message(en: "not in an NMI handler; nmi_enter first", ko: "NMI 핸들러 안이 아닙니다. 먼저 nmi_enter를 하세요")
    static let notServingSoftirq = Message(en: "not running a softirq; softirq_enter first", ko: "softirq를 실행하는 중이 아닙니다. 먼저 softirq_enter를 하세요")
    static let softirqInInterrupt = Message(
        en: "softirqs do not run inside a hard interrupt, an NMI or another softirq; leave it first (irq_exit)",
        ko: "softirq는 하드 인터럽트, NMI, 다른 softirq 안에서는 돌지 않습니다. 먼저 빠져나오세요(irq_exit)")
}

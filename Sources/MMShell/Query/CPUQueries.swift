import KernelMM

/// CPUs and their preempt_count (include/linux/preempt.h).
enum CPUQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("cpu", usage: "cpu(N)", arity: 1, "a CPU: cpu(0).preempt_count") { c, a throws(QueryError) in
            guard case .int(let n) = a[0] else { throw QueryError(.queryRootTakes("cpu() takes a CPU number", "cpu()에는 CPU 번호를 주세요"), column: 0) }
            guard n >= 0, n < c.kernel.cpus.count else { throw QueryError(.queryNoCPU(n, cpus: c.kernel.cpus.count), column: 0) }
            return handle(n)
        },
        QueryRoot("cpus", usage: "cpus", "every CPU, as a list") { c, _ throws(QueryError) in
            .list(c.kernel.cpus.indices.map(handle))
        },
        QueryRoot("this_cpu", usage: "this_cpu", "the CPU the shell's commands run on (smp_processor_id())") { c, _ throws(QueryError) in
            handle(c.kernel.currentCPU)
        },
    ]

    static func handle(_ n: Int) -> QueryValue { .object(QueryObject(type: "cpu", key: .int(n), display: "cpu(\(n))")) }

    static func cf(_ name: String, _ summary: String, _ f: @escaping @Sendable (CPUState) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            guard let n = o.intKey, n >= 0, n < c.kernel.cpus.count else { throw QueryError(.queryCPUGone, column: 0) }
            return f(c.kernel.cpus[n])
        }
    }

    static let types: [QueryType] = [
        QueryType("cpu", "one CPU's execution state", fields: [
            cf("id", "CPU number") { .int($0.id) },
            cf("preempt_count", "preempt_count(): PREEMPT 0xff, SOFTIRQ 0xff00, HARDIRQ 0xf0000, NMI 0xf00000") { .int(Int($0.preemptCount)) },
            cf("preempt_depth", "preempt_count() & PREEMPT_MASK: nested preempt_disable()s") { .int(Int($0.preemptCount & CPUState.preemptMask)) },
            cf("softirq_count", "softirq_count(): the SOFTIRQ bits") { .int(Int($0.preemptCount & CPUState.softirqMask)) },
            cf("hardirq_count", "hardirq_count(): the HARDIRQ bits") { .int(Int($0.preemptCount & CPUState.hardirqMask)) },
            cf("in_atomic", "in_atomic(): preempt_count() != 0") { .bool($0.inAtomic) },
            cf("in_interrupt", "in_interrupt(): NMI, hardirq or softirq bits set") { .bool($0.inInterrupt) },
            cf("in_irq", "in_hardirq()") { .bool($0.inHardirq) },
            cf("in_nmi", "in_nmi()") { .bool($0.inNMI) },
            cf("irqs_disabled", "irqs_disabled(): local interrupts off") { .bool($0.irqsDisabled) },
            cf("in_serving_softirq", "in_serving_softirq(): a softirq handler is running") { .bool($0.inServingSoftirq) },
            cf("locks_held", "spinlocks held on this CPU") { .int($0.heldLocks.count) },
            cf("current_pid", "pid of the task running on the CPU") { .int($0.currentPID) },
        ]),
    ]
}

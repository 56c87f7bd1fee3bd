import KernelMM

/// The CPU, task, per-CPU and vmalloc views as data, for `--json` (autograders read these instead of the text).
enum CPUJSON {
    static func hex(_ v: UInt64) -> JSONValue { .string(Format.hex(v)) }

    static func cpus(_ k: Kernel) -> JSONValue {
        .array(k.cpus.map { c in
            .object([("cpu", .int(c.id)), ("current", .bool(c.id == k.currentCPU)),
                     ("preempt_count", .int(Int(c.preemptCount))), ("preempt", .int(c.preemptDepth)),
                     ("softirq", .int(Int((c.preemptCount & CPUState.softirqMask) >> 8))),
                     ("hardirq", .int(Int((c.preemptCount & CPUState.hardirqMask) >> 16))),
                     ("nmi", .int(Int((c.preemptCount & CPUState.nmiMask) >> 20))),
                     ("irqs_disabled", .bool(c.irqsDisabled)), ("in_atomic", .bool(c.inAtomic)), ("in_interrupt", .bool(c.inInterrupt)),
                     ("pid", .int(c.currentPID)), ("locks", .array(c.heldLocks.map { .string($0.name) })),
                     ("irq_stack", c.irqStack.map { .object([("base", hex($0.base)), ("size", .int($0.size)), ("vmapped", .bool($0.vmapArea != nil))]) } ?? .null)])
        })
    }

    static func tasks(_ k: Kernel) -> JSONValue {
        .object([("thread_size", .int(k.threadSize)), ("vmap_stack", .bool(k.vmapStack)), ("kernel_stack_kb", .int(k.kernelStackKB)),
                 ("tasks", .array(k.tasks.map { t in
                     .object([("pid", .int(t.pid)), ("comm", .string(t.comm)), ("cpu", .int(t.cpu)),
                              ("stack", t.stack.map { st in
                                  .object([("base", hex(st.base)), ("size", .int(st.size)), ("vmapped", .bool(st.vmapArea != nil)),
                                           ("pfns", .array(stackPFNs(st, k).map { .int($0) })), ("max_used", .int(st.maxUsed))])
                              } ?? .null)])
                 }))])
    }

    static func stackPFNs(_ st: KernelStack, _ k: Kernel) -> [Int] {
        if let id = st.vmapArea { return k.vmalloc.area(id: id)?.pages.map { Int($0) } ?? [] }
        if let p = st.pfn { return Array(p..<(p + (st.size / k.pageSize))) }
        return []
    }

    static func percpu(_ k: Kernel) -> JSONValue {
        let p = k.percpu
        return .object([("unit_size", .int(p.unitSize)), ("static", .int(p.staticSize)), ("reserved", .int(p.reservedSize)), ("dynamic", .int(p.dynamicSize)),
                        ("chunks", .array(p.chunks.map { ch in
                            .object([("id", .int(ch.id)), ("base", hex(ch.base)), ("first", .bool(ch.isFirst)),
                                     ("populated_pages", .int(ch.populated.filter { $0 }.count)),
                                     ("allocations", .array(ch.allocations.map { a in
                                         .object([("offset", .int(a.offset)), ("size", .int(a.size)), ("align", .int(a.align)),
                                                  ("reserved", .bool(a.reserved)), ("caller", .string(a.caller))])
                                     }))])
                        })),
                        ("variables", .array(p.variables.map { v in
                            .object([("name", .string(v.name)), ("type", .string(v.type)), ("offset", .int(v.offset)),
                                     ("values", .array(v.values.map { .int(Int($0)) }))])
                        }))])
    }
}

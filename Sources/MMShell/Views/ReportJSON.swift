import KernelMM

/// A kernel report as data for `--json`: its kind, severity, the facts, the kernel's text and kmemsim's note.
enum ReportJSON {
    /// The severity words a grader matches on: BUG, WARNING, Bad page state, allocation failure, panic, info, kmemsim note.
    static func severity(_ k: KernelReport.Kind) -> String {
        switch k {
        case .pageAllocFailure, .vmallocError: "allocation failure"
        case .badPageState: "Bad page state"
        case .vmBugOnPage, .kernelBug, .slubBug, .slabError, .sleepingInAtomic, .schedulingWhileAtomic,
             .preemptibleCPUAccess, .spinlockBug, .stackGuardPageHit: "BUG"
        case .warning, .warningMessage: "WARNING"
        case .panic: "panic"
        case .info: "info"
        case .kmemsimOnly: "kmemsim note"
        }
    }

    /// The kind's name and its fields.
    static func kindAndFields(_ k: KernelReport.Kind) -> (String, [(String, JSONValue)]) {
        func line(_ l: Int?) -> JSONValue { l.map { .int($0) } ?? .null }
        switch k {
        case .pageAllocFailure(let order, let gfp, _):
            return ("page_allocation_failure", [("order", .int(order)), ("gfp", .string(Format.hex(UInt64(gfp.rawValue)))), ("gfp_names", .string(gfp.kernelDescription))])
        case .badPageState(let d, let reason):
            return ("bad_page_state", [("pfn", .int(d.pfn)), ("reason", .string(reason))])
        case .vmBugOnPage(let d, let condition, let file, let l):
            return ("vm_bug_on_page", [("pfn", .int(d.pfn)), ("condition", .string(condition)), ("file", .string(file)), ("line", line(l))])
        case .kernelBug(let file, let l, let function):
            return ("kernel_bug", [("file", .string(file)), ("line", line(l)), ("function", .string(function))])
        case .warning(let file, let l, let function):
            return ("warning", [("file", .string(file)), ("line", line(l)), ("function", .string(function))])
        case .slubBug(let r):
            return ("slub_bug", [("cache", .string(r.cache)), ("headline", .string(r.headline))])
        case .slabError(let lines, let after):
            return ("slab_error", [("lines", .array((lines + after).map { .string($0) }))])
        case .sleepingInAtomic(let file, let l, let c):
            return ("sleeping_in_atomic", [("file", .string(file)), ("line", .int(l)), ("preempt_count", .int(Int(c.preemptCount))),
                                           ("irqs_disabled", .bool(c.irqsDisabled)), ("in_atomic", .bool(c.inAtomic))])
        case .schedulingWhileAtomic(let count, _):
            return ("scheduling_while_atomic", [("preempt_count", .int(Int(count)))])
        case .preemptibleCPUAccess(let what, let count, let caller):
            return ("preemptible_cpu_access", [("what", .string(what)), ("preempt_count", .int(Int(count))), ("caller", .string(caller))])
        case .warningMessage(let message, _, let file, let l, let function):
            return ("warning", [("message", .string(message)), ("file", .string(file)), ("line", line(l)), ("function", .string(function))])
        case .spinlockBug(let message, let lock, let comm, let pid, let cpu):
            return ("spinlock_bug", [("message", .string(message)), ("lock", .string(lock)), ("owner_comm", .string(comm)),
                                     ("owner_pid", .int(pid)), ("owner_cpu", .int(cpu))])
        case .stackGuardPageHit(let stack, let address, let start, let end):
            return ("stack_guard_page_hit", [("stack", .string(stack)), ("address", .string(Format.hex(address))),
                                             ("start", .string(Format.hex(start))), ("end", .string(Format.hex(end)))])
        case .panic(let message):
            return ("panic", [("message", .string(message))])
        case .vmallocError(let message, let gfp, _):
            return ("vmalloc_error", [("message", .string(message)), ("gfp", .string(Format.hex(UInt64(gfp.rawValue))))])
        case .info(let message):
            return ("info", [("message", .string(message))])
        case .kmemsimOnly:
            return ("kmemsim_note", [])
        }
    }

    /// `{"kind", "severity", "fields", "comm", "pid", "cpu", "text", "note"}`; the note in the session's language.
    static func json(_ r: KernelReport, kernel k: Kernel, lang: Language) -> JSONValue {
        let (kind, fields) = kindAndFields(r.kind)
        return .object([("kind", .string(kind)), ("severity", .string(severity(r.kind))), ("fields", .object(fields)),
                        ("comm", .string(r.comm)), ("pid", .int(r.pid)), ("cpu", .int(r.cpu)),
                        ("call_trace", .array(r.callTrace.map { .string($0) })),
                        ("text", .string(ReportRenderer.render(r, kernel: k))),
                        ("note", .string(r.note.map { Message.note($0).text(lang) } ?? ""))])
    }
}

import KernelMM

/// A kernel report as data for `--json`: its kind, severity, the facts, the kernel's text and kmemsim's note.
enum ReportJSON {
    /// The severity words a grader matches on: BUG, WARNING, Bad page state, allocation failure, panic, info, kmemsim note.
    static func severity(_ k: KernelReport.Kind) -> String {
        switch k {
        case .pageAllocFailure, .vmallocError: "allocation failure"
        case .badPageState: "Bad page state"
        case .slab(let s): switch s.level { case .bug: "BUG"; case .warning: "WARNING"; case .info: "info" }
        case .vmBugOnPage, .kernelBug, .slubBug, .sleepingInAtomic, .schedulingWhileAtomic,
             .preemptibleCPUAccess, .spinlockBug, .stackGuardPageHit, .pageFault: "BUG"
        case .warning, .warningMessage: "WARNING"
        case .panic: "panic"
        case .info: "info"
        case .kmemsimOnly: "kmemsim note"
        }
    }

    /// The kind's name and its fields.
    static func kindAndFields(_ k: KernelReport.Kind, is64: Bool) -> (String, [(String, JSONValue)]) {
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
            return ("slub_bug", [("cache", .string(r.cache)), ("headline", .string(SlabReportRenderer.headline(r.problem, is64: is64)))])
        case .slab(let s):
            return slabKindAndFields(s)
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
        case .pageFault(let address, let function):
            return ("page_fault", [("address", .string(Format.hex(address))), ("function", .string(function))])
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

    /// The slab allocators' other reports: their facts (addresses in hex, as the kernel's %px would show them).
    static func slabKindAndFields(_ s: SlabReport) -> (String, [(String, JSONValue)]) {
        func gfp(_ g: GFPFlags) -> JSONValue { .string(Format.hex(UInt64(g.rawValue))) }
        switch s {
        case .redzone(let function, let cache, let problem, let address, let rz1, let rz2):
            let p = switch problem {
            case .doubleFreeOrOverwritten: "double_free_or_overwritten"
            case .overwritten: "overwritten"
            case .doubleFree: "double_free"
            }
            return ("slab_error", [("function", .string(function.rawValue)), ("cache", .string(cache)), ("problem", .string(p)),
                                   ("address", .string(Format.hex(address))), ("redzone1", .string(Format.hex(rz1))), ("redzone2", .string(Format.hex(rz2)))])
        case .poisonCorruption(let c):
            return ("slab_corruption", [("cache", .string(c.cache)), ("start", .string(Format.hex(c.object))), ("len", .int(c.length)),
                                        ("damaged_lines", .array(c.damaged.map { .int($0.offset) }))])
        case .slubTrace(let cache, let alloc, let object, let inuse, _):
            return ("slub_trace", [("cache", .string(cache)), ("op", .string(alloc ? "alloc" : "free")), ("object", .string(Format.hex(object))), ("inuse", .int(inuse))])
        case .unexpectedGFP(let invalid, let fixed):
            return ("unexpected_gfp", [("invalid", gfp(invalid)), ("invalid_names", .string(invalid.pGg)), ("fixed", gfp(fixed)), ("fixed_names", .string(fixed.pGg))])
        case .slubOutOfMemory(let m):
            return ("slub_out_of_memory", [("cache", .string(m.cache)), ("gfp", gfp(m.gfp)), ("object_size", .int(m.objectSize)), ("buffer_size", .int(m.size)),
                                           ("order", .int(m.order)), ("min_order", .int(m.minOrder)), ("slabs", .int(m.slabs)), ("objects", .int(m.objects)), ("free", .int(m.free))])
        case .createFailed(let cache, let error):
            return ("kmem_cache_create_failed", [("cache", .string(cache)), ("error", .int(error))])
        case .createPanic(let cache, let error):
            return ("kmem_cache_create_panic", [("cache", .string(cache)), ("error", .int(error))])
        case .notSlabPage:
            return ("slab_not_slab_page", [("file", .string("mm/slab.h")), ("line", .int(626)), ("function", .string("kmem_cache_free"))])
        case .wrongCache(let named, let from):
            return ("slab_wrong_cache", [("cache", .string(named)), ("object_from", .string(from)), ("file", .string("mm/slab.h")), ("line", .int(661)), ("function", .string("cache_from_obj"))])
        case .destroyWithObjects(let cache, let caller):
            return ("slab_cache_still_has_objects", [("cache", .string(cache)), ("caller", .string(caller)), ("file", .string("mm/slab_common.c")), ("line", .int(498)), ("function", .string("kmem_cache_destroy"))])
        }
    }

    /// `{"kind", "severity", "fields", "comm", "pid", "cpu", "text", "note"}`; the note in the session's language.
    static func json(_ r: KernelReport, kernel k: Kernel, lang: Language) -> JSONValue {
        let (kind, fields) = kindAndFields(r.kind, is64: k.arch.is64Bit)
        return .object([("kind", .string(kind)), ("severity", .string(severity(r.kind))), ("fields", .object(fields)),
                        ("comm", .string(r.comm)), ("pid", .int(r.pid)), ("cpu", .int(r.cpu)),
                        ("call_trace", .array(r.callTrace.map { .string($0) })),
                        ("text", .string(ReportRenderer.render(r, kernel: k))),
                        ("note", .string(r.note.map { Message.note($0).text(lang) } ?? ""))])
    }
}

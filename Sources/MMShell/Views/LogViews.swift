import KernelMM

/// `dmesg` and `trace show`: the kernel log and the ftrace buffer, with simulated timestamps.
enum LogViews {
    static func dmesg(_ k: Kernel, language: LessonLanguage = .en) -> String {
        var out = k.log.dropped > 0 ? Message.logDropped(k.log.dropped).text(language) + "\n" : ""
        for e in k.log.entries {
            let text = ReportRenderer.render(e.report, kernel: k)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                out += Format.timestamp(e.time) + " " + line + "\n"
            }
        }
        return out
    }

    /// ftrace's default output: "# tracer: nop" header, then one line per event.
    static func trace(_ k: Kernel) -> String {
        var out = "# tracer: nop\n#\n# entries-in-buffer/entries-written: \(k.trace.events.count)/\(k.trace.written)   #P:\(k.params.cpus)\n#\n"
        out += "#                                _-----=> irqs-off/BH-disabled\n"
        out += "#                               / _----=> need-resched\n"
        out += "#                              | / _---=> hardirq/softirq\n"
        out += "#                              || / _--=> preempt-depth\n"
        out += "#                              ||| / _-=> migrate-disable\n"
        out += "#                              |||| /     delay\n"
        out += "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
        out += "#              | |         |   |||||     |         |\n"
        for e in k.trace.events { out += line(e, k) + "\n" }
        return out
    }

    static func line(_ e: TraceEvent, _ k: Kernel) -> String {
        let task = Format.right("\(e.comm)-\(e.pid)", 16)
        let cpu = "[" + Format.hex(UInt64(e.cpu), digits: 3) + "]"
        let ns = e.time
        let secs = String(ns / 1_000_000_000), us = String((ns / 1000) % 1_000_000)
        let stamp = Format.right(secs + "." + String(repeating: "0", count: 6 - us.count) + us, 12)
        let page = Format.hashedPointer(e.pageAddress, is64Bit: k.arch.is64Bit)
        let body: String
        switch e.kind {
        case .mmPageAlloc(let pfn, let order, let mt, let gfp):
            body = "mm_page_alloc: page=\(page) pfn=\(Format.hex(pfn)) order=\(order) migratetype=\(mt) gfp_flags=\(gfp.kernelDescription)"
        case .mmPageFree(let pfn, let order):
            body = "mm_page_free: page=\(page) pfn=\(Format.hex(pfn)) order=\(order)"
        case .mmPageAllocZoneLocked(let pfn, let order, let mt, let refill):
            body = "mm_page_alloc_zone_locked: page=\(page) pfn=\(Format.hex(pfn)) order=\(order) migratetype=\(mt) percpu_refill=\(refill ? 1 : 0)"
        case .mmPagePcpuDrain(let pfn, let order, let mt):
            body = "mm_page_pcpu_drain: page=\(page) pfn=\(Format.hex(pfn)) order=\(order) migratetype=\(mt)"
        case .mmPageAllocExtfrag(let pfn, let ao, let fo, let amt, let fmt, let change):
            body = "mm_page_alloc_extfrag: page=\(page) pfn=\(Format.hex(pfn)) alloc_order=\(ao) fallback_order=\(fo) pageblock_order=\(k.pageblockOrder) alloc_migratetype=\(amt) fallback_migratetype=\(fmt) fragmenting=\(fo < k.pageblockOrder ? 1 : 0) change_ownership=\(change ? 1 : 0)"
        case .kmalloc(let site, let ptr, let req, let alloc, let gfp, let accounted):
            body = "kmalloc: " + slabFields(site, ptr, req, alloc, gfp, accounted, k)
        case .kmemCacheAlloc(let site, let ptr, let req, let alloc, let gfp, let accounted):
            body = "kmem_cache_alloc: " + slabFields(site, ptr, req, alloc, gfp, accounted, k)
        case .kfree(let site, let ptr):
            // %p of NULL and of ZERO_SIZE_PTR print as the numbers (the hash is for real pointers).
            let shown = ptr == 0 ? "0000000000000000" : ptr == zeroSizePointer ? "0000000000000010"
                                 : Format.hashedPointer(ptr, is64Bit: k.arch.is64Bit)
            body = "kfree: call_site=\(site) ptr=\(shown)"
        case .kmemCacheFree(let site, let ptr, let cache):
            body = "kmem_cache_free: call_site=\(site) ptr=\(Format.hashedPointer(ptr, is64Bit: k.arch.is64Bit)) name=\(cache)"
        case .allocVmapArea(let start, let size, let align, let vstart, let vend):
            body = "alloc_vmap_area: va_start: \(start) size=\(size) align=\(align) vstart=0x\(String(vstart, radix: 16)) vend=0x\(String(vend, radix: 16)) failed=0"
        case .freeVmapAreaNoflush(let start, let lazy, let max):
            body = "free_vmap_area_noflush: va_start=\(start) nr_lazy=\(lazy) nr_lazy_max=\(max)"
        }
        return "\(task) \(cpu) \(e.flags) \(stamp): \(body)"
    }

    /// kmalloc and kmem_cache_alloc's TP_printk fields after the event name.
    static func slabFields(_ site: String, _ ptr: UInt64, _ req: Int, _ alloc: Int, _ gfp: GFPFlags, _ accounted: Bool, _ k: Kernel) -> String {
        "call_site=\(site) ptr=\(Format.hashedPointer(ptr, is64Bit: k.arch.is64Bit)) bytes_req=\(req) bytes_alloc=\(alloc) gfp_flags=\(gfp.kernelDescription) node=-1 accounted=\(accounted ? "true" : "false")"
    }
}

/// `trace show`: the buffer as /sys/kernel/tracing/trace prints it, or for `--json` one record per event with its
/// fields as data (and the kernel's line beside them).
struct TraceView: CommandView {
    var kernel: Kernel
    var text: String { LogViews.trace(kernel) }
    var json: JSONValue { .array(kernel.trace.events.map { Self.json($0, kernel) }) }

    static func json(_ e: TraceEvent, _ k: Kernel) -> JSONValue {
        let (event, fields) = Self.fields(e.kind, k)
        return .object([("time_ns", .int(Int(e.time))), ("comm", .string(e.comm)), ("pid", .int(e.pid)), ("cpu", .int(e.cpu)),
                        ("flags", .string(e.flags)), ("event", .string(event)), ("fields", .object(fields)),
                        ("text", .string(LogViews.line(e, k)))])
    }

    static func fields(_ kind: TraceEvent.Kind, _ k: Kernel) -> (String, [(String, JSONValue)]) {
        switch kind {
        case .mmPageAlloc(let pfn, let order, let mt, let gfp):
            ("mm_page_alloc", [("pfn", .int(pfn)), ("order", .int(order)), ("migratetype", .int(mt)), ("gfp_flags", .string(gfp.kernelDescription))])
        case .mmPageFree(let pfn, let order):
            ("mm_page_free", [("pfn", .int(pfn)), ("order", .int(order))])
        case .mmPageAllocZoneLocked(let pfn, let order, let mt, let refill):
            ("mm_page_alloc_zone_locked", [("pfn", .int(pfn)), ("order", .int(order)), ("migratetype", .int(mt)), ("percpu_refill", .bool(refill))])
        case .mmPagePcpuDrain(let pfn, let order, let mt):
            ("mm_page_pcpu_drain", [("pfn", .int(pfn)), ("order", .int(order)), ("migratetype", .int(mt))])
        case .mmPageAllocExtfrag(let pfn, let ao, let fo, let amt, let fmt, let change):
            ("mm_page_alloc_extfrag", [("pfn", .int(pfn)), ("alloc_order", .int(ao)), ("fallback_order", .int(fo)),
                                       ("alloc_migratetype", .int(amt)), ("fallback_migratetype", .int(fmt)), ("change_ownership", .bool(change))])
        case .kmalloc(let site, let ptr, let req, let alloc, let gfp, let accounted):
            ("kmalloc", slab(site, ptr, req, alloc, gfp, accounted))
        case .kmemCacheAlloc(let site, let ptr, let req, let alloc, let gfp, let accounted):
            ("kmem_cache_alloc", slab(site, ptr, req, alloc, gfp, accounted))
        case .kfree(let site, let ptr):
            ("kfree", [("call_site", .string(site)), ("ptr", .hex(ptr))])
        case .kmemCacheFree(let site, let ptr, let cache):
            ("kmem_cache_free", [("call_site", .string(site)), ("ptr", .hex(ptr)), ("name", .string(cache))])
        case .allocVmapArea(let start, let size, let align, let vstart, let vend):
            ("alloc_vmap_area", [("va_start", .hex(start)), ("size", .int(Int(size))), ("align", .int(Int(align))),
                                 ("vstart", .hex(vstart)), ("vend", .hex(vend))])
        case .freeVmapAreaNoflush(let start, let lazy, let max):
            ("free_vmap_area_noflush", [("va_start", .hex(start)), ("nr_lazy", .int(lazy)), ("nr_lazy_max", .int(max))])
        }
    }

    static func slab(_ site: String, _ ptr: UInt64, _ req: Int, _ alloc: Int, _ gfp: GFPFlags, _ accounted: Bool) -> [(String, JSONValue)] {
        [("call_site", .string(site)), ("ptr", .hex(ptr)), ("bytes_req", .int(req)), ("bytes_alloc", .int(alloc)),
         ("gfp_flags", .string(gfp.kernelDescription)), ("accounted", .bool(accounted))]
    }
}

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
        case .other(let name, let fields):
            body = "\(name): \(fields)"
        }
        return "\(task) \(cpu) \(e.flags) \(stamp): \(body)"
    }
}

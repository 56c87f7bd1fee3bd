import KernelMM

/// /proc/vmallocinfo (mm/vmalloc.c s_show) and pictures of vmalloc areas.
enum VmallocView {
    /// "0x%pK-0x%pK %7ld" caller " pages=%d" flags [" vpages"] " N0=%u" (CONFIG_NUMA: x86_64 and sparc64 here).
    @Sendable static func vmallocinfo(_ k: Kernel) -> String {
        let digits = k.arch.is64Bit ? 16 : 8
        let numa = k.config.numa
        var s = ""
        for a in k.vmalloc.areas {
            var line = "0x\(Format.hex(a.start, digits: digits))-0x\(Format.hex(a.end, digits: digits)) \(Format.right(a.size, 7))"
            line += " \(a.caller)"
            if a.nrPages > 0 { line += " pages=\(a.nrPages)" }
            if a.phys != 0 { line += " phys=0x\(Format.hex(a.phys, digits: digits))" }
            if a.flags.contains(.ioremap) { line += " ioremap" }
            if a.flags.contains(.alloc) { line += " vmalloc" }
            if a.flags.contains(.map) { line += " vmap" }
            if a.flags.contains(.usermap) { line += " user" }
            if a.pagesArray != nil { line += " vpages" }
            // show_numa_info(): CONFIG_NUMA, pages counted per node (one node here), nothing for an empty area.
            if numa, a.nrPages > 0 { line += " N0=\(a.nrPages)" }
            s += line + "\n"
        }
        // show_purge_info(): ranges vfree() unmapped but has not purged yet (mm/vmalloc.c:4359).
        for r in k.vmalloc.purgeList {
            s += "0x\(Format.hex(r.start, digits: digits))-0x\(Format.hex(r.end, digits: digits)) \(Format.right(r.size, 7)) unpurged vm_area\n"
        }
        return s
    }

    static func purpose(_ p: VMAreaPurpose) -> String {
        switch p {
        case .vmalloc: "vmalloc() area"
        case .taskStack(let pid?): "kernel stack of pid \(pid)"
        case .taskStack(nil): "cached kernel stack (kept for the next task on this CPU)"
        case .irqStack(let c): "IRQ stack of CPU \(c) (vmap of its per-CPU backing store)"
        case .percpuChunk(let id): "per-CPU chunk \(id)"
        case .pagesArray: "page array (vm->pages) of a larger vmalloc area"
        case .ioremap: "ioremap() of device memory"
        }
    }

    /// `vmarea ADDR`: every virtual page of the area and the frame the page table maps it to.
    static func area(containing addr: UInt64, _ k: Kernel) -> String? {
        guard let i = k.vmalloc.index(containing: addr) else { return nil }
        let a = k.vmalloc.areas[i]
        let ps = UInt64(k.pageSize)
        var s = "vmalloc area \(Format.hex(a.start))-\(Format.hex(a.end - 1)): \(a.size) bytes = \(a.pages.count) page\(a.pages.count == 1 ? "" : "s") + \(a.guardPages) guard, \(purpose(a.purpose)), caller \(a.caller)\n"
        s += "  virtual address        pfn        phys               zone\n"
        var runs = 0, prev: Int32 = -2
        for (n, p) in a.pages.enumerated() {
            let va = a.start + UInt64(n) * ps
            let mark = addr >= va && addr < va + ps ? "*" : " "
            if p < 0, a.purpose == .ioremap {
                s += " \(mark)\(Format.hex(va)) → phys \(Format.hex(a.phys + UInt64(n) * ps))  (device memory: no struct page)\n"; prev = -2; continue
            }
            if p < 0 { s += " \(mark)\(Format.hex(va))  (not populated)\n"; prev = -2; continue }
            if p != prev + 1 { runs += 1 }
            prev = p
            let zone = k.zoneIndex(ofPFN: Int(p)).map { k.zones[$0].type.procName } ?? "?"
            s += " \(mark)\(Format.hex(va)) → " + Format.left(Format.hex(Int(p)), 9) + "  " + Format.left(Format.hex(k.physAddr(Int(p))), 17) + "  " + zone + "\n"
        }
        if a.guardPages > 0 {
            let va = a.start + UInt64(a.pages.count) * ps
            s += " \(addr >= va ? "*" : " ")\(Format.hex(va))  guard page (not mapped: an overrun faults here)\n"
        }
        if a.pageOrder > 0 {
            s += "huge mapping: \(a.pages.count >> a.pageOrder) order-\(a.pageOrder) chunks (split into single pages), one PMD entry each, no PTE table\n"
            s += pageTablesLine(a, k)
        } else if !a.pages.isEmpty {
            s += runs <= 1 ? "physically contiguous (by chance: each page was allocated on its own)\n"
                           : "physically scattered: \(runs) separate runs of frames behind one contiguous virtual range\n"
            s += pageTablesLine(a, k)
        }
        return s
    }

    /// The page tables the area's entries sit in (tables are shared with neighbouring areas and never freed).
    static func pageTablesLine(_ a: VMArea, _ k: Kernel) -> String {
        let spans = k.kernelPageTables(mapping: a.start, a.start + UInt64(a.pages.count * k.pageSize))
        guard !spans.isEmpty else { return "" }
        return "page tables: " + spans.map { "\($0.level == .pte ? "PTE" : "PMD") pfn \(Format.hex($0.pfn)) (\(Format.hex($0.start))-\(Format.hex($0.end)))" }
            .joined(separator: ", ") + "\n"
    }

    /// `vmarea` without an address: the range and how much of it is used.
    static func range(_ k: Kernel) -> String {
        let r = k.vmallocRange
        let used = k.vmalloc.areas.reduce(0) { $0 + $1.size }
        var s = "vmalloc range \(Format.hex(r.start))-\(Format.hex(r.end - 1)) (\(Format.bytes(r.end - r.start)))\n"
        s += "\(k.vmalloc.areas.count) areas, \(Format.bytes(UInt64(used))) reserved including guard pages\n"
        for a in k.vmalloc.areas {
            s += "  \(Format.hex(a.start)) \(Format.right(a.size, 8))  \(purpose(a.purpose))\n"
        }
        if !k.vmalloc.deferredFrees.isEmpty { s += "deferred vfree: " + k.vmalloc.deferredFrees.map { Format.hex($0) }.joined(separator: " ") + "\n" }
        return s
    }

    /// `kmem ADDR` for vmalloc addresses: which area, which page, which frame.
    @Sendable static func kmem(_ s: ShellSession, _ addr: UInt64) -> String? {
        let k = s.kernel
        guard k.isVmallocAddr(addr) else { return nil }
        guard let i = k.vmalloc.index(containing: addr) else {
            return "vmalloc address \(Format.hex(addr)): in the vmalloc range but in no area (not mapped)\n"
        }
        let a = k.vmalloc.areas[i]
        let n = Int((addr - a.start) / UInt64(k.pageSize))
        let off = (addr - a.start) % UInt64(k.pageSize)
        var t = "vmalloc address \(Format.hex(addr)): \(purpose(a.purpose)) at \(Format.hex(a.start)) (caller \(a.caller))\n"
        if n >= a.pages.count {
            return t + "  guard page after the area: not mapped, any access faults\n"
        }
        guard a.pages[n] >= 0 else { return t + "  page \(n): not populated yet\n" }
        let pfn = Int(a.pages[n])
        t += "  page \(n) of \(a.pages.count), offset \(Format.hex(off)) → pfn \(Format.hex(pfn)) phys \(Format.hex(k.physAddr(pfn) + off))\n"
        t += "  pfn \(Format.hex(pfn)): " + ValueView.blockSummary(pfn, k) + "\n"
        return t
    }
}

extension Kernel {
    /// What a 6.6 boot prints about memory, in the kernel's formats, from this machine's own boot: the firmware map,
    /// the zone ranges and holes (mm/mm_init.c), the per-CPU first chunk, the zonelists (mm/page_alloc.c), SLUB's
    /// line and the `Memory:` summary. Learners compare these first with their own machine's dmesg.
    mutating func logBootMemory() {
        var lines: [String] = []
        let shift = UInt64(arch.pageShift)
        func mem(_ start: UInt64, _ end: UInt64) -> String {
            "[mem \(Self.zeroPaddedHex(start, digits: 16))-\(Self.zeroPaddedHex(end - 1, digits: 16))]"
        }
        if arch.isPC {
            lines.append("BIOS-provided physical RAM map:")
            for r in ram { lines.append("BIOS-e820: \(mem(r.start, r.end)) usable") }
        }
        // free_area_init(): every zone but ZONE_MOVABLE, by name padded to 8.
        lines.append("Zone ranges:")
        for z in zones where z.type != .movable {
            let name = z.type.procName.padding(8)
            lines.append(z.spannedPages == 0 ? "  \(name) empty"
                         : "  \(name) \(mem(UInt64(z.startPFN) << shift, UInt64(z.endPFN) << shift))")
        }
        lines.append("Movable zone start for each node")
        lines.append("Early memory node ranges")
        for r in ram { lines.append("  node   0: \(mem(r.start, r.end))") }
        if let first = ram.first, let last = ram.last {
            lines.append("Initmem setup node 0 \(mem(first.start, last.end))")
        }
        lines += unavailableRangeLines()
        // setup_per_cpu_areas() → pcpu_embed_first_chunk() → pcpu_dump_alloc_info's summary line.
        let p = percpu
        if p.unitSize > 0 {
            lines.append("percpu: Embedded \(p.firstChunkSize / pageSize) pages/cpu s\(p.staticSize) r\(p.reservedSize) d\(p.dynamicSize) u\(p.unitSize)")
        }
        lines.append("Built 1 zonelists, mobility grouping on.  Total pages: \(bootTotalPages())")
        if arch.printsPolicyZone, let policy = zones.last(where: { $0.presentPages > 0 && $0.type <= .normal }) {
            lines.append("Policy zone: \(policy.type.procName)")
        }
        lines.append(memoryLine())
        if slab.kind == .slub {
            lines.append("SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=\(params.cpus), Nodes=1")
        }
        for l in lines {
            log.append(KernelReport(kind: .info(l), comm: "swapper/0", pid: 0, cpu: 0, taint: ""), at: 0)
        }
    }

    /// memmap_init(): the struct pages of holes inside a memory section are initialised as reserved, and each run is
    /// reported against the zone being walked (x86-64 rounds the end up to a 128 MiB section; FLATMEM does not).
    func unavailableRangeLines() -> [String] {
        let shift = UInt64(arch.pageShift)
        var out: [String] = []
        var hole = 0
        var lastZone: ZoneType?
        for r in ram {
            let lo = Int(r.start >> shift), hi = Int(r.end >> shift)
            for z in zones where z.presentPages > 0 {
                let a = min(max(lo, z.startPFN), z.endPFN), b = min(max(hi, z.startPFN), z.endPFN)
                guard a < b else { continue }
                if hole < a { out.append("On node 0, zone \(z.type.procName): \(a - hole) pages in unavailable ranges") }
                hole = b
                lastZone = z.type
            }
        }
        let sectionPages = arch.sectionPages
        let end = (Int((ram.last?.end ?? 0) >> shift) + sectionPages - 1) / sectionPages * sectionPages
        if let z = lastZone, hole < end { out.append("On node 0, zone \(z.procName): \(end - hole) pages in unavailable ranges") }
        return out
    }

    /// vm_total_pages as build_all_zonelists() prints it: each zone's early managed estimate (present pages minus
    /// its memmap, free_area_init_core) less x86-64's DMA reserve, summed over the zones GFP_HIGHUSER_MOVABLE reaches.
    func bootTotalPages() -> Int {
        var total = 0
        for (i, z) in zones.enumerated() where z.type != .device {
            var memmapPages = z.spannedPages
            if z.spannedPages > z.presentPages + (z.presentPages >> 4) && !arch.flatMem { memmapPages = z.presentPages }
            memmapPages = (memmapPages * arch.structPageSize + pageSize - 1) / pageSize
            var free = z.presentPages >= memmapPages ? z.presentPages - memmapPages : z.presentPages
            // memblock_find_dma_reserve() (x86-64): pages of the first 16 MiB that memblock kept.
            if i == 0, arch.subtractsDMAReserve {
                let reserved = (z.startPFN..<z.endPFN).reduce(0) { $0 + (frames[$1].state == .reserved ? 1 : 0) }
                if free > reserved { free -= reserved }
            }
            total += free
        }
        return total
    }

    /// mem_init_print_info(): free pages after memblock_free_all() over present pages, the image's sections, and
    /// what boot kept (present − managed). kmemsim initialises every struct page at boot (no deferred init), so the
    /// first number is all of free memory.
    func memoryLine() -> String {
        let k = pageSize / 1024
        let present = zones.reduce(0) { $0 + $1.presentPages }
        let managed = zones.reduce(0) { $0 + $1.managedPages }
        let free = zones.indices.reduce(0) { $0 + nrFreePages(zone: $1) }
        let s = arch.kernelSections
        let reserved = (present - managed) * k
        return "Memory: \(free * k)K/\(present * k)K available (\(s.code)K kernel code, \(s.rwdata)K rwdata, \(s.rodata)K rodata, \(s.initSize)K init, \(s.bss)K bss, \(reserved)K reserved, 0K cma-reserved)"
    }

    /// "0x" and `digits` hex digits, zero-padded: the kernel's %#010x (preempt_count), %#018Lx (memory ranges).
    static func zeroPaddedHex(_ v: UInt64, digits: Int) -> String {
        let h = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}

extension String {
    /// Left-aligned in `n` columns (the kernel's %-Ns).
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

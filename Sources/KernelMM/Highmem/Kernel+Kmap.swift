/// Permanent high-memory mappings: kmap() and kunmap() (include/linux/highmem-internal.h, mm/highmem.c). A
/// HIGHMEM page has no address in the direct map; kmap() gives it one of LAST_PKMAP entries in the PKMAP area and
/// counts its users, kunmap() drops one, and a freed entry keeps its PTE until the search for a free entry wraps
/// and flush_all_zero_pkmaps() clears every unused one at once (one TLB flush for many unmaps).
extension Kernel {
    /// kmap(page): might_sleep(), then page_address() for a lowmem page, kmap_high() for a HIGHMEM one.
    public mutating func kmap(_ pfn: Int, caller: String = "kmap") -> KmapOutcome {
        clock.tick()
        mightSleep(file: "include/linux/highmem-internal.h", line: highmem.configured ? 44 : 169, caller: caller, why: .kmap("kmap"))
        guard highmem.configured, isHighmem(pfn) else { return directMapped(pfn) }
        // kmap_high(): the page's current entry, or map_new_virtual().
        var h = highmem
        let nr: Int
        let from = h.lastPkmapNr, flushesBefore = h.flushes, inUseBefore = h.pkmapEntriesInUse
        var isNew = false
        if let e = h.pkmapEntry(of: pfn) {
            nr = e
        } else {
            isNew = true
            guard let e = Self.mapNewVirtual(&h, pfn: pfn) else {
                // It would sleep on pkmap_map_wait until someone's kunmap(): nobody else runs here.
                report(.kmemsimOnly, callTrace: ["kmap_high", caller], note: .highmem(.pkmapExhausted(entries: HighmemState.lastPkmap)))
                return .refused
            }
            nr = e
        }
        h.pkmapCount[nr] += 1
        h.recount()
        highmem = h
        if explainEnabled {
            let users = Int(h.pkmapCount[nr]) - 1
            // A wrap cleared what was in use before, less what is in use now besides the new entry.
            let flushed = h.flushes > flushesBefore ? inUseBefore - (h.pkmapEntriesInUse - 1) : nil
            explain(.kmalloc(isNew ? .kmapNewEntry(from: from, entry: nr, flushed: flushed) : .kmapReusedEntry(entry: nr, users: users)))
        }
        return .mapped(address: HighmemState.pkmapAddress(nr), how: .pkmap(entry: nr, users: Int(h.pkmapCount[nr]) - 1))
    }

    /// map_new_virtual(): the next free entry after last_pkmap_nr; wrapping to entry 0 first flushes every
    /// unused entry. nil when all LAST_PKMAP entries are held (the kernel would sleep).
    static func mapNewVirtual(_ h: inout HighmemState, pfn: Int) -> Int? {
        var count = HighmemState.lastPkmap
        while true {
            h.lastPkmapNr = (h.lastPkmapNr + 1) & (HighmemState.lastPkmap - 1)
            if h.lastPkmapNr == 0 {
                flushAllZeroPkmaps(&h)
                count = HighmemState.lastPkmap
            }
            if h.pkmapCount[h.lastPkmapNr] == 0 { break }
            count -= 1
            if count == 0 { return nil }
        }
        let nr = h.lastPkmapNr
        h.pkmapPage[nr] = Int32(truncatingIfNeeded: pfn)
        h.pkmapCount[nr] = 1
        return nr
    }

    /// flush_all_zero_pkmaps(): entries with count 1 (mapped, unused) lose their PTE and their page its address.
    static func flushAllZeroPkmaps(_ h: inout HighmemState) {
        for i in h.pkmapCount.indices where h.pkmapCount[i] == 1 {
            h.pkmapCount[i] = 0
            h.pkmapPage[i] = -1
        }
        h.flushes += 1
    }

    /// kmap_flush_unused(): flush_all_zero_pkmaps() under kmap_lock. Returns how many entries it cleared.
    public mutating func kmapFlushUnused() -> Int {
        clock.tick()
        guard highmem.configured else { return 0 }
        let before = highmem.pkmapEntriesInUse
        Self.flushAllZeroPkmaps(&highmem)
        return before - highmem.pkmapEntriesInUse
    }

    /// kunmap(page): might_sleep() and kunmap_high() for a HIGHMEM page; nothing for a lowmem one.
    public mutating func kunmap(_ pfn: Int, caller: String = "kunmap") -> KmapOutcome {
        clock.tick()
        guard highmem.configured else { return .unmapped(how: .directMap) }
        mightSleep(file: "include/linux/highmem-internal.h", line: 55, caller: caller, why: .kmap("kunmap"))
        guard isHighmem(pfn) else { return .unmapped(how: .directMap) }
        guard let nr = highmem.pkmapEntry(of: pfn) else {
            let slot = highmem.local[curCPU.currentPID]?.lastIndex(of: Int32(truncatingIfNeeded: pfn))
            report(.kernelBug(file: "mm/highmem.c", line: 359, function: "kunmap_high"), taint: "D",
                   callTrace: ["kunmap_high", caller], note: .highmem(.kunmapNotMapped(pfn: pfn, localSlot: slot)))
            return .refused
        }
        // "A count must never go down to zero without a TLB flush!"
        guard highmem.pkmapCount[nr] > 1 else {
            report(.kernelBug(file: "mm/highmem.c", line: 369, function: "kunmap_high"), taint: "D",
                   callTrace: ["kunmap_high", caller], note: .highmem(.kunmapTooOften(pfn: pfn, entry: nr)))
            return .refused
        }
        highmem.pkmapCount[nr] -= 1
        highmem.recount()
        if explainEnabled { explain(.kmalloc(.kunmapEntry(entry: nr, users: Int(highmem.pkmapCount[nr]) - 1))) }
        return .unmapped(how: .pkmap(entry: nr, users: Int(highmem.pkmapCount[nr]) - 1))
    }

    /// A lowmem page's answer: its direct-map address, nothing mapped.
    mutating func directMapped(_ pfn: Int) -> KmapOutcome {
        let address = arch.pageOffset &+ physAddr(pfn)
        if explainEnabled { explain(.kmalloc(.kmapLowmem(pfn: pfn, address: address))) }
        return .mapped(address: address, how: .directMap)
    }

    /// PKMAP_ADDR(0)…PKMAP_ADDR(LAST_PKMAP) when the kernel has HIGHMEM.
    public var pkmapRange: Range<UInt64>? {
        highmem.configured ? HighmemState.pkmapAddress(0)..<HighmemState.pkmapAddress(HighmemState.lastPkmap) : nil
    }

    /// What a kmap address maps: the pkmap entry or the (task, slot) of a temporary mapping, for `kmem` and kmap_to_page().
    public func kmapTarget(_ addr: UInt64) -> KmapTarget? {
        guard highmem.configured else { return nil }
        let page = addr & ~UInt64(pageSize - 1)
        if let r = pkmapRange, r.contains(addr) {
            let nr = Int((page - r.lowerBound) >> UInt64(arch.pageShift))
            let pfn = highmem.pkmapPage[nr]
            return .pkmap(entry: nr, pfn: pfn < 0 ? nil : Int(pfn), count: Int(highmem.pkmapCount[nr]))
        }
        guard HighmemState.localRange(nrCPUs: arch.nrCPUs).contains(page) else { return nil }
        let idx = Int((HighmemState.localAddress(slot: 0, cpu: 0) - page) >> UInt64(arch.pageShift))
        let cpu = idx / HighmemState.kmMaxIdx, slot = idx % HighmemState.kmMaxIdx
        // The slot maps a page of the task running on that CPU (another task's slots are cleared while it is
        // switched out, __kmap_local_sched_out()).
        let pid = cpu < cpus.count ? cpus[cpu].currentPID : 0
        let stack = highmem.local[pid] ?? []
        return .local(cpu: cpu, slot: slot, pid: slot < stack.count && pid != 0 ? pid : nil,
                      pfn: slot < stack.count && pid != 0 ? Int(stack[slot]) : nil)
    }
}

/// What lies behind an address in the PKMAP area or the kmap_local fixmap slots.
public enum KmapTarget: Sendable, Equatable {
    /// Entry `entry` of the pkmap table, mapping `pfn` (nil: no PTE), with pkmap_count `count`.
    case pkmap(entry: Int, pfn: Int?, count: Int)
    /// Slot `slot` of `cpu`'s kmap_local fixmap pages, mapping `pfn` for task `pid` (nil: empty).
    case local(cpu: Int, slot: Int, pid: Int?, pfn: Int?)

    /// The frame mapped there, nil when nothing is.
    public var pfn: Int? {
        switch self {
        case .pkmap(_, let pfn, _), .local(_, _, _, let pfn): pfn
        }
    }
}

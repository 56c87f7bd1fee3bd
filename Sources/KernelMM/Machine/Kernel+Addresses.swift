extension Kernel {
    /// Physical address of a frame.
    public func physAddr(_ pfn: Int) -> UInt64 { UInt64(pfn) << UInt64(arch.pageShift) }

    /// One past the last frame of the direct map: all RAM on 64-bit, the lowmem limit on i386 (high_memory).
    public var directMapEndPFN: Int {
        arch.lowmemLimit.map { min(frames.count, Int($0 >> UInt64(arch.pageShift))) } ?? frames.count
    }

    /// VMALLOC_START…VMALLOC_END as booted: on i386 VMALLOC_START is VMALLOC_OFFSET past high_memory, so a machine
    /// with less RAM than lowmem can hold has a larger vmalloc area (pgtable_32_areas.h).
    public var vmallocRange: (start: UInt64, end: UInt64) {
        let r = arch.vmallocRange
        guard arch.vmallocStartFollowsLowmem else { return r }
        return (arch.pageOffset + physAddr(directMapEndPFN) + Architecture.i386VmallocOffset, r.end)
    }

    /// page_address(): the kernel virtual address of a low-memory frame; HIGHMEM frames have none (nil) until
    /// kmap() maps them, and then the pkmap entry's (set_page_address()). Temporary mappings do not count.
    public func pageAddress(_ pfn: Int) -> UInt64? {
        guard pfn >= 0, pfn < directMapEndPFN else {
            return highmem.pkmapEntry(of: pfn).map { HighmemState.pkmapAddress($0) }
        }
        return arch.pageOffset &+ physAddr(pfn)
    }

    /// virt_addr_valid() + virt_to_page(): the frame behind a direct-map address, or nil when the address is not in
    /// the direct map or not RAM.
    public func directMapPFN(_ addr: UInt64) -> Int? {
        guard addr >= arch.pageOffset else { return nil }
        let off = addr &- arch.pageOffset
        let pfn = off >> UInt64(arch.pageShift)
        guard pfn < UInt64(directMapEndPFN), frames[Int(pfn)].state != .absent else { return nil }
        return Int(pfn)
    }

    /// The frame whose struct page lives at `addr` (pfn_to_page inverse), for page pointers typed by learners.
    public func pfnOfStructPage(_ addr: UInt64) -> Int? {
        let base = structPageAddress(0)
        guard addr >= base else { return nil }
        let off = addr - base
        guard off % UInt64(arch.structPageSize) == 0 else { return nil }
        let pfn = off / UInt64(arch.structPageSize)
        return pfn < UInt64(frames.count) ? Int(pfn) : nil
    }

    public func isHighmem(_ pfn: Int) -> Bool {
        guard let z = zoneIndex(ofPFN: pfn) else { return false }
        return zones[z].isHighmem
    }
}

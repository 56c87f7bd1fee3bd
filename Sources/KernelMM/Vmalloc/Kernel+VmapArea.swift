extension Kernel {
    /// mm/vmalloc.c alloc_vmap_area(): the lowest address in [start, end) where `size` bytes fit at `align`,
    /// first fit over the busy areas in address order (the kernel finds the same lowest fit through its
    /// augmented free tree). nil when the range is exhausted.
    func findVmapGap(size: UInt64, align: UInt64, start: UInt64, end: UInt64) -> UInt64? {
        func alignUp(_ v: UInt64) -> UInt64? {
            let (s, o) = v.addingReportingOverflow(align - 1)
            return o ? nil : s & ~(align - 1)
        }
        guard var cursor = alignUp(start) else { return nil }
        // Live areas and lazily freed ranges both occupy the space; walk them together in address order.
        var i = 0, j = 0
        let areas = vmalloc.areas, lazy = vmalloc.purgeList
        while i < areas.count || j < lazy.count {
            let (s, e): (UInt64, UInt64)
            if j >= lazy.count || (i < areas.count && areas[i].start < lazy[j].start) {
                (s, e) = (areas[i].start, areas[i].end); i += 1
            } else {
                (s, e) = (lazy[j].start, lazy[j].end); j += 1
            }
            guard e > cursor else { continue }
            if s >= cursor, s - cursor >= size { break }
            guard let next = alignUp(max(cursor, e)) else { return nil }
            cursor = next
        }
        guard cursor < end, end - cursor >= size else { return nil }
        return cursor
    }

    /// lazy_max_pages(): fls(num_online_cpus()) × 32 MiB of pages.
    var lazyMaxPages: Int { (Int.bitWidth - params.cpus.leadingZeroBitCount) * ((32 << 20) / pageSize) }

    /// free_vmap_area_noflush(): the unmapped range joins the purge list, merged with a neighbour it touches
    /// (merge_or_add_vmap_area(), mm/vmalloc.c:1833 at 5fda8f9c7f90: /proc/vmallocinfo lists the merged ranges); past
    /// lazy_max_pages the drain work purges the whole list (it runs as soon as the CPU is free; kmemsim runs it at once).
    mutating func lazyFreeVmapRange(_ r: VMRange) {
        let i = vmalloc.purgeList.firstIndex { $0.start > r.start } ?? vmalloc.purgeList.count
        // __merge_or_add_vmap_area(): the next range first (it starts where this one ends), then the previous.
        if i < vmalloc.purgeList.count, vmalloc.purgeList[i].start == r.end {
            vmalloc.purgeList[i].start = r.start
            vmalloc.purgeList[i].size += r.size
        } else {
            vmalloc.purgeList.insert(r, at: i)
        }
        if i > 0, vmalloc.purgeList[i - 1].end == vmalloc.purgeList[i].start {
            vmalloc.purgeList[i - 1].size += vmalloc.purgeList[i].size
            vmalloc.purgeList.remove(at: i)
        }
        vmalloc.lazyPages += r.size / pageSize
        if vmalloc.lazyPages > lazyMaxPages { purgeVmapAreaLazy() }
    }

    /// __purge_vmap_area_lazy(): the lazily freed ranges go back to the free space.
    mutating func purgeVmapAreaLazy() {
        vmalloc.purgeList.removeAll()
        vmalloc.lazyPages = 0
    }

    /// Inserts an area keeping address order.
    mutating func insertVmapArea(_ area: VMArea) {
        let i = vmalloc.areas.firstIndex { $0.start > area.start } ?? vmalloc.areas.count
        vmalloc.areas.insert(area, at: i)
    }

    mutating func newVmapAreaID() -> UInt32 {
        defer { vmalloc.nextID &+= 1 }
        return vmalloc.nextID
    }

    /// ioremap() / memremap() at boot: `pages` pages of device or firmware memory at `phys` (VM_IOREMAP, aligned to
    /// its size's power of two as __get_vm_area_node() does for VM_IOREMAP), with a guard page.
    @discardableResult
    mutating func ioremap(phys: UInt64, pages: Int, caller: String) -> VMArea? {
        let align = pageSize << max(0, (pages * pageSize).trailingZeroBitCount - arch.pageShift)
        return mapArea(Array(repeating: -1, count: pages), flags: .ioremap, phys: phys, caller: caller, purpose: .ioremap, align: align)
    }

    /// vmap(): maps existing frames (not allocated here) into vmalloc space with a guard page after them.
    mutating func vmap(_ pfns: [Int32], caller: String, purpose: VMAreaPurpose, align: Int? = nil) -> VMArea? {
        mapArea(pfns, flags: .map, phys: 0, caller: caller, purpose: purpose, align: align ?? pageSize)
    }

    /// What vmap() and ioremap() share: a first-fit range with a guard page, the page tables to map it, the area.
    private mutating func mapArea(_ pages: [Int32], flags: VMFlags, phys: UInt64, caller: String, purpose: VMAreaPurpose,
                                  align: Int) -> VMArea? {
        let r = vmallocRange
        let bytes = UInt64(pages.count + 1) * UInt64(pageSize)
        guard let at = findVmapGap(size: bytes, align: UInt64(align), start: r.start, end: r.end),
              populateKernelPageTables(start: at, pages: pages.count) else { return nil }
        var area = VMArea(id: newVmapAreaID(), start: at, size: Int(bytes), flags: flags, pages: pages, nrPages: 0,
                          caller: caller, requested: pages.count * pageSize, purpose: purpose)
        area.phys = phys
        insertVmapArea(area)
        return area
    }
}

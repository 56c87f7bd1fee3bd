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
        for a in vmalloc.areas where a.end > cursor {
            if a.start >= cursor, a.start - cursor >= size { break }
            guard let next = alignUp(max(cursor, a.end)) else { return nil }
            cursor = next
        }
        guard cursor < end, end - cursor >= size else { return nil }
        return cursor
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

    /// vmap(): maps existing frames (not allocated here) into vmalloc space with a guard page after them.
    mutating func vmap(_ pfns: [Int32], caller: String, purpose: VMAreaPurpose, align: Int? = nil) -> VMArea? {
        let r = arch.vmallocRange
        let bytes = UInt64(pfns.count + 1) * UInt64(pageSize)
        guard let at = findVmapGap(size: bytes, align: UInt64(align ?? pageSize), start: r.start, end: r.end) else { return nil }
        let area = VMArea(id: newVmapAreaID(), start: at, size: Int(bytes), flags: .map, pages: pfns, nrPages: 0,
                          caller: caller, requested: pfns.count * pageSize, purpose: purpose)
        insertVmapArea(area)
        return area
    }
}

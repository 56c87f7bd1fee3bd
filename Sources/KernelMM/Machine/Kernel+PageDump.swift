extension Kernel {
    /// PG_* bit numbers of include/linux/page-flags.h (6.6, x86-64) for the flags kmemsim models.
    static let pgHead = 6, pgSlab = 11, pgReserved = 14

    /// page->flags as the kernel would hold it: page flag bits low, then (64-bit) last_cpupid at bit 30 and the zone
    /// at bit 51; (32-bit FLATMEM) the zone in the top two bits.
    public func pageFlagsWord(_ pfn: Int) -> UInt64 {
        let f = frames[pfn]
        var w: UInt64 = 0
        if f.flags.contains(.head) { w |= 1 << UInt64(Self.pgHead) }
        if f.owner == .slab && f.state == .allocated { w |= 1 << UInt64(Self.pgSlab) }
        if f.state == .reserved { w |= 1 << UInt64(Self.pgReserved) }
        let z = UInt64(zoneIndex(ofPFN: pfn) ?? 0)
        if arch.is64Bit {
            w |= (z << 51) | (0x1f_ffff << 30)
        } else {
            w |= z << 30
        }
        return w
    }

    public func pageFlagNames(_ pfn: Int) -> [String] {
        let f = frames[pfn]
        var n: [String] = []
        if f.flags.contains(.head) { n.append("head") }
        if f.owner == .slab && f.state == .allocated { n.append("slab") }
        if f.state == .reserved { n.append("reserved") }
        let z = zoneIndex(ofPFN: pfn) ?? 0
        if arch.is64Bit {
            n.append("node=0")
            n.append("zone=\(z)")
            n.append("lastcpupid=0x1fffff")
        } else {
            n.append("zone=\(z)")
        }
        return n
    }

    /// The reference count the kernel would show: 1 for an allocated head or a reserved page, 0 otherwise.
    public func refcount(_ pfn: Int) -> Int {
        switch frames[pfn].state {
        case .allocated, .reserved: 1
        default: 0
        }
    }

    /// dump_page()'s view of a frame.
    public func pageDump(_ pfn: Int) -> PageDump {
        let f = frames[pfn]
        let head: Int? = f.flags.contains(.compoundTail) ? Int(f.tag) : nil
        return PageDump(pfn: pfn, structPageAddress: structPageAddress(pfn), refcount: refcount(pfn), mapcount: 0,
                        pageType: f.state == .buddy ? 0xffff_ff7f : (f.state == .allocated && f.owner == .pageTable && f.tag == UInt32(KernelPageTables.Level.pmd.rawValue) ? 0xffff_fdff : nil), flags: pageFlagsWord(pfn),
                        flagNames: pageFlagNames(pfn), zoneIndex: zoneIndex(ofPFN: pfn) ?? 0, compoundHead: head,
                        order: (f.state == .buddy || f.state == .allocated || f.state == .pcp) ? Int(f.order) : nil)
    }
}

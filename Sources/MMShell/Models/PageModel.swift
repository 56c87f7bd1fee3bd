import KernelMM

/// Where a frame sits among the blocks of the buddy allocator: what `page`, `kmem` and a page value's summary say
/// ("order-3 block, zone Normal", "page 2 of the order-3 block at 0x1000"). Frames inside a block are tails; only the
/// head carries the state (Kernel.allocatedBlock(containing:), freeBlock(containing:)).
enum PageBlock: Sendable, Equatable {
    case allocated(order: Int, zone: String?, compoundHead: Bool)
    case free(order: Int, zone: String?)
    case pcp(zone: String?)
    case reserved(zone: String?)
    case absent
    /// A tail page of an allocated block: its index in the block.
    case inAllocated(index: Int, order: Int, head: Int, zone: String?)
    case inFree(order: Int, head: Int, zone: String?)
    /// A tail page in no block (a leaked tail, or mid-split).
    case tail(zone: String?)

    init(_ pfn: Int, _ k: borrowing Kernel) {
        // Borrowed: an initializer owns its arguments, so its caller copied the kernel to pass it. Not
        // `.map { k.zones[$0]… }`: a closure that captures the kernel copies the whole value (every result line of an
        // allocation asks this).
        var zone: String?
        if let z = k.zoneIndex(ofPFN: pfn) { zone = k.zones[z].type.procName }
        let f = k.frames[pfn]
        switch f.state {
        case .allocated: self = .allocated(order: Int(f.order), zone: zone, compoundHead: f.flags.contains(.head))
        case .buddy: self = .free(order: Int(f.order), zone: zone)
        case .pcp: self = .pcp(zone: zone)
        case .reserved: self = .reserved(zone: zone)
        case .absent: self = .absent
        case .tail:
            if let b = k.allocatedBlock(containing: pfn) { self = .inAllocated(index: pfn - b.head, order: b.order, head: b.head, zone: zone) }
            else if let b = k.freeBlock(containing: pfn) { self = .inFree(order: b.order, head: b.head, zone: zone) }
            else { self = .tail(zone: zone) }
        }
    }
}

/// `page PFN` as data: the struct page as dump_page() shows it, then what kmemsim knows about the frame (address,
/// zone, block, owner, migrate types, page-table use). The text and `--json` read it.
struct PageModel: Sendable, Equatable {
    struct PageTableUse: Sendable, Equatable {
        var pte: Bool
        var start: UInt64, end: UInt64
    }

    var dump: PageDump
    /// dump_page()'s lines: the kernel's own text, rendered from `dump` (ReportRenderer.pageDumpLines).
    var dumpLines: [String]
    var pfn: Int
    var phys: UInt64
    var zone: String?
    var state: FrameState
    var block: PageBlock
    /// Who holds it, when allocated.
    var owner: FrameOwner?
    /// page_address(): the direct-map address, or a HIGHMEM page's pkmap address while kmap() maps it (nil otherwise).
    var virtual: UInt64?
    /// The pkmap entry behind `virtual` for a kmap()ped HIGHMEM page.
    var pkmapEntry: Int?
    /// The frame's migrate type and its pageblock's (for frames in the allocator).
    var migratetype: String?, pageblock: String?
    var zeroed: Bool
    /// The frame is a page table of init_mm, mapping this range.
    var pageTable: PageTableUse?

    init(_ pfn: Int, kernel k: Kernel) {
        dump = k.pageDump(pfn)
        dumpLines = ReportRenderer.pageDumpLines(dump, kernel: k)
        self.pfn = pfn
        phys = k.physAddr(pfn)
        let zi = k.zoneIndex(ofPFN: pfn)
        zone = zi.map { k.zones[$0].type.procName }
        let f = k.frames[pfn]
        state = f.state
        block = PageBlock(pfn, k)
        owner = f.state == .allocated ? f.owner : nil
        virtual = k.pageAddress(pfn)
        pkmapEntry = k.highmem.pkmapEntry(of: pfn)
        if f.state == .allocated || f.state == .buddy || f.state == .pcp {
            migratetype = MigrateType(rawValue: Int(f.migratetype))?.procName ?? "?"
            pageblock = zi.map { k.pageblockMigratetype(pfn, zone: $0).procName } ?? "?"
        }
        zeroed = f.flags.contains(.zeroed)
        if let t = k.kernelPageTable(atPFN: pfn), let shift = k.arch.pageTableShift(t.level) {
            pageTable = PageTableUse(pte: t.level == .pte, start: t.index << UInt64(shift), end: (t.index + 1) << UInt64(shift))
        }
    }
}

import KernelMM

/// /proc/vmallocinfo as data (mm/vmalloc.c s_show(), show_numa_info(), show_purge_info()): the file's text and
/// `--json` read it.
struct VmallocInfoModel: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var start: UInt64, end: UInt64, size: Int
        var caller: String
        var nrPages: Int
        /// vm->phys_addr of an ioremap() area, 0 otherwise.
        var phys: UInt64
        /// The VM_* words s_show() prints, in its order ("ioremap", "vmalloc", "vmap", "user", "vpages").
        var flags: [String]
        /// show_numa_info(): pages on node 0 (nil without CONFIG_NUMA or for an area with no pages).
        var node0: Int?
    }

    /// %pK width: 16 hex digits on a 64-bit kernel, 8 on i386.
    var digits: Int
    /// The busy areas in address order.
    var areas: [Row]
    /// Ranges vfree() unmapped but has not purged yet ("unpurged vm_area").
    var unpurged: [VMRange]

    init(_ k: Kernel) {
        digits = k.arch.is64Bit ? 16 : 8
        let numa = k.config.numa
        areas = k.vmalloc.areas.map { a in
            var flags: [String] = []
            if a.flags.contains(.ioremap) { flags.append("ioremap") }
            if a.flags.contains(.alloc) { flags.append("vmalloc") }
            if a.flags.contains(.map) { flags.append("vmap") }
            if a.flags.contains(.usermap) { flags.append("user") }
            if a.pagesArray != nil { flags.append("vpages") }
            return Row(start: a.start, end: a.end, size: a.size, caller: a.caller, nrPages: a.nrPages, phys: a.phys,
                       flags: flags, node0: numa && a.nrPages > 0 ? a.nrPages : nil)
        }
        unpurged = k.vmalloc.purgeList
    }
}

/// `vmarea` (the whole range) and `vmarea ADDR` (one area, page by page) as data; the text and `--json` read it.
struct VmAreaModel: Sendable, Equatable {
    /// One virtual page of the area and what backs it.
    struct Page: Sendable, Equatable {
        enum Backing: Sendable, Equatable {
            /// A frame of RAM: its PFN, physical address and zone.
            case frame(pfn: Int, phys: UInt64, zone: String?)
            /// ioremap(): device memory, no struct page.
            case device(phys: UInt64)
            case notPopulated
        }
        var address: UInt64
        var backing: Backing
        /// The address asked about is in this page.
        var marked: Bool
    }

    struct PageTable: Sendable, Equatable {
        var pte: Bool
        var pfn: Int, start: UInt64, end: UInt64
    }

    var start: UInt64, end: UInt64, size: Int
    var purpose: VMAreaPurpose
    var caller: String
    var nrPages: Int
    var pages: [Page]
    var guardPages: Int
    /// The guard page's address and whether the asked address is in it.
    var guardAddress: UInt64, guardMarked: Bool
    /// vm_area_page_order(): 0, or 9 for a huge (PMD-mapped) area.
    var pageOrder: Int
    /// Runs of consecutive frames behind the area (1: physically contiguous).
    var runs: Int
    var pageTables: [PageTable]

    init?(containing addr: UInt64, _ k: Kernel) {
        guard let i = k.vmalloc.index(containing: addr) else { return nil }
        self.init(k.vmalloc.areas[i], marking: addr, k)
    }

    init(_ a: VMArea, marking addr: UInt64? = nil, _ k: Kernel) {
        let ps = UInt64(k.pageSize)
        start = a.start
        end = a.end
        size = a.size
        purpose = a.purpose
        caller = a.caller
        nrPages = a.nrPages
        guardPages = a.guardPages
        pageOrder = a.pageOrder
        var runs = 0, prev: Int32 = -2
        pages = a.pages.enumerated().map { n, p in
            let va = a.start + UInt64(n) * ps
            let marked = addr.map { $0 >= va && $0 < va + ps } ?? false
            if p < 0 {
                prev = -2
                return Page(address: va, backing: a.purpose == .ioremap ? .device(phys: a.phys + UInt64(n) * ps) : .notPopulated, marked: marked)
            }
            if p != prev + 1 { runs += 1 }
            prev = p
            return Page(address: va, backing: .frame(pfn: Int(p), phys: k.physAddr(Int(p)), zone: k.zoneIndex(ofPFN: Int(p)).map { k.zones[$0].type.procName }),
                        marked: marked)
        }
        self.runs = runs
        guardAddress = a.start + UInt64(a.pages.count) * ps
        guardMarked = addr.map { $0 >= a.start + UInt64(a.pages.count) * ps } ?? false
        pageTables = k.kernelPageTables(mapping: a.start, a.start + UInt64(a.pages.count * k.pageSize))
            .map { PageTable(pte: $0.level == .pte, pfn: $0.pfn, start: $0.start, end: $0.end) }
    }

    /// PFNs of the backing pages in order, -1 where nothing is mapped (the JSON's "pfns").
    var pfns: [Int] {
        pages.map { if case .frame(let pfn, _, _) = $0.backing { pfn } else { -1 } }
    }
}

/// `vmarea` without an address: the vmalloc range and every area in it.
struct VmallocRangeModel: Sendable, Equatable {
    struct Area: Sendable, Equatable {
        var start: UInt64, size: Int
        var purpose: VMAreaPurpose
    }
    var start: UInt64, end: UInt64
    var areas: [Area]
    /// Bytes reserved by the areas, guard pages included.
    var used: Int
    /// Addresses vfree()d in interrupt context, not yet freed.
    var deferredFrees: [UInt64]

    init(_ k: Kernel) {
        let r = k.vmallocRange
        start = r.start
        end = r.end
        areas = k.vmalloc.areas.map { Area(start: $0.start, size: $0.size, purpose: $0.purpose) }
        used = areas.reduce(0) { $0 + $1.size }
        deferredFrees = k.vmalloc.deferredFrees
    }
}

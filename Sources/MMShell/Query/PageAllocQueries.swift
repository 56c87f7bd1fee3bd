import KernelMM

/// The page allocator's part of the query language: zones and their free areas, struct pages, /proc/meminfo,
/// /proc/vmstat, /proc/buddyinfo and the machine's constants.
enum PageAllocQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("zone", usage: "zone(NAME)", arity: 1, "a zone by its /proc name: zone(\"Normal\"), zone(\"DMA32\")") { c, a throws(QueryError) in
            try zoneObject(a[0], c.kernel)
        },
        QueryRoot("zones", usage: "zones", "every configured zone, lowest first (populated or not)") { c, _ throws(QueryError) in
            .list(c.kernel.zones.indices.map { zoneHandle($0, c.kernel) })
        },
        QueryRoot("page", usage: "page(PFN)", arity: 1, "a struct page by PFN (or $p, or a struct page / direct-map address)") { c, a throws(QueryError) in
            try pageRoot(a[0], c.kernel)
        },
        QueryRoot("meminfo", usage: "meminfo", "/proc/meminfo: meminfo.MemFree is the number the file shows (kB)") { _, _ throws(QueryError) in
            .object(QueryObject(type: "meminfo", key: .none, display: "meminfo"))
        },
        QueryRoot("vmstat", usage: "vmstat", "/proc/vmstat: vmstat.pgalloc_normal and every other counter by its name") { _, _ throws(QueryError) in
            .object(QueryObject(type: "vmstat", key: .none, display: "vmstat"))
        },
        QueryRoot("buddyinfo", usage: "buddyinfo", "/proc/buddyinfo: buddyinfo.Normal is the zone's row (free blocks per order)") { _, _ throws(QueryError) in
            .object(QueryObject(type: "buddyinfo", key: .none, display: "buddyinfo"))
        },
        QueryRoot("kernel", usage: "kernel", "the machine and the kernel's constants: kernel.page_size, kernel.max_order…") { _, _ throws(QueryError) in
            .object(QueryObject(type: "kernel", key: .none, display: "kernel"))
        },
    ]

    static let types: [QueryType] = [zoneType, pageType, kernelType, meminfoType, vmstatType, buddyinfoType]

    // MARK: zone

    static func zoneHandle(_ i: Int, _ k: Kernel) -> QueryValue {
        .object(QueryObject(type: "zone", key: .int(i), display: "zone(\"\(k.zones[i].type.procName)\")"))
    }

    static func zoneObject(_ v: QueryValue, _ k: Kernel) throws(QueryError) -> QueryValue {
        let names = k.zones.map(\.type.procName).joined(separator: ", ")
        switch v {
        case .string(let s):
            guard let t = ZoneType.named(s), let i = k.zoneIndex(of: t) else {
                throw QueryError(.queryNoZone(s, arch: k.arch.rawValue, zones: names), column: 0)
            }
            return zoneHandle(i, k)
        case .object(let o) where o.type == "zone":
            return v
        default:
            throw QueryError(.queryZoneTakesName(names), column: 0)
        }
    }

    static func zone(_ c: QueryContext, _ o: QueryObject) throws(QueryError) -> Zone {
        guard let i = o.intKey, i >= 0, i < c.kernel.zones.count else { throw QueryError(.queryZoneGone, column: 0) }
        return c.kernel.zones[i]
    }

    static func order(_ v: QueryValue, _ k: Kernel) throws(QueryError) -> Int {
        guard case .int(let o) = v else { throw QueryError(.queryOrderNotNumber(v), column: 0) }
        guard o >= 0, o <= k.maxOrder else { throw QueryError(.queryOrderRange(o, max: k.maxOrder), column: 0) }
        return o
    }

    static func migratetype(_ v: QueryValue) throws(QueryError) -> MigrateType {
        let names = MigrateType.allCases.map(\.procName).joined(separator: ", ")
        guard case .string(let s) = v else { throw QueryError(.queryMigrateTypeInQuotes(names), column: 0) }
        let key = s.lowercased().replacingPrefix("migrate_")
        guard let mt = MigrateType.allCases.first(where: { $0.procName.lowercased() == key }) else {
            throw QueryError(.queryNoMigrateType(s, types: names), column: 0)
        }
        return mt
    }

    static func zf(_ name: String, _ summary: String, _ f: @escaping @Sendable (Zone, Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in f(try zone(c, o), c.kernel) }
    }

    static let zoneType = QueryType("zone", "struct zone (include/linux/mmzone.h)", fields: [
        zf("name", "the /proc name (\"Normal\")") { z, _ in .string(z.type.procName) },
        zf("index", "zone_idx(): position among the configured zones") { z, _ in .int(z.index) },
        QueryField("free", "NR_FREE_PAGES: pages on the buddy free lists (pcp pages not counted)",
                   get: { c, o throws(QueryError) in .int(c.kernel.nrFreePages(zone: try zone(c, o).index)) },
                   index: "free[ORDER]: free_area[ORDER].nr_free, blocks (not pages) on the order's lists, as /proc/buddyinfo") { c, o, i throws(QueryError) in
            let z = try zone(c, o)
            return .int(c.kernel.freeLists.nrFree(zone: z.index, order: try order(i, c.kernel)))
        },
        QueryField("free_pages", "NR_FREE_PAGES, as free",
                   get: { c, o throws(QueryError) in .int(c.kernel.nrFreePages(zone: try zone(c, o).index)) },
                   index: "free_pages[ORDER]: pages held in free blocks of that order (nr_free << ORDER)") { c, o, i throws(QueryError) in
            let z = try zone(c, o)
            let ord = try order(i, c.kernel)
            return .int(c.kernel.freeLists.nrFree(zone: z.index, order: ord) << ord)
        },
        zf("nr_free", "nr_free of every order, as a list (the zone's /proc/buddyinfo row)") { z, k in .list(k.freeArea(zone: z.index).map { .int($0.nrFree) }) },
        QueryField(method: "free_by_type", usage: "(TYPE)", "free blocks of a migrate type at each order, as a list: free_by_type(\"Movable\")[3] (/proc/pagetypeinfo)") { c, o, a throws(QueryError) in
            guard a.count == 1 else { throw QueryError(.queryTakesOneMigrateType("free_by_type"), column: 0) }
            let mt = try migratetype(a[0])
            return .list(c.kernel.freeArea(zone: try zone(c, o).index).map { .int($0.count[mt.rawValue]) })
        },
        QueryField(method: "pageblocks", usage: "(TYPE)", "pageblocks of a migrate type (/proc/pagetypeinfo's second table)") { c, o, a throws(QueryError) in
            guard a.count == 1 else { throw QueryError(.queryTakesOneMigrateType("pageblocks"), column: 0) }
            let mt = try migratetype(a[0])
            return .int(try zone(c, o).pageblockType.filter { Int($0) == mt.rawValue }.count)
        },
        zf("min", "WMARK_MIN in pages (with any boost, as /proc/zoneinfo)") { z, _ in .int(z.minWmark) },
        zf("low", "WMARK_LOW in pages: the fast path's mark; below it kswapd is woken") { z, _ in .int(z.lowWmark) },
        zf("high", "WMARK_HIGH in pages: kswapd reclaims until free pages reach it") { z, _ in .int(z.highWmark) },
        zf("boost", "watermark_boost in pages") { z, _ in .int(z.watermarkBoost) },
        zf("managed", "managed_pages: pages the buddy allocator manages") { z, _ in .int(z.managedPages) },
        zf("present", "present_pages: RAM pages in the zone's span") { z, _ in .int(z.presentPages) },
        zf("spanned", "spanned_pages: the span including holes") { z, _ in .int(z.spannedPages) },
        zf("start_pfn", "zone_start_pfn") { z, _ in .int(z.startPFN) },
        zf("end_pfn", "one past the zone's last PFN") { z, _ in .int(z.endPFN) },
        zf("populated", "whether the zone has any pages") { z, _ in .bool(z.isPopulated) },
        zf("pcp", "pages on the per-CPU lists of all CPUs (free for their CPU, not counted in free)") { z, k in .int(k.pcpPages(zone: z.index)) },
        zf("pcp_batch", "per_cpu_pages.batch: blocks moved at a time between the buddy and the pcp lists") { z, k in .int(k.pcpLists.cpuCount > 0 ? k.pcpLists.batch(zone: z.index, cpu: 0) : 0) },
        zf("pcp_high", "per_cpu_pages.high: past it a CPU's list is flushed back") { z, k in .int(k.pcpLists.cpuCount > 0 ? k.pcpLists.high(zone: z.index, cpu: 0) : 0) },
        zf("protection", "lowmem_reserve[]: pages kept back from requests that could use a higher zone, per zone index") { z, _ in .list(z.lowmemReserve.map { .int($0) }) },
        zf("highatomic", "nr_reserved_highatomic: pages in pageblocks set aside for high-order atomic allocations") { z, _ in .int(z.nrReservedHighatomic) },
    ])

    // MARK: page

    static func pageObject(_ pfn: Int) -> QueryValue {
        .object(QueryObject(type: "page", key: .int(pfn), display: "page(\(Format.hex(pfn)))"))
    }

    static func pageRoot(_ v: QueryValue, _ k: Kernel) throws(QueryError) -> QueryValue {
        switch v {
        case .object(let o) where o.type == "page": return v
        case .int(let n):
            if n >= 0, n < k.frames.count { return pageObject(n) }
            if n >= 0, let p = k.pfnOfStructPage(UInt64(n)) ?? k.directMapPFN(UInt64(n)) { return pageObject(p) }
            throw QueryError(.queryNoPage(n, last: k.frames.count - 1), column: 0)
        case .address(let a):
            if let p = k.pfnOfStructPage(a) ?? k.directMapPFN(a) { return pageObject(p) }
            throw QueryError(.queryNotAPageAddress(a), column: 0)
        case .null: throw QueryError(.queryPageNull, column: 0)
        default: throw QueryError(.queryPageTakes(v), column: 0)
        }
    }

    /// The block a frame belongs to and what it is: (state, head, order).
    static func block(_ pfn: Int, _ k: Kernel) -> (state: String, head: Int, order: Int) {
        let f = k.frames[pfn]
        switch f.state {
        case .absent: return ("absent", pfn, 0)
        case .reserved: return ("reserved", pfn, 0)
        case .buddy: return ("free", pfn, Int(f.order))
        case .pcp: return ("pcp", pfn, Int(f.order))
        case .allocated: return ("allocated", pfn, Int(f.order))
        case .tail:
            if let b = k.freeBlock(containing: pfn) { return ("free", b.head, b.order) }
            if let b = k.allocatedBlock(containing: pfn) { return (k.frames[b.head].state == .pcp ? "pcp" : "allocated", b.head, b.order) }
            return ("allocated", pfn, 0)
        }
    }

    static func ownerName(_ o: FrameOwner) -> String {
        switch o {
        case .none: "none"
        case .pageAlloc: "page_alloc"
        case .slab: "slab"
        case .vmalloc: "vmalloc"
        case .kernelStack: "kernel_stack"
        case .percpu: "percpu"
        case .kmallocLarge: "kmalloc_large"
        case .leaked: "leaked"
        case .pageTable: "page_table"
        }
    }

    static func pf(_ name: String, _ summary: String, _ f: @escaping @Sendable (Int, Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            guard let p = o.intKey, p >= 0, p < c.kernel.frames.count else { throw QueryError(.queryPageGone, column: 0) }
            return f(p, c.kernel)
        }
    }

    static let pageType = QueryType("page", "struct page (include/linux/mm_types.h) and the block it belongs to", fields: [
        pf("pfn", "page frame number") { p, _ in .int(p) },
        pf("phys", "physical address") { p, k in .int(Int(k.physAddr(p))) },
        pf("address", "page_address(): the direct-map address, or NULL for HIGHMEM") { p, k in k.pageAddress(p).map { .address($0) } ?? .null },
        pf("struct_page", "the address of the struct page itself (vmemmap)") { p, k in .address(k.structPageAddress(p)) },
        pf("zone", "the zone's /proc name, or NULL outside any zone") { p, k in k.zoneIndex(ofPFN: p).map { .string(k.zones[$0].type.procName) } ?? .null },
        pf("state", "\"free\" (in a buddy block), \"pcp\" (on a per-CPU list), \"allocated\", \"reserved\" or \"absent\"") { p, k in .string(block(p, k).state) },
        pf("order", "order of the block the page belongs to (0 for reserved pages)") { p, k in .int(block(p, k).order) },
        pf("head", "PFN of the first page of that block") { p, k in .int(block(p, k).head) },
        pf("is_head", "whether the page is the first page of its block") { p, k in .bool(block(p, k).head == p) },
        pf("buddy", "PFN of the block's buddy: head ^ (1 << order) (__find_buddy_pfn)") { p, k in
            let b = block(p, k)
            return .int(b.head ^ (1 << b.order))
        },
        pf("free", "whether the page is in a free buddy block") { p, k in .bool(block(p, k).state == "free") },
        pf("refcount", "page_ref_count(): 1 for an allocated head or reserved page, 0 otherwise") { p, k in .int(k.refcount(p)) },
        pf("migratetype", "migrate type of the block (free lists) or the type it was allocated as; NULL when none") { p, k in
            let b = block(p, k)
            guard b.state == "free" || b.state == "pcp" || b.state == "allocated" else { return .null }
            return MigrateType(rawValue: Int(k.frames[b.head].migratetype)).map { .string($0.procName) } ?? .null
        },
        pf("pageblock", "migrate type of the pageblock holding the page (get_pageblock_migratetype)") { p, k in
            k.zoneIndex(ofPFN: p).map { .string(k.pageblockMigratetype(p, zone: $0).procName) } ?? .null
        },
        pf("owner", "who holds the block: page_alloc, slab, vmalloc, kernel_stack, percpu, kmalloc_large, leaked; buddy, pcp, memblock when not allocated") { p, k in
            let b = block(p, k)
            switch b.state {
            case "free": return .string("buddy")
            case "pcp": return .string("pcp")
            case "reserved": return .string("memblock")
            case "absent": return .null
            default: return .string(ownerName(k.frames[b.head].owner))
            }
        },
        pf("flags", "page flags that are set, by name (\"head\", \"slab\", \"reserved\", \"buddy\" for the page type)") { p, k in
            var names = k.pageFlagNames(p).filter { !$0.contains("=") }
            if k.frames[p].state == .buddy { names.append("buddy") }
            return .list(names.map { .string($0) })
        },
    ])

    // MARK: kernel

    static func kf(_ name: String, _ summary: String, _ f: @escaping @Sendable (Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, _ throws(QueryError) in f(c.kernel) }
    }

    static let kernelType = QueryType("kernel", "the machine and the kernel's constants", fields: [
        kf("arch", "the architecture (\"x86_64\", \"i386\", \"sparc64\")") { .string($0.arch.rawValue) },
        kf("cpus", "number of CPUs") { .int($0.params.cpus) },
        kf("memory", "installed RAM in bytes") { .int(Int($0.params.memory)) },
        kf("page_size", "PAGE_SIZE in bytes") { .int($0.pageSize) },
        kf("page_shift", "PAGE_SHIFT") { .int($0.arch.pageShift) },
        kf("max_order", "MAX_ORDER (inclusive in 6.6: orders 0…MAX_ORDER)") { .int($0.maxOrder) },
        kf("pageblock_order", "pageblock_order") { .int($0.pageblockOrder) },
        kf("min_free_kbytes", "vm.min_free_kbytes") { .int($0.minFreeKbytes) },
        kf("slab", "the slab allocator (\"slub\" or \"slab\")") { .string($0.params.slab.rawValue) },
        kf("struct_page_size", "sizeof(struct page) in bytes") { .int($0.arch.structPageSize) },
        kf("thread_size", "THREAD_SIZE: a kernel stack in bytes") { .int($0.arch.threadSize) },
        kf("pcp_lists", "whether per-CPU page lists are on (boot pcp=on|off)") { .bool($0.params.pcpLists) },
        kf("current_cpu", "the CPU the shell's commands run on") { .int($0.currentCPU) },
        kf("taint", "taint letters so far (\"\" when not tainted)") { .string($0.taintString) },
        kf("seed", "the boot seed (quizzes, random workloads)") { .int(Int(truncatingIfNeeded: $0.params.seed)) },
    ])

    // MARK: /proc files by name

    static let meminfoType = QueryType("meminfo", "/proc/meminfo (fs/proc/meminfo.c)", fields: [], dynamic: QueryDynamicFields(
        summary: "meminfo.NAME: any line of /proc/meminfo by its name (MemTotal, MemFree, MemAvailable, Slab, KernelStack, VmallocUsed, Percpu…), the number shown (kB for kB lines)",
        names: { c, _ in PageAllocProcFiles.meminfoCounters(c.kernel).map(\.name) },
        get: { c, _, n in ProcCounter.find(PageAllocProcFiles.meminfoCounters(c.kernel), n).map { .int($0.value) } }))

    static let vmstatType = QueryType("vmstat", "/proc/vmstat (mm/vmstat.c)", fields: [], dynamic: QueryDynamicFields(
        summary: "vmstat.NAME: any counter of /proc/vmstat by its name (nr_free_pages, pgalloc_normal, pgfree, allocstall_normal…)",
        names: { c, _ in PageAllocProcFiles.vmstatCounters(c.kernel).map(\.name) },
        get: { c, _, n in ProcCounter.find(PageAllocProcFiles.vmstatCounters(c.kernel), n).map { .int($0.value) } }))

    static let buddyinfoType = QueryType("buddyinfo", "/proc/buddyinfo (mm/vmstat.c)", fields: [], dynamic: QueryDynamicFields(
        summary: "buddyinfo.ZONE: the zone's row, free blocks per order as a list (buddyinfo.Normal[3])",
        names: { c, _ in FreeListsModel(c.kernel).zones.map(\.zone) },
        get: { c, _, n in FreeListsModel(c.kernel).row(n).map { .list($0.nrFree.map { .int($0) }) } }))
}

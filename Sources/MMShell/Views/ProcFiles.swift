import KernelMM

/// A /proc file kmemsim renders in the kernel's format (`cat /proc/NAME`, `export-proc DIR`).
public struct ProcFile: Sendable {
    public var path: String
    public var render: @Sendable (Kernel) -> String
    /// The same numbers as data, for `--json` (nil: the JSON carries the text).
    public var json: (@Sendable (Kernel) -> JSONValue)?
    public init(_ path: String, render: @escaping @Sendable (Kernel) -> String, json: (@Sendable (Kernel) -> JSONValue)? = nil) {
        self.path = path
        self.render = render
        self.json = json
    }
}

/// `cat /proc/NAME`: the file's text, or for `--json` its data (or its text where it has no data form).
struct ProcFileView: CommandView {
    var file: ProcFile
    var kernel: Kernel
    var text: String { file.render(kernel) }
    var json: JSONValue {
        .object([("file", .string(file.path)), file.json.map { ("data", $0(kernel)) } ?? ("text", .string(text))])
    }
}

public enum ProcFiles {
    /// Every file, one list per subsystem.
    public static let all: [ProcFile] = PageAllocProcFiles.all + SlabProcFiles.all + [ProcFile("/proc/vmallocinfo", render: VmallocView.vmallocinfo, json: { VmallocInfoModel($0).json })]

    public static var names: [String] { all.map(\.path) }

    /// Finds a file by its path, with or without `/proc/`.
    public static func lookup(_ path: String) -> ProcFile? {
        let p = path.hasPrefix("/proc/") ? path : "/proc/" + path
        return all.first { $0.path == p }
    }
}

/// The page allocator's /proc files.
enum PageAllocProcFiles {
    static let all: [ProcFile] = [
        ProcFile("/proc/buddyinfo", render: { FreeListsModel($0).buddyinfoText }, json: { FreeListsModel($0).buddyinfoJSON }),
        ProcFile("/proc/pagetypeinfo", render: { FreeListsModel($0).pagetypeinfoText }, json: { FreeListsModel($0).pagetypeinfoJSON }),
        ProcFile("/proc/zoneinfo", render: { ZoneInfoModel($0).text }, json: { ZoneInfoModel($0).json }),
        ProcFile("/proc/meminfo", render: meminfo, json: { ProcCounter.json(meminfoCounters($0)) }),
        ProcFile("/proc/vmstat", render: vmstat, json: { ProcCounter.json(vmstatCounters($0)) }),
    ]

    static let zoneStatNames = ["nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon", "nr_zone_inactive_file",
                                "nr_zone_active_file", "nr_zone_unevictable", "nr_zone_write_pending", "nr_mlock",
                                "nr_bounce", "nr_zspages", "nr_free_cma"]
    static let numaStatNames = ["numa_hit", "numa_miss", "numa_foreign", "numa_interleave", "numa_local", "numa_other"]
    static let nodeStatNames = ["nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file", "nr_unevictable",
                                "nr_slab_reclaimable", "nr_slab_unreclaimable", "nr_isolated_anon", "nr_isolated_file",
                                "workingset_nodes", "workingset_refault_anon", "workingset_refault_file",
                                "workingset_activate_anon", "workingset_activate_file", "workingset_restore_anon",
                                "workingset_restore_file", "workingset_nodereclaim", "nr_anon_pages", "nr_mapped",
                                "nr_file_pages", "nr_dirty", "nr_writeback", "nr_writeback_temp", "nr_shmem",
                                "nr_shmem_hugepages", "nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
                                "nr_anon_transparent_hugepages", "nr_vmscan_write", "nr_vmscan_immediate_reclaim",
                                "nr_dirtied", "nr_written", "nr_throttled_written", "nr_kernel_misc_reclaimable",
                                "nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack", "nr_page_table_pages",
                                "nr_sec_page_table_pages", "nr_swapcached",
                                // CONFIG_NUMA_BALANCING, as distribution kernels build 6.6 (mm/vmstat.c:1245)
                                "pgpromote_success", "pgpromote_candidate"]

    static func nodeStat(_ name: String, _ m: MemInfo) -> Int {
        switch name {
        case "nr_slab_reclaimable": m.slabReclaimable
        case "nr_slab_unreclaimable": m.slabUnreclaimable
        case "nr_kernel_stack": m.kernelStackKB
        case "nr_page_table_pages": m.pageTables
        default: 0
        }
    }

    static func zoneStat(_ name: String, _ z: Zone, _ k: Kernel) -> Int {
        switch name {
        case "nr_free_pages": k.nrFreePages(zone: z.index)
        case "numa_hit": k.zoneStats(zone: z.index).numaHit
        case "numa_local": k.zoneStats(zone: z.index).numaLocal
        case "numa_miss": k.zoneStats(zone: z.index).numaMiss
        default: 0
        }
    }

    /// calculate_normal_threshold(): 2 × fls(cpus) × (1 + fls(managed / 128 MiB)), at most 125.
    static func statThreshold(_ z: Zone, _ k: Kernel) -> Int {
        func fls(_ x: Int) -> Int { x == 0 ? 0 : Int.bitWidth - x.leadingZeroBitCount }
        let mem = z.managedPages >> (27 - k.arch.pageShift)
        return min(125, 2 * fls(k.params.cpus) * (1 + fls(mem)))
    }

    /// fs/proc/meminfo.c meminfo_proc_show() as data, every line in its place (what kmemsim does not model is 0):
    /// the text, `--json`, `meminfo.NAME` queries and the snapshot page all read these rows, so none of them parses
    /// the rendered file.
    static func meminfoCounters(_ k: Kernel) -> [ProcCounter] {
        let m = k.memInfo()
        let kb = k.pageSize / 1024
        var rows: [ProcCounter] = []
        func line(_ name: String, _ pages: Int) { rows.append(ProcCounter(name, pages * kb, kB: true)) }
        func lineKB(_ name: String, _ v: Int) { rows.append(ProcCounter(name, v, kB: true)) }
        line("MemTotal", m.totalRAM)
        line("MemFree", m.freeRAM)
        line("MemAvailable", m.available)
        for n in ["Buffers", "Cached", "SwapCached", "Active", "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)",
                  "Inactive(file)", "Unevictable", "Mlocked"] { line(n, 0) }
        if k.arch.configuredZones.contains(.highmem) {
            line("HighTotal", m.totalHigh)
            line("HighFree", m.freeHigh)
            line("LowTotal", m.totalRAM - m.totalHigh)
            line("LowFree", m.freeRAM - m.freeHigh)
        }
        for n in ["SwapTotal", "SwapFree", "Zswap", "Zswapped", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem"] { line(n, 0) }
        line("KReclaimable", m.slabReclaimable)
        line("Slab", m.slabReclaimable + m.slabUnreclaimable)
        line("SReclaimable", m.slabReclaimable)
        line("SUnreclaim", m.slabUnreclaimable)
        lineKB("KernelStack", m.kernelStackKB)
        line("PageTables", m.pageTables)
        for n in ["SecPageTables", "NFS_Unstable", "Bounce", "WritebackTmp"] { line(n, 0) }
        line("CommitLimit", m.totalRAM / 2)
        line("Committed_AS", 0)
        lineKB("VmallocTotal", m.vmallocTotalKB)
        line("VmallocUsed", m.vmallocUsed)
        line("VmallocChunk", 0)
        line("Percpu", m.percpu)
        // seq_printf(m, "HardwareCorrupted: %5lu kB\n", …)
        rows.append(ProcCounter("HardwareCorrupted", 0, kB: true, labelWidth: 19, valueWidth: 5))
        // CONFIG_TRANSPARENT_HUGEPAGE (fs/proc/meminfo.c).
        if k.config.transparentHugepage {
            for n in ["AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped"] { line(n, 0) }
        }
        // hugetlb_report_meminfo(): counts without a unit, then "%8lu kB".
        for n in ["HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp"] { rows.append(ProcCounter(n, 0, kB: false)) }
        lineKB("Hugepagesize", (k.pageSize << k.pageblockOrder) >> 10)
        lineKB("Hugetlb", 0)
        if k.arch.reportsDirectMap2M {
            // The direct map: 4 KiB pages for the first 2 MiB (BIOS area), 2 MiB pages for the rest.
            let ramKB = k.ram.reduce(0) { $0 + Int(($1.end - $1.start) >> 10) }
            lineKB("DirectMap4k", 2048)
            lineKB("DirectMap2M", max(0, ramKB - 2048) / 2048 * 2048)
            lineKB("DirectMap1G", 0)
        }
        return rows
    }

    /// show_val_kb(): the label padded to 16 columns, the number in 8, " kB".
    @Sendable static func meminfo(_ k: Kernel) -> String {
        meminfoCounters(k).map { Format.left($0.name + ":", $0.labelWidth) + Format.right($0.value, $0.valueWidth) + ($0.kB ? " kB\n" : "\n") }.joined()
    }

    /// Whether vmstat_text (mm/vmstat.c) has this counter in the configuration booted: the NUMA statistics and
    /// zone_reclaim_failed need CONFIG_NUMA, the promotion and NUMA-hinting ones CONFIG_NUMA_BALANCING, thp_* events
    /// CONFIG_TRANSPARENT_HUGEPAGE (thp_split_pud its PUD support too), direct_map_* CONFIG_X86.
    static func configured(_ name: String, _ k: Kernel) -> Bool {
        let c = k.config
        if numaStatNames.contains(name) || name == "zone_reclaim_failed" { return c.numa }
        if name.hasPrefix("pgpromote_") || (name.hasPrefix("numa_") && !numaStatNames.contains(name)) { return c.numaBalancing }
        if name == "thp_split_pud" { return c.transparentHugepage && k.arch.pudTHP }
        if name.hasPrefix("thp_") && !name.hasPrefix("thp_migration_") { return c.transparentHugepage }
        if name.hasPrefix("direct_map_") { return k.arch.reportsDirectMap }
        return true
    }

    /// mm/vmstat.c vmstat_show(): the counters kmemsim drives, in the kernel's order.
    static func vmstatCounters(_ k: Kernel) -> [ProcCounter] {
        let m = k.memInfo()
        var rows: [ProcCounter] = []
        func add(_ n: String, _ v: Int) { rows.append(ProcCounter(n, v, kB: false)) }
        for n in zoneStatNames { add(n, k.zones.reduce(0) { $0 + zoneStat(n, $1, k) }) }
        for n in numaStatNames where configured(n, k) { add(n, k.zones.reduce(0) { $0 + zoneStat(n, $1, k) }) }
        for n in nodeStatNames where configured(n, k) { add(n, nodeStat(n, m)) }
        add("nr_dirty_threshold", 0)
        add("nr_dirty_background_threshold", 0)
        // The vm event counters of 6.6's vmstat_text, as a distribution x86-64 build prints them; kmemsim drives the
        // allocator's and reclaim's, the rest stay 0 (there is no page cache, swap or THP to count).
        for n in Self.vmEventNames where configured(n, k) {
            if n.hasPrefix("zones:") {
                let base = String(n.dropFirst(6))
                for t in k.arch.configuredZones { add("\(base)_\(Self.vmstatZoneSuffix(t))", Self.zoneEvent(base, t, k)) }
                continue
            }
            add(n, Self.vmEvent(n, k))
        }
        // vmstat_show(): "add any deprecated counters to avoid breaking userspace" (mm/vmstat.c:1853).
        add("nr_unstable", 0)
        return rows
    }

    /// mm/vmstat.c vmstat_show(): "%s %lu" per counter.
    @Sendable static func vmstat(_ k: Kernel) -> String {
        vmstatCounters(k).map { "\($0.name) \($0.value)\n" }.joined()
    }

    /// mm/vmstat.c TEXTS_FOR_ZONES(): "_dma", "_dma32", "_normal", "_high", "_movable", "_device".
    static func vmstatZoneSuffix(_ t: ZoneType) -> String { t == .highmem ? "high" : t.procName.lowercased() }

    static func zoneEvent(_ base: String, _ t: ZoneType, _ k: Kernel) -> Int {
        switch base {
        case "pgalloc": k.pgalloc(t)
        case "allocstall": t == .normal ? k.vmEvents.allocstall : 0
        default: 0
        }
    }

    static func vmEvent(_ n: String, _ k: Kernel) -> Int {
        switch n {
        case "pgfree": k.pgfree
        case "pgsteal_kswapd": k.vmEvents.pgstealKswapd
        case "pgsteal_direct": k.vmEvents.pgstealDirect
        case "oom_kill": k.vmEvents.oomKill
        case "compact_stall": k.vmEvents.compactStall
        default: 0
        }
    }

    /// enum vm_event_item in 6.6's order (mm/vmstat.c vmstat_text after nr_dirty_background_threshold), with the
    /// options a distribution kernel sets (NUMA balancing, THP, compaction, migration, balloon, swap, KSM, zswap) and
    /// without the debug ones (DEBUG_TLBFLUSH, PER_VMA_LOCK_STATS, CMA). "zones:X" expands to X_dma, X_dma32, ….
    static let vmEventNames = [
        "pgpgin", "pgpgout", "pswpin", "pswpout", "zones:pgalloc", "zones:allocstall", "zones:pgskip", "pgfree",
        "pgactivate", "pgdeactivate", "pglazyfree", "pgfault", "pgmajfault", "pglazyfreed", "pgrefill", "pgreuse",
        "pgsteal_kswapd", "pgsteal_direct", "pgsteal_khugepaged", "pgdemote_kswapd", "pgdemote_direct",
        "pgdemote_khugepaged", "pgscan_kswapd", "pgscan_direct", "pgscan_khugepaged", "pgscan_direct_throttle",
        "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file", "zone_reclaim_failed", "pginodesteal",
        "slabs_scanned", "kswapd_inodesteal", "kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly",
        "pageoutrun", "pgrotated", "drop_pagecache", "drop_slab", "oom_kill", "numa_pte_updates",
        "numa_huge_pte_updates", "numa_hint_faults", "numa_hint_faults_local", "numa_pages_migrated",
        "pgmigrate_success", "pgmigrate_fail", "thp_migration_success", "thp_migration_fail", "thp_migration_split",
        "compact_migrate_scanned", "compact_free_scanned", "compact_isolated", "compact_stall", "compact_fail",
        "compact_success", "compact_daemon_wake", "compact_daemon_migrate_scanned", "compact_daemon_free_scanned",
        "htlb_buddy_alloc_success", "htlb_buddy_alloc_fail", "unevictable_pgs_culled", "unevictable_pgs_scanned",
        "unevictable_pgs_rescued", "unevictable_pgs_mlocked", "unevictable_pgs_munlocked", "unevictable_pgs_cleared",
        "unevictable_pgs_stranded", "thp_fault_alloc", "thp_fault_fallback", "thp_fault_fallback_charge",
        "thp_collapse_alloc", "thp_collapse_alloc_failed", "thp_file_alloc", "thp_file_fallback",
        "thp_file_fallback_charge", "thp_file_mapped", "thp_split_page", "thp_split_page_failed",
        "thp_deferred_split_page", "thp_split_pmd", "thp_scan_exceed_none_pte", "thp_scan_exceed_swap_pte",
        "thp_scan_exceed_share_pte", "thp_split_pud", "thp_zero_page_alloc", "thp_zero_page_alloc_failed",
        "thp_swpout", "thp_swpout_fallback", "balloon_inflate", "balloon_deflate", "balloon_migrate", "swap_ra",
        "swap_ra_hit", "ksm_swpin_copy", "cow_ksm", "zswpin", "zswpout", "direct_map_level2_splits",
        "direct_map_level3_splits",
    ]
}

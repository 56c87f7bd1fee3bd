/// The kernel configuration kmemsim models: the CONFIG_ options its memory manager depends on, as a distribution
/// would build Linux 6.6 (x86_64 after Debian's amd64 build: SLUB, transparent hugepages, no CMA, one NUMA node
/// populated). i386 and sparc64 are the textbook machines: a 3G/1G non-PAE i386 with HIGHMEM, and sparc64 for its
/// 8 KiB pages, both without transparent hugepages so their watermarks stay the base formula's.
///
/// `options` is what `config` prints (a .config excerpt, in the order of the kernel's menus); the properties are what
/// the simulated kernel reads.
public struct KernelConfig: Sendable, Equatable {
    /// A .config value: `=y`, `# … is not set`, a number, a hex number or a string.
    public enum Value: Sendable, Equatable {
        case yes, notSet
        case number(Int)
        case hex(UInt64)
        case string(String)
    }

    /// The menu a .config line sits under (its `# Title` comment).
    public enum Menu: String, Sendable, CaseIterable {
        case general = "General setup"
        case processor = "Processor type and features"
        case memory = "Memory Management options"
        case hacking = "Kernel hacking"
    }

    public struct Option: Sendable, Equatable {
        public let name: String
        public let value: Value
        public let menu: Menu
    }

    public let arch: Architecture
    /// CONFIG_TRANSPARENT_HUGEPAGE: set_recommended_min_free_kbytes() raises min_free_kbytes at boot and the per-CPU
    /// lists gain one list for pageblock_order blocks (NR_PCP_THP).
    public let transparentHugepage: Bool
    /// CONFIG_CMA: off in every build here, so no MIGRATE_CMA type, no CMA column in pagetypeinfo, no CmaTotal.
    public let cma: Bool
    /// CONFIG_NUMA: one node populated, but /proc/vmallocinfo counts pages per node (N0=) and zoneinfo has numa stats.
    public let numa: Bool
    /// CONFIG_NUMA_BALANCING (x86_64's distribution build): the promotion and NUMA-hinting counters exist.
    public let numaBalancing: Bool
    public let options: [Option]

    public init(arch: Architecture, params: BootParams) {
        self.arch = arch
        transparentHugepage = arch.transparentHugepage
        cma = false
        numa = arch.numa
        numaBalancing = arch.numaBalancing
        var o: [Option] = []
        func add(_ name: String, _ value: Value, _ menu: Menu) { o.append(Option(name: name, value: value, menu: menu)) }
        let y = { (on: Bool) -> Value in on ? .yes : .notSet }

        add("CONFIG_SMP", .yes, .general)
        add("CONFIG_PREEMPT_DYNAMIC", y(arch.preemptDynamic), .general)
        add("CONFIG_PREEMPT_COUNT", .yes, .general)
        add("CONFIG_MEMCG", .yes, .general)
        add("CONFIG_SLUB_DEBUG", y(params.slab == .slub), .general)

        switch arch {
        case .x86_64:
            add("CONFIG_X86_64", .yes, .processor)
            add("CONFIG_PGTABLE_LEVELS", .number(4), .processor)
            add("CONFIG_X86_5LEVEL", .notSet, .processor)
        case .i386:
            add("CONFIG_X86_32", .yes, .processor)
            add("CONFIG_PGTABLE_LEVELS", .number(2), .processor)
            add("CONFIG_HIGHMEM4G", .yes, .processor)
            add("CONFIG_HIGHMEM", .yes, .processor)
            add("CONFIG_X86_PAE", .notSet, .processor)
            add("CONFIG_VMSPLIT_3G", .yes, .processor)
            add("CONFIG_PAGE_OFFSET", .hex(arch.pageOffset), .processor)
            add("CONFIG_4KSTACKS", .notSet, .processor)
        case .sparc64:
            add("CONFIG_SPARC64", .yes, .processor)
            add("CONFIG_PGTABLE_LEVELS", .number(4), .processor)
            add("CONFIG_SPARC64_PAGE_SIZE_8KB", .yes, .processor)
        }
        add("CONFIG_NR_CPUS", .number(arch.nrCPUs), .processor)
        add("CONFIG_NUMA", y(numa), .processor)
        add("CONFIG_NUMA_BALANCING", y(numaBalancing), .processor)
        if arch.hasPhysicalStart { add("CONFIG_PHYSICAL_START", .hex(arch.kernelLoadAddress), .processor) }
        add("CONFIG_VMAP_STACK", y(arch.supportsVmapStack && (params.vmapStack ?? true)), .general)

        add(params.slab == .slub ? "CONFIG_SLUB" : "CONFIG_SLAB_DEPRECATED", .yes, .memory)
        add(params.slab == .slub ? "CONFIG_SLAB_DEPRECATED" : "CONFIG_SLUB", .notSet, .memory)
        add("CONFIG_SLAB_MERGE_DEFAULT", .yes, .memory)
        add("CONFIG_SLAB_FREELIST_RANDOM", .notSet, .memory)
        add("CONFIG_SLAB_FREELIST_HARDENED", .notSet, .memory)
        if params.slab == .slub { add("CONFIG_SLUB_CPU_PARTIAL", .yes, .memory) }
        add(arch.flatMem ? "CONFIG_FLATMEM" : "CONFIG_SPARSEMEM_VMEMMAP", .yes, .memory)
        // x86 has no such option (MAX_ORDER is 10); sparc64's default is 12, kmemsim keeps 10 (see `help arch`).
        if arch.forcesMaxOrder { add("CONFIG_ARCH_FORCE_MAX_ORDER", .number(arch.maxOrder), .memory) }
        add("CONFIG_ZONE_DMA", y(arch.hasZoneDMA), .memory)
        add("CONFIG_ZONE_DMA32", y(arch.hasZoneDMA32), .memory)
        add("CONFIG_ZONE_DEVICE", y(arch.configuredZones.contains(.device)), .memory)
        add("CONFIG_MEMORY_ISOLATION", .yes, .memory)
        add("CONFIG_COMPACTION", .yes, .memory)
        add("CONFIG_MIGRATION", .yes, .memory)
        add("CONFIG_CMA", .notSet, .memory)
        add("CONFIG_TRANSPARENT_HUGEPAGE", y(transparentHugepage), .memory)
        if transparentHugepage { add("CONFIG_TRANSPARENT_HUGEPAGE_ALWAYS", .yes, .memory) }
        add("CONFIG_HAVE_ARCH_HUGE_VMALLOC", y(arch.hugeVmalloc), .memory)
        add("CONFIG_DEFERRED_STRUCT_PAGE_INIT", .notSet, .memory)

        add("CONFIG_DEBUG_SLAB", y(params.slab == .slab && params.slabDebug == "on"), .hacking)
        add("CONFIG_SLUB_DEBUG_ON", .notSet, .hacking)
        add("CONFIG_DEBUG_VM", .notSet, .hacking)
        add("CONFIG_KFENCE", .notSet, .hacking)
        options = o
    }

    /// The value of one option, nil when kmemsim's configuration does not list it.
    public func value(_ name: String) -> Value? { options.first { $0.name == name }?.value }
}

extension Architecture {
    /// CONFIG_TRANSPARENT_HUGEPAGE in the build kmemsim models for this architecture (distribution x86_64: on).
    public var transparentHugepage: Bool { self == .x86_64 }
}

extension Kernel {
    /// The configuration this kernel was "built" with.
    public var config: KernelConfig { KernelConfig(arch: arch, params: params) }
}

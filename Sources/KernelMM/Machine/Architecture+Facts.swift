/// The rest of what differs between the architectures, as facts the code reads instead of testing which machine it
/// is: firmware and boot layout, lowmem, stacks, per-CPU first chunk, the build's options, and how an oops shows the
/// CPU's registers. Each says where Linux 6.6 takes it from.
extension Architecture {
    // MARK: firmware and boot

    /// An x86 PC: the BIOS e820 map ("BIOS-provided physical RAM map"), the reserved first 1 MiB (since 5.13), the
    /// HPET and BIOS-area ioremap()s at boot. sparc64 has OpenBoot PROM instead.
    public var isPC: Bool { self != .sparc64 }

    /// RAM past 3 GiB reappears above 4 GiB, beyond the PCI hole (x86-64); i386 without PAE cannot address it.
    public var remapsRAMAbove4G: Bool { self == .x86_64 }

    /// swiotlb bounce buffers below 4 GiB for devices that cannot reach high RAM (x86-64 with RAM above 4 GiB).
    public var hasSWIOTLB: Bool { self == .x86_64 }

    /// The distribution boot caches kmemsim creates (captured on x86-64; 32-bit and sparc64 sizes would differ).
    public var hasDistributionBootCaches: Bool { self == .x86_64 }

    /// build_all_zonelists() prints "Policy zone:" (CONFIG_NUMA: x86-64's distribution build).
    public var printsPolicyZone: Bool { self == .x86_64 }

    /// memblock_find_dma_reserve() (x86-64): the boot-time estimate of free pages leaves out what memblock kept of
    /// the first 16 MiB.
    public var subtractsDMAReserve: Bool { self == .x86_64 }

    // MARK: memory model and lowmem

    /// The huge page sizes hugetlb registers, in kB (the OOM report's "hugepages_size=" lines): x86-64 registers
    /// 1 GiB (gbpages) then 2 MiB pages; i386 without PAE 4 MiB pages; kmemsim's sparc64 none.
    public var hugepageSizesKB: [Int] {
        switch self {
        case .x86_64: [1 << 20, 2048]
        case .i386: [4096]
        case .sparc64: []
        }
    }

    /// vmemmap addresses as %px prints them: sparc64's VMEMMAP_BASE sign-extends its top bits.
    public var vmemmapSignBits: UInt64 { self == .sparc64 ? 0xffff_f000_0000_0000 : 0 }

    /// CONFIG_FLATMEM (i386: one mem_map for every PFN, no sections); the others SPARSEMEM_VMEMMAP.
    public var flatMem: Bool { self == .i386 }

    /// The pages of one memory section (SECTION_SIZE_BITS 27: 128 MiB); FLATMEM has no sections (1).
    public var sectionPages: Int { flatMem ? 1 : Int((UInt64(128) << 20) >> UInt64(pageShift)) }

    /// The end of the direct map when RAM is larger (high_memory's limit): i386's lowmem; nil where all RAM is mapped.
    /// Where it is set, an address past it inside the kernel's range is a highmem page's, never mapped there.
    public var lowmemLimit: UInt64? { self == .i386 ? Self.i386LowmemLimit : nil }

    /// VMALLOC_START moves up with lowmem (i386: VMALLOC_OFFSET past high_memory, pgtable_32_areas.h).
    public var vmallocStartFollowsLowmem: Bool { self == .i386 }

    /// x86-64's VMALLOC_END is the last byte of the range (…e8ffffffffff); the others' is one past it.
    public var vmallocEndIsInclusive: Bool { self == .x86_64 }

    // MARK: stacks

    /// CONFIG_VMAP_STACK can be on (x86-64; i386 and sparc64 do not select HAVE_ARCH_VMAP_STACK).
    public var supportsVmapStack: Bool { self == .x86_64 }

    /// CONFIG_4KSTACKS existed (i386 until 2.6.37): the `4kstacks` boot parameter only means something there.
    public var hasFourKStacksOption: Bool { self == .i386 }

    /// x86-64 keeps its IRQ stack in the per-CPU area (irq_stack_backing_store) and may vmap() it; i386 takes
    /// THREAD_SIZE hardirq and softirq stacks from the page allocator.
    public var irqStackInPercpuArea: Bool { self == .x86_64 }

    /// sparc64 puts struct thread_info at the base of the kernel stack (the stack grows down towards it); x86 keeps
    /// it in task_struct (CONFIG_THREAD_INFO_IN_TASK).
    public var threadInfoAtStackBase: Bool { self == .sparc64 }

    // MARK: the per-CPU first chunk (setup_per_cpu_areas())

    /// PERCPU_MODULE_RESERVE is kept unless the build has no modules area in the first chunk (i386 here).
    public var percpuHasReservedArea: Bool { self != .i386 }

    /// sparc64 asks pcpu_embed_first_chunk() for PERCPU_DYNAMIC_RESERVE alone; x86 adds the module reserve it left
    /// out of the reserved area.
    public var percpuDynamicIsReserveOnly: Bool { self == .sparc64 }

    /// The first chunk's atom: x86-64 PMD_SIZE (2 MiB), sparc64 4 MiB, i386 a page.
    public var percpuAtomSize: Int {
        switch self {
        case .x86_64: 2 << 20
        case .sparc64: 4 << 20
        case .i386: pageSize
        }
    }

    // MARK: the build (KernelConfig)

    /// CONFIG_PREEMPT_DYNAMIC ("PREEMPT_DYNAMIC" in the version line): x86; sparc64 does not support it.
    public var preemptDynamic: Bool { self != .sparc64 }

    /// CONFIG_NUMA in the build modelled (i386's textbook build has none).
    public var numa: Bool { self != .i386 }

    /// CONFIG_NUMA_BALANCING (x86-64's distribution build).
    public var numaBalancing: Bool { self == .x86_64 }

    /// CONFIG_ZONE_DMA / CONFIG_ZONE_DMA32.
    public var hasZoneDMA: Bool { zoneLimits.contains { $0.0 == .dma } }
    public var hasZoneDMA32: Bool { zoneLimits.contains { $0.0 == .dma32 } }

    /// CONFIG_HAVE_ARCH_HUGE_VMALLOC (x86-64).
    public var hugeVmalloc: Bool { self == .x86_64 }

    /// CONFIG_ARCH_FORCE_MAX_ORDER is set (sparc64's Kconfig has it).
    public var forcesMaxOrder: Bool { self == .sparc64 }

    /// CONFIG_PHYSICAL_START exists (x86).
    public var hasPhysicalStart: Bool { isPC }

    /// arch/ in the kernel tree (the .config's header names it).
    public var sourceDirectory: String { self == .sparc64 ? "sparc64" : "x86" }

    /// PUD-sized transparent huge pages (x86-64: CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD).
    public var pudTHP: Bool { self == .x86_64 }

    /// vmstat's direct_map_* counters (x86 only).
    public var reportsDirectMap: Bool { isPC }

    /// /proc/meminfo's DirectMap4k and DirectMap2M lines (x86-64 arch_report_meminfo(): 4 KiB pages for the first
    /// 2 MiB, 2 MiB pages for the rest of the direct map).
    public var reportsDirectMap2M: Bool { self == .x86_64 }

    // MARK: C ABI

    /// The alignment of `long long` in a struct: i386's System V ABI aligns it to 4, LP64 to 8.
    public var longLongAlignment: Int { self == .i386 ? 4 : 8 }

    /// ARCH_MIN_TASKALIGN is the cache line on x86 (task_struct's alignment), 0 elsewhere.
    public var minTaskAlignIsCacheLine: Bool { isPC }

    // MARK: oopses

    /// How an oops shows where the CPU was (arch/x86/kernel/process_64.c and process_32.c __show_regs() via
    /// show_ip(); arch/sparc/kernel/process_64.c show_regs()).
    public enum RegisterDump: Sendable, Equatable {
        /// x86-64: "RIP: 0010:FUNCTION" — __KERNEL_CS, then the instruction pointer's symbol.
        case x86_64
        /// i386: "EIP: FUNCTION".
        case i386
        /// sparc64: die_if_kernel()'s banner, then show_regs(): "TPC: <FUNCTION>", "RPC: <…>", "I7: <CALLER>".
        case sparc64
    }
    public var registerDump: RegisterDump {
        switch self {
        case .x86_64: .x86_64
        case .i386: .i386
        case .sparc64: .sparc64
        }
    }

    /// What BUG() traps with: x86's ud2 is an invalid opcode (die("invalid opcode")); sparc64's __builtin_trap() is
    /// `ta 5`, which bad_trap() reports as "Kernel bad sw trap 5".
    public enum BugTrap: Sendable, Equatable {
        case invalidOpcode
        case softwareTrap(Int)
    }
    public var bugTrap: BugTrap { self == .sparc64 ? .softwareTrap(5) : .invalidOpcode }

    /// CONFIG_PAGE_TABLE_ISOLATION is built (x86-64; i386 without PAE cannot): die()'s header then says PTI or NOPTI.
    public var pageTableIsolation: Bool { self == .x86_64 }

    /// WARN() traps on x86 (__WARN_FLAGS: ud2 and report_bug(), so __warn() gets the registers and the message is
    /// printed before the WARNING line); elsewhere warn_slowpath_fmt() calls __warn() without registers, which
    /// prints the message after the WARNING line and dumps the stack.
    public var warnTraps: Bool { isPC }

    /// dump_stack() frames x86's trace with the stack's name (" <TASK>" … " </TASK>"); sparc64's show_stack()
    /// prints one print_ip_sym() line per frame.
    public var callTraceNamesTheStack: Bool { isPC }
}

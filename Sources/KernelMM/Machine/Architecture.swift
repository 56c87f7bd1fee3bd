/// The architectures kmemsim can boot, with the constants of Linux 6.6 that the memory manager depends on.
///
/// Sources: arch/x86/include/asm/page_64_types.h, page_32_types.h, asm/dma.h, asm/pgtable_64_types.h,
/// arch/sparc/include/asm/page_64.h, include/linux/pageblock-flags.h, include/linux/mm_types.h (struct page size).
public enum Architecture: String, CaseIterable, Sendable, Equatable, Codable {
    case x86_64
    case i386
    /// SPARC64: the 64-bit architecture with 8 KiB pages (PAGE_SHIFT 13) behind the source text's "64-bit = 8 KB pages".
    case sparc64

    public var pageShift: Int { self == .sparc64 ? 13 : 12 }
    public var pageSize: Int { 1 << pageShift }
    public var is64Bit: Bool { self != .i386 }

    /// MAX_ORDER, inclusive (orders 0...maxOrder). 6.6 default is 10; sparc64 forces it through
    /// CONFIG_ARCH_FORCE_MAX_ORDER (default 12 there would be 32 MiB blocks); we keep the generic 10 for all three
    /// so that lessons compare like with like, and say so in `help arch`.
    public var maxOrder: Int { 10 }

    /// pageblock_order: HUGETLB_PAGE_ORDER where hugetlb pages exist (x86-64 2 MiB → 9; i386 non-PAE 4 MiB → 10;
    /// sparc64 8 MiB huge pages with 8 KiB base pages → 10).
    public var pageblockOrder: Int { self == .x86_64 ? 9 : 10 }

    /// sizeof(struct page): 64 bytes on 64-bit with MEMCG, 40 on x86-32 with MEMCG and aligned struct page.
    public var structPageSize: Int { is64Bit ? 64 : 40 }

    /// PAGE_OFFSET: the start of the direct map (no KASLR).
    public var pageOffset: UInt64 {
        switch self {
        case .x86_64: 0xffff_8880_0000_0000
        case .i386: 0xc000_0000
        case .sparc64: 0xffff_f800_0000_0000
        }
    }

    /// Where struct pages live: x86-64 vmemmap (0xffffea0000000000), sparc64 VMEMMAP_BASE; i386 keeps mem_map in
    /// the direct map, so its address is computed from the mem_map's physical location instead.
    public var vmemmapBase: UInt64? {
        switch self {
        case .x86_64: 0xffff_ea00_0000_0000
        case .i386: nil
        case .sparc64: 0x0000_0600_0000_0000 // arch/sparc/include/asm/page_64.h VMEMMAP_BASE (sign-extended on use)
        }
    }

    /// The vmalloc area [start, end) of a machine whose RAM fills lowmem: x86-64 4-level paging
    /// VMALLOC_START/VMALLOC_END (32 TiB); i386 VMALLOC_OFFSET (8 MiB) past the end of lowmem up to VMALLOC_END,
    /// 120 MiB (a smaller machine's starts lower: `Kernel.vmallocRange`); sparc64 VMALLOC_START/END.
    public var vmallocRange: (start: UInt64, end: UInt64) {
        switch self {
        case .x86_64: (0xffff_c900_0000_0000, 0xffff_e8ff_ffff_ffff + 1)
        case .i386: (pageOffset + Self.i386LowmemLimit + Self.i386VmallocOffset, Self.i386Layout.vmallocEnd)
        case .sparc64: (0x0000_0001_0000_0000, 0x0000_0600_0000_0000)
        }
    }

    /// Highest address covered by each zone type on this architecture; zones absent here are not configured.
    /// x86: DMA below 16 MiB (MAX_DMA_PFN), DMA32 below 4 GiB (x86-64 only), i386 NORMAL up to the 896 MiB lowmem
    /// limit and HIGHMEM above. sparc64 has a single NORMAL zone (no ZONE_DMA there).
    public var zoneLimits: [(ZoneType, UInt64)] {
        switch self {
        case .x86_64: [(.dma, 16 << 20), (.dma32, 4 << 30), (.normal, UInt64.max)]
        case .i386: [(.dma, 16 << 20), (.normal, Self.i386LowmemLimit), (.highmem, UInt64.max)]
        case .sparc64: [(.normal, UInt64.max)]
        }
    }

    /// The zone types compiled in (MAX_NR_ZONES entries, the length of `protection:` in /proc/zoneinfo):
    /// a distro x86-64 has DMA, DMA32, Normal, Movable, Device.
    public var configuredZones: [ZoneType] {
        // Static arrays: this is read on every allocation (gfp_zone()), and a fresh array each time would allocate.
        switch self {
        case .x86_64: Self.x86_64Zones
        case .i386: Self.i386Zones
        case .sparc64: Self.sparc64Zones
        }
    }
    private static let x86_64Zones: [ZoneType] = [.dma, .dma32, .normal, .movable, .device]
    private static let i386Zones: [ZoneType] = [.dma, .normal, .highmem, .movable]
    private static let sparc64Zones: [ZoneType] = [.normal, .movable]

    /// configuredZones as a bit set (bit n = the ZoneType with raw value n): gfp_zone() and the allocator's entry ask
    /// it on every allocation, and asking an array (generic contains/firstIndex) cost more than the rest of gfp_zone().
    /// Literals, since a static let is a swift_once call per read; GFPTests checks them against configuredZones.
    @inline(__always) public var configuredZoneBits: UInt8 {
        switch self {
        case .x86_64: 0b11_0111   // DMA, DMA32, Normal, Movable, Device
        case .i386: 0b01_1101     // DMA, Normal, HighMem, Movable
        case .sparc64: 0b01_0100  // Normal, Movable
        }
    }

    /// Whether the zone is configured here.
    @inline(__always) public func configures(_ zone: ZoneType) -> Bool { configuredZoneBits & (1 << UInt8(zone.rawValue)) != 0 }

    /// zone_idx() of a configured zone type (its place in `configuredZones`, which is in ZoneType order), or nil.
    @inline(__always) public func zoneIndex(of zone: ZoneType) -> Int? {
        let bits = configuredZoneBits
        guard bits & (1 << UInt8(zone.rawValue)) != 0 else { return nil }
        return (bits & ((1 << UInt8(zone.rawValue)) &- 1)).nonzeroBitCount
    }

    /// The lowmem limit of the 3G/1G i386 build, MAXMEM = VMALLOC_END − PAGE_OFFSET − __VMALLOC_RESERVE
    /// (arch/x86/include/asm/pgtable_32_areas.h): 0x36ffe000, about 880 MiB. The textbook's 896 MiB is
    /// 1 GiB − 128 MiB, as if VMALLOC_END were the top of the address space.
    public static let i386LowmemLimit: UInt64 = i386Layout.vmallocEnd - 0xc000_0000 - i386VmallocReserve

    /// __VMALLOC_RESERVE (arch/x86/mm/pgtable_32.c: 128 MiB, the vmalloc= parameter changes it).
    public static let i386VmallocReserve: UInt64 = 128 << 20
    /// VMALLOC_OFFSET: the gap between the end of lowmem and VMALLOC_START.
    public static let i386VmallocOffset: UInt64 = 8 << 20

    /// The top of i386's kernel address space as 6.6 lays it out (asm/fixmap.h, asm/pgtable_32_areas.h) for the
    /// configuration modelled: no PAE (so a PMD maps 4 MiB and the areas below the fixmap are 4 MiB-aligned),
    /// NR_CPUS 8, KM_MAX_IDX 16 kmap slots per CPU, MAX_IO_APICS 64, PCI_MMCONFIG and APEI GHES fixmap slots.
    public struct I386Layout: Sendable, Equatable {
        public let fixaddrTotStart, cpuEntryAreaBase, ldtBase, pkmapBase, vmallocEnd: UInt64
    }

    public static let i386Layout: I386Layout = {
        let page: UInt64 = 4096, pmdMask: UInt64 = ~((4 << 20) - 1), nrCPUs: UInt64 = 8
        // enum fixed_addresses: HOLE, DBGP, EARLYCON, APIC_BASE, 64 IO-APICs, 16 kmap slots per CPU, PCIE_MCFG,
        // 2 GHES slots; the 512 boot-time btmaps (within one PTE table here, so not moved); WP_TEST.
        let permanent: UInt64 = 4 + 64 + 16 * nrCPUs + 1 + 2
        let fixmapPages = permanent + 512 + 1
        let fixaddrTop: UInt64 = 0xffff_f000 // __FIXADDR_TOP
        let fixaddrTotStart = fixaddrTop - fixmapPages * page
        // struct cpu_entry_area on x86-32: gdt, guard, entry stack, guard, doublefault stack, tss (5 pages with
        // its I/O bitmaps), debug store, BTS and PEBS buffers (16 pages each): 43 pages per CPU, plus the IDT page.
        let ceaPages = nrCPUs * 43
        let ceaBase = (fixaddrTotStart - page * (ceaPages + 1)) & pmdMask
        let ldtBase = (ceaBase - page) & pmdMask
        let pkmapBase = (ldtBase - page) & pmdMask
        return I386Layout(fixaddrTotStart: fixaddrTotStart, cpuEntryAreaBase: ceaBase, ldtBase: ldtBase,
                          pkmapBase: pkmapBase, vmallocEnd: pkmapBase - 2 * page) // CONFIG_HIGHMEM
    }()

    /// CONFIG_NR_CPUS of the build modelled (the most CPUs it boots): i386 the Kconfig default for SMP.
    public var nrCPUs: Int {
        switch self {
        case .x86_64: 8192
        case .i386: 8
        case .sparc64: 4096
        }
    }

    /// Largest memory the simulated machine may have: i386 without PAE addresses 4 GiB.
    public var maxMemory: UInt64 {
        switch self {
        case .i386: 4 << 30
        case .x86_64, .sparc64: 64 << 30
        }
    }

    /// Physical load address of the kernel image (x86: CONFIG_PHYSICAL_START 16 MiB; sparc64 loads low).
    public var kernelLoadAddress: UInt64 { self == .sparc64 ? 4 << 20 : 16 << 20 }

    /// THREAD_SIZE_ORDER: x86-64 2 (16 KiB), i386 1 (8 KiB), sparc64 1 (2 × 8 KiB pages = 16 KiB).
    public var threadSizeOrder: Int { self == .x86_64 ? 2 : 1 }
    public var threadSize: Int { pageSize << threadSizeOrder }

    /// The image's sections in KiB as `Memory:` prints them (code, rwdata, rodata, init, bss): x86-64 those of
    /// Debian's distribution build (reference/realkernel/6.12…/before/dmesg: 16384K kernel code, 2499K rwdata,
    /// 11716K rodata, 4264K init, 4904K bss), the others a small build's.
    public var kernelSections: (code: UInt64, rwdata: UInt64, rodata: UInt64, initSize: UInt64, bss: UInt64) {
        switch self {
        case .x86_64: (16384, 2499, 11716, 4264, 4904)
        case .i386: (8192, 1024, 2048, 1024, 2048)
        case .sparc64: (8192, 1536, 3072, 1024, 2560)
        }
    }

    /// The image as memblock reserves it (_text to _end), in load order, page-aligned; some parts go to the page
    /// allocator once boot is done. x86-64 (arch/x86/kernel/vmlinux.lds.S): text, rodata, the gap up to the 2 MiB-
    /// aligned data (mark_rodata_ro() frees it: "rodata/data gap"), data, init (free_initmem()), .bss..decrypted
    /// (mem_encrypt_free_decrypted_mem(): 2028K on Debian's build), bss.
    public var kernelImageParts: [KernelImagePart] {
        let s = kernelSections
        var parts = [KernelImagePart(kind: .text, size: s.code << 10), KernelImagePart(kind: .rodata, size: s.rodata << 10)]
        if self == .x86_64 {
            let end = (s.code + s.rodata) << 10, aligned = (end + (2 << 20) - 1) / (2 << 20) * (2 << 20)
            if aligned > end { parts.append(KernelImagePart(kind: .rodataDataGap, size: aligned - end)) }
        }
        parts.append(KernelImagePart(kind: .data, size: s.rwdata << 10))
        parts.append(KernelImagePart(kind: .initSections, size: s.initSize << 10))
        if self == .x86_64 { parts.append(KernelImagePart(kind: .bssDecrypted, size: 2028 << 10)) }
        parts.append(KernelImagePart(kind: .bss, size: s.bss << 10))
        let page = UInt64(pageSize)
        return parts.map { KernelImagePart(kind: $0.kind, size: ($0.size + page - 1) / page * page) }
    }

    /// Bytes memblock reserves for the image.
    public var kernelImageSize: UInt64 { kernelImageParts.reduce(0) { $0 + $1.size } }

    /// Physical memory the firmware and early boot keep for themselves at the bottom of RAM
    /// (x86: the real-mode area and BIOS region below 1 MiB; sparc64: the PROM's first pages).
    public var lowFirmwareReserve: UInt64 { self == .sparc64 ? 64 << 10 : 1 << 20 }

    /// Architectures people type in other spellings.
    public static func named(_ text: String) -> Architecture? {
        switch text.lowercased() {
        case "x86_64", "x86-64", "amd64", "x86": .x86_64
        case "i386", "i686", "x86_32", "x86-32", "ia32": .i386
        case "sparc64", "sparc": .sparc64
        default: nil
        }
    }
}

/// One piece of the kernel image as boot reserves it.
public struct KernelImagePart: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case text, rodata, rodataDataGap, data, initSections, bssDecrypted, bss

        /// Given back to the page allocator at the end of boot.
        public var freedAfterBoot: Bool { freedLogName != nil }

        /// The boot log's name for it when freed (free_kernel_image_pages(), mem_encrypt_free_decrypted_mem()).
        public var freedLogName: String? {
            switch self {
            case .initSections: "unused kernel image (initmem)"
            case .bssDecrypted: "unused decrypted"
            case .rodataDataGap: "unused kernel image (rodata/data gap)"
            default: nil
            }
        }
    }
    public let kind: Kind
    public let size: UInt64
}

/// The kernel's high-memory mappings (mm/highmem.c, CONFIG_HIGHMEM): the permanent kmap() table and each task's
/// stack of kmap_local_page() / kmap_atomic() slots (CONFIG_KMAP_LOCAL). Only i386 builds HIGHMEM here; on the
/// 64-bit machines every page is in the direct map, kmap() is page_address() and the table is empty.
public struct HighmemState: Sendable, Equatable, Codable {
    /// pkmap_count[]: 0 the entry is free; 1 it still maps a page nobody uses (cleared by the next
    /// flush_all_zero_pkmaps()); n > 1 it is held by n - 1 kmap() callers.
    public internal(set) var pkmapCount: [UInt16] = []
    /// The frame each pkmap entry maps (its PTE), -1 when none.
    public internal(set) var pkmapPage: [Int32] = []
    /// get_next_pkmap_nr()'s static last_pkmap_nr: the search for a free entry starts after it.
    public internal(set) var lastPkmapNr = 0
    /// How many times flush_all_zero_pkmaps() ran (the search wrapped to entry 0).
    public internal(set) var flushes = 0
    /// current->kmap_ctrl of each task holding temporary mappings, by pid: the frames of its slots, bottom first.
    public internal(set) var local: [Int: [Int32]] = [:]
    /// current->pagefault_disabled of each task that called kmap_atomic() and not yet kunmap_atomic(), by pid.
    public internal(set) var pagefaultDisabled: [Int: Int] = [:]

    /// LAST_PKMAP of a non-PAE i386 build (arch/x86/include/asm/pgtable_32_areas.h): one PTE table of entries.
    public static let lastPkmap = 1024
    /// KM_MAX_IDX (include/asm-generic/kmap_size.h, no CONFIG_DEBUG_KMAP_LOCAL): slots per CPU. kmap_local_idx_push()
    /// BUGs when the count reaches it, so a task can hold 15 at once.
    public static let kmMaxIdx = 16
    /// FIX_KMAP_BEGIN in enum fixed_addresses of the modelled i386 build: after FIX_HOLE, FIX_DBGP_BASE,
    /// FIX_EARLYCON_MEM_BASE, FIX_APIC_BASE and 64 IO-APIC slots.
    public static let fixKmapBegin = 68
    /// __FIXADDR_TOP on i386.
    public static let fixaddrTop: UInt64 = 0xffff_f000

    public init() {}

    init(highmem: Bool) {
        guard highmem else { return }
        pkmapCount = Array(repeating: 0, count: Self.lastPkmap)
        pkmapPage = Array(repeating: -1, count: Self.lastPkmap)
    }

    /// The kernel was built with CONFIG_HIGHMEM (it has a pkmap table).
    public var configured: Bool { !pkmapCount.isEmpty }

    /// The pkmap entry mapping `pfn` (set_page_address()'s hash lookup), or nil.
    public func pkmapEntry(of pfn: Int) -> Int? {
        guard configured else { return nil }
        return pkmapPage.firstIndex(of: Int32(truncatingIfNeeded: pfn))
    }

    /// Entries in use (count > 0), held or waiting for a flush.
    public var pkmapEntriesInUse: Int { pkmapCount.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    /// Mappings held: pkmap entries with a kmap() user, and temporary slots. The free path tests it (one load)
    /// before it looks for a block that is freed while mapped; the mutators keep it with `recount()`.
    public internal(set) var held = 0

    mutating func recount() {
        held = pkmapCount.reduce(0) { $0 + ($1 > 1 ? 1 : 0) } + local.values.reduce(0) { $0 + $1.count }
    }

    /// PKMAP_ADDR(nr) for the booted layout.
    public static func pkmapAddress(_ nr: Int) -> UInt64 { Architecture.i386Layout.pkmapBase + UInt64(nr) << 12 }

    /// __fix_to_virt(FIX_KMAP_BEGIN + idx): the fixmap page of kmap_local slot `slot` on `cpu` (the slots go down
    /// from FIX_KMAP_BEGIN's page, KM_MAX_IDX per CPU).
    public static func localAddress(slot: Int, cpu: Int) -> UInt64 {
        fixaddrTop - UInt64(fixKmapBegin + slot + kmMaxIdx * cpu) << 12
    }

    /// The fixmap range of every CPU's kmap_local slots: __fix_to_virt(FIX_KMAP_END) … __fix_to_virt(FIX_KMAP_BEGIN).
    public static func localRange(nrCPUs: Int) -> ClosedRange<UInt64> {
        localAddress(slot: kmMaxIdx - 1, cpu: nrCPUs - 1)...localAddress(slot: 0, cpu: 0)
    }
}

/// What a kmap-family call did, for the shell: a refusal (the kernel's report, or kmemsim's reason, is in the log)
/// fails the command.
public enum KmapOutcome: Sendable, Equatable {
    /// The address the caller may use: a direct-map address (lowmem), a pkmap entry's, or a fixmap slot's.
    case mapped(address: UInt64, how: KmapHow)
    /// kunmap()/kunmap_local()/kunmap_atomic() ran.
    case unmapped(how: KmapHow)
    /// The call returned without unmapping anything (not a kmap_local address); the note says why.
    case ignored
    /// The kernel would have died (BUG) or hung; nothing changed.
    case refused
}

/// Which mapping a kmap-family call made or dropped.
public enum KmapHow: Sendable, Equatable {
    /// A lowmem page: its direct-map address, nothing mapped.
    case directMap
    /// Entry `entry` of the pkmap table, now held by `users` kmap() callers (0 after the last kunmap()).
    case pkmap(entry: Int, users: Int)
    /// Slot `slot` of the task's kmap_local stack, on `cpu`'s fixmap pages.
    case local(slot: Int, cpu: Int)
}

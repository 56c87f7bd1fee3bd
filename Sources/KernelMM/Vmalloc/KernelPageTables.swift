/// The kernel page tables (init_mm) below vmalloc space, as far as they cost pages: the PTE tables and, where the
/// architecture allocates them from the page allocator, the PMD tables. Mapping a vmalloc area fills entries; a
/// table is allocated the first time an address in its span is mapped and is never freed again (vunmap clears
/// entries but keeps the tables: mm/vmalloc.c vunmap_pte_range()), so a vmalloc can cost more than its own pages.
public struct KernelPageTables: Sendable, Equatable, Codable {
    public enum Level: UInt8, Sendable, Equatable, Codable {
        /// A PTE table: one page of entries, each mapping one page.
        case pte
        /// A PMD table: one page of entries, each pointing to a PTE table.
        case pmd
    }
    /// One table page: the span it covers (address >> its level's shift) and the frame holding it.
    public struct Table: Sendable, Equatable, Codable {
        public var level: Level
        public var index: UInt64
        public var pfn: Int32
    }
    /// Every table, sorted by (level, index), so a lookup is a binary search and a view lists them in address order.
    public internal(set) var tables: [Table] = []
    public init() {}

    func position(_ level: Level, _ index: UInt64) -> (found: Bool, at: Int) {
        let i = tables.partitioningIndex { $0.level.rawValue < level.rawValue || ($0.level == level && $0.index < index) }
        return (i < tables.count && tables[i].level == level && tables[i].index == index, i)
    }

    public func table(_ level: Level, covering index: UInt64) -> Table? {
        let p = position(level, index)
        return p.found ? tables[p.at] : nil
    }

    mutating func insert(_ t: Table) {
        let p = position(t.level, t.index)
        if !p.found { tables.insert(t, at: p.at) }
    }

    public func count(_ level: Level) -> Int { tables.reduce(0) { $0 + ($1.level == level ? 1 : 0) } }
}

extension Architecture {
    /// PMD_SHIFT where the architecture maps vmalloc with huge pages (HAVE_ARCH_HUGE_VMALLOC: x86-64 only among
    /// kmemsim's architectures), for VM_ALLOW_HUGE_VMAP areas of at least that size.
    public var hugeVmallocShift: Int? { self == .x86_64 ? 21 : nil }

    /// log2 of the bytes one table of `level` maps (PMD_SHIFT for a PTE table, PUD_SHIFT for a PMD table), or nil when
    /// the level costs no page from the page allocator: i386 without PAE has two levels (the PMD is folded into the
    /// PGD, which is part of the kernel image); x86-64 preallocates the PUD/P4D level for vmalloc space at boot
    /// (preallocate_vmalloc_pages()); sparc64 takes its PMD tables from the pgtable_cache slab, not as pages.
    public func pageTableShift(_ level: KernelPageTables.Level) -> Int? {
        switch (self, level) {
        case (.x86_64, .pte): 21       // 512 entries × 4 KiB
        case (.x86_64, .pmd): 30       // 512 entries × 2 MiB
        case (.i386, .pte): 22         // 1024 entries × 4 KiB
        case (.sparc64, .pte): 23      // PMD_SHIFT = PAGE_SHIFT + (PAGE_SHIFT-3): 1024 entries × 8 KiB
        case (.i386, .pmd), (.sparc64, .pmd): nil
        }
    }
}

extension Kernel {
    /// vmap_pages_range() → vmap_range_noflush(): before the entries for [start, start + pages × PAGE_SIZE) can be
    /// written, every PMD table (pmd_alloc_track → pmd_alloc_one) and PTE table (pte_alloc_kernel_track →
    /// pte_alloc_one_kernel) on the way must exist; the missing ones are allocated now, in address order, one
    /// zeroed page each. Returns false when one cannot be allocated (the tables allocated so far stay, as in the
    /// kernel: vmap gives up with -ENOMEM and nothing frees page tables).
    /// `leafShift` is the size of one mapping: PAGE_SHIFT, or PMD_SHIFT for a huge mapping, whose PMD entries point
    /// at the pages themselves (vmap_try_huge_pmd()), so no PTE table is needed.
    mutating func populateKernelPageTables(start: UInt64, pages: Int, leafShift: Int? = nil) -> Bool {
        guard pages > 0 else { return true }
        for s in pageTableSlots(start, start + UInt64(pages) * UInt64(pageSize), leafShift: leafShift ?? arch.pageShift)
        where vmalloc.pageTables.table(s.level, covering: s.index) == nil {
            guard allocKernelPageTable(s.level, index: s.index, shift: s.shift) else { return false }
        }
        return true
    }

    /// Every table slot the walk for [start, end) passes, PMD level first, then PTE, in address order; levels that
    /// cost no page on this architecture, and levels at or below `leafShift` (a huge mapping's leaves), are skipped.
    func pageTableSlots(_ start: UInt64, _ end: UInt64, leafShift: Int) -> [(level: KernelPageTables.Level, index: UInt64, shift: Int)] {
        guard end > start else { return [] }
        var out: [(level: KernelPageTables.Level, index: UInt64, shift: Int)] = []
        for level in [KernelPageTables.Level.pmd, .pte] {
            guard let shift = arch.pageTableShift(level), shift > leafShift else { continue }
            for index in (start >> UInt64(shift))...((end - 1) >> UInt64(shift)) { out.append((level, index, shift)) }
        }
        return out
    }

    /// __pte_alloc_one_kernel(): GFP_PGTABLE_KERNEL & ~__GFP_HIGHMEM (the kernel writes the table through the direct
    /// map); pmd_alloc_one(): GFP_PGTABLE_KERNEL and pagetable_pmd_ctor(), which counts it in NR_PAGETABLE.
    private mutating func allocKernelPageTable(_ level: KernelPageTables.Level, index: UInt64, shift: Int) -> Bool {
        let gfp = GFPFlags.kernel.union(.zero)
        let function = level == .pte ? "__pte_alloc_kernel" : "__pmd_alloc"
        // The table's own allocation is not narrated: the step below says what it was for.
        let narrate = explainEnabled
        explainEnabled = false
        let got = allocPages(level == .pte ? gfp.subtracting(.highmem) : gfp, order: 0, owner: .pageTable,
                             tag: UInt32(level.rawValue), caller: function)
        explainEnabled = narrate
        guard let pfn = got else { return false }
        vmalloc.pageTables.insert(.init(level: level, index: index, pfn: Int32(pfn.raw)))
        if explainEnabled {
            explain(.kmalloc(.pageTableAllocated(level: level, pfn: pfn.raw, start: index << UInt64(shift),
                                                 end: (index + 1) << UInt64(shift))))
        }
        return true
    }

    /// The table a page-table frame holds, for the page view.
    public func kernelPageTable(atPFN pfn: Int) -> KernelPageTables.Table? {
        vmalloc.pageTables.tables.first { Int($0.pfn) == pfn }
    }
}

/// A kernel page table and the virtual span it maps.
public struct KernelPageTableSpan: Sendable, Equatable {
    public var level: KernelPageTables.Level
    public var pfn: Int
    public var start: UInt64
    public var end: UInt64
}

extension Kernel {
    /// The tables (PMD level first) that map [start, end), as the page-table walk for those addresses meets them.
    public func kernelPageTables(mapping start: UInt64, _ end: UInt64) -> [KernelPageTableSpan] {
        pageTableSlots(start, end, leafShift: 0).compactMap { s in
            vmalloc.pageTables.table(s.level, covering: s.index).map {
                KernelPageTableSpan(level: s.level, pfn: Int($0.pfn), start: s.index << UInt64(s.shift), end: (s.index + 1) << UInt64(s.shift))
            }
        }
    }
}

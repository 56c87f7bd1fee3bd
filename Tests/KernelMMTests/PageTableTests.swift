import Testing
@testable import KernelMM

/// Kernel page tables for vmalloc space. Spans come from the 6.6 headers: x86-64 PMD_SHIFT 21 and PUD_SHIFT 30
/// (arch/x86/include/asm/pgtable_64_types.h, 512 entries a table), i386 without PAE PGDIR_SHIFT 22 (1024 entries,
/// the PMD folded), sparc64 PMD_SHIFT = PAGE_SHIFT + (PAGE_SHIFT-3) = 23 (arch/sparc/include/asm/pgtable_64.h).
@Suite struct PageTableTests {
    static let x86 = try! VmallocTests.boot(.x86_64, memory: 256 << 20)

    static func tableFrames(_ k: Kernel) -> Int { k.frames.filter { $0.state == .allocated && $0.owner == .pageTable }.count }

    /// The spans of `shift` bits that [start, start + bytes) touches and that had no table before.
    static func newSpans(_ start: UInt64, _ bytes: Int, shift: Int, before: Kernel, level: KernelPageTables.Level) -> Int {
        let lo = start >> UInt64(shift), hi = (start + UInt64(bytes) - 1) >> UInt64(shift)
        return (lo...hi).filter { before.vmalloc.pageTables.table(level, covering: $0) == nil }.count
    }

    @Test func aVmallocAllocatesTheMissingTablesAndKeepsThemAfterVfree() throws {
        var k = Self.x86
        let before = k
        let free0 = VmallocTests.free(k), tables0 = Self.tableFrames(k)
        let v = try unwrap(k.vmalloc(6 << 20))
        let pte = Self.newSpans(v, 6 << 20, shift: 21, before: before, level: .pte)
        let pmd = Self.newSpans(v, 6 << 20, shift: 30, before: before, level: .pmd)
        #expect(pte >= 3) // 6 MiB crosses at least three 2 MiB spans
        #expect(Self.tableFrames(k) == tables0 + pte + pmd)
        // The area's own 1536 pages, its vmalloc'd page array (1536 pointers: 3 pages), one zeroed page per new table.
        #expect(VmallocTests.free(k) == free0 - 1536 - 3 - pte - pmd)
        for t in k.kernelPageTables(mapping: v, v + (6 << 20)) {
            #expect(k.frames[t.pfn].flags.contains(.zeroed)) // GFP_PGTABLE_KERNEL has __GFP_ZERO
            #expect(k.zoneIndex(ofPFN: t.pfn).map { k.zones[$0].isHighmem } == false)
        }
        try k.checkInvariants()
        // vunmap clears the entries, not the tables: they stay, and a new area in the same span needs none.
        #expect(k.vfree(v) == .freed(pages: 1536))
        #expect(Self.tableFrames(k) == tables0 + pte + pmd)
        try k.checkInvariants()
        let afterFree = Self.tableFrames(k)
        _ = try unwrap(k.vmalloc(4096))
        #expect(Self.tableFrames(k) == afterFree)
        try k.checkInvariants()
    }

    @Test func pageTablesInMeminfoCountOnlyPMDTables() throws {
        var k = Self.x86
        _ = try unwrap(k.vmalloc(8 << 20))
        // pmd_alloc_one() runs pagetable_pmd_ctor() (NR_PAGETABLE); __pte_alloc_one_kernel() runs no ctor.
        #expect(k.vmalloc.pageTables.count(.pmd) >= 1)
        #expect(k.memInfo().pageTables == k.vmalloc.pageTables.count(.pmd))
        let pmd = try #require(k.vmalloc.pageTables.tables.first { $0.level == .pmd })
        #expect(k.pageDump(Int(pmd.pfn)).pageType == 0xffff_fdff) // PAGE_TYPE_BASE with PG_table (0x200) cleared
        let pte = try #require(k.vmalloc.pageTables.tables.first { $0.level == .pte })
        #expect(k.pageDump(Int(pte.pfn)).pageType == nil)
    }

    @Test(arguments: [(Architecture.i386, 22), (.sparc64, 23)])
    func otherArchitecturesHaveTheirSpansAndNoPMDPages(arch: Architecture, shift: Int) throws {
        var k = try VmallocTests.boot(arch, memory: 512 << 20)
        #expect(k.vmalloc.pageTables.count(.pmd) == 0)
        let before = k
        let tables0 = Self.tableFrames(k)
        let bytes = 3 << shift
        let v = try unwrap(k.vmalloc(UInt64(bytes)))
        // The area's page array (more than a page of pointers) is an area of its own, which may need a table too.
        let area = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        let array = try #require(area.pagesArray)
        let arrayBytes = try #require(k.vmalloc.index(containing: array).map { k.vmalloc.areas[$0].size - k.pageSize })
        var spans = Self.newSpans(v, bytes, shift: shift, before: before, level: .pte)
        let arraySpan = Int(array) >> shift
        if !(Int(v) >> shift...Int(v + UInt64(bytes) - 1) >> shift).contains(arraySpan) {
            spans += Self.newSpans(array, arrayBytes, shift: shift, before: before, level: .pte)
        }
        #expect(Self.tableFrames(k) == tables0 + spans)
        #expect(k.vmalloc.pageTables.count(.pmd) == 0)
        try k.checkInvariants()
    }

    @Test func aPageTableCannotBeFreedFromThePrompt() throws {
        var k = Self.x86
        let t = try #require(k.vmalloc.pageTables.tables.first)
        let before = k
        k.freePages(PFN(Int(t.pfn)), order: 0, caller: "__free_pages")
        #expect(k.frames == before.frames)
        #expect(k.vmalloc == before.vmalloc)
        try k.checkInvariants()
    }

    @Test func whenNoPageIsLeftForATableTheVmallocFailsAndGivesItsPagesBack() throws {
        var k = try VmallocTests.boot(.x86_64, memory: 64 << 20)
        // Fill memory so that the data pages fit but a new table does not: take all but a few pages.
        var held: [PFN] = []
        while let p = k.allocPages(GFPFlags.kernel.union(.nowarn), order: 0) { held.append(p) }
        for p in held.suffix(8) { k.freePages(p, order: 0) }
        let vmallocFrames0 = VmallocTests.heldByVmalloc(k)
        // 8 free pages: 8 data pages for an area far enough to need a new PTE table.
        let free0 = VmallocTests.free(k), tables0 = Self.tableFrames(k)
        let r = k.vmallocNodeRange(size: 8 * 4096, align: 2 << 20, caller: "vmalloc")
        #expect(r == nil)
        #expect(VmallocTests.heldByVmalloc(k) == vmallocFrames0)
        #expect(Self.tableFrames(k) == tables0)
        #expect(VmallocTests.free(k) == free0)
        #expect(k.log.entries(since: 0).contains { if case .vmallocError(let m, _, _) = $0.report.kind { m.hasSuffix("failed to map pages") } else { false } })
        try k.checkInvariants()
    }
}

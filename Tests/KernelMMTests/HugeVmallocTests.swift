import Testing
@testable import KernelMM

/// kvmalloc() passes VM_ALLOW_HUGE_VMAP (mm/util.c kvmalloc_node); x86-64 selects HAVE_ARCH_HUGE_VMALLOC
/// (arch/x86/Kconfig), so from PMD_SIZE (2 MiB) up __vmalloc_node_range() aligns the size and the start to 2 MiB,
/// allocates order-9 chunks, split_page()s them and maps each with one PMD entry (mm/vmalloc.c:3257-3275).
@Suite struct HugeVmallocTests {
    static let x86 = try! VmallocTests.boot(.x86_64, memory: 256 << 20)

    @Test func kvmallocOfFiveMiBIsThreeOrder9ChunksOnA2MiBBoundary() throws {
        var k = Self.x86
        let free0 = VmallocTests.free(k)
        let ptes0 = k.vmalloc.pageTables.count(.pte)
        let v = try unwrap(k.kvmalloc(5 << 20, gfp: .kernel)) // above KMALLOC_MAX_ORDER's 4 MiB: vmalloc
        let a = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        #expect(v % (2 << 20) == 0)
        #expect(a.size == (6 << 20) + 4096) // ALIGN(5 MiB, PMD_SIZE) + the guard page, as vmallocinfo prints it
        #expect(a.pageOrder == 9 && a.nrPages == 1536)
        for c in 0..<3 {
            let first = Int(a.pages[c * 512])
            #expect(first % 512 == 0) // each chunk is an order-9 block
            #expect((0..<512).allSatisfy { Int(a.pages[c * 512 + $0]) == first + $0 })
            #expect((0..<512).allSatisfy { k.frames[first + $0].state == .allocated && k.frames[first + $0].order == 0 })
        }
        #expect(k.vmalloc.pageTables.count(.pte) == ptes0) // PMD entries map the chunks: no PTE table
        // vm->pages holds 1536 pointers, 12 KiB: more than a page, so __vmalloc_area_node() vmallocs it (3 pages).
        #expect(a.pagesArray != nil)
        #expect(VmallocTests.free(k) == free0 - 1536 - 3)
        try k.checkInvariants()
        #expect(k.kvfree(v) == .vfree(.freed(pages: 1536)))
        #expect(VmallocTests.free(k) == free0)
        try k.checkInvariants()
    }

    @Test func plainVmallocAndOtherArchitecturesMapSinglePages() throws {
        var k = Self.x86
        let v = try unwrap(k.vmalloc(6 << 20))
        #expect(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0].pageOrder } == 0)
        var i = try VmallocTests.boot(.i386, memory: 512 << 20)
        let w = try unwrap(i.kvmalloc(6 << 20, gfp: .kernel))
        #expect(i.vmalloc.index(containing: w).map { i.vmalloc.areas[$0].pageOrder } == 0)
        try i.checkInvariants()
    }

    @Test func withoutAnOrder9BlockKvmallocFallsBackToSinglePagesQuietly() throws {
        var k = Self.x86
        // 1024 free single pages whose buddies are held, then every block of order 9 or more taken.
        var singles: [PFN] = []
        for _ in 0..<2048 { singles.append(try unwrap(k.allocPages(.kernel, order: 0))) }
        for (n, p) in singles.enumerated() where n % 2 == 0 { k.freePages(p, order: 0) }
        while k.allocPages(GFPFlags.kernel.union(.nowarn), order: 9) != nil {}
        let logged = k.log.written
        let v = try unwrap(k.kvmalloc(2 << 20, gfp: .kernel))
        let a = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        #expect(a.pageOrder == 0 && a.nrPages == 512 && a.size == (2 << 20) + 4096)
        // The huge pass's failure is not reported (mm/vmalloc.c: "a warning for either is spurious"); its range
        // went back lazily, as vfree() does.
        #expect(k.log.written == logged)
        #expect(!k.vmalloc.purgeList.isEmpty)
        try k.checkInvariants()
    }
}

extension HugeVmallocTests {
    /// The fuzzer's finding: __GFP_COMP on a huge kvmalloc made compound chunks the area then mapped as single pages.
    @Test func compInTheMaskIsDroppedAndSaid() throws {
        var k = Self.x86
        let v = try unwrap(k.kvmalloc(8 << 20, gfp: GFPFlags.kernel.union(.comp)))
        let a = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        #expect(a.pageOrder == 9)
        #expect(a.pages.allSatisfy { k.frames[Int($0)].order == 0 && !k.frames[Int($0)].flags.contains(.head) })
        #expect(k.log.entries.contains { $0.report.note == .vmallocDropsComp(gfp: GFPFlags.kernel.union(.comp)) })
        try k.checkInvariants()
        #expect(k.kvfree(v) == .vfree(.freed(pages: 2048)))
        try k.checkInvariants()
    }
}

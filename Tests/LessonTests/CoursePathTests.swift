import MMShell
import Testing

/// Each lesson of the course answered along a different valid path than its reference solution: a detour changes
/// the machine, the answers right for that machine are accepted, and the reference answer, now wrong, is not.
/// The values here were worked out for the detour (e.g. one more page taken first moves the next page by one PFN).
@Suite struct CoursePathTests {
    /// Runs `lines` as the learner; expects the lesson to complete with exactly `failed` failed checks.
    func walk(_ id: String, _ lines: [String], failed: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lesson = try loadLesson(id)
        let r = LessonRunner.run(lesson, input: lines)
        #expect(r.completed, "\(r.stdout.suffix(1500))", sourceLocation: sourceLocation)
        #expect(r.failedChecks == failed, "\(r.stdout.suffix(1500))", sourceLocation: sourceLocation)
    }

    @Test func pagesWithAnotherPageTakenFirst() throws {
        // x takes PFN 0x3c1a off the per-CPU list, so p is 0x3c1b and its neighbour's struct page 64 bytes further.
        try walk("pages", ["next", "12", "x = alloc_page GFP_KERNEL", "p = alloc_page GFP_KERNEL",
                           "0x3c1a", "0x3c1b", "next", "0xffffea00000f0700", "262144", "0",
                           "boot arch=sparc64 mem=1G", "131072"], failed: 1)
    }

    @Test func zonesWithAWholeHighmemBlockTakenFirst() throws {
        // An order-10 block taken before h leaves one order-10 block fewer in HighMem.
        try walk("zones", ["next", "879", "next", "299010", "a = alloc_pages GFP_HIGHUSER 10", "h = alloc_pages GFP_HIGHUSER 0",
                           "no", "291", "290", "boot arch=x86_64 mem=6G", "0x100000"], failed: 1)
    }

    @Test func gettingPagesWithAnotherBlockTakenFirst() throws {
        // b takes the order-1 block at PFN 0x203a, so a is the next free one, 0x2030, at physical 0x2030000.
        try walk("getting-pages", ["next", "32768", "b = __get_free_pages GFP_KERNEL 1", "a = __get_free_pages GFP_KERNEL 1",
                                   "0x203a000", "0x2030000", "z = get_zeroed_page GFP_KERNEL", "HighMem", "Normal",
                                   "free_pages $a 1", "__free_pages $h 0"], failed: 1)
    }

    @Test func buddyWithAWholeBlockTakenFirst() throws {
        // x takes the order-10 block at 0x400 first, so p is split from the one at 0x800: its buddy is 0x804, two
        // order-10 blocks are left after the merges, and two allocations empty the order-10 list.
        try walk("buddy-split", ["next", "x = alloc_pages GFP_KERNEL|__GFP_DMA 10", "2", "p = alloc_pages GFP_KERNEL|__GFP_DMA 2",
                                 "0x404", "0x804", "0", "__free_page $q", "2",
                                 "a = alloc_pages GFP_KERNEL|__GFP_DMA 10", "b = alloc_pages GFP_KERNEL|__GFP_DMA 10",
                                 "384", "no"], failed: 1)
    }

    @Test func gfpWithAPageTakenFromNormalFirst() throws {
        // x's refill leaves 62 pages on Normal's per-CPU lists, so after n there are 61 (the reference predicts 62);
        // m gets its Movable DMA32 page with GFP_KERNEL spelled out.
        try walk("gfp-sleep", ["next", "0xcc0", "gfp GFP_NOIO", "__GFP_DIRECT_RECLAIM", "1542", "no", "0x2dc0",
                               "m = alloc_pages GFP_KERNEL|__GFP_DMA32|__GFP_MOVABLE 0", "DMA32", "Normal, DMA32, DMA",
                               "x = alloc_page GFP_KERNEL", "61"], failed: 0)
    }

    @Test func migrateTypesWithAWholeUnmovableBlockTakenFirst() throws {
        // x steals one order-10 block (two pageblocks) for Unmovable before the count: 6 Movable pageblocks are left,
        // and u must steal the next one, so 4 are Unmovable.
        try walk("migrate-types", ["next", "512", "x = alloc_pages GFP_KERNEL|__GFP_DMA 10", "8", "6", "4", "Unmovable",
                                   "m = alloc_pages GFP_KERNEL|__GFP_MOVABLE|__GFP_DMA 0", "no", "2"], failed: 1)
    }

    @Test func freeingPagesAroundAnotherBlock() throws {
        // Another order-3 block allocated and freed in between changes nothing the questions ask about.
        try walk("freeing-pages", ["next", "x = alloc_pages GFP_KERNEL 3", "p = alloc_pages GFP_KERNEL 2", "__free_pages $x 3",
                                   "pcp", "yes", "q = alloc_pages GFP_KERNEL 3", "no", "leaked",
                                   "a = __get_free_pages GFP_KERNEL 1", "yes"], failed: 0)
    }
}

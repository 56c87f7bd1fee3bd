@testable import MMShell
import Testing

/// Issue 14: an allocation failure's Mem-Info block has what 6.6's __show_mem() prints (mm/show_mem.c): the global
/// counters, the node line, each zone, the free areas, the huge page pools, the page cache and swap lines, and the
/// RAM / HighMem / reserved / hwpoisoned totals.
@Suite struct MemInfoBlockTests {
    @Test func theMemInfoBlockHasEveryPartInTheKernelsOrder() throws {
        var sh = try Shell()
        _ = sh.execute("boot mem=64M pcp=off")
        var out = ""
        for v in ["a", "b", "c", "d"] { out += sh.execute("\(v) = alloc_pages GFP_NOWAIT 10").stdout }
        let lines = out.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "Mem-Info:"))
        let block = Array(lines[start...])
        let order = ["active_anon:0 inactive_anon:0 isolated_anon:0", " slab_reclaimable:", " free:", "Node 0 active_anon:",
                     "Node 0 DMA free:", "lowmem_reserve[]:", "Node 0 DMA: ", "Node 0 hugepages_total=0",
                     "0 total pagecache pages", "0 pages in swap cache", "Free swap  = 0kB", "Total swap = 0kB",
                     "16286 pages RAM", "0 pages HighMem/MovableOnly", " pages reserved", "0 pages hwpoisoned"]
        var at = 0
        for want in order {
            let i = try #require(block[at...].firstIndex { $0.hasPrefix(want) || ($0.hasSuffix(want) && want.hasPrefix(" pages")) }, "missing \(want)")
            at = i + 1
        }
        let k = sh.session.kernel
        let reserved = k.zones.reduce(0) { $0 + $1.presentPages - $1.managedPages }
        #expect(block.contains("\(reserved) pages reserved"))
    }
}

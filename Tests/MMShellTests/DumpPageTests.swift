@testable import MMShell
import Testing

/// Issue 14: __dump_page() (mm/debug.c, 6.6) prints "page_type: %pGt" for every page, between flags and raw.
@Suite struct DumpPageTests {
    @Test func everyPageDumpHasAPageTypeLine() throws {
        var sh = try Shell()
        _ = sh.execute("p = alloc_pages GFP_KERNEL 0")
        let lines = sh.execute("page $p").stdout.split(separator: "\n").map(String.init)
        let flags = try #require(lines.firstIndex { $0.hasPrefix("flags: ") })
        #expect(lines[flags + 1] == "page_type: 0xffffffff()")
        #expect(lines[flags + 2].hasPrefix("raw: "))
    }
}

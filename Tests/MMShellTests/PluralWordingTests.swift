@testable import MMShell
import Testing

/// Issue 12 "small wording": a count of one page reads "1 page", never "(1 pages)".
@Suite struct PluralWordingTests {
    @Test func aWrongOrderFreeOfOnePageSaysOnePage() throws {
        var sh = try Shell()
        _ = sh.execute("p = alloc_pages GFP_KERNEL 0")
        let o = sh.execute("__free_pages $p 1")
        #expect(o.stdout.contains("allocated with order 0 (1 page) but freed with order 1 (2 pages)"), "\(o.stdout)")
        #expect(o.stdout.contains("it would put 1 page it does not own"))
        #expect(!o.stdout.contains("1 pages"))
    }

    @Test func pagesAgreesWithItsCount() {
        #expect(Format.pages(1) == "1 page")
        #expect(Format.pages(0) == "0 pages")
        #expect(Format.pages(8) == "8 pages")
    }
}

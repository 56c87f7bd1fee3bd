import Testing
@testable import MMShell

/// The parser's cache of short words gives back exactly the String a word's bytes make, whatever was cached before
/// (words of every length around its eight-byte halves, words that share a slot, words too long to cache), and a
/// copy of a cache writes to storage of its own.
@Suite struct WordCacheTests {
    static let words: [String] = (0...17).map { n in String((0..<n).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) }) }
        + ["alloc_pages", "__free_pages", "GFP_KERNEL", "GFP_KERNEL|__GFP_ZERO", "$p", "p", "0", "00", "a\u{9}b", "x\u{0}"]

    static func word(_ table: WordCacheTable, _ s: String) -> String {
        Array(s.utf8).withUnsafeBufferPointer { table.word($0) }
    }

    @Test func everyWordComesBackAsItsBytesMakeIt() {
        var cache = WordCache()
        let table = cache.ownTable()
        // Three rounds, so that every word is asked after others have taken (or collided with) its slot.
        for _ in 0..<3 {
            for w in Self.words { #expect(Self.word(table, w) == w, "'\(w)'") }
            for w in Self.words.reversed() { #expect(Self.word(table, w) == w, "'\(w)'") }
        }
        // Many words over 64 slots: collisions replace, and what replaced comes back right.
        let many = (0..<500).map { "w\($0)" }
        for w in many + many { #expect(Self.word(table, w) == w) }
    }

    @Test func aCopyOwnsItsOwnTable() {
        var a = WordCache()
        let ta = a.ownTable()
        _ = Self.word(ta, "alloc_pages")
        var b = a
        let tb = b.ownTable()
        #expect(tb !== ta)
        #expect(Self.word(tb, "alloc_pages") == "alloc_pages")
    }

    /// The shell's parse with the cache gives the words the uncached parse gives, line after line.
    @Test func parsesAsWithoutTheCache() throws {
        var cache = WordCache()
        var spare: [String] = [], spare2: [String] = []
        let lines = ["p = alloc_pages GFP_KERNEL 0", "__free_pages $p 0", "kmalloc 96 GFP_ATOMIC", "x = kmalloc 96 GFP_KERNEL|__GFP_ZERO",
                     "kfree $x", "p = alloc_pages GFP_KERNEL 0", "zoneinfo", "a_rather_long_command_word with_long_arguments_here 1"]
        for line in lines + lines {
            let cached = try LineParser.parseLine(line, reusing: &spare, cache: cache.ownTable())
            let plain = try LineParser.parseLine(line, reusing: &spare2)
            #expect(cached == plain, "\(line)")
            spare = cached.arguments
            spare2 = plain.arguments
        }
    }
}

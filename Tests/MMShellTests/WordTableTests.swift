import Testing
@testable import MMShell

/// The byte-hashed table answers as a Dictionary of the same pairs would, for words of every length around the
/// hash's eight-byte steps.
@Suite struct WordTableTests {
    static let keys: [String] = (0...20).map { n in String((0..<n).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) }) }
        + ["alloc_pages", "__free_pages", "GFP_KERNEL", "kmalloc", "x\u{0}", "x"]

    @Test func findsEveryKeyAndNothingElse() {
        let table = WordTable(Self.keys.enumerated().map { ($0.element, $0.offset) })
        for (i, k) in Self.keys.enumerated() {
            #expect(table[k] == i, "'\(k)'")
        }
        for miss in ["abcdefgh_", "abcdefgz", "alloc_pagez", "__free_page", "GFP_KERNEL\u{0}", "", "y", "abcdefghijklmnopqrstu"]
        where !Self.keys.contains(miss) {
            #expect(table[miss] == nil, "'\(miss)'")
        }
    }

    /// A non-ASCII spelling that equals a key as Strings do still finds it (KELVIN SIGN is K).
    @Test func nonASCIIComparesAsStrings() {
        let table = WordTable([("GFP_KERNEL", 1)])
        #expect(table["GFP_\u{212A}ERNEL"] == 1)
    }
}

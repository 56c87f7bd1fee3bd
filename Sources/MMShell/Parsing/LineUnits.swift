/// A line's characters as the line parser reads them: unit k is the k-th Character (grapheme) of the line, with its
/// bytes and the few facts the parser asks about it. A line of plain ASCII is read byte by byte (one byte is one
/// Character there, so no Unicode tables are consulted); any other line is segmented into Characters once, up front.
/// Either way the parser asks the same questions, so it reads every line with one set of rules, exactly as a walk
/// over `Character`s would (`"\u{37E}"` is a `;`, `" \u{301}"` is one blank).
protocol LineUnits {
    /// Characters in the line.
    var count: Int { get }
    /// The ASCII character unit k is equal to (as Characters compare), or 0 when it is none of them.
    func ascii(_ k: Int) -> UInt8
    /// `Character.isWhitespace`.
    func isSpace(_ k: Int) -> Bool
    /// `Character.isLetter`.
    func isLetter(_ k: Int) -> Bool
    /// `_`, a letter or a number (`LineParser.isWordChar`).
    func isWord(_ k: Int) -> Bool
    /// Units a..<z as a String.
    func text(_ a: Int, _ z: Int) -> String
    /// False when no unit is the ASCII character `c` (a scan for it can be skipped); true when one may be.
    func mayHold(_ c: UInt8) -> Bool
}

/// Printable or control ASCII without a CR LF pair: unit k is byte k.
struct ASCIILineUnits: LineUnits {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the words' Strings are found again (nil: each is made).
    var cache: WordCacheTable?

    /// nil when the line holds a non-ASCII byte or a CR LF pair (one Character of two bytes). `printable`: the
    /// caller has seen that every byte is printable ASCII or a tab (`CInput.isC` reads the line first), so neither
    /// is there to look for.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, printable: Bool = false, cache: WordCacheTable? = nil) {
        // Printable ASCII (most lines) has neither, found eight bytes a step.
        if !printable, !ByteScan.isPrintableASCII(bytes) {
            var previous: UInt8 = 0
            for c in bytes {
                if c >= 0x80 || (c == 0x0A && previous == 0x0D) { return nil }
                previous = c
            }
        }
        self.bytes = bytes
        self.cache = cache
    }

    var count: Int { bytes.count }
    @inline(__always) func ascii(_ k: Int) -> UInt8 { bytes[k] }
    @inline(__always) func isSpace(_ k: Int) -> Bool { let c = bytes[k]; return c == 0x20 || (c >= 0x09 && c <= 0x0D) }
    @inline(__always) func isLetter(_ k: Int) -> Bool { LineParser.isASCIILetter(bytes[k]) }
    @inline(__always) func isWord(_ k: Int) -> Bool { LineParser.isASCIIWord(bytes[k]) }
    func text(_ a: Int, _ z: Int) -> String {
        let b = UnsafeBufferPointer(rebasing: bytes[a..<z])
        return cache?.word(b) ?? String(utf8Bytes: b)
    }
    func mayHold(_ c: UInt8) -> Bool { ByteScan.contains(bytes, c) }
}

/// Any other line: its Characters, found once with the standard library's segmentation.
struct CharacterLineUnits: LineUnits {
    private let utf8: [UInt8]
    /// Byte offset of each Character, and one past the end.
    private var starts: [Int] = [0]
    private var asciiOf: [UInt8] = []
    private var facts: [UInt8] = []
    private static let space: UInt8 = 1, letter: UInt8 = 2, word: UInt8 = 4
    /// The ASCII characters the parser compares with; a non-ASCII Character may still equal one (U+037E is `;`).
    private static let significant: [UInt8] = Array("\"#;=$?-(),|&~ \t_".utf8)

    init(_ line: String) {
        utf8 = Array(line.utf8)
        var offset = 0
        for ch in line {
            offset += ch.utf8.count
            starts.append(offset)
            var a: UInt8 = 0
            if ch.utf8.count == 1, let b = ch.utf8.first {
                a = b
            } else if ch.unicodeScalars.count == 1 {
                for s in Self.significant where ch == Character(Unicode.Scalar(s)) { a = s; break }
            }
            asciiOf.append(a)
            var f: UInt8 = 0
            if ch.isWhitespace { f |= Self.space }
            if ch.isLetter { f |= Self.letter }
            if ch == "_" || ch.isLetter || ch.isNumber { f |= Self.word }
            facts.append(f)
        }
    }

    var count: Int { asciiOf.count }
    func ascii(_ k: Int) -> UInt8 { asciiOf[k] }
    func isSpace(_ k: Int) -> Bool { facts[k] & Self.space != 0 }
    func isLetter(_ k: Int) -> Bool { facts[k] & Self.letter != 0 }
    func isWord(_ k: Int) -> Bool { facts[k] & Self.word != 0 }
    func text(_ a: Int, _ z: Int) -> String { String(decoding: utf8[starts[a]..<starts[z]], as: UTF8.self) }
    func mayHold(_ c: UInt8) -> Bool { asciiOf.contains(c) }
}

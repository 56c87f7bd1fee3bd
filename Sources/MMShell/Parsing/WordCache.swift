/// The Strings of short ASCII words the parser made on earlier lines, found again by their bytes: a script repeats
/// its few command words, masks and variable names, and making each as a new String (`String(utf8Bytes:)`, with its
/// UTF-8 check) cost more than finding it here (two word loads, a hash, three compares and the String's retain),
/// four or five words a line. Direct-mapped: a word that collides with another simply replaces it.
///
/// Only words of at most 15 bytes, which are small Strings (kept inline, no storage to share or free): the cache
/// holds no heap memory but its table. One per `Shell`, copied on write like an Array; the shell makes it its own
/// once per line (`ownTable()`) before the parser reads and writes it through `WordCacheTable`.
struct WordCache: Sendable {
    private var table = WordCacheTable()

    /// The table, this cache's own, for one line's parse.
    mutating func ownTable() -> WordCacheTable {
        if !isKnownUniquelyReferenced(&table) { table = WordCacheTable(copying: table) }
        return table
    }
}

/// The entries behind a `WordCache`. Behind a pointer: a class's stored `var` would be access-checked at run time on
/// every lookup. Written only by the parse of one line of the one `Shell` that owns it (see `WordCache.ownTable`).
final class WordCacheTable: @unchecked Sendable {
    struct Entry {
        /// The word's bytes, little-endian, zero past its end.
        var lo: UInt64 = 0, hi: UInt64 = 0
        /// Its length in bytes; 0xFF: empty.
        var count: UInt8 = 0xFF
        var word = ""
    }
    static let size = 64
    /// Longer words are made as Strings each time (they need storage of their own anyway).
    static let maxBytes = 15
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(), count: Self.size)
    }

    init(copying other: WordCacheTable) {
        entries = .allocate(capacity: Self.size)
        entries.initialize(from: other.entries, count: Self.size)
    }

    deinit {
        entries.deinitialize(count: Self.size)
        entries.deallocate()
    }

    /// The String of bytes `b` (ASCII, as `ASCIILineUnits` holds), from the table when an earlier word had these bytes.
    @inline(__always)
    func word(_ b: UnsafeBufferPointer<UInt8>) -> String {
        guard b.count <= Self.maxBytes, let base = b.baseAddress else { return String(utf8Bytes: b) }
        let raw = UnsafeRawPointer(base)
        let lo = b.count >= 8 ? raw.loadUnaligned(as: UInt64.self) : ByteScan.word(raw, b.count)
        let hi = b.count > 8 ? ByteScan.word(raw + 8, b.count - 8) : 0
        let slot = Int(truncatingIfNeeded: ((lo ^ (hi &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(b.count)) &* 0xFF51_AFD7_ED55_8CCD) >> 58)
        let e = entries + slot
        if e.pointee.lo == lo && e.pointee.hi == hi && Int(e.pointee.count) == b.count { return e.pointee.word }
        let w = String(utf8Bytes: b)
        e.pointee = Entry(lo: lo, hi: hi, count: UInt8(b.count), word: w)
        return w
    }
}

/// A fixed set of ASCII words mapped to values, found by a byte hash (FNV-1a) and a byte compare: the command
/// names, the words that start C, the gfp flag names. Every script line asks several of these, and `String`
/// hashing (SipHash over the normalized text) cost more than the rest of a lookup. A word that is not plain ASCII
/// is asked of an ordinary Dictionary, which compares as Strings do (`"GFP_\u{212A}ERNEL"` is `GFP_KERNEL`).
struct WordTable<Value: Sendable>: Sendable {
    /// One key's place: its full hash (compared before any byte), where its bytes are in `pool`, how many (-1: empty).
    private struct Slot: Sendable {
        var hash = 0
        var start: Int32 = 0
        var length: Int32 = -1
    }
    private let slots: [Slot]
    /// The keys' bytes, end to end.
    private let pool: [UInt8]
    private let values: [Value?]
    private let mask: Int
    /// Bit min(n, 63) of shapes[c] is set when some key of n bytes starts with byte c. Most lookups miss (is `p` a
    /// word that starts C?), and a key's first byte and length rule most of them out before anything is hashed.
    private let shapes: [UInt64]
    private let fallback: [String: Value]

    /// Later duplicates of a key are ignored (the first one wins, as `Dictionary(uniquingKeysWith: first)`).
    init(_ pairs: [(String, Value)]) {
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        var pool: [UInt8] = [], slots = [Slot](repeating: Slot(), count: size), shapes = [UInt64](repeating: 0, count: 256)
        var values = [Value?](repeating: nil, count: size)
        var all: [String: Value] = [:]
        for (key, value) in pairs where all[key] == nil {
            all[key] = value
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
            var slot = hash & (size - 1)
            while slots[slot].length >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(hash: hash, start: Int32(pool.count), length: Int32(bytes.count))
            values[slot] = value
            if let first = bytes.first { shapes[Int(first)] |= 1 << UInt64(min(bytes.count, 63)) }
            pool += bytes
        }
        self.pool = pool
        self.slots = slots
        self.values = values
        self.shapes = shapes
        mask = size - 1
        fallback = all
    }

    /// Eight bytes a step (a byte a step was a chain of dependent multiplies, most of a lookup's time); the tail
    /// bytes make one more word, and the length is mixed in so that words differing only in trailing zero bytes differ.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
            h ^= h >> 29
            i += 8
        }
        if i < bytes.count {
            h = (h ^ ByteScan.word(raw + i, bytes.count - i)) &* 0x9e37_79b9_7f4a_7c15
            h ^= h >> 29
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The value for a word given as bytes (plain ASCII: a non-ASCII word goes through `subscript(String)`).
    func value(bytes b: UnsafeBufferPointer<UInt8>) -> Value? {
        if let first = b.first, shapes[Int(first)] >> UInt64(min(b.count, 63)) & 1 == 0 { return nil }
        let h = Self.hash(b)
        var slot = h & mask
        return slots.withUnsafeBufferPointer { s -> Value? in
            pool.withUnsafeBufferPointer { p -> Value? in
                while true {
                    let e = s[slot]
                    if e.length < 0 { return nil }
                    if e.hash == h, Int(e.length) == b.count, Self.same(p, Int(e.start), b) { return values[slot] }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Whether pool[start...] begins with the bytes of `b` (their hashes already agree: this is the confirmation).
    @inline(__always) private static func same(_ pool: UnsafeBufferPointer<UInt8>, _ start: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = pool.baseAddress, let q = b.baseAddress else { return b.isEmpty }
        let x = UnsafeRawPointer(p + start), y = UnsafeRawPointer(q)
        var i = 0
        while i + 8 <= b.count {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return i == b.count || ByteScan.word(x + i, b.count - i) == ByteScan.word(y + i, b.count - i)
    }

    subscript(_ word: String) -> Value? {
        let found: Value?? = word.utf8.withContiguousStorageIfAvailable { b -> Value? in
            ByteScan.isASCII(b) ? value(bytes: b) : fallback[word]
        }
        return found ?? fallback[word]
    }

    func contains(_ word: String) -> Bool { self[word] != nil }
}

/// A fixed set of ASCII words mapped to values, found by a byte hash (FNV-1a) and a byte compare: the command
/// names, the words that start C, the gfp flag names. Every script line asks several of these, and `String`
/// hashing (SipHash over the normalized text) cost more than the rest of a lookup. A word that is not plain ASCII
/// is asked of an ordinary Dictionary, which compares as Strings do (`"GFP_\u{212A}ERNEL"` is `GFP_KERNEL`).
struct WordTable<Value: Sendable>: Sendable {
    /// The keys' bytes, end to end; slot s holds key bytes pool[start[s] ..< start[s] + length[s]] (length -1: empty).
    private let pool: [UInt8]
    private let start: [Int32]
    private let length: [Int32]
    private let values: [Value?]
    private let mask: Int
    private let fallback: [String: Value]

    /// Later duplicates of a key are ignored (the first one wins, as `Dictionary(uniquingKeysWith: first)`).
    init(_ pairs: [(String, Value)]) {
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        var pool: [UInt8] = [], start = [Int32](repeating: 0, count: size), length = [Int32](repeating: -1, count: size)
        var values = [Value?](repeating: nil, count: size)
        var all: [String: Value] = [:]
        for (key, value) in pairs where all[key] == nil {
            all[key] = value
            let bytes = Array(key.utf8)
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while length[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            start[slot] = Int32(pool.count)
            length[slot] = Int32(bytes.count)
            values[slot] = value
            pool += bytes
        }
        self.pool = pool
        self.start = start
        self.length = length
        self.values = values
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
            var tail: UInt64 = 0
            for k in i..<bytes.count { tail |= UInt64(base[k]) << UInt64(8 * (k - i)) }
            h = (h ^ tail) &* 0x9e37_79b9_7f4a_7c15
            h ^= h >> 29
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The value for a word given as bytes (plain ASCII: a non-ASCII word goes through `subscript(String)`).
    func value(bytes b: UnsafeBufferPointer<UInt8>) -> Value? {
        var slot = Self.hash(b) & mask
        return pool.withUnsafeBufferPointer { p -> Value? in
            while true {
                let n = Int(length[slot])
                if n < 0 { return nil }
                if n == b.count {
                    let s = Int(start[slot])
                    var same = true
                    for k in 0..<n where p[s + k] != b[k] { same = false; break }
                    if same { return values[slot] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    subscript(_ word: String) -> Value? {
        let found: Value?? = word.utf8.withContiguousStorageIfAvailable { b -> Value? in
            for c in b where c >= 0x80 { return fallback[word] }
            return value(bytes: b)
        }
        return found ?? fallback[word]
    }

    func contains(_ word: String) -> Bool { self[word] != nil }
}

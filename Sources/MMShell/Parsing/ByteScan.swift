#if canImport(Glibc)
import Glibc
#endif

/// Whole-line byte tests, eight bytes a step: every script line is checked for plain printable ASCII twice (is it C,
/// and which reading of Characters the parser takes), and a byte-at-a-time loop was a visible part of a line's cost.
enum ByteScan {
    /// True when every byte is printable ASCII, 0x20...0x7E. False for a line holding a tab, another control byte,
    /// DEL or a non-ASCII byte: callers then read the line byte by byte, as before.
    static func isPrintableASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= b.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 of some byte is set by: a byte >= 0x80 itself; a byte < 0x20 (subtracting 0x20 from each byte
            // borrows there first); a DEL (x ^ 0x7F... has a zero byte there, and subtracting 1 borrows). Once every
            // byte is below 0x80 the two borrow tests are exact about whether such a byte exists.
            let del = x ^ (0x7F &* ones)
            if (x | ((x &- 0x20 &* ones) & ~x) | ((del &- ones) & ~del)) & highs != 0 { return false }
            i += 8
        }
        while i < b.count {
            if base[i] < 0x20 || base[i] > 0x7E { return false }
            i += 1
        }
        return true
    }

    /// True when no byte is above 0x7F: plain ASCII, control bytes included.
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0, bits: UInt64 = 0
        while i + 8 <= b.count {
            bits |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < b.count {
            bits |= UInt64(base[i])
            i += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// Whether some byte is one of `set` (a few bytes), eight bytes a step: a line is asked whether it holds any
    /// bracket, quote or slash, and a byte at a time with a test per byte was a few hundred instructions a line.
    @inline(__always)
    static func containsAny(_ b: UnsafeBufferPointer<UInt8>, of set: StaticString) -> Bool {
        guard let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let n = set.utf8CodeUnitCount, s = set.utf8Start
        var i = 0
        while i + 8 <= b.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            var hit: UInt64 = 0
            for k in 0..<n {
                let v = x ^ (UInt64(s[k]) &* ones)
                hit |= (v &- ones) & ~v
            }
            if hit & highs != 0 { return true }
            i += 8
        }
        while i < b.count {
            for k in 0..<n where base[i] == s[k] { return true }
            i += 1
        }
        return false
    }

    /// Whether some byte is `c`: the C library's memchr (vector instructions; every script line is asked for a `#`
    /// and a `|`), else eight bytes a step (x ^ c... has a zero byte exactly where a byte is c).
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ c: UInt8) -> Bool {
        guard let base = b.baseAddress else { return false }
        #if canImport(Glibc)
        return memchr(base, Int32(c), b.count) != nil
        #else
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(c) &* ones
        var i = 0
        while i + 8 <= b.count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
            if (v &- ones) & ~v & highs != 0 { return true }
            i += 8
        }
        while i < b.count {
            if base[i] == c { return true }
            i += 1
        }
        return false
        #endif
    }

    /// The n < 8 bytes at p as one little-endian word, zero past them, in at most three loads (a byte a step, with
    /// its shift checks, was most of hashing and comparing a short word).
    @inline(__always) static func word(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        var t: UInt64 = 0, k = 0
        if n & 4 != 0 { t = UInt64(p.loadUnaligned(as: UInt32.self)); k = 4 }
        if n & 2 != 0 { t |= UInt64(p.loadUnaligned(fromByteOffset: k, as: UInt16.self)) &<< UInt64(8 * k); k += 2 }
        if n & 1 != 0 { t |= UInt64(p.load(fromByteOffset: k, as: UInt8.self)) &<< UInt64(8 * k) }
        return t
    }
}

/// Text written as UTF-8 bytes straight into a new String's storage: a String grows by `+=` at a few hundred
/// instructions a piece, and a result line has a dozen pieces, printed by every script line that allocates.
struct ByteText {
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// A String of at most `capacity` bytes written by `body` (a piece that does not fit is not written: callers
    /// give a capacity that holds everything they write).
    static func string(capacity: Int, _ body: (inout ByteText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { b in
            var t = ByteText(buffer: b)
            body(&t)
            return t.count
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always) private mutating func put(_ c: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = c
        count += 1
    }

    mutating func append(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        guard count + n <= buffer.count, let base = buffer.baseAddress else { return }
        (base + count).update(from: s.utf8Start, count: n)
        count += n
    }

    /// Disfavoured so that a literal (`b.append(" pfn ")`) takes the StaticString copy above: as a String it was
    /// retained, released and asked for its bytes, a dozen times a result line.
    @_disfavoredOverload
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { u in
            guard count + u.count <= buffer.count, let base = buffer.baseAddress, let from = u.baseAddress else { return }
            (base + count).update(from: from, count: u.count)
            count += u.count
        }
    }

    /// `%#lx`: `0x` and lower-case hex digits.
    mutating func appendHex(_ v: UInt64) {
        let digits = max(1, (64 - v.leadingZeroBitCount + 3) / 4)
        guard count + digits + 2 <= buffer.count else { return }
        buffer[count] = 0x30
        buffer[count + 1] = 0x78
        var x = v
        for k in stride(from: count + digits + 1, through: count + 2, by: -1) {
            let d = UInt8(truncatingIfNeeded: x & 0xF)
            buffer[k] = d < 10 ? 0x30 + d : 0x57 + d
            x >>= 4
        }
        count += digits + 2
    }

    mutating func appendHex(_ v: Int) {
        if v < 0 { put(0x2D) }
        appendHex(UInt64(v.magnitude))
    }

    mutating func appendDecimal(_ v: Int) {
        if v < 0 { put(0x2D) }
        var m = v.magnitude, digits = 1
        while m >= 10 { m /= 10; digits += 1 }
        guard count + digits <= buffer.count else { return }
        m = v.magnitude
        for k in stride(from: count + digits - 1, through: count, by: -1) {
            buffer[k] = 0x30 + UInt8(m % 10)
            m /= 10
        }
        count += digits
    }
}

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

    /// `string(capacity:_:)` written at the end of `bytes` instead (the runner's stdout), with no String between.
    static func append(to bytes: OutputBytes, capacity: Int, _ body: (inout ByteText) -> Void) {
        var t = ByteText(buffer: UnsafeMutableBufferPointer(start: bytes.room(capacity), count: capacity))
        body(&t)
        bytes.commit(t.count)
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always) private mutating func put(_ c: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = c
        count += 1
    }

    /// Inlined: a literal's length is then a constant, and its copy a few moves rather than a call to memcpy.
    @inline(__always)
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
        s.withUTF8Bytes { append(bytes: $0) }
    }

    private mutating func append(bytes u: UnsafeBufferPointer<UInt8>) {
        guard count + u.count <= buffer.count, let base = buffer.baseAddress, let from = u.baseAddress else { return }
        (base + count).update(from: from, count: u.count)
        count += u.count
    }

    /// `%#lx`: `0x` and lower-case hex digits. All sixteen digits are made at once, eight to a word, and the
    /// significant ones copied: a digit at a time was two hundred instructions for a struct page address.
    mutating func appendHex(_ v: UInt64) {
        let digits = max(1, (64 - v.leadingZeroBitCount + 3) / 4)
        guard count + digits + 2 <= buffer.count, let base = buffer.baseAddress else { return }
        // Most significant digit first in memory: the high half's digits, then the low half's.
        let all: (UInt64, UInt64) = (Self.hexDigits(UInt32(truncatingIfNeeded: v >> 32)), Self.hexDigits(UInt32(truncatingIfNeeded: v)))
        let p = base + count
        p[0] = 0x30
        p[1] = 0x78
        if count + 18 <= buffer.count {
            // Room for all sixteen: two word stores, shifted so that the significant digits start at p + 2 (what
            // lands past them is beyond `count`, written over by what follows or never read). The copy through
            // memcpy below was half of the call.
            let raw = UnsafeMutableRawPointer(p + 2)
            let high = UInt64(littleEndian: all.0), low = UInt64(littleEndian: all.1)
            if digits <= 8 {
                raw.storeBytes(of: (low >> UInt64(8 * (8 - digits))).littleEndian, as: UInt64.self)
            } else {
                raw.storeBytes(of: (high >> UInt64(8 * (16 - digits))).littleEndian, as: UInt64.self)
                raw.storeBytes(of: low.littleEndian, toByteOffset: digits - 8, as: UInt64.self)
            }
            count += digits + 2
            return
        }
        withUnsafeBytes(of: all) { d in
            guard let from = d.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            (p + 2).update(from: from + (16 - digits), count: digits)
        }
        count += digits + 2
    }

    /// The eight hex digits of x as ASCII, the first digit in the lowest byte (so that memory reads them in order).
    @inline(__always) private static func hexDigits(_ x: UInt32) -> UInt64 {
        // Spread the nibbles one to a byte, most significant nibble in the lowest byte.
        var n = UInt64(x)
        n = (n | (n &<< 16)) & 0x0000_FFFF_0000_FFFF
        n = (n | (n &<< 8)) & 0x00FF_00FF_00FF_00FF
        n = (n | (n &<< 4)) & 0x0F0F_0F0F_0F0F_0F0F
        n = n.byteSwapped
        // '0' + d, and 'a' - '0' - 10 = 39 more where d > 9 (d + 6 carries into bit 4 exactly there).
        let letters = ((n &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return (n &+ 0x3030_3030_3030_3030 &+ letters &* 39).littleEndian
    }

    mutating func appendHex(_ v: Int) {
        if v < 0 { put(0x2D) }
        appendHex(UInt64(v.magnitude))
    }

    mutating func appendDecimal(_ v: Int) {
        if v < 0 { put(0x2D) }
        var m = v.magnitude, digits = 1
        while m >= 10 { m /= 10; digits += 1 }
        guard count + digits <= buffer.count, let base = buffer.baseAddress else { return }
        m = v.magnitude
        var k = count + digits - 1
        while k >= count {
            base[k] = 0x30 &+ UInt8(truncatingIfNeeded: m % 10)
            m /= 10
            k -= 1
        }
        count += digits
    }
}

/// Text built as UTF-8 bytes and turned into a String once. A String grows by `+=` at a few hundred instructions a
/// piece; a result line has a dozen pieces and every script line prints one.
struct ByteText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// `%#lx`: `0x` and lower-case hex digits.
    mutating func appendHex(_ v: UInt64) {
        bytes.append(0x30)
        bytes.append(0x78)
        let digits = max(1, (64 - v.leadingZeroBitCount + 3) / 4)
        for k in stride(from: digits - 1, through: 0, by: -1) {
            let d = UInt8(truncatingIfNeeded: (v >> UInt64(4 * k)) & 0xF)
            bytes.append(d < 10 ? 0x30 + d : 0x57 + d)
        }
    }

    mutating func appendHex(_ v: Int) {
        if v < 0 { bytes.append(0x2D) }
        appendHex(UInt64(v.magnitude))
    }

    mutating func appendDecimal(_ v: Int) {
        if v < 0 { bytes.append(0x2D) }
        var m = v.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(0x30 + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes.append(contentsOf: digits.reversed())
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

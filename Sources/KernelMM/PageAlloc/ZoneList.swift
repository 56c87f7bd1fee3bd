/// A zonelist (struct zonelist's zonerefs for one node): zone indices, highest first, packed four bits each in one
/// word. The allocator builds one per request; an Array there was a retain and a release on every allocation.
struct ZoneList: Sequence, Sendable, Equatable {
    /// Low four bits: how many; then one zone index per four bits, the first zone lowest.
    private var bits: UInt64 = 0

    /// Up to 15 zones (MAX_NR_ZONES is at most 6).
    init(_ zones: some Sequence<Int>) {
        var n: UInt64 = 0
        for z in zones {
            precondition(z >= 0 && z < 16 && n < 15, "ZoneList: 15 zones of index < 16")
            bits |= UInt64(z) << (4 + 4 * n)
            n += 1
        }
        bits |= n
    }

    @inline(__always) var count: Int { Int(bits & 0xf) }
    @inline(__always) var isEmpty: Bool { bits & 0xf == 0 }
    @inline(__always) var first: Int? { isEmpty ? nil : Int((bits >> 4) & 0xf) }

    struct Iterator: IteratorProtocol {
        var rest: UInt64
        var left: UInt64
        @inline(__always) mutating func next() -> Int? {
            guard left > 0 else { return nil }
            left -= 1
            defer { rest >>= 4 }
            return Int(rest & 0xf)
        }
    }
    @inline(__always) func makeIterator() -> Iterator { Iterator(rest: bits >> 4, left: bits & 0xf) }
}

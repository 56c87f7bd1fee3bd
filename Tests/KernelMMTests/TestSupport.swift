@testable import KernelMM

/// A seeded xorshift64 generator, so random operation sequences are reproducible.
struct XorShift {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9e37_79b9_7f4a_7c15 : seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

func boot(_ configure: (inout BootParams) -> Void = { _ in }) throws -> Kernel {
    var p = BootParams()
    configure(&p)
    return try Kernel(booting: p)
}

extension Kernel {
    func zoneType(ofPFN pfn: Int) -> ZoneType? { zoneIndex(ofPFN: pfn).map { zones[$0].type } }
    func freeCount(_ t: ZoneType, order: Int) -> Int { zone(t)?.freeArea[order].nrFree ?? 0 }
}

struct AllocationFailed: Error, CustomStringConvertible {
    var gfp: GFPFlags, order: Int
    var description: String { "allocation of order \(order) with \(gfp) failed" }
}

extension Kernel {
    /// allocPages that must succeed (a test failure otherwise).
    mutating func mustAlloc(_ gfp: GFPFlags, order: Int) throws -> PFN {
        guard let p = allocPages(gfp, order: order) else { throw AllocationFailed(gfp: gfp, order: order) }
        return p
    }
}

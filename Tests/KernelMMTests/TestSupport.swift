@testable import KernelMM


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

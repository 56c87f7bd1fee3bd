@testable import KernelMM


func boot(_ configure: (inout BootParams) -> Void = { _ in }) throws -> Kernel {
    var p = BootParams()
    configure(&p)
    return try Kernel(booting: p)
}

extension Kernel {
    /// A zone's managed_pages as the initcalls saw them (calculate_min_free_kbytes(), the watermarks,
    /// lowmem_reserve), before free_initmem() gave the image's init sections to the zone holding them.
    func managedAtInitcalls(_ z: Zone) -> Int {
        let r = arch.kernelInitSections
        let lo = Int(r.start) >> arch.pageShift, hi = Int(r.end) >> arch.pageShift
        return z.managedPages - (lo >= z.startPFN && lo < z.endPFN ? hi - lo : 0)
    }

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

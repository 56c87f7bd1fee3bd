@testable import KernelMM


func boot(_ configure: (inout BootParams) -> Void = { _ in }) throws -> Kernel {
    var p = BootParams()
    configure(&p)
    return try Kernel(booting: p)
}

extension Kernel {
    /// A zone's managed_pages as the initcalls saw them (calculate_min_free_kbytes(), the watermarks,
    /// lowmem_reserve), before free_initmem() gave the image's boot-only parts to the zone holding them.
    func managedAtInitcalls(_ z: Zone) -> Int {
        var at = arch.kernelLoadAddress, freed = 0
        for part in arch.kernelImageParts {
            let pfn = Int(at) >> arch.pageShift
            if part.kind.freedAfterBoot, pfn >= z.startPFN, pfn < z.endPFN { freed += Int(part.size) >> arch.pageShift }
            at += part.size
        }
        return z.managedPages - freed
    }

    func zoneType(ofPFN pfn: Int) -> ZoneType? { zoneIndex(ofPFN: pfn).map { zones[$0].type } }
    func freeCount(_ t: ZoneType, order: Int) -> Int { zone(t).map { freeLists.nrFree(zone: $0.index, order: order) } ?? 0 }
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

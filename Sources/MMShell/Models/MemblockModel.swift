import KernelMM

/// `memblock` as data: the firmware's RAM map and memblock.reserved (mm/memblock.c), each region with what it holds
/// and whether free_initmem() and friends gave it back after boot. The text and `--json` read it.
struct MemblockModel: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        var start: UInt64, end: UInt64
    }

    struct Reserved: Sendable, Equatable {
        var start: UInt64, size: UInt64
        var purpose: MemblockPurpose
        var freedAfterBoot: Bool
    }

    var ram: [Range]
    var reserved: [Reserved]

    init(_ k: Kernel) {
        ram = k.ram.map { Range(start: $0.start, end: $0.end) }
        reserved = k.memblock.map { Reserved(start: $0.start, size: $0.size, purpose: $0.purpose, freedAfterBoot: k.memblockRegionFreed($0)) }
    }
}

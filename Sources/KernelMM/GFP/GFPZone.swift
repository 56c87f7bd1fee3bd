/// The outcome of gfp_zone() (include/linux/gfp.h GFP_ZONE_TABLE / GFP_ZONE_BAD).
public struct GFPZoneChoice: Sendable, Equatable {
    /// The highest zone the request may use; lower zones are fallbacks.
    public var zone: ZoneType
    /// The combination is in GFP_ZONE_BAD (e.g. __GFP_DMA|__GFP_HIGHMEM): VM_BUG_ON with CONFIG_DEBUG_VM.
    public var invalidCombination: Bool
    /// The table asked for a zone this architecture does not configure, which the table collapses to NORMAL.
    public var collapsedFrom: ZoneType?
}

extension GFPFlags {
    /// gfp_zone(): the table indexed by the low four bits. Unconfigured zones collapse to ZONE_NORMAL (the table is
    /// built with OPT_ZONE_* = ZONE_NORMAL when a zone is compiled out); bad combinations give zone index 0, the
    /// empty table slot, which is ZONE_DMA where it exists.
    public func zone(on arch: Architecture) -> GFPZoneChoice {
        let bits = rawValue & GFPFlags.zoneMask.rawValue
        let wanted: ZoneType?
        switch bits {
        case 0x0: wanted = .normal
        case 0x1: wanted = .dma
        case 0x2: wanted = .highmem
        case 0x4: wanted = .dma32
        case 0x8: wanted = .normal
        case 0x9: wanted = .dma
        case 0xa: wanted = .movable
        case 0xc: wanted = .dma32
        default: wanted = nil // 3,5,6,7,0xb,0xd,0xe,0xf: GFP_ZONE_BAD
        }
        guard let wanted else {
            let lowest = ZoneType(rawValue: arch.configuredZoneBits.trailingZeroBitCount) ?? .normal
            return GFPZoneChoice(zone: lowest, invalidCombination: true, collapsedFrom: nil)
        }
        if arch.configures(wanted) { return GFPZoneChoice(zone: wanted, invalidCombination: false, collapsedFrom: nil) }
        return GFPZoneChoice(zone: .normal, invalidCombination: false, collapsedFrom: wanted)
    }
}

extension Kernel {
    /// A table entry that sends the request the long way (`GFPFlags.zone(on:)`).
    static var gfpZoneSlow: Int { 0xf }

    /// GFP_ZONE_TABLE as the kernel keeps it, one word built at boot: for each value of the low four gfp bits, the
    /// zone index gfp_zone() picks, four bits each, or `gfpZoneSlow` for the bad combinations and for zones the
    /// architecture collapses to NORMAL (their reports and `explain` lines need the long answer).
    static func buildGFPZoneTable(_ arch: Architecture) -> UInt64 {
        var table: UInt64 = 0
        for bits in 0..<16 {
            let choice = GFPFlags(rawValue: .init(bits)).zone(on: arch)
            var entry = UInt64(gfpZoneSlow)
            if !choice.invalidCombination, choice.collapsedFrom == nil, let z = arch.zoneIndex(of: choice.zone), z < gfpZoneSlow {
                entry = UInt64(z)
            }
            table |= entry << (4 * UInt64(bits))
        }
        return table
    }

    /// The table's entry for `gfp`.
    @inline(__always) static func gfpZoneIndex(_ gfp: GFPFlags, in table: UInt64) -> Int {
        Int(truncatingIfNeeded: (table >> ((UInt64(truncatingIfNeeded: gfp.rawValue) & 0xf) &* 4)) & 0xf)
    }
}

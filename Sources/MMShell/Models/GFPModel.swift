import KernelMM

/// `gfp MASK` as data: what include/linux/gfp.h and mm/page_alloc.c make of a mask (gfp_zone(), the zonelist,
/// gfp_migratetype(), gfpflags_allow_blocking(), gfp_to_alloc_flags()). The text (in the learner's language), `--json`
/// and the gfp quiz's explanations read it.
struct GFPModel: Sendable, Equatable {
    /// How far below the min watermark the slow path may go (gfp_to_alloc_flags(), __zone_watermark_ok()).
    enum Reserve: Sendable, Equatable {
        /// __GFP_MEMALLOC without __GFP_NOMEMALLOC: ALLOC_NO_WATERMARKS.
        case all
        /// ALLOC_MIN_RESERVE | ALLOC_NON_BLOCK: min − min/2 − min/4.
        case nonBlock
        /// ALLOC_MIN_RESERVE: min/2.
        case high
        case none
    }

    enum Failure: Sendable, Equatable {
        case neverFails, oneLightAttempt, retriesHard, noReport
    }

    struct BitGroup: Sendable, Equatable {
        var group: GFPName.Group
        var bits: [String]
    }

    /// The mask as typed.
    var typed: String
    var value: UInt32
    /// The kernel's %pGg spelling ("" when no name covers it).
    var pGg: String
    /// The single bits set, by name, in the table's order.
    var bits: [String]
    /// The single bits set per group (groups with none are left out; the type group is not a group of bits).
    var groups: [BitGroup]
    var zone: GFPZoneChoice
    var arch: String
    /// The populated zones it tries, highest first (nil: gfp_zone()'s zone is not configured).
    var zonelist: [String]?
    var migratetype: String
    var maySleep: Bool
    var reserve: Reserve
    var minReserve: Bool
    var wakesKswapd: Bool
    var failure: [Failure]
    var zeroed: Bool
    var compound: Bool

    init(_ gfp: GFPFlags, typed: String, kernel k: Kernel) {
        self.typed = typed
        value = gfp.rawValue
        pGg = gfp.pGg
        let single = GFPNames.all.filter { $0.flags.rawValue.nonzeroBitCount == 1 && gfp.contains($0.flags) }
        bits = single.map(\.name)
        groups = GFPName.Group.allCases.filter { $0 != .type }.compactMap { g in
            let b = single.filter { $0.group == g }.map(\.name)
            return b.isEmpty ? nil : BitGroup(group: g, bits: b)
        }
        zone = gfp.zone(on: k.arch)
        arch = k.arch.rawValue
        zonelist = k.zoneIndex(of: zone.zone).map { hi in k.zonelist(highest: hi).map { k.zones[$0].type.procName } }
        migratetype = gfp.migratetype.procName
        maySleep = gfp.allowsBlocking
        let flags = AllocFlags.slowPath(gfp: gfp, order: 0)
        minReserve = flags.contains(.minReserve)
        if gfp.contains(.memalloc) && !gfp.contains(.nomemalloc) { reserve = .all }
        else if flags.contains(.minReserve) && flags.contains(.nonBlock) { reserve = .nonBlock }
        else if flags.contains(.minReserve) { reserve = .high }
        else { reserve = .none }
        wakesKswapd = gfp.contains(.kswapdReclaim)
        failure = [(GFPFlags.nofail, Failure.neverFails), (.noretry, .oneLightAttempt), (.retryMayfail, .retriesHard), (.nowarn, .noReport)]
            .filter { gfp.contains($0.0) }.map(\.1)
        zeroed = gfp.contains(.zero)
        compound = gfp.contains(.comp)
    }
}

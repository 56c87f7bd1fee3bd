import Testing
@testable import KernelMM

@Suite struct GFPTests {
    /// The composite types against kernel-facts.md section 1.
    @Test(arguments: [
        (GFPFlags.atomic, UInt32(0x820)), (.kernel, 0xcc0), (.kernelAccount, 0x400cc0), (.nowait, 0x800), (.noio, 0xc00),
        (.nofs, 0xc40), (.user, 0x100cc0), (.gfpDMA, 0x01), (.gfpDMA32, 0x04), (.highuser, 0x100cc2),
        (.highuserMovable, 0x100cca), (.transhugeLight, 0x1c20ca), (.transhuge, 0x1c24ca),
    ])
    func compositeValues(flags: GFPFlags, value: UInt32) {
        #expect(flags.rawValue == value)
    }

    @Test func kernelSpellingPutsTypesFirst() {
        #expect(GFPFlags([.kernel, .zero]).pGg == "GFP_KERNEL|__GFP_ZERO")
        #expect(GFPFlags.atomic.pGg == "GFP_ATOMIC")
        #expect(GFPFlags.highuserMovable.pGg == "GFP_HIGHUSER_MOVABLE")
        #expect(GFPFlags(rawValue: 0).kernelDescription == "none")
        #expect(GFPFlags([.kernel, .account, .zero]).description == "0x400dc0(GFP_KERNEL_ACCOUNT|__GFP_ZERO)")
    }

    /// gfp_zone() on x86-64: HIGHMEM collapses to NORMAL; bad combinations are flagged.
    @Test func zoneTable() {
        let a = Architecture.x86_64
        #expect(GFPFlags.kernel.zone(on: a).zone == .normal)
        #expect(GFPFlags.gfpDMA.zone(on: a).zone == .dma)
        #expect(GFPFlags.gfpDMA32.zone(on: a).zone == .dma32)
        #expect(GFPFlags.highuser.zone(on: a).zone == .normal)
        #expect(GFPFlags.highuser.zone(on: a).collapsedFrom == .highmem)
        #expect(GFPFlags.highuserMovable.zone(on: a).zone == .movable)
        #expect(GFPFlags([.dma, .highmem]).zone(on: a).invalidCombination)
        #expect(GFPFlags.highuser.zone(on: .i386).zone == .highmem)
        #expect(GFPFlags.gfpDMA32.zone(on: .i386).zone == .normal)
        // A bad combination gives the table's empty slot, zone index 0: the lowest configured zone.
        #expect(GFPFlags([.dma, .highmem]).zone(on: .x86_64).zone == .dma)
        #expect(GFPFlags([.dma, .highmem]).zone(on: .sparc64).zone == .normal)
    }

    /// The bit set the allocator asks on every call says what configuredZones says, on every architecture.
    @Test(arguments: Architecture.allCases) func zoneBitsAgreeWithTheZoneList(arch: Architecture) {
        for z in ZoneType.allCases {
            #expect(arch.configures(z) == arch.configuredZones.contains(z), "\(arch) \(z)")
            #expect(arch.zoneIndex(of: z) == arch.configuredZones.firstIndex(of: z), "\(arch) \(z)")
        }
    }

    /// The boot-time table the allocator reads gives gfp_zone()'s zone for every value of the zone bits, and sends
    /// the bad and collapsed ones the long way.
    @Test(arguments: Architecture.allCases) func zoneTableWordAgreesWithGFPZone(arch: Architecture) {
        let table = Kernel.buildGFPZoneTable(arch)
        for bits in 0..<16 {
            let gfp = GFPFlags(rawValue: .init(bits))
            let choice = gfp.zone(on: arch)
            let entry = Kernel.gfpZoneIndex(gfp.union(.kernel), in: table)
            if choice.invalidCombination || choice.collapsedFrom != nil {
                #expect(entry == Kernel.gfpZoneSlow, "\(arch) \(bits)")
            } else {
                #expect(entry == arch.zoneIndex(of: choice.zone), "\(arch) \(bits)")
            }
        }
    }

    @Test func sleepingAndMobility() {
        #expect(GFPFlags.kernel.allowsBlocking)
        #expect(!GFPFlags.atomic.allowsBlocking && !GFPFlags.nowait.allowsBlocking)
        #expect(GFPFlags.highuserMovable.migratetype == .movable)
        #expect(GFPFlags([.kernel, .reclaimable]).migratetype == .reclaimable)
        #expect(GFPFlags.kernel.migratetype == .unmovable)
    }

    /// GFP_ATOMIC checks against 37.5% of min; __GFP_HIGH alone 50%; GFP_NOWAIT the full min.
    @Test func reserveAccess() throws {
        let k = try boot()
        let atomic = AllocFlags.slowPath(gfp: .atomic, order: 0)
        let nowait = AllocFlags.slowPath(gfp: .nowait, order: 0)
        let high = AllocFlags.slowPath(gfp: [.kernel, .high], order: 0)
        #expect(k.effectiveMark(1000, flags: atomic) == 375)
        #expect(k.effectiveMark(1000, flags: high) == 500)
        #expect(k.effectiveMark(1000, flags: nowait) == 1000)
    }
}

/// A gfp mask (include/linux/gfp_types.h, Linux 6.6, with CONFIG_KASAN_HW_TAGS and CONFIG_LOCKDEP off).
public struct GFPFlags: OptionSet, Hashable, Sendable, Codable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    // Zone modifiers (GFP_ZONEMASK = the low four bits).
    public static let dma = GFPFlags(rawValue: 0x01)               // __GFP_DMA
    public static let highmem = GFPFlags(rawValue: 0x02)           // __GFP_HIGHMEM
    public static let dma32 = GFPFlags(rawValue: 0x04)             // __GFP_DMA32
    public static let movable = GFPFlags(rawValue: 0x08)           // __GFP_MOVABLE
    // Page mobility and placement hints.
    public static let reclaimable = GFPFlags(rawValue: 0x10)       // __GFP_RECLAIMABLE
    // Watermark modifiers.
    public static let high = GFPFlags(rawValue: 0x20)              // __GFP_HIGH
    // Reclaim modifiers.
    public static let io = GFPFlags(rawValue: 0x40)                // __GFP_IO
    public static let fs = GFPFlags(rawValue: 0x80)                // __GFP_FS
    // Action modifiers.
    public static let zero = GFPFlags(rawValue: 0x100)             // __GFP_ZERO
    public static let directReclaim = GFPFlags(rawValue: 0x400)    // __GFP_DIRECT_RECLAIM
    public static let kswapdReclaim = GFPFlags(rawValue: 0x800)    // __GFP_KSWAPD_RECLAIM
    public static let write = GFPFlags(rawValue: 0x1000)           // __GFP_WRITE
    public static let nowarn = GFPFlags(rawValue: 0x2000)          // __GFP_NOWARN
    public static let retryMayfail = GFPFlags(rawValue: 0x4000)    // __GFP_RETRY_MAYFAIL
    public static let nofail = GFPFlags(rawValue: 0x8000)          // __GFP_NOFAIL
    public static let noretry = GFPFlags(rawValue: 0x10000)        // __GFP_NORETRY
    public static let memalloc = GFPFlags(rawValue: 0x20000)       // __GFP_MEMALLOC
    public static let comp = GFPFlags(rawValue: 0x40000)           // __GFP_COMP
    public static let nomemalloc = GFPFlags(rawValue: 0x80000)     // __GFP_NOMEMALLOC
    public static let hardwall = GFPFlags(rawValue: 0x100000)      // __GFP_HARDWALL
    public static let thisnode = GFPFlags(rawValue: 0x200000)      // __GFP_THISNODE
    public static let account = GFPFlags(rawValue: 0x400000)       // __GFP_ACCOUNT
    public static let zerotags = GFPFlags(rawValue: 0x800000)      // __GFP_ZEROTAGS

    public static let reclaim: GFPFlags = [.directReclaim, .kswapdReclaim] // __GFP_RECLAIM
    /// GFP_RECLAIM_MASK (mm/internal.h): the bits that say how to reclaim, passed on to nested allocations.
    public static let reclaimMask: GFPFlags = [.reclaim, .high, .io, .fs, .nowarn, .retryMayfail, .nofail, .noretry, .memalloc, .nomemalloc]
    public static let zoneMask = GFPFlags(rawValue: 0x0f)                 // GFP_ZONEMASK
    public static let movableMask: GFPFlags = [.reclaimable, .movable]    // GFP_MOVABLE_MASK
    /// __GFP_BITS_SHIFT = 26: bits above are not gfp flags at all.
    public static let validBits = GFPFlags(rawValue: (1 << 26) - 1)

    // The composite types of include/linux/gfp_types.h.
    public static let atomic: GFPFlags = [.high, .kswapdReclaim]                       // GFP_ATOMIC 0x820
    public static let kernel: GFPFlags = [.reclaim, .io, .fs]                          // GFP_KERNEL 0xcc0
    public static let kernelAccount: GFPFlags = [.kernel, .account]                    // GFP_KERNEL_ACCOUNT
    public static let nowait: GFPFlags = [.kswapdReclaim]                              // GFP_NOWAIT
    public static let noio: GFPFlags = [.reclaim]                                      // GFP_NOIO
    public static let nofs: GFPFlags = [.reclaim, .io]                                 // GFP_NOFS
    public static let user: GFPFlags = [.reclaim, .io, .fs, .hardwall]                 // GFP_USER
    public static let gfpDMA: GFPFlags = [.dma]                                        // GFP_DMA
    public static let gfpDMA32: GFPFlags = [.dma32]                                    // GFP_DMA32
    public static let highuser: GFPFlags = [.user, .highmem]                           // GFP_HIGHUSER
    public static let highuserMovable: GFPFlags = [.highuser, .movable]                // GFP_HIGHUSER_MOVABLE (SKIP_KASAN = 0)
    public static let transhugeLight = GFPFlags(rawValue: (GFPFlags([.highuserMovable, .comp, .nomemalloc, .nowarn]).rawValue) & ~GFPFlags.reclaim.rawValue)
    public static let transhuge: GFPFlags = [.transhugeLight, .directReclaim]
    /// THREADINFO_GFP (include/linux/thread_info.h): kernel stacks.
    public static let threadinfo: GFPFlags = [.kernelAccount, .zero]

    /// gfpflags_allow_blocking(): may this allocation sleep?
    public var allowsBlocking: Bool { contains(.directReclaim) }

    /// gfp_migratetype(): the low mobility bits pick the free lists.
    public var migratetype: MigrateType {
        MigrateType(rawValue: Int((rawValue & GFPFlags.movableMask.rawValue) >> 3)) ?? .unmovable
    }
}

/// slab_flags_t (include/linux/slab.h, Linux 6.6): the flags of kmem_cache_create().
public struct SlabFlags: OptionSet, Hashable, Sendable, Codable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let consistencyChecks = SlabFlags(rawValue: 0x100)  // SLAB_CONSISTENCY_CHECKS
    public static let redZone = SlabFlags(rawValue: 0x400)            // SLAB_RED_ZONE
    public static let poison = SlabFlags(rawValue: 0x800)             // SLAB_POISON
    public static let kmalloc = SlabFlags(rawValue: 0x1000)           // SLAB_KMALLOC
    public static let hwcacheAlign = SlabFlags(rawValue: 0x2000)      // SLAB_HWCACHE_ALIGN
    public static let cacheDMA = SlabFlags(rawValue: 0x4000)          // SLAB_CACHE_DMA
    public static let cacheDMA32 = SlabFlags(rawValue: 0x8000)        // SLAB_CACHE_DMA32
    public static let storeUser = SlabFlags(rawValue: 0x10000)        // SLAB_STORE_USER
    public static let reclaimAccount = SlabFlags(rawValue: 0x20000)   // SLAB_RECLAIM_ACCOUNT
    public static let panic = SlabFlags(rawValue: 0x40000)            // SLAB_PANIC
    public static let typesafeByRCU = SlabFlags(rawValue: 0x80000)    // SLAB_TYPESAFE_BY_RCU
    public static let memSpread = SlabFlags(rawValue: 0x100000)       // SLAB_MEM_SPREAD
    public static let trace = SlabFlags(rawValue: 0x200000)           // SLAB_TRACE
    public static let noLeakTrace = SlabFlags(rawValue: 0x800000)     // SLAB_NOLEAKTRACE
    public static let noMerge = SlabFlags(rawValue: 0x1000000)        // SLAB_NO_MERGE
    public static let account = SlabFlags(rawValue: 0x4000000)        // SLAB_ACCOUNT

    /// SLAB_DEBUG_FLAGS with CONFIG_SLUB_DEBUG (SLAB's DEBUG_SLAB set is red zone, poison, store user).
    public static let debugFlags: SlabFlags = [.redZone, .poison, .storeUser, .trace, .consistencyChecks]
    /// SLAB_NEVER_MERGE (mm/slab_common.c).
    public static let neverMerge: SlabFlags = [.redZone, .poison, .storeUser, .trace, .typesafeByRCU, .noLeakTrace, .noMerge]
    /// SLAB_MERGE_SAME: caches merge only when these agree.
    public static let mergeSame: SlabFlags = [.reclaimAccount, .cacheDMA, .cacheDMA32, .account]

    /// The names a learner may type, with their C spelling.
    public static let names: [(String, SlabFlags)] = [
        ("SLAB_CONSISTENCY_CHECKS", .consistencyChecks), ("SLAB_RED_ZONE", .redZone), ("SLAB_POISON", .poison),
        ("SLAB_HWCACHE_ALIGN", .hwcacheAlign), ("SLAB_CACHE_DMA", .cacheDMA), ("SLAB_CACHE_DMA32", .cacheDMA32),
        ("SLAB_STORE_USER", .storeUser), ("SLAB_RECLAIM_ACCOUNT", .reclaimAccount), ("SLAB_PANIC", .panic),
        ("SLAB_TYPESAFE_BY_RCU", .typesafeByRCU), ("SLAB_MEM_SPREAD", .memSpread), ("SLAB_TRACE", .trace),
        ("SLAB_NOLEAKTRACE", .noLeakTrace), ("SLAB_NO_MERGE", .noMerge), ("SLAB_ACCOUNT", .account),
        ("SLAB_KMALLOC", .kmalloc), ("SLAB_TEMPORARY", .reclaimAccount),
    ]

    /// "SLAB_HWCACHE_ALIGN|SLAB_POISON", or "0".
    public var names: String {
        var parts: [String] = []
        var seen: SlabFlags = []
        for (n, f) in Self.names where contains(f) && !seen.contains(f) {
            parts.append(n)
            seen.insert(f)
        }
        let rest = rawValue & ~seen.rawValue
        if rest != 0 { parts.append("0x" + String(rest, radix: 16)) }
        return parts.isEmpty ? "0" : parts.joined(separator: "|")
    }
}

/// Which list a slab is on (struct slab's slab_list), or where it is held instead.
public enum SlabList: String, Sendable, Equatable, Codable {
    /// SLAB: every object allocated. SLUB: on the node's full list (only with SLAB_STORE_USER).
    case full
    /// Some objects free: SLAB slabs_partial, SLUB node partial list.
    case partial
    /// SLAB slabs_free: no object allocated.
    case free
    /// SLUB: the CPU's active slab (kmem_cache_cpu.slab), frozen.
    case cpu
    /// SLUB: on a CPU's per-CPU partial list (kmem_cache_cpu.partial), frozen.
    case cpuPartial = "cpu partial"
    /// SLUB: a full slab without debugging is on no list at all; only its objects know it.
    case none = "no list"
}

/// The state of one object in a slab.
public enum ObjectState: UInt8, Sendable, Codable {
    case free = 0
    /// Handed out to a caller.
    case allocated
    /// SLAB: allocated from the slab's point of view, but sitting free in a per-CPU (or shared) array cache.
    case cached
}

/// What the slab allocators print outside SLUB's slab_bug() block (mm/slab.c with CONFIG_DEBUG_SLAB, mm/slub.c,
/// mm/slab_common.c), as facts. MMShell/Views/SlabReportRenderer.swift prints them in the kernel's own words.
public enum SlabReport: Sendable, Equatable, Codable {
    /// mm/slab.c slab_error() on a red zone word: "slab error in FUNCTION(): cache `CACHE': PROBLEM", a stack dump,
    /// then the caller's "ADDR: redzone 1:0x…, redzone 2:0x…" (`address` is the first red zone word).
    case redzone(function: SlabDebugFunction, cache: String, problem: RedzoneProblem, address: UInt64, redzone1: UInt64, redzone2: UInt64)
    /// mm/slab.c check_poison_obj(): "Slab corruption (TAINT): CACHE start=ADDR, len=N" and what follows it.
    case poisonCorruption(SlabCorruption)
    /// mm/slub.c trace() for SLAB_TRACE: "TRACE CACHE alloc|free 0xOBJ inuse=N fp=0xFP" (fp nil: NULL).
    case slubTrace(cache: String, alloc: Bool, object: UInt64, inuse: Int, freePointer: UInt64?)
    /// mm/slab_common.c kmalloc_fix_flags(): the zone bits slab pages may not have, and the mask kept.
    case unexpectedGFP(invalid: GFPFlags, fixed: GFPFlags)
    /// mm/slub.c slab_out_of_memory(): "SLUB: Unable to allocate memory on node -1, gfp=…" and the cache's numbers.
    case slubOutOfMemory(SlubOutOfMemory)
    /// mm/slab_common.c kmem_cache_create_usercopy(): "kmem_cache_create(NAME) failed with error -22".
    case createFailed(cache: String, error: Int)
    /// The same failure with SLAB_PANIC: "Kernel panic - not syncing: kmem_cache_create: Failed to create slab …".
    case createPanic(cache: String, error: Int)
    /// mm/slab.h virt_to_cache(): WARN_ONCE(!slab, "%s: Object is not a Slab page!") — a free of an address that
    /// is not in a slab page.
    case notSlabPage
    /// mm/slab.h cache_from_obj(): WARN_ONCE(cachep != s, "%s: Wrong slab cache. %s but object is from %s").
    case wrongCache(named: String, objectFrom: String)
    /// mm/slab_common.c kmem_cache_destroy(): WARN(err, "%s %s: Slab cache still has objects when called from %pS");
    /// `caller` is the %pS symbol of the call.
    case destroyWithObjects(cache: String, caller: String)

    public enum Level: Sendable { case bug, warning, info }

    /// check_poison_obj() and slab_error() reports are BUGs, the WARN()s warnings; the others are plain log lines.
    public var level: Level {
        switch self {
        case .redzone, .poisonCorruption: .bug
        case .notSlabPage, .wrongCache, .destroyWithObjects: .warning
        case .slubTrace, .unexpectedGFP, .slubOutOfMemory, .createFailed, .createPanic: .info
        }
    }
}

/// The mm/slab.c function whose red-zone check fired.
public enum SlabDebugFunction: String, Sendable, Equatable, Codable {
    case cacheAllocDebugcheckAfter = "cache_alloc_debugcheck_after"
    case verifyRedzoneFree = "verify_redzone_free"
}

/// What slab_error() says about a red zone word.
public enum RedzoneProblem: Sendable, Equatable, Codable {
    /// cache_alloc_debugcheck_after(): the words of a free object are not RED_INACTIVE.
    case doubleFreeOrOverwritten
    /// verify_redzone_free(): the words of an allocated object are not RED_ACTIVE.
    case overwritten
    /// verify_redzone_free(): both words already RED_INACTIVE.
    case doubleFree
}

/// check_poison_obj(): the damaged object, print_objinfo() of it, its damaged lines, and its neighbours.
public struct SlabCorruption: Sendable, Equatable, Codable {
    public var cache: String
    /// print_tainted() as it read before this report.
    public var taintBefore: String
    public var object: UInt64
    public var length: Int
    /// print_objinfo() of the object; nil where only the header is printed (validate's poison check).
    public var info: SlabObjectInfo?
    /// The object's damaged 16-byte lines (at most six).
    public var damaged: [SlabDumpLine] = []
    /// The objects before and after it (their first two lines), when they exist.
    public var previous: SlabNeighbour?
    public var next: SlabNeighbour?

    public init(cache: String, taintBefore: String, object: UInt64, length: Int) {
        self.cache = cache
        self.taintBefore = taintBefore
        self.object = object
        self.length = length
    }
}

/// A neighbouring object in a check_poison_obj() report.
public struct SlabNeighbour: Sendable, Equatable, Codable {
    public var object: UInt64
    public var info: SlabObjectInfo
}

/// mm/slab.c print_objinfo(): the red zone words (SLAB_RED_ZONE), the last user (SLAB_STORE_USER), bytes.
public struct SlabObjectInfo: Sendable, Equatable, Codable {
    public var redzone: [UInt64]?
    /// dbg_userword()'s caller; "" when it is NULL; nil without SLAB_STORE_USER.
    public var lastUser: String?
    public var lines: [SlabDumpLine] = []
}

/// dump_line(): one 16-byte line of an object, at `offset`.
public struct SlabDumpLine: Sendable, Equatable, Codable {
    public var offset: Int
    public var bytes: [UInt8]
}

/// slab_out_of_memory()'s numbers.
public struct SlubOutOfMemory: Sendable, Equatable, Codable {
    public var gfp: GFPFlags
    public var cache: String
    public var objectSize: Int, size: Int, order: Int, minOrder: Int
    public var slabs: Int, objects: Int, free: Int
}

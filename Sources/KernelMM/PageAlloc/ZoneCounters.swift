/// The counters every allocation and free moves: each zone's NR_FREE_PAGES and zone_statistics() numbers, and
/// /proc/vmstat's pgalloc_* and pgfree, flat in one journalled buffer.
///
/// Kept out of `Zone` (whose other fields change a few times a session) so that the hot path writes one small buffer
/// instead of the zones array (a uniqueness check each time, and under undo a copy of every Zone with retains of
/// their inner arrays) and the vmstat array beside it.
public struct ZoneCounters: Sendable, Equatable, Codable {
    public let zoneCount: Int
    @usableFromInline var slots: JournaledSlots<Int>

    /// Per zone: NR_FREE_PAGES, numa_hit, numa_miss, numa_local, allocs, frees.
    @inline(__always) @usableFromInline static var stride: Int { 6 }
    @inline(__always) static var zoneTypes: Int { ZoneType.allCases.count }
    /// After the zones: pgalloc per zone type, then pgfree.
    @inline(__always) var vmBase: Int { zoneCount &* Self.stride }

    /// No zones (what undo's snapshot holds in place of the kernel's): no allocation.
    public init() {
        zoneCount = 0
        slots = JournaledSlots()
    }

    public init(zones: Int) {
        zoneCount = zones
        slots = JournaledSlots(repeating: 0, count: zones * Self.stride + Self.zoneTypes + 1)
    }

    @inline(__always) public func nrFreePages(zone z: Int) -> Int { slots[z &* Self.stride] }
    /// The writes below are the page allocator's, after `ownAllocatorStores()`.
    @inline(__always) mutating func addFreePages(zone z: Int, _ pages: Int) { slots[owned: z &* Self.stride] &+= pages }

    public func stats(zone z: Int) -> ZoneStats {
        let b = z * Self.stride
        return ZoneStats(numaHit: slots[b + 1], numaMiss: slots[b + 2], numaLocal: slots[b + 3], allocs: slots[b + 4],
                         frees: slots[b + 5])
    }

    /// zone_statistics() for an allocation on the local node's zone (one node: every allocation is local), and
    /// pgalloc for its zone type.
    @inline(__always) mutating func countLocalAlloc(zone z: Int, type: ZoneType, pages: Int) {
        let b = z &* Self.stride
        slots.addOwned(1, at: b &+ 1, 1, at: b &+ 3, 1, at: b &+ 4, pages, at: vmBase &+ type.rawValue)
    }

    /// A free in zone `z`: its frees count and pgfree.
    @inline(__always) mutating func countFree(zone z: Int, pages: Int) {
        slots.addOwned(1, at: z &* Self.stride &+ 5, pages, at: vmBase &+ Self.zoneTypes)
    }
    @inline(__always) mutating func countPgfree(pages: Int) { slots[owned: vmBase &+ Self.zoneTypes] &+= pages }

    public func pgalloc(_ type: ZoneType) -> Int { slots[vmBase + type.rawValue] }
    public var pgfree: Int { slots[vmBase + Self.zoneTypes] }

    /// Sets what a saved machine recorded (load).
    mutating func set(zone z: Int, nrFreePages: Int, stats s: ZoneStats) {
        let b = z * Self.stride
        for (i, v) in [nrFreePages, s.numaHit, s.numaMiss, s.numaLocal, s.allocs, s.frees].enumerated() { slots[b + i] = v }
    }
    mutating func setVM(pgalloc: [Int], pgfree: Int) {
        for (i, v) in pgalloc.prefix(Self.zoneTypes).enumerated() { slots[vmBase + i] = v }
        slots[vmBase + Self.zoneTypes] = pgfree
    }
}

/// Per-zone counters shown by /proc/zoneinfo and /proc/vmstat (a value read from `ZoneCounters`).
public struct ZoneStats: Sendable, Equatable, Codable {
    public var numaHit = 0
    public var numaMiss = 0
    public var numaLocal = 0
    public var allocs = 0
    public var frees = 0
}

extension Kernel {
    /// NR_FREE_PAGES of zone `z`: pages in its buddy free lists.
    @inline(__always) public func nrFreePages(zone z: Int) -> Int { counters.nrFreePages(zone: z) }
    /// numa_hit and friends of zone `z`.
    public func zoneStats(zone z: Int) -> ZoneStats { counters.stats(zone: z) }
    /// /proc/vmstat pgalloc_<zone>: pages allocated from zones of that type.
    public func pgalloc(_ type: ZoneType) -> Int { counters.pgalloc(type) }
    /// /proc/vmstat pgfree: pages freed.
    public var pgfree: Int { counters.pgfree }
}

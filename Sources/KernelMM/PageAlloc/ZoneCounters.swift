/// The counters every allocation and free moves: each zone's NR_FREE_PAGES and zone_statistics() numbers, and
/// /proc/vmstat's pgalloc_* and pgfree, flat in one journalled buffer.
///
/// Kept out of `Zone` (whose other fields change a few times a session) so that the hot path writes one small buffer
/// instead of the zones array (a uniqueness check each time, and under undo a copy of every Zone with retains of
/// their inner arrays) and the vmstat array beside it.
public struct ZoneCounters: Sendable, Equatable, Codable {
    public let zoneCount: Int
    @usableFromInline var slots: JournaledSlots<Int>

    /// Per zone: NR_FREE_PAGES, numa_hit, numa_miss, frees. numa_local and the allocation count are not stored: with
    /// one node every allocation is local, so both are numa_hit + numa_miss (two writes fewer per allocation).
    @inline(__always) @usableFromInline static var stride: Int { 4 }
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

    @inline(__always) public func nrFreePages(zone z: Int) -> Int { slots[Self.nrFreeIndex(zone: z)] }

    /// Where zone `z`'s NR_FREE_PAGES, numa_hit, numa_miss and frees are, and pgalloc and pgfree: the page
    /// allocator writes them through its stores (`Kernel.countLocalAlloc` and friends).
    @inline(__always) static func nrFreeIndex(zone z: Int) -> Int { z &* stride }
    @inline(__always) static func numaHitIndex(zone z: Int) -> Int { z &* stride &+ 1 }
    @inline(__always) static func numaMissIndex(zone z: Int) -> Int { z &* stride &+ 2 }
    @inline(__always) static func freesIndex(zone z: Int) -> Int { z &* stride &+ 3 }
    @inline(__always) func pgallocIndex(_ type: ZoneType) -> Int { vmBase &+ type.rawValue }
    @inline(__always) var pgfreeIndex: Int { vmBase &+ Self.zoneTypes }

    public func stats(zone z: Int) -> ZoneStats {
        let hit = slots[Self.numaHitIndex(zone: z)], miss = slots[Self.numaMissIndex(zone: z)]
        return ZoneStats(numaHit: hit, numaMiss: miss, numaLocal: hit + miss, allocs: hit + miss, frees: slots[Self.freesIndex(zone: z)])
    }

    public func pgalloc(_ type: ZoneType) -> Int { slots[pgallocIndex(type)] }
    public var pgfree: Int { slots[pgfreeIndex] }

    /// Sets what a saved machine recorded (load); its numa_local and allocation count follow from the rest.
    mutating func set(zone z: Int, nrFreePages: Int, stats s: ZoneStats) {
        slots[Self.nrFreeIndex(zone: z)] = nrFreePages
        slots[Self.numaHitIndex(zone: z)] = s.numaHit
        slots[Self.numaMissIndex(zone: z)] = s.numaMiss
        slots[Self.freesIndex(zone: z)] = s.frees
    }
    mutating func setVM(pgalloc: [Int], pgfree: Int) {
        for (i, v) in pgalloc.prefix(Self.zoneTypes).enumerated() { slots[vmBase + i] = v }
        slots[pgfreeIndex] = pgfree
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
    /// zone_statistics() for an allocation on the local node's zone (one node: every allocation is local), and
    /// pgalloc for its zone type.
    @inline(__always) mutating func countLocalAlloc(_ s: AllocatorStores, zone z: Int, type: ZoneType, pages: Int) {
        addCounter(s, ZoneCounters.numaHitIndex(zone: z), 1)
        addCounter(s, counters.pgallocIndex(type), pages)
    }

    /// A free in zone `z` (nil: outside every zone): its frees count, and pgfree.
    @inline(__always) mutating func countFree(_ s: AllocatorStores, zone z: Int?, pages: Int) {
        if let z { addCounter(s, ZoneCounters.freesIndex(zone: z), 1) }
        addCounter(s, counters.pgfreeIndex, pages)
    }

    /// NR_FREE_PAGES of zone `z`: pages in its buddy free lists.
    @inline(__always) public func nrFreePages(zone z: Int) -> Int { counters.nrFreePages(zone: z) }
    /// numa_hit and friends of zone `z`.
    public func zoneStats(zone z: Int) -> ZoneStats { counters.stats(zone: z) }
    /// /proc/vmstat pgalloc_<zone>: pages allocated from zones of that type.
    public func pgalloc(_ type: ZoneType) -> Int { counters.pgalloc(type) }
    /// /proc/vmstat pgfree: pages freed.
    public var pgfree: Int { counters.pgfree }
}

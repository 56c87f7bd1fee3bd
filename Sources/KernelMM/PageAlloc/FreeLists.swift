/// Every zone's struct free_area[MAX_ORDER + 1], flat: for each (zone, order, migrate type) the first and last frame
/// of the list and its length, and nr_free for each (zone, order), in one buffer. The lists themselves are intrusive:
/// they link PageFrame.next/prev by frame number, so a free block costs no memory beyond its struct page.
///
/// One flat buffer on purpose: these are the page allocator's hottest numbers. A few hundred numbers are one
/// uniqueness check on the hot path; nested arrays (zones → orders → types) were a check per level. Undo journals
/// its writes (`JournaledSlots`) rather than keeping a copy.
public struct FreeLists: Sendable, Equatable, Codable {
    public let zoneCount: Int
    /// MAX_ORDER + 1.
    public let orders: Int
    @usableFromInline var slots: JournaledSlots<Int32>

    /// MIGRATE_TYPES, as a literal: a static let is a swift_once call on every read, and the hot path reads it several
    /// times an operation (PCPListTests checks it is MigrateType.allCases.count).
    @inline(__always) @usableFromInline static var types: Int { 4 }
    /// Per (zone, order): heads, tails, counts (one per type), then nr_free.
    @inline(__always) @usableFromInline static var stride: Int { 3 * types + 1 }

    /// No zones (what undo's snapshot holds in place of the kernel's): no allocation.
    public init() {
        zoneCount = 0
        orders = 0
        slots = JournaledSlots()
    }

    /// Every list empty.
    public init(zones: Int, orders: Int) {
        zoneCount = zones
        self.orders = orders
        slots = JournaledSlots(repeating: -1, count: zones * orders * Self.stride)
        for z in 0..<zones { for o in 0..<orders {
            let b = (z * orders + o) * Self.stride
            for i in (b + 2 * Self.types)...(b + 3 * Self.types) { slots[i] = 0 }
        } }
    }

    @inline(__always) @usableFromInline func base(_ z: Int, _ o: Int) -> Int { (z &* orders &+ o) &* Self.stride }
    /// Where the list's head is in `slots`; its tail is `types` further on.
    @inline(__always) func headIndex(zone z: Int, order o: Int, type m: Int) -> Int { base(z, o) &+ m }

    /// Where the count of the list whose head is at `h` is, and its order's nr_free.
    @inline(__always) func countIndex(listHead h: Int) -> Int { h &+ 2 &* Self.types }
    @inline(__always) func nrFreeIndex(listHead h: Int, type m: Int) -> Int { h &- m &+ 3 &* Self.types }

    /// The first block of the list (free_area.free_list[mt]), or -1.
    @inline(__always) public func head(zone z: Int, order o: Int, type m: Int) -> Int32 { slots[base(z, o) + m] }
    /// The last block of the list, or -1.
    @inline(__always) public func tail(zone z: Int, order o: Int, type m: Int) -> Int32 { slots[base(z, o) + Self.types + m] }
    /// Blocks on the list.
    @inline(__always) public func count(zone z: Int, order o: Int, type m: Int) -> Int { Int(slots[base(z, o) + 2 * Self.types + m]) }
    /// nr_free: blocks on all lists of this order.
    @inline(__always) public func nrFree(zone z: Int, order o: Int) -> Int { Int(slots[base(z, o) + 3 * Self.types]) }

    /// One more (or one fewer) block on the list of (zone, order, type), and in nr_free.
    @inline(__always) mutating func adjust(zone z: Int, order o: Int, type m: Int, by d: Int32) {
        let b = base(z, o)
        slots.add(d, at: b + 2 * Self.types + m, d, at: b + 3 * Self.types)
    }

    /// The zone's free_area[] as values (views, queries, tests).
    public func areas(zone z: Int) -> [FreeArea] { (0..<orders).map { area(zone: z, order: $0) } }

    /// One order's free_area as a value.
    public func area(zone z: Int, order o: Int) -> FreeArea {
        let t = MigrateType.allCases.indices
        return FreeArea(head: t.map { head(zone: z, order: o, type: $0) }, tail: t.map { tail(zone: z, order: o, type: $0) },
                        count: t.map { count(zone: z, order: o, type: $0) }, nrFree: nrFree(zone: z, order: o))
    }
}

extension Kernel {
    /// The zone's free_area[] as values.
    public func freeArea(zone z: Int) -> [FreeArea] { freeLists.areas(zone: z) }
}

/// Every zone's struct per_cpu_pages for every CPU, flat: count, high, batch and free_factor, and the first and last
/// frame of each list, in one buffer. The lists link their blocks' PageFrame.next/prev as the kernel links
/// page->pcp_list (a block on a pcp list is on no free list), so adding and taking a block is O(1) at either end.
///
/// Flat for the reason `FreeLists` is: one uniqueness check on the hot path; undo journals its writes.
public struct PCPLists: Sendable, Equatable, Codable {
    public let zoneCount: Int
    public let cpuCount: Int
    /// NR_PCP_LISTS: the low-order lists, and the THP list when transparent hugepages are configured.
    public let listCount: Int
    @usableFromInline var slots: JournaledSlots<Int32>

    /// Per (zone, CPU): count, high, batch, free_factor, then (head, tail) per list.
    @inline(__always) @usableFromInline static var fields: Int { 4 }
    /// Slots per (zone, CPU): stored, since the hot path's index arithmetic reads it on every list operation.
    @usableFromInline let stride: Int

    /// No zones (what undo's snapshot holds in place of the kernel's): no allocation.
    public init() {
        zoneCount = 0
        cpuCount = 0
        listCount = 0
        stride = Self.fields
        slots = JournaledSlots()
    }

    /// Every list empty, count 0, batch 1, high 0.
    public init(zones: Int, cpus: Int, transparentHugepage: Bool) {
        zoneCount = zones
        cpuCount = cpus
        listCount = PerCPUPages.lowOrderLists + (transparentHugepage ? 1 : 0)
        let stride = Self.fields + 2 * listCount
        self.stride = stride
        slots = JournaledSlots(repeating: -1, count: zones * cpus * stride)
        for i in 0..<(zones * cpus) {
            slots[i * stride] = 0        // count
            slots[i * stride + 1] = 0    // high
            slots[i * stride + 2] = 1    // batch
            slots[i * stride + 3] = 0    // free_factor
        }
    }

    @inline(__always) @usableFromInline func base(_ z: Int, _ cpu: Int) -> Int { (z &* cpuCount &+ cpu) &* stride }
    /// Where the list's head is in `slots`; its tail is the next slot.
    @inline(__always) func headIndex(zone z: Int, cpu: Int, list i: Int) -> Int { base(z, cpu) &+ Self.fields &+ 2 &* i }

    /// Where count(zone:cpu:) is.
    @inline(__always) func countIndex(zone z: Int, cpu: Int) -> Int { base(z, cpu) }

    /// Pages (not blocks) on the CPU's lists of the zone.
    @inline(__always) public func count(zone z: Int, cpu: Int) -> Int { Int(slots[base(z, cpu)]) }
    @inline(__always) public func high(zone z: Int, cpu: Int) -> Int { Int(slots[base(z, cpu) + 1]) }
    @inline(__always) public func batch(zone z: Int, cpu: Int) -> Int { Int(slots[base(z, cpu) + 2]) }
    /// free_factor: grows while frees come without allocations, so each flush returns more.
    @inline(__always) public func freeFactor(zone z: Int, cpu: Int) -> Int { Int(slots[base(z, cpu) + 3]) }
    /// The list's first block (the one handed out next, list_first_entry()), or -1.
    @inline(__always) public func head(zone z: Int, cpu: Int, list i: Int) -> Int32 { slots[base(z, cpu) + Self.fields + 2 * i] }
    /// The list's last block (the oldest, which free_pcppages_bulk() returns first), or -1.
    @inline(__always) public func tail(zone z: Int, cpu: Int, list i: Int) -> Int32 { slots[base(z, cpu) + Self.fields + 2 * i + 1] }

    @inline(__always) mutating func addCount(zone z: Int, cpu: Int, _ pages: Int) { slots[base(z, cpu)] &+= Int32(truncatingIfNeeded: pages) }
    @inline(__always) mutating func setHighAndBatch(zone z: Int, cpu: Int, high: Int, batch: Int) {
        let b = base(z, cpu)
        slots[b + 1] = Int32(truncatingIfNeeded: high)
        slots[b + 2] = Int32(truncatingIfNeeded: batch)
    }
    /// Where high(zone:cpu:) and freeFactor(zone:cpu:) are (the allocator reads and writes them through its stores).
    @inline(__always) func highIndex(zone z: Int, cpu: Int) -> Int { base(z, cpu) &+ 1 }
    @inline(__always) func freeFactorIndex(zone z: Int, cpu: Int) -> Int { base(z, cpu) &+ 3 }

    /// Whether any of the CPU's lists of the zone holds a block.
    public func hasBlocks(zone z: Int, cpu: Int) -> Bool {
        (0..<listCount).contains { head(zone: z, cpu: cpu, list: $0) >= 0 }
    }
}

extension Kernel {
    /// The zone's per_cpu_pages of every CPU as values, each list from its head (views, queries, tests).
    public func pcp(zone z: Int) -> [PerCPUPages] {
        (0..<pcpLists.cpuCount).map { cpu in
            PerCPUPages(count: pcpLists.count(zone: z, cpu: cpu), high: pcpLists.high(zone: z, cpu: cpu),
                        batch: pcpLists.batch(zone: z, cpu: cpu), freeFactor: pcpLists.freeFactor(zone: z, cpu: cpu),
                        lists: (0..<pcpLists.listCount).map { pcpList(zone: z, cpu: cpu, list: $0) })
        }
    }

    /// One pcp list's blocks from its head, following the frames' links (bounded, so a broken list cannot hang a view).
    public func pcpList(zone z: Int, cpu: Int, list i: Int) -> [Int32] {
        var out: [Int32] = []
        var p = pcpLists.head(zone: z, cpu: cpu, list: i)
        while p >= 0, Int(p) < frames.count, out.count <= frames.count {
            out.append(p)
            p = frames[Int(p)].next
        }
        return out
    }

    /// Pages held on all CPUs' pcp lists of the zone.
    public func pcpPages(zone z: Int) -> Int {
        (0..<pcpLists.cpuCount).reduce(0) { $0 + pcpLists.count(zone: z, cpu: $1) }
    }
}

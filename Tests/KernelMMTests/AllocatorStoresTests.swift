import Testing
@testable import KernelMM

/// The page allocator writes its stores through pointers (`AllocatorStores`), after making them the kernel's own:
/// a copy of the kernel taken before must not see those writes. The pcp paths take the free lists only when a list
/// is refilled or drained, so each path is driven here on a kernel whose every store is shared with a copy.
@Suite struct AllocatorStoresTests {
    static let pcpOn: Kernel? = try? boot { $0.memory = 64 << 20; $0.cpus = 2 }
    static let pcpOff: Kernel? = try? boot { $0.memory = 64 << 20; $0.cpus = 2; $0.pcpLists = false }

    /// Everything the allocator writes, read out as plain values (not the stores themselves, which a copy shares).
    struct Fingerprint: Equatable {
        var frames: [PageFrame]
        var freeAreas: [[FreeArea]]
        var pcp: [[Int32]]
        var pcpCounts: [Int]
        var stats: [ZoneStats]
        var nrFree: [Int]
        var pgfree: Int

        init(_ k: Kernel) {
            frames = Array(k.frames)
            freeAreas = k.zones.indices.map { k.freeArea(zone: $0) }
            var lists: [[Int32]] = [], counts: [Int] = []
            for z in k.zones.indices {
                for cpu in 0..<k.pcpLists.cpuCount {
                    counts.append(k.pcpLists.count(zone: z, cpu: cpu))
                    for i in 0..<k.pcpLists.listCount { lists.append(k.pcpList(zone: z, cpu: cpu, list: i)) }
                }
            }
            pcp = lists
            pcpCounts = counts
            stats = k.zones.indices.map { k.zoneStats(zone: $0) }
            nrFree = k.zones.indices.map { k.nrFreePages(zone: $0) }
            pgfree = k.pgfree
        }
    }

    @Test(arguments: [true, false])
    func aCopyTakenBeforeSeesNoneOfTheAllocatorsWrites(pcp: Bool) throws {
        let booted = try #require(pcp ? Self.pcpOn : Self.pcpOff)
        var k = booted
        var held: [(PFN, Int)] = []
        // Orders 0-3 go through the pcp lists (when on), 4 and up straight to the buddy lists; enough of them that
        // the lists are refilled and, on the way back, drained past `high`.
        for round in 0..<3 {
            let copy = k
            let before = Fingerprint(copy)
            for i in 0..<200 {
                let order = i % 7 == 6 ? 4 + (i % 3) : i % 4
                held.append((try k.mustAlloc([.nowait, .nowarn], order: order), order))
            }
            for (p, o) in held.reversed() where (p.raw + round) % 3 != 0 { k.freePages(p, order: o) }
            held.removeAll { ($0.0.raw + round) % 3 != 0 }
            #expect(Fingerprint(copy) == before, "round \(round): the copy changed")
            #expect(Fingerprint(k) != before)
            try k.checkInvariants()
            try copy.checkInvariants()
        }
    }
}

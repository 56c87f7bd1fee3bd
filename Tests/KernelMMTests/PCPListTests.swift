@testable import KernelMM
import Testing

/// The per-CPU lists link their blocks through the frames (page->pcp_list): the order they hand blocks out in, and
/// the invariant walk that catches a broken link.
@Suite struct PCPListTests {
    static let machine: Kernel? = try? boot { $0.memory = 256 << 20; $0.cpus = 2 }

    @Test func freedLastIsHandedOutFirstAndTheOldestIsFlushedFirst() throws {
        var k = try #require(Self.machine)
        let a = try k.mustAlloc(.kernel, order: 0), b = try k.mustAlloc(.kernel, order: 0)
        let z = try #require(k.zoneIndex(ofPFN: a.raw))
        let i = PerCPUPages.index(order: 0, migratetype: .unmovable)
        let refill = k.pcpList(zone: z, cpu: 0, list: i)
        k.freePages(a, order: 0)
        k.freePages(b, order: 0)
        // list_add(): each free goes to the head; the head is what rmqueue_pcplist() takes next (hot first).
        #expect(k.pcpList(zone: z, cpu: 0, list: i) == [Int32(b.raw), Int32(a.raw)] + refill)
        #expect(k.pcpLists.head(zone: z, cpu: 0, list: i) == Int32(b.raw))
        #expect(k.pcpLists.tail(zone: z, cpu: 0, list: i) == refill.last ?? Int32(a.raw))
        #expect(try k.mustAlloc(.kernel, order: 0) == b)
        try k.checkInvariants()
        // free_pcppages_bulk() takes the tail (the oldest) first: a flush of one page returns the refill's last block.
        let oldest = try #require(refill.last)
        k.freePcppagesBulk(zone: z, cpu: 0, count: 1, startIndex: i)
        #expect(k.frames[Int(oldest)].state != .pcp)
        #expect(!k.pcpList(zone: z, cpu: 0, list: i).contains(oldest))
        try k.checkInvariants()
    }

    @Test func theFlatListsHaveAPlaceForEveryMigrateType() {
        #expect(FreeLists.types == MigrateType.allCases.count)
        // MigrateType.stored and PageFrame.owner read a byte as the case of that index: the raw values must be it.
        for (i, t) in MigrateType.allCases.enumerated() { #expect(t.rawValue == i && MigrateType.stored(UInt8(i), else: .movable) == t) }
        #expect(MigrateType.stored(4, else: .movable) == .movable)
        for o in 0...FrameOwner.pageTable.rawValue {
            var f = PageFrame.absent
            f.owner = FrameOwner(rawValue: o) ?? .none
            #expect(f.owner.rawValue == o)
        }
    }

    @Test func aBrokenLinkOrTailIsCaught() throws {
        var k = try #require(Self.machine)
        let a = try k.mustAlloc(.kernel, order: 0)
        let z = try #require(k.zoneIndex(ofPFN: a.raw))
        let i = PerCPUPages.index(order: 0, migratetype: .unmovable)
        let list = k.pcpList(zone: z, cpu: 0, list: i)
        try #require(list.count >= 2)
        var badPrev = k
        badPrev.frames[Int(list[1])].prev = -1
        #expect(throws: InvariantViolation.pageAlloc(.badPrevLink(pfn: Int(list[1])))) { try badPrev.checkPageAllocInvariants() }
        var badTail = k
        badTail.pcpLists.slots[k.pcpLists.headIndex(zone: z, cpu: 0, list: i) + 1] = list[0]
        #expect(throws: InvariantViolation.pageAlloc(.pcpListTail(cpu: 0, zone: k.zones[z].type, list: i))) { try badTail.checkPageAllocInvariants() }
    }
}

import Testing
@testable import KernelMM

@Suite struct VmallocTests {
    static func boot(_ arch: Architecture = .x86_64, memory: UInt64 = 4 << 30) throws -> Kernel {
        var p = BootParams()
        p.arch = arch
        p.memory = memory
        return try Kernel(booting: p)
    }

    static func heldByVmalloc(_ k: Kernel) -> Int { k.frames.filter { $0.state == .allocated && $0.owner == .vmalloc }.count }
    static func free(_ k: Kernel) -> Int { let m = k.memInfo(); return m.freeRAM + m.pcpFree }

    @Test(arguments: [1, 2, 3, 17, 64])
    func nPagesTakeNFramesPlusGuardAndFreeAll(pages: Int) throws {
        var k = try Self.boot()
        let held0 = Self.heldByVmalloc(k), free0 = Self.free(k), used0 = k.memInfo().vmallocUsed
        let size = UInt64(pages * k.pageSize - 100) // not a page multiple: rounded up
        let v = try unwrap(k.vmalloc(size))
        #expect(k.isVmallocAddr(v) && v % UInt64(k.pageSize) == 0)
        let a = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        #expect(a.start == v && a.size == (pages + 1) * k.pageSize && a.pages.count == pages && a.nrPages == pages)
        #expect(Self.heldByVmalloc(k) == held0 + pages)
        #expect(Self.free(k) == free0 - pages)
        #expect(k.memInfo().vmallocUsed == used0 + pages)
        // vmalloc_to_page follows the page table, page by page; the guard page maps nothing.
        for i in 0..<pages { #expect(k.vmallocToPage(v + UInt64(i * k.pageSize) + 5)?.raw == Int(a.pages[i])) }
        #expect(k.vmallocToPage(v + UInt64(pages * k.pageSize)) == nil)
        try k.checkInvariants()
        do { let r = k.vfree(v); #expect(r == .freed(pages: pages)) }
        #expect(Self.heldByVmalloc(k) == held0 && Self.free(k) == free0 && k.memInfo().vmallocUsed == used0)
        #expect(k.vmalloc.index(containing: v) == nil)
        try k.checkInvariants()
    }

    /// The lowest page-aligned gap that holds `pages` + guard, found independently of the allocator.
    static func lowestGap(_ k: Kernel, pages: Int) -> UInt64 {
        let need = UInt64((pages + 1) * k.pageSize)
        var cursor = k.vmallocRange.start
        // Live areas and the lazily freed ranges on the purge list both take space.
        let taken = (k.vmalloc.areas.map { ($0.start, $0.end) } + k.vmalloc.purgeList.map { ($0.start, $0.end) }).sorted { $0.0 < $1.0 }
        for (start, end) in taken {
            if start >= cursor, start - cursor >= need { return cursor }
            cursor = max(cursor, end)
        }
        return cursor
    }

    /// free_vmap_area_noflush() merges a freed range with the unpurged ranges it touches (merge_or_add_vmap_area()),
    /// so /proc/vmallocinfo lists one "unpurged vm_area" for neighbours freed in any order, and one lookup covers them.
    @Test func adjacentFreedRangesMergeOnThePurgeList() throws {
        var k = try Self.boot()
        let p = k.pageSize
        // Past the holes between the boot's areas, first fit puts them back to back: a page and its guard page each.
        let all = try (0..<40).map { _ in try unwrap(k.vmalloc(UInt64(p))) }
        let v = Array(all.suffix(4))
        #expect(zip(v, v.dropFirst()).allSatisfy { $1 == $0 + UInt64(2 * p) })
        k.vfree(v[1])
        k.vfree(v[3])
        #expect(k.vmalloc.purgeList == [VMRange(start: v[1], size: 2 * p), VMRange(start: v[3], size: 2 * p)])
        k.vfree(v[2])   // touches both: the three become one
        #expect(k.vmalloc.purgeList == [VMRange(start: v[1], size: 6 * p)])
        k.vfree(v[0])   // touches the merged range from below
        #expect(k.vmalloc.purgeList == [VMRange(start: v[0], size: 8 * p)])
        #expect(k.vmalloc.lazyPages == 8)
        try k.checkInvariants()
    }

    @Test func areasAreFirstFitInAddressOrder() throws {
        var k = try Self.boot()
        var live: [UInt64] = []
        for pages in [1, 3, 1, 2, 5, 1] {
            let expected = Self.lowestGap(k, pages: pages)
            let v = try unwrap(k.vmalloc(UInt64(pages * k.pageSize)))
            #expect(v == expected)
            live.append(v)
        }
        // Free the 3-page area: 6.6 unmaps it but purges lazily (free_vmap_area_noflush), so its range stays taken
        // ("unpurged vm_area") until lazy_max_pages pile up; once purged, a 2-page request fits in its place.
        k.vfree(live[1])
        #expect(k.vmalloc.purgeList == [VMRange(start: live[1], size: 4 * k.pageSize)])
        #expect(k.vmalloc.lazyPages == 4)
        let lazy = try unwrap(k.vmalloc(UInt64(2 * k.pageSize)))
        #expect(lazy != live[1])
        k.vfree(lazy)
        k.purgeVmapAreaLazy()
        let expected2 = Self.lowestGap(k, pages: 2)
        #expect(expected2 <= live[1])
        let d = try unwrap(k.vmalloc(UInt64(2 * k.pageSize)))
        #expect(d == expected2)
        let expected5 = Self.lowestGap(k, pages: 5)
        let e = try unwrap(k.vmalloc(UInt64(5 * k.pageSize)))
        #expect(e == expected5 && e > live[1])
        #expect(k.vmalloc.areas.map(\.start) == k.vmalloc.areas.map(\.start).sorted())
        try k.checkInvariants()
    }

    @Test func highmemPagesBackVmallocOnI386() throws {
        var k = try Self.boot(.i386, memory: 2 << 30)
        let v = try unwrap(k.vmalloc(64 << 10))
        let a = try #require(k.vmalloc.index(containing: v).map { k.vmalloc.areas[$0] })
        #expect(a.pages.allSatisfy { k.isHighmem(Int($0)) })
        // VMALLOC_START = PAGE_OFFSET + MAXMEM (0x36ffe000) + VMALLOC_OFFSET on a machine whose RAM fills lowmem.
        #expect(k.isVmallocAddr(v) && v >= 0xf77f_e000 && k.vmallocRange.start == 0xf77f_e000)
        try k.checkInvariants()
    }

    @Test func failureRollsBackEveryPage() throws {
        var k = try Self.boot(memory: 64 << 20)
        let free0 = Self.free(k), held0 = Self.heldByVmalloc(k)
        let before = k.vmalloc
        let tables0 = before.pageTables.tables.count
        let total = k.memInfo().totalRAM
        // Less than all of RAM (so not "exceeds total pages") but more than is free.
        let size = UInt64(total - 100) * UInt64(k.pageSize)
        do { let r = k.vmalloc(size); #expect(r == nil) }
        guard case .vmallocError(let message, let gfp, _)? = k.log.entries.last(where: { if case .vmallocError = $0.report.kind { true } else { false } })?.report.kind else {
            Issue.record("no vmalloc error report"); return
        }
        #expect(message.hasPrefix("vmalloc error: size ") && message.hasSuffix(", failed to allocate pages"))
        #expect(gfp == .kernel)
        #expect(Self.heldByVmalloc(k) == held0)
        // Everything but page tables comes back (its vmalloc'd page array too); tables are never freed.
        #expect(Self.free(k) == free0 - (k.vmalloc.pageTables.tables.count - tables0))
        #expect(k.vmalloc.areas == before.areas)
        try k.checkInvariants()
    }

    @Test func sizesBeyondRAMOrRangeFail() throws {
        var k = try Self.boot(memory: 64 << 20)
        do { let r = k.vmalloc(1 << 30); #expect(r == nil) }
        #expect(k.log.entries.last?.report.kind.isVmallocError(containing: "exceeds total pages") == true)
        var i = try Self.boot(.i386, memory: 1 << 30)
        let frames = i.frames
        #expect(i.vmalloc(200 << 20) == nil) // the i386 vmalloc range is 128 MiB
        #expect(i.log.entries.last?.report.kind.isVmallocError(containing: "vm_struct allocation failed") == true)
        #expect(i.log.entries.contains { $0.report.kind == .info("vmap allocation for size \((200 << 20) + 4096) failed: use vmalloc=<size> to increase size") })
        #expect(i.frames == frames)
        #expect(i.vmalloc(0) == nil)
    }

    @Test func vfreeInInterruptIsDeferredAndInNMIIsABug() throws {
        var k = try Self.boot()
        let v = try unwrap(k.vmalloc(8192))
        try k.irqEnter()
        do { let r = k.vfree(v); #expect(r == .deferred) }
        #expect(k.vmalloc.index(containing: v) != nil)
        try k.checkInvariants()
        try k.irqExit()
        #expect(k.vmalloc.index(containing: v) == nil)
        let w = try unwrap(k.vmalloc(8192))
        k.nmiEnter()
        let before = k.vmalloc
        do { let r = k.vfree(w); #expect(r == .refused) }
        #expect(k.vmalloc == before)
        #expect(k.log.entries.last?.report.kind == .kernelBug(file: "mm/vmalloc.c", line: 2777, function: "vfree_atomic"))
        try k.nmiExit()
        try k.checkInvariants()
    }

    @Test func badFreesWarnAndChangeNothing() throws {
        var k = try Self.boot()
        let v = try unwrap(k.vmalloc(8192))
        let before = k.vmalloc
        do { let r = k.vfree(v + 8); #expect(r == .refused) }
        // mm/vmalloc.c:2691 (remove_vm_area) then :2826 (vfree): 6.6 warns twice for a misaligned address.
        #expect(k.log.entries.suffix(2).first?.report.kind == .warningMessage(message: "Trying to vfree() bad address (%p)", pointer: v + 8, file: "mm/vmalloc.c", line: 2691, function: "remove_vm_area"))
        #expect(k.log.entries.last?.report.kind == .warningMessage(message: "Trying to vfree() nonexistent vm area (%p)", pointer: v + 8, file: "mm/vmalloc.c", line: 2826, function: "vfree"))
        do { let r = k.vfree(v + 4096); #expect(r == .refused) }
        do { let r = k.vfree(0xffff_c900_1000_0000); #expect(r == .refused) }
        #expect(k.log.entries.last?.report.kind == .warningMessage(message: "Trying to vfree() nonexistent vm area (%p)", pointer: 0xffff_c900_1000_0000, file: "mm/vmalloc.c", line: 2826, function: "vfree"))
        #expect(k.vmalloc == before)
        do { let r = k.vfree(0); #expect(r == .null) }
        do { let r = k.vfree(v); #expect(r == .freed(pages: 2)) }
        do { let r = k.vfree(v); #expect(r == .refused) } // double vfree
        // A task's stack is not the caller's to vfree.
        let stack = try #require(k.tasks.first { $0.pid == 1234 }?.stack)
        do { let r = k.vfree(stack.base); #expect(r == .refused) }
        try k.checkInvariants()
    }

    @Test func vzallocAndVmallocUser() throws {
        var k = try Self.boot()
        let z = try unwrap(k.vzalloc(4096))
        let zp = try #require(k.vmallocToPage(z))
        #expect(k.frames[zp.raw].flags.contains(.zeroed))
        let u = try unwrap(k.vmallocUser(4096))
        #expect(k.vmalloc.areas.first { $0.start == u }?.flags == [.alloc, .usermap])
    }
}

extension KernelReport.Kind {
    func isVmallocError(containing text: String) -> Bool {
        if case .vmallocError(let m, _, _) = self { return m.contains(text) }
        return false
    }
}

struct Missing: Error {}
func unwrap<T>(_ v: T?) throws -> T {
    guard let v else { throw Missing() }
    return v
}

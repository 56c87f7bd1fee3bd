import Testing
@testable import KernelMM

/// Which list a slab is on after each step, the SLAB partial → free → grow order, shrink and reclaim.
@Suite struct SlabListTests {
    static func boot(_ kind: SlabAllocatorKind, cpus: Int = 1, debug: String = "", mem: UInt64 = 256 << 20) throws -> Kernel {
        var p = BootParams()
        p.slab = kind
        p.cpus = cpus
        p.slabDebug = debug
        p.memory = mem
        return try Kernel(booting: p)
    }

    func lists(_ k: Kernel, _ name: String) -> [SlabList] {
        guard let c = k.slab.cache(named: name) else { return [] }
        return c.slabs.keys.sorted().compactMap { c.slabs[$0]?.list }
    }

    @Test func slubSlabGoesCpuThenNoListThenCpuPartialThenNode() throws {
        var k = try Self.boot(.slub)
        _ = k.kmemCacheCreate(name: "t", size: 1024) // 1 CPU: 8 objects per order-1 slab
        let c0 = try #require(k.slab.cache(named: "t"))
        #expect(c0.num == 8)
        var objs: [UInt64] = []
        for _ in 0..<8 { objs.append(try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))) }
        #expect(lists(k, "t") == [.cpu])
        // The ninth allocation finds the CPU slab full: it goes on no list and a new slab becomes the CPU slab.
        let ninth = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        let cNow = try #require(k.slab.cache(named: "t"))
        let noList = cNow.slabs.values.filter { $0.list == SlabList.none }.map(\.pfn)
        let first = try #require(noList.first)
        #expect(Set(lists(k, "t")) == [.none, .cpu])
        // Freeing into the full slab freezes it onto the CPU's partial list.
        #expect(k.kmemCacheFree("t", objs[0]) == .freed)
        #expect(k.slab.cache(named: "t")?.slabs[first]?.list == .cpuPartial)
        // A flush (shrink) moves CPU partial slabs to the node's partial list.
        k.kmemCacheShrink("t")
        #expect(k.slab.cache(named: "t")?.slabs[first]?.list == .partial)
        _ = ninth
        try k.checkInvariants()
    }

    @Test func slabTakesPartialThenFreeThenGrows() throws {
        var k = try Self.boot(.slab)
        _ = k.kmemCacheCreate(name: "t", size: 1000) // 4 per slab
        let c = try #require(k.slab.cache(named: "t"))
        #expect(c.num == 4)
        // First allocation grows one slab and moves a batch into the CPU array.
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        #expect(lists(k, "t") == [.full])
        #expect(k.slab.cache(named: "t")?.arrays[0].count == 3)
        _ = a
        // Drain the arrays: objects go back, the slab becomes partial.
        k.kmemCacheShrink("t")
        #expect(lists(k, "t") == [.partial])
        // Make a second, free slab: allocate enough to grow, then free its objects back.
        var objs: [UInt64] = []
        for _ in 0..<7 { objs.append(try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))) }
        for o in objs { k.kmemCacheFree("t", o) }
        k.kmemCacheShrink("t") // shrink also destroys free slabs
        #expect(lists(k, "t") == [.partial])
        try k.checkInvariants()
    }

    @Test func slabRefillOrderPartialFreeNew() throws {
        var k = try Self.boot(.slab)
        _ = k.kmemCacheCreate(name: "t", size: 1000)
        k.explainEnabled = true
        // Grow two slabs, keep one object in the first, none in the second.
        var objs: [UInt64] = []
        for _ in 0..<8 { objs.append(try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))) }
        let keep = objs.removeFirst()
        for o in objs { k.kmemCacheFree("t", o) }
        // Put everything in slabs (no arrays) without destroying the free slab: flush arrays only.
        k.flushCPUCaches(try #require(k.slab.index(named: "t")))
        let c = try #require(k.slab.cache(named: "t"))
        #expect(c.partial.count == 1 && c.free.count == 1)
        k.beginCommand()
        _ = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        let steps = k.explanation.compactMap { if case .slab(let s) = $0 { s } else { nil } }
        let partialAt = steps.firstIndex { if case .partialSlabFound = $0 { true } else { false } }
        let freeAt = steps.firstIndex { if case .freeSlabUsed = $0 { true } else { false } }
        #expect(partialAt != nil && freeAt != nil && partialAt! < freeAt!)
        #expect(!steps.contains { if case .growing = $0 { true } else { false } })
        _ = keep
        try k.checkInvariants()
    }

    @Test(arguments: SlabAllocatorKind.allCases)
    func shrinkReturnsExactlyTheFreeSlabs(kind: SlabAllocatorKind) throws {
        var k = try Self.boot(kind)
        _ = k.kmemCacheCreate(name: "t", size: 2000)
        var objs: [UInt64] = []
        for _ in 0..<40 { objs.append(try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))) }
        // Free every object of some slabs, one object of others.
        for o in objs.enumerated() where o.offset % 2 == 0 || o.offset < 20 { k.kmemCacheFree("t", o.element) }
        let ci = try #require(k.slab.index(named: "t"))
        k.flushCPUCaches(ci)
        let c = k.slab.caches[ci]
        let empty = c.slabs.values.filter { $0.inuse == 0 }
        let emptyPages = empty.reduce(0) { $0 + (1 << Int(k.frames[$1.pfn].order)) }
        let nonEmpty = c.slabs.count - empty.count
        let free0 = k.memInfo().freeRAM + k.memInfo().pcpFree
        let r = try unwrap(k.kmemCacheShrink("t"))
        #expect(r.slabs == empty.count && r.pages == emptyPages)
        #expect(k.slab.cache(named: "t")?.numSlabs == nonEmpty)
        #expect(k.memInfo().freeRAM + k.memInfo().pcpFree == free0 + emptyPages)
        try k.checkInvariants()
    }

    @Test func reclaimShrinksCachesUnderPressure() throws {
        var k = try Self.boot(.slub, mem: 128 << 20)
        _ = k.kmemCacheCreate(name: "cache", size: 4096, flags: .reclaimAccount)
        var objs: [UInt64] = []
        for _ in 0..<2000 { if let o = k.kmemCacheAlloc("cache", gfp: .kernel) { objs.append(o) } }
        for o in objs { k.kmemCacheFree("cache", o) }
        let before = try #require(k.slab.cache(named: "cache")).numSlabs
        #expect(before > 0)
        #expect(k.memInfo().slabReclaimable > 0)
        // Now take pages until reclaim has to run.
        k.explainEnabled = true
        var got = 0
        while k.allocPages(.kernel, order: 0) != nil { got += 1; if got > 100_000 { break } }
        let after = try #require(k.slab.cache(named: "cache")).numSlabs
        #expect(after < before)
        try k.checkInvariants()
    }

    @Test func slabFreeLimitGivesBackFreeSlabs() throws {
        var k = try Self.boot(.slab, cpus: 2)
        _ = k.kmemCacheCreate(name: "t", size: 1000)
        var objs: [UInt64] = []
        for _ in 0..<400 { objs.append(try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))) }
        let grown = try #require(k.slab.cache(named: "t")).numSlabs
        for o in objs { k.kmemCacheFree("t", o) }
        let ci = try #require(k.slab.index(named: "t"))
        k.flushCPUCaches(ci)
        let c = k.slab.caches[ci]
        // (1 + CPUs) × batchcount + num = 3 × 27 + 4 = 85 free objects may stay; the rest went back.
        #expect(c.freeLimit == 85)
        #expect(k.slabFreeObjects(ci) <= c.freeLimit)
        #expect(c.numSlabs < grown)
        #expect(c.numSlabs == c.free.count)
        try k.checkInvariants()
    }

    @Test func slubKeepsAtMostMinPartialEmptySlabs() throws {
        var k = try Self.boot(.slub, cpus: 2)
        _ = k.kmemCacheCreate(name: "t", size: 512)
        var objs: [UInt64] = []
        for _ in 0..<600 { objs.append(try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))) }
        for o in objs { k.kmemCacheFree("t", o) }
        let ci = try #require(k.slab.index(named: "t"))
        k.flushCPUCaches(ci)
        let c = k.slab.caches[ci]
        #expect(c.minPartial == 5)
        #expect(c.numSlabs <= c.minPartial)
        #expect(c.partial.count == c.numSlabs)
        try k.checkInvariants()
    }

    @Test func tasksHoldTaskStructObjects() throws {
        var k = try Self.boot(.slub, cpus: 2)
        let live0 = try #require(k.slab.cache(named: "task_struct")).liveObjects
        // Every task but the static init_task (swapper/0) has one.
        #expect(live0 == k.tasks.filter { $0.comm != "swapper/0" }.count)
        let pid = try unwrap(k.taskCreate(comm: "worker"))
        #expect(k.slab.cache(named: "task_struct")?.liveObjects == live0 + 1)
        try k.taskExit(pid: pid)
        #expect(k.slab.cache(named: "task_struct")?.liveObjects == live0)
        try k.checkInvariants()
    }
}

import Testing
@testable import KernelMM

/// Poison and red-zone reports on scripted corruption; double frees reported with the state unchanged.
@Suite struct SlabDebugTests {
    static func boot(_ kind: SlabAllocatorKind, debug: String = "") throws -> Kernel {
        var p = BootParams()
        p.slab = kind
        p.slabDebug = debug
        p.memory = 256 << 20
        return try Kernel(booting: p)
    }

    func slubBugs(_ k: Kernel) -> [SlubBugReport] {
        k.log.entries.compactMap { if case .slubBug(let b) = $0.report.kind { b } else { nil } }
    }
    func slabReports(_ k: Kernel) -> [SlabReport] {
        k.log.entries.compactMap { if case .slab(let s) = $0.report.kind { s } else { nil } }
    }

    /// slab_out_of_memory()'s node line counts the cache's slabs and objects, and the free objects of its node
    /// partial slabs (count_partial(n, count_free)), not those of a copy without slabs.
    @Test func slubOutOfMemoryCountsTheCachesSlabs() throws {
        var p = BootParams()
        p.memory = 64 << 20
        var k = try Kernel(booting: p)
        guard case .success = k.kmemCacheCreate(name: "big", size: 4000) else { Issue.record("create"); return }
        var held: [UInt64] = []
        while held.count < 100_000, let a = k.kmemCacheAlloc("big", gfp: .nowait) { held.append(a) }
        // Some frees and allocations before the failure, so that slabs have moved between lists. An allocation takes
        // the node's partial slabs before it grows the cache, so when it fails their free count is 0 here.
        for a in held.prefix(40) where a % 3 == 0 { _ = k.kmemCacheFree("big", a) }
        _ = k.kmemCacheAlloc("big", gfp: .nowait)
        while k.kmemCacheAlloc("big", gfp: .nowait) != nil {}
        let oom = try #require(slabReports(k).compactMap { if case .slubOutOfMemory(let m) = $0 { m } else { nil } }.last)
        let c = try #require(k.slab.cache(named: "big"))
        let partialFree = c.partial.reduce(0) { n, p in n + (c.slabs[p].map { $0.objects.count - $0.inuse } ?? 0) }
        #expect(oom.slabs == c.numSlabs && oom.slabs > 0)
        #expect(oom.objects == c.numSlabs * c.num)
        #expect(oom.free == partialFree)
        try k.checkInvariants()
    }

    @Test func slubDoubleFreeWithF() throws {
        var k = try Self.boot(.slub, debug: "F")
        _ = k.kmemCacheCreate(name: "t", size: 64)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        _ = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        let v1 = k.kmemCacheFree("t", a)
        #expect(v1 == .freed)
        let before = k.slab
        let v2 = k.kmemCacheFree("t", a)
        #expect(v2 == .refused)
        #expect(k.slab == before)
        let b = try #require(slubBugs(k).last)
        #expect(b.problem == .objectAlreadyFree)
        #expect(b.fixes == [.objectNotFreed(address: a)])
        #expect(k.taint.contains("B"))
        // add_taint() comes after print_trailer()'s dump_stack() (mm/slub.c:992): the report itself is not tainted yet.
        #expect(k.log.entries.last?.report.taint == "")
        try k.checkInvariants()
    }

    @Test func slubImmediateDoubleFreeWithoutDebugIsHardenedBug() throws {
        var k = try Self.boot(.slub)
        _ = k.kmemCacheCreate(name: "t", size: 64)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", a)
        let before = k.slab
        let v3 = k.kmemCacheFree("t", a)
        #expect(v3 == .refused)
        #expect(k.slab == before)
        let last = try #require(k.log.entries.last?.report.kind)
        #expect(last == .kernelBug(file: "mm/slub.c", line: 448, function: "set_freepointer"))
        try k.checkInvariants()
    }

    @Test func slabDebugDoubleFree() throws {
        var k = try Self.boot(.slab, debug: "on")
        _ = k.kmemCacheCreate(name: "t", size: 100)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", a)
        let before = k.slab
        let v4 = k.kmemCacheFree("t", a)
        #expect(v4 == .refused)
        #expect(k.slab == before)
        // mm/slab.c verify_redzone_free(): both words are already RED_INACTIVE; objp is the slot start, one red zone
        // word (8 bytes) below the object. slab_error() dumps the stack (the shell prints objp after it).
        #expect(slabReports(k).last == .redzone(function: .verifyRedzoneFree, cache: "t", problem: .doubleFree,
                                                address: a - 8, redzone1: 0x9f91_1029_d74e_35b, redzone2: 0x9f91_1029_d74e_35b))
        #expect(k.log.entries.last?.report.callTrace.isEmpty == false)
        try k.checkInvariants()
    }

    @Test func slubPoisonOverwrittenAfterFree() throws {
        var k = try Self.boot(.slub, debug: "FZP")
        _ = k.kmemCacheCreate(name: "t", size: 100)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", a)
        // Use after free: write 4 bytes into the freed object.
        let v5 = k.simulateWrite(a + 8, length: 4, byte: 0x41)
        #expect(v5 == 4)
        // The next allocation takes this object first (LIFO), finds the damage and marks the slab used.
        let b = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        #expect(b != a)
        let r = try #require(slubBugs(k).last)
        #expect(r.problem == .overwritten(.poison))
        #expect(r.badBytes?.found == 0x41 && r.badBytes?.expected == 0x6b)
        #expect(r.badBytes.map { $0.to - $0.from } == 3)
        #expect(r.fixes.contains { if case .restoring(.poison, _, _, 0x6b) = $0 { true } else { false } })
        #expect(r.fixes.last == .markingAllObjectsUsed)
        try k.checkInvariants()
    }

    @Test func slubPoisonWithoutFGoesUnnoticed() throws {
        var k = try Self.boot(.slub)
        _ = k.kmemCacheCreate(name: "t", size: 100, flags: .poison)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", a)
        _ = k.simulateWrite(a, length: 8, byte: 0)
        let b = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        #expect(b == a)
        #expect(slubBugs(k).isEmpty)
    }

    @Test func slubRedzoneOverflowCaughtAtFree() throws {
        var k = try Self.boot(.slub, debug: "FZ")
        _ = k.kmemCacheCreate(name: "t", size: 100)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        _ = k.simulateWrite(a + 100, length: 2, byte: 0x00) // two bytes past the end
        let v6 = k.kmemCacheFree("t", a)
        #expect(v6 == .refused)
        let r = try #require(slubBugs(k).last)
        #expect(r.problem == .overwritten(.rightRedzone))
        #expect(r.fixes.last == .objectNotFreed(address: a))
        // Bytes were restored: freeing again now works.
        let v7 = k.kmemCacheFree("t", a)
        #expect(v7 == .freed)
        try k.checkInvariants()
    }

    @Test func slabDebugSlabCorruptionAtNextAllocation() throws {
        var k = try Self.boot(.slab, debug: "on")
        _ = k.kmemCacheCreate(name: "t", size: 100)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", a)
        _ = k.simulateWrite(a + 20, length: 1, byte: 0x00)
        let b = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        #expect(b == a) // SLAB still hands it out
        guard case .poisonCorruption(let e)? = slabReports(k).last else { Issue.record("no Slab corruption report"); return }
        #expect(e.cache == "t" && e.object == a && e.length == 100 && e.taintBefore == "")
        // The one damaged line is the second (bytes 0x10…0x1f): byte 20 is 0x00 among the 0x6b poison.
        #expect(e.damaged.map(\.offset) == [0x10])
        #expect(e.damaged.first?.bytes.prefix(6) == [0x6b, 0x6b, 0x6b, 0x6b, 0x00, 0x6b])
        // mm/slab.c check_poison_obj(): the neighbours follow with print_objinfo(…, 2), and no stack is dumped.
        let c = try #require(k.slab.cache(named: "t"))
        #expect(e.previous?.object == a - UInt64(c.size) && e.previous?.info.lines.count == 2)
        #expect(e.next?.object == a + UInt64(c.size) && e.next?.info.redzone?.count == 2)
        #expect(k.log.entries.last?.report.callTrace.isEmpty == true)
    }

    @Test func validateFindsDamage() throws {
        var k = try Self.boot(.slub, debug: "FZPU")
        _ = k.kmemCacheCreate(name: "t", size: 64)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        let b = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", b)
        _ = k.simulateWrite(b, length: 1, byte: 0x11)
        let v8 = k.validateSlabCache("t")
        #expect(v8 == 1)
        let v9 = k.validateSlabCache("t")
        #expect(v9 == 0)
        _ = a
    }

    @Test(arguments: SlabAllocatorKind.allCases)
    func wrongCacheAndNotAnObject(kind: SlabAllocatorKind) throws {
        var k = try Self.boot(kind)
        _ = k.kmemCacheCreate(name: "a", size: 200, flags: .noMerge)
        _ = k.kmemCacheCreate(name: "b", size: 300)
        let x = try unwrap(k.kmemCacheAlloc("a", gfp: .kernel))
        let before = k.slab
        // Into the middle of an object: refused, nothing changed.
        let v10 = k.kmemCacheFree("a", x + 8)
        #expect(v10 == .refused)
        #expect(k.slab == before)
        // Not a slab page at all.
        let page = try unwrap(k.allocPages(.kernel, order: 0))
        let v11 = k.kmemCacheFree("a", k.pageAddress(page.raw)!)
        #expect(v11 == .refused)
        // Wrong cache: the kernel warns and frees into the right one.
        let v12 = k.kmemCacheFree("b", x)
        #expect(v12 == .freed)
        #expect(k.log.entries.contains { $0.report.kind == .slab(.wrongCache(named: "b", objectFrom: "a")) })
        try k.checkInvariants()
    }

    @Test func destroyWithLiveObjectsWarnsAndKeepsCache() throws {
        var k = try Self.boot(.slub)
        _ = k.kmemCacheCreate(name: "t", size: 64, flags: .noMerge)
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        let v13 = k.kmemCacheDestroy("t")
        #expect(!v13)
        #expect(k.slab.cache(named: "t") != nil)
        k.kmemCacheFree("t", a)
        let v14 = k.kmemCacheDestroy("t")
        #expect(v14)
        #expect(k.slab.cache(named: "t") == nil)
        try k.checkInvariants()
    }

    @Test func kmallocRedzoneCatchesOverflowIntoTheSlack() throws {
        var k = try Self.boot(.slub, debug: "FZPU")
        let p = try unwrap(k.kmalloc(100, gfp: .kernel))
        #expect(k.ksize(p) == 128)
        // Byte 100 is inside kmalloc-128's object but past the 100 bytes asked for.
        #expect(k.simulateWrite(p + 100, length: 1, byte: 0x41) == 1)
        #expect(k.kfree(p) == .refused)
        let r = try #require(slubBugs(k).last)
        #expect(r.problem == .overwritten(.kmallocRedzone))
        #expect(r.badBytes?.found == 0x41 && r.badBytes?.expected == 0xcc)
        #expect(k.kfree(p) == .freedObject)
        try k.checkInvariants()
    }

    @Test func consistencyChecksAloneCatchACorruptFreePointer() throws {
        var k = try Self.boot(.slub, debug: "F")
        _ = k.kmemCacheCreate(name: "t", size: 64)
        let c = try #require(k.slab.cache(named: "t"))
        #expect(c.freePointerOffset == 32) // mid-object without poison
        let a = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        _ = try unwrap(k.kmemCacheAlloc("t", gfp: .kernel))
        k.kmemCacheFree("t", a)
        // A write after free elsewhere in the object goes unseen; one over the free pointer does not.
        _ = k.simulateWrite(a, length: 8, byte: 0x41)
        #expect(k.validateSlabCache("t") == 0)
        _ = k.simulateWrite(a + 32, length: 8, byte: 0x41)
        #expect(k.validateSlabCache("t") == 1)
        #expect(slubBugs(k).last?.problem == .freepointerCorrupt)
        try k.checkInvariants()
    }
}

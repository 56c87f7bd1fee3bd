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
    func slabErrors(_ k: Kernel) -> [[String]] {
        k.log.entries.compactMap { if case .slabError(let l, let after) = $0.report.kind { l + after } else { nil } }
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
        #expect(b.headline == "Object already free")
        #expect(b.fixes.first?.hasPrefix("Object at 0x") == true && b.fixes.first?.hasSuffix(" not freed") == true)
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
        let e = try #require(slabErrors(k).last)
        #expect(e.first == "slab error in verify_redzone_free(): cache `t': double free detected")
        #expect(e.last?.hasSuffix("redzone 1:0x9f911029d74e35b, redzone 2:0x9f911029d74e35b") == true)
        // mm/slab.c verify_redzone_free(): slab_error() dumps the stack first, then objp — the slot start, one red
        // zone word (8 bytes) below the object — is printed after it.
        guard case .slabError(let head, let after)? = k.log.entries.last?.report.kind else { Issue.record("no slab error"); return }
        #expect(head.count == 1 && after.count == 1)
        #expect(after.first?.hasPrefix(k.rawPointer(a - 8) + ": redzone 1:") == true)
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
        #expect(r.headline == "Poison overwritten")
        #expect(r.info.first?.hasSuffix("First byte 0x41 instead of 0x6b") == true)
        #expect(r.fixes.contains { $0.hasPrefix("Restoring Poison 0x") && $0.hasSuffix("=0x6b") })
        #expect(r.fixes.last == "Marking all objects used")
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
        #expect(r.headline == "Right Redzone overwritten")
        #expect(r.fixes.last?.hasSuffix("not freed") == true)
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
        let e = try #require(slabErrors(k).last)
        #expect(e.first == "Slab corruption (Not tainted): t start=\(k.rawPointer(a)), len=100")
        #expect(e.contains { $0.hasPrefix("010: 6b 6b 6b 6b 00 6b") })
        // mm/slab.c check_poison_obj(): the neighbours follow with print_objinfo(…, 2), and no stack is dumped.
        let i = try #require(e.firstIndex { $0.hasPrefix("Prev obj: start=") })
        #expect(e[i].hasSuffix(", len=100"))
        #expect(e.contains { $0.hasPrefix("Next obj: start=") && $0.hasSuffix(", len=100") })
        #expect(e[(i + 1)...].contains { $0.hasPrefix("Redzone: 0x") })
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
        #expect(k.log.entries.contains { if case .warningMessage(let m, _, _, _, _) = $0.report.kind { m.contains("Wrong slab cache. b but object is from a") } else { false } })
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
        #expect(r.headline == "kmalloc Redzone overwritten")
        #expect(r.info.first?.hasSuffix("First byte 0x41 instead of 0xcc") == true)
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
        #expect(slubBugs(k).last?.headline == "Freepointer corrupt")
        try k.checkInvariants()
    }
}

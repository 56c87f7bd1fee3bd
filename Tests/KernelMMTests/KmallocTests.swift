import Testing
@testable import KernelMM

@Suite struct KmallocTests {
    static func boot(_ kind: SlabAllocatorKind) throws -> Kernel {
        var p = BootParams()
        p.slab = kind
        p.memory = 512 << 20
        return try Kernel(booting: p)
    }

    @Test(arguments: SlabAllocatorKind.allCases)
    func classAtEveryBoundary(kind: SlabAllocatorKind) throws {
        var k = try Self.boot(kind)
        let min = kind == .slub ? 8 : 32
        let cases: [(Int, String?)] = [
            (8, "kmalloc-\(min)"), (9, kind == .slub ? "kmalloc-16" : "kmalloc-32"), (96, "kmalloc-96"), (97, "kmalloc-128"),
            (192, "kmalloc-192"), (193, "kmalloc-256"), (8192, "kmalloc-8k"), (8193, nil),
        ]
        for (size, name) in cases {
            let p = try unwrap(k.kmalloc(size, gfp: .kernel), "kmalloc(\(size))")
            if let name {
                let loc = try #require(k.locateSlabObject(p))
                #expect(k.slab.caches[loc.cacheIndex].name == name, "kmalloc(\(size))")
                let v1 = k.kfree(p)
                #expect(v1 == .freedObject)
            } else {
                let pfn = try #require(k.directMapPFN(p))
                #expect(k.frames[pfn].owner == .kmallocLarge && k.frames[pfn].order == 2)
                #expect(k.ksize(p) == 16384)
                let v2 = k.kfree(p)
                #expect(v2 == .freedPages)
            }
        }
        // 4 MiB is the largest; 4 MiB + 1 warns once and fails.
        let big = try unwrap(k.kmalloc(4 << 20, gfp: .kernel))
        #expect(k.frames[try #require(k.directMapPFN(big))].order == 10)
        k.kfree(big)
        let warnings = k.log.entries.count
        let v3 = k.kmalloc((4 << 20) + 1, gfp: .kernel)
        #expect(v3 == nil)
        #expect(k.log.entries.count == warnings + 1)
        #expect(k.log.entries.last?.report.kind == .warning(file: "mm/page_alloc.c", line: 4402, function: "__alloc_pages"))
        let v4 = k.kmalloc((4 << 20) + 1, gfp: .kernel)
        #expect(v4 == nil)
        #expect(k.log.entries.count == warnings + 1)
        try k.checkInvariants()
    }

    @Test func typesAndZeroAndRoundup() throws {
        var k = try Self.boot(.slub)
        let v5 = k.kmalloc(0, gfp: .kernel)
        #expect(v5 == zeroSizePointer)
        let v6 = k.kfree(0)
        let v7 = k.kfree(zeroSizePointer)
        #expect(v6 == .noop && v7 == .noop)
        func cacheOf(_ p: UInt64?) -> String? { p.flatMap { k.locateSlabObject($0) }.map { k.slab.caches[$0.cacheIndex].name } }
        let r = k.kmalloc(100, gfp: [.kernel, .reclaimable])
        #expect(cacheOf(r) == "kmalloc-rcl-128")
        let d = k.kmalloc(100, gfp: [.kernel, .dma, .reclaimable])
        #expect(cacheOf(d) == "dma-kmalloc-128")
        let a = k.kmalloc(100, gfp: .kernelAccount)
        #expect(cacheOf(a) == "kmalloc-cg-128")
        #expect(k.kmallocSizeRoundup(100) == 128)
        #expect(k.kmallocSizeRoundup(8193) == 16384)
        #expect(k.ksize(try unwrap(a)) == 128)
        // kcalloc overflow: NULL without allocating.
        let v8 = k.kcalloc(UInt64.max / 2, 4, gfp: .kernel)
        #expect(v8 == nil)
        // krealloc within ksize keeps the pointer; beyond it moves.
        let p = try unwrap(k.kmalloc(100, gfp: .kernel))
        let v9 = k.krealloc(p, 120, gfp: .kernel)
        #expect(v9 == p)
        let q = try unwrap(k.krealloc(p, 300, gfp: .kernel))
        #expect(q != p && cacheOf(q) == "kmalloc-512")
        try k.checkInvariants()
    }

    @Test func dma32FixUp() throws {
        var k = try Self.boot(.slub)
        // Fill the CPU slab of kmalloc-64 so the next allocation grows a slab with the bad mask.
        var saw = false
        for _ in 0..<200 {
            _ = k.kmalloc(64, gfp: [.kernel, .dma32])
            if k.log.entries.contains(where: { $0.report.kind == .slab(.unexpectedGFP(invalid: .dma32, fixed: .kernel)) }) { saw = true; break }
        }
        #expect(saw)
        try k.checkInvariants()
    }

    @Test func largeKmallocCountsAsSUnreclaim() throws {
        var k = try Self.boot(.slub)
        let before = k.memInfo().slabUnreclaimable
        let p = try unwrap(k.kmalloc(100_000, gfp: .kernel))
        #expect(k.memInfo().slabUnreclaimable == before + 32)
        k.kfree(p)
        #expect(k.memInfo().slabUnreclaimable == before)
    }

    @Test(arguments: [(SlabAllocatorKind.slub, ""), (.slab, ""), (.slub, "FZPU"), (.slab, "on"), (.slub, "P")])
    func randomOperationsKeepInvariants(kind: SlabAllocatorKind, debug: String) throws {
        var p = BootParams()
        p.slab = kind
        p.slabDebug = debug
        p.memory = 512 << 20
        var k = try Kernel(booting: p)
        _ = k.kmemCacheCreate(name: "r1", size: 72)
        _ = k.kmemCacheCreate(name: "r2", size: 700, flags: .hwcacheAlign)
        var rng = SeededRandom(seed: 42)
        var live: [(String?, UInt64)] = []
        for step in 0..<4000 {
            let op = rng.next() % 10
            if op < 5 || live.isEmpty {
                let which = rng.next() % 3
                if which == 2 {
                    let size = Int(rng.next() % 10_000) + 1
                    if let p = k.kmalloc(size, gfp: .kernel) { live.append((nil, p)) }
                } else {
                    let name = which == 0 ? "r1" : "r2"
                    if let p = k.kmemCacheAlloc(name, gfp: .kernel) { live.append((name, p)) }
                }
            } else if op < 9 {
                let i = Int(rng.next() % UInt64(live.count))
                let (name, p) = live.remove(at: i)
                if let name { k.kmemCacheFree(name, p) } else { k.kfree(p) }
            } else if op == 9 {
                k.currentCPU = Int(rng.next() % UInt64(k.cpus.count))
                if rng.next() % 4 == 0 { k.kmemCacheShrink(rng.next() % 2 == 0 ? "r1" : "r2") }
            }
            if step % 50 == 0 { try k.checkInvariants() }
        }
        try k.checkInvariants()
        // Everything freed: no object of ours is live any more.
        for (name, p) in live { if let name { k.kmemCacheFree(name, p) } else { k.kfree(p) } }
        #expect(k.slab.cache(named: "r1")?.liveObjects == 0)
        #expect(k.slab.cache(named: "r2")?.liveObjects == 0)
        let v10 = k.kmemCacheDestroy("r1")
        let v11 = k.kmemCacheDestroy("r2")
        #expect(v10 && v11)
        try k.checkInvariants()
    }
}

extension KmallocTests {
    @Test func kfreeMisuseIsReportedAndChangesNothing() throws {
        var k = try Self.boot(.slub)
        let p = try unwrap(k.kmalloc(100, gfp: .kernel))
        let before = k.slab
        let framesBefore = k.frames
        // Into the middle of an object.
        #expect(k.kfree(p + 8) == .refused)
        // A vmalloc address.
        #expect(k.kfree(k.vmallocRange.start + 0x1000) == .refused)
        // A page that kmalloc did not give.
        let page = try unwrap(k.allocPages(.kernel, order: 0))
        let framesWithPage = k.frames
        #expect(k.kfree(k.pageAddress(page.raw)!) == .refused)
        #expect(k.slab == before)
        #expect(k.frames == framesWithPage)
        _ = framesBefore
        #expect(k.kfree(p) == .freedObject)
        try k.checkInvariants()
    }

    @Test func ctorWithZeroWarnsOnce() throws {
        var k = try Self.boot(.slub)
        _ = k.kmemCacheCreate(name: "c", size: 64, ctor: true)
        _ = k.kmemCacheAlloc("c", gfp: [.kernel, .zero])
        let warns = k.log.entries.filter { if case .warning(_, _, let f) = $0.report.kind { f == "new_slab" } else { false } }
        #expect(warns.count == 1)
    }

    @Test func reclaimExplainsWhichCacheGaveBack() throws {
        var p = BootParams()
        p.memory = 128 << 20
        var k = try Kernel(booting: p)
        _ = k.kmemCacheCreate(name: "dcache_like", size: 4096, flags: .reclaimAccount)
        var objs: [UInt64] = []
        while objs.count < 3000, let o = k.kmemCacheAlloc("dcache_like", gfp: .kernel) { objs.append(o) }
        for o in objs { k.kmemCacheFree("dcache_like", o) }
        k.explainEnabled = true
        var sawNote = false
        for _ in 0..<100_000 {
            k.beginCommand()
            guard k.allocPages(.kernel, order: 0) != nil else { break }
            if k.explanation.contains(where: { if case .slab(.reclaimShrank(_, let caches)) = $0 { caches.contains { $0.cache == "dcache_like" } } else { false } }) { sawNote = true; break }
        }
        #expect(sawNote)
        try k.checkInvariants()
    }
}

extension KmallocTests {
    /// Memory pressure: slab growth runs into reclaim, which shrinks the caches being used.
    @Test(arguments: SlabAllocatorKind.allCases)
    func pressureWithReclaimKeepsInvariants(kind: SlabAllocatorKind) throws {
        var p = BootParams()
        p.slab = kind
        p.memory = 64 << 20
        p.cpus = 2
        var k = try Kernel(booting: p)
        _ = k.kmemCacheCreate(name: "big", size: 3000, flags: .reclaimAccount)
        var rng = SeededRandom(seed: 7)
        var live: [UInt64] = []
        var failures = 0
        for step in 0..<8000 {
            if rng.next() % 6 != 0 || live.isEmpty {
                let o: UInt64?
                if rng.next() % 2 == 0 { o = k.kmemCacheAlloc("big", gfp: .kernel) } else { o = k.kmalloc(Int(rng.next() % 16000) + 1, gfp: .kernel) }
                if let o { live.append(o) } else { failures += 1 }
            } else {
                let i = Int(rng.next() % UInt64(live.count))
                let a = live.remove(at: i)
                if k.locateSlabObject(a).map({ k.slab.caches[$0.cacheIndex].name }) == "big" { k.kmemCacheFree("big", a) } else { k.kfree(a) }
            }
            if rng.next() % 50 == 0 { k.currentCPU = Int(rng.next() % 2) }
            if step % 500 == 0 { try k.checkInvariants() }
        }
        try k.checkInvariants()
        // The machine ran out: reclaim ran (kswapd or direct) and some requests failed.
        #expect(k.vmEvents.kswapdWakeups > 0)
        #expect(failures > 0)
    }
}

extension KmallocTests {
    @Test(arguments: [Architecture.i386, .sparc64], SlabAllocatorKind.allCases)
    func otherArchitectures(arch: Architecture, kind: SlabAllocatorKind) throws {
        var p = BootParams()
        p.arch = arch
        p.slab = kind
        p.memory = 1 << 30
        p.slabDebug = kind == .slab ? "on" : "FZPU"
        var k = try Kernel(booting: p)
        // KMALLOC_MAX_CACHE_SIZE is two pages: 8 KiB on i386, 16 KiB on sparc64 (8 KiB pages).
        #expect(k.kmallocMaxCacheSize == 2 * k.pageSize)
        #expect(k.slab.cache(named: arch == .sparc64 ? "kmalloc-16k" : "kmalloc-8k") != nil)
        #expect((k.slab.cache(named: "dma-kmalloc-64") != nil) == (arch != .sparc64))
        var rng = SeededRandom(seed: 3)
        var live: [UInt64] = []
        for _ in 0..<1500 {
            if rng.next() % 3 != 0 || live.isEmpty {
                if let o = k.kmalloc(Int(rng.next() % 20000) + 1, gfp: [.kernel, .highmem]) { live.append(o) }
            } else {
                k.kfree(live.remove(at: Int(rng.next() % UInt64(live.count))))
            }
        }
        try k.checkInvariants()
        for o in live { k.kfree(o) }
        try k.checkInvariants()
        // No report but the GFP fix-ups: nothing was double-freed or corrupted.
        let bad = k.log.entries.filter { if case .slubBug = $0.report.kind { true } else if case .slab(let s) = $0.report.kind { s.level == .bug } else { false } }
        #expect(bad.isEmpty)
    }
}


import Testing
@testable import KernelMM

/// Geometry of kmalloc-sized caches against the fact sheet's tables (x86-64, Linux 6.6).
@Suite struct SlabGeometryTests {
    static func boot(_ kind: SlabAllocatorKind, cpus: Int = 4, debug: String = "") throws -> Kernel {
        var p = BootParams()
        p.slab = kind
        p.cpus = cpus
        p.slabDebug = debug
        return try Kernel(booting: p)
    }

    static func geometry(_ k: Kernel, _ name: String) -> (Int, Int, Int)? {
        k.slab.cache(named: name).map { ($0.size, $0.num, $0.pagesPerSlab) }
    }

    @Test func slabKmallocGeometry() throws {
        let k = try Self.boot(.slab)
        let table: [(String, Int, Int, Int)] = [
            ("kmalloc-32", 32, 124, 1), ("kmalloc-64", 64, 64, 1), ("kmalloc-96", 128, 32, 1), ("kmalloc-128", 128, 32, 1),
            ("kmalloc-192", 192, 21, 1), ("kmalloc-256", 256, 16, 1), ("kmalloc-512", 512, 8, 1), ("kmalloc-1k", 1024, 4, 1),
            ("kmalloc-2k", 2048, 2, 1), ("kmalloc-4k", 4096, 1, 1), ("kmalloc-8k", 8192, 1, 2),
        ]
        for (name, size, objs, pages) in table {
            let g = try #require(Self.geometry(k, name), "\(name) missing")
            #expect(g.0 == size && g.1 == objs && g.2 == pages, "\(name): got \(g)")
        }
        #expect(k.slab.cache(named: "kmalloc-16") == nil)
        #expect(k.slab.cache(named: "kmalloc-32")?.layout == .onSlab)
    }

    @Test(arguments: [
        (8, [("kmalloc-8", 8, 512, 1), ("kmalloc-16", 16, 256, 1), ("kmalloc-32", 32, 128, 1), ("kmalloc-64", 64, 64, 1),
             ("kmalloc-96", 96, 42, 1), ("kmalloc-128", 128, 32, 1), ("kmalloc-192", 192, 21, 1), ("kmalloc-256", 256, 32, 2),
             ("kmalloc-512", 512, 32, 4), ("kmalloc-1k", 1024, 32, 8), ("kmalloc-2k", 2048, 16, 8), ("kmalloc-4k", 4096, 8, 8),
             ("kmalloc-8k", 8192, 4, 8)]),
        (1, [("kmalloc-256", 256, 16, 1), ("kmalloc-512", 512, 8, 1), ("kmalloc-1k", 1024, 8, 2), ("kmalloc-2k", 2048, 8, 4)]),
        (4, [("kmalloc-256", 256, 16, 1), ("kmalloc-512", 512, 16, 2), ("kmalloc-1k", 1024, 16, 4), ("kmalloc-2k", 2048, 16, 8)]),
    ])
    func slubKmallocGeometry(cpus: Int, table: [(String, Int, Int, Int)]) throws {
        let k = try Self.boot(.slub, cpus: cpus)
        for (name, size, objs, pages) in table {
            let g = try #require(Self.geometry(k, name), "\(name) missing")
            #expect(g.0 == size && g.1 == objs && g.2 == pages, "\(cpus) CPUs \(name): got \(g)")
        }
    }

    @Test func hundredByteCache() throws {
        for kind in SlabAllocatorKind.allCases {
            var k = try Self.boot(kind)
            _ = k.kmemCacheCreate(name: "foo", size: 100)
            let c = try #require(k.slab.cache(named: "foo"))
            #expect(c.size == 104 && c.num == 39 && c.order == 0, "\(kind): \(c.size) \(c.num)")
            if kind == .slab {
                #expect(c.layout == .objFreelist)
                #expect(c.limit == 120 && c.batchcount == 60 && c.shared == 8)
            }
        }
        var k = try Self.boot(.slub)
        _ = k.kmemCacheCreate(name: "bar", size: 100, flags: .poison)
        let c = try #require(k.slab.cache(named: "bar"))
        #expect(c.size == 112 && c.num == 36)
    }

    @Test func debugSlabForcesRedzoneAndPoison() throws {
        var k = try Self.boot(.slab, debug: "on")
        _ = k.kmemCacheCreate(name: "foo", size: 100)
        let c = try #require(k.slab.cache(named: "foo"))
        #expect(c.flags.isSuperset(of: [.redZone, .storeUser, .poison]))
        #expect(c.size == 128 && c.num == 32)
        #expect(c.limit == 32 && c.batchcount == 16 && c.shared == 8)
        // Without CONFIG_DEBUG_SLAB the debug flags are masked off.
        var plain = try Self.boot(.slab)
        _ = plain.kmemCacheCreate(name: "foo", size: 100, flags: [.poison, .redZone])
        #expect(plain.slab.cache(named: "foo")?.flags.intersection([.poison, .redZone]) == [])
    }

    @Test func kmallocCacheFamiliesExist() throws {
        for kind in SlabAllocatorKind.allCases {
            let k = try Self.boot(kind)
            for prefix in ["kmalloc-", "kmalloc-rcl-", "dma-kmalloc-", "kmalloc-cg-"] {
                #expect(k.slab.cache(named: prefix + "8k") != nil)
                #expect(k.slab.cache(named: prefix + "96") != nil)
                #expect((k.slab.cache(named: prefix + "8") != nil) == (kind == .slub))
            }
            for name in ["kmem_cache", "task_struct", "vmap_area", "dentry"] {
                #expect(k.slab.cache(named: name) != nil, "\(name)")
            }
            // mm/slab.c has no kmem_cache_node cache: SLAB's nodes are kmalloc objects (INDEX_NODE).
            #expect((k.slab.cache(named: "kmem_cache_node") != nil) == (kind == .slub))
            #expect(k.slab.cache(named: "kmalloc-rcl-64")?.allocflags.contains(.reclaimable) == true)
            #expect(k.slab.cache(named: "dma-kmalloc-64")?.allocflags.contains(.dma) == true)
            try k.checkInvariants()
        }
    }

    @Test func slubMergesCompatibleCaches() throws {
        var k = try Self.boot(.slub)
        let v1 = k.kmemCacheCreate(name: "a", size: 100)
        #expect(v1 == .success(.created(name: "a")))
        let v2 = k.kmemCacheCreate(name: "b", size: 100)
        #expect(v2 == .success(.merged(name: "b", into: "a")))
        // A constructor or a debug flag prevents merging.
        let v3 = k.kmemCacheCreate(name: "c", size: 100, ctor: true)
        #expect(v3 == .success(.created(name: "c")))
        let v4 = k.kmemCacheCreate(name: "d", size: 100, flags: .poison)
        #expect(v4 == .success(.created(name: "d")))
        #expect(k.slab.cache(named: "b")?.name == "a")
    }

    @Test func slubDebugParsing() throws {
        #expect(SlabDebugConfig.parse("", kind: .slub)?.slubFlags == [])
        #expect(SlabDebugConfig.parse("on", kind: .slub)?.slubFlags == [.consistencyChecks, .redZone, .poison, .storeUser])
        #expect(SlabDebugConfig.parse("FZ", kind: .slub)?.slubFlags == [.consistencyChecks, .redZone])
        #expect(SlabDebugConfig.parse("Q", kind: .slub) == nil)
        #expect(SlabDebugConfig.parse("FZ", kind: .slab) == nil)
        var p = BootParams()
        p.slabDebug = "Q"
        #expect(throws: BootError.self) { _ = try Kernel(booting: p) }
        // Letters for named caches only.
        var k = try Self.boot(.slub, debug: "P,demo,kmalloc-6*")
        _ = k.kmemCacheCreate(name: "demo", size: 100)
        _ = k.kmemCacheCreate(name: "other", size: 100)
        #expect(k.slab.cache(named: "demo")?.flags.contains(.poison) == true)
        #expect(k.slab.cache(named: "other")?.flags.contains(.poison) == false)
        #expect(k.slab.cache(named: "kmalloc-64")?.flags.contains(.poison) == true)
        #expect(k.slab.cache(named: "kmalloc-128")?.flags.contains(.poison) == false)
    }
}

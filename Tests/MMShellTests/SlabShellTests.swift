import Testing
@testable import MMShell
@testable import KernelMM

@Suite struct SlabShellTests {
    @Test func cacheNamesAndFlagsComplete() throws {
        var s = try Shell()
        _ = s.execute("kmem_cache_create my_cache 100")
        #expect(s.complete("kmem_cache_alloc my_c").candidates == ["my_cache"])
        #expect(s.complete("slab kmalloc-rcl-1").candidates == ["kmalloc-rcl-128", "kmalloc-rcl-16", "kmalloc-rcl-192", "kmalloc-rcl-1k"])
        #expect(s.complete("kmem_cache_create foo 64 0 SLAB_HWCACHE_ALIGN|SLAB_PO").candidates == ["SLAB_POISON"])
    }

    @Test func badInputIsAnErrorAndChangesNothing() throws {
        var s = try Shell()
        _ = s.execute("kmem_cache_create my_cache 100")
        let before = s.session.kernel
        for line in ["kmem_cache_create my_cache 100", "kmem_cache_create x 100 3", "kmem_cache_alloc nosuch GFP_KERNEL",
                     "kmem_cache_create y 64 SLAB_BOGUS", "kmem_cache_destroy kmalloc-64", "write 0x1234 4", "kmalloc -1 GFP_KERNEL"] {
            let r = s.execute(line)
            #expect(!r.succeeded, "\(line)")
        }
        let same = s.session.kernel == before
        #expect(same)
    }

    @Test func cacheVariableWorksAsArgument() throws {
        var s = try Shell()
        _ = s.execute("c = kmem_cache_create my_cache 100")
        let r = s.execute("x = kmem_cache_alloc $c GFP_KERNEL")
        #expect(r.succeeded)
        guard case .address(let a)? = s.session.variables["x"] else { Issue.record("no address"); return }
        #expect(s.session.kernel.locateSlabObject(a).map { s.session.kernel.slab.caches[$0.cacheIndex].name } == "my_cache")
        #expect(s.execute("kmem_cache_free $c $x").succeeded)
        #expect(s.session.kernel.slab.cache(named: "my_cache")?.liveObjects == 0)
    }

    @Test func slabinfoFormat() throws {
        var k = try Kernel(booting: BootParams())
        _ = k.kmemCacheCreate(name: "demo", size: 64, flags: .noMerge)
        _ = k.kmemCacheAlloc("demo", gfp: .kernel)
        let text = SlabView.slabinfo(k)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "slabinfo - version: 2.1")
        #expect(lines[1] == "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>")
        // The newest cache first; SLUB counts the CPU slab's free objects as active.
        #expect(lines[2] == "demo                  64     64     64   64    1 : tunables    0    0    0 : slabdata      1      1      0")
        #expect(lines.contains { $0.hasPrefix("kmalloc-8 ") })
    }

    @Test func slabTunablesInSlabinfo() throws {
        var p = BootParams()
        p.slab = .slab
        var k = try Kernel(booting: p)
        _ = k.kmemCacheCreate(name: "demo", size: 100, flags: .noMerge)
        let line = SlabView.slabinfo(k).split(separator: "\n").map(String.init)[2]
        #expect(line == "demo                   0      0    104   39    1 : tunables  120   60    8 : slabdata      0      0      0")
    }

    @Test func debugSlabStatisticsColumns() throws {
        var p = BootParams()
        p.slab = .slab
        p.slabDebug = "on"
        var k = try Kernel(booting: p)
        _ = k.kmemCacheCreate(name: "demo", size: 100)
        let x = k.kmemCacheAlloc("demo", gfp: .kernel)
        k.kmemCacheFree("demo", x ?? 0)
        let lines = SlabView.slabinfo(k).split(separator: "\n").map(String.init)
        #expect(lines[0] == "slabinfo - version: 2.1 (statistics)")
        #expect(lines[1].hasSuffix(" : cpustat <allochit> <allocmiss> <freehit> <freemiss>"))
        #expect(lines[2] == "demo                  16     32    128   32    1 : tunables   32   16    8 : slabdata      1      1      0 : globalstat      16     16     1    0    0    0    0    0    0 : cpustat      0      1      1      0")
    }

    @Test func meminfoSlabLinesFollowTheCaches() throws {
        var k = try Kernel(booting: BootParams())
        let before = k.memInfo()
        _ = k.kmemCacheCreate(name: "rcl", size: 512, flags: .reclaimAccount)
        var objs: [UInt64] = []
        for _ in 0..<100 { if let o = k.kmemCacheAlloc("rcl", gfp: .kernel) { objs.append(o) } }
        let rclPages = k.slab.cache(named: "rcl").map { $0.numSlabs * $0.pagesPerSlab } ?? 0
        let after = k.memInfo()
        #expect(rclPages > 0)
        #expect(after.slabReclaimable == before.slabReclaimable + rclPages)
        let text = PageAllocProcFiles.meminfo(k)
        #expect(text.contains("SReclaimable:   " + Format.right(after.slabReclaimable * 4, 8) + " kB"))
        for o in objs { k.kmemCacheFree("rcl", o) }
        k.kmemCacheShrink("rcl")
        #expect(k.memInfo().slabReclaimable == before.slabReclaimable)
    }

    @Test func slabViewAsJSON() throws {
        var k = try Kernel(booting: BootParams())
        _ = k.kmemCacheCreate(name: "demo", size: 1000, flags: .noMerge)
        _ = k.kmemCacheAlloc("demo", gfp: .kernel)
        let j = try #require(SlabCacheModel("demo", k)).json.rendered
        #expect(j.hasPrefix("{\"name\":\"demo\",\"aliases\":[],\"object_size\":1000,\"size\":1000"))
        #expect(j.contains("\"list\":\"cpu\",\"cpu\":0,\"inuse\":1"))
    }
}

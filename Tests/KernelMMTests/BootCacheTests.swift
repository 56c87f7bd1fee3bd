import Testing
@testable import KernelMM

/// The boot caches of a distribution kernel decide what a learner's kmem_cache_create() merges into. Pinned to the
/// Debian 6.1 capture's /sys/kernel/slab geometry of the probe's caches (cachegeom.txt: the probe created them in this
/// order, plain, then SLAB_HWCACHE_ALIGN, then SLAB_RECLAIM_ACCOUNT): the SLUB unique id of the cache each one ended up
/// in (":a-0000104": its flags and slot size) and whether it stayed alone (aliases=0).
@Suite struct BootCacheTests {
    /// (flags: p plain, h HWCACHE_ALIGN, r RECLAIM_ACCOUNT; object size; the target id's letters and size; alone).
    static let capture: [(String, Int, String, Int, Bool)] = [
        ("p", 8, "", 8, false),
        ("p", 16, "", 16, false),
        ("p", 24, "", 24, false),
        ("p", 32, "", 32, false),
        ("p", 40, "", 40, true),
        ("p", 56, "", 56, false),
        ("p", 64, "", 64, false),
        ("p", 96, "", 96, false),
        ("p", 100, "", 104, true),
        ("p", 128, "", 128, false),
        ("p", 192, "", 192, false),
        ("p", 200, "", 200, false),
        ("p", 256, "", 256, false),
        ("p", 300, "", 304, true),
        ("p", 384, "", 384, false),
        ("p", 500, "", 504, true),
        ("p", 512, "", 512, false),
        ("p", 700, "", 704, false),
        ("p", 1000, "", 1000, true),
        ("p", 1024, "", 1024, false),
        ("p", 1500, "", 1504, true),
        ("p", 2048, "", 2048, false),
        ("p", 3000, "", 3000, true),
        ("p", 4096, "", 4096, false),
        ("p", 5000, "", 5000, true),
        ("p", 8192, "", 8192, false),
        ("p", 10000, "", 10000, true),
        ("h", 8, "", 8, false),
        ("h", 16, "", 16, false),
        ("h", 24, "", 32, false),
        ("h", 32, "", 32, false),
        ("h", 40, "", 64, false),
        ("h", 56, "", 64, false),
        ("h", 64, "", 64, false),
        ("h", 96, "", 128, false),
        ("h", 100, "", 128, false),
        ("h", 128, "", 128, false),
        ("h", 192, "", 192, false),
        ("h", 200, "", 256, false),
        ("h", 256, "", 256, false),
        ("h", 300, "", 320, false),
        ("h", 384, "", 384, false),
        ("h", 500, "", 512, false),
        ("h", 512, "", 512, false),
        ("h", 700, "", 704, false),
        ("h", 1000, "", 1024, false),
        ("h", 1024, "", 1024, false),
        ("h", 1500, "", 1536, true),
        ("h", 2048, "", 2048, false),
        ("h", 3000, "", 3008, true),
        ("h", 4096, "", 4096, false),
        ("h", 5000, "", 5056, true),
        ("h", 8192, "", 8192, false),
        ("h", 10000, "", 10048, true),
        ("r", 24, "a", 24, true),
        ("r", 100, "a", 104, false),
        ("r", 192, "a", 192, true),
        ("r", 500, "a", 504, true),
        ("r", 1000, "a", 1000, true),
        ("r", 3000, "a", 3000, true),
        ("r", 5000, "a", 5000, true),
    ]

    @Test func aLearnersCacheEndsUpWhereTheRealKernelPutIt() throws {
        var p = BootParams()
        p.memory = 1 << 30
        p.cpus = 2
        var k = try Kernel(booting: p)
        var results: [(name: String, into: String)] = []
        for (kind, size, _, _, _) in Self.capture {
            let name = "kmp_\(size)_\(kind)_0"
            let flags: SlabFlags = kind == "h" ? .hwcacheAlign : kind == "r" ? .reclaimAccount : []
            guard case .success(let r) = k.kmemCacheCreate(name: name, size: size, flags: flags) else { Issue.record("\(name) failed"); return }
            switch r {
            case .created(let n): results.append((name, n))
            case .merged(_, let into): results.append((name, into))
            }
        }
        for ((kind, size, letters, targetSize, alone), r) in zip(Self.capture, results) {
            let c = try #require(k.slab.cache(named: r.into))
            #expect(c.size == targetSize, "kmp_\(size)_\(kind)_0 is in \(r.into), slot \(c.size); the kernel's target is :\(letters)-\(targetSize)")
            #expect(c.flags.contains(.reclaimAccount) == letters.contains("a"), "kmp_\(size)_\(kind)_0")
            // aliases = refcount - 1: alone means created, and nothing merged into it later.
            #expect((c.refcount == 1) == alone, "kmp_\(size)_\(kind)_0 in \(r.into): refcount \(c.refcount), the kernel's aliases \(alone ? "= 0" : "> 0")")
        }
        try k.checkInvariants()
    }

    @Test func slabinfoListsTheRealMachinesCaches() throws {
        var p = BootParams()
        p.memory = 1 << 30
        p.cpus = 2
        let k = try Kernel(booting: p)
        // 6.1's slabinfo geometry (objsize, objperslab, pagesperslab) of caches kmemsim now makes at boot.
        for (name, objsize, perSlab, pages) in [("radix_tree_node", 584, 14, 2), ("maple_node", 256, 16, 1), ("UDPv6", 1344, 12, 4),
                                                ("ip6-frags", 184, 22, 1), ("sighand_cache", 2112, 15, 8), ("TCPv6", 2496, 13, 8)] {
            guard let c = k.slab.cache(named: name) else { Issue.record("no \(name)"); continue }
            #expect(c.objectSize == objsize && c.num == perSlab && 1 << c.order == pages, "\(name): \(c.objectSize) \(c.num) \(1 << c.order)")
        }
        #expect(k.slab.caches.count >= 130)
    }
}

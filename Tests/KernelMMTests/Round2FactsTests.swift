import Testing
@testable import KernelMM

/// 6.6 facts the lessons round turned up (issue 12 "Also found", issue 14 item 1).
@Suite struct Round2FactsTests {
    @Test func bootCachesAreNeverMergedInto() throws {
        var k = try boot()
        #expect(k.slab.caches.first { $0.name == "kmem_cache" }?.refcount == -1)
        #expect(k.slab.caches.first { $0.name == "kmem_cache_node" }?.refcount == -1)
        // A 200-byte SLAB_HWCACHE_ALIGN cache used to become an alias of kmem_cache (SLUB: 216 bytes → 256); on the
        // real machine it joins the 256-byte target of the later boot caches (capture: kmp_200_h_0 → :0000256).
        guard case .success(let r) = k.kmemCacheCreate(name: "t200", size: 200, flags: .hwcacheAlign) else { Issue.record("failed"); return }
        guard case .merged(_, let into) = r else { Issue.record("\(r)"); return }
        #expect(!["kmem_cache", "kmem_cache_node"].contains(into) && k.slab.cache(named: into)?.size == 256, "\(r)")
    }

    @Test func theOldestCompatibleCacheWins() throws {
        // SLAB checks alignment both ways, so b (align 64) is not merged into a (align 8), and c fits both.
        var k = try boot { $0.slab = .slab }
        // 40 bytes: no boot cache has that slot (the capture's kmp_40_p_0 stayed alone), so a is the first.
        _ = k.kmemCacheCreate(name: "a", size: 40)
        guard case .success(.created(_)) = k.kmemCacheCreate(name: "b", size: 40, align: 64) else { Issue.record("b merged"); return }
        guard case .success(let r) = k.kmemCacheCreate(name: "c", size: 40) else { Issue.record("failed"); return }
        #expect(r == .merged(name: "c", into: "a"), "\(r)")
    }

    @Test func vmapAreaIs72Bytes() throws {
        let k = try boot()
        let size = k.slab.caches.first { $0.name == "vmap_area" }?.objectSize
        #expect(size == 72)
    }

    func lastSleepReport(_ k: Kernel) -> KernelReport? {
        k.log.entries.last { if case .sleepingInAtomic = $0.report.kind { true } else { false } }?.report
    }

    @Test func eachMisuseInAtomicContextGetsAdviceThatFits() throws {
        var k = try boot()
        _ = k.getCPU()
        _ = k.vmalloc(8192)
        let v = try #require(lastSleepReport(k))
        #expect(v.note == .sleepingCallInAtomic(caller: "__get_vm_area_node", why: .preemptDisabled, call: .vmalloc))
        k.clock.now += 1_000_000_000
        _ = k.kmemCacheCreate(name: "x", size: 100)
        let c = try #require(lastSleepReport(k))
        guard case .sleepingInAtomic(let file, let line, _) = c.kind else { return }
        #expect(file == "kernel/locking/mutex.c" && line == 283)
        #expect(c.note == .sleepingCallInAtomic(caller: "kmem_cache_create", why: .preemptDisabled, call: .sleepingLock("slab_mutex (mutex_lock)")))
        k.clock.now += 1_000_000_000
        _ = k.kmemCacheDestroy("x")
        let d = try #require(lastSleepReport(k))
        guard case .sleepingInAtomic(let dfile, let dline, _) = d.kind else { return }
        #expect(dfile == "include/linux/percpu-rwsem.h" && dline == 49)
        #expect(d.note == .sleepingCallInAtomic(caller: "kmem_cache_destroy", why: .preemptDisabled, call: .sleepingLock("cpu_hotplug_lock (cpus_read_lock, a per-CPU rw-semaphore)")))
    }

    @Test func vfreeMaySleepOutsideInterrupts() throws {
        var k = try boot()
        let a = try unwrap(k.vmalloc(8192))
        let locked = k.spinLock("l")
        #expect(locked)
        let mark = k.log.entries.count
        _ = k.vfree(a)
        let r = try #require(k.log.entries[mark...].first?.report)
        guard case .sleepingInAtomic(let file, let line, _) = r.kind else { Issue.record("\(r.kind)"); return }
        #expect(file == "mm/vmalloc.c" && line == 2819)
        #expect(r.note == .sleepingCallInAtomic(caller: "vfree", why: .preemptDisabled, call: .vfree))
        try k.checkInvariants()
    }

    @Test func stackOverflowNamesTheTaskThatOverflowed() throws {
        var k = try boot()
        let pid = try unwrap(k.taskCreate(comm: "worker"))
        _ = try k.stackUse(pid: pid, bytes: 20 << 10)
        let r = try #require(k.log.entries.last?.report)
        #expect(r.comm == "worker" && r.pid == pid)
    }
}

import MMShell
import Testing

/// The query roots the course's lessons check with: held (nothing leaked), object(ADDR), deferred_vfrees, and
/// slabinfo_write, which lets the slab lesson show SLAB's lists without its array caches in the way.
@Suite struct CourseQueryTests {
    func run(_ sh: inout Shell, _ lines: String...) {
        for l in lines { _ = sh.execute(l) }
    }

    func value(_ sh: inout Shell, _ expr: String) -> String {
        let o = sh.execute("print " + expr)
        return o.succeeded ? String(o.stdout.dropLast()) : "error: " + o.stderr
    }

    @Test(arguments: ["slub", "slab"])
    func heldCountsEveryAllocatorAndReturnsToZero(_ allocator: String) throws {
        var sh = try Shell()
        run(&sh, "boot mem=256M cpus=2 slab=\(allocator)")
        #expect(value(&sh, "held.total") == "0")
        run(&sh, "a = kmalloc 100 GFP_KERNEL", "big = kmalloc 9000 GFP_KERNEL", "v = vmalloc 40000", "p = alloc_pages GFP_KERNEL 1",
            "m = kmem_cache_create merged 64", "o = kmem_cache_alloc $m GFP_KERNEL",
            "own = kmem_cache_create own 300 0 SLAB_POISON", "q = kmem_cache_alloc $own GFP_KERNEL", "pc = alloc_percpu 8")
        #expect(value(&sh, "[held.pages, held.kmalloc, held.vmalloc, held.percpu, held.caches, held.objects]") == "[1, 2, 1, 1, 2, 2]")
        #expect(value(&sh, "held.total") == "9")
        run(&sh, "kfree $a", "kfree $big", "vfree $v", "__free_pages $p 1", "kmem_cache_free $m $o", "kmem_cache_destroy $m",
            "kmem_cache_free $own $q")
        #expect(value(&sh, "[held.caches, held.objects, held.percpu]") == "[1, 0, 1]")
        run(&sh, "kmem_cache_destroy $own", "free_percpu $pc")
        #expect(value(&sh, "held.total") == "0")
    }

    @Test func heldCountsAWrongOrderLeak() throws {
        var sh = try Shell()
        run(&sh, "boot mem=256M cpus=1", "p = alloc_pages GFP_KERNEL 2", "__free_pages $p 0")
        #expect(value(&sh, "held.leaked_pages") == "3")
        #expect(value(&sh, "held.pages") == "0")
    }

    @Test func deferredVfreeIsCountedUntilIrqExit() throws {
        var sh = try Shell()
        run(&sh, "boot mem=256M cpus=1", "v = vmalloc 8000", "irq_enter", "vfree $v")
        #expect(value(&sh, "count(deferred_vfrees)") == "1")
        #expect(value(&sh, "deferred_vfrees[0] == $v") == "true")
        #expect(value(&sh, "held.vmalloc") == "1")
        run(&sh, "irq_exit")
        #expect(value(&sh, "count(deferred_vfrees)") == "0")
        #expect(value(&sh, "held.vmalloc") == "0")
    }

    @Test func objectNamesCacheSlotAndSize() throws {
        var sh = try Shell()
        run(&sh, "boot mem=256M cpus=1", "a = kmalloc 100 GFP_KERNEL", "b = kmalloc 100 GFP_KERNEL")
        #expect(value(&sh, "object($a).cache") == "kmalloc-128")
        #expect(value(&sh, "object($b).index") == "1")
        #expect(value(&sh, "object($b + 17).index") == "1")
        #expect(value(&sh, "object($a).ksize") == "128")
        #expect(value(&sh, "object($a).slab == page($a).pfn") == "true")
        run(&sh, "kfree $a")
        #expect(value(&sh, "object($a).allocated") == "false")
        #expect(value(&sh, "object(0x10)").contains("0x10 is in no slab object"))
    }

    @Test func slabinfoWriteTunesSLABAndRefusesBadValues() throws {
        var sh = try Shell()
        run(&sh, "boot mem=256M cpus=1 slab=slab", "k = kmem_cache_create demo 1000", "a = kmem_cache_alloc $k GFP_KERNEL")
        // The refill moved the whole slab into the array cache: the slab is full from the lists' point of view.
        #expect(value(&sh, "cache(\"demo\").slabs_full") == "1")
        let o = sh.execute("slabinfo_write demo 1 1 0")
        #expect(o.stdout == "demo: limit 1 batchcount 1 shared 0; free_limit 6\n")
        // The old array was emptied back into the slab, which is now partial.
        #expect(value(&sh, "[cache(\"demo\").slabs_full, cache(\"demo\").slabs_partial]") == "[0, 1]")
        #expect(sh.execute("cat /proc/slabinfo").stdout.contains("demo                   1      4   1000    4    1 : tunables    1    1    0"))
        let bad = sh.execute("slabinfo_write demo 2 3 0")
        #expect(!bad.succeeded && bad.stderr.contains("-EINVAL"))
        #expect(value(&sh, "cache(\"demo\").objs_per_slab") == "4")
        var slub = try Shell()
        run(&slub, "boot mem=256M cpus=1", "kmem_cache_create demo 1000")
        let ro = slub.execute("slabinfo_write demo 1 1 0")
        #expect(!ro.succeeded && ro.stderr.contains("read-only with SLUB"))
    }
}

import MMShell
import Testing

/// Lessons 8-15 taken by another valid path than the reference solution: the answers they check are the ones
/// that are right for the learner's own machine, not the reference machine's.
@Suite struct CourseLessonPathTests {
    @discardableResult
    func run(_ sh: inout Shell, _ lines: String...) -> String {
        lines.map { let o = sh.execute($0); return o.stdout + o.stderr }.joined()
    }

    func step(_ sh: Shell) -> String? { sh.session.lessons.active?.step.id }

    func value(_ sh: inout Shell, _ expr: String) -> String {
        String(sh.execute("print " + expr).stdout.dropLast())
    }

    @Test func kmallocWithAnotherSizeAnswersForItsClass() throws {
        var sh = try lessonShell("kmalloc")
        run(&sh, "next", "a = kmalloc 150 GFP_ATOMIC")
        #expect(step(sh) == "cache-of-a")
        #expect(run(&sh, "kmalloc-128").contains("✗"))
        #expect(run(&sh, "kmalloc-192").contains("✓"))
        #expect(run(&sh, "128").contains("✗"))
        #expect(run(&sh, "192").contains("✓"))
        #expect(step(sh) == "predict-200")
    }

    @Test func vmallocAfterAnotherAreaAnswersForItsFrames() throws {
        var sh = try lessonShell("vmalloc")
        // Another vmalloc first takes two of the scattered free pages: v gets other frames.
        run(&sh, "next", "w = vmalloc 8000", "v = vmalloc 20000")
        #expect(step(sh) == "area-size")
        run(&sh, "24576")
        #expect(step(sh) == "second-frame")
        let frame = value(&sh, "hex(vmalloc($v).pages[1])")
        #expect(frame != "0x37003")
        #expect(run(&sh, "0x37003").contains("✗"))
        #expect(run(&sh, frame).contains("✓"))
        run(&sh, "HighMem")
        #expect(step(sh) == "kvmalloc")
        // w and v: kvmalloc still takes the kmalloc path, so two areas (the reference learner holds one).
        #expect(run(&sh, "2").contains("✓"))
        #expect(step(sh) == "vfree-irq")
    }

    @Test func slabLayerWithSixObjectsCountsItsOwnFreeObjects() throws {
        var sh = try lessonShell("slab-layer")
        run(&sh, "next", "4")
        for n in ["a", "b", "c", "d", "e", "f"] { run(&sh, "\(n) = kmem_cache_alloc $demo GFP_KERNEL") }
        #expect(step(sh) == "free-in-partial")
        #expect(run(&sh, "3").contains("✗"))
        #expect(run(&sh, "2").contains("✓"))
        // Freeing e, f, c, a also ends with one free and one partial slab; x is then a, from the array cache.
        run(&sh, "kmem_cache_free $demo $e", "kmem_cache_free $demo $f", "kmem_cache_free $demo $c")
        #expect(step(sh) == "free-three")
        run(&sh, "kmem_cache_free $demo $a")
        #expect(step(sh) == "predict-x")
        #expect(run(&sh, "1").contains("✓"))
        #expect(value(&sh, "$x == $a") == "true")
        #expect(step(sh) == "predict-y")
    }

    @Test func slabDebugWithTwoObjectsAndAOneByteOverflow() throws {
        var sh = try lessonShell("slab-pressure-debug")
        run(&sh, "next", "a = kmem_cache_alloc $pool GFP_KERNEL", "b = kmem_cache_alloc $pool GFP_KERNEL",
            "kmem_cache_free $pool $a", "kmem_cache_free $pool $b")
        #expect(step(sh) == "shrink")
        #expect(run(&sh, "0").contains("✓"))
        run(&sh, "96")
        // One byte past the end is enough for the red zone check.
        run(&sh, "o = kmem_cache_alloc $pool GFP_KERNEL", "write $o+1000 1 0x41", "kmem_cache_free $pool $o")
        #expect(step(sh) == "still-allocated")
        #expect(run(&sh, "yes").contains("✓"))
        run(&sh, "kmem_cache_free $pool $o", "u = kmem_cache_alloc $pool GFP_KERNEL", "kmem_cache_free $pool $u")
        #expect(step(sh) == "uaf-write")
        #expect(run(&sh, "no").contains("✓"))
        #expect(run(&sh, "no").contains("✓"))
        #expect(sh.session.lessons.active?.completed == true)
    }

    @Test func kernelStacksWithTwoNewTasksCountsBoth() throws {
        var sh = try lessonShell("kernel-stacks")
        run(&sh, "next", "16384", "extra = task create helper", "w = task create worker")
        #expect(step(sh) == "kernelstack")
        #expect(run(&sh, "64").contains("✗"))
        #expect(run(&sh, "80").contains("✓"))
        #expect(run(&sh, "D").contains("✓"))
    }

    @Test func percpuPointerFollowsTheLearnersAllocation() throws {
        var sh = try lessonShell("percpu")
        run(&sh, "next", "c = get_cpu", "1", "W", "put_cpu", "kfree $x", "DEFINE_PER_CPU int hits", "this_cpu_inc hits",
            "cpu 1", "this_cpu_inc hits", "this_cpu_inc hits")
        #expect(step(sh) == "total")
        run(&sh, "3")
        // Another per-CPU allocation first: pc lands elsewhere, and so does CPU 1's copy.
        run(&sh, "other = alloc_percpu 64", "pc = alloc_percpu 8")
        #expect(step(sh) == "per-cpu-ptr")
        let want = value(&sh, "hex($pc + percpu.unit_size)")
        #expect(want != "0xffff88803eff9000")
        #expect(run(&sh, want).contains("✓"))
        // held.total counts the other allocation too, so freeing pc alone does not finish.
        run(&sh, "free_percpu $pc")
        #expect(step(sh) == "free")
        run(&sh, "free_percpu $other")
        #expect(sh.session.lessons.active?.completed == true)
    }

    @Test func capstoneWithKmallocAndAnAlignedCache() throws {
        var sh = try lessonShell("capstone")
        run(&sh, "next", "DMA", "buf = kmalloc 16384 GFP_KERNEL|GFP_DMA", "t = vmalloc 8M", "2048",
            "req = kmem_cache_create req 200 0 SLAB_HWCACHE_ALIGN", "r1 = kmem_cache_alloc $req GFP_KERNEL",
            "r2 = kmem_cache_alloc $req GFP_KERNEL", "r3 = kmem_cache_alloc $req GFP_KERNEL")
        #expect(step(sh) == "per-slab")
        // 200 bytes aligned to a cache line take 256: 16 per 4 KiB slab, not the reference's 20.
        #expect(run(&sh, "20").contains("✗"))
        #expect(run(&sh, "16").contains("✓"))
        run(&sh, "cnt = alloc_percpu 8")
        #expect(step(sh) == "held-now")
        #expect(run(&sh, "7").contains("✓"))
        run(&sh, "kfree $buf", "vfree $t", "kmem_cache_free $req $r1", "kmem_cache_free $req $r2", "kmem_cache_free $req $r3")
        #expect(step(sh) == "unload")
        run(&sh, "kmem_cache_destroy $req", "free_percpu $cnt")
        #expect(value(&sh, "held.total") == "0")
        #expect(sh.session.lessons.active?.completed == true)
    }

    @Test func highmemWithAnEntryAlreadyUsedAnswersForItsOwnEntry() throws {
        var sh = try lessonShell("highmem")
        // Another kmap() and kunmap() first: entry 1 is left for the flush, so a gets entry 2.
        run(&sh, "next", "kmap $hq", "kunmap $hq", "a = kmap $hp")
        #expect(step(sh) == "entry")
        #expect(run(&sh, "1").contains("✗"))
        #expect(run(&sh, "2").contains("✓"))
        run(&sh, "yes")
        #expect(step(sh) == "flush")
        // The flush clears both unused entries.
        #expect(run(&sh, "kmap_flush_unused").contains("2 unused pkmap entries cleared"))
        #expect(step(sh) == "local")
        // Out of order: the kernel warns and clears the newest slot anyway; the step still ends when none is left.
        run(&sh, "l1 = kmap_local_page $hp", "l2 = kmap_local_page $hq", "0xfffba000")
        #expect(step(sh) == "unmap-local")
        #expect(run(&sh, "kunmap_local $l1").contains("WARNING: CPU: 0 PID: 1234 at mm/highmem.c:611 kunmap_local_indexed"))
        run(&sh, "kunmap_local $l1")
        #expect(step(sh) == "atomic")
        run(&sh, "1")
        // kmap() inside the atomic section: the kernel's might_sleep report, and the step waits for kunmap_atomic.
        #expect(run(&sh, "kmap $hp").contains("BUG: sleeping function called from invalid context at include/linux/highmem-internal.h:44"))
        #expect(step(sh) == "unmap-atomic")
        #expect(run(&sh, "kunmap_atomic $x").contains("Lesson complete"))
    }
}

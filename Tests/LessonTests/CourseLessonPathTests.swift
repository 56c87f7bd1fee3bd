import MMShell
import Testing

/// Lessons 8-14 taken by another valid path than the reference solution: the answers they check are the ones
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
        #expect(frame != "0x38003")
        #expect(run(&sh, "0x38003").contains("✗"))
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
}

@testable import KernelMM
@testable import MMShell
import Testing

/// `validate` with no cache checks every invariant; `undo` takes back exactly the commands that changed something.
@Suite struct ValidateAndUndoTests {
    func shell(undo: Int = 0, validate: Bool = false) throws -> Shell {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        return try Shell(params: p, settings: ShellSettings(undoDepth: undo, validateEachCommand: validate))
    }

    @Test func validateWithoutACacheChecksEveryInvariant() throws {
        var sh = try shell()
        let ok = sh.execute("validate")
        #expect(ok.succeeded)
        #expect(ok.stdout.contains("all invariants hold"))
        // Break the kernel behind the shell's back: a free-list count that disagrees with its list.
        sh.session.kernel.pcpLists.addCount(zone: sh.session.kernel.zones.count - 1, cpu: 0, 1)
        sh.session.kernel.cpus[1].irqsDisabledBeforeInterrupt.append(false)
        let bad = sh.execute("validate")
        #expect(!bad.succeeded)
        #expect(bad.stderr.contains("pcp count"), "\(bad.stderr)")
        #expect(bad.stderr.contains("saved IRQ flags"), "both breaks are reported: \(bad.stderr)")
        // validate CACHE keeps its meaning.
        #expect(sh.execute("validate kmalloc-64").succeeded)
    }

    @Test func validateFlagChecksAfterEveryCommand() throws {
        var sh = try shell(validate: true)
        #expect(sh.execute("alloc_pages GFP_KERNEL 2").succeeded)
        sh.session.kernel.pcpLists.addCount(zone: sh.session.kernel.zones.count - 1, cpu: 0, 1)
        let r = sh.execute("print 1")
        #expect(!r.succeeded)
        #expect(r.stderr.contains("inconsistent"))
    }

    @Test func undoTakesBackExactlyTheLastCommand() throws {
        var sh = try shell(undo: 10)
        for line in ["p = alloc_pages GFP_KERNEL 3", "DEFINE_PER_CPU int x", "this_cpu_inc x", "this_cpu_inc x"] {
            #expect(sh.execute(line).succeeded, "\(line)")
        }
        let afterOne = try #require(sh.session.kernel.percpu.variables.first { $0.name == "x" })
        let u = sh.execute("undo")
        #expect(u.stdout.contains("this_cpu_inc x"), "\(u.stdout)")
        let x = try #require(sh.session.kernel.percpu.variables.first { $0.name == "x" })
        #expect(x.values != afterOne.values)
        #expect(sh.session.variables["p"] != nil)
        // $p still points at an allocated page.
        guard case .page(let p)? = sh.session.variables["p"] else { Issue.record("no $p"); return }
        #expect(sh.session.kernel.frames[p.raw].state == .allocated)
        // undo 2: the other increment and the definition; then the allocation; then nothing.
        let two = sh.execute("undo 2")
        #expect(two.stdout.contains("undid 2 commands"))
        #expect(!sh.session.kernel.percpu.variables.contains { $0.name == "x" })
        #expect(sh.execute("undo").stdout.contains("alloc_pages"))
        #expect(sh.session.variables["p"] == nil)
        #expect(sh.session.kernel.frames[p.raw].state != .allocated)
        #expect(!sh.execute("undo").succeeded)
    }

    @Test func undoKeepsVariablesAndSkipsCommandsThatChangeNothing() throws {
        var sh = try shell(undo: 10)
        _ = sh.execute("a = print 1")
        _ = sh.execute("print 2")
        _ = sh.execute("zoneinfo")
        let u = sh.execute("undo")
        #expect(u.stdout.contains("a = print 1"))
        #expect(sh.session.variables["a"] == nil)
    }

    /// Each command, then `undo`, gives back exactly the kernel before it (every frame included) and the variables;
    /// then the command runs again so the next one starts from it.
    @Test func undoIsExactAfterEveryKindOfCommand() throws {
        var sh = try shell(undo: 10)
        let lines = [
            "p = alloc_pages GFP_KERNEL 3", "q = alloc_pages GFP_ATOMIC|__GFP_ZERO 0", "__free_pages $q 0",
            "a = kmalloc 96 GFP_KERNEL", "b = kmalloc 5000 GFP_KERNEL", "kfree $a",
            "c = kmem_cache_create demo 200 0 SLAB_HWCACHE_ALIGN", "o = kmem_cache_alloc $c GFP_KERNEL",
            "kmem_cache_free $c $o", "o = kmem_cache_alloc $c GFP_KERNEL", "kfree $b", "k = kvmalloc 64 GFP_KERNEL", "kvfree $k",
            "v = vmalloc 40000", "vfree $v", "get_cpu", "put_cpu", "t = task create", "drain_all_pages",
            "__free_pages $p 3", "__free_pages $p 3",
            "struct page *pg = alloc_pages(GFP_KERNEL, 1); __free_pages(pg, 1);",
        ]
        var undone = 0
        for line in lines {
            let before = sh.session.kernel, vars = sh.session.variables
            _ = sh.execute(line)
            let changed = sh.session.kernel != before || sh.session.variables != vars
            let u = sh.execute("undo")
            if changed {
                #expect(u.succeeded, "\(line): \(u.stderr)")
                let sameFrames = sh.session.kernel.frames == before.frames
                #expect(sameFrames, "\(line): frames differ after undo")
                var k = sh.session.kernel
                k.clock = before.clock
                k.restoreExplanation(before.explanation)
                let same = k == before
                #expect(same, "\(line): kernel differs after undo")
                #expect(sh.session.variables == vars, "\(line): variables differ after undo")
                undone += 1
            }
            _ = sh.execute(line)
            try sh.session.kernel.checkInvariants()
        }
        #expect(undone >= lines.count - 1, "only \(undone) of \(lines.count) lines changed something")
    }

    /// What undo keeps is what commands changed: no struct page array or allocator buffer per kept command, and
    /// the kernel's undo logs hold the writes of the commands kept, not of every command run.
    @Test func keptCommandsHoldOnlyTheFramesTheyWrote() throws {
        var sh = try shell(undo: 10)
        for i in 0..<300 { _ = sh.execute(i % 3 == 2 ? "__free_pages $p 2" : "p = alloc_pages GFP_KERNEL 2") }
        #expect(sh.session.undoStack.count == 10)
        let k = sh.session.kernel
        let starts = sh.session.undoStack.map(\.before.journal)
        for (e, (start, end)) in zip(sh.session.undoStack, zip(starts, starts.dropFirst() + [k.undoJournalEnd])) {
            #expect(e.kernel.frames.isEmpty)
            // Nor the allocator's lists and counters: their writes are journalled too.
            #expect(e.kernel.freeLists.zoneCount == 0 && e.kernel.pcpLists.zoneCount == 0 && e.kernel.counters.zoneCount == 0)
            #expect(end.counters - start.counters <= 8, "\(end.counters - start.counters) counter writes for one command")
            #expect(end.frames - start.frames <= 200, "\(end.frames - start.frames) frame writes for one command")
        }
        // The logs let go of what the commands undo no longer keeps wrote (at most as much again is held).
        let held = k.undoJournalEnd.frames - k.undoJournalStart.frames
        let kept = k.undoJournalEnd.frames - starts[0].frames
        #expect(k.undoJournalStart.frames > 0 && held <= 2 * kept + 200, "\(held) frame writes held for \(kept) kept")
    }

    /// Lines that change only the allocator's journalled stores and the scalars share one kernel snapshot (a script
    /// line keeps a retain, not a copy), and undo through them still gives back each state exactly.
    @Test func allocatorLinesShareOneSnapshotAndUndoExactly() throws {
        var sh = try shell(undo: 10)
        var states = [sh.session.kernel]
        for i in 0..<8 {
            #expect(sh.execute(i % 2 == 0 ? "p = alloc_pages GFP_KERNEL \(i % 3)" : "__free_pages $p \((i - 1) % 3)").succeeded)
            states.append(sh.session.kernel)
        }
        let snapshots = Set(sh.session.undoStack.map { ObjectIdentifier($0.before.snapshot) })
        #expect(sh.session.undoStack.count == 8 && snapshots.count == 1, "\(snapshots.count) snapshots for 8 lines")
        for i in (0..<8).reversed() {
            #expect(sh.execute("undo").succeeded)
            var k = sh.session.kernel
            k.clock = states[i].clock
            let same = k == states[i]
            #expect(same, "state before line \(i) not given back")
        }
        // A line that changes something else (a kmalloc moves the slab layer) takes a snapshot of its own.
        _ = sh.execute("p = alloc_pages GFP_KERNEL 0")
        _ = sh.execute("a = kmalloc 64 GFP_KERNEL")
        _ = sh.execute("__free_pages $p 0")
        let ids = sh.session.undoStack.map { ObjectIdentifier($0.before.snapshot) }
        #expect(ids.count == 3 && ids[0] == ids[1] && ids[1] != ids[2])
    }

    /// With undo off the kernel logs no writes, and turning it off lets the logs go.
    @Test func undoOffKeepsNoLog() throws {
        var off = try shell()
        #expect(off.execute("p = alloc_pages GFP_KERNEL 2").succeeded)
        #expect(!off.session.kernel.isUndoLogging)
        var on = try shell(undo: 10)
        #expect(on.execute("p = alloc_pages GFP_KERNEL 2").succeeded)
        #expect(on.session.kernel.isUndoLogging && on.session.kernel.undoJournalEnd.frames > 0)
        on.session.settings.undoDepth = 0
        #expect(on.execute("__free_pages $p 2").succeeded)
        #expect(!on.session.kernel.isUndoLogging && on.session.kernel.undoJournalEnd.frames == 0)
    }

    /// Undoing past an `x = undo` takes back what that undo gave back too: the machine is the one before all of them.
    /// (When each kept command carried its own journal, the command the inner undo took back was left applied.)
    @Test func undoPastAnAssignedUndoGivesBackTheStateBeforeAll() throws {
        var sh = try shell(undo: 10)
        let start = sh.session.kernel
        for line in ["k = kmalloc 4096 GFP_KERNEL", "p = alloc_pages GFP_KERNEL|__GFP_ZERO 1", "x = undo", "undo 12"] {
            #expect(sh.execute(line).succeeded, "\(line)")
        }
        var k = sh.session.kernel
        k.clock = start.clock
        k.restoreExplanation(start.explanation)
        let same = k == start
        #expect(same, "the machine after undoing everything is not the one booted")
        try k.checkInvariants()
        var booted = try shell()
        let fresh = booted.execute("q = alloc_pages GFP_KERNEL|__GFP_ZERO 1").stdout
        #expect(sh.execute("q = alloc_pages GFP_KERNEL|__GFP_ZERO 1").stdout == fresh)
    }

    /// A line of C is one command for undo, however many calls it makes.
    @Test func oneLineOfCIsOneUndo() throws {
        var sh = try shell(undo: 10)
        let before = sh.session.kernel
        #expect(sh.execute("void *x = kmalloc(64, GFP_KERNEL); struct page *pp = alloc_pages(GFP_KERNEL, 0);").succeeded)
        #expect(sh.session.undoStack.count == 1)
        #expect(sh.execute("undo").succeeded)
        let same = sh.session.kernel.frames == before.frames
        #expect(same)
    }

    /// `undo N` gives back the variables as they were before the Nth last kept command, whatever ran between: writes
    /// of `$_` by commands undo does not keep, C loops, failures, reassignments. And the log behind it stays small.
    @Test func undoGivesBackTheVariablesAtEveryDepth() throws {
        var sh = try shell(undo: 4)
        let lines = [
            "p = alloc_pages GFP_KERNEL 0", "page_to_pfn $p", "q = alloc_pages GFP_KERNEL 1", "print 5",
            "int i = 0;", "for (int j = 0; j < 300; j++) i = j;", "p = alloc_pages GFP_KERNEL 2", "nosuch_command 3",
            "__free_pages $q 1", "page_address $p", "q = kmalloc 64 GFP_KERNEL", "print 7", "x = print 8",
        ]
        // The variables before each kept line, newest last.
        var beforeKept: [[String: ShellValue]] = []
        for line in lines {
            let vars = sh.session.variables, last = sh.session.undoStack.last?.before.variablesMark
            _ = sh.execute(line)
            if let e = sh.session.undoStack.last, e.before.variablesMark != last, e.line == line { beforeKept.append(vars) }
        }
        #expect(beforeKept.count >= 6, "\(beforeKept.count) lines kept")
        #expect(sh.session.variableStore.log.count <= 16, "\(sh.session.variableStore.log.count) writes logged")
        for n in 1...sh.session.undoStack.count {
            var copy = sh
            #expect(copy.execute("undo \(n)").succeeded)
            #expect(copy.session.variables == beforeKept[beforeKept.count - n], "undo \(n)")
        }
        // Commands undo does not keep do not grow the log, nor do the lines that let old commands go.
        for i in 0..<200 {
            let vars = sh.session.variables
            if i % 2 == 0 { _ = sh.execute("print \(i)") } else { _ = sh.execute("r = alloc_pages GFP_KERNEL 0"); beforeKept.append(vars) }
        }
        #expect(sh.session.variableStore.log.count <= 80, "\(sh.session.variableStore.log.count) writes logged")
        #expect(sh.execute("undo 4").succeeded)
        #expect(sh.session.variables == beforeKept[beforeKept.count - 4])
    }
}

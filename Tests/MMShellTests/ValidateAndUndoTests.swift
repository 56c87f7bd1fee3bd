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
        sh.session.kernel.zones[sh.session.kernel.zones.count - 1].pcp[0].count += 1
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
        sh.session.kernel.zones[sh.session.kernel.zones.count - 1].pcp[0].count += 1
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

    @Test func aBigMachineKeepsFewerUndoStates() throws {
        // 64 GiB of 4 KiB pages: 16M frames, 256 MiB per kept copy.
        #expect(ShellSession.undoLimit(depth: 10, frames: 16 << 20) == 2)
        #expect(ShellSession.undoLimit(depth: 10, frames: 1 << 30) == 1)
        #expect(ShellSession.undoLimit(depth: 10, frames: 16 << 10) == 10)
    }
}

import MMShell
import Testing

/// Quizzes: the seed reproduces them, --reveal shows the simulator's answers, answers are checked one by one.
@Suite struct QuizTests {
    @Test(arguments: ["buddy", "gfp", "slab"])
    func seedReproducesTheQuiz(_ topic: String) throws {
        var a = try Shell(), b = try Shell()
        let x = a.execute("quiz \(topic) --seed 11 --reveal").stdout
        #expect(x == b.execute("quiz \(topic) --seed 11 --reveal").stdout)
        #expect(x != a.execute("quiz \(topic) --seed 12 --reveal").stdout)
        #expect(x.contains("Q1. ") && x.contains("    A: "))
    }

    @Test func revealedAnswersAreAccepted() throws {
        var sh = try Shell()
        let reveal = sh.execute("quiz buddy --seed 5 --reveal").stdout
        let answers = reveal.split(separator: "\n").filter { $0.hasPrefix("    A: ") }.map { String($0.dropFirst(7)) }
        #expect(answers.count >= 3)
        let before = sh.session.kernel
        var out = sh.execute("quiz buddy --seed 5").stdout
        for a in answers { out += sh.execute(a).stdout }
        #expect(out.hasSuffix("Score: \(answers.count)/\(answers.count)\n"))
        // The quiz ran on its own machine.
        let unchanged = sh.session.kernel.frames == before.frames
        #expect(unchanged)
    }

    @Test func slabQuizUsesTheLearnersMachineWithoutChangingIt() throws {
        var sh = try Shell()
        _ = sh.execute("boot cpus=8 slab=slab")
        let caches = sh.session.kernel.slab.caches.count
        let t = sh.execute("quiz slab --seed 4 --reveal").stdout
        #expect(t.hasPrefix("quiz slab --seed 4 (SLAB, 8 CPUs, 4 KiB pages)"))
        #expect(sh.session.kernel.slab.caches.count == caches)
    }

    @Test func wrongAnswersShowTheSimulatorsAnswer() throws {
        var sh = try Shell()
        _ = sh.execute("quiz gfp --seed 3")
        let o = sh.execute("answer 12345").stdout + sh.execute("maybe").stdout
        #expect(o.contains("✗ The simulator says: "))
        #expect(sh.execute("quiz nosuch").stderr.contains("use buddy, gfp or slab"))
        #expect(!sh.execute("quiz buddy --seed x").succeeded)
    }
}

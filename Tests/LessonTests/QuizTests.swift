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
        #expect(sh.execute("quiz nosuch").stderr.contains("use one of buddy, gfp, slab"))
        #expect(!sh.execute("quiz buddy --seed x").succeeded)
    }

    /// Issue 12 item 8: a wrong answer says why, worked from the quiz's machine (the buddy formula with its numbers,
    /// the sum of the free lists, the decoder's own line for a mask).
    @Test func wrongAnswersSayWhy() throws {
        var sh = try Shell()
        let reveal = sh.execute("quiz buddy --seed 77462 --reveal").stdout
        #expect(reveal.contains("order-1 buddy of $a3"), "\(reveal)")
        _ = sh.execute("quiz buddy --seed 77462")
        var out = ""
        for _ in 0..<5 { out += sh.execute("answer 1").stdout }
        // $a3 starts at 0x404 (order 1): its buddy is 0x404 ^ 0x2.
        #expect(out.contains("buddy = pfn ^ (1 << order) = 0x404 ^ 0x2 = 0x406"), "\(out)")
        #expect(out.contains("the free pages are the sum of nr_free × 2^order: 1×2 + 1×4"))
        _ = sh.execute("quiz gfp --seed 3")
        let g = sh.execute("answer 12345").stdout
        #expect(g.contains("decodes it:\nGFP_"), "\(g)")
        _ = sh.execute("lang ko")
        _ = sh.execute("quiz buddy --seed 77462")
        #expect(sh.execute("answer 99").stdout.contains("0부터 세어"))
    }

    /// Without --seed every quiz is a new one; its seed is printed, and --seed with it replays the same quiz.
    @Test func eachQuizWithoutASeedIsNewAndReplayable() throws {
        var sh = try Shell()
        let first = sh.execute("quiz gfp --reveal").stdout
        let second = sh.execute("quiz gfp --reveal").stdout
        #expect(first != second)
        let seed = try #require(first.split(separator: " ").dropFirst(3).first.flatMap { UInt64($0) }, "\(first)")
        var other = try Shell()
        #expect(other.execute("quiz gfp --seed \(seed) --reveal").stdout == first)
        #expect(sh.session.lessons.progress.quizzes == 2)
    }
}

import MMShell
import Testing

/// The lesson engine as a layer around the shell (issue 12): a finished lesson steps aside, skipped questions show
/// their answers, predictions narrate once, the learner's machine is kept and given back, and commands that would
/// break a lesson are refused with a reason.
@Suite struct LessonLayerTests {
    @discardableResult
    func run(_ sh: inout Shell, _ lines: [String]) -> String {
        lines.map { let o = sh.execute($0); return o.stdout + o.stderr }.joined()
    }

    /// The first "A: …" of `quiz … --reveal`.
    func revealedAnswer(_ sh: inout Shell, _ quiz: String) -> String? {
        let o = sh.execute(quiz + " --reveal").stdout
        return o.split(separator: "\n").first { $0.hasPrefix("    A: ") }.map { String($0.dropFirst(7)) }
    }

    @Test func aFinishedLessonStepsAsideForAQuiz() throws {
        var sh = try lessonShell("gfp-sleep")
        run(&sh, try loadLesson("gfp-sleep").referenceSolution)
        #expect(sh.session.lessons.active?.completed == true)
        let answer = try #require(revealedAnswer(&sh, "quiz gfp --seed 3"))
        run(&sh, ["quiz gfp --seed 3"])
        // Before: "unknown command" for the bare answer, "lesson gfp-sleep is complete" for 'answer X'.
        let bare = sh.execute(answer)
        #expect(bare.succeeded, "\(bare.stderr)")
        #expect(bare.stdout.contains("✓ Correct"))
        let viaAnswer = sh.execute("answer " + answer)
        #expect(viaAnswer.succeeded, "\(viaAnswer.stderr)")
        #expect(viaAnswer.stdout.contains("Q3/4"))
    }

    @Test func aQuizInsideALessonTakesTheAnswersUntilItIsDone() throws {
        var sh = try lessonShell("gfp-sleep")
        run(&sh, ["next"])
        let step = sh.session.lessons.active?.step.id
        run(&sh, ["quiz gfp --seed 5"])
        for _ in 0..<4 { run(&sh, ["skip"]) }
        #expect(sh.session.lessons.quiz?.done == true)
        #expect(sh.session.lessons.active?.step.id == step, "skips went to the quiz, not the lesson")
        // Now the lesson's question is open again.
        let o = sh.execute("0xcc0")
        #expect(o.stdout.contains("✓ Correct"))
    }

    @Test func skippingAQuestionShowsTheAnswer() throws {
        var sh = try lessonShell("gfp-sleep")
        let o = run(&sh, ["next", "skip"])
        #expect(o.contains("The answer: 0xcc0"))
        #expect(sh.session.lessons.active?.skippedSteps == 1)
        var ko = try lessonShell("gfp-sleep", language: .ko)
        #expect(run(&ko, ["next", "skip"]).contains("정답: 0xcc0"))
    }

    @Test func skippingAQuizQuestionShowsTheAnswerAndCountsIt() throws {
        var sh = try Shell()
        let answer = try #require(revealedAnswer(&sh, "quiz gfp --seed 3"))
        run(&sh, ["quiz gfp --seed 3"])
        let o = run(&sh, ["skip"])
        #expect(o.contains("skipped; the answer: " + answer))
        let end = run(&sh, ["skip", "skip", "skip"])
        #expect(end.contains("Score: 0/4 (4 skipped)"))
    }

    @Test func aPredictionNarratesOnce() throws {
        var sh = try lessonShell("buddy-split")
        let lesson = try loadLesson("buddy-split")
        guard let i = lesson.steps.firstIndex(where: { $0.kind == .predict }) else { return }
        for st in lesson.steps[..<i] { run(&sh, st.solution) }
        run(&sh, ["explain on"])
        let o = run(&sh, [lesson.steps[i].solution.last ?? ""])
        // One narration (before, the real run's narration was shown again after it by the `answer` line).
        #expect(o.components(separatedBy: "gfp_zone(").count - 1 == 1, "\(o)")
        #expect(o.contains("running: "))
    }

    @Test func lessonStartKeepsTheLearnersMachineAndQuitGivesItBack() throws {
        var sh = try Shell()
        sh.session.lessons.directory = lessonsDirectory()
        run(&sh, ["p = alloc_pages GFP_KERNEL 3"])
        let free = sh.session.kernel.zones.indices.map { sh.session.kernel.nrFreePages(zone: $0) }
        let start = run(&sh, ["lesson start gfp-sleep"])
        #expect(start.contains("yours is put aside with its variables $p"))
        #expect(sh.session.variables["p"] == nil)
        let quit = run(&sh, ["lesson quit"])
        #expect(quit.contains("your machine is back, as you left it, with $p"))
        #expect(sh.session.variables["p"] != nil)
        #expect(sh.session.kernel.zones.indices.map { sh.session.kernel.nrFreePages(zone: $0) } == free)
    }

    @Test func bootAndResetAreRefusedInALessonAndSayWhy() throws {
        var sh = try lessonShell("buddy-split")
        let before = sh.session.kernel.params
        let o = sh.execute("boot mem=512M")
        #expect(!o.succeeded)
        #expect(o.stderr.contains("'boot' would replace it"))
        #expect(sh.session.kernel.params == before)
        #expect(!sh.execute("reset").succeeded)
        // Once the lesson is over, the machine is the learner's again.
        run(&sh, try loadLesson("buddy-split").referenceSolution)
        #expect(sh.execute("reset").succeeded)
    }

    @Test func resetAndUndoSayWhatHappened() throws {
        var sh = try Shell(settings: ShellSettings(undoDepth: 2))
        run(&sh, ["p = alloc_pages GFP_KERNEL 0"])
        // undo names the command it took back, and takes its variable with it.
        #expect(run(&sh, ["undo"]).contains("undid 1 command:\n  p = alloc_pages GFP_KERNEL 0\n"))
        run(&sh, ["p = alloc_pages GFP_KERNEL 0", "q = alloc_pages GFP_KERNEL 0"])
        #expect(run(&sh, ["reset"]).contains("the variables pointed into the old one and are gone ($p $q)"))
    }
}

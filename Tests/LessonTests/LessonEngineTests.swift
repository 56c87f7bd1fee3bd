import MMShell
import Testing

/// The engine as a learner meets it: answers checked against the live state, hints in levels, forbidden commands,
/// skipping, predictions on a copy.
@Suite struct LessonEngineTests {
    /// Runs lines and returns everything printed.
    @discardableResult
    func run(_ sh: inout Shell, _ lines: String...) -> String {
        lines.map { let o = sh.execute($0); return o.stdout + o.stderr }.joined()
    }

    @Test func answerDependsOnTheLearnersState() throws {
        // A learner who took an order-10 block before answering gets the count right for their machine.
        var sh = try lessonShell("buddy-split")
        run(&sh, "next", "x = alloc_pages GFP_KERNEL|__GFP_DMA 10")
        let wrongNow = run(&sh, "3")
        #expect(wrongNow.contains("✗"))
        #expect(sh.session.lessons.active?.step.id == "count-order10")
        let right = run(&sh, "2")
        #expect(right.contains("✓ Correct: 2"))
        #expect(sh.session.lessons.active?.step.id == "alloc")
    }

    @Test func doStepPassesByAnyPath() throws {
        // The goal is a predicate on the state: another mask that gives an order-2 block in $p passes too.
        var sh = try lessonShell("buddy-split")
        run(&sh, "next", "3")
        #expect(sh.session.lessons.active?.step.id == "alloc")
        let o = run(&sh, "p = alloc_pages GFP_DMA|__GFP_ZERO 2")
        #expect(o.contains("✓ Task done (alloc)"))
        #expect(sh.session.lessons.active?.step.id == "buddy-pfn")
    }

    @Test func bareAnswersAndAnswerCommandAreTheSame() throws {
        var a = try lessonShell("gfp-sleep")
        var b = try lessonShell("gfp-sleep")
        run(&a, "next", "0xcc0")
        run(&b, "next", "answer 3264")
        #expect(a.session.lessons.active?.step.id == "sleep-bit")
        #expect(b.session.lessons.active?.step.id == "sleep-bit")
        // Names compare without case or the __GFP_ prefix.
        run(&a, "direct_reclaim")
        #expect(a.session.lessons.active?.step.id == "atomic-mark")
    }

    @Test func aMistypedCommandIsNotAnAnswer() throws {
        var sh = try lessonShell("gfp-sleep")
        run(&sh, "next")
        let o = sh.execute("gpf GFP_KERNEL")
        #expect(!o.succeeded)
        #expect(o.stderr.contains("did you mean gfp?"))
        #expect(sh.session.lessons.active?.failedChecks == 0)
    }

    @Test func feedbackForACommonWrongAnswer() throws {
        var sh = try lessonShell("gfp-sleep")
        let o = run(&sh, "next", "answer 0x820")
        #expect(o.contains("0x820 is GFP_ATOMIC"))
        #expect(sh.session.lessons.active?.failedChecks == 1)
    }

    @Test func hintsComeInLevelsAndAreRecorded() throws {
        var sh = try lessonShell("buddy-split")
        run(&sh, "next", "3")
        let h1 = run(&sh, "hint")
        let h2 = run(&sh, "hint")
        let h3 = run(&sh, "hint")
        #expect(h1.hasPrefix("Hint 1/2"))
        #expect(h2.hasPrefix("Hint 2/2") && h2.contains("p = alloc_pages GFP_KERNEL|__GFP_DMA 2"))
        #expect(h3.contains("no more hints"))
        #expect(sh.session.lessons.active?.record.hints["alloc"] == 2)
    }

    @Test func forbiddenCommandIsRefusedAndStateKept() throws {
        var sh = try lessonShell("buddy-split")
        run(&sh, "next", "3")
        let before = sh.session.kernel
        let o = sh.execute("boot mem=2G")
        #expect(!o.succeeded)
        #expect(o.stderr.contains("does not allow 'boot'"))
        let unchanged = sh.session.kernel == before // outside #expect: a failure would print a million frames
        #expect(unchanged)
    }

    @Test func skipAppliesTheSolutionUnlessForbidden() throws {
        var sh = try lessonShell("buddy-split")
        run(&sh, "next", "3")
        run(&sh, "skip")
        #expect(sh.session.lessons.active?.step.id == "buddy-pfn")
        #expect(sh.session.lessons.active?.record.skipped == ["alloc"])
        // The skipped task still happened, so the next question has a $p to ask about.
        #expect(run(&sh, "? page($p).order") == "2\n")

        var strict = try lessonShell("buddy-split")
        strict.session.lessons.noSkip = true
        run(&strict, "next")
        let o = strict.execute("skip")
        #expect(!o.succeeded)
        #expect(o.stderr.contains("--no-skip"))
    }

    @Test func predictRunsOnACopyThenForReal() throws {
        var sh = try lessonShell("gfp-sleep")
        for line in ["next", "0xcc0", "__GFP_DIRECT_RECLAIM", "1542", "no", "0x2dc0", "m = alloc_pages GFP_DMA32|__GFP_MOVABLE 0"] { run(&sh, line) }
        #expect(sh.session.lessons.active?.step.id == "dma32-zone")
        #expect(sh.session.variables["e"] == nil)
        let o = run(&sh, "Normal")
        #expect(o.contains("you predicted: Normal    outcome: DMA32"))
        #expect(o.contains("✗"))
        // The command ran once, for real: $e holds a DMA32 page, and the lesson moved on.
        #expect(run(&sh, "? page($e).zone") == "DMA32\n")
        #expect(sh.session.lessons.active?.step.id == "zonelist")
        #expect(sh.session.lessons.active?.failedChecks == 1)
    }

    @Test func nextBackCheckGoalSolution() throws {
        var sh = try lessonShell("buddy-split")
        #expect(!sh.execute("answer 3").succeeded) // a read step asks nothing
        run(&sh, "next")
        #expect(!sh.execute("next").succeeded) // a question must be answered first
        run(&sh, "3")
        #expect(run(&sh, "check").contains("Not yet"))
        #expect(run(&sh, "goal").contains("done when: (page($p).state == \"allocated\") and"))
        #expect(run(&sh, "solution").contains("p = alloc_pages GFP_KERNEL|__GFP_DMA 2"))
        #expect(sh.session.lessons.active?.record.solutions == ["alloc"])
        run(&sh, "back")
        #expect(sh.session.lessons.active?.step.id == "count-order10")
        run(&sh, "next") // passed before, so next is allowed
        #expect(sh.session.lessons.active?.step.id == "alloc")
        run(&sh, "restart")
        #expect(sh.session.lessons.active?.step.id == "intro")
        run(&sh, "lesson quit")
        #expect(sh.session.lessons.active == nil)
    }

    @Test func lessonListShowsIdTitleProgress() throws {
        var sh = try lessonShell("gfp-sleep")
        run(&sh, "next")
        let list = run(&sh, "lesson list").split(separator: "\n").map(String.init)
        // One line per lesson file, in file order (the course's order).
        let ids = builtInCatalog.lessons.map(\.id)
        #expect(list.count == ids.count)
        #expect(list.map { String($0.prefix { $0 != " " }) } == ids)
        let steps = try loadLesson("gfp-sleep").steps.count
        #expect(list.contains { $0.hasPrefix("buddy-split ") && $0.hasSuffix("not started") })
        #expect(list.contains { $0.hasPrefix("gfp-sleep ") && $0.hasSuffix("step 2/\(steps)") })
    }

    @Test func tabCompletesLessonIds() throws {
        let sh = try lessonShell("gfp-sleep")
        #expect(sh.complete("lesson start bu").candidates == ["buddy-split"])
        #expect(sh.complete("lesson st").candidates == ["start"])
    }

    @Test func unknownLessonNamesTheKnownOnes() throws {
        var sh = try Shell()
        sh.session.lessons.directory = lessonsDirectory()
        let o = sh.execute("lesson start nosuch")
        #expect(!o.succeeded)
        #expect(o.stderr.contains(" buddy-split ") && o.stderr.contains(" gfp-sleep"))
    }
}

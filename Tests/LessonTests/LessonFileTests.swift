import MMShell
import Testing

/// Every lesson in lessons/ passes `lesson check`: schema, unique ids, queries parse, English and Korean texts,
/// the reference solution completes it, and each listed wrong answer is rejected.
@Suite struct LessonFileTests {
    @Test func thereAreLessons() {
        #expect(lessonFiles().count >= 2)
    }

    @Test(arguments: lessonFiles())
    func lessonPassesCheck(_ path: String) {
        let diags = LessonChecker.check(path: path)
        #expect(diags.isEmpty, "\(diags.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: lessonFiles())
    func referenceSolutionCompletesHeadless(_ path: String) throws {
        let (lesson, diags) = LessonCatalog.load(path: path)
        let l = try #require(lesson, "\(diags)")
        let r = LessonRunner.run(l, input: l.referenceSolution)
        #expect(r.completed)
        #expect(r.failedChecks == 0)
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("lesson \(l.id): completed, 0 failed checks"))
    }

    @Test(arguments: lessonFiles())
    func everyTextIsBilingual(_ path: String) throws {
        let (lesson, _) = LessonCatalog.load(path: path)
        let l = try #require(lesson)
        var texts = [l.title, l.summary, l.recap]
        for s in l.steps { texts += [s.text] + s.hints + s.feedback.map(\.text) }
        for t in texts {
            #expect(!(t.en ?? "").isEmpty)
            #expect((t.ko ?? "").unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        }
    }

    @Test func lessonsShowInKorean() throws {
        var sh = try lessonShell("buddy-split", language: .ko)
        let o = sh.execute("lesson")
        #expect(o.stdout.contains("버디 할당자: 쪼개기, 합치기, 단편화"))
        #expect(o.stdout.contains("단계 1/\(try loadLesson("buddy-split").steps.count)"))
    }
}

import Foundation
import KmemsimTestSupport
import MMShell
import Testing

func kmemsimBinary() -> String? { KmemsimBinary.path }

/// `kmemsim lesson run ID < answers` and `kmemsim lesson check FILE…` as a teacher's script runs them.
@Suite struct HeadlessTests {
    func run(_ args: [String], stdin: String = "") throws -> (status: Int32, out: String, err: String) {
        let r = try KmemsimBinary.run(args, stdin: stdin, environment: [
            "KMEMSIM_LESSONS": lessonsDirectory(),
            "KMEMSIM_PROGRESS": "/nonexistent-dir/kmemsim-progress.json",
            "LANG": "C",
        ])
        return (r.status, r.stdout, r.stderr)
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func referenceAnswersExitZero() throws {
        let lesson = try loadLesson("gfp-sleep")
        let r = try run(["lesson", "run", "gfp-sleep"], stdin: lesson.referenceSolution.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.hasSuffix("lesson gfp-sleep: completed, 0 failed checks\n"))
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func aWrongAnswerExitsThree() throws {
        var lines = try loadLesson("gfp-sleep").referenceSolution
        lines.insert("0x820", at: 2) // wrong, then the right one: the lesson completes but a check failed
        let r = try run(["lesson", "run", "gfp-sleep"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r.status == 3)
        #expect(r.out.hasSuffix("lesson gfp-sleep: completed, 1 failed check\n"))
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func anUnfinishedLessonExitsThree() throws {
        let r = try run(["lesson", "run", "buddy-split"], stdin: "next\n3\n")
        #expect(r.status == 3)
        #expect(r.out.hasSuffix("lesson buddy-split: not completed (stopped at step alloc), 0 failed checks\n"))
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func anUnknownLessonExitsOne() throws {
        let r = try run(["lesson", "run", "nosuch"])
        #expect(r.status == 1)
        #expect(r.err.contains("no lesson 'nosuch'"))
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func listAndCheck() throws {
        let list = try run(["lesson", "list"])
        #expect(list.status == 0)
        let ids = builtInCatalog.lessons.map(\.id)
        #expect(ids.count == lessonFiles().count)
        #expect(list.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" } == ids)
        let check = try run(["lesson", "check"] + lessonFiles())
        #expect(check.status == 0, "\(check.err)")
        try withTemporaryDirectory { dir in
            writeFile(dir + "/bad.yaml", "id: bad\ntitle: {en: Bad}\n")
            let bad = try run(["lesson", "check", dir + "/bad.yaml"])
            #expect(bad.status == 1)
            #expect(bad.err.contains(dir + "/bad.yaml:2: 'title' has no Korean text (ko:)"))
        }
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func koreanFromLangAndFlag() throws {
        let viaFlag = try run(["--lang", "ko", "lesson", "list"])
        #expect(viaFlag.out.contains("페이지와 struct page") && viaFlag.out.contains("버디 할당자"))
        let bad = try run(["--lang", "fr", "lesson", "list"])
        #expect(bad.status == 2)
    }
}

/// Grading (issue 12): skips are counted and fail the run unless allowed, progress is recorded on request, JSON per
/// step, KMEMSIM_LESSONS adds to the built-in lessons.
@Suite struct GradingTests {
    func run(_ args: [String], stdin: String = "", lessons: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let r = try KmemsimBinary.run(args, stdin: stdin, environment: [
            "KMEMSIM_LESSONS": lessons ?? lessonsDirectory(),
            "KMEMSIM_PROGRESS": "/nonexistent-dir/kmemsim-progress.json",
            "LANG": "C",
        ])
        return (r.status, r.stdout, r.stderr)
    }

    func skips(_ id: String) throws -> String {
        String(repeating: "skip\n", count: try loadLesson(id).steps.count)
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func aSkippedLessonIsNotPassedUnlessAllowed() throws {
        let r = try run(["lesson", "run", "gfp-sleep"], stdin: try skips("gfp-sleep"))
        #expect(r.status == 3, "\(r.out)")
        let n = try loadLesson("gfp-sleep").steps.count
        #expect(r.out.contains("completed, 0 failed checks, \(n) skipped steps (a skipped lesson is not passed; --allow-skip allows it)"), "\(r.out)")
        let allowed = try run(["--allow-skip", "lesson", "run", "gfp-sleep"], stdin: try skips("gfp-sleep"))
        #expect(allowed.status == 0)
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func progressIsRecordedOnlyWhenAsked() throws {
        try withTemporaryDirectory { dir in
            let lesson = try loadLesson("gfp-sleep")
            let r = try run(["--progress", dir + "/p.json", "lesson", "run", "gfp-sleep"], stdin: lesson.referenceSolution.joined(separator: "\n") + "\n")
            #expect(r.status == 0, "\(r.err)")
            let text = try #require(readFile(dir + "/p.json"))
            let parsed = try ProgressFile.parse(text)
            #expect(parsed.lessons["gfp-sleep"]?.completed == true)
        }
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func lessonRunJSONReportsEachStep() throws {
        var lines = try loadLesson("gfp-sleep").referenceSolution
        lines.insert("0x820", at: 1)
        lines.insert("hint", at: 1)
        let r = try run(["--json", "lesson", "run", "gfp-sleep"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r.status == 3)
        let records = r.out.split(separator: "\n").map(String.init)
        let steps = records.filter { $0.hasPrefix("{\"step\":") }
        #expect(steps.count == (try loadLesson("gfp-sleep")).steps.count)
        let second = try #require(steps.dropFirst().first)
        #expect(second.contains("\"kind\":\"ask\",\"passed\":true,\"tries\":2,\"hints\":1,\"skipped\":false"), "\(second)")
        // Each command record carries its input line.
        #expect(records.contains { $0.contains("\"command\":\"answer 0x820\"") && $0.contains("\"line\":3") }, "\(records)")
        #expect(records.last?.contains("\"completed\":true,\"failed_checks\":1,\"skipped\":0") == true)
    }

    @Test(.enabled(if: kmemsimBinary() != nil))
    func lessonsSearchPathAddsToTheBuiltInOnes() throws {
        try withTemporaryDirectory { dir in
            let first = try #require(LessonCatalog.load(path: lessonFiles()[0]).0)
            let draft = try #require(readFile(lessonFiles()[0]))
                .replacingOccurrences(of: "id: \(first.id)", with: "id: my-draft")
            writeFile(dir + "/50-my-draft.yaml", draft)
            // Run from a directory without ./lessons, so the built-in ones come from next to the executable.
            let list = try run(["lesson", "list"], lessons: dir)
            let ids = list.out.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
            #expect(ids.contains("my-draft"))
            #expect(ids.contains("gfp-sleep"), "\(list.out)")
            // A draft file starts directly.
            let start = try run(["-c", "lesson start \(dir)/50-my-draft.yaml"], lessons: "/nonexistent")
            #expect(start.status == 0, "\(start.err)")
            #expect(start.out.contains("Step 1/"))
        }
    }
}

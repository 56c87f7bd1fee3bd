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
        let ids = LessonCatalog.load(directory: lessonsDirectory()).lessons.map(\.id)
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
        #expect(viaFlag.out.contains("블록 쪼개기"))
        let bad = try run(["--lang", "fr", "lesson", "list"])
        #expect(bad.status == 2)
    }
}

import Glibc
import MMShell
import Testing

/// Progress: where it lives, atomic writes, corrupt files kept, export and import, resuming tomorrow.
@Suite struct ProgressTests {
    @Test func defaultPathFollowsTheEnvironment() {
        #expect(ProgressStore.defaultPath { ["KMEMSIM_PROGRESS": "/x/p.json", "XDG_STATE_HOME": "/s", "HOME": "/h"][$0] } == "/x/p.json")
        #expect(ProgressStore.defaultPath { ["XDG_STATE_HOME": "/s", "HOME": "/h"][$0] } == "/s/kmemsim/progress.json")
        #expect(ProgressStore.defaultPath { ["HOME": "/h"][$0] } == "/h/.local/state/kmemsim/progress.json")
        #expect(ProgressStore.defaultPath { _ in nil } == nil)
    }

    @Test func savedAtomicallyAndReadBack() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/state/kmemsim/progress.json"
            var sh = try lessonShell("buddy-split", progress: path)
            _ = sh.execute("next")
            _ = sh.execute("hint")
            let text = try #require(readFile(path))
            // The temp file was renamed over the real one, not left behind.
            #expect(readFile(path + ".tmp") == nil)
            let file = try ProgressFile.parse(text)
            let p = try #require(file.lessons["buddy-split"])
            #expect(p.step == "count-order10")
            #expect(p.passed == ["intro"])
            #expect(p.hints == ["count-order10": 1])
            #expect(file.rendered() == text)
        }
    }

    @Test func resumesWhereTheLearnerStopped() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/progress.json"
            var today = try lessonShell("buddy-split", progress: path)
            for l in ["next", "3", "p = alloc_pages GFP_KERNEL|__GFP_DMA 2", "lesson quit"] { _ = today.execute(l) }
            // Tomorrow: a new process, the same progress file.
            var tomorrow = try lessonShell("buddy-split", progress: path)
            #expect(tomorrow.session.lessons.active?.step.id == "buddy-pfn")
            // The state was rebuilt by replaying the earlier steps' reference solution.
            #expect(tomorrow.execute("? hex($p.pfn)").stdout == "0x400\n")
            #expect(tomorrow.execute("0x404").stdout.contains("✓"))
        }
    }

    /// Ctrl-D in the middle of a step: the place is saved and the learner is told how to come back; the next
    /// session resumes there.
    @Test func endOfInputInsideAStepKeepsThePlace() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/progress.json"
            var today = try lessonShell("buddy-split", progress: path)
            for l in ["next", "3"] { _ = today.execute(l) }
            let step = today.session.lessons.active?.step.id
            let count = today.session.lessons.active?.lesson.steps.count ?? 0
            let index = (today.session.lessons.active?.stepIndex ?? 0) + 1
            let said = today.session.endOfInput()
            #expect(said == "lesson buddy-split paused at step \(index) of \(count) (\(step ?? "")); your progress is saved: 'lesson start buddy-split' picks it up there\n")
            var tomorrow = try lessonShell("buddy-split", progress: path)
            #expect(tomorrow.session.lessons.active?.step.id == step)
            #expect(tomorrow.session.endOfInput().contains("paused at step \(index)"))
            var ko = try lessonShell("buddy-split", progress: path, language: .ko)
            #expect(ko.session.endOfInput().contains("레슨 buddy-split: \(count)단계 중 \(index)단계(\(step ?? ""))에서 멈췄습니다. 진행 상황은 저장되었습니다"))
            // No lesson under way: nothing to say.
            _ = ko.execute("lesson quit")
            #expect(ko.session.endOfInput() == "")
        }
    }

    @Test func corruptFileIsReportedAndNeverOverwritten() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/progress.json"
            let garbage = "{\"version\": 1, \"lessons\": [\n"
            writeFile(path, garbage)
            var sh = try Shell()
            sh.session.lessons.directory = lessonsDirectory()
            sh.session.lessons.progressPath = path
            let start = sh.execute("lesson start buddy-split")
            #expect(start.succeeded)
            #expect(start.stdout.contains("warning: the progress file \(path) cannot be read"))
            _ = sh.execute("next")
            _ = sh.execute("3")
            #expect(readFile(path) == garbage)
            #expect(sh.execute("lesson list").stdout.contains("cannot be read"))
            // Wrong shapes are corrupt too.
            writeFile(path, "{\"version\": 7, \"lessons\": {}}")
            if case .corrupt(let why) = ProgressStore.load(path) { #expect(why.en.contains("version")) } else { Issue.record("version 7 accepted") }
        }
    }

    @Test func exportAndImport() throws {
        try withTemporaryDirectory { dir in
            var a = try lessonShell("gfp-sleep", progress: dir + "/a.json")
            _ = a.execute("next")
            #expect(a.execute("lesson export \(dir)/out.json").succeeded)
            var b = try Shell()
            b.session.lessons.directory = lessonsDirectory()
            b.session.lessons.progressPath = dir + "/b.json"
            let o = b.execute("lesson import \(dir)/out.json")
            #expect(o.succeeded)
            #expect(b.execute("lesson list").stdout.contains("step 2/\(try loadLesson("gfp-sleep").steps.count)"))
            #expect(try ProgressFile.parse(try #require(readFile(dir + "/b.json"))).lessons["gfp-sleep"]?.step == "kernel-value")
            writeFile(dir + "/bad.json", "not json [")
            let bad = b.execute("lesson import \(dir)/bad.json")
            #expect(!bad.succeeded)
            #expect(bad.stderr.contains("is not a progress file"))
        }
    }
}

import KernelMM

/// The learner's commands: `lesson …`, `next`, `back`, `hint`, `check`, `answer`, `goal`, `solution`, `skip`,
/// `restart`. Free exploration stays allowed: every other command runs as usual and the step is checked after it.
enum LessonCommands {
    static func catalog(_ s: ShellSession) -> LessonCatalog {
        // Every directory of the search path: an author's drafts beside the built-in lessons.
        LessonCatalog.load(directories: s.lessons.directory.map { [$0] } ?? LessonCatalog.searchPath(in: s.files), in: s.files)
    }

    static let all: [CommandSpec] = [
        CommandSpec("lesson", family: .lessons,
                    subcommands: [
                        CommandSpec("lesson list", family: .lessons, summary: "every lesson with its title and your progress",
                                    examples: ["lesson list"]) { s, _ throws(CommandError) in
                            CommandOutput(text: list(&s))
                        },
                        CommandSpec("lesson start", family: .lessons, arguments: [.init("id", .name)],
                                    summary: "start lesson ID (or a lesson file: a path ending in .yaml) on its own machine",
                                    examples: ["lesson start buddy-split"]) { s, a throws(CommandError) in
                            let key = try a.string(0)
                            // A file path starts a draft directly, wherever it is (an author trying a lesson out).
                            if key.hasSuffix(".yaml") || key.contains("/") {
                                let (lesson, diags) = LessonCatalog.load(path: key, in: s.files)
                                guard let lesson, diags.isEmpty else {
                                    throw .badArgument(argument: "lesson", value: key, reason: .lessonFileProblems(diags))
                                }
                                return CommandOutput(text: try LessonEngine.start(lesson, &s))
                            }
                            let cat = catalog(s)
                            guard let lesson = cat.find(key) else {
                                throw .badArgument(argument: "lesson", value: key, reason: .noSuchLesson(ids: cat.lessons.map(\.id), directory: cat.directory))
                            }
                            return CommandOutput(text: try LessonEngine.start(lesson, &s))
                        },
                        CommandSpec("lesson quit", family: .lessons, summary: "leave the lesson (your progress is kept); your own machine comes back",
                                    examples: ["lesson quit"]) { s, _ throws(CommandError) in
                            CommandOutput(text: try LessonEngine.quit(&s))
                        },
                        CommandSpec("lesson summary", family: .lessons, arguments: [.init("id", .name, optional: true)],
                                    summary: "what lesson ID (default: the one under way) teaches, in a few lines",
                                    examples: ["lesson summary buddy-split"]) { s, a throws(CommandError) in
                            let lesson: Lesson
                            if a.has(0) {
                                let key = try a.string(0)
                                guard let l = catalog(s).find(key) else { throw .badArgument(argument: "lesson", value: key, reason: .noSuchLessonListHint) }
                                lesson = l
                            } else {
                                lesson = try LessonEngine.requireActive(s).lesson
                            }
                            let lang = s.lessons.language
                            return CommandOutput(text: lesson.title.text(lang) + "\n" + lesson.recap.text(lang).trimmingTrailingNewlines() + "\n")
                        },
                        CommandSpec("lesson export", family: .lessons, arguments: [.init("file", .name)], options: [OptionSpec("--force")],
                                    summary: "write your progress in every lesson to FILE (JSON); --force replaces a file kmemsim did not write",
                                    examples: ["lesson export /tmp/progress.json"]) { s, a throws(CommandError) in
                            let file = try a.string(0)
                            let force = a.has(option: "--force")
                            try FileOutput.checkTarget(file, kind: .progress, force: force, language: s.language, in: s.files)
                            LessonEngine.loadProgress(&s)
                            if let a = s.lessons.active { s.lessons.progress.lessons[a.lesson.id] = a.record }
                            try ProgressStore.save(s.lessons.progress, to: file, force: force, language: s.language, in: s.files)
                            return CommandOutput(text: s.say(.wroteProgress(s.lessons.progress.lessons.count, to: file)) + "\n")
                        },
                        CommandSpec("lesson import", family: .lessons, arguments: [.init("file", .name)],
                                    summary: "merge progress written by 'lesson export FILE' into yours",
                                    examples: ["lesson import /tmp/progress.json"]) { s, a throws(CommandError) in
                            let file = try a.string(0)
                            let text = try FileOutput.readText(file, language: s.lessons.language, in: s.files)
                            let imported: ProgressFile
                            do throws(CommandError) { imported = try ProgressFile.parse(text) } catch { throw .localized(.notAProgressFile(file, error.catalogMessage)) }
                            LessonEngine.loadProgress(&s)
                            for (id, p) in imported.lessons { s.lessons.progress.lessons[id] = p }
                            let warning = LessonEngine.save(&s)
                            return CommandOutput(text: s.say(.importedProgress(imported.lessons.count, from: file)) + "\n" + warning)
                        },
                    ],
                    summary: "lessons: 'lesson list', 'lesson start ID', 'lesson' (where am I), 'lesson quit', 'lesson summary [ID]', 'lesson export FILE [--force]', 'lesson import FILE'",
                    details: "Lessons boot their own machine and check your answers against its live state. Progress is kept in $XDG_STATE_HOME/kmemsim/progress.json (KMEMSIM_PROGRESS overrides).",
                    examples: ["lesson list", "lesson start buddy-split", "lesson", "lesson summary buddy-split", "lesson export /tmp/progress.json"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.whereAmI(s))
        },
        CommandSpec("next", family: .lessons, summary: "go to the next step (after reading, or once a step is done)", examples: ["next"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.next(&s))
        },
        CommandSpec("back", family: .lessons, summary: "show the previous step again (the machine stays as it is)", examples: ["back"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.back(&s))
        },
        CommandSpec("hint", family: .lessons, summary: "the next hint for this step (hints come in levels)", examples: ["hint"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.hint(&s))
        },
        CommandSpec("check", family: .lessons, summary: "check the current task now", examples: ["check"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.check(&s))
        },
        CommandSpec("answer", family: .lessons, arguments: [.init("answer", .text)],
                    summary: "answer the step's question (at a question step, typing the answer alone works too)",
                    examples: ["answer 3", "answer Normal", "answer yes", "answer 0x1000, 0x1004"]) { s, a throws(CommandError) in
            CommandOutput(text: try LessonEngine.answer(a.rest, &s))
        },
        CommandSpec("goal", family: .lessons, summary: "show the current step's task or question again", examples: ["goal"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.goal(s))
        },
        CommandSpec("solution", family: .lessons, summary: "show the reference solution of this step (recorded in your progress)", examples: ["solution"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.solution(&s))
        },
        CommandSpec("skip", family: .lessons, summary: "skip this step (its reference solution is applied); refused with --no-skip", examples: ["skip"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.skip(&s))
        },
        CommandSpec("restart", family: .lessons, summary: "start the lesson over on a fresh machine", examples: ["restart"]) { s, _ throws(CommandError) in
            CommandOutput(text: try LessonEngine.restart(&s))
        },
    ]

    /// `lesson list`: one lesson per line — id, title, progress.
    static func list(_ s: inout ShellSession) -> String {
        LessonEngine.loadProgress(&s)
        let cat = catalog(s)
        let lang = s.lessons.language
        var t = ""
        let width = max(12, (cat.lessons.map(\.id.count).max() ?? 0) + 2)
        // The title column is as wide as the widest title (display width: Hangul takes two columns).
        let titleWidth = max(20, cat.lessons.map { $0.title.text(lang).displayWidth }.max() ?? 0)
        for l in cat.lessons {
            var p = s.lessons.progress.lessons[l.id]
            if let a = s.lessons.active, a.lesson.id == l.id { p = a.record }
            let status: String
            if let p, p.completed {
                status = Message.lessonStatusCompleted.text(lang)
            } else if let p, let step = p.step, let i = l.stepIndex(step) {
                status = Message.lessonStatusAt(i + 1, of: l.steps.count).text(lang)
            } else {
                status = Message.lessonStatusNotStarted.text(lang)
            }
            t += Format.left(l.id, width) + Format.left(l.title.text(lang), titleWidth) + "  " + status + "\n"
        }
        if cat.lessons.isEmpty { t += s.say(.noLessonsFound(cat.directory)) + "\n" }
        if !cat.problems.isEmpty {
            t += s.say(.lessonFilesHaveProblems(Set(cat.problems.map(\.file)).count, directory: cat.directory)) + "\n"
        }
        if let why = s.lessons.progressCorrupt, let path = s.lessons.progressPath {
            t += s.say(.progressUnreadable(path, why: why)) + "\n"
        }
        return t
    }
}

import KernelMM

/// What a headless run of a lesson produced (`kmemsim lesson run ID < answers.txt`).
public struct LessonRunResult: Sendable {
    public var stdout = ""
    public var stderr = ""
    public var completed = false
    /// Wrong answers, wrong predictions and failed `check`s.
    public var failedChecks = 0
    /// Steps the answers skipped.
    public var skipped = 0
    /// `--allow-skip`: a skipped step does not fail the run.
    public var allowSkip = false
    /// The step the run stopped at when it did not complete.
    public var stoppedAt: String?

    /// 0 when the lesson completed with every check passed and no step skipped (unless skips are allowed), 3
    /// otherwise.
    public var exitCode: Int32 { completed && failedChecks == 0 && (skipped == 0 || allowSkip) ? 0 : 3 }
}

/// How a teacher wants a headless run: who may skip, where progress goes, text or JSON.
public struct LessonRunOptions: Sendable {
    public var language: LessonLanguage = .en
    public var noSkip = false
    public var allowSkip = false
    /// `--progress FILE`: record the run's progress there (nil: the learner's progress is never touched).
    public var progressPath: String?
    /// `--json`: one record per input line and one per step, then the result.
    public var json = false
    public var echo = true
    /// Where the run's files are read and written (the lesson's own `save`/`insmod` lines, progress).
    public var files: any FileSystem = HostFileSystem()
    public init(language: LessonLanguage = .en, noSkip: Bool = false, allowSkip: Bool = false, progressPath: String? = nil,
                json: Bool = false, echo: Bool = true) {
        self.language = language
        self.noSkip = noSkip
        self.allowSkip = allowSkip
        self.progressPath = progressPath
        self.json = json
        self.echo = echo
    }
}

/// Runs lessons without a terminal: the lines of a pipe are typed one by one, as a learner would.
public enum LessonRunner {
    /// A shell ready for a lesson: no progress file (a headless run must not touch the learner's progress).
    static func shell(language: LessonLanguage, noSkip: Bool, files: any FileSystem) -> Shell? {
        guard var sh = try? Shell() else { return nil }
        sh.session.files = files
        sh.session.lessons.language = language
        sh.session.lessons.noSkip = noSkip
        sh.session.lessons.progressPath = nil
        return sh
    }

    public static func run(_ lesson: Lesson, input: [String], language: LessonLanguage = .en, noSkip: Bool = false,
                           echo: Bool = true) -> LessonRunResult {
        run(lesson, input: input, options: LessonRunOptions(language: language, noSkip: noSkip, echo: echo))
    }

    public static func run(_ lesson: Lesson, input: [String], options: LessonRunOptions) -> LessonRunResult {
        var r = LessonRunResult()
        r.allowSkip = options.allowSkip
        guard var sh = shell(language: options.language, noSkip: options.noSkip, files: options.files) else {
            r.stderr = "kmemsim: cannot boot\n"
            return r
        }
        sh.session.lessons.progressPath = options.progressPath
        sh.session.settings.json = options.json
        do throws(CommandError) {
            let intro = try LessonEngine.start(lesson, &sh.session, resume: false)
            r.stdout += options.json ? JSONValue.object([("lesson", .string(lesson.id)), ("text", .string(intro))]).rendered + "\n" : intro
        } catch {
            r.stderr += "kmemsim: \(error.message)\n"
            r.stoppedAt = lesson.steps.first?.id
            return r
        }
        for (n, line) in input.enumerated() {
            if sh.session.lessons.active?.completed == true { break }
            if options.echo && !options.json { r.stdout += sh.prompt + line + "\n" }
            let o = sh.execute(line, source: "<stdin>", line: n + 1)
            r.stdout += o.stdout
            r.stderr += o.stderr
            if sh.session.wantsExit { break }
        }
        let a = sh.session.lessons.active
        r.completed = a?.completed ?? false
        r.failedChecks = a?.failedChecks ?? 0
        r.skipped = a?.skippedSteps ?? 0
        if !r.completed { r.stoppedAt = a?.step.id }
        if options.json {
            if let a { for st in a.lesson.steps { r.stdout += stepRecord(st, a).rendered + "\n" } }
            r.stdout += JSONValue.object([("lesson", .string(lesson.id)), ("completed", .bool(r.completed)),
                                          ("failed_checks", .int(r.failedChecks)), ("skipped", .int(r.skipped)),
                                          ("stopped_at", r.stoppedAt.map { .string($0) } ?? .null),
                                          ("exit", .int(Int(r.exitCode)))]).rendered + "\n"
            return r
        }
        let lang = options.language
        var summary = "lesson \(lesson.id): " + (r.completed ? "completed" : "not completed (stopped at step \(r.stoppedAt ?? "?"))")
            + ", \(r.failedChecks) failed check\(r.failedChecks == 1 ? "" : "s")"
        if r.skipped > 0 {
            summary += ", \(r.skipped) skipped step\(r.skipped == 1 ? "" : "s")"
            summary += LessonStrings.t(lang, r.allowSkip ? " (allowed: --allow-skip)" : " (a skipped lesson is not passed; --allow-skip allows it)",
                                       r.allowSkip ? " (--allow-skip로 허용됨)" : " (건너뛴 단계가 있으면 통과가 아닙니다. 허용하려면 --allow-skip)")
        }
        r.stdout += summary + "\n"
        return r
    }

    /// One step of a headless run, for a grader: id, kind, passed, tries, hints used, skipped, solution shown.
    static func stepRecord(_ st: LessonStep, _ a: ActiveLesson) -> JSONValue {
        .object([("step", .string(st.id)), ("kind", .string(st.kind.rawValue)),
                 ("passed", .bool(a.passedNow.contains(st.id))), ("tries", .int(a.tries[st.id] ?? 0)),
                 ("hints", .int(a.hintsNow[st.id] ?? 0)), ("skipped", .bool(a.skippedNow.contains(st.id))),
                 ("solution_shown", .bool(a.record.solutions.contains(st.id)))])
    }
}

/// `kmemsim lesson check FILE…`: everything an author can get wrong, with file:line.
public enum LessonChecker {
    public static func check(path: String, in fs: any FileSystem = HostFileSystem()) -> [LessonDiagnostic] {
        // lessons/*.yaml includes the glossary: check it as what it is.
        if LessonCatalog.baseName(path) + ".yaml" == Glossary.fileName {
            guard let text = FileOutput.read(path, in: fs) else { return [LessonDiagnostic(file: path, line: 0, message: "cannot read the file")] }
            return Glossary.decode(text, file: path).1
        }
        let (lesson, diags) = LessonCatalog.load(path: path, in: fs)
        guard let lesson else { return diags }
        var out = diags
        out += staticChecks(lesson, in: fs)
        // Replaying a lesson that does not even parse would only repeat the same problems.
        guard out.isEmpty else { return out }
        return replay(lesson, in: fs)
    }

    /// Unique ids and queries that parse; a `start:` file that loads.
    static func staticChecks(_ lesson: Lesson, in fs: any FileSystem) -> [LessonDiagnostic] {
        var out: [LessonDiagnostic] = []
        func diag(_ line: Int, _ m: String) { out.append(LessonDiagnostic(file: lesson.file, line: line, message: m)) }
        if let path = lesson.startPath, var sh = LessonRunner.shell(language: .en, noSkip: false, files: fs) {
            do throws(CommandError) { try sh.session.load(from: path) } catch {
                diag(lesson.startLine, Message.lessonStartFileFailed(lesson: lesson.id, file: lesson.start ?? path, line: lesson.startLine,
                                                                     lessonFile: lesson.file, why: error.message(.en)).text(.en))
            }
        }
        var seen: [String: Int] = [:]
        for st in lesson.steps {
            if let first = seen[st.id] { diag(st.line, "step id '\(st.id)' is used twice (first at line \(first))") } else { seen[st.id] = st.line }
            var texts = [st.text.en, st.text.ko] + st.hints.flatMap { [$0.en, $0.ko] } + st.feedback.flatMap { [$0.text.en, $0.text.ko] }
            texts += st.goalClauses.flatMap { [$0.message?.en, $0.message?.ko] }
            let shown = texts.compactMap { $0 }.flatMap(LessonEngine.interpolatedQueries).map { ("{{…}} in the text", Optional($0)) }
            for (what, q) in [("goal", st.goal), ("answer query", st.answerQuery)] + shown {
                guard let q else { continue }
                do throws(QueryError) { _ = try QueryParser.parse(q) } catch {
                    diag(st.line, "step \(st.id): \(what) does not parse: \(error.message) (column \(error.column) of '\(q)')")
                }
            }
            if let c = st.command {
                do throws(CommandError) {
                    guard let p = try LineParser.parse(c), CommandTable.standard.lookup(p.command) != nil else {
                        diag(st.line, "step \(st.id): '\(c)' is not a kmemsim command")
                        continue
                    }
                } catch {
                    diag(st.line, "step \(st.id): command '\(c)' does not parse: \(error.message)")
                }
            }
            for f in st.forbid where CommandTable.standard.lookup(f) == nil {
                diag(st.line, "step \(st.id): forbid names '\(f)', which is not a command")
            }
        }
        return out
    }

    /// The reference solution must complete the lesson with no failed check, and every listed wrong answer must be
    /// rejected at its step (tried on a copy of the session, just before the reference answer).
    static func replay(_ lesson: Lesson, in fs: any FileSystem) -> [LessonDiagnostic] {
        var out: [LessonDiagnostic] = []
        func diag(_ line: Int, _ m: String) { out.append(LessonDiagnostic(file: lesson.file, line: line, message: m)) }
        guard var sh = LessonRunner.shell(language: .en, noSkip: false, files: fs) else { return [] }
        do throws(CommandError) {
            _ = try LessonEngine.start(lesson, &sh.session, resume: false)
        } catch {
            diag(1, error.message)
            return out
        }
        var testedWrong: Set<String> = []
        for st in lesson.steps {
            guard let a = sh.session.lessons.active, !a.completed else { break }
            guard a.step.id == st.id else {
                diag(st.line, "step \(st.id): the reference solution of the earlier steps ended at step \(a.step.id)")
                return out
            }
            for (i, line) in st.solution.enumerated() {
                let isLast = i == st.solution.count - 1
                if isLast, (st.kind == .ask || st.kind == .predict), !testedWrong.contains(st.id) {
                    testedWrong.insert(st.id)
                    // Listed wrong answers and the answers feedback is written for must all be rejected.
                    var wrongs = st.wrong
                    for f in st.feedback where !wrongs.contains(f.answer) { wrongs.append(f.answer) }
                    for w in wrongs {
                        var copy = sh
                        let before = copy.session.lessons.active?.failedChecks ?? 0
                        let o = copy.execute("answer " + w)
                        let after = copy.session.lessons.active?.failedChecks ?? 0
                        // A refused operation is the lesson's point (a double free shown on purpose), not an error.
                        if !o.succeeded && !o.refused {
                            diag(st.line, "step \(st.id): wrong answer '\(w)' made an error instead of being rejected: \(o.stderr.trimmingWhitespace())")
                        } else if after == before {
                            diag(st.line, "step \(st.id): wrong answer '\(w)' was accepted")
                        }
                    }
                }
                let before = sh.session.lessons.active?.failedChecks ?? 0
                let o = sh.execute(line)
                if !o.succeeded && !o.refused { diag(st.line, "step \(st.id): reference line '\(line)' failed: \(o.stderr.trimmingWhitespace())") }
                if (sh.session.lessons.active?.failedChecks ?? 0) > before {
                    diag(st.line, "step \(st.id): reference line '\(line)' was rejected:\n" + o.stdout.trimmingTrailingNewlines())
                }
            }
            if let a = sh.session.lessons.active, !a.completed, a.step.id == st.id {
                diag(st.line, "step \(st.id): its reference solution does not finish the step")
                return out
            }
        }
        if sh.session.lessons.active?.completed != true { diag(1, "the reference solution does not complete the lesson") }
        return out
    }
}

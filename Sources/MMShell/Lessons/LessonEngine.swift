import KernelMM

extension Shell {
    /// A shell over an existing session (the lesson engine runs setup lines, dry runs and replays through it).
    init(session: ShellSession) {
        self.session = session
        self.commands = CommandTable.standard
    }
}

/// Runs lessons inside a shell session: shows steps, checks `do` goals after every command, compares answers with
/// queries evaluated on the live state (or on a copy after a dry run, for `predict`), keeps progress.
public enum LessonEngine {
    typealias S = LessonStrings

    // MARK: running lines on the session

    /// Runs one line as if typed, without the lesson watching (setup, dry runs, replays, skip).
    static func runInner(_ line: String, _ s: inout ShellSession) -> LineOutcome {
        let saved = s.lessons.active
        s.lessons.active = nil
        var sh = Shell(session: s)
        let o = sh.execute(line)
        s = sh.session
        s.lessons.active = saved
        return o
    }

    static func evaluate(_ query: String, _ s: ShellSession) throws(CommandError) -> QueryValue {
        do {
            return try QueryEvaluator.evaluate(query, in: QueryContext(session: s))
        } catch {
            throw .other("lesson query '\(query)' failed: \(error.message) (column \(error.column))")
        }
    }

    // MARK: starting

    /// Boots the lesson's machine, runs its setup and shows the first step (or resumes at the step reached, by
    /// replaying the reference solution of the steps before it).
    public static func start(_ lesson: Lesson, _ session: inout ShellSession, resume: Bool = true) throws(CommandError) -> String {
        // Work on a copy: a lesson that cannot start leaves the learner's machine as it was.
        var s = session
        var text = try startOnCopy(lesson, &s, resume: resume)
        let lang = session.lessons.language
        if session.lessons.active == nil {
            // Coming from free exploration: keep the learner's machine for `lesson quit`.
            s.lessons.savedMachine = SavedMachine(kernel: session.kernel, variables: session.variables, undoStack: session.undoStack)
            // Said only when there is something to lose: named results or an undo history.
            let names = session.variables.keys.filter { $0 != "_" }.sorted()
            if !names.isEmpty || !session.undoStack.isEmpty { text = SessionStrings.machinePutAside(names, lang) + text }
        }
        if let q = session.lessons.quiz, !q.done {
            s.lessons.quiz = nil
            text = SessionStrings.quizClosed(lang) + text
        }
        session = s
        return text
    }

    static func startOnCopy(_ lesson: Lesson, _ s: inout ShellSession, resume: Bool) throws(CommandError) -> String {
        loadProgress(&s)
        let lang = s.lessons.language
        if let path = lesson.startPath {
            // `start: FILE.json`: the saved session, checked completely by the load path before anything is used.
            do throws(CommandError) { try s.load(from: path) } catch {
                throw .localized(.lessonStartFileFailed(lesson: lesson.id, file: lesson.start ?? path, line: lesson.startLine, lessonFile: lesson.file,
                                                        why: error.message(s.language)))
            }
        } else {
            s.reboot(try BootParamParser.boot(try lesson.bootParams()))
        }
        s.lessons.active = nil
        for line in lesson.setup {
            let o = runInner(line, &s)
            if !o.succeeded { throw .other("lesson \(lesson.id): setup line '\(line)' failed: \(o.stderr.trimmingWhitespace())") }
        }
        var record = s.lessons.progress.lessons[lesson.id] ?? LessonProgress()
        var active = ActiveLesson(lesson: lesson, record: record)
        var text = S.t(lang, "Lesson: ", "레슨: ") + lesson.title.text(lang) + "\n" + display(lesson.summary.text(lang), s).trimmingTrailingNewlines() + "\n"
        if resume, !record.completed, let id = record.step, let target = lesson.stepIndex(id), target > 0 {
            // Rebuild the state the learner had: tasks and predicted commands happen again; answers need no replay.
            for st in lesson.steps[0..<target] {
                let lines: [String]
                switch st.kind {
                case .do: lines = st.solution
                case .predict: lines = st.command.map { [$0] } ?? []
                case .ask, .read: lines = []
                }
                for l in lines {
                    let o = runInner(l, &s)
                    if !o.succeeded { throw .other("cannot resume lesson \(lesson.id): replaying '\(l)' failed: \(o.stderr.trimmingWhitespace())") }
                }
            }
            active.stepIndex = target
            text += S.t(lang, "(resumed at step \(target + 1); the earlier steps were replayed with their reference solution — 'restart' starts over)\n",
                        "(\(target + 1)단계부터 이어서 합니다. 앞 단계는 모범 답안으로 다시 실행했습니다 — 처음부터 하려면 'restart')\n")
        } else {
            // A completed lesson stays completed in the record; going through it again starts at step 1.
            record.step = lesson.steps.first?.id
            active.record = record
        }
        s.lessons.active = active
        text += "\n" + stepText(s)
        text += persist(&s)
        return text
    }

    // MARK: showing

    public static func stepText(_ s: ShellSession) -> String {
        guard let a = s.lessons.active else { return "" }
        let lang = s.lessons.language
        let st = a.step
        var t = S.t(lang, "Step", "단계") + " \(a.stepIndex + 1)/\(a.lesson.steps.count) · \(S.kindName(st.kind, lang)) · \(st.id)\n"
        t += display(st.text.text(lang), s).trimmingTrailingNewlines() + "\n"
        switch st.kind {
        case .read:
            t += S.t(lang, "(type 'next' to go on)", "(계속하려면 'next')") + "\n"
        case .do:
            t += S.t(lang, "(the step passes as soon as the task is done; 'hint' helps, 'goal' repeats it)",
                     "(과제를 마치면 바로 통과합니다. 'hint'로 힌트, 'goal'로 과제 다시 보기)") + "\n"
        case .ask:
            t += Message.answerPrompt(st.answerKind).text(lang) + "\n"
        case .predict:
            t += "    \(st.command ?? "")\n"
            t += Message.predictPrompt(st.answerKind).text(lang) + "\n"
        }
        return t
    }

    // MARK: moving on

    /// The current step is done: record it and show the next step, or the recap at the end.
    static func advance(_ s: inout ShellSession, passed: Bool) -> String {
        guard var a = s.lessons.active else { return "" }
        let lang = s.lessons.language
        if passed, !a.record.passed.contains(a.step.id) { a.record.passed.append(a.step.id) }
        if passed, !a.passedNow.contains(a.step.id) { a.passedNow.append(a.step.id) }
        var t = ""
        if a.stepIndex + 1 >= a.lesson.steps.count {
            a.completed = true
            a.record.completed = true
            a.record.step = nil
            s.lessons.active = a
            t += "\n" + S.t(lang, "Lesson complete: ", "레슨 완료: ") + a.lesson.title.text(lang) + "\n"
            t += S.t(lang, "Summary", "요약") + ":\n" + display(a.lesson.recap.text(lang), s).trimmingTrailingNewlines() + "\n"
            t += S.t(lang, "('lesson summary' shows this again; 'lesson list' shows the others)\n", "('lesson summary'로 다시 볼 수 있습니다. 다른 레슨은 'lesson list')\n")
        } else {
            a.stepIndex += 1
            a.record.step = a.step.id
            s.lessons.active = a
            t += "\n" + stepText(s)
        }
        t += persist(&s)
        return t
    }

    /// After each command of the learner's: a `do` step passes when its goal holds.
    static func afterCommand(_ s: inout ShellSession) -> String {
        guard let a = s.lessons.active, !a.completed, a.step.kind == .do, let goal = a.step.goal else { return "" }
        guard let v = try? evaluate(goal, s), v == .bool(true) else { return "" }
        let lang = s.lessons.language
        s.lessons.active?.countTry()
        return "✓ " + S.t(lang, "Task done", "과제 완료") + " (\(a.step.id))\n" + advance(&s, passed: true)
    }

    static func requireActive(_ s: ShellSession) throws(CommandError) -> ActiveLesson {
        guard let a = s.lessons.active else {
            throw .other(S.t(s.lessons.language, "no lesson under way: 'lesson list' shows them, 'lesson start ID' starts one",
                             "진행 중인 레슨이 없습니다: 'lesson list'로 목록을 보고 'lesson start ID'로 시작하세요"))
        }
        return a
    }

    static func requireOpen(_ s: ShellSession) throws(CommandError) -> ActiveLesson {
        let a = try requireActive(s)
        if a.completed {
            throw .other(S.t(s.lessons.language, "lesson \(a.lesson.id) is complete: 'lesson summary' shows the recap, 'restart' does it again",
                             "레슨을 마쳤습니다(\(a.lesson.id)): 'lesson summary'로 요약, 'restart'로 다시 하기"))
        }
        return a
    }

    // MARK: answers

    public static func answer(_ raw: String, _ s: inout ShellSession) throws(CommandError) -> String {
        if openQuestion(s) == .quiz { return try quizAnswer(raw, &s) }
        let a = try requireOpen(s)
        let lang = s.lessons.language
        let st = a.step
        guard st.kind == .ask || st.kind == .predict, let query = st.answerQuery else {
            throw .other(S.t(lang, "step \(st.id) asks no question: " + (st.kind == .do ? "do the task ('goal' shows it)" : "type 'next'"),
                             "\(st.id) 단계는 질문이 아닙니다: " + (st.kind == .do ? "과제를 하세요 ('goal')" : "'next'를 입력하세요")))
        }
        guard !raw.trimmingWhitespace().isEmpty else {
            throw .other(S.t(lang, "answer what? e.g. answer 3", "답을 적어 주세요. 예: answer 3"))
        }
        s.lessons.active?.countTry()
        if st.kind == .ask {
            let expected = try evaluate(query, s)
            guard let want = AnswerMatcher.expected(expected, st.answerKind) else {
                throw .other("lesson \(a.lesson.id), step \(st.id): the query gives a \(expected.typeName), which a \(st.answerKind.rawValue) answer cannot be compared with")
            }
            let got = AnswerMatcher.normalize(raw, st.answerKind)
            if got == want {
                return "✓ " + S.t(lang, "Correct", "정답") + ": \(shown(expected, st.answerKind, lang))\n" + advance(&s, passed: true)
            }
            return reject(raw, got: got, st, &s)
        }
        // predict: the dry run on a copy gives the answer; then the command runs for real.
        guard let command = st.command else { throw .other("step \(st.id) has no command") }
        var copy = s
        let dry = runInner(command, &copy)
        // A refused operation (a double free shown on purpose) is an outcome to predict, not a broken step.
        if !dry.succeeded && !dry.refused { throw .other("lesson \(a.lesson.id), step \(st.id): '\(command)' fails: \(dry.stderr.trimmingWhitespace())") }
        let expected = try evaluate(query, copy)
        guard let want = AnswerMatcher.expected(expected, st.answerKind) else {
            throw .other("lesson \(a.lesson.id), step \(st.id): the query gives a \(expected.typeName), which a \(st.answerKind.rawValue) answer cannot be compared with")
        }
        let got = AnswerMatcher.normalize(raw, st.answerKind)
        guard got != nil else {
            return reject(raw, got: nil, st, &s)
        }
        let real = runInner(command, &s)
        var t = S.t(lang, "running: ", "실행: ") + command + "\n" + real.stdout + real.stderr
        let actual = shown((try? evaluate(query, s)) ?? expected, st.answerKind, lang)
        t += S.t(lang, "you predicted: ", "예측: ") + raw.trimmingWhitespace() + "    " + S.t(lang, "outcome: ", "결과: ") + actual + "\n"
        if got == want {
            t += "✓ " + S.t(lang, "Your prediction was right", "예측이 맞았습니다") + "\n"
            return t + advance(&s, passed: true)
        }
        s.lessons.active?.failedChecks += 1
        s.lessons.active?.record.failedChecks += 1
        t += "✗ " + S.t(lang, "Not what happened", "실제 결과와 다릅니다") + "\n"
        if let f = feedback(raw, st) { t += display(f.text(lang), s).trimmingTrailingNewlines() + "\n" }
        return t + advance(&s, passed: false)
    }

    /// A right answer as the learner would write it: hex for hex answers, yes/no for yes-no questions.
    static func shown(_ v: QueryValue, _ kind: AnswerKind, _ lang: LessonLanguage) -> String {
        switch (kind, v) {
        case (.hex, .int(let n)): return Format.hex(n)
        case (.yesNo, .bool(let b)): return b ? S.t(lang, "yes", "예") : S.t(lang, "no", "아니요")
        default: return v.rendered
        }
    }

    static func feedback(_ raw: String, _ st: LessonStep) -> LocalizedText? {
        let got = AnswerMatcher.normalize(raw, st.answerKind)
        return st.feedback.first { got != nil && AnswerMatcher.normalize($0.answer, st.answerKind) == got }?.text
    }

    static func reject(_ raw: String, got: [String]?, _ st: LessonStep, _ s: inout ShellSession) -> String {
        let lang = s.lessons.language
        s.lessons.active?.failedChecks += 1
        s.lessons.active?.record.failedChecks += 1
        var t: String
        if got == nil {
            t = "✗ " + Message.unreadableAnswer(raw.trimmingWhitespace(), st.answerKind).text(lang) + "\n"
        } else {
            t = "✗ " + S.t(lang, "Not quite.", "아닙니다.") + "\n"
            if let f = feedback(raw, st) { t += display(f.text(lang), s).trimmingTrailingNewlines() + "\n" }
            t += S.t(lang, "(try again; 'hint' gives a hint)", "(다시 해 보세요. 'hint'로 힌트를 볼 수 있습니다)") + "\n"
        }
        return t + persist(&s)
    }

    // MARK: learner commands

    public static func next(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        let lang = s.lessons.language
        switch a.step.kind {
        case .read: return advance(&s, passed: true)
        default:
            if a.record.passed.contains(a.step.id) || a.record.skipped.contains(a.step.id) { return advance(&s, passed: false) }
            throw .other(a.step.kind == .do
                ? S.t(lang, "this step passes when the task is done ('goal' shows it, 'hint' helps, 'skip' skips)", "과제를 마쳐야 넘어갑니다 ('goal', 'hint', 'skip')")
                : S.t(lang, "answer first ('answer X'), or 'hint' / 'skip'", "먼저 답하세요 ('answer X'), 또는 'hint' / 'skip'"))
        }
    }

    public static func back(_ s: inout ShellSession) throws(CommandError) -> String {
        var a = try requireActive(s)
        guard a.stepIndex > 0 || a.completed else { throw .other(S.t(s.lessons.language, "this is the first step", "첫 단계입니다")) }
        if a.completed { a.completed = false } else { a.stepIndex -= 1 }
        a.record.step = a.step.id
        s.lessons.active = a
        return stepText(s) + persist(&s)
    }

    public static func hint(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        let lang = s.lessons.language
        let st = a.step
        let shown = a.record.hints[st.id] ?? 0
        guard !st.hints.isEmpty else { return S.t(lang, "no hints for this step; 'solution' shows the reference solution\n", "이 단계에는 힌트가 없습니다. 'solution'으로 모범 답안을 볼 수 있습니다\n") }
        guard shown < st.hints.count else {
            return S.t(lang, "no more hints (\(st.hints.count) shown); 'solution' shows the reference solution\n",
                       "힌트를 모두 봤습니다 (\(st.hints.count)개). 'solution'으로 모범 답안을 볼 수 있습니다\n")
        }
        s.lessons.active?.record.hints[st.id] = shown + 1
        s.lessons.active?.hintsNow[st.id, default: 0] += 1
        return S.t(lang, "Hint", "힌트") + " \(shown + 1)/\(st.hints.count): " + display(st.hints[shown].text(lang), s).trimmingTrailingNewlines() + "\n" + persist(&s)
    }

    public static func check(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        let lang = s.lessons.language
        switch a.step.kind {
        case .read: return S.t(lang, "nothing to check here; type 'next'\n", "확인할 것이 없습니다. 'next'를 입력하세요\n")
        case .ask, .predict: return S.t(lang, "this step is checked when you answer: 'answer X'\n", "답하면 확인합니다: 'answer X'\n")
        case .do:
            // A goal that cannot be evaluated yet (no $p so far) is simply not reached.
            let v = try? evaluate(a.step.goal ?? "false", s)
            s.lessons.active?.countTry()
            if v == .bool(true) { return "✓ " + S.t(lang, "Task done", "과제 완료") + " (\(a.step.id))\n" + advance(&s, passed: true) }
            s.lessons.active?.failedChecks += 1
            s.lessons.active?.record.failedChecks += 1
            return "✗ " + S.t(lang, "Not yet.", "아직 아닙니다.") + "\n" + unmet(a.step, s) + persist(&s)
        }
    }

    /// The `$name`s a query reads.
    static func variablesIn(_ query: String) -> [String] {
        var names: [String] = []
        var rest = Substring(query)
        while let d = rest.firstIndex(of: "$") {
            let after = rest[rest.index(after: d)...]
            let name = String(after.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            rest = after
        }
        return names
    }

    /// What part of a task does not hold yet: the first false clause's message, or the clause itself with the values
    /// it reads; then the whole task again.
    static func unmet(_ st: LessonStep, _ s: ShellSession) -> String {
        let lang = s.lessons.language
        var t = ""
        for c in st.goalClauses {
            let v: QueryValue
            let missing = variablesIn(c.query).filter { s.variables[$0] == nil }
            if let name = missing.first {
                // The task asks for a named result the learner has not made yet.
                t += S.t(lang, "  · there is no $\(name) yet: keep the result in a variable, e.g. \(name) = …\n",
                         "  · 아직 $\(name) 변수가 없습니다: 결과를 변수에 담으세요. 예: \(name) = …\n")
                break
            }
            do throws(CommandError) { v = try evaluate(c.query, s) } catch {
                t += S.t(lang, "  · cannot check this part yet: \(c.query)\n", "  · 아직 확인할 수 없는 조건: \(c.query)\n")
                break
            }
            if v == .bool(true) { continue }
            if let m = c.message { t += "  · " + display(m.text(lang), s).trimmingTrailingNewlines() + "\n" } else {
                t += S.t(lang, "  · this part is not true yet: \(c.query)\n", "  · 아직 성립하지 않는 조건: \(c.query)\n")
            }
            break
        }
        t += S.t(lang, "The task:\n", "과제:\n") + display(st.text.text(lang), s).trimmingTrailingNewlines() + "\n"
        return t
    }

    public static func goal(_ s: ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        var t = stepText(s)
        if a.step.kind == .do, let g = a.step.goal { t += S.t(s.lessons.language, "done when: ", "완료 조건: ") + g + "\n" }
        return t
    }

    public static func solution(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        let lang = s.lessons.language
        if !a.record.solutions.contains(a.step.id) { s.lessons.active?.record.solutions.append(a.step.id) }
        var t = S.t(lang, "Reference solution for step \(a.step.id) (recorded as used):\n", "\(a.step.id) 단계 모범 답안 (사용 기록됨):\n")
        for l in a.step.solution { t += "    " + l + "\n" }
        return t + persist(&s)
    }

    public static func skip(_ s: inout ShellSession) throws(CommandError) -> String {
        if openQuestion(s) == .quiz { return try quizSkip(&s) }
        let a = try requireOpen(s)
        let lang = s.lessons.language
        if s.lessons.noSkip || a.lesson.noSkip || a.step.noSkip {
            throw .other(S.t(lang, "skipping is not allowed here" + (s.lessons.noSkip ? " (--no-skip)" : ""), "여기서는 건너뛸 수 없습니다" + (s.lessons.noSkip ? " (--no-skip)" : "")))
        }
        // A skipped task or prediction still happens (its reference solution runs), so later steps find the state
        // they expect. A skipped question shows its answer, so the learner still learns it.
        var t = ""
        switch a.step.kind {
        case .do:
            for l in a.step.solution {
                let o = runInner(l, &s)
                t += o.stdout + o.stderr
            }
        case .predict:
            if let c = a.step.command {
                let o = runInner(c, &s)
                t += S.t(lang, "running: ", "실행: ") + c + "\n" + o.stdout + o.stderr
                if let q = a.step.answerQuery, let v = try? evaluate(q, s) {
                    t += S.t(lang, "outcome: ", "결과: ") + shown(v, a.step.answerKind, lang) + "\n"
                }
            }
        case .ask:
            if let q = a.step.answerQuery, let v = try? evaluate(q, s) {
                t += S.t(lang, "The answer: ", "정답: ") + shown(v, a.step.answerKind, lang) + "\n"
            }
        case .read: break
        }
        if !a.record.skipped.contains(a.step.id) { s.lessons.active?.record.skipped.append(a.step.id) }
        s.lessons.active?.skippedSteps += 1
        s.lessons.active?.skippedNow.append(a.step.id)
        return t + S.t(lang, "skipped step \(a.step.id)\n", "\(a.step.id) 단계를 건너뛰었습니다\n") + advance(&s, passed: false)
    }

    public static func restart(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireActive(s)
        return try start(a.lesson, &s, resume: false)
    }

    public static func quit(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireActive(s)
        var t = persist(&s)
        s.lessons.active = nil
        if let m = s.lessons.savedMachine {
            s.kernel = m.kernel
            s.variables = m.variables
            s.undoStack = m.undoStack
            s.lessons.savedMachine = nil
            t += SessionStrings.machineBack(m.variables.keys.filter { $0 != "_" }.sorted(), s.lessons.language)
        }
        return S.t(s.lessons.language, "left lesson \(a.lesson.id); 'lesson start \(a.lesson.id)' resumes it\n",
                   "레슨에서 나왔습니다(\(a.lesson.id)). 'lesson start \(a.lesson.id)'로 이어서 할 수 있습니다\n") + t
    }

    public static func whereAmI(_ s: ShellSession) throws(CommandError) -> String {
        let a = try requireActive(s)
        let lang = s.lessons.language
        var t = S.t(lang, "Lesson: ", "레슨: ") + "\(a.lesson.id) — \(a.lesson.title.text(lang))\n"
        if a.completed { return t + S.t(lang, "complete\n", "완료\n") }
        t += stepText(s)
        return t
    }

    // MARK: progress

    static func loadProgress(_ s: inout ShellSession) {
        guard !s.lessons.progressLoaded else { return }
        s.lessons.progressLoaded = true
        guard let path = s.lessons.progressPath else { return }
        switch ProgressStore.load(path, in: s.files) {
        case .missing: break
        case .loaded(let f): s.lessons.progress = f
        case .corrupt(let why): s.lessons.progressCorrupt = why
        }
    }

    /// Copies the active lesson's record into the progress file and saves it. Returns a warning to show, if any.
    static func persist(_ s: inout ShellSession) -> String {
        loadProgress(&s)
        if let a = s.lessons.active { s.lessons.progress.lessons[a.lesson.id] = a.record }
        return save(&s)
    }

    static func save(_ s: inout ShellSession) -> String {
        guard let path = s.lessons.progressPath else { return "" }
        if let why = s.lessons.progressCorrupt {
            guard !s.lessons.corruptReported else { return "" }
            s.lessons.corruptReported = true
            return S.t(s.lessons.language, "warning: the progress file \(path) cannot be read (\(why)); it is kept as it is and progress is not saved in this session\n",
                       "경고: 진행 기록 파일을 읽을 수 없습니다: \(path) (\(why)). 파일은 그대로 두고 이번 세션의 진행은 저장하지 않습니다\n")
        }
        do throws(CommandError) {
            try ProgressStore.save(s.lessons.progress, to: path, in: s.files)
            return ""
        } catch {
            return "warning: " + error.message + "\n"
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

extension ShellSession {
    /// End of input (Ctrl-D at the prompt, the end of a piped script): a lesson under way keeps its place — its
    /// progress is saved — and the learner is told how to come back to it. Empty when no lesson is under way.
    public mutating func endOfInput() -> String {
        guard let a = lessons.active, !a.completed else { return "" }
        let warning = LessonEngine.persist(&self)
        let kept = lessons.progressPath != nil && lessons.progressCorrupt == nil
        return Message.lessonPaused(a.lesson.id, step: a.stepIndex + 1, of: a.lesson.steps.count, stepID: a.step.id, kept: kept)
            .text(lessons.language) + "\n" + warning
    }
}

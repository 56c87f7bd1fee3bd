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
            throw .localized(.lessonQueryFailed(query, error.text, column: error.column))
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
            s.lessons.savedMachine = SavedMachine(kernel: session.kernel, variables: session.variableStore, undoStack: session.undoStack)
            // Said only when there is something to lose: named results or an undo history.
            let names = session.variables.keys.filter { $0 != "_" }.sorted()
            if !names.isEmpty || !session.undoStack.isEmpty { text = Message.machinePutAside(names).text(lang) + "\n" + text }
        }
        if let q = session.lessons.quiz, !q.done {
            s.lessons.quiz = nil
            text = Message.quizClosed.text(lang) + "\n" + text
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
            if !o.succeeded { throw .localized(.lessonSetupFailed(lesson.id, line: line, why: o.stderr.trimmingWhitespace())) }
        }
        var record = s.lessons.progress.lessons[lesson.id] ?? LessonProgress()
        var active = ActiveLesson(lesson: lesson, record: record)
        var text = Message.lessonHeading(lesson.title.text(lang)).text(lang) + "\n" + display(lesson.summary.text(lang), s).trimmingTrailingNewlines() + "\n"
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
                    if !o.succeeded { throw .localized(.lessonResumeFailed(lesson.id, line: l, why: o.stderr.trimmingWhitespace())) }
                }
            }
            active.stepIndex = target
            text += Message.lessonResumedAt(step: target + 1).text(lang)
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
        var t = Message.lessonStepHeading(a.stepIndex + 1, of: a.lesson.steps.count, kind: st.kind, id: st.id).text(lang) + "\n"
        t += display(st.text.text(lang), s).trimmingTrailingNewlines() + "\n"
        switch st.kind {
        case .read:
            t += Message.lessonReadGoOn.text(lang) + "\n"
        case .do:
            t += Message.lessonTaskGoOn.text(lang) + "\n"
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
            t += "\n" + Message.lessonComplete(a.lesson.title.text(lang)).text(lang) + "\n"
            t += Message.lessonRecapHeading.text(lang) + "\n" + display(a.lesson.recap.text(lang), s).trimmingTrailingNewlines() + "\n"
            t += Message.lessonRecapAgain.text(lang)
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
        return "✓ " + Message.taskDone(a.step.id).text(lang) + "\n" + advance(&s, passed: true)
    }

    static func requireActive(_ s: ShellSession) throws(CommandError) -> ActiveLesson {
        guard let a = s.lessons.active else {
            throw .other(Message.noLessonUnderWay.text(s.lessons.language))
        }
        return a
    }

    static func requireOpen(_ s: ShellSession) throws(CommandError) -> ActiveLesson {
        let a = try requireActive(s)
        if a.completed {
            throw .other(Message.lessonAlreadyComplete(a.lesson.id).text(s.lessons.language))
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
            throw .other(Message.stepAsksNoQuestion(st.id, isTask: st.kind == .do).text(lang))
        }
        guard !raw.trimmingWhitespace().isEmpty else {
            throw .other(Message.answerWhat.text(lang))
        }
        s.lessons.active?.countTry()
        if st.kind == .ask {
            let expected = try evaluate(query, s)
            guard let want = AnswerMatcher.expected(expected, st.answerKind) else {
                throw .localized(.lessonAnswerTypeMismatch(a.lesson.id, step: st.id, type: expected.typeName, kind: st.answerKind.rawValue))
            }
            let got = AnswerMatcher.normalize(raw, st.answerKind)
            if got == want {
                return "✓ " + Message.answerCorrect(shown(expected, st.answerKind, lang)).text(lang) + "\n" + advance(&s, passed: true)
            }
            return reject(raw, got: got, st, &s)
        }
        // predict: the dry run on a copy gives the answer; then the command runs for real.
        guard let command = st.command else { throw .localized(.lessonStepHasNoCommand(st.id)) }
        var copy = s
        let dry = runInner(command, &copy)
        // A refused operation (a double free shown on purpose) is an outcome to predict, not a broken step.
        if !dry.succeeded && !dry.refused { throw .localized(.lessonPredictCommandFails(a.lesson.id, step: st.id, command: command, why: dry.stderr.trimmingWhitespace())) }
        let expected = try evaluate(query, copy)
        guard let want = AnswerMatcher.expected(expected, st.answerKind) else {
            throw .localized(.lessonAnswerTypeMismatch(a.lesson.id, step: st.id, type: expected.typeName, kind: st.answerKind.rawValue))
        }
        let got = AnswerMatcher.normalize(raw, st.answerKind)
        guard got != nil else {
            return reject(raw, got: nil, st, &s)
        }
        let real = runInner(command, &s)
        var t = Message.lessonRunning(command).text(lang) + "\n" + real.stdout + real.stderr
        let actual = shown((try? evaluate(query, s)) ?? expected, st.answerKind, lang)
        t += Message.predictedAndOutcome(raw.trimmingWhitespace(), outcome: actual).text(lang) + "\n"
        if got == want {
            t += "✓ " + Message.predictionRight.text(lang) + "\n"
            return t + advance(&s, passed: true)
        }
        s.lessons.active?.failedChecks += 1
        s.lessons.active?.record.failedChecks += 1
        t += "✗ " + Message.predictionWrong.text(lang) + "\n"
        if let f = feedback(raw, st) { t += display(f.text(lang), s).trimmingTrailingNewlines() + "\n" }
        return t + advance(&s, passed: false)
    }

    /// A right answer as the learner would write it: hex for hex answers, yes/no for yes-no questions.
    static func shown(_ v: QueryValue, _ kind: AnswerKind, _ lang: LessonLanguage) -> String {
        switch (kind, v) {
        case (.hex, .int(let n)): return Format.hex(n)
        case (.yesNo, .bool(let b)): return (b ? Message.answerYes : Message.answerNo).text(lang)
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
            t = "✗ " + Message.answerNotQuite.text(lang) + "\n"
            if let f = feedback(raw, st) { t += display(f.text(lang), s).trimmingTrailingNewlines() + "\n" }
            t += Message.answerTryAgain.text(lang) + "\n"
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
                ? Message.nextNeedsTask.text(lang)
                : Message.nextNeedsAnswer.text(lang))
        }
    }

    public static func back(_ s: inout ShellSession) throws(CommandError) -> String {
        var a = try requireActive(s)
        guard a.stepIndex > 0 || a.completed else { throw .other(Message.lessonFirstStep.text(s.lessons.language)) }
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
        guard !st.hints.isEmpty else { return Message.noHints.text(lang) }
        guard shown < st.hints.count else {
            return Message.noMoreHints(st.hints.count).text(lang)
        }
        s.lessons.active?.record.hints[st.id] = shown + 1
        s.lessons.active?.hintsNow[st.id, default: 0] += 1
        return Message.hintLine(shown + 1, of: st.hints.count, display(st.hints[shown].text(lang), s).trimmingTrailingNewlines()).text(lang) + "\n" + persist(&s)
    }

    public static func check(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        let lang = s.lessons.language
        switch a.step.kind {
        case .read: return Message.checkNothingOnRead.text(lang)
        case .ask, .predict: return Message.checkWhenAnswered.text(lang)
        case .do:
            // A goal that cannot be evaluated yet (no $p so far) is simply not reached.
            let v = try? evaluate(a.step.goal ?? "false", s)
            s.lessons.active?.countTry()
            if v == .bool(true) { return "✓ " + Message.taskDone(a.step.id).text(lang) + "\n" + advance(&s, passed: true) }
            s.lessons.active?.failedChecks += 1
            s.lessons.active?.record.failedChecks += 1
            return "✗ " + Message.taskNotYet.text(lang) + "\n" + unmet(a.step, s) + persist(&s)
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
                t += Message.unmetNoVariable(name).text(lang)
                break
            }
            do throws(CommandError) { v = try evaluate(c.query, s) } catch {
                t += Message.unmetCannotCheck(c.query).text(lang)
                break
            }
            if v == .bool(true) { continue }
            if let m = c.message { t += "  · " + display(m.text(lang), s).trimmingTrailingNewlines() + "\n" } else {
                t += Message.unmetNotTrue(c.query).text(lang)
            }
            break
        }
        t += Message.theTaskHeading.text(lang) + display(st.text.text(lang), s).trimmingTrailingNewlines() + "\n"
        return t
    }

    public static func goal(_ s: ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        var t = stepText(s)
        if a.step.kind == .do, let g = a.step.goal { t += Message.doneWhen(g).text(s.lessons.language) + "\n" }
        return t
    }

    public static func solution(_ s: inout ShellSession) throws(CommandError) -> String {
        let a = try requireOpen(s)
        let lang = s.lessons.language
        if !a.record.solutions.contains(a.step.id) { s.lessons.active?.record.solutions.append(a.step.id) }
        var t = Message.referenceSolution(a.step.id).text(lang)
        for l in a.step.solution { t += "    " + l + "\n" }
        return t + persist(&s)
    }

    public static func skip(_ s: inout ShellSession) throws(CommandError) -> String {
        if openQuestion(s) == .quiz { return try quizSkip(&s) }
        let a = try requireOpen(s)
        let lang = s.lessons.language
        if s.lessons.noSkip || a.lesson.noSkip || a.step.noSkip {
            throw .other(Message.skipNotAllowed(byFlag: s.lessons.noSkip).text(lang))
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
                t += Message.lessonRunning(c).text(lang) + "\n" + o.stdout + o.stderr
                if let q = a.step.answerQuery, let v = try? evaluate(q, s) {
                    t += Message.lessonOutcome(shown(v, a.step.answerKind, lang)).text(lang) + "\n"
                }
            }
        case .ask:
            if let q = a.step.answerQuery, let v = try? evaluate(q, s) {
                t += Message.skippedAnswer(shown(v, a.step.answerKind, lang)).text(lang) + "\n"
            }
        case .read: break
        }
        if !a.record.skipped.contains(a.step.id) { s.lessons.active?.record.skipped.append(a.step.id) }
        s.lessons.active?.skippedSteps += 1
        s.lessons.active?.skippedNow.append(a.step.id)
        return t + Message.skippedStep(a.step.id).text(lang) + advance(&s, passed: false)
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
            // The variables with their undo log: the history given back goes with them.
            s.variableStore = m.variables
            s.undoStack = m.undoStack
            s.lessons.savedMachine = nil
            t += Message.machineBack(m.variables.values.keys.filter { $0 != "_" }.sorted()).text(s.lessons.language) + "\n"
        }
        return Message.leftLesson(a.lesson.id).text(s.lessons.language) + t
    }

    public static func whereAmI(_ s: ShellSession) throws(CommandError) -> String {
        let a = try requireActive(s)
        let lang = s.lessons.language
        var t = Message.lessonHeading("\(a.lesson.id) — \(a.lesson.title.text(lang))").text(lang) + "\n"
        if a.completed { return t + Message.lessonCompleteShort.text(lang) }
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
            return Message.progressNotSavedThisSession(path, why: why).text(s.lessons.language) + "\n"
        }
        do throws(CommandError) {
            try ProgressStore.save(s.lessons.progress, to: path, in: s.files)
            return ""
        } catch {
            return Message.progressSaveFailed(error.catalogMessage).text(s.lessons.language) + "\n"
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

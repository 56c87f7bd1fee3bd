import KernelMM

/// The lesson engine as a layer around the shell: it sees each line before it runs (a bare answer at an open
/// question becomes `answer LINE`; a step's forbidden commands and commands that would break the lesson are refused)
/// and each outcome after (a `do` step's goal is checked after every command of the learner's).
extension LessonEngine {
    /// The question a bare answer goes to: a quiz under way, else an open lesson's ask/predict step. A finished
    /// lesson steps aside.
    enum OpenQuestion { case quiz, lesson }

    static func openQuestion(_ s: ShellSession) -> OpenQuestion? {
        if let q = s.lessons.quiz, !q.done { return .quiz }
        if s.lessons.active?.awaitsAnswer == true { return .lesson }
        return nil
    }

    /// Runs `text` through `run` with the lesson watching.
    static func around(_ text: String, source: String?, line: Int, _ shell: inout Shell, _ run: (inout Shell, String) -> LineOutcome) -> LineOutcome {
        // No lesson or quiz (every script line of an autograder): nothing to watch, and the line is parsed once, by
        // the shell.
        if shell.session.lessons.active == nil && shell.session.lessons.quiz == nil { return run(&shell, text) }
        let text = bareAnswer(text, shell.session, shell.commands) ?? text
        if shell.session.lessons.active?.completed == false, let p = try? LineParser.parse(text), let spec = shell.commands.lookup(p.command),
           let e = refusal(spec.name, shell.session) {
            var o = shell.fail(e, text: text, source: source, line: line)
            o.command = spec
            return o
        }
        var out = run(&shell, text)
        // A lesson command (answer, skip, next…) moves the lesson itself; anything else may reach a task's goal,
        // a refused operation too (the BUG report of a double free is often the task).
        guard let spec = out.command, spec.family != .lessons, out.succeeded || out.refused else { return out }
        let lessonText = afterCommand(&shell.session)
        guard !lessonText.isEmpty else { return out }
        if out.record != nil { out.record?.append(("lesson", .string(lessonText))) } else { out.stdout += lessonText }
        return out
    }

    /// At an open question, a line that is not a command is the answer: `9`, `Normal`, `yes`.
    static func bareAnswer(_ text: String, _ s: ShellSession, _ commands: CommandTable) -> String? {
        guard openQuestion(s) != nil else { return nil }
        let t = text.trimmingWhitespace()
        guard !t.isEmpty, !t.hasPrefix("#") else { return nil }
        if let p = try? LineParser.parse(t), commands.lookup(p.command) != nil { return nil }
        // A mistyped command ("aloc_pages GFP_KERNEL 2") should get "did you mean", not count as a wrong answer.
        let words = t.split(separator: " ")
        if words.count >= 2, let first = words.first, first.allSatisfy(LineParser.isWordChar), !(first.first?.isNumber ?? true),
           Suggest.closest(String(first), in: commands.allNames) != nil { return nil }
        return "answer " + t
    }

    /// Commands that an open lesson refuses: the current step's `forbid` list, and `boot`, which would swap the
    /// lesson's machine for another one the lesson's text does not describe.
    static func refusal(_ name: String, _ s: ShellSession) -> CommandError? {
        guard let a = s.lessons.active, !a.completed else { return nil }
        let lang = s.lessons.language
        if a.step.forbid.contains(name) {
            return .other(Message.stepForbidsCommand(a.step.id, command: name).text(lang))
        }
        // A step whose own solution reboots (a lesson that moves to another machine) allows it.
        let stepReboots = a.step.solution.contains { $0.trimmingWhitespace().hasPrefix(name) }
        if (name == "boot" || name == "reset") && !stepReboots {
            return .other(Message.lessonOwnMachine(a.lesson.id, command: name).text(lang))
        }
        return nil
    }
}

import KernelMM

/// The lesson side of a shell session: settings, the lesson under way, and the learner's progress.
public struct LessonState: Sendable {
    public var language: LessonLanguage = .en
    /// `--no-skip`: `skip` is refused in every lesson.
    public var noSkip = false
    /// Where progress is saved; nil keeps it in memory (headless runs, tests).
    public var progressPath: String?
    /// Where lesson files are found; nil = `LessonCatalog.defaultDirectory()`.
    public var directory: String?
    public var active: ActiveLesson?
    /// A quiz waiting for answers (outside lessons).
    public var quiz: Quiz?
    public var progress = ProgressFile()
    /// The learner's own machine while a lesson runs on its machine: `lesson quit` gives it back.
    var savedMachine: SavedMachine?
    var progressLoaded = false
    /// Why the progress file could not be read; while set, the file is never written.
    public internal(set) var progressCorrupt: Message?
    var corruptReported = false
    public init() {}
}

/// The lesson being followed and where the learner is in it.
public struct ActiveLesson: Sendable {
    public var lesson: Lesson
    public var stepIndex = 0
    public var record: LessonProgress
    /// Wrong answers and failed checks since this lesson was started (what `lesson run` grades).
    public var failedChecks = 0
    public var completed = false
    /// Answers given and checks made at each step since the lesson was started, by step id (`lesson run --json`).
    public var tries: [String: Int] = [:]
    /// Steps skipped since this lesson was started (a headless run does not call a skipped lesson passed).
    public var skippedSteps = 0
    /// Steps passed, hints shown and steps skipped since this lesson was started (the record also holds earlier sessions').
    public var passedNow: [String] = []
    public var hintsNow: [String: Int] = [:]
    public var skippedNow: [String] = []

    mutating func countTry() { tries[step.id, default: 0] += 1 }

    public var step: LessonStep { lesson.steps[min(stepIndex, lesson.steps.count - 1)] }
    /// At an `ask` or `predict` step waiting for an answer.
    public var awaitsAnswer: Bool { !completed && (step.kind == .ask || step.kind == .predict) }
}

/// A learner's machine put aside while a lesson runs: the kernel, the named results and the undo history.
struct SavedMachine: Sendable {
    var kernel: Kernel
    var variables: ShellVariables
    var undoStack: UndoHistory
}

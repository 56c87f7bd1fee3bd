import KernelMM

/// A text in English and Korean.
public struct LocalizedText: Sendable, Equatable {
    public var en: String?
    public var ko: String?
    public init(en: String? = nil, ko: String? = nil) {
        self.en = en
        self.ko = ko
    }
    public func text(_ lang: LessonLanguage) -> String {
        switch lang {
        case .ko: ko ?? en ?? ""
        case .en: en ?? ko ?? ""
        }
    }
}

/// How an `ask` answer is read and compared with the value of its query.
public enum AnswerKind: String, Sendable, CaseIterable {
    /// A number (decimal, 0x hex, or a size like 4K) equal to the query's number.
    case number
    /// The same, for addresses and PFNs, shown in hex.
    case hex
    /// A name (zone, migrate type, flag…), compared without case and without a ZONE_/MIGRATE_ prefix.
    case name
    /// Items separated by commas or spaces, compared as a set with the query's list.
    case list
    /// yes/no (y, n, true, false, 예, 아니요, 네, 아니오) against a true/false query.
    case yesNo = "yes-no"
}

/// A step of a lesson. Its `id` is stable: progress files and wrong-answer lists refer to it.
public struct LessonStep: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Text to read; `next` goes on.
        case read
        /// A task: passes as soon as `goal` (a query) is true after any command.
        case `do`
        /// A question: the answer is compared with `answer.query` evaluated on the live state.
        case ask
        /// "What will CMD do?": the answer is the query's value after CMD runs on a copy; then CMD runs for real.
        case predict
    }
    public struct Feedback: Sendable {
        /// The wrong answer this feedback is for, as typed (compared the way the answer kind compares).
        public var answer: String
        public var text: LocalizedText
    }

    public var id: String
    public var kind: Kind
    public var text: LocalizedText
    /// One condition of a `do` step's goal, with what to tell a learner for whom it does not hold yet.
    public struct GoalClause: Sendable {
        public var query: String
        public var message: LocalizedText?
    }
    /// `do`: the predicate that finishes the step (a list goal's clauses joined with &&).
    public var goal: String?
    /// `do`: the goal's conditions. A goal written as one query is split at its top-level `&&`, so `check` can say
    /// which part does not hold yet; a goal written as a list may give each part a message.
    public var goalClauses: [GoalClause] = []
    /// `do`: commands not allowed during this step (e.g. `boot`, `drain_all_pages`).
    public var forbid: [String] = []
    /// `ask`/`predict`: how to read the answer and the query that gives the right one.
    public var answerKind: AnswerKind = .number
    public var answerQuery: String?
    /// `predict`: the command whose outcome is predicted.
    public var command: String?
    public var hints: [LocalizedText] = []
    public var feedback: [Feedback] = []
    /// The reference solution of this step: lines a learner would type (commands and answers).
    public var solution: [String] = []
    /// Answers that must be rejected (checked by `lesson check`).
    public var wrong: [String] = []
    public var noSkip = false
    /// Line of the step in its file, for `lesson check` messages.
    public var line: Int = 0
}

/// A lesson, read from a file in `lessons/`.
public struct Lesson: Sendable {
    public var id: String
    public var file: String
    public var title: LocalizedText
    public var summary: LocalizedText
    /// Boot parameters as `key=value` items (arch, mem, cpus, slab, and options such as pcp=off).
    public var machine: [String] = []
    /// `start: FILE.json`: a session saved with `save FILE` that the lesson starts from instead of booting `machine`
    /// (its machine, memory state and `$variables`), as written in the file and resolved against the lesson file's
    /// directory; loaded and checked as `load FILE` checks it, each time the lesson starts.
    public var start: String?
    public var startPath: String?
    public var startLine = 0
    public var setup: [String] = []
    public var steps: [LessonStep] = []
    /// The recap shown at the end; `lesson summary` reopens it.
    public var recap: LocalizedText
    public var noSkip = false

    /// The whole reference solution, step after step.
    public var referenceSolution: [String] { steps.flatMap(\.solution) }

    public func bootParams() throws(CommandError) -> BootParams {
        var p = BootParams()
        try BootParamParser.apply(machine, to: &p)
        return p
    }

    public func stepIndex(_ id: String) -> Int? { steps.firstIndex { $0.id == id } }
}

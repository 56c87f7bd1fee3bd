import KernelMM

/// The bounds kmemsim puts on what it is given, so that no input can exhaust the stack, the memory or the time of
/// the machine it runs on. Each limit is generous for real use and named in the error that enforces it.
public enum Limits {
    /// Nesting of brackets, unary operators and `not` in a query (each level is a recursion of the parser and the
    /// evaluator).
    public static let queryNesting = 64
    /// Operators and calls in one query: a chain `1+1+…` is a tree as deep as it is long.
    public static let queryNodes = 256
    /// Nesting of `(` and `~` in a gfp mask.
    public static let gfpNesting = 64
    /// Nesting of `[`/`{` in a YAML file (lessons, progress): Yams recurses once per level.
    public static let yamlNesting = 100
    /// One input line (a typed line, a script line, a lesson answer).
    public static let lineBytes = 1 << 20
    /// One file read whole: a script, a lesson, a progress file, a saved session.
    public static let fileBytes = 64 << 20
    /// Words longer than this get no "did you mean" by edit distance (only prefix matches).
    public static let suggestionWord = 200
}

/// What kmemsim says when a limit is reached, in English and Korean (to move into the message catalog).
public enum LimitMessages {
    static func queryTooDeep(_ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "the expression is nested too deeply (more than \(Limits.queryNesting) levels of brackets or operators); split it with variables: x = print …",
            "식이 너무 깊게 중첩되어 있습니다(괄호나 연산자가 \(Limits.queryNesting)단계를 넘습니다). 변수로 나누어 쓰세요: x = print …")
    }
    static func queryTooLong(_ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "the expression is too long (more than \(Limits.queryNodes) operators and calls); split it with variables: x = print …",
            "식이 너무 깁니다(연산자와 함수 호출이 \(Limits.queryNodes)개를 넘습니다). 변수로 나누어 쓰세요: x = print …")
    }
    static func gfpTooDeep(_ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "nested too deeply (more than \(Limits.gfpNesting) levels of '(' or '~')",
            "너무 깊게 중첩되어 있습니다('('나 '~'가 \(Limits.gfpNesting)단계를 넘습니다)")
    }
    static func yamlTooDeep(_ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "the YAML is nested more than \(Limits.yamlNesting) levels deep; no lesson or progress file needs that many",
            "YAML이 \(Limits.yamlNesting)단계보다 깊게 중첩되어 있습니다. 레슨 파일이나 진행 파일에는 그렇게 깊은 구조가 필요 없습니다")
    }
    public static func lineTooLong(_ bytes: Int, _ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "the line is \(bytes) bytes long; kmemsim reads lines of at most \(Limits.lineBytes) bytes (1 MiB)",
            "줄 길이가 \(bytes)바이트입니다. kmemsim은 한 줄을 최대 \(Limits.lineBytes)바이트(1 MiB)까지 읽습니다")
    }
    static func fileTooLarge(_ path: String, _ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "\(path) is larger than \(Limits.fileBytes >> 20) MiB, the most kmemsim reads from one file",
            "\(path)의 크기가 \(Limits.fileBytes >> 20) MiB를 넘습니다. kmemsim이 파일 하나에서 읽는 최대 크기입니다")
    }
    static func logDropped(_ n: Int, _ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "kmemsim: \(n) older report\(n == 1 ? " was" : "s were") dropped: the log keeps the newest \(KernelLog.capacity), as the kernel's ring buffer overwrites its oldest lines",
            "kmemsim: 오래된 보고 \(n)개가 버려졌습니다. 커널의 링 버퍼가 가장 오래된 줄부터 덮어쓰듯, 로그는 최근 \(KernelLog.capacity)개만 보관합니다")
    }
}

/// `task create` when copy_process() runs out of memory.
enum TaskMessages {
    static func forkFailed(_ name: String, _ lang: LessonLanguage) -> String {
        LessonStrings.t(lang, "task create \(name): kernel_clone() returned -ENOMEM: no kernel stack could be allocated (see the report above); copy_process() gave back the task_struct and everything else it had taken",
            "task create \(name): kernel_clone()이 -ENOMEM을 반환했습니다. 커널 스택을 할당하지 못했습니다(위의 보고를 보세요). copy_process()는 task_struct를 비롯해 그때까지 잡은 것을 모두 돌려주었습니다")
    }
}

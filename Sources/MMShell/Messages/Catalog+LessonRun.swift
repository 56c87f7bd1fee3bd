/// The closing line of a headless `kmemsim lesson run` (what a grader reads) and the runner's own errors, in both
/// languages. The lesson id and step id stay as they are.
extension Message {
    static func lessonRunSummary(_ id: String, completed: Bool, stoppedAt: String?, failed: Int, skipped: Int, allowSkip: Bool) -> Message {
        var en = "lesson \(id): " + (completed ? "completed" : "not completed (stopped at step \(stoppedAt ?? "?"))")
            + ", \(failed) failed check\(failed == 1 ? "" : "s")"
        var ko = "레슨 \(id): " + (completed ? "완료" : "미완료 (\(stoppedAt ?? "?") 단계에서 멈춤)") + ", 실패한 확인 \(failed)번"
        if skipped > 0 {
            en += ", \(skipped) skipped step\(skipped == 1 ? "" : "s")"
                + (allowSkip ? " (allowed: --allow-skip)" : " (a skipped lesson is not passed; --allow-skip allows it)")
            ko += ", 건너뛴 단계 \(skipped)개"
                + (allowSkip ? " (--allow-skip로 허용됨)" : " (건너뛴 단계가 있으면 통과가 아닙니다. 허용하려면 --allow-skip)")
        }
        return Message(en: en, ko: ko)
    }

    public static let lessonRunUsage = Message(en: "usage: kmemsim lesson run ID|FILE.yaml < answers.txt",
                                               ko: "사용법: kmemsim lesson run ID|FILE.yaml < answers.txt")
    public static let lessonCheckUsage = Message(en: "usage: kmemsim lesson check FILE…", ko: "사용법: kmemsim lesson check FILE…")
    public static let lessonMainUsage = Message(en: "lesson list | lesson run ID | lesson check FILE…",
                                                ko: "lesson list | lesson run ID | lesson check FILE…")

    public static func lessonRunNoLesson(_ id: String, directory: String, ids: [String]) -> Message {
        let list = ids.joined(separator: " ")
        return Message(en: "no lesson '\(id)' in \(directory); lessons: \(list)", ko: "\(directory)에 '\(id)' 레슨이 없습니다. 레슨 목록: \(list)")
    }

    static let cannotBoot = Message(en: "cannot boot", ko: "부팅할 수 없습니다")
}

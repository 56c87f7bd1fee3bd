/// The lesson engine's prompts about answers, whole per language and per answer kind.
///
/// Korean needs the particle of the noun it follows (숫자로, 이름으로), so each kind's phrase is written out with its
/// own particle instead of gluing `(으)로` after a slot.
extension Message {
    /// "(answer with a number: 'answer X' or just X)".
    static func answerPrompt(_ k: AnswerKind) -> Message {
        Message(en: "(answer with \(answerHowEnglish(k)): 'answer X' or just X)",
                ko: "(\(answerWithKorean(k)) 답하세요\(koreanHexAside(k)): 'answer X' 또는 X만 입력)")
    }

    /// "(predict with a number: 'answer X'; then the command runs and you see both)".
    static func predictPrompt(_ k: AnswerKind) -> Message {
        Message(en: "(predict with \(answerHowEnglish(k)): 'answer X'; then the command runs and you see both)",
                ko: "(\(answerWithKorean(k)) 예측하세요\(koreanHexAside(k)): 'answer X'. 그다음 명령이 실행되고 둘을 비교합니다)")
    }

    /// An answer that is not of the step's kind.
    static func unreadableAnswer(_ raw: String, _ k: AnswerKind) -> Message {
        Message(en: "I cannot read '\(raw)' as \(answerHowEnglish(k))",
                ko: "읽을 수 없는 답입니다: '\(raw)'. \(answerWithKorean(k)) 답하세요\(koreanHexAside(k))")
    }

    static func answerHowEnglish(_ k: AnswerKind) -> String {
        switch k {
        case .number: "a number"
        case .hex: "a number (hex like 0x1000 is fine)"
        case .name: "a name"
        case .list: "a list, items separated by commas"
        case .yesNo: "yes or no"
        }
    }

    /// The kind with its instrumental particle, as the object of 답하세요/예측하세요.
    static func answerWithKorean(_ k: AnswerKind) -> String {
        switch k {
        case .number, .hex: "숫자로"
        case .name: "이름으로"
        case .list: "쉼표로 구분한 목록으로"
        case .yesNo: "예 또는 아니요로"
        }
    }

    static func koreanHexAside(_ k: AnswerKind) -> String {
        switch k {
        case .hex: " (0x1000 같은 16진수도 됩니다)"
        case .yesNo: " (yes/no도 됩니다)"
        default: ""
        }
    }
}

/// `lesson list`'s lines under the table.
extension Message {
    /// End of input (Ctrl-D) in the middle of a lesson.
    static func lessonPaused(_ id: String, step: Int, of count: Int, stepID: String, kept: Bool) -> Message {
        kept ? Message(en: "lesson \(id) paused at step \(step) of \(count) (\(stepID)); your progress is saved: 'lesson start \(id)' picks it up there",
                       ko: "레슨 \(id): \(count)단계 중 \(step)단계(\(stepID))에서 멈췄습니다. 진행 상황은 저장되었습니다. 'lesson start \(id)' 명령으로 그 자리에서 이어서 할 수 있습니다")
             : Message(en: "lesson \(id) stopped at step \(step) of \(count) (\(stepID)); progress is not kept in this session, so 'lesson start \(id)' starts it again",
                       ko: "레슨 \(id): \(count)단계 중 \(step)단계(\(stepID))에서 멈췄습니다. 이번 세션은 진행 상황을 저장하지 않으므로 'lesson start \(id)' 명령은 처음부터 시작합니다")
    }

    /// A lesson's `start:` file cannot be loaded (missing, unreadable, not a saved session, inconsistent).
    static func lessonStartFileFailed(lesson: String, file: String, line: Int, lessonFile: String, why: String) -> Message {
        Message(en: "lesson \(lesson) cannot start from '\(file)' (start: at line \(line) of \(lessonFile); the path is relative to the lesson file): \(why). Fix the path, or save the session again with 'save FILE'",
                ko: "레슨 \(lesson): '\(file)'에서 시작할 수 없습니다(\(lessonFile)의 \(line)번째 줄 start:, 경로는 레슨 파일이 있는 디렉터리 기준입니다). 이유: \(why). 경로를 고치거나 'save FILE'로 세션을 다시 저장하세요")
    }

    static func noLessonsFound(_ dir: String) -> Message {
        Message(en: "no lessons found in \(dir) (set KMEMSIM_LESSONS to the lessons directory)",
                ko: "\(dir)에서 레슨을 찾지 못했습니다 (KMEMSIM_LESSONS를 레슨 디렉터리로 설정하세요)")
    }

    static func lessonFilesHaveProblems(_ n: Int, directory: String) -> Message {
        Message(en: "\(n) lesson file(s) have problems; 'kmemsim lesson check \(directory)/*.yaml' explains",
                ko: "레슨 파일 \(n)개에 문제가 있습니다. 'kmemsim lesson check \(directory)/*.yaml'이 자세히 알려 줍니다")
    }

    static func progressUnreadable(_ path: String, why: String) -> Message {
        Message(en: "warning: the progress file \(path) cannot be read (\(why)); it is kept as it is",
                ko: "경고: 진행 기록 파일을 읽을 수 없습니다: \(path) (\(why)). 파일은 그대로 둡니다")
    }
}

/// What is wrong with a lesson or glossary file (LessonDecoder, Glossary), in both languages: what an author sees
/// from `lesson start FILE.yaml` at the prompt. Keys and YAML stay as they are written in the file.
extension Message {
    static func lessonNotValidYAML(_ why: String) -> Message {
        Message(en: "not valid YAML: \(why)", ko: "올바른 YAML이 아닙니다: \(why)")
    }

    static let lessonNotAMapping = Message(en: "a lesson file is a mapping with id, title, summary, machine, steps, recap",
                                           ko: "레슨 파일은 id, title, summary, machine, steps, recap을 담은 매핑이어야 합니다")

    static func lessonBadID(_ id: String) -> Message {
        Message(en: "id '\(id)' may hold letters, digits, '-' and '_' only", ko: "id에는 글자, 숫자, '-', '_'만 쓸 수 있습니다: '\(id)'")
    }

    static let lessonMachineOrStart = Message(en: "give machine: or start:, not both: a saved session brings its own machine",
                                              ko: "machine:과 start: 중 하나만 쓰세요. 저장된 세션에는 자기 머신이 들어 있습니다")
    static let lessonNeedsSteps = Message(en: "a lesson needs steps: a list of read/do/ask/predict steps",
                                          ko: "레슨에는 steps가 있어야 합니다: read/do/ask/predict 단계의 리스트")

    static func lessonUnknownKey(_ key: String, in what: String, suggestion: String?, allowed: [String]) -> Message {
        if let s = suggestion {
            return Message(en: "unknown key '\(key)' in \(what); did you mean \(s)?", ko: "\(what) 항목에 없는 키입니다: '\(key)'. \(s) 키를 찾으셨나요?")
        }
        let list = allowed.joined(separator: ", ")
        return Message(en: "unknown key '\(key)' in \(what); allowed: " + list, ko: "\(what) 항목에 없는 키입니다: '\(key)'. 쓸 수 있는 키: " + list)
    }

    static func lessonMissing(_ name: String) -> Message { Message(en: "missing '\(name)'", ko: "'\(name)' 키가 없습니다") }

    static func lessonNotText(_ name: String) -> Message {
        Message(en: "'\(name)' must be a non-empty text", ko: "'\(name)' 값은 비어 있지 않은 텍스트여야 합니다")
    }

    static func lessonMissingTexts(_ name: String) -> Message {
        Message(en: "missing '\(name)' (write en: and ko: texts)", ko: "'\(name)' 키가 없습니다(en:과 ko: 텍스트를 쓰세요)")
    }

    static func lessonNeedsBothLanguages(_ name: String) -> Message {
        Message(en: "'\(name)' must have an English and a Korean text: {en: …, ko: …}",
                ko: "'\(name)' 값에는 영어와 한국어 텍스트가 모두 있어야 합니다: {en: …, ko: …}")
    }

    static func lessonNoEnglish(_ name: String) -> Message {
        Message(en: "'\(name)' has no English text (en:)", ko: "'\(name)' 값에 영어 텍스트(en:)가 없습니다")
    }

    static func lessonNoKorean(_ name: String) -> Message {
        Message(en: "'\(name)' has no Korean text (ko:)", ko: "'\(name)' 값에 한국어 텍스트(ko:)가 없습니다")
    }

    static func lessonNoHangul(_ name: String) -> Message {
        Message(en: "'\(name)': the ko: text has no Hangul", ko: "'\(name)': ko: 텍스트에 한글이 없습니다")
    }

    static func lessonNotAList(_ name: String) -> Message { Message(en: "'\(name)' must be a list", ko: "'\(name)' 값은 리스트여야 합니다") }

    static func lessonItemsNotTexts(_ name: String) -> Message {
        Message(en: "'\(name)' items must be texts", ko: "'\(name)' 리스트의 항목은 텍스트여야 합니다")
    }

    static let lessonMachineNotAMapping = Message(en: "machine is a mapping: {arch: x86_64, mem: 1G, cpus: 2, slab: slub, options: [pcp=off]}",
                                                  ko: "machine은 매핑이어야 합니다: {arch: x86_64, mem: 1G, cpus: 2, slab: slub, options: [pcp=off]}")

    static func lessonMachine(_ why: Message) -> Message { Message(en: "machine: " + why.en, ko: "machine: " + why.ko) }

    static let lessonStepNotAMapping = Message(en: "a step is a mapping with id, kind and text", ko: "단계는 id, kind, text를 담은 매핑이어야 합니다")

    static func lessonStepKind(_ id: String, _ kind: String) -> Message {
        Message(en: "step \(id): kind '\(kind)' is not one of read, do, ask, predict",
                ko: "\(id) 단계: kind는 read, do, ask, predict 중 하나여야 합니다: '\(kind)'")
    }

    static func lessonGoalItems(_ id: String) -> Message {
        Message(en: "step \(id): goal items are {query: EXPR, en: …, ko: …} (the texts say what is missing when the query is false)",
                ko: "\(id) 단계: goal 항목은 {query: EXPR, en: …, ko: …} 꼴입니다(텍스트는 식이 거짓일 때 무엇이 빠졌는지 알려 줍니다)")
    }

    static func lessonGoalShape(_ id: String) -> Message {
        Message(en: "step \(id): goal is a query, or a list of {query: EXPR, en: …, ko: …}",
                ko: "\(id) 단계: goal은 식 하나이거나 {query: EXPR, en: …, ko: …}의 리스트입니다")
    }

    static func lessonAnswerKind(_ id: String, _ kind: String, kinds: [String]) -> Message {
        let list = kinds.joined(separator: ", ")
        return Message(en: "step \(id): answer kind '\(kind)' is not one of " + list,
                       ko: "\(id) 단계: answer의 kind는 다음 중 하나여야 합니다: " + list + " (주어진 값: '\(kind)')")
    }

    static func lessonAnswerShape(_ id: String) -> Message {
        Message(en: "step \(id): answer is {kind: number|hex|name|list|yes-no, query: EXPR}",
                ko: "\(id) 단계: answer는 {kind: number|hex|name|list|yes-no, query: EXPR} 꼴입니다")
    }

    static func lessonHintsShape(_ id: String) -> Message {
        Message(en: "step \(id): hints is a list of {en: …, ko: …}", ko: "\(id) 단계: hints는 {en: …, ko: …}의 리스트입니다")
    }

    static func lessonFeedbackShape(_ id: String) -> Message {
        Message(en: "step \(id): feedback items are {answer: WRONG, en: …, ko: …}",
                ko: "\(id) 단계: feedback 항목은 {answer: WRONG, en: …, ko: …} 꼴입니다")
    }

    static func lessonDoNeedsGoal(_ id: String) -> Message {
        Message(en: "step \(id): a do step needs a goal (a query that is true when the task is done)",
                ko: "\(id) 단계: do 단계에는 goal(과제를 마치면 참이 되는 식)이 있어야 합니다")
    }

    static func lessonNeedsAnswer(_ id: String, predict: Bool) -> Message {
        predict
            ? Message(en: "step \(id): a predict step needs answer: {kind: …, query: …}", ko: "\(id) 단계: predict 단계에는 answer: {kind: …, query: …}가 있어야 합니다")
            : Message(en: "step \(id): an ask step needs answer: {kind: …, query: …}", ko: "\(id) 단계: ask 단계에는 answer: {kind: …, query: …}가 있어야 합니다")
    }

    static func lessonPredictNeedsCommand(_ id: String) -> Message {
        Message(en: "step \(id): a predict step needs the command whose outcome is predicted",
                ko: "\(id) 단계: predict 단계에는 결과를 예측할 command가 있어야 합니다")
    }

    static func lessonWrongOnlyForQuestions(_ id: String) -> Message {
        Message(en: "step \(id): only ask and predict steps take wrong answers", ko: "\(id) 단계: wrong 답은 ask와 predict 단계에만 쓸 수 있습니다")
    }

    static func lessonNoSolution(_ id: String) -> Message {
        Message(en: "step \(id): no solution: list the lines that complete this step",
                ko: "\(id) 단계: solution이 없습니다. 이 단계를 마치는 줄들을 적으세요")
    }

    // MARK: the glossary file

    static let glossaryCannotRead = Message(en: "cannot read the glossary", ko: "용어집을 읽을 수 없습니다")
    static let glossaryNotAMapping = Message(en: "a glossary is a mapping with 'terms': a list of {term: {en, ko}, also: […], means: {en, ko}}",
                                             ko: "용어집은 'terms'를 담은 매핑이어야 합니다: {term: {en, ko}, also: […], means: {en, ko}}의 리스트")
    static let glossaryTermNotAMapping = Message(en: "a term is a mapping: {term: {en, ko}, also: […], means: {en, ko}}",
                                                 ko: "용어는 매핑이어야 합니다: {term: {en, ko}, also: […], means: {en, ko}}")

    static func glossaryDuplicate(_ key: String, line: Int) -> Message {
        Message(en: "'\(key)' already names the term at line \(line)", ko: "'\(key)' 이름은 이미 \(line)번째 줄의 용어가 쓰고 있습니다")
    }
}

/// A lesson that breaks while it runs (its query, setup or reference line fails): the lesson file's fault, said so.
extension Message {
    static func lessonQueryFailed(_ query: String, _ why: Message, column: Int) -> Message {
        Message(en: "lesson query '\(query)' failed: \(why.en) (column \(column))",
                ko: "레슨의 식이 실패했습니다: '\(query)': \(why.ko) (\(column)번째 글자)")
    }

    static func lessonSetupFailed(_ id: String, line: String, why: String) -> Message {
        Message(en: "lesson \(id): setup line '\(line)' failed: \(why)", ko: "레슨 \(id): setup 줄이 실패했습니다: '\(line)': \(why)")
    }

    static func lessonResumeFailed(_ id: String, line: String, why: String) -> Message {
        Message(en: "cannot resume lesson \(id): replaying '\(line)' failed: \(why)",
                ko: "레슨 \(id) 이어 하기에 실패했습니다. 다시 실행한 줄이 실패했습니다: '\(line)': \(why)")
    }

    static func lessonAnswerTypeMismatch(_ id: String, step: String, type: String, kind: String) -> Message {
        Message(en: "lesson \(id), step \(step): the query gives a \(type), which a \(kind) answer cannot be compared with",
                ko: "레슨 \(id), \(step) 단계: 식의 값(\(type))을 \(kind) 답과 비교할 수 없습니다")
    }

    static func lessonStepHasNoCommand(_ step: String) -> Message {
        Message(en: "step \(step) has no command", ko: "\(step) 단계에 command가 없습니다")
    }

    static func lessonPredictCommandFails(_ id: String, step: String, command: String, why: String) -> Message {
        Message(en: "lesson \(id), step \(step): '\(command)' fails: \(why)", ko: "레슨 \(id), \(step) 단계: 명령이 실패합니다: '\(command)': \(why)")
    }
}

/// A progress file that cannot be read (`lesson import FILE`, or the saved progress at start).
extension Message {
    static func progressNotJSON(_ why: String) -> Message { Message(en: "not JSON: " + why, ko: "JSON이 아닙니다: " + why) }
    static let progressNotAnObject = Message(en: "expected an object with \"version\" and \"lessons\"",
                                             ko: "\"version\"과 \"lessons\"를 담은 객체여야 합니다")
    static let progressUnknownVersion = Message(en: "unknown version (expected \"version\": 1)", ko: "모르는 버전입니다(\"version\": 1이어야 합니다)")
    static let progressNoLessons = Message(en: "missing \"lessons\" object", ko: "\"lessons\" 객체가 없습니다")
    static let progressEntryNotObject = Message(en: "each lesson entry must be an object", ko: "레슨 항목은 모두 객체여야 합니다")
}

/// The quiz's own failures: a question the simulator could not compute is kmemsim's bug; no quiz to answer is the learner's.
extension Message {
    static let noQuizUnderWay = Message(en: "no quiz under way: 'quiz buddy' or 'quiz gfp' starts one",
                                        ko: "진행 중인 퀴즈가 없습니다. 'quiz buddy'나 'quiz gfp'로 시작하세요")

    static func quizLineFailed(_ line: String, _ why: String) -> Message {
        Message(en: "quiz: '\(line)' failed: \(why)", ko: "퀴즈: 줄이 실패했습니다: '\(line)': \(why)")
    }

    static func quizQueryFailed(_ query: String?, _ why: Message) -> Message {
        guard let query else { return Message(en: "quiz: " + why.en, ko: "퀴즈: " + why.ko) }
        return Message(en: "quiz: \(query): " + why.en, ko: "퀴즈: \(query): " + why.ko)
    }
}

/// `kmemsim lesson check`: what the static checks and the replay of the reference solution found. The shell output
/// quoted in a replay problem is the English replay's own.
extension Message {
    static let lessonCheckCannotRead = Message(en: "cannot read the file", ko: "파일을 읽을 수 없습니다")

    static func lessonStepIDTwice(_ id: String, first: Int) -> Message {
        Message(en: "step id '\(id)' is used twice (first at line \(first))", ko: "단계 id가 두 번 쓰였습니다: '\(id)' (처음은 \(first)번째 줄)")
    }

    /// `what` is which query of the step: its goal, its answer query or a `{{…}}` in its text.
    enum CheckedQuery { case goal, answer, interpolated }

    static func lessonQueryDoesNotParse(_ step: String, _ what: CheckedQuery, _ why: Message, column: Int, query: String) -> Message {
        let (en, ko): (String, String) = switch what {
        case .goal: ("goal", "goal 식")
        case .answer: ("answer query", "answer 식")
        case .interpolated: ("{{…}} in the text", "텍스트 안의 {{…}} 식")
        }
        return Message(en: "step \(step): \(en) does not parse: \(why.en) (column \(column) of '\(query)')",
                       ko: "\(step) 단계: \(ko)을 읽을 수 없습니다: \(why.ko) ('\(query)'의 \(column)번째 글자)")
    }

    static func lessonNotACommand(_ step: String, _ c: String) -> Message {
        Message(en: "step \(step): '\(c)' is not a kmemsim command", ko: "\(step) 단계: kmemsim 명령이 아닙니다: '\(c)'")
    }

    static func lessonCommandDoesNotParse(_ step: String, _ c: String, _ why: Message) -> Message {
        Message(en: "step \(step): command '\(c)' does not parse: \(why.en)", ko: "\(step) 단계: command를 읽을 수 없습니다: '\(c)': \(why.ko)")
    }

    static func lessonForbidNotACommand(_ step: String, _ f: String) -> Message {
        Message(en: "step \(step): forbid names '\(f)', which is not a command", ko: "\(step) 단계: forbid에 명령이 아닌 이름이 있습니다: '\(f)'")
    }

    static func lessonReplayEndedEarly(_ step: String, at other: String) -> Message {
        Message(en: "step \(step): the reference solution of the earlier steps ended at step \(other)",
                ko: "\(step) 단계: 앞 단계들의 모범 답안이 \(other) 단계에서 끝났습니다")
    }

    static func lessonWrongAnswerErred(_ step: String, _ w: String, _ why: String) -> Message {
        Message(en: "step \(step): wrong answer '\(w)' made an error instead of being rejected: \(why)",
                ko: "\(step) 단계: 틀린 답이 오답 처리되지 않고 오류를 냈습니다: '\(w)': \(why)")
    }

    static func lessonWrongAnswerAccepted(_ step: String, _ w: String) -> Message {
        Message(en: "step \(step): wrong answer '\(w)' was accepted", ko: "\(step) 단계: 틀린 답이 정답으로 받아들여졌습니다: '\(w)'")
    }

    static func lessonReferenceFailed(_ step: String, _ line: String, _ why: String) -> Message {
        Message(en: "step \(step): reference line '\(line)' failed: \(why)", ko: "\(step) 단계: 모범 답안의 줄이 실패했습니다: '\(line)': \(why)")
    }

    static func lessonReferenceRejected(_ step: String, _ line: String, _ output: String) -> Message {
        Message(en: "step \(step): reference line '\(line)' was rejected:\n" + output,
                ko: "\(step) 단계: 모범 답안의 줄이 오답 처리되었습니다: '\(line)':\n" + output)
    }

    static func lessonReferenceDoesNotFinishStep(_ step: String) -> Message {
        Message(en: "step \(step): its reference solution does not finish the step", ko: "\(step) 단계: 모범 답안으로 단계가 끝나지 않습니다")
    }

    static let lessonReferenceDoesNotComplete = Message(en: "the reference solution does not complete the lesson",
                                                        ko: "모범 답안으로 레슨이 끝나지 않습니다")
}

/// `lesson start FILE`, `lesson export` and `lesson import`: what they did, or why a file was refused.
extension Message {
    /// A lesson file's problems, joined as one reason.
    static func lessonFileProblems(_ diags: [LessonDiagnostic]) -> Message {
        Message(en: diags.map { $0.description(.en) }.joined(separator: "; "), ko: diags.map { $0.description(.ko) }.joined(separator: "; "))
    }

    static func wroteProgress(_ count: Int, to file: String) -> Message {
        Message(en: "wrote progress of \(count) lesson(s) to \(file)", ko: "레슨 \(count)개의 진행 기록을 썼습니다: \(file)")
    }

    static func importedProgress(_ count: Int, from file: String) -> Message {
        Message(en: "imported progress of \(count) lesson(s) from \(file)", ko: "레슨 \(count)개의 진행 기록을 가져왔습니다: \(file)")
    }

    static func notAProgressFile(_ file: String, _ why: Message) -> Message {
        Message(en: "\(file) is not a progress file: \(why.en)", ko: "진행 기록 파일이 아닙니다: \(file): \(why.ko)")
    }

    static func progressNotSavedThisSession(_ path: String, why: Message) -> Message {
        Message(en: "warning: the progress file \(path) cannot be read (\(why.en)); it is kept as it is and progress is not saved in this session",
                ko: "경고: 진행 기록 파일을 읽을 수 없습니다: \(path) (\(why.ko)). 파일은 그대로 두고 이번 세션의 진행은 저장하지 않습니다")
    }

    static func progressSaveFailed(_ why: Message) -> Message {
        Message(en: "warning: " + why.en, ko: "경고: " + why.ko)
    }
}

extension Message {
    /// `lesson list`'s warning, with the reason in both languages.
    static func progressUnreadable(_ path: String, why: Message) -> Message {
        Message(en: progressUnreadable(path, why: why.en).en, ko: progressUnreadable(path, why: why.ko).ko)
    }
}

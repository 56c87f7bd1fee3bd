/// What the lesson engine (LessonEngine, its command layer, the quiz) and `lesson list` say as a learner moves through
/// a lesson or a quiz, in both languages. Step ids, lesson ids, commands and queries stay as they are; a value shown
/// (an answer, a title) is passed in already worded. Lines that the engine ends with a newline carry it here, so the
/// call sites stay byte-identical.
extension Message {
    // MARK: headings

    static func lessonHeading(_ title: String) -> Message { Message(en: "Lesson: \(title)", ko: "레슨: \(title)") }

    static func lessonResumedAt(step: Int) -> Message {
        Message(en: "(resumed at step \(step); the earlier steps were replayed with their reference solution — 'restart' starts over)\n",
                ko: "(\(step)단계부터 이어서 합니다. 앞 단계는 모범 답안으로 다시 실행했습니다 — 처음부터 하려면 'restart')\n")
    }

    static func lessonStepKindName(_ k: LessonStep.Kind) -> Message {
        switch k {
        case .read: Message(en: "read", ko: "읽기")
        case .do: Message(en: "task", ko: "과제")
        case .ask: Message(en: "question", ko: "질문")
        case .predict: Message(en: "predict", ko: "예측")
        }
    }

    /// `Step 2/5 · task · alloc-order`
    static func lessonStepHeading(_ number: Int, of count: Int, kind: LessonStep.Kind, id: String) -> Message {
        let k = lessonStepKindName(kind)
        return Message(en: "Step \(number)/\(count) · \(k.en) · \(id)", ko: "단계 \(number)/\(count) · \(k.ko) · \(id)")
    }

    static let lessonReadGoOn = Message(en: "(type 'next' to go on)", ko: "(계속하려면 'next')")
    static let lessonTaskGoOn = Message(en: "(the step passes as soon as the task is done; 'hint' helps, 'goal' repeats it)",
                                        ko: "(과제를 마치면 바로 통과합니다. 'hint'로 힌트, 'goal'로 과제 다시 보기)")

    static func lessonComplete(_ title: String) -> Message { Message(en: "Lesson complete: \(title)", ko: "레슨 완료: \(title)") }
    static let lessonRecapHeading = Message(en: "Summary:", ko: "요약:")
    static let lessonRecapAgain = Message(en: "('lesson summary' shows this again; 'lesson list' shows the others)\n",
                                          ko: "('lesson summary'로 다시 볼 수 있습니다. 다른 레슨은 'lesson list')\n")
    static let lessonCompleteShort = Message(en: "complete\n", ko: "완료\n")

    // MARK: refusals

    static let noLessonUnderWay = Message(en: "no lesson under way: 'lesson list' shows them, 'lesson start ID' starts one",
                                          ko: "진행 중인 레슨이 없습니다: 'lesson list'로 목록을 보고 'lesson start ID'로 시작하세요")

    static func lessonAlreadyComplete(_ id: String) -> Message {
        Message(en: "lesson \(id) is complete: 'lesson summary' shows the recap, 'restart' does it again",
                ko: "레슨을 마쳤습니다(\(id)): 'lesson summary'로 요약, 'restart'로 다시 하기")
    }

    static func stepAsksNoQuestion(_ id: String, isTask: Bool) -> Message {
        isTask
            ? Message(en: "step \(id) asks no question: do the task ('goal' shows it)", ko: "\(id) 단계는 질문이 아닙니다: 과제를 하세요 ('goal')")
            : Message(en: "step \(id) asks no question: type 'next'", ko: "\(id) 단계는 질문이 아닙니다: 'next'를 입력하세요")
    }

    static let answerWhat = Message(en: "answer what? e.g. answer 3", ko: "답을 적어 주세요. 예: answer 3")

    static let nextNeedsTask = Message(en: "this step passes when the task is done ('goal' shows it, 'hint' helps, 'skip' skips)",
                                       ko: "과제를 마쳐야 넘어갑니다 ('goal', 'hint', 'skip')")
    static let nextNeedsAnswer = Message(en: "answer first ('answer X'), or 'hint' / 'skip'", ko: "먼저 답하세요 ('answer X'), 또는 'hint' / 'skip'")
    static let lessonFirstStep = Message(en: "this is the first step", ko: "첫 단계입니다")

    static func skipNotAllowed(byFlag: Bool) -> Message {
        let flag = byFlag ? " (--no-skip)" : ""
        return Message(en: "skipping is not allowed here\(flag)", ko: "여기서는 건너뛸 수 없습니다\(flag)")
    }

    static func stepForbidsCommand(_ id: String, command: String) -> Message {
        Message(en: "step \(id) does not allow '\(command)' — find another way ('hint' helps)",
                ko: "\(id) 단계에서는 이 명령을 쓸 수 없습니다: '\(command)' — 다른 방법을 찾아보세요 ('hint')")
    }

    static func lessonOwnMachine(_ id: String, command: String) -> Message {
        Message(en: "lesson \(id) runs on its own machine; '\(command)' would replace it. 'restart' starts the lesson over, 'lesson quit' leaves it (and gives your machine back)",
                ko: "이 레슨(\(id))은 레슨용 머신에서 진행합니다. \(command) 명령을 실행하면 그 머신이 바뀝니다. 레슨을 처음부터 하려면 'restart', 레슨을 나가려면 'lesson quit'(원래 머신으로 돌아갑니다)")
    }

    // MARK: answers and predictions

    /// `Correct: 3` (a lesson question and a quiz question alike).
    static func answerCorrect(_ shown: String) -> Message { Message(en: "Correct: \(shown)", ko: "정답: \(shown)") }
    static let answerYes = Message(en: "yes", ko: "예")
    static let answerNo = Message(en: "no", ko: "아니요")
    static let answerNotQuite = Message(en: "Not quite.", ko: "아닙니다.")
    static let answerTryAgain = Message(en: "(try again; 'hint' gives a hint)", ko: "(다시 해 보세요. 'hint'로 힌트를 볼 수 있습니다)")

    static func lessonRunning(_ command: String) -> Message { Message(en: "running: \(command)", ko: "실행: \(command)") }
    static func lessonOutcome(_ shown: String) -> Message { Message(en: "outcome: \(shown)", ko: "결과: \(shown)") }

    static func predictedAndOutcome(_ predicted: String, outcome: String) -> Message {
        Message(en: "you predicted: \(predicted)    outcome: \(outcome)", ko: "예측: \(predicted)    결과: \(outcome)")
    }

    static let predictionRight = Message(en: "Your prediction was right", ko: "예측이 맞았습니다")
    static let predictionWrong = Message(en: "Not what happened", ko: "실제 결과와 다릅니다")

    // MARK: tasks, hints, solutions, skips

    /// `Task done (step-id)`
    static func taskDone(_ id: String) -> Message { Message(en: "Task done (\(id))", ko: "과제 완료 (\(id))") }
    static let taskNotYet = Message(en: "Not yet.", ko: "아직 아닙니다.")

    static func unmetNoVariable(_ name: String) -> Message {
        Message(en: "  · there is no $\(name) yet: keep the result in a variable, e.g. \(name) = …\n",
                ko: "  · 아직 $\(name) 변수가 없습니다: 결과를 변수에 담으세요. 예: \(name) = …\n")
    }

    static func unmetCannotCheck(_ query: String) -> Message {
        Message(en: "  · cannot check this part yet: \(query)\n", ko: "  · 아직 확인할 수 없는 조건: \(query)\n")
    }

    static func unmetNotTrue(_ query: String) -> Message {
        Message(en: "  · this part is not true yet: \(query)\n", ko: "  · 아직 성립하지 않는 조건: \(query)\n")
    }

    static let theTaskHeading = Message(en: "The task:\n", ko: "과제:\n")
    static func doneWhen(_ goal: String) -> Message { Message(en: "done when: \(goal)", ko: "완료 조건: \(goal)") }

    static let checkNothingOnRead = Message(en: "nothing to check here; type 'next'\n", ko: "확인할 것이 없습니다. 'next'를 입력하세요\n")
    static let checkWhenAnswered = Message(en: "this step is checked when you answer: 'answer X'\n", ko: "답하면 확인합니다: 'answer X'\n")

    static let noHints = Message(en: "no hints for this step; 'solution' shows the reference solution\n",
                                 ko: "이 단계에는 힌트가 없습니다. 'solution'으로 모범 답안을 볼 수 있습니다\n")

    static func noMoreHints(_ count: Int) -> Message {
        Message(en: "no more hints (\(count) shown); 'solution' shows the reference solution\n",
                ko: "힌트를 모두 봤습니다 (\(count)개). 'solution'으로 모범 답안을 볼 수 있습니다\n")
    }

    /// `Hint 1/3: …`
    static func hintLine(_ number: Int, of count: Int, _ text: String) -> Message {
        Message(en: "Hint \(number)/\(count): \(text)", ko: "힌트 \(number)/\(count): \(text)")
    }

    static func referenceSolution(_ id: String) -> Message {
        Message(en: "Reference solution for step \(id) (recorded as used):\n", ko: "\(id) 단계 모범 답안 (사용 기록됨):\n")
    }

    static func skippedAnswer(_ shown: String) -> Message { Message(en: "The answer: \(shown)", ko: "정답: \(shown)") }
    static func skippedStep(_ id: String) -> Message { Message(en: "skipped step \(id)\n", ko: "\(id) 단계를 건너뛰었습니다\n") }

    static func leftLesson(_ id: String) -> Message {
        Message(en: "left lesson \(id); 'lesson start \(id)' resumes it\n",
                ko: "레슨에서 나왔습니다(\(id)). 'lesson start \(id)' 명령으로 이어서 할 수 있습니다\n")
    }

    // MARK: quiz

    static func quizSimulatorSays(_ shown: String) -> Message { Message(en: "The simulator says: \(shown)", ko: "시뮬레이터의 답: \(shown)") }
    static func quizSkipped(_ shown: String) -> Message { Message(en: "skipped; the answer: \(shown)", ko: "건너뜀. 정답: \(shown)") }

    static func quizScore(_ correct: Int, of count: Int, skipped: Int) -> Message {
        skipped > 0
            ? Message(en: "Score: \(correct)/\(count) (\(skipped) skipped)\n", ko: "점수: \(correct)/\(count) (\(skipped)개 건너뜀)\n")
            : Message(en: "Score: \(correct)/\(count)\n", ko: "점수: \(correct)/\(count)\n")
    }

    static let quizHowToAnswer = Message(en: "(answer with 'answer X' or just X)\n", ko: "('answer X' 또는 X만 입력해 답하세요)\n")

    // MARK: lesson list

    static let lessonStatusCompleted = Message(en: "completed", ko: "완료")
    static func lessonStatusAt(_ number: Int, of count: Int) -> Message {
        Message(en: "step \(number)/\(count)", ko: "\(number)/\(count) 단계")
    }
    static let lessonStatusNotStarted = Message(en: "not started", ko: "시작 전")
}

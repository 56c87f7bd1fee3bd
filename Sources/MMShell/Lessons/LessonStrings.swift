/// The engine's own words, in both languages.
enum LessonStrings {
    static func t(_ lang: LessonLanguage, _ en: String, _ ko: String) -> String { lang == .ko ? ko : en }

    static func kindName(_ k: LessonStep.Kind, _ lang: LessonLanguage) -> String {
        switch k {
        case .read: t(lang, "read", "읽기")
        case .do: t(lang, "task", "과제")
        case .ask: t(lang, "question", "질문")
        case .predict: t(lang, "predict", "예측")
        }
    }

    static func answerHow(_ k: AnswerKind, _ lang: LessonLanguage) -> String {
        switch k {
        case .number: t(lang, "a number", "숫자")
        case .hex: t(lang, "a number (hex like 0x1000 is fine)", "숫자 (0x1000 같은 16진수도 됩니다)")
        case .name: t(lang, "a name", "이름")
        case .list: t(lang, "a list, items separated by commas", "쉼표로 구분한 목록")
        case .yesNo: t(lang, "yes or no", "예 또는 아니요 (yes/no)")
        }
    }
}

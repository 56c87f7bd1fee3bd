/// The engine's own words, in both languages.
enum LessonStrings {
    /// A pair written in place (the engine's older sentences); new ones go in `Messages/Catalog+Lessons.swift`.
    static func t(_ lang: Language, _ en: String, _ ko: String) -> String { Message(en: en, ko: ko).text(lang) }

    static func kindName(_ k: LessonStep.Kind, _ lang: LessonLanguage) -> String {
        switch k {
        case .read: t(lang, "read", "읽기")
        case .do: t(lang, "task", "과제")
        case .ask: t(lang, "question", "질문")
        case .predict: t(lang, "predict", "예측")
        }
    }
}

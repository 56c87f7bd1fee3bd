/// A view whose text has kmemsim's words in it (from the catalog), so it is worded in the learner's language.
protocol LocalizedView: Sendable {
    func text(_ lang: Language) -> String
    var json: JSONValue { get }
}

/// A localized view shown in one language: the shell renders only the format it shows (`CommandView`).
struct InLanguage<V: LocalizedView>: CommandView {
    var view: V
    var language: Language
    var text: String { view.text(language) }
    var json: JSONValue { view.json }
}

extension GFPModel: LocalizedView {}
extension KmemModel: LocalizedView {}
extension MemblockModel: LocalizedView {}

/// `slabtop`: the slabinfo model's other table.
struct SlabtopView: CommandView {
    var model: SlabInfoModel
    var text: String { model.slabtopText }
    var json: JSONValue { model.slabtopJSON }
}

/// A `help` page as the session shows it (its style, language and width).
struct HelpPage: CommandView {
    var model: HelpModel
    var style: Style
    var language: Language
    var width: Int
    var text: String { model.text(style: style, lang: language, width: width) }
    var json: JSONValue { model.json(language) }
}

/// How glossary entries are shown: the learner's language first, the other right under it.
enum GlossaryView {
    static func names(_ t: Glossary.Term, _ lang: Language) -> String {
        let en = t.name.en ?? "", ko = t.name.ko ?? ""
        return lang == .ko ? ko + " (" + en + ")" : en + " — " + ko
    }

    static func entry(_ t: Glossary.Term, _ lang: Language) -> String {
        var out = names(t, lang)
        if !t.also.isEmpty { out += "   " + Message.glossaryAlso(t.also).text(lang) }
        out += "\n"
        let first = lang == .ko ? t.means.ko : t.means.en
        let second = lang == .ko ? t.means.en : t.means.ko
        for line in [first, second].compactMap({ $0?.trimmingTrailingNewlines() }) where !line.isEmpty { out += "  " + line + "\n" }
        return out
    }

    /// One term per line: the English name in an ASCII column, then the Korean one (no wide characters before a pad).
    static func list(_ terms: [Glossary.Term], _ lang: Language) -> String {
        let width = (terms.compactMap { $0.name.en?.count }.max() ?? 0) + 2
        var out = ""
        for t in terms { out += "  " + Format.left(t.name.en ?? "", width) + (t.name.ko ?? "") + "\n" }
        return out + Message.glossaryListFooter(terms.count).text(lang) + "\n"
    }
}

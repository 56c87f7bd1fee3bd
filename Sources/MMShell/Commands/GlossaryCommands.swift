import KernelMM

/// `glossary [TERM]`: the course's terms, English ↔ Korean, each with a one-sentence definition in both languages.
/// The file is lessons/glossary.yaml, next to the lessons (the same directory `lesson list` reads).
enum GlossaryCommands {
    static func glossary(_ s: ShellSession) throws(CommandError) -> Glossary {
        let dir = s.lessons.directory ?? LessonCatalog.defaultDirectory()
        let (g, diags) = Glossary.load(directory: dir)
        guard let g, diags.isEmpty else {
            throw .other(GlossaryStrings.unreadable(dir, diags.map(\.description), s.lessons.language))
        }
        return g
    }

    static let all: [CommandSpec] = [
        CommandSpec("glossary", family: .lessons, arguments: [.init("term", .text, optional: true)],
                    summary: "the course's terms in English and Korean: 'glossary' lists them, 'glossary TERM' defines one",
                    details: "Terms are found in either language, by a kernel identifier (free_area) or by part of a name. The list lives in lessons/glossary.yaml, shared by every lesson.",
                    examples: ["glossary", "glossary free list", "glossary 워터마크", "glossary pfn"]) { s, a throws(CommandError) in
            let g = try glossary(s)
            let lang = s.lessons.language
            let key = a.rest.trimmingWhitespace()
            if key.isEmpty { return CommandOutput(text: GlossaryView.list(g.terms, lang)) }
            if let t = g.find(key) { return CommandOutput(text: GlossaryView.entry(t, lang)) }
            let near = g.matching(key)
            if near.count == 1 { return CommandOutput(text: GlossaryView.entry(near[0], lang)) }
            if !near.isEmpty { return CommandOutput(text: GlossaryView.list(near, lang)) }
            throw .badArgument(argument: "TERM", value: key, reason: GlossaryStrings.noSuchTerm(lang))
        },
    ]
}

/// How glossary entries are shown: the learner's language first, the other right under it.
enum GlossaryView {
    static func names(_ t: Glossary.Term, _ lang: LessonLanguage) -> String {
        let en = t.name.en ?? "", ko = t.name.ko ?? ""
        return lang == .ko ? ko + " (" + en + ")" : en + " — " + ko
    }

    static func entry(_ t: Glossary.Term, _ lang: LessonLanguage) -> String {
        var out = names(t, lang)
        if !t.also.isEmpty { out += "   " + GlossaryStrings.also(t.also, lang) }
        out += "\n"
        let first = lang == .ko ? t.means.ko : t.means.en
        let second = lang == .ko ? t.means.en : t.means.ko
        for line in [first, second].compactMap({ $0?.trimmingTrailingNewlines() }) where !line.isEmpty { out += "  " + line + "\n" }
        return out
    }

    /// One term per line: the English name in an ASCII column, then the Korean one (no wide characters before a pad).
    static func list(_ terms: [Glossary.Term], _ lang: LessonLanguage) -> String {
        let width = (terms.compactMap { $0.name.en?.count }.max() ?? 0) + 2
        var out = ""
        for t in terms { out += "  " + Format.left(t.name.en ?? "", width) + (t.name.ko ?? "") + "\n" }
        return out + GlossaryStrings.listFooter(terms.count, lang) + "\n"
    }
}

/// The glossary command's own sentences, in both languages.
enum GlossaryStrings {
    static func t(_ lang: LessonLanguage, _ en: String, _ ko: String) -> String { LessonStrings.t(lang, en, ko) }

    static func also(_ names: [String], _ lang: LessonLanguage) -> String {
        t(lang, "(also: \(names.joined(separator: ", ")))", "(다른 이름: \(names.joined(separator: ", ")))")
    }

    static func listFooter(_ n: Int, _ lang: LessonLanguage) -> String {
        t(lang, "\(n) term(s); 'glossary TERM' shows one in English and Korean.",
          "용어 \(n)개. 'glossary 용어'로 하나를 영어와 한국어로 볼 수 있습니다.")
    }

    static func noSuchTerm(_ lang: LessonLanguage) -> String {
        t(lang, "no such term in the glossary; 'glossary' lists every term",
          "용어집에 없는 용어입니다. 'glossary'를 입력하면 모든 용어가 나옵니다")
    }

    static func unreadable(_ dir: String, _ problems: [String], _ lang: LessonLanguage) -> String {
        t(lang, "cannot read the glossary in \(dir): ", "\(dir)의 용어집을 읽을 수 없습니다: ") + problems.joined(separator: "; ")
    }
}

/// `help query`, generated from the registry: every root, type, field and function (Korean from Catalog+QueryHelp).
enum QueryHelp {
    static func render(_ lang: Language = .en) -> String {
        func say(_ key: String, _ en: String) -> String { Message.queryHelp(key, en).text(lang) }
        var t = Message.queryHelpIntro.text(lang)
        for r in QueryRegistry.roots { t += "  " + Format.left(r.usage, 14) + " " + say("root:" + r.name, r.summary) + "\n" }
        for type in QueryRegistry.types {
            t += "\n\(type.name): " + say("type:" + type.name, type.summary) + "\n"
            for f in type.fields {
                let key = type.name + "." + f.name
                t += "  ." + Format.left(f.name + (f.usage ?? ""), 18) + " " + say("field:" + key, f.summary) + "\n"
                if let ix = f.indexSummary { t += "   " + Format.left("", 18) + " " + say("index:" + key, ix) + "\n" }
            }
            if let d = type.dynamic { t += "  " + say("dynamic:" + type.name, d.summary) + "\n" }
        }
        t += "\n" + Message.queryHelpFunctions.text(lang) + "\n"
        for f in QueryRegistry.functions { t += "  " + Format.left(f.usage, 26) + " " + say("function:" + f.name, f.summary) + "\n" }
        return t
    }
}

import KernelMM

/// `help`, generated from the command table.
enum HelpView {
    /// `help`: the families, one line each, fitted to `width`; `help FAMILY` and `help CMD` go deeper.
    static func overview(_ table: CommandTable, style: Style, lang: Language = .en, width: Int = 80) -> String {
        var t = TextWrap.wrap(HelpStrings.intro.text(lang), width: width).joined(separator: "\n") + "\n\n"
        let keyWidth = CommandFamily.allCases.map(\.key.count).max() ?? 12
        for family in CommandFamily.allCases {
            let cmds = table.all.filter { $0.family == family }
            guard !cmds.isEmpty else { continue }
            // The title, then as many command names as fit; the rest is counted.
            let head = "  " + style.bold(Format.left(family.key, keyWidth)) + "  " + Message.family(family).text(lang) + ": "
            var line = head
            var shown = 0
            for c in cmds {
                let more = cmds.count - shown - 1
                let tail = more > 0 ? ", … (+\(more))" : ""
                if DisplayWidth.of(line + (shown == 0 ? "" : ", ") + c.name + tail) > width && shown > 0 { break }
                line += (shown == 0 ? "" : ", ") + c.name
                shown += 1
            }
            if shown < cmds.count { line += ", … (+\(cmds.count - shown))" }
            // A narrow terminal: the line goes on under the title.
            t += TextWrap.wrap(line, width: width, hanging: String(repeating: " ", count: keyWidth + 4)).joined(separator: "\n") + "\n"
        }
        t += "\n" + TextWrap.wrap(HelpStrings.topics.text(lang), width: width).joined(separator: "\n") + "\n"
        return t
    }

    /// `help FAMILY` (or every family for `help all`): each command's usage and summary, fitted to `width`.
    static func family(_ families: [CommandFamily], _ table: CommandTable, style: Style, lang: Language = .en, width: Int = 80) -> String {
        var t = ""
        for family in families {
            let cmds = table.all.filter { $0.family == family }
            guard !cmds.isEmpty else { continue }
            if !t.isEmpty { t += "\n" }
            t += style.bold(Message.family(family).text(lang)) + "\n"
            let column = min(34, max(12, width / 3))
            for c in cmds {
                // A usage too long for its column gets the summary on the next lines, aligned.
                let pad = String(repeating: " ", count: column + 3)
                let summary = Message.commandSummary(c).text(lang)
                if c.usage.count > column {
                    t += "  " + c.usage + "\n"
                    t += TextWrap.wrap(pad + summary, width: width, hanging: pad).joined(separator: "\n") + "\n"
                } else {
                    t += TextWrap.wrap("  " + Format.left(c.usage, column) + " " + summary, width: width, hanging: pad).joined(separator: "\n") + "\n"
                }
            }
        }
        return t
    }

    static func command(_ c: CommandSpec, style: Style, lang: Language = .en) -> String {
        let also = Message.helpAlso.text(lang)
        var lines = [style.bold(c.usage) + (c.aliases.isEmpty ? "" : "   (\(also): " + c.aliases.joined(separator: ", ") + ")"),
                     "  " + Message.commandSummary(c).text(lang)]
        if let decl = c.cDeclaration { lines.append("  C:        " + decl + (c.header.map { "   /* \($0) */" } ?? "")) }
        if let ctx = c.contexts { lines.append("  " + Message.helpContext.text(lang) + ctx) }
        if !c.details.isEmpty { lines.append("  " + c.details) }
        for a in c.arguments {
            lines.append("  " + Format.left(a.name.uppercased(), 8) + " " + Message.argumentKind(a.kind).text(lang)
                         + (a.optional ? Message.optionalArgument.text(lang) : ""))
        }
        if !c.options.isEmpty {
            lines.append("  " + Message.helpOptions.text(lang) + c.options.map(\.usage).joined(separator: ", "))
        }
        for sub in c.subcommands {
            lines.append("  " + Format.left(sub.usage, 24) + " " + Message.commandSummary(sub).text(lang))
        }
        if !c.examples.isEmpty { lines.append("  " + Message.helpExamples.text(lang) + c.examples.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }

    static func topics(_ table: CommandTable) -> [String] {
        ["gfp", "arch", "config", "query", "all"] + CommandFamily.allCases.map(\.key) + table.all.map(\.name)
    }

    static func topic(_ t: String, kernel k: Kernel, lang: Language = .en, width: Int = 80) -> String? {
        func para(_ m: Message, indent: String = "") -> String {
            TextWrap.wrap(indent + m.text(lang), width: width, hanging: indent).joined(separator: "\n") + "\n"
        }
        switch t {
        case "gfp": return GFPView.table(lang: lang)
        case "arch":
            var s = ConfigStrings.archTitle.text(lang) + "\n"
            for a in Architecture.allCases {
                s += "  \(Format.left(a.rawValue, 8)) " + ConfigStrings.archLine(a).text(lang) + "\n"
            }
            s += para(ConfigStrings.i386Lowmem)
            s += para(ConfigStrings.sparcMaxOrder)
            s += para(ConfigStrings.seeConfig)
            return s
        case "config":
            var s = para(ConfigStrings.configTitle)
            for a in Architecture.allCases { s += para(ConfigStrings.archSummary(a), indent: "  ") }
            s += para(ConfigStrings.thpEffects)
            s += para(ConfigStrings.differences)
            return s
        case "query": return QueryHelp.render()
        case "boot": return BootHelp.render(lang, width: width)
        default: return nil
        }
    }
}

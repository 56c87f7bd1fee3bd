import KernelMM

/// The renderers of `HelpModel`: `help` as text fitted to `width` (in the learner's language) and as JSON.
extension HelpModel {
    func text(style: Style, lang: Language, width: Int) -> String {
        switch page {
        case .overview(let fs): HelpView.overview(fs, style: style, lang: lang, width: width)
        case .families(let fs): HelpView.families(fs, style: style, lang: lang, width: width)
        case .command(let c): HelpView.command(c, style: style, lang: lang) + "\n"
        case .topic(let t, let c): (c.map { HelpView.command($0, style: style, lang: lang) + "\n\n" } ?? "") + (HelpView.topic(t, lang: lang, width: width) ?? "")
        }
    }

    func json(_ lang: Language) -> JSONValue {
        func command(_ c: Command) -> JSONValue {
            .object([("name", .string(c.name)), ("usage", .string(c.usage)), ("summary", .string(c.summary.text(lang))),
                     ("aliases", .array(c.aliases.map { .string($0) })), ("c", c.cDeclaration.map { .string($0) } ?? .null),
                     ("header", c.header.map { .string($0) } ?? .null), ("contexts", c.contexts.map { .string($0.text(lang)) } ?? .null),
                     ("arguments", .array(c.arguments.map { .object([("name", .string($0.name)), ("kind", .string($0.kind.text(lang))), ("optional", .bool($0.optional))]) })),
                     ("options", .array(c.options.map { .string($0) })),
                     ("subcommands", .array(c.subcommands.map { .object([("usage", .string($0.usage)), ("summary", .string($0.summary.text(lang)))]) })),
                     ("examples", .array(c.examples.map { .string($0) }))])
        }
        func families(_ fs: [Family]) -> JSONValue {
            .array(fs.map { f in .object([("family", .string(f.family.key)), ("title", .string(f.title.text(lang))), ("commands", .array(f.commands.map(command)))]) })
        }
        switch page {
        case .overview(let fs), .families(let fs): return .object([("families", families(fs))])
        case .command(let c): return .object([("command", command(c))])
        case .topic(let t, let c): return .object([("topic", .string(t)), ("command", c.map(command) ?? .null)])
        }
    }
}

/// `help`'s pages, generated from the command table.
enum HelpView {
    /// `help`: the families, one line each, fitted to `width`; `help FAMILY` and `help CMD` go deeper.
    static func overview(_ families: [HelpModel.Family], style: Style, lang: Language, width: Int) -> String {
        var t = TextWrap.wrap(HelpStrings.intro.text(lang), width: width).joined(separator: "\n") + "\n\n"
        let keyWidth = CommandFamily.allCases.map(\.key.count).max() ?? 12
        for f in families {
            let cmds = f.commands
            // The title, then as many command names as fit; the rest is counted.
            let head = "  " + style.bold(Format.left(f.family.key, keyWidth)) + "  " + f.title.text(lang) + ": "
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
        t += TextWrap.wrap(HelpStrings.pipeTopic.text(lang), width: width).joined(separator: "\n") + "\n"
        return t
    }

    /// `help FAMILY` (or every family for `help all`): each command's usage and summary, fitted to `width`.
    static func families(_ families: [HelpModel.Family], style: Style, lang: Language, width: Int) -> String {
        var t = ""
        for f in families {
            if !t.isEmpty { t += "\n" }
            t += style.bold(f.title.text(lang)) + "\n"
            let column = min(34, max(12, width / 3))
            for c in f.commands {
                // A usage too long for its column gets the summary on the next lines, aligned.
                let pad = String(repeating: " ", count: column + 3)
                let summary = c.summary.text(lang)
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

    /// One command's help (also shown under a usage error).
    static func command(_ spec: CommandSpec, style: Style, lang: Language = .en) -> String {
        command(HelpModel.Command(spec), style: style, lang: lang)
    }

    static func command(_ c: HelpModel.Command, style: Style, lang: Language) -> String {
        let also = Message.helpAlso.text(lang)
        var lines = [style.bold(c.usage) + (c.aliases.isEmpty ? "" : "   (\(also): " + c.aliases.joined(separator: ", ") + ")"),
                     "  " + c.summary.text(lang)]
        if let decl = c.cDeclaration { lines.append("  C:        " + decl + (c.header.map { "   /* \($0) */" } ?? "")) }
        if let ctx = c.contexts { lines.append("  " + Message.helpContext.text(lang) + ctx.text(lang)) }
        if !c.details.en.isEmpty { lines.append("  " + c.details.text(lang)) }
        for a in c.arguments {
            lines.append("  " + Format.left(a.name.uppercased(), 8) + " " + a.kind.text(lang) + (a.optional ? Message.optionalArgument.text(lang) : ""))
        }
        if !c.options.isEmpty {
            lines.append("  " + Message.helpOptions.text(lang) + c.options.joined(separator: ", "))
        }
        for sub in c.subcommands {
            lines.append("  " + Format.left(sub.usage, 24) + " " + sub.summary.text(lang))
        }
        if !c.examples.isEmpty { lines.append("  " + Message.helpExamples.text(lang) + c.examples.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }

    /// Topics with a page of their own (`help gfp`); `boot` is also a command.
    static let topicNames = ["gfp", "arch", "config", "query", "pipe", "pipes", "grep", "boot"]

    static func topics(_ table: CommandTable) -> [String] {
        ["gfp", "arch", "config", "query", "pipe", "all"] + CommandFamily.allCases.map(\.key) + table.all.map(\.name)
    }

    static func topic(_ t: String, lang: Language = .en, width: Int = 80) -> String? {
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
        case "query": return QueryHelp.render(lang)
        case "pipe", "pipes", "grep": return PipeHelp.render(lang, width: width)
        case "boot": return BootHelp.render(lang, width: width)
        default: return nil
        }
    }
}

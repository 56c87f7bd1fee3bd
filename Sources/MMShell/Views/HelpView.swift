import KernelMM

/// `help`, generated from the command table.
enum HelpView {
    static func overview(_ table: CommandTable, style: Style, lang: Language = .en) -> String {
        var t = Message.helpIntro.text(lang) + "\n"
        for family in CommandFamily.allCases {
            let cmds = table.all.filter { $0.family == family }
            guard !cmds.isEmpty else { continue }
            t += "\n" + style.bold(Message.family(family).text(lang)) + "\n"
            for c in cmds {
                let summary = Message.commandSummary(c).text(lang)
                // A usage too long for its column gets the summary on the next line, aligned.
                t += c.usage.count > 34 ? "  " + c.usage + "\n" + String(repeating: " ", count: 37) + summary + "\n"
                                        : "  " + Format.left(c.usage, 34) + " " + summary + "\n"
            }
        }
        t += "\n" + Message.helpTopics.text(lang) + "\n"
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
        if !c.examples.isEmpty { lines.append("  " + Message.helpExamples.text(lang) + c.examples.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }

    static func topics(_ table: CommandTable) -> [String] { ["gfp", "arch", "query"] + table.all.map(\.name) }

    static func topic(_ t: String, kernel k: Kernel) -> String? {
        switch t {
        case "gfp": return GFPView.table()
        case "arch":
            var s = "Architectures (boot arch=NAME):\n"
            for a in Architecture.allCases {
                let zones = a.configuredZones.map(\.procName).joined(separator: ", ")
                s += "  \(Format.left(a.rawValue, 8)) \(a.pageSize / 1024) KiB pages, struct page \(a.structPageSize) bytes, THREAD_SIZE \(a.threadSize / 1024) KiB, zones: \(zones)\n"
            }
            s += "i386: lowmem (ZONE_NORMAL) ends at 896 MiB, the textbook 3G/1G split; memory above is HIGHMEM.\n"
            s += "sparc64 is the 64-bit architecture with 8 KiB pages; its real kernel raises MAX_ORDER (ARCH_FORCE_MAX_ORDER), kmemsim keeps 10 everywhere.\n"
            return s
        case "query": return QueryHelp.render()
        default: return nil
        }
    }
}

import KernelMM

/// Help, booting, variables, undo, leaving.
enum SessionCommands {
    static let all: [CommandSpec] = [
        CommandSpec("help", family: .session, arguments: [.init("topic", .name, optional: true)],
                    summary: "the command families; 'help FAMILY' lists one family, 'help CMD' shows one command, 'help all' everything",
                    examples: ["help", "help pages", "help alloc_pages", "help gfp", "help all"]) { s, a throws(CommandError) in
            let table = CommandTable.standard
            let topic = a.has(0) ? try a.string(0) : nil
            guard let m = HelpModel(topic: topic, table: table) else {
                throw .unknownHelpTopic(topic ?? "", suggestion: Suggest.closest(topic ?? "", in: HelpView.topics(table)))
            }
            return CommandOutput(view: HelpPage(model: m, style: s.style, language: s.language, width: s.settings.width ?? 80))
        },
        CommandSpec("boot", family: .session, arguments: [.init("param", .keyValue, optional: true)], variadic: true,
                    summary: "reboot with new parameters: " + BootParameter.summaryList,
                    details: "Unnamed parameters keep their current values. Variables are cleared: they pointed into the old machine.",
                    examples: ["boot arch=i386 mem=2G", "boot mem=8G cpus=2", "boot arch=sparc64 mem=4G"]) { s, a throws(CommandError) in
            var p = s.kernel.params
            try BootParamParser.apply(a.raw, to: &p)
            let k = try BootParamParser.boot(p)
            s.reboot(k)
            return CommandOutput(text: s.say(.banner(k)) + "\n")
        },
        CommandSpec("reset", family: .session, summary: "reboot with the same parameters (a fresh machine)",
                    examples: ["reset"]) { s, _ throws(CommandError) in
            let k = try BootParamParser.boot(s.kernel.params)
            let dropped = s.variables.keys.filter { $0 != "_" }.sorted()
            s.reboot(k)
            return CommandOutput(text: s.say(.rebooted(dropped: dropped)) + "\n" + s.say(.banner(k)) + "\n")
        },
        CommandSpec("undo", family: .session, arguments: [.init("count", .number, optional: true)],
                    summary: "take back the last command that changed the kernel or a variable (undo N: the last N)",
                    examples: ["undo", "undo 3"]) { s, a throws(CommandError) in
            let n = try a.int(0, default: 1)
            guard n >= 1 else { throw .badArgument(argument: "COUNT", value: String(n), reason: .undoCountAtLeastOne) }
            guard !s.undoStack.isEmpty else { throw .other(s.say(.nothingToUndo)) }
            let lines = s.undo(n)
            return CommandOutput(text: s.say(.undid(lines, asked: n)) + "\n")
        },
        CommandSpec("vars", family: .session, summary: "the named results ($p, $addr, $_)", examples: ["vars"]) { s, _ throws(CommandError) in
            var t = ""
            for name in s.variables.keys.sorted() {
                t += "$\(name) = " + ValueView.describe(s.variables[name] ?? .none, kernel: s.kernel, lang: s.language) + "\n"
            }
            return CommandOutput(text: t.isEmpty ? s.say(.noVariablesYet) + "\n" : t)
        },
        CommandSpec("history", family: .session, arguments: [.init("count", .number, optional: true)], options: [OptionSpec("-c")],
                    summary: "the lines run this session, numbered as bash numbers them (history N: the last N; history -c clears)",
                    examples: ["history", "history 5", "history | grep alloc"]) { s, a throws(CommandError) in
            if a.has(option: "-c") {
                s.history.clear()
                return CommandOutput(text: "")
            }
            let n = try a.has(0) ? a.int(0) : nil
            if let n, n < 0 { throw .badArgument(argument: "COUNT", value: String(n), reason: .historyCountNotNegative) }
            let kept = s.history.last(n)
            let text = kept.map { Format.right($0.number, 5) + "  " + $0.line + "\n" }.joined()
            let json = JSONValue.array(kept.map { .object([("number", .int($0.number)), ("line", .string($0.line))]) })
            return CommandOutput(text: text, json: json)
        },
        CommandSpec("save", family: .session, arguments: [.init("file", .path)], options: [OptionSpec("--force")],
                    summary: "write the whole session (machine, variables, log, clock) to FILE as versioned JSON; --force replaces a file kmemsim did not write",
                    details: "The file is written atomically (a temporary file, then a rename). Kernel C definitions and the undo history are not saved.",
                    examples: ["save session.json", "save /tmp/before-oom.json --force"]) { s, a throws(CommandError) in
            let file = try a.string(0)
            let force = a.has(option: "--force")
            let bytes = try s.save(to: file, force: force)
            return CommandOutput(text: s.say(.saved(file, bytes: bytes)) + "\n")
        },
        CommandSpec("load", family: .session, arguments: [.init("file", .path)],
                    summary: "replace the session with one saved by 'save FILE' (checked completely first; on any error nothing changes)",
                    examples: ["load session.json"]) { s, a throws(CommandError) in
            let file = try a.string(0)
            try s.load(from: file)
            return CommandOutput(text: s.say(.loaded(file, s.kernel, variables: s.variables.keys.filter { $0 != "_" }.count)) + "\n")
        },
        CommandSpec("lang", family: .session, arguments: [.init("language", .word(Language.allCases.map(\.rawValue)), optional: true)],
                    summary: "switch the language kmemsim speaks: lang en | lang ko (the kernel's messages stay English)",
                    examples: ["lang ko", "lang en"]) { s, a throws(CommandError) in
            guard a.has(0) else { return CommandOutput(text: s.say(.currentLanguage) + "\n") }
            let word = try a.string(0)
            guard let l = Language(rawValue: word.lowercased()) else {
                throw .localized(.unknownLanguage(word))
            }
            s.language = l
            return CommandOutput(text: s.say(.currentLanguage) + "\n")
        },
        CommandSpec("quit", family: .session, summary: "leave kmemsim", examples: ["quit"], aliases: ["exit"]) { s, _ throws(CommandError) in
            s.wantsExit = true
            return CommandOutput()
        },
    ]
}

/// `key=value` boot parameters, shared by `boot` at the prompt and the command-line flags.
public enum BootParamParser {
    public static var keys: [String] { BootParameter.names }

    public static func apply(_ items: [String], to p: inout BootParams) throws(CommandError) {
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw .badArgument(argument: "boot parameter", value: item, reason: .bootParameterNotKeyValue(keys: keys))
            }
            try set(parts[0], parts[1], in: &p)
        }
    }

    /// One `key=value`, by the parameter's own parser (`BootParameter.all`).
    public static func set(_ key: String, _ value: String, in p: inout BootParams) throws(CommandError) {
        guard let parameter = BootParameter.named(key) else {
            throw .badArgument(argument: "boot parameter", value: key, reason: .unknownBootParameter(suggestion: Suggest.closest(key, in: keys), keys: keys))
        }
        try parameter.apply(value, to: &p)
    }

    /// What `boot` would say about these parameters, without booting (lesson files are checked this way).
    public static func check(_ p: BootParams) throws(CommandError) {
        do throws(BootError) {
            try Kernel.validate(p)
        } catch {
            throw .bootFailed(error)
        }
    }

    public static func boot(_ p: BootParams) throws(CommandError) -> Kernel {
        do throws(BootError) {
            return try Kernel(booting: p)
        } catch {
            throw .bootFailed(error)
        }
    }

    static func bool(_ v: String) -> Bool? {
        switch v.lowercased() {
        case "on", "1", "yes", "true", "y": true
        case "off", "0", "no", "false", "n": false
        default: nil
        }
    }

    /// One line saying what booted.
    public static func banner(_ k: Kernel, language: Language = .en) -> String {
        Message.banner(k).text(language)
    }
}

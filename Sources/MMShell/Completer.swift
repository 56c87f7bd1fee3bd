import KernelMM

/// Tab completion, pure Swift and testable without a terminal: command names first; then, by argument kind, gfp
/// flags anywhere in an `A|B|C` expression, `$variables`, /proc files, cache names, help topics and lesson ids.
public struct Completer: Sendable {
    let shell: Shell

    public func complete(_ line: String) -> (replaceCount: Int, candidates: [String]) {
        var result = completeWord(line)
        // After `| ` (a bar and a space) a filter may follow: `cat /proc/slabinfo | gr` → grep. Right after a bare
        // `|` the word is a gfp flag's.
        let word = String(line.reversed().prefix { $0 != " " && $0 != "|" }.reversed())
        let rest = line.dropLast(word.count)
        let bar = rest.reversed().drop { $0 == " " }
        if rest.hasSuffix(" "), bar.first == "|", bar.dropFirst().first != "|" {
            let filters = PipelineParser.filterNames.filter { $0.hasPrefix(word) }
            if !filters.isEmpty { result = (word.count, Array(Set(result.candidates + filters)).sorted()) }
        }
        return result
    }

    private func completeWord(_ line: String) -> (replaceCount: Int, candidates: [String]) {
        let chars = Array(line)
        // The word being typed: back to a space, comma, parenthesis or operator.
        var start = chars.count
        while start > 0, !" \t,(|&~=".contains(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        let before = String(chars[..<start])
        if word.hasPrefix("$") {
            let names = shell.session.variables.keys.sorted().map { "$" + $0 }
            return (word.count, names.filter { $0.hasPrefix(word) })
        }
        // Strip an assignment so `p = alloc_p` completes the command.
        var head = before
        if let a = LineParser.assignment(in: before + "x") { head = String(a.rest.dropLast()) }
        let headWords = head.split(whereSeparator: { " \t,(".contains($0) }).map(String.init)
        if headWords.isEmpty {
            let names = (shell.commands.allNames + ["?"]).filter { $0.hasPrefix(word) }
            return (word.count, Array(Set(names)).sorted())
        }
        let command = headWords[0]
        guard var spec = shell.commands.lookup(command) else { return (word.count, []) }
        var args = Array(headWords.dropFirst())
        // A sub-command's word first (`lesson st` → start), then its own arguments.
        if !spec.subcommands.isEmpty {
            guard let first = args.first else {
                let words = spec.subcommands.map(\.word) + (spec.run == nil ? [] : spec.options.map(\.name))
                return (word.count, words.filter { $0.hasPrefix(word) }.sorted())
            }
            if let sub = spec.subcommand(first) { spec = sub; args.removeFirst() }
        }
        if word.hasPrefix("-"), !spec.options.isEmpty {
            return (word.count, spec.options.map(\.name).filter { $0.hasPrefix(word) }.sorted())
        }
        // Inside an `A|B` expression the word continues the argument before it.
        let continuing = before.hasSuffix("|") || before.hasSuffix("&") || before.hasSuffix("~")
        // An option's value, else the next positional argument (options and their values do not count).
        if let last = args.last, let opt = spec.options.first(where: { $0.name == last }), let v = opt.value, !continuing {
            return (word.count, candidates(for: v.kind, prefix: word, command: spec).filter { $0.hasPrefix(word) }.sorted())
        }
        var positional: [String] = []
        var i = 0
        while i < args.count {
            if let opt = spec.options.first(where: { $0.name == args[i] }) { i += opt.value == nil ? 1 : 2; continue }
            positional.append(args[i])
            i += 1
        }
        let argIndex = continuing ? max(0, positional.count - 1) : positional.count
        let kind = argIndex < spec.arguments.count ? spec.arguments[argIndex].kind : spec.arguments.last?.kind
        return (word.count, candidates(for: kind, prefix: word, command: spec).filter { $0.hasPrefix(word) }.sorted())
    }

    /// The host's files and directories that start with `prefix` (a path typed so far), as paths.
    private func files(_ prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let dir = slash.map { prefix[..<$0].isEmpty ? "/" : String(prefix[..<$0]) } ?? "."
        let lead = slash.map { String(prefix[...$0]) } ?? ""
        let names = shell.session.files.list(dir) ?? []
        // Hidden names only when the name typed so far starts with a dot, as shells complete them.
        let hidden = prefix.dropFirst(lead.count).hasPrefix(".")
        return names.filter { hidden || !$0.hasPrefix(".") }.sorted().map { name in
            let path = lead + name
            return shell.session.files.status(path) == .directory ? path + "/" : path
        }
    }

    func candidates(for kind: ArgumentKind?, prefix: String, command: CommandSpec) -> [String] {
        switch kind {
        case .gfp?:
            return GFPParser.allNames
        case .word(let words)?:
            return words
        case .procFile?:
            return ProcFiles.names
        case .path?:
            return files(prefix)
        case .keyValue?:
            return BootParameter.names.map { $0 + "=" }
        case .page?, .address?:
            return shell.session.variables.keys.sorted().map { "$" + $0 }
        case .cacheName?:
            return shell.session.kernel.slab.allNames
        case .zone?:
            return shell.session.kernel.zones.filter(\.isPopulated).map(\.type.procName)
        case .cacheSetting(.flags)?, .cacheSetting(.align)?:
            return SlabFlagsParser.allNames + ["ctor"]
        case .cacheSetting(.ctor)?:
            return ["ctor"]
        case .stackOwner?:
            return ["irq"] + shell.session.kernel.tasks.map { String($0.pid) }
        case .addressOrPage?:
            return shell.session.variables.keys.sorted().map { "$" + $0 }
        case .name?, .text?, .order?, .size?, .number?, nil:
            if command.name == "help" { return HelpView.topics(shell.commands) }
            if command.name == "lesson start" || command.name == "lesson summary" { return LessonCommands.catalog(shell.session).lessons.map(\.id) }
            if command.name == "glossary" { return (try? GlossaryCommands.glossary(shell.session))?.completions ?? [] }
            return []
        }
    }
}

import KernelMM

/// Tab completion, pure Swift and testable without a terminal: command names first; then, by argument kind, gfp
/// flags anywhere in an `A|B|C` expression, `$variables`, /proc files, cache names, help topics and lesson ids.
public struct Completer: Sendable {
    let shell: Shell

    public func complete(_ line: String) -> (replaceCount: Int, candidates: [String]) {
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
        guard let spec = shell.commands.lookup(command) else { return (word.count, []) }
        let argIndex = before.hasSuffix("|") || before.hasSuffix("&") || before.hasSuffix("~") ? max(0, headWords.count - 2) : headWords.count - 1
        let kind = argIndex < spec.arguments.count ? spec.arguments[argIndex].kind : spec.arguments.last?.kind
        return (word.count, candidates(for: kind, prefix: word, command: spec).filter { $0.hasPrefix(word) }.sorted())
    }

    func candidates(for kind: ArgumentKind?, prefix: String, command: CommandSpec) -> [String] {
        switch kind {
        case .gfp?:
            return GFPParser.allNames
        case .word(let words)?:
            return words
        case .path?:
            return ProcFiles.names
        case .keyValue?:
            return BootParameter.names.map { $0 + "=" }
        case .page?, .address?:
            return shell.session.variables.keys.sorted().map { "$" + $0 }
        case .cacheName?:
            return shell.session.kernel.slab.allNames
        case .text? where command.name == "kmem_cache_create":
            return SlabFlagsParser.allNames
        case .name?, .text?, .order?, .size?, .number?, nil:
            if command.name == "help" { return HelpView.topics(shell.commands) }
            if command.name == "lesson" { return LessonCommands.catalog(shell.session).lessons.map(\.id) }
            if command.name == "glossary" { return (try? GlossaryCommands.glossary(shell.session))?.completions ?? [] }
            return []
        }
    }
}

/// The command lines scripts and quick questions run with — no options, `-c CMD` (repeated), `-f FILE`, or the words
/// of one command — read without swift-argument-parser. Its parse first builds every option's definition by
/// reflection (and twice more, looking for --generate-completion-script), which was a third of the instructions of
/// `kmemsim -c quit`; even an unparsed `Kmemsim()` builds every definition, so these lines give `RunOptions` and
/// make no `Kmemsim` at all. Anything else (any other option, a value that looks like an option, `--`, help) goes to
/// ArgumentParser, so usage errors and help read exactly as before.
extension Kmemsim {
    static func quickParse(_ arguments: [String]) -> RunOptions? {
        var commands: [String] = [], file: String?, positional: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if !positional.isEmpty || !a.hasPrefix("-") {
                // Words; ArgumentParser still reads options among them, so any option here is its business.
                guard !a.hasPrefix("-") else { return nil }
                positional.append(a)
                i += 1
                continue
            }
            guard a == "-c" || a == "-f", i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") else { return nil }
            if a == "-c" {
                commands.append(arguments[i + 1])
            } else {
                guard file == nil else { return nil }
                file = arguments[i + 1]
            }
            i += 2
        }
        // Every other option keeps its default: RunOptions' defaults are Kmemsim's (QuickParseTests compares them).
        return RunOptions(c: commands, f: file, words: positional)
    }
}

/// The command lines scripts and quick questions run with — no options, `-c CMD` (repeated), `-f FILE`, or the words
/// of one command — read without swift-argument-parser. Its parse first builds every option's definition by
/// reflection (and twice more, looking for --generate-completion-script), which was a third of the instructions of
/// `kmemsim -c quit`. Anything else (any other option, a value that looks like an option, `--`, help) goes to
/// ArgumentParser, so usage errors and help read exactly as before.
extension Kmemsim {
    static func quickParse(_ arguments: [String]) -> Kmemsim? {
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
        // Every option gets its declared default (a test checks that each one is set, and set as the parser would).
        var k = Kmemsim()
        k.c = commands
        k.f = file
        k.bail = false
        k.echo = false
        k.json = false
        k.oneStream = false
        k.failOn = nil
        k.color = .auto
        k.ascii = false
        k.undo = false
        k.undoDepth = 10
        k.validate = false
        k.seed = nil
        k.arch = nil
        k.mem = nil
        k.cpus = nil
        k.slab = nil
        k.slabDebug = nil
        k.minFreeKbytes = nil
        k.pcp = nil
        k.vmapStack = nil
        k.lang = nil
        k.noSkip = false
        k.allowSkip = false
        k.load = nil
        k.progress = nil
        k.fourKStacks = nil
        k.irqStacks = nil
        k.words = positional
        // An option added to Kmemsim but not here would still be a bare definition, and reading it traps.
        // QuickParseTests fails on such an option (it checks every one is set as ArgumentParser sets it), and a debug
        // build hands the line to ArgumentParser instead. A release build skips the walk: its reflection over every
        // property wrapper was 8 % of `kmemsim -c quit`.
        #if DEBUG
        return everyOptionSet(k) ? k : nil
        #else
        return k
        #endif
    }

    /// Every property wrapper of `k` holds a value (ArgumentParser's `Parsed.value`), none a bare definition. Anything
    /// it cannot tell counts as unset.
    static func everyOptionSet(_ k: Kmemsim) -> Bool {
        for option in Mirror(reflecting: k).children {
            guard let parsed = Mirror(reflecting: option.value).children.first(where: { $0.label == "_parsedValue" }),
                  Mirror(reflecting: parsed.value).children.first?.label == "value" else { return false }
        }
        return true
    }
}

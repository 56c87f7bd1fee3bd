import KernelMM

/// Narrates the steps an operation recorded with `explain on` (the words are in `Messages/Catalog+Explain*.swift`).
enum ExplainRenderer {
    static func render(_ steps: [ExplainStep], kernel k: Kernel, style: Style, lang: Language = .en) -> String {
        lines(steps, kernel: k, lang: lang).map { style.paint("  · " + $0, .gray) }.joined(separator: "\n") + "\n"
    }

    static func lines(_ steps: [ExplainStep], kernel k: Kernel, lang: Language = .en) -> [String] {
        steps.map { Message.explain($0, kernel: k).text(lang) }
    }
}

import KernelMM

/// `glossary [TERM]`: the course's terms, English ↔ Korean, each with a one-sentence definition in both languages.
/// The file is lessons/glossary.yaml, next to the lessons (the same directory `lesson list` reads).
enum GlossaryCommands {
    static func glossary(_ s: ShellSession) throws(CommandError) -> Glossary {
        // The first directory of the search path that has a glossary (a drafts directory usually has none).
        let dirs = s.lessons.directory.map { [$0] } ?? LessonCatalog.searchPath(in: s.files)
        let dir = dirs.first { FileOutput.isRegularFile($0 + "/" + Glossary.fileName, in: s.files) } ?? dirs.first ?? LessonCatalog.builtInDirectory(in: s.files)
        let (g, diags) = Glossary.load(directory: dir, in: s.files)
        guard let g, diags.isEmpty else {
            throw .other(s.say(.glossaryUnreadable(dir, diags.map(\.description))))
        }
        return g
    }

    static let all: [CommandSpec] = [
        CommandSpec("glossary", family: .lessons, arguments: [.init("term", .text, optional: true)],
                    summary: "the course's terms in English and Korean: 'glossary' lists them, 'glossary TERM' defines one",
                    details: "Terms are found in either language, by a kernel identifier (free_area) or by part of a name. The list lives in lessons/glossary.yaml, shared by every lesson.",
                    examples: ["glossary", "glossary free list", "glossary 워터마크", "glossary pfn"]) { s, a throws(CommandError) in
            let g = try glossary(s)
            let lang = s.language
            let key = a.rest.trimmingWhitespace()
            if key.isEmpty { return CommandOutput(text: GlossaryView.list(g.terms, lang)) }
            if let t = g.find(key) { return CommandOutput(text: GlossaryView.entry(t, lang)) }
            let near = g.matching(key)
            if near.count == 1 { return CommandOutput(text: GlossaryView.entry(near[0], lang)) }
            if !near.isEmpty { return CommandOutput(text: GlossaryView.list(near, lang)) }
            throw .badArgument(argument: "TERM", value: key, reason: s.say(.glossaryNoSuchTerm))
        },
    ]
}

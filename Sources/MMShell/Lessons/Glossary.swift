import Yams

/// The course's glossary: one file (`lessons/glossary.yaml`) shared by every lesson, each term in English and Korean
/// with a one-sentence definition in each language. `glossary [TERM]` reads it at the prompt and in lessons.
public struct Glossary: Sendable {
    public struct Term: Sendable, Equatable {
        /// The term itself: `free list` / `프리 리스트`.
        public var name: LocalizedText
        /// Other spellings that find it: kernel identifiers (`free_area`), plurals, abbreviations.
        public var also: [String]
        /// One sentence in each language.
        public var means: LocalizedText
    }

    public var terms: [Term]

    public static let fileName = "glossary.yaml"

    public static func load(directory: String, in fs: any FileSystem = HostFileSystem()) -> (Glossary?, [LessonDiagnostic]) {
        let path = directory + "/" + fileName
        guard let text = FileOutput.read(path, in: fs) else {
            return (nil, [LessonDiagnostic(file: path, line: 0, message: "cannot read the glossary")])
        }
        return decode(text, file: path)
    }

    public static func decode(_ yaml: String, file: String) -> (Glossary?, [LessonDiagnostic]) {
        var d = LessonDecoder(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            return (nil, [LessonDiagnostic(file: file, line: LessonDecoder.line(of: error), message: "not valid YAML: \(LessonDecoder.firstLine(error))")])
        }
        guard let root, let map = root.mapping, let seq = map["terms"]?.sequence else {
            d.error(root, "a glossary is a mapping with 'terms': a list of {term: {en, ko}, also: […], means: {en, ko}}")
            return (nil, d.diagnostics)
        }
        d.checkKeys(map, allowed: ["terms"], what: "glossary")
        var terms: [Term] = []
        var seen: [String: Int] = [:]
        for node in seq {
            guard let m = node.mapping else {
                d.error(node, "a term is a mapping: {term: {en, ko}, also: […], means: {en, ko}}")
                continue
            }
            d.checkKeys(m, allowed: ["term", "also", "means"], what: "term")
            let t = Term(name: d.text(m["term"], "term", in: node), also: d.strings(m["also"], "also"), means: d.text(m["means"], "means", in: node))
            var own: [String] = []
            for key in ([t.name.en, t.name.ko].compactMap { $0 } + t.also).map(normalized) where !own.contains(key) {
                own.append(key)
                if let line = seen[key] { d.error(node, "'\(key)' already names the term at line \(line)") }
                seen[key] = (node.mark?.line ?? 0)
            }
            terms.append(t)
        }
        return (Glossary(terms: terms), d.diagnostics)
    }

    /// Case, spaces, '-' and '_' do not matter: `free list`, `Free-List` and `free_list` are one key.
    static func normalized(_ s: String) -> String {
        String(s.lowercased().map { " -_".contains($0) ? "-" : $0 }).trimmingWhitespace()
    }

    /// The term named `key` in either language or by one of its other spellings; a trailing plural 's' is forgiven.
    public func find(_ key: String) -> Term? {
        let k = Self.normalized(key)
        let candidates = k.hasSuffix("s") && k.count > 2 ? [k, String(k.dropLast())] : [k]
        for c in candidates {
            if let t = terms.first(where: { t in ([t.name.en, t.name.ko].compactMap { $0 } + t.also).map(Self.normalized).contains(c) }) { return t }
        }
        return nil
    }

    /// Terms whose names contain `key`, for "did you mean" and for a search.
    public func matching(_ key: String) -> [Term] {
        let k = Self.normalized(key)
        guard !k.isEmpty else { return [] }
        return terms.filter { t in ([t.name.en, t.name.ko].compactMap { $0 } + t.also).map(Self.normalized).contains { $0.contains(k) } }
    }

    /// What Tab offers after `glossary `: each English term with '-' for spaces, so it stays one word.
    public var completions: [String] { terms.compactMap(\.name.en).map(Self.normalized) }
}

@testable import KernelMM
@testable import MMShell
import Testing

/// Under `--lang ko` every sentence kmemsim itself says is Korean; only the simulated kernel's own text (its reports,
/// /proc, dmesg), identifiers and C stay English. These tests run a corpus of commands that reach every error and
/// help path and look for English prose in what a Korean session prints.
@Suite struct KoreanCoverageTests {
    /// Words English prose cannot go three words without; identifiers and lists of names (`arch mem cpus`,
    /// `on, off, tree`) have none of them.
    static let functionWords: Set<String> = [
        "a", "an", "the", "is", "are", "was", "be", "been", "of", "to", "in", "on", "for", "with", "without", "not", "no",
        "and", "or", "but", "by", "it", "its", "this", "that", "these", "from", "has", "have", "had", "can", "cannot",
        "would", "will", "does", "do", "did", "use", "give", "at", "as", "only", "may", "than", "into", "when", "which",
        "what", "there", "here", "if", "then", "so", "all", "any", "each", "every", "one", "more", "must", "should",
        "after", "before", "until", "while", "same", "also", "yet", "once", "where", "how", "why", "you", "your",
    ]

    /// The first run of three or more lowercase English words holding a function word, outside quotes ('…', `…`,
    /// "…"), or nil. A word is letters with inner hyphens and outer punctuation (`direct-map,` `(may`); anything with
    /// `_`, digits, `=`, `/` or capitals is a name and breaks the run, and so does a comma after a word (a list).
    static func englishProse(_ line: String) -> String? {
        var unquoted = "", quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil; unquoted.append("Q") }
            } else if ch == "'" || ch == "`" || ch == "\"" {
                quote = ch
            } else {
                unquoted.append(ch)
            }
        }
        var run: [String] = []
        func flush() -> String? {
            defer { run = [] }
            guard run.count >= 3 else { return nil }
            let bare = run.map { String($0.filter { $0.isLetter || $0 == "-" }) }
            return bare.contains(where: functionWords.contains) ? run.joined(separator: " ") : nil
        }
        for token in unquoted.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let core = token.drop { "([".contains($0) }.reversed().drop { ".,;:)]?!".contains($0) }.reversed()
            let isWord = !core.isEmpty && core.first != "-" && core.last != "-"
                && core.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
            if isWord {
                run.append(String(token))
                if token.hasSuffix(",") || token.hasSuffix(";") || token.hasSuffix(":") { if let p = flush() { return p } }
            } else if let p = flush() {
                return p
            }
        }
        return flush()
    }

    @Test func theDetectorFindsProseAndLetsNamesPass() {
        #expect(Self.englishProse("오류: CACHE 'x': no such cache; see cat /proc/slabinfo") != nil)
        #expect(Self.englishProse("  문맥:     process context only (may sleep)") != nil)
        #expect(Self.englishProse("freed 3 pages and the range") != nil)
        #expect(Self.englishProse("다음 중 하나를 쓰세요: on, off, show, clear") == nil)
        #expect(Self.englishProse("부팅 매개변수 'x': 없는 매개변수입니다. 키 목록: arch mem cpus slab min_free_kbytes pcp") == nil)
        #expect(Self.englishProse("gfp 마스크: GFP_KERNEL | __GFP_ZERO, 'did you mean this one'") == nil)
        #expect(Self.englishProse("cpu0: preempt_count 0x00000001 (preempt 1), 인터럽트 켜짐") == nil)
        #expect(Self.englishProse("예:       v = vmalloc 8192   vmarea $v   vfree $v") == nil)
    }

    /// Lines the simulated kernel printed (its reports so far, rendered as the shell prints them): these stay English.
    static func kernelLines(_ k: Kernel) -> Set<Substring> {
        var lines: Set<Substring> = []
        for e in k.log.entries {
            for l in ReportRenderer.render(e.report, kernel: k).split(separator: "\n") { lines.insert(l) }
        }
        return lines
    }

    /// The English prose a Korean session printed for `line`, one finding per offending output line.
    static func findings(_ sh: inout Shell, _ line: String) -> [String] {
        let r = sh.execute(line)
        let kernel = kernelLines(sh.session.kernel)
        var found: [String] = []
        for l in (r.stdout + r.stderr).split(separator: "\n") where !kernel.contains(l) {
            if let p = englishProse(String(l)) { found.append("'\(line)' → \(l.prefix(160))   [\(p)]") }
        }
        return found
    }

    static func koreanShell(_ boot: [String] = []) throws -> Shell {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        try BootParamParser.apply(boot, to: &p)
        var sh = try Shell(params: p)
        sh.session.lessons.progressPath = nil
        sh.session.language = .ko
        return sh
    }

    @Test func everyBadInputIsExplainedInKorean() throws {
        var booted: [String: Shell] = [:]
        var found: [String] = []
        var checked = 0
        for e in try CorpusTests.entries() where e.error != nil || e.report != nil {
            let key = e.boot.joined(separator: " ")
            if booted[key] == nil { booted[key] = try Self.koreanShell(e.boot) }
            guard var sh = booted[key] else { continue }
            let dir = SaveLoadTests.tempDir()
            func sub(_ s: String) -> String { s.split(separator: "$DIR", omittingEmptySubsequences: false).joined(separator: dir) }
            for step in e.setup {
                switch step {
                case .run(let line): _ = sh.execute(sub(line))
                case .file(let name, let text): try FileOutput.write(text, to: dir + "/" + name, force: true)
                case .save(let name, let edit):
                    try FileOutput.write(CorpusTests.damage(try SessionDocument.text(sh.session), edit), to: dir + "/" + name, force: true)
                }
            }
            found += Self.findings(&sh, sub(e.input))
            checked += 1
        }
        #expect(checked >= 300, "\(checked) corpus entries")
        #expect(found.isEmpty, "English under --lang ko (\(found.count)):\n\(found.joined(separator: "\n"))")
    }
}

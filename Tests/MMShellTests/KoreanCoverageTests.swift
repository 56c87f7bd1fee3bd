@testable import KernelMM
@testable import MMShell
import Testing
#if canImport(Glibc)
import Glibc
#endif

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
    /// The kernel's own messages, which Korean sentences quote as they are, and the C library's reasons (strerror)
    /// that file errors end with.
    static let kernelPhrases = ["scheduling while atomic", "sleeping function called from invalid context", "page allocation failure"]
        + [ENOENT, EISDIR, ENOTDIR, EACCES, EEXIST].map { String(cString: strerror($0)) }

    static func englishProse(_ line: String) -> String? {
        var unquoted = "", quote: Character?
        var line = line
        for p in kernelPhrases { line = line.split(separator: p, omittingEmptySubsequences: false).joined(separator: "Q") }
        // The YAML library's own report of a syntax error ends the line as the library words it.
        for lib in ["error: parser:", "error: scanner:", "error: composer:"] {
            if let r = line.range(of: lib) { line = String(line[..<r.lowerBound]) }
        }
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
            // The query language's word operators listed side by side are syntax, not a sentence.
            if bare.allSatisfy(["in", "and", "or", "not"].contains) { return nil }
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
    static func findings(_ sh: inout Shell, _ line: String, _ scope: Scope = .all) -> [String] {
        let r = sh.execute(line)
        let kernel = kernelLines(sh.session.kernel)
        let examples = Message.helpExamples.ko.trimmingCharacters(in: " ")
        var found: [String] = []
        let lines = scope == .all ? (r.stdout + r.stderr).split(separator: "\n")
            : r.stderr.split(separator: "\n") + r.stdout.split(separator: "\n").filter { $0.hasPrefix("kmemsim: ") || $0.hasPrefix("  · ") }
        for l in lines where !kernel.contains(l) {
            // `help CMD`'s examples are command lines.
            if l.drop(while: { $0 == " " }).hasPrefix(examples) { continue }
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
        #expect(checked >= 80, "\(checked) corpus entries")
        #expect(found.isEmpty, "English under --lang ko (\(found.count)):\n\(found.joined(separator: "\n"))")
    }

    /// What of a line's output the walk checks: `.all` of it, or only kmemsim's words around a view or a value
    /// (errors, notes, explain narration): the views themselves (zones, slab, cpus, compare, the value line's
    /// `[object 0 of …]`) are the view models' to word.
    enum Scope { case all, words }

    /// A Korean session at the prompt: help for every topic and command, explain narration, notes on misuse, what
    /// commands say about their results, and the lesson and quiz interface.
    static var walk: [(String, Scope)] {
        var lines: [(String, Scope)] = (["help"] + ["gfp", "arch", "config", "boot", "query", "all"].map { "help " + $0 }
            + CommandFamily.allCases.map { "help " + $0.key } + CommandTable.standard.all.map { "help " + $0.name }).map { ($0, .all) }
        lines += [
            "explain on",
            "p = alloc_pages GFP_KERNEL 3", "q = alloc_pages GFP_ATOMIC 0", "__free_pages $q 0",
            "__free_pages $p 2", "__free_pages $p 3",
            "c = kmem_cache_create my_cache 100 SLAB_POISON", "x = kmem_cache_alloc my_cache GFP_KERNEL",
            "kmem_cache_free my_cache $x", "kmem_cache_free my_cache $x",
            "k = kmalloc 100 GFP_KERNEL", "kfree $k", "kmalloc 9000 GFP_KERNEL",
            "v = vmalloc 16K", "kvmalloc 64K GFP_KERNEL",
            "explain off",
            "get_cpu", "kmalloc 64 GFP_KERNEL", "put_cpu", "put_cpu",
            "spin_lock mylock", "spin_lock mylock", "spin_unlock mylock", "spin_unlock mylock",
            "zones", "cpus", "percpu", "slabtop", "slab my_cache", "task list", "compare 8K", "vars", "gfp GFP_KERNEL",
        ].map { ($0, .words) }
        lines += [
            "kmalloc_size_roundup 100", "kmalloc_size_roundup 20000", "vfree $v", "get_cpu", "cpu 1", "irq_enter",
            "vmalloc 8K", "irq_exit", "put_cpu", "DEFINE_PER_CPU int counter", "this_cpu_inc counter", "per_cpu counter 1",
            "task create worker", "stack use 1234 4K", "write 0x1000 1", "write $x 1", "validate my_cache",
            "kmem_cache_create my_cache2 100", "undo", "reset", "vars",
            "lesson list", "lesson start pages", "answer zzz", "hint", "hint", "goal", "skip", "next", "lesson summary",
            "lesson quit",
            "quiz buddy", "answer 0", "answer 1", "quiz gfp", "answer yes", "answer no", "quiz slab", "answer 1",
            // The query language's roots refusing their arguments.
            "print zone(\"Nomral\").free", "print zone(3)", "print cpu(9)", "print cpu(\"x\")", "print page(NULL)",
            "print page(\"x\")", "print page(99999999)", "print cache(\"kmalloc-6\")", "print cache(1)", "print task(99)",
            "print task(\"x\")", "print vmalloc(0)", "print vmalloc(\"x\")", "print object(0)", "print object(\"x\")",
            "print per_cpu(\"nope\", 0)", "print per_cpu(1, 0)", "print zone(\"DMA\").free[11]", "print zone(\"DMA\").free[\"x\"]",
            "print zone(\"DMA\").free_by_type(\"Nope\")", "print zone(\"DMA\").free_by_type(1)", "print gfp(1.5)", "print gfp([1])",
            // Kernel C the interpreter does not model, and C that does not parse (the quiz above is answered first).
            "answer 1", "answer 1", "switch (x) { }", "enum e { A };", "printk(3);", "typedef int t;", "struct bits { int a : 3; };",
            "int (*fp)(void);", "else x = 1;", "int q = ;", "int f(void) { int g(void) { return 0; } return 0; }",
        ].map { ($0, .all) }
        return lines
    }

    @Test func aKoreanSessionSaysNothingInEnglishProse() throws {
        var sh = try Self.koreanShell()
        var found: [String] = []
        for (line, scope) in Self.walk { found += Self.findings(&sh, line, scope) }
        #expect(found.isEmpty, "English under --lang ko (\(found.count)):\n\(found.joined(separator: "\n"))")
    }

    /// The views' own words (the value line after an allocation, `kmem ADDR`, `page PFN` after dump_page(),
    /// `vmarea`, `percpu`, `cpus`, `task list`) are Korean; dump_page()'s lines, column names and kernel names stay.
    @Test func theViewsOwnWordsAreKorean() throws {
        var sh = try Self.koreanShell()
        var found: [String] = []
        let lines = ["p = alloc_pages GFP_KERNEL 3", "kmem $p", "page $p", "page pfn:$p+1", "q = alloc_pages GFP_KERNEL 0",
                     "__free_pages $q 0", "page $q", "a = kmalloc 100 GFP_KERNEL", "kmem $a", "kmem $a+8",
                     "v = vmalloc 8192", "kmem $v", "kmem $v+0x2000", "vmarea $v", "u = alloc_percpu 8", "kmem $u", "percpu",
                     "get_cpu", "cpus", "put_cpu", "task list", "slab kmalloc-128", "vars", "compare 100", "compare 64K",
                     "compare 3M GFP_ATOMIC", "zones", "buddy DMA32", "c9 = kmem_cache_create k9 64 ctor", "slab k9",
                     "DEFINE_PER_CPU int y9", "percpu"]
        var shown = ""
        for line in lines {
            found += Self.findings(&sh, line)
            shown += sh.execute("vars").stdout
        }
        #expect(found.isEmpty, "English under --lang ko (\(found.count)):\n\(found.joined(separator: "\n"))")
        let p = sh.execute("kmem $p").stdout, a = sh.execute("kmem $a").stdout
        #expect(p.contains("order-3 블록, zone "), "\(p)")
        #expect(a.contains("[할당됨]") && a.contains("객체 크기 128"), "\(a)")
        #expect(shown.contains("kmalloc-128의 객체 0") && shown.contains("[vmalloc 영역]"), "\(shown)")
    }

    /// The allocation result line is written byte by byte in English (PageBlock.write(into:)); the catalog's English
    /// must say the same for every kind of frame, or `--lang en` and the Korean path would drift apart.
    @Test func theValueLineIsTheSameInBothWritings() {
        let blocks: [PageBlock] = [
            .allocated(order: 3, zone: "Normal", compoundHead: false), .allocated(order: 2, zone: "DMA32", compoundHead: true),
            .free(order: 10, zone: "DMA"), .pcp(zone: "Normal"), .reserved(zone: nil), .absent,
            .inAllocated(index: 2, order: 3, head: 0x1000, zone: "Normal"), .inFree(order: 4, head: 0x2000, zone: "HighMem"),
            .tail(zone: nil),
        ]
        for b in blocks {
            #expect(b.summary == Message.pageBlock(b).en)
            #expect(b.summary(.en) == b.summary)
            #expect(Self.englishProse(b.summary(.ko)) == nil, "\(b.summary(.ko))")
            #expect(b.summary(.ko) != b.summary || b == .tail(zone: nil), "\(b)")
        }
    }

    @Test func aHeadlessLessonRunSummarisesInKorean() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Tests/MMShellTests/KoreanCoverageTests.swift
        let catalog = LessonCatalog.load(directory: parts.joined(separator: "/") + "/lessons")
        let lesson = try #require(catalog.find("gfp-sleep"))
        let r = LessonRunner.run(lesson, input: ["answer zzz", "skip"], language: .ko, noSkip: false)
        var found: [String] = []
        for l in (r.stdout + r.stderr).split(separator: "\n") { if let p = Self.englishProse(String(l)) { found.append("\(l) [\(p)]") } }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        #expect(r.stdout.contains("레슨 gfp-sleep: 미완료"), "\(r.stdout.suffix(300))")
    }

    @Test func anUnreadableProgressFileIsReportedInKorean() throws {
        let path = SaveLoadTests.tempDir() + "/progress.json"
        try FileOutput.write("{\"version\": 7, \"lessons\": {}}\n", to: path, force: true)
        var sh = try Self.koreanShell()
        sh.session.lessons.progressPath = path
        let out = sh.execute("lesson list").stdout
        #expect(out.contains("경고: 진행 기록 파일을 읽을 수 없습니다: \(path) (모르는 버전입니다"), "\(out.suffix(300))")
        #expect(!out.contains("unknown version"))
        let imported = sh.execute("lesson import " + path)
        #expect(imported.stderr.contains("진행 기록 파일이 아닙니다") || imported.stderr.contains("모르는 버전"), "\(imported.stderr)")
    }

    /// Every phrase the C parser says it expected or does not model has its Korean (a new one must be added there).
    @Test func everyCParserPhraseHasKorean() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        let dir = parts.joined(separator: "/") + "/Sources/MMShell/C/"
        var phrases: [String] = []
        for file in ["CParser.swift", "CBuiltins.swift", "CTypeView.swift", "CInterpreter.swift"] {
            let text = try FileOutput.readText(dir + file)
            for marker in ["notModelledSyntax(\"", "identifier(\"a", "expected(\"a", "expected(\"one", "expected(\"end", "found: \"end", "found: \"'else'"] {
                var rest = text[...]
                while let r = rest.range(of: marker) {
                    let start = text.index(r.upperBound, offsetBy: marker.hasSuffix("\"") ? 0 : -(marker.count - (marker.firstIndex(of: "\"").map { marker.distance(from: marker.startIndex, to: $0) + 1 } ?? 0)))
                    guard let end = text[start...].firstIndex(of: "\"") else { break }
                    phrases.append(String(text[start..<end]))
                    rest = text[end...]
                }
            }
        }
        #expect(phrases.count >= 15, "\(phrases)")
        let missing = Set(phrases).filter { Message.koreanCPhrases[$0] == nil }
        #expect(missing.isEmpty, "no Korean for C parser phrases: \(missing.sorted())")
    }
}


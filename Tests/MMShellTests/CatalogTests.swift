import Foundation
import KernelMM
import Testing
@testable import MMShell

@Suite struct CatalogTests {
    static var small: BootParams { var p = BootParams(); p.memory = 64 << 20; p.cpus = 1; return p }

    @Test func everyCommandHasAKoreanSummary() {
        for c in CommandTable.standard.all.flatMap({ [$0] + $0.subcommands }) {
            let m = Message.commandSummary(c)
            #expect(m.ko != m.en, "no Korean summary for \(c.name)")
            #expect(m.ko.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }, "\(c.name)")
        }
    }

    @Test func koreanNeverGluesParticlesOnASlot() {
        // The review found `(으)로`-style joins; catalog sentences are written whole.
        var samples: [Message] = [
            .unknownCommand("kmaloc", suggestion: "kmalloc"), .unknownGFPFlag("X", suggestion: nil), .badNumber("zz", what: "size"),
            .unknownVariable("q", known: []), .unreadableAnswer("zz", .number), .answerPrompt(.hex), .predictPrompt(.yesNo),
        ]
        samples += AnswerKind.allCases.map { .answerPrompt($0) }
        for m in samples {
            for glued in ["(으)", "을(를)", "이(가)", "은(는)", "와(과)"] { #expect(!m.ko.contains(glued), "\(m.ko)") }
        }
    }

    @Test func errorsSpeakTheSessionLanguage() throws {
        var shell = try Shell(params: Self.small)
        shell.session.language = .ko
        let r = shell.execute("alloc_pages GFP_KERNL 0")
        #expect(r.stderr == "오류: 없는 gfp 플래그입니다: 'GFP_KERNL'. GFP_KERNEL 플래그를 찾으셨나요?\n")
        shell.session.language = .en
        #expect(shell.execute("alloc_pages GFP_KERNL 0").stderr == "error: unknown gfp flag 'GFP_KERNL'; did you mean GFP_KERNEL?\n")
    }

    @Test func languageComesFromTheLocaleInPOSIXOrder() {
        #expect(Language.fromEnvironment { ["LANG": "ko_KR.UTF-8"][$0] } == .ko)
        #expect(Language.fromEnvironment { ["LC_ALL": "C", "LANG": "ko_KR.UTF-8"][$0] } == .en)
        #expect(Language.fromEnvironment { ["LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"][$0] } == .ko)
        #expect(Language.fromEnvironment { _ in nil } == .en)
    }

    @Test func lessonListStatusColumnAlignsWithHangulTitles() throws {
        var shell = try Shell(params: Self.small)
        shell.session.language = .ko
        let lines = shell.execute("lesson list").stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("시작 전") }
        try #require(lines.count >= 2)
        let columns = Set(lines.map { $0.displayWidth - "시작 전".displayWidth })
        #expect(columns.count == 1, "status column starts at \(columns)")
    }
}

@Suite struct ReportJSONTests {
    static var small: BootParams { CatalogTests.small }

    func json(_ lines: [String], lang: Language = .en) throws -> [String] {
        var shell = try Shell(params: Self.small, settings: ShellSettings(json: true))
        shell.session.language = lang
        return lines.map { shell.execute($0).stdout }
    }

    @Test func aKernelBugCarriesKindSeverityFieldsTextAndNote() throws {
        let out = try json(["free_pages 0x1001 0"])[0]
        #expect(out.contains(#""kind":"kernel_bug","severity":"BUG","fields":{"file":"mm/page_alloc.c","line":4526,"function":"free_pages"}"#))
        #expect(out.contains(#""text":"------------[ cut here ]------------\nkernel BUG at mm/page_alloc.c:4526!"#))
        #expect(out.contains(#""note":"0x1001 is not a direct-map (lowmem) address"#))
    }

    @Test func kmemsimOnlyNotesAndWarningsHaveTheirSeverity() throws {
        let out = try json(["p = alloc_pages GFP_KERNEL 1", "__free_pages $p 2", "alloc_pages GFP_KERNEL 11"])
        #expect(out[1].contains(#""kind":"kmemsim_note","severity":"kmemsim note""#))
        #expect(out[2].contains(#""kind":"warning","severity":"WARNING","fields":{"file":"mm/page_alloc.c","line":4402"#))
    }

    @Test func theNoteFollowsTheLanguageButTheKernelTextDoesNot() throws {
        let ko = try json(["free_pages 0x1001 0"], lang: .ko)[0]
        #expect(ko.contains("kernel BUG at mm/page_alloc.c:4526!"))
        #expect(ko.contains("직접 매핑(lowmem) 주소가 아니어서"))
    }
}

/// `help CMD` in Korean: details and contexts, for every command that has them in English.
@Suite struct CommandHelpKoreanTests {
    static func hangul(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 } }

    @Test func everyCommandWithDetailsHasThemInKorean() {
        var missing: [String] = []
        for c in CommandTable.standard.all where !c.details.isEmpty {
            let m = Message.commandDetails(c)
            if m.ko == m.en || !Self.hangul(m.ko) { missing.append(c.name) }
        }
        #expect(missing.isEmpty, "no Korean details: \(missing)")
        // Nothing stale: every Korean entry belongs to a command with English details.
        let withDetails = Set(CommandTable.standard.all.filter { !$0.details.isEmpty }.map(\.name))
        #expect(Set(Message.koreanDetails.keys).subtracting(withDetails).isEmpty)
    }

    @Test func everyContextPhraseHasKorean() {
        var missing: [String] = []
        for c in CommandTable.standard.all {
            guard let m = Message.commandContexts(c) else { continue }
            if m.ko == m.en || !Self.hangul(m.ko) { missing.append("\(c.name): \(m.en)") }
        }
        #expect(missing.isEmpty, "no Korean context: \(missing)")
        let used = Set(CommandTable.standard.all.compactMap(\.contexts))
        #expect(Set(Message.koreanContexts.keys).subtracting(used).isEmpty, "unused: \(Set(Message.koreanContexts.keys).subtracting(used))")
    }

    @Test func helpForACommandIsKoreanButKeepsItsCDeclaration() throws {
        var shell = try Shell(params: CatalogTests.small)
        shell.session.language = .ko
        let out = shell.execute("help vmalloc").stdout
        #expect(out.contains("문맥:     프로세스 문맥에서만"))
        #expect(out.contains("vmalloc 공간에서 맞는 가장 낮은 빈 범위를 찾고"))
        #expect(out.contains("void *vmalloc(unsigned long size);"))
        #expect(!out.contains("Finds the lowest free range"))
    }
}

/// `help query` in Korean: every root, type, field, index, dynamic field and function of the registry.
@Suite struct QueryHelpKoreanTests {
    static var keys: [String] {
        var keys = QueryRegistry.roots.map { "root:" + $0.name } + QueryRegistry.functions.map { "function:" + $0.name }
        for t in QueryRegistry.types {
            keys.append("type:" + t.name)
            for f in t.fields {
                keys.append("field:\(t.name).\(f.name)")
                if f.indexSummary != nil { keys.append("index:\(t.name).\(f.name)") }
            }
            if t.dynamic != nil { keys.append("dynamic:" + t.name) }
        }
        return keys
    }

    @Test func everyRegistryEntryHasKorean() {
        let missing = Self.keys.filter { Message.koreanQueryHelp[$0] == nil }
        #expect(missing.isEmpty, "no Korean for \(missing)")
        let stale = Set(Message.koreanQueryHelp.keys).subtracting(Self.keys)
        #expect(stale.isEmpty, "no such entry: \(stale.sorted())")
    }

    @Test func helpQueryIsKoreanUnderKo() throws {
        var shell = try Shell(params: CatalogTests.small)
        shell.session.language = .ko
        let out = shell.execute("help query").stdout
        #expect(out.contains("질의 언어"))
        #expect(out.contains("NR_FREE_PAGES: 버디 free list에 있는 페이지 수"))
        #expect(!out.contains("pages on the buddy free lists"))
        shell.session.language = .en
        #expect(shell.execute("help query").stdout.contains("NR_FREE_PAGES: pages on the buddy free lists (pcp pages not counted)"))
    }
}

/// No Korean sentence anywhere in the shell joins a particle for either final sound (`(으)로`, `을(를)`…): the review
/// found such template joins; whole sentences per language are the rule.
@Suite struct NoGluedParticlesTests {
    @Test func noSourceFileGluesAParticle() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        let root = parts.joined(separator: "/") + "/Sources/"
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100)
        for f in files {
            let text = try FileOutput.readText(root + f)
            for line in text.split(separator: "\n") where !line.drop(while: { $0 == " " }).hasPrefix("//") {
                for glued in ["(으)", "을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)", "(이)라"] {
                    #expect(!line.contains(glued), "\(f): \(line)")
                }
            }
        }
    }
}

/// Each free that meets a page whose refcount is already 0 says what a kernel without CONFIG_DEBUG_VM would do
/// (the report kmemsim prints is the CONFIG_DEBUG_VM one), in both languages.
@Suite struct RefcountZeroFreeNoteTests {
    @Test(arguments: [
        ["p = alloc_pages GFP_KERNEL 0", "__free_pages $p 0", "__free_pages $p 0"],       // on a pcp list
        ["p = alloc_pages GFP_KERNEL 4", "__free_pages $p 4", "__free_pages $p 4"],       // a buddy head
        ["p = alloc_pages GFP_KERNEL 2", "n = page_to_pfn $p", "q = print $n + 1", "__free_pages $q 0"], // a tail of an allocated block
    ])
    func saysWhatADistributionKernelDoes(_ lines: [String]) throws {
        for (lang, expected) in [(Language.en, "without it (a distribution kernel) nothing is checked here"),
                                 (Language.ko, "그 옵션이 없는 커널(배포판 커널)은 여기서 아무것도 검사하지 않습니다")] {
            var shell = try Shell(params: CatalogTests.small)
            shell.session.language = lang
            for l in lines.dropLast() { #expect(shell.execute(l).stderr.isEmpty, "\(l)") }
            let r = shell.execute(lines.last!)
            #expect((r.stdout + r.stderr).contains(expected), "\(lines.last!): \(r.stdout + r.stderr)")
            #expect((r.stdout + r.stderr).contains("put_page_testzero()"))
        }
    }
}

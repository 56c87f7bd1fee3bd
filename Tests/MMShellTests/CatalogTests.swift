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

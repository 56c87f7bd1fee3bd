import MMShell
import Testing

/// The course's glossary: one file for every lesson, reachable as `glossary [TERM]` at the prompt and in lessons.
@Suite struct GlossaryTests {
    func shell(_ lang: LessonLanguage = .en) throws -> Shell {
        var sh = try Shell()
        sh.session.lessons.directory = lessonsDirectory()
        sh.session.lessons.language = lang
        return sh
    }

    @Test func theFileLoadsAndEveryTermIsBilingual() throws {
        let (g, diags) = Glossary.load(directory: lessonsDirectory())
        #expect(diags.isEmpty, "\(diags)")
        let glossary = try #require(g)
        #expect(glossary.terms.count >= 30)
        for t in glossary.terms {
            #expect(!(t.name.en ?? "").isEmpty && !(t.means.en ?? "").isEmpty)
            #expect((t.means.ko ?? "").unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        }
        #expect(LessonChecker.check(path: lessonsDirectory() + "/" + Glossary.fileName).isEmpty)
    }

    @Test func termsTheWholeCourseNeedsAreThere() throws {
        let g = try #require(Glossary.load(directory: lessonsDirectory()).0)
        for term in ["page", "PFN", "struct page", "zone", "ZONE_HIGHMEM", "order", "buddy", "free list", "fragmentation",
                     "migrate type", "pageblock", "fallback", "gfp mask", "watermark", "pcp", "double free",
                     "kmalloc", "vmalloc", "slab", "cache", "object", "per-CPU data", "preemption", "kernel stack",
                     "guard page", "red zone", "poison"] {
            #expect(g.find(term) != nil, "\(term) is missing")
        }
    }

    @Test func findsATermInEitherLanguageOrByItsKernelName() throws {
        var sh = try shell()
        let o = sh.execute("glossary free list")
        #expect(o.succeeded)
        #expect(o.stdout.hasPrefix("free list — free 리스트"))
        #expect(o.stdout.contains("nr_free counts the blocks"))
        #expect(o.stdout.contains("빈 블록을 모아 둔 리스트"))
        #expect(sh.execute("glossary 워터마크").stdout.hasPrefix("watermark — 워터마크"))
        #expect(sh.execute("glossary free_area").stdout.hasPrefix("free list"))
        #expect(sh.execute("glossary PFNs").stdout.hasPrefix("page frame number"))
    }

    @Test func koreanLearnersReadKoreanFirst() throws {
        var sh = try shell(.ko)
        let lines = sh.execute("glossary buddy").stdout.split(separator: "\n")
        #expect(lines.first == "버디 (buddy)   (다른 이름: __find_buddy_pfn)")
        #expect(lines.count == 3 && lines[1].contains("나머지 절반") && lines[2].contains("The other half"))
    }

    @Test func theListAndPartialNames() throws {
        var sh = try shell()
        let list = sh.execute("glossary").stdout
        #expect(list.contains("\n  zone ") && list.contains("term(s); 'glossary TERM'"))
        let dma = sh.execute("glossary dma").stdout
        #expect(dma.contains("ZONE_DMA ") && dma.contains("ZONE_DMA32"))
    }

    @Test func anUnknownTermIsAClearError() throws {
        var sh = try shell()
        let o = sh.execute("glossary qwerty")
        #expect(!o.succeeded)
        #expect(o.stderr.contains("no such term in the glossary; 'glossary' lists every term"))
        var ko = try shell(.ko)
        #expect(ko.execute("glossary qwerty").stderr.contains("용어집에 없는 용어입니다"))
    }

    @Test func worksInsideALessonAndCompletes() throws {
        var sh = try lessonShell("pages")
        #expect(sh.execute("glossary pfn").succeeded)
        #expect(sh.session.lessons.active?.step.id == "intro")
        #expect(sh.complete("glossary free-l").candidates == ["free-list"])
        #expect(sh.complete("glossary wat").candidates == ["watermark"])
    }

    @Test func isNotALesson() throws {
        let cat = LessonCatalog.load(directory: lessonsDirectory())
        #expect(cat.problems.isEmpty, "\(cat.problems)")
        #expect(!cat.lessons.contains { $0.file.hasSuffix(Glossary.fileName) })
    }

    @Test func aBrokenGlossaryNamesItsLine() {
        let (_, diags) = Glossary.decode("terms:\n  - term: {en: page, ko: 페이지}\n    means: {en: a page}\n", file: "g.yaml")
        #expect(diags.map(\.description) == ["g.yaml:3: 'means' has no Korean text (ko:)"])
        let (_, dup) = Glossary.decode("terms:\n  - term: {en: a, ko: 가}\n    means: {en: x, ko: 가}\n  - term: {en: b, ko: 나}\n    also: [A]\n    means: {en: y, ko: 나}\n", file: "g.yaml")
        #expect(dup.count == 1 && dup[0].message.contains("'a' already names"))
    }
}

import Glibc
import KernelMM
import MMShell
import Testing

/// A lesson can start from a saved session (`start: FILE.json`, relative to the lesson file): the file goes through
/// `load`'s checks when the lesson starts; a missing or bad file is an error of the lesson file, in both languages,
/// and the learner's machine stays as it was.
@Suite struct LessonStartFileTests {
    static let lesson = """
    id: from-saved
    title: {en: "From a saved machine", ko: "저장한 머신에서"}
    summary: {en: "Starts where a session was saved.", ko: "저장한 세션에서 시작합니다."}
    start: states/saved.json
    setup: ["q = alloc_pages GFP_KERNEL 0"]
    steps:
      - id: order
        kind: ask
        text: {en: "What is the order of $p?", ko: "$p의 order는 얼마입니까?"}
        answer: {kind: number, query: 'page($p).order'}
        solution: ["3"]
        wrong: ["2"]
      - id: more
        kind: do
        text: {en: "Allocate an order-2 block as r.", ko: "order 2 블록을 r로 할당하세요."}
        goal: 'page($r).order == 2'
        solution: ["r = alloc_pages GFP_KERNEL 2"]
    recap: {en: "Done.", ko: "끝."}
    """

    /// Saves a 64 MiB machine holding an order-3 block in $p and a cache, as a teacher would before writing the lesson.
    static func saveSession(to path: String) throws {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 1
        var sh = try Shell(params: p)
        for l in ["p = alloc_pages GFP_KERNEL 3", "kmem_cache_create dogs 96", "save \(path)"] {
            let o = sh.execute(l)
            guard o.succeeded else { throw TestFailure("\(l): \(o.stderr)") }
        }
    }

    static func learner(_ lang: LessonLanguage = .en) throws -> Shell {
        var sh = try Shell()
        sh.session.lessons.progressPath = nil
        sh.session.lessons.language = lang
        return sh
    }

    @Test func aLessonStartsFromTheSavedSessionAndChecksClean() throws {
        try withTemporaryDirectory { dir in
            _ = mkdir(dir + "/states", 0o755)
            try Self.saveSession(to: dir + "/states/saved.json")
            writeFile(dir + "/l.yaml", Self.lesson)
            var sh = try Self.learner()
            let o = sh.execute("lesson start \(dir)/l.yaml")
            #expect(o.succeeded, "\(o.stderr)")
            // The saved machine, its variables and its cache, then the lesson's setup on top.
            #expect(sh.session.kernel.params.memory == 64 << 20)
            #expect(sh.session.kernel.slab.cache(named: "dogs") != nil)
            #expect(sh.session.variables["p"] != nil && sh.session.variables["q"] != nil)
            #expect(sh.execute("3").stdout.contains("✓"))
            #expect(LessonChecker.check(path: dir + "/l.yaml").isEmpty)
        }
    }

    @Test func aMissingOrBadStartFileIsALessonFileErrorAndChangesNothing() throws {
        try withTemporaryDirectory { dir in
            writeFile(dir + "/l.yaml", Self.lesson)
            var sh = try Self.learner()
            _ = sh.execute("x = alloc_pages GFP_KERNEL 1")
            let before = sh.session.kernel, vars = sh.session.variables
            let missing = sh.execute("lesson start \(dir)/l.yaml")
            #expect(!missing.succeeded)
            #expect(missing.stderr.contains("lesson from-saved cannot start from 'states/saved.json' (start: at line 4 of \(dir)/l.yaml; the path is relative to the lesson file): cannot load \(dir)/states/saved.json"), "\(missing.stderr)")
            #expect(missing.stderr.contains("Fix the path, or save the session again with 'save FILE'"))
            #expect(sh.session.kernel == before && sh.session.variables == vars && sh.session.lessons.active == nil)
            // lesson check names the line of start:.
            let d = LessonChecker.check(path: dir + "/l.yaml")
            #expect(d.count == 1 && d.first?.line == 4 && d.first?.message.contains("cannot start from 'states/saved.json'") == true, "\(d)")

            // Truncated: load's own words say what is wrong.
            _ = mkdir(dir + "/states", 0o755)
            try Self.saveSession(to: dir + "/states/saved.json")
            let full = readFile(dir + "/states/saved.json") ?? ""
            writeFile(dir + "/states/saved.json", String(full.prefix(full.count / 2)))
            let cut = sh.execute("lesson start \(dir)/l.yaml")
            #expect(cut.stderr.contains("ends in the middle of the document"), "\(cut.stderr)")
            #expect(sh.session.kernel == before)

            // Korean.
            sh.session.lessons.language = .ko
            sh.session.language = .ko
            let ko = sh.execute("lesson start \(dir)/l.yaml")
            #expect(ko.stderr.contains("레슨 from-saved: 'states/saved.json'에서 시작할 수 없습니다"), "\(ko.stderr)")
        }
    }

    @Test func machineAndStartTogetherAreAnError() throws {
        let (lesson, diags) = LessonDecoder.decode(Self.lesson.replacingOccurrences(of: "start: states/saved.json", with: "machine: {arch: x86_64, mem: 64M}\nstart: states/saved.json"), file: "/x/l.yaml")
        #expect(lesson?.startPath == "/x/states/saved.json")
        #expect(diags.map(\.description) == ["/x/l.yaml:5: give machine: or start:, not both: a saved session brings its own machine"])
        let (abs, _) = LessonDecoder.decode(Self.lesson.replacingOccurrences(of: "states/saved.json", with: "/abs/s.json"), file: "/x/l.yaml")
        #expect(abs?.startPath == "/abs/s.json")
    }
}

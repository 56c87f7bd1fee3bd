import Foundation
import MMShell
import Testing

/// `lesson check` tells an author what is wrong, with the file and line.
@Suite struct LessonCheckerTests {
    static let good = """
    id: tiny
    title: {en: "Tiny", ko: "작은 레슨"}
    summary: {en: "A tiny lesson.", ko: "작은 레슨입니다."}
    machine: {arch: x86_64, mem: 1G, cpus: 1, options: [pcp=off]}
    steps:
      - id: q
        kind: ask
        text: {en: "How many CPUs?", ko: "CPU는 몇 개입니까?"}
        answer: {kind: number, query: 'kernel.cpus'}
        solution: ["1"]
        wrong: ["2"]
      - id: a
        kind: do
        text: {en: "Allocate an order-3 block as p.", ko: "order 3 블록을 p로 할당하세요."}
        goal: 'page($p).order == 3'
        solution: ["p = alloc_pages GFP_KERNEL 3"]
    recap: {en: "Done.", ko: "끝."}
    """

    func check(_ yaml: String) throws -> [LessonDiagnostic] {
        try withTemporaryDirectory { dir in
            writeFile(dir + "/t.yaml", yaml)
            return LessonChecker.check(path: dir + "/t.yaml").map {
                LessonDiagnostic(file: "t.yaml", line: $0.line, message: $0.message)
            }
        }
    }

    @Test func goodLessonPasses() throws {
        #expect(try check(Self.good).isEmpty)
    }

    @Test func missingKoreanIsAnErrorAtItsLine() throws {
        let d = try check(Self.good.replacingOccurrences(of: "ko: \"CPU는 몇 개입니까?\"", with: "ko: \"\""))
        #expect(d.map(\.description) == ["t.yaml:8: 'text' has no Korean text (ko:)"])
    }

    @Test func duplicateIdsAndBadQueries() throws {
        let d = try check(Self.good.replacingOccurrences(of: "id: a\n", with: "id: q\n").replacingOccurrences(of: "'page($p).order == 3'", with: "'page($p).order = 3'"))
        let messages = d.map(\.description)
        #expect(messages.contains("t.yaml:12: step id 'q' is used twice (first at line 6)"))
        #expect(messages.contains { $0.hasPrefix("t.yaml:12: step q: goal does not parse: '=' assigns; compare with '==' (column 16") })
    }

    @Test func acceptedWrongAnswerAndIncompleteSolution() throws {
        let d = try check(Self.good.replacingOccurrences(of: "wrong: [\"2\"]", with: "wrong: [\"1\"]")
                                   .replacingOccurrences(of: "alloc_pages GFP_KERNEL 3", with: "alloc_pages GFP_KERNEL 2"))
        let messages = d.map(\.description)
        #expect(messages.contains("t.yaml:6: step q: wrong answer '1' was accepted"))
        #expect(messages.contains("t.yaml:12: step a: its reference solution does not finish the step"))
    }

    @Test func schemaErrors() throws {
        let d = try check(Self.good.replacingOccurrences(of: "kind: do", with: "kind: dance").replacingOccurrences(of: "    recap:", with: "    recpa:"))
        let messages = d.map(\.description)
        #expect(messages.contains("t.yaml:13: step a: kind 'dance' is not one of read, do, ask, predict"))
        let typo = try check(Self.good.replacingOccurrences(of: "recap:", with: "recpa:"))
        #expect(typo.map(\.description).contains("t.yaml:17: unknown key 'recpa' in lesson; did you mean recap?"))
        let yaml = try check("id: [unclosed\n")
        #expect(yaml.count == 1 && yaml[0].message.hasPrefix("not valid YAML"))
    }

    @Test func badMachine() throws {
        let d = try check(Self.good.replacingOccurrences(of: "mem: 1G", with: "mem: 1K"))
        #expect(d.first?.description.hasPrefix("t.yaml:4: machine: cannot boot: mem=1 KiB is too small") == true)
    }
}

import Foundation
import Testing
@testable import MMShell

/// Issue 10: the lesson engine, the quiz and the lesson commands take every sentence from the message catalog
/// (Messages/Catalog+LessonEngine.swift), not from an English/Korean pair written at the call site.
@Suite struct LessonCatalogTests {
    static func sources(under dir: String) throws -> [(String, String)] {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        let root = parts.joined(separator: "/") + "/Sources/MMShell/" + dir + "/"
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        return try files.map { ($0, try FileOutput.readText(root + $0)) }
    }

    @Test(arguments: ["Lessons", "Commands"]) func noInlinePairIn(_ dir: String) throws {
        let files = try Self.sources(under: dir)
        #expect(files.count >= 5, "no sources found under \(dir)")
        for (f, text) in files {
            for line in text.split(separator: "\n") where !line.drop(while: { $0 == " " }).hasPrefix("//") {
                for inline in ["S.t(", "LessonStrings.t(", "LessonStrings."] {
                    #expect(!line.contains(inline), "\(dir)/\(f) writes a sentence in place; put it in Messages/Catalog+LessonEngine.swift: \(line)")
                }
            }
        }
    }

    @Test func stepHeadingAndScoreInBothLanguages() {
        let h = Message.lessonStepHeading(2, of: 5, kind: .do, id: "grab")
        #expect(h.en == "Step 2/5 · task · grab")
        #expect(h.ko == "단계 2/5 · 과제 · grab")
        #expect(Message.quizScore(3, of: 4, skipped: 1).ko == "점수: 3/4 (1개 건너뜀)\n")
        #expect(Message.quizScore(3, of: 4, skipped: 0).en == "Score: 3/4\n")
    }
}

@testable import KernelMM
@testable import MMShell
import Testing

/// Under `--lang ko`, every table whose padded cells can hold Hangul lines up on a terminal: the next column starts at
/// the same display column on every row (a Hangul syllable takes two columns, so padding by Characters would not).
@Suite struct HangulColumnsTests {
    static func korean(_ lines: [String], columns: Int = 80) throws -> [String] {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        var sh = try Shell(params: p, settings: ShellSettings(columns: columns))
        sh.session.lessons.progressPath = nil
        sh.session.language = .ko
        return lines.flatMap { sh.execute($0).stdout.split(separator: "\n").map(String.init) }
    }

    /// The display column where the text after the first cell starts: the first non-space after a run of two or more
    /// spaces that follows the row's indent.
    static func secondColumn(_ line: String) -> Int? {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        while i < chars.count {
            if chars[i] == " ", i + 1 < chars.count, chars[i + 1] == " " {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                guard j < chars.count else { return nil }
                return String(chars[..<j]).displayWidth
            }
            i += 1
        }
        return nil
    }

    static func hasHangul(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 } }

    @Test func theColumnFinderCountsDisplayColumns() {
        #expect(Self.secondColumn("  존:          ZONE_NORMAL") == 15)
        #expect(Self.secondColumn("  zone:        ZONE_NORMAL") == 15)
        #expect(Self.secondColumn("  완료  x") == 8)
        #expect(Self.secondColumn("no gap here") == nil)
    }

    @Test func gfpDecodeLabelsAndGroupTitlesAlign() throws {
        let out = try Self.korean(["gfp GFP_KERNEL|__GFP_ZERO|__GFP_COMP", "gfp GFP_ATOMIC"])
        // The decoder's rows: a label (존:, 수면 가능:, 예비 메모리: …) padded to one column.
        let rows = out.filter { $0.hasPrefix("  ") && $0.contains(":") && !$0.contains("지정자:") }
        try #require(rows.count >= 12)
        #expect(rows.contains { Self.hasHangul(String($0.prefix(8))) })
        #expect(Set(rows.compactMap(Self.secondColumn)) == [15], "\(rows)")
        // The bit groups (회수(reclaim) 지정자:, 동작 지정자:): Korean titles padded to one column.
        let groups = out.filter { $0.contains("지정자:") }
        try #require(groups.count >= 3)
        #expect(Set(groups.compactMap(Self.secondColumn)).count == 1, "\(groups)")
    }

    @Test func lessonListTitlesPadByDisplayWidth() throws {
        let out = try Self.korean(["lesson list"]).filter { $0.hasSuffix("시작 전") }
        try #require(out.count >= 10)
        #expect(out.contains { Self.hasHangul($0) })
        #expect(Set(out.map { $0.displayWidth - "시작 전".displayWidth }).count == 1, "\(out)")
    }

    @Test func pictureLegendsWrapUnderTheirFirstItem() throws {
        // A narrow terminal makes the legend wrap; its continuation lines start under the first item after "범례: ".
        let out = try Self.korean(["percpu --picture --ascii", "memmap --ascii"], columns: 40)
        var checked = 0
        for (n, l) in out.enumerated() where l.hasPrefix("범례: ") {
            var k = n + 1
            while k < out.count, out[k].hasPrefix(" "), !out[k].hasPrefix("  cpu") {
                let indent = out[k].prefix { $0 == " " }.count
                #expect(indent == "범례: ".displayWidth, "\(out[k])")
                checked += 1
                k += 1
            }
        }
        #expect(checked >= 1)
    }

    @Test func helpListsAlignTheirSummaries() throws {
        // help FAMILY: usage padded, then the Korean summary, one column for every row that fits.
        let out = try Self.korean(["help pages", "help lesson"])
        let rows = out.filter { $0.hasPrefix("  ") && !$0.contains("예:") && Self.hasHangul($0) && Self.secondColumn($0) != nil }
        try #require(rows.count >= 8)
        let cols = Dictionary(grouping: rows.compactMap(Self.secondColumn), by: { $0 })
        #expect(cols.count <= 2, "\(cols.keys.sorted())")   // help pages and help lesson use their own widths
    }
}

import Foundation
import Testing

import KmemsimTestSupport

/// `kmemsim --help` in Korean lists every option ArgumentParser's English page lists, each with Korean words.
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct KoreanUsageTests {
    /// The option names at the start of a help page's option lines (`--mem`, `-c`, `<words>`).
    static func names(_ page: String) -> [String] {
        page.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let first = line.split(separator: " ").first, first.hasPrefix("-") || first.hasPrefix("<") else { return nil }
            return String(first.hasSuffix(",") ? first.dropLast() : first)
        }
    }

    @Test func theKoreanPageHasEveryOption() throws {
        let en = try KmemsimBinary.run(["--help"], environment: ["LANG": "C"])
        let ko = try KmemsimBinary.run(["--lang", "ko", "--help"])
        let byLANG = try KmemsimBinary.run(["-h"], environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(en.status == 0 && ko.status == 0 && byLANG.stdout == ko.stdout)
        let want = Set(Self.names(en.stdout)), got = Set(Self.names(ko.stdout))
        #expect(want.count > 25)
        #expect(want == got, "missing: \(want.subtracting(got).sorted()), extra: \(got.subtracting(want).sorted())")
        // Each option's block (its line and the wrapped lines under it) is worded in Korean.
        var blocks: [String] = []
        for line in ko.stdout.split(separator: "\n") where line.hasPrefix("  ") {
            if line.hasPrefix("  -") || line.hasPrefix("  <") { blocks.append(String(line)) } else if !blocks.isEmpty { blocks[blocks.count - 1] += String(line) }
        }
        #expect(blocks.count == got.count)
        for b in blocks { #expect(b.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }, "not Korean: \(b)") }
        // English stays ArgumentParser's page.
        #expect(en.stdout.contains("USAGE: kmemsim") && !en.stdout.contains("옵션"))
    }
}

import Foundation
import Testing

import KmemsimTestSupport

/// A hostile environment through pipes (issue 17): `COLUMNS=5`, `TERM=dumb`, no locale at all or `LC_ALL=C`. No
/// crash, the same answers, pictures in ASCII and drawn at the narrowest width kmemsim draws (40 columns).
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct HostileTerminalEnvironmentTests {
    static let script = """
    v = vmalloc 8K
    memmap
    buddy DMA --picture
    slab kmalloc-64 --picture
    percpu --picture
    vmarea $v --picture
    task stacks --picture
    preempt_count --picture
    vmmap
    print 6 * 7
    help alloc_pages

    """

    /// Runs the binary with exactly `environment` (nothing inherited: no LANG, no LC_*, no TERM unless given).
    static func run(_ args: [String], stdin: String, environment: [String: String]) throws -> KmemsimBinary.Result {
        try KmemsimBinary.run(args, stdin: stdin, environment: environment.merging(["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-kmemsim-home"]) { a, _ in a },
                              inherit: false)
    }

    /// Block elements, box drawing and the other glyphs of Unicode pictures (PictureGlyphs).
    static func isGlyph(_ u: Unicode.Scalar) -> Bool {
        (0x2500...0x259F).contains(u.value) || (0x25A0...0x25FF).contains(u.value) || u.value == 0x2717
    }

    /// The picture lines of an output: everything but the help text at its end.
    static func pictureLines(_ out: String) -> [Substring] {
        let pictures = out.components(separatedBy: "alloc_pages GFP ORDER").first ?? out
        return pictures.split(separator: "\n")
    }

    @Test func everyEnvironmentGivesTheSameAnswersInPlainASCII() throws {
        let reference = try Self.run(["--mem", "64M"], stdin: Self.script, environment: ["LANG": "C.UTF-8", "TERM": "xterm"])
        #expect(reference.status == 0, "\(reference.stderr)")
        let narrowest = try Self.run(["--mem", "64M"], stdin: Self.script, environment: ["COLUMNS": "40"])
        #expect(Self.pictureLines(narrowest.stdout).allSatisfy { $0.count <= 40 || $0.contains("   ") }, "pictures fit 40 columns")
        for env in [["TERM": "dumb"], ["COLUMNS": "5"], [:], ["LC_ALL": "C"], ["LANG": "ko_KR.UTF-8", "LC_ALL": "C"], ["COLUMNS": "0"],
                    ["COLUMNS": "-3"], ["COLUMNS": "999999999999999999999"], ["TERM": ""]] as [[String: String]] {
            let r = try Self.run(["--mem", "64M"], stdin: Self.script, environment: env)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(env): \(r.stderr)")
            #expect(r.stdout.contains("\n42\n"), "\(env)")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1b }, "\(env): no escapes in a pipe")
            #expect(!r.stdout.unicodeScalars.contains { Self.isGlyph($0) }, "\(env): cells are ASCII letters, not Unicode blocks")
            if env["COLUMNS"] == "5" {
                // Narrower than anything can be drawn: every picture is drawn at the narrowest width, 40 columns.
                #expect(r.stdout == narrowest.stdout, "COLUMNS=5 draws as COLUMNS=40 does")
                #expect(r.stdout != reference.stdout)
            } else {
                // A width that is no number (or none) is ignored: 80 columns, as without COLUMNS.
                #expect(r.stdout == reference.stdout, "\(env): the same output as a UTF-8 locale's")
            }
        }
    }

    /// Korean asked for explicitly still comes out as UTF-8 when the locale is C; the kernel's words stay English.
    @Test func koreanUnderTheCLocale() throws {
        let r = try Self.run(["--lang", "ko", "--mem", "64M", "-c", "alloc_pagez GFP_KERNEL 0", "-c", "help alloc_pages"], stdin: "", environment: ["LC_ALL": "C"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("없는 명령입니다: 'alloc_pagez'. alloc_pages 명령을 찾으셨나요?"), "\(r.stderr)")
        #expect(r.stdout.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(r.stdout.prefix(200))")
    }
}

import Testing
import KmemsimTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A hostile terminal (issue 17): `TERM=dumb`, no locale (`LC_ALL=C`, `LANG` unset), `COLUMNS=5`. The line editor
/// still edits, nothing crashes, and pictures degrade to what such a terminal shows: no colour on a dumb terminal,
/// ASCII cells where the locale is not UTF-8, 40 columns at the narrowest.
@Suite struct PtyEnvironmentTests {
    static func hasColour(_ raw: String) -> Bool {
        // An SGR sequence: ESC [ digits/semicolons m.
        var scalars = Array(raw.unicodeScalars)[...]
        while let esc = scalars.firstIndex(of: "\u{1b}") {
            var i = esc + 1
            guard i < scalars.endIndex, scalars[i] == "[" else { scalars = scalars[(esc + 1)...]; continue }
            i += 1
            while i < scalars.endIndex, scalars[i] == ";" || ("0"..."9").contains(scalars[i]) { i += 1 }
            if i < scalars.endIndex, scalars[i] == "m" { return true }
            scalars = scalars[(esc + 1)...]
        }
        return false
    }

    static func hasGlyphs(_ raw: String) -> Bool {
        raw.unicodeScalars.contains { (0x2500...0x25FF).contains($0.value) }
    }

    /// Runs `memmap` and a sum in kmemsim on a pty with `environment`; returns the raw output and the screen.
    static func session(_ environment: [String: String]) throws -> (raw: String, lines: [String], status: Int32?) {
        let executable = try #require(kmemsimExecutable())
        let env = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-kmemsim-home", "KMEMSIM_HISTORY": ""].merging(environment) { _, b in b }
        let session = try #require(PtySession(path: executable, arguments: ["--mem", "64M"], environment: env))
        #expect(session.waitFor { $0.currentLine.hasPrefix(PtySmokeTests.prompt) } && session.waitForEditing(), "\(environment)")
        session.send("memmap DMA\r")
        #expect(session.waitFor { s in s.lines.contains { (l: String) in l.hasPrefix("legend") } && s.currentLine.hasPrefix(PtySmokeTests.prompt) } && session.waitForEditing(),
                "\(environment): \(session.screen.lines)")
        // Editing works: the line is typed in two pieces with a Ctrl-A in between.
        session.send("6 * 7\u{1}print \r")
        #expect(session.waitFor { s in s.lines.contains { (l: String) in l == "42" } }, "\(environment): \(session.screen.lines)")
        session.send("quit\r")
        let status = session.waitForExit()
        return (session.rawOutputText, session.screen.lines, status)
    }

    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"), .timeLimit(.minutes(3)))
    func aDumbTerminalGetsNoColourAndNoGlyphs() throws {
        let r = try Self.session(["TERM": "dumb", "LANG": "C.UTF-8"])
        #expect(r.status == 0)
        #expect(!Self.hasColour(r.raw) && !Self.hasGlyphs(r.raw), "\(r.raw.debugDescription.prefix(400))")
    }

    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"), .timeLimit(.minutes(3)))
    func noLocaleGetsASCIICells() throws {
        for env in [["TERM": "xterm", "LC_ALL": "C"], ["TERM": "xterm"]] {
            let r = try Self.session(env)
            #expect(r.status == 0, "\(env)")
            #expect(!Self.hasGlyphs(r.raw), "\(env): \(r.raw.debugDescription.prefix(400))")
        }
        // A UTF-8 terminal gets the blocks (so the check above can fail).
        let utf8 = try Self.session(["TERM": "xterm", "LANG": "C.UTF-8"])
        #expect(Self.hasGlyphs(utf8.raw) && Self.hasColour(utf8.raw))
    }

    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"), .timeLimit(.minutes(3)))
    func fiveColumnsDrawsAtForty() throws {
        let r = try Self.session(["TERM": "xterm", "LANG": "C.UTF-8", "COLUMNS": "5"])
        #expect(r.status == 0)
        let rows = r.lines.filter { $0.hasPrefix("  0x") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.count <= 40 }, "\(rows)")
    }
}

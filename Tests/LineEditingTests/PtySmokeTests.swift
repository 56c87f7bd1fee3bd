// Drives the real kmemsim binary through a pseudo-terminal: Tab completion, Up-arrow history,
// Ctrl-C and Ctrl-D, as a user at a terminal would.
import Glibc
import KmemsimTestSupport
import Testing

func kmemsimExecutable() -> String? { KmemsimBinary.path }

@Suite struct PtySmokeTests {
    static let prompt = "kmemsim>"

    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"),
          .timeLimit(.minutes(3)))
    func completionHistoryInterruptAndEndOfInput() throws {
        let executable = try #require(kmemsimExecutable())
        var template = Array("/tmp/kmemsim-pty-XXXXXX".utf8CString)
        try #require(mkdtemp(&template) != nil)
        let directory = string(fromCString: template)
        defer {
            unlink(directory + "/history")
            rmdir(directory)
        }
        let session = try #require(PtySession(path: executable, environment: [
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
            // A fresh HOME keeps the user's ~/.editrc (key bindings) out of the test.
            "HOME": directory,
            "KMEMSIM_HISTORY": directory + "/history",
        ]))
        let prompt = Self.prompt
        func atEmptyPrompt(_ screen: TerminalScreen) -> Bool { screen.currentLine == prompt }
        /// A fresh prompt, with libedit already reading keys.
        func expectPrompt(_ what: String, until condition: (TerminalScreen) -> Bool = atEmptyPrompt,
                          sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(session.waitFor(condition) && session.waitForEditing(),
                    "\(what): \(session.screen.lines)", sourceLocation: sourceLocation)
        }
        func showing(_ text: String) -> (TerminalScreen) -> Bool {
            { $0.currentLine == prompt + " " + text }
        }

        expectPrompt("no prompt")

        // Two commands share the prefix alloc_page (alloc_percpu parts at alloc_p), so Tab inserts exactly that much.
        session.send("alloc_pa\t")
        #expect(session.waitFor(showing("alloc_page")), "Tab did not complete: \(session.screen.lines) from \(session.rawOutput)")
        // Clear the line (Ctrl-U kills the whole line in libedit's emacs mode) and check another name.
        session.send("\u{15}__free_pa\t")
        #expect(session.waitFor(showing("__free_page")), "Tab did not complete: \(session.screen.lines)")
        session.send("\u{15}")
        #expect(session.waitFor(atEmptyPrompt))

        // Up recalls the line entered before.
        session.send("help\r")
        expectPrompt("no prompt after a command", until: { $0.currentLine == prompt && $0.lines.count > 2 })
        session.send("\u{1B}[A")
        #expect(session.waitFor(showing("help")), "Up did not recall: \(session.screen.lines)")

        // A C statement over several lines: a continuation prompt until the braces balance, then one history entry
        // that Up brings back whole (running it again adds one more).
        session.send("\u{15}unsigned long n = 0;\r")
        expectPrompt("no prompt after a C declaration", until: { $0.currentLine == prompt && $0.lines.contains { $0.hasSuffix("unsigned long n = 0;") } })
        session.send("if (n == 0 || n > 0) {\r")
        #expect(session.waitFor { $0.currentLine.hasPrefix("     ...>") }, "no continuation prompt: \(session.screen.lines)")
        session.send("n = n + 1;\r")
        #expect(session.waitFor { $0.currentLine.hasPrefix("     ...>") && $0.lines.contains { $0.contains("n = n + 1;") } })
        session.send("}\r")
        expectPrompt("no prompt after the block", until: { $0.currentLine == prompt && $0.lines.contains { $0.hasSuffix("...> }") } })
        session.send("\u{1B}[A")
        // libedit shows the recalled entry on as many lines as it has.
        #expect(session.waitFor { $0.lines.filter { $0 == prompt + " if (n == 0 || n > 0) {" }.count == 2 && $0.currentLine == "}" },
                "Up did not recall the statement: \(session.screen.lines)")
        session.send("\r")
        expectPrompt("no prompt after the recalled block")
        session.send("n;\r")
        #expect(session.waitFor { $0.lines.contains { $0.hasPrefix("2") } }, "the recalled statement did not run whole: \(session.screen.lines)")
        expectPrompt("no prompt after n;")

        // Ctrl-C discards the line and prompts again; the program keeps running.
        session.send("\u{15}half typed")
        #expect(session.waitFor(showing("half typed")))
        session.send("\u{03}")
        expectPrompt("no new prompt after Ctrl-C")
        #expect(session.isRunning, "Ctrl-C killed the program")

        // Ctrl-D on the empty line ends the session cleanly.
        session.send("\u{04}")
        #expect(session.waitForExit() == 0, "Ctrl-D did not exit with status 0")
    }
}

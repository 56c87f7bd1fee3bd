import Testing
import KmemsimTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-Z, then `fg` in the shell that started kmemsim (issue 17): the line editor gives the terminal back while
/// stopped, takes it again (raw mode) when continued, and the first line after it is edited normally — the line
/// abandoned by Ctrl-Z is not glued in front of it. Run under an interactive bash, so that job control is real: the
/// stop is a real stop and `fg` a real SIGCONT.
@Suite struct PtyJobControlTests {
    static let bash: String? = ["/bin/bash", "/usr/bin/bash"].first { (path: String) in access(path, X_OK) == 0 }

    @Test(.enabled(if: kmemsimExecutable() != nil && bash != nil, "kmemsim binary or bash not found"),
          .timeLimit(.minutes(3)))
    func ctrlZThenFgGivesAFreshEditedLine() throws {
        let executable = try #require(kmemsimExecutable())
        let bash = try #require(Self.bash)
        let session = try #require(PtySession(path: bash, arguments: ["--norc", "--noprofile", "-i"], environment: [
            "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent-kmemsim-home",
            "KMEMSIM_HISTORY": "", "PS1": "jobs$ ",
        ]))
        #expect(session.waitFor { $0.currentLine.hasPrefix("jobs$") })
        session.send("'\(executable)' --mem 64M\r")
        let prompt = PtySmokeTests.prompt
        #expect(session.waitFor { $0.currentLine == prompt } && session.waitForEditing(), "\(session.screen.lines)")
        // Half a line typed, then Ctrl-Z: kmemsim stops and bash has the terminal back.
        session.send("print 40 + ")
        #expect(session.waitFor { $0.currentLine.hasSuffix("print 40 +") })
        session.send("\u{1a}")
        #expect(session.waitFor { s in s.lines.contains { (l: String) in l.contains("Stopped") } && s.currentLine.hasPrefix("jobs$") }, "\(session.screen.lines)")
        session.send("fg\r")
        // Continued: a fresh prompt, in raw mode again (the terminal is not canonical).
        #expect(session.waitFor { $0.currentLine == prompt } && session.waitForEditing(), "\(session.rawOutput)")
        // Edited normally: Ctrl-A moves to the start of the line, which holds only what was typed after fg.
        session.send("2 * 21\u{1}print \r")
        #expect(session.waitFor { s in s.lines.contains { (l: String) in l == "42" } }, "\(session.screen.lines)")
        #expect(!session.screen.lines.contains { $0.contains("unknown command") || $0.contains("error") }, "\(session.screen.lines)")
        session.send("quit\r")
        #expect(session.waitFor { $0.currentLine.hasPrefix("jobs$") })
        session.send("exit\r")
        #expect(session.waitForExit() == 0)
    }

    /// With no job control around it (an orphaned process group, as here: the pty's session leader), Ctrl-Z cannot
    /// stop the process; the line is abandoned all the same and the next prompt starts below it.
    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"),
          .timeLimit(.minutes(3)))
    func ctrlZWithoutJobControlAbandonsTheLine() throws {
        let executable = try #require(kmemsimExecutable())
        let session = try #require(PtySession(path: executable, arguments: ["--mem", "64M"], environment: [
            "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent-kmemsim-home", "KMEMSIM_HISTORY": "",
        ]))
        let prompt = PtySmokeTests.prompt
        #expect(session.waitFor { $0.currentLine == prompt } && session.waitForEditing())
        session.send("junk")
        #expect(session.waitFor { $0.currentLine.hasSuffix("junk") })
        session.send("\u{1a}")
        #expect(session.waitFor { s in s.currentLine == prompt && s.lines.contains { (l: String) in l.hasSuffix("> junk") } } && session.waitForEditing(),
                "\(session.screen.lines)")
        session.send("print 1 + 1\r")
        #expect(session.waitFor { s in s.lines.contains { (l: String) in l == "2" } }, "\(session.screen.lines)")
        #expect(!session.screen.lines.contains { $0.contains("unknown command") }, "\(session.screen.lines)")
        session.send("quit\r")
        #expect(session.waitForExit() == 0)
    }

    /// Ctrl-D inside a lesson step ends the session and says where the lesson stopped and how to come back.
    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"),
          .timeLimit(.minutes(3)))
    func ctrlDInsideALessonStepSaysWhereItStopped() throws {
        let executable = try #require(kmemsimExecutable())
        var template = Array("/tmp/kmemsim-pty-progress-XXXXXX".utf8CString)
        let dir = try #require(mkdtemp(&template).map { String(cString: $0) })
        defer { unlink(dir + "/progress.json"); rmdir(dir) }
        let session = try #require(PtySession(path: executable, environment: [
            "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent-kmemsim-home", "KMEMSIM_HISTORY": "",
            "KMEMSIM_PROGRESS": dir + "/progress.json",
        ]))
        #expect(session.waitFor { $0.currentLine.hasPrefix(PtySmokeTests.prompt) } && session.waitForEditing())
        session.send("lesson start pages\r")
        #expect(session.waitFor { s in s.lines.contains { (l: String) in l.hasPrefix("Lesson: ") } && s.currentLine.hasSuffix(">") } && session.waitForEditing(),
                "\(session.screen.lines)")
        session.send("\u{4}")
        #expect(session.waitForExit() == 0)
        #expect(session.screen.lines.contains { $0.hasPrefix("lesson pages paused at step 1 of ") && $0.hasSuffix("your progress is saved: 'lesson start pages' picks it up there") },
                "\(session.screen.lines)")
    }
}

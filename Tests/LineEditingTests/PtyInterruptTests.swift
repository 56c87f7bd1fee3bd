import Testing
import KmemsimTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while a command runs cancels that command and keeps the session (issue 17): before, SIGINT ended the
/// process and the machine was lost.
@Suite struct PtyInterruptTests {
    @Test(.enabled(if: kmemsimExecutable() != nil, "kmemsim binary not found next to the test runner"),
          .timeLimit(.minutes(3)))
    func ctrlCDuringACommandCancelsItAndKeepsTheSession() throws {
        let executable = try #require(kmemsimExecutable())
        let session = try #require(PtySession(path: executable, environment: [
            "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent-kmemsim-home",
            "KMEMSIM_HISTORY": "",
        ]))
        let prompt = PtySmokeTests.prompt
        #expect(session.waitFor { $0.currentLine == prompt } && session.waitForEditing())
        session.send("p = alloc_pages GFP_KERNEL 3\r")
        #expect(session.waitFor { $0.currentLine == prompt && $0.lines.contains { $0.hasPrefix("$p = ") } } && session.waitForEditing())
        // A quarter of a million pages through vmalloc with the trace on takes seconds: long enough to be interrupted.
        session.send("trace on\r")
        #expect(session.waitFor { $0.currentLine == prompt && $0.lines.count > 4 } && session.waitForEditing())
        session.send("v = vmalloc 1G\r")
        usleep(300_000)
        session.send("\u{3}")
        #expect(session.waitFor { $0.lines.contains { $0.contains("interrupted: the command was cancelled") } },
                "\(session.screen.lines)")
        #expect(session.waitFor { $0.currentLine == prompt } && session.waitForEditing())
        session.send("vars\r")
        #expect(session.waitFor { screen in screen.lines.filter { $0.hasPrefix("$p = ") }.count >= 2 }, "\(session.screen.lines)")
        session.send("cpus\r")
        session.send("quit\r")
        #expect(session.waitForExit() == 0)
        #expect(!session.screen.lines.contains { $0.hasPrefix("$v = ") })
    }
}

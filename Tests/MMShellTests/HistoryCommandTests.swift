import Testing
import KernelMM
@testable import MMShell

/// `history`: every line run, numbered as bash numbers them, bounded, and searchable through a pipe.
@Suite struct HistoryCommandTests {
    @Test func listsTheLinesRunWithBashNumbers() throws {
        var p = BootParams()
        p.memory = 256 << 20
        var s = try Shell(params: p)
        for line in ["p = alloc_pages GFP_KERNEL 0", "# a comment", "", "nosuch command", "cat /proc/buddyinfo | head -1"] {
            _ = s.execute(line)
        }
        #expect(s.execute("history").stdout == """
                1  p = alloc_pages GFP_KERNEL 0
                2  nosuch command
                3  cat /proc/buddyinfo | head -1
                4  history

            """)
        #expect(s.execute("history 2").stdout == "    4  history\n    5  history 2\n")
        // The line itself holds "alloc" too, as in bash.
        #expect(s.execute("history | grep -c alloc").stdout == "2\n")
        #expect(!s.execute("history -1").succeeded)
        _ = s.execute("history -c")
        #expect(s.execute("history").stdout == "    9  history\n")
    }

    /// A line past `Limits.historyLineBytes` keeps its start, and the whole history stays within its byte limit.
    @Test func keepsLongLinesShort() {
        var h = CommandHistory()
        let long = String(repeating: "가", count: Limits.historyLineBytes) // three bytes each
        h.record(long)
        let kept = h.last(1)[0].line
        #expect(kept.hasSuffix(" … (\(Limits.historyLineBytes * 3) bytes)"))
        #expect(kept.utf8.count < Limits.historyLineBytes + 40 && kept.hasPrefix("가가가"))
        for _ in 0..<(2 * Limits.historyBytes / Limits.historyLineBytes) { h.record(long) }
        let all = h.last(nil)
        #expect(all.reduce(0) { $0 + $1.line.utf8.count } <= Limits.historyBytes)
        #expect(all.last?.number == h.count && !all.isEmpty)
    }

    @Test func keepsTheLastLinesOfALongScript() {
        var h = CommandHistory()
        for i in 1...(Limits.historyLines + 5) { h.record("line \(i)") }
        let last = h.last(nil)
        #expect(last.count == Limits.historyLines)
        #expect(last.first?.number == 6 && last.first?.line == "line 6")
        #expect(last.last?.number == Limits.historyLines + 5 && last.last?.line == "line \(Limits.historyLines + 5)")
        #expect(h.last(2).map(\.number) == [Limits.historyLines + 4, Limits.historyLines + 5])
        #expect(h.last(0).isEmpty)
    }
}

import Testing
@testable import KernelMM

/// Undo's logs of store writes (`UndoLog`).
@Suite struct UndoLogTests {
    /// The log lets go of its front only once what no kept command needs is at least half of it, and positions keep
    /// naming the same writes after it has.
    @Test func theFrontGoesOnceItIsHalfTheLog() {
        var log = UndoLog<Int>()
        #expect(log.start() == 0)
        for w in 0..<10 { log.append(w) }
        log.forget(before: 4)
        #expect(log.writes == Array(0..<10) && log.base == 0, "4 of 10 is less than half: kept")
        log.forget(before: 5)
        #expect(log.writes == Array(5..<10) && log.base == 5 && log.position == 10)
        #expect(log.writes(from: 7).first == 7)
        // Positions outside the log are clamped to it, and a log that is off stays off.
        #expect(Array(log.writes(from: 3)) == Array(5..<10) && log.writes(from: 999).isEmpty)
        var off = UndoLog<Int>()
        off.forget(before: 200)
        #expect(!off.isOn && off.position == 0)
    }

    /// Reverting from a position puts back the values of before it, newest first, whether the reverting writes are
    /// logged (a command that undoes) or the log ends there again.
    @Test func revertingASuffixGivesBackTheStateAtItsStart() {
        for recording in [false, true] {
            var s = JournaledSlots<Int32>(repeating: 0, count: 4)
            _ = s.journal.start()
            s[0] = 1
            let p = s.journal.position
            s[1] = 2
            s[1] = 3
            s[0] = 4
            s.revert(from: p, recording: recording)
            #expect(s[0] == 1 && s[1] == 0 && s[2] == 0)
            #expect(s.journal.position == (recording ? p + 6 : p))
            s.revert(from: 0, recording: false)
            #expect(s[0] == 0 && s[1] == 0 && s.journal.position == 0)
        }
    }
}

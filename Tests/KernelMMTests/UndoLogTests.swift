import Testing
@testable import KernelMM

/// Undo's logs of store writes (`UndoLog`).
@Suite struct UndoLogTests {
    /// The log lets go of its front only once what no kept command needs is at least half of it, and positions keep
    /// naming the same writes after it has.
    @Test func theFrontGoesOnceItIsHalfTheLog() {
        var log: [Int]? = Array(0..<10)
        var base = 100
        UndoLog.forget(&log, base: &base, before: 104)
        #expect(log == Array(0..<10) && base == 100, "4 of 10 is less than half: kept")
        UndoLog.forget(&log, base: &base, before: 105)
        #expect(log == Array(5..<10) && base == 105)
        #expect(UndoLog.index(of: 107, in: log!, base: base) == 2 && log![2] == 7)
        // Positions outside the log are clamped to it, and a log that is off stays off.
        #expect(UndoLog.index(of: 3, in: log!, base: base) == 0 && UndoLog.index(of: 999, in: log!, base: base) == 5)
        var off: [Int]? = nil
        UndoLog.forget(&off, base: &base, before: 200)
        #expect(off == nil && UndoLog.end(off, base: 7) == 7)
    }

    /// Reverting from a position puts back the values of before it, newest first, whether the reverting writes are
    /// logged (a command that undoes) or the log ends there again.
    @Test func revertingASuffixGivesBackTheStateAtItsStart() {
        for recording in [false, true] {
            var s = JournaledSlots<Int32>(repeating: 0, count: 4)
            _ = s.openJournal()
            s[0] = 1
            let p = s.journalPosition
            s[1] = 2
            s[1] = 3
            s[0] = 4
            s.revert(from: p, recording: recording)
            #expect(s[0] == 1 && s[1] == 0 && s[2] == 0)
            #expect(s.journalPosition == (recording ? p + 6 : p))
            s.revert(from: 0, recording: false)
            #expect(s[0] == 0 && s[1] == 0 && s.journalPosition == 0)
        }
    }
}

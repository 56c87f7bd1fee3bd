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

    /// A copy of a log shares its writes until one side writes or lets its front go: then each has its own, as an
    /// Array's copies do, past the buffer's first growth too.
    @Test func aCopyOfALogKeepsItsOwnWrites() {
        var a = UndoLog<Int>()
        _ = a.start()
        for w in 0..<100 { a.append(w) }
        var b = a
        b.append(100)
        a.append(-1)
        #expect(a.writes == Array(0..<100) + [-1] && b.writes == Array(0..<101))
        var c = b
        c.forget(before: 80)
        #expect(c.writes == Array(80..<101) && c.position == 101 && b.writes == Array(0..<101) && b.base == 0)
        // A log made ours takes unchecked appends; the copy it was shared with does not see them.
        var d = c
        d.makeUnique()
        d.appendOwned(7)
        #expect(d.writes == Array(80..<101) + [7] && c.writes == Array(80..<101))
    }

    /// The page allocator's writes under undo log into its stores' logs once per operation made its own: a copy of the
    /// kernel taken with its journal open keeps its own logs, and each side's revert gives back its own state.
    @Test func aKernelCopyKeepsItsOwnJournal() throws {
        var k = try boot { $0.memory = 64 << 20 }
        let start = k.openUndoJournal(epoch: 1)
        let first = try unwrap(k.allocPages(.kernel, order: 2))
        var copy = k
        let copyEnd = copy.undoJournalEnd
        let second = try unwrap(k.allocPages(.kernel, order: 0))
        k.freePages(first, order: 2)
        #expect(copy.undoJournalEnd == copyEnd, "the copy's logs do not see the original's writes")
        #expect(k.undoJournalEnd != copyEnd)
        let third = try unwrap(copy.allocPages(.kernel, order: 1))
        try copy.checkInvariants()
        var before = k
        before.restore(k.undoSnapshot(), scalars: k.undoScalars, revertingFrom: start, recording: false)
        copy.restore(copy.undoSnapshot(), scalars: copy.undoScalars, revertingFrom: start, recording: false)
        try before.checkInvariants()
        try copy.checkInvariants()
        #expect(before.frames == copy.frames && before.freeLists == copy.freeLists && before.counters == copy.counters)
        for pfn in [first, second, third] { #expect(before.frames[Int(pfn.raw)].state != .allocated) }
    }
}

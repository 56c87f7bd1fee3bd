// The C library for memory only (memcmp), never for I/O, as in FrameStore.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What undo needs from the kernel: the state without its journalled stores (the frames, the free and pcp lists, the
/// zone counters), the stores' logs of their writes (`UndoLog`), and putting both back. The shell keeps, per command,
/// the kernel as it was minus those stores (the rest is shared copy-on-write, and a script line changes none of it)
/// and where the logs stood, so keeping ten commands costs kilobytes at any machine size and a kept command costs
/// what it changed.
extension Kernel {
    /// This kernel without its journalled stores (and with no caller named): what undo keeps of the state before a
    /// command. Made in place: the stores and the caller are set aside while the rest is copied once (a getter on a
    /// borrowed kernel made two copies of the value and dropped one, a few dozen retains and releases each, on every
    /// command undo keeps).
    public mutating func undoSnapshot() -> Kernel {
        var stores = JournaledStores()
        swapStores(&stores)
        let site = callSite
        callSite = nil
        let k = self
        swapStores(&stores)
        callSite = site
        return k
    }

    /// The numbers a command changes besides the journalled stores even when it changes nothing else: the clock, and
    /// the next allocation's tag.
    public var undoScalars: UndoScalars { UndoScalars(clock: clock, nextTag: nextTag) }

    /// Whether `snapshot` (an `undoSnapshot()` taken before an earlier command) is this kernel's `undoSnapshot()`
    /// but for `undoScalars`, so that it can stand for this one with these scalars: a script line that allocates or
    /// frees changes only the journalled stores and the scalars, and consecutive lines then share one snapshot
    /// instead of copying and dropping a Kernel value (two dozen retains and releases) each.
    ///
    /// Compared as bits, in place, leaving out what a snapshot does not hold (the stores, the caller) and the scalars:
    /// equal bits are the same buffers and the same numbers, and a buffer the snapshot shares cannot have been written
    /// in place (every buffer here is copied on write, and the snapshot holds a reference), so equal bits are an equal
    /// state. Bits can differ for equal states (padding, a string's storage): then the answer is no, and the caller
    /// takes a snapshot of its own, which is only slower.
    public mutating func isUndoSnapshot(_ snapshot: KernelSnapshot) -> Bool {
        let ranges = Self.undoComparedBytes
        // Through the box's storage in place: a Kernel argument read from a class property was copied to be passed.
        let b = UnsafeRawPointer(snapshot.storage)
        return withUnsafeBytes(of: &self) { a in
            ranges.allSatisfy { r in memcmp(a.baseAddress! + r.lowerBound, b + r.lowerBound, r.count) == 0 }
        }
    }

    /// The byte ranges of a Kernel value `isUndoSnapshot` compares: all but the journalled stores, the caller and the
    /// scalars.
    private static let undoComparedBytes: [Range<Int>] = {
        func field<T>(_ k: PartialKeyPath<Kernel>, _ t: T.Type) -> Range<Int> {
            let o = MemoryLayout<Kernel>.offset(of: k)!
            return o..<(o + MemoryLayout<T>.size)
        }
        let skipped = [field(\Kernel.frames, FrameStore.self), field(\Kernel.freeLists, FreeLists.self),
                       field(\Kernel.pcpLists, PCPLists.self), field(\Kernel.counters, ZoneCounters.self),
                       field(\Kernel.callSite, CallSite?.self), field(\Kernel.clock, SimClock.self),
                       field(\Kernel.nextTag, UInt32.self)].sorted { $0.lowerBound < $1.lowerBound }
        var out: [Range<Int>] = [], at = 0
        for r in skipped {
            if r.lowerBound > at { out.append(at..<r.lowerBound) }
            at = max(at, r.upperBound)
        }
        if MemoryLayout<Kernel>.size > at { out.append(at..<MemoryLayout<Kernel>.size) }
        return out
    }()

    /// `snapshot` with `scalars` in place of its own (the state an entry sharing the snapshot stands for).
    public static func undoState(_ snapshot: Kernel, _ scalars: UndoScalars) -> Kernel {
        var k = snapshot
        k.setUndoScalars(scalars)
        return k
    }

    /// Puts in `scalars` (what `undoScalars` read).
    private mutating func setUndoScalars(_ scalars: UndoScalars) {
        clock = scalars.clock
        nextTag = scalars.nextTag
    }

    /// Starts (or goes on) logging the old value of every frame and slot written (see `FrameStore`, `JournaledSlots`,
    /// `UndoLog`) for the command numbered `epoch`; where its writes start.
    public mutating func openUndoJournal(epoch: UInt64) -> UndoLogPosition {
        UndoLogPosition(frames: frames.openJournal(epoch: epoch), freeLists: freeLists.slots.journal.start(),
                        pcpLists: pcpLists.slots.journal.start(), counters: counters.slots.journal.start())
    }

    /// Where the command numbered `epoch` ended in the logs, or nil when this is not the machine its journal was
    /// opened on (it was replaced meanwhile, and a replacement replaces the frames). Out of line: inlined into the
    /// shell's caller, its read of `undoJournalEnd` copied the whole Kernel value first (a memcpy a line).
    @inline(never)
    public mutating func closeUndoJournal(epoch: UInt64) -> UndoLogPosition? {
        frames.closeJournal(epoch: epoch) == nil ? nil : undoJournalEnd
    }

    /// Where the logs end now, and where the writes they still hold begin.
    public var undoJournalEnd: UndoLogPosition {
        UndoLogPosition(frames: frames.journal.position, freeLists: freeLists.slots.journal.position,
                        pcpLists: pcpLists.slots.journal.position, counters: counters.slots.journal.position)
    }
    public var undoJournalStart: UndoLogPosition {
        UndoLogPosition(frames: frames.journal.base, freeLists: freeLists.slots.journal.base, pcpLists: pcpLists.slots.journal.base,
                        counters: counters.slots.journal.base)
    }

    /// Whether undo's logs are on.
    public var isUndoLogging: Bool { frames.journal.isOn }

    /// Stops logging and lets the logs go (undo is off).
    public mutating func stopUndoJournal() {
        frames.journal.stop()
        freeLists.slots.journal.stop()
        pcpLists.slots.journal.stop()
        counters.slots.journal.stop()
    }

    /// Lets go of the logged writes before `p`: no command undo keeps began before it.
    public mutating func forgetUndoJournal(before p: UndoLogPosition) {
        frames.journal.forget(before: p.frames)
        freeLists.slots.journal.forget(before: p.freeLists)
        pcpLists.slots.journal.forget(before: p.pcpLists)
        counters.slots.journal.forget(before: p.counters)
    }

    /// Goes back to `before` (an `undoSnapshot()`) with `scalars`, reverting every store write logged from `p` on.
    /// `recording`: a command that undoes is running under a journal of its own, which logs the reverting writes.
    public mutating func restore(_ before: Kernel, scalars: UndoScalars, revertingFrom p: UndoLogPosition, recording: Bool) {
        var stores = JournaledStores()
        swapStores(&stores)
        stores.frames.revert(from: p.frames, recording: recording)
        stores.freeLists.slots.revert(from: p.freeLists, recording: recording)
        stores.pcpLists.slots.revert(from: p.pcpLists, recording: recording)
        stores.counters.slots.revert(from: p.counters, recording: recording)
        self = before
        setUndoScalars(scalars)
        swapStores(&stores)
    }

    /// Exchanges the journalled stores with `s` (no copy: each is moved).
    private mutating func swapStores(_ s: inout JournaledStores) {
        swap(&s.frames, &frames)
        swap(&s.freeLists, &freeLists)
        swap(&s.pcpLists, &pcpLists)
        swap(&s.counters, &counters)
    }
}

/// The stores whose writes undo journals, held aside while a snapshot is made or a journal undone; empty by default.
private struct JournaledStores {
    var frames = FrameStore()
    var freeLists = FreeLists()
    var pcpLists = PCPLists()
    var counters = ZoneCounters()
}

/// A kernel kept for undo (an `undoSnapshot()`), by reference, so that the commands it stands for share it.
public final class KernelSnapshot: @unchecked Sendable {
    // Behind a pointer, written only by init: `isUndoSnapshot` reads its bytes in place, where a class's stored
    // `var` would cost a dynamic exclusivity check (about 100 instructions) on every script line.
    fileprivate let storage: UnsafeMutablePointer<Kernel>
    public var kernel: Kernel { storage.pointee }
    public init(_ kernel: Kernel) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: kernel)
    }
    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }
}

/// See `Kernel.undoScalars`.
public struct UndoScalars: Sendable, Equatable {
    var clock: SimClock
    var nextTag: UInt32
}

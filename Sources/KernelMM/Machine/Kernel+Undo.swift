/// What undo needs from the kernel: the state without its frames, a journal of frame writes, and putting both back.
/// The shell keeps, per command, the kernel as it was minus the frames (the rest is small and shared copy-on-write)
/// and the old value of each frame the command wrote, so keeping ten commands costs kilobytes at any machine size.
extension Kernel {
    /// This kernel without its struct pages (and with no caller named): what undo keeps of the state before a command.
    /// Made in place: the frames and the caller are set aside while the rest is copied once (a getter on a borrowed
    /// kernel made two copies of the value and dropped one, a few dozen retains and releases each, on every command
    /// undo keeps).
    public mutating func snapshotWithoutFrames() -> Kernel {
        var f = FrameStore()
        swap(&f, &frames)
        let site = callSite
        callSite = nil
        let k = self
        swap(&f, &frames)
        callSite = site
        return k
    }

    /// Starts recording the old value of every frame written (see `FrameStore`).
    public mutating func openFrameJournal(epoch: UInt64) {
        frames.openJournal(epoch: epoch)
        // Room for what one allocation or free writes (2–17 frames), so the journal is one allocation a command
        // rather than one each time it doubles.
        frames.journal?.reserveCapacity(16)
    }

    /// Stops recording; the writes since `openFrameJournal(epoch:)`, or nil when these frames are not the ones it
    /// was opened on (the machine was replaced meanwhile).
    public mutating func closeFrameJournal(epoch: UInt64) -> [FrameWrite]? { frames.closeJournal(epoch: epoch) }

    /// Goes back to `before` (a `snapshotWithoutFrames()` snapshot), undoing `journals` (oldest first) on the frames.
    public mutating func restore(_ before: Kernel, undoing journals: [[FrameWrite]]) {
        var f = FrameStore()
        swap(&f, &frames)
        for writes in journals.reversed() { f.revert(writes) }
        self = before
        frames = f
    }
}

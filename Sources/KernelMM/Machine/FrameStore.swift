/// The struct page array (mem_map): one `PageFrame` per PFN, and the one place every write to a frame goes through.
///
/// That one place is what makes undo cheap at any machine size: while a journal is open, each write first records the
/// frame's old value, so taking a command back rewrites the few frames it touched (1 for a free, a handful for an
/// allocation, a few hundred for a drain) instead of keeping a copy of millions of frames. The journal is part of the
/// value, so a copy of the kernel taken mid-command and put back brings its journal back with it.
public struct FrameStore: Sendable, RandomAccessCollection {
    @usableFromInline var storage: ContiguousArray<PageFrame>
    /// Old values of frames written since `openJournal`, oldest first; nil when no journal is open.
    @usableFromInline var journal: [FrameWrite]?
    /// Which journal is open: the shell numbers them, so that a kernel put back from elsewhere (a lesson's saved
    /// machine, a reboot) is not mistaken for the one the journal was opened on.
    public private(set) var journalEpoch: UInt64 = 0

    init(_ storage: ContiguousArray<PageFrame>) { self.storage = storage }
    public init() { storage = [] }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    @inline(__always) public var count: Int { storage.count }

    @inline(__always)
    public subscript(pfn: Int) -> PageFrame {
        get { storage[pfn] }
        _modify {
            if journal != nil { journal!.append(FrameWrite(pfn: Int32(truncatingIfNeeded: pfn), old: storage[pfn])) }
            yield &storage[pfn]
        }
        set {
            if journal != nil { journal!.append(FrameWrite(pfn: Int32(truncatingIfNeeded: pfn), old: storage[pfn])) }
            storage[pfn] = newValue
        }
    }

    /// Read-only bulk access (invariant checks and views walk millions of frames).
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<PageFrame>) throws(E) -> R) throws(E) -> R {
        // ContiguousArray's own method rethrows untyped; a typed throw has to pass through a Result.
        let r: Result<R, E> = storage.withUnsafeBufferPointer { buf in
            do throws(E) { return .success(try body(buf)) } catch { return .failure(error) }
        }
        return try r.get()
    }

    /// Bulk writes without the journal: boot only, before any journal can be open.
    mutating func withUnsafeMutableBufferPointerAtBoot<R>(_ body: (inout UnsafeMutableBufferPointer<PageFrame>) -> R) -> R {
        storage.withUnsafeMutableBufferPointer(body)
    }

    // MARK: The undo journal

    /// Starts recording the old value of every frame written, under `epoch`.
    public mutating func openJournal(epoch: UInt64) {
        journal = []
        journalEpoch = epoch
    }

    /// Stops recording and hands back what was written, oldest first, if the journal open is `epoch`'s; nil when
    /// another journal (or none) is open, since then these frames are not the ones it was opened on.
    public mutating func closeJournal(epoch: UInt64) -> [FrameWrite]? {
        defer { journal = nil; journalEpoch = 0 }
        return journalEpoch == epoch ? journal : nil
    }

    /// Puts back the old values `writes` recorded, newest first. An open journal records these writes too, so that
    /// taking back an undo is itself exact.
    public mutating func revert(_ writes: [FrameWrite]) {
        for w in writes.reversed() where Int(w.pfn) < storage.count { self[Int(w.pfn)] = w.old }
    }
}

/// One journalled write: the frame's value before it.
public struct FrameWrite: Sendable, Equatable {
    public var pfn: Int32
    public var old: PageFrame
}

// Two kernels are equal when their frames are; an open journal is bookkeeping, not state.
extension FrameStore: Equatable {
    public static func == (a: FrameStore, b: FrameStore) -> Bool { a.storage == b.storage }
}

// A failed test prints the value: a count, not millions of frames.
extension FrameStore: CustomStringConvertible, CustomReflectable {
    public var description: String { "FrameStore(\(storage.count) frames)" }
    public var customMirror: Mirror { Mirror(self, children: ["count": storage.count]) }
}

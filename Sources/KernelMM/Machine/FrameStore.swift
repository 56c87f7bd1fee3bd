// The C library for memory only (calloc, malloc, free, memcmp), never for I/O: calloc is the one allocator that hands
// out zeroed pages without touching them, which is what lets a 64 GiB machine boot without faulting in its mem_map.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The struct page array (mem_map): one `PageFrame` per PFN, and the one place every write to a frame goes through.
///
/// That one place is what makes undo cheap at any machine size: while a journal is open, each write first records the
/// frame's old value, so taking a command back rewrites the few frames it touched (1 for a free, a handful for an
/// allocation, a few hundred for a drain) instead of keeping a copy of millions of frames. The journal is part of the
/// value, so a copy of the kernel taken mid-command and put back brings its journal back with it.
///
/// The frames live in zeroed memory from calloc(), copied on write like an Array's storage. A zero `PageFrame` is a
/// present frame nobody holds, so boot writes only the frames that differ, and the pages of a 64 GiB machine's
/// array that boot never writes are never faulted in (the system hands out zeroed pages lazily).
public struct FrameStore: Sendable, RandomAccessCollection {
    @usableFromInline var buffer: FrameBuffer
    /// Old values of frames written since `openJournal`, oldest first; nil when no journal is open.
    @usableFromInline var journal: [FrameWrite]?
    /// Which journal is open: the shell numbers them, so that a kernel put back from elsewhere (a lesson's saved
    /// machine, a reboot) is not mistaken for the one the journal was opened on.
    public private(set) var journalEpoch: UInt64 = 0

    /// `count` frames, every one zero: present, a tail, no links, held by nobody.
    init(zeroed count: Int) { buffer = FrameBuffer(zeroed: count) }
    init(_ frames: ContiguousArray<PageFrame>) {
        buffer = FrameBuffer(zeroed: frames.count)
        frames.withUnsafeBufferPointer { src in
            if let b = src.baseAddress { buffer.base.update(from: b, count: src.count) }
        }
    }
    /// No frames (what undo keeps in place of a kernel's): one shared empty buffer, not an allocation per command.
    public init() { buffer = FrameBuffer.empty }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }
    @inline(__always) public var count: Int { buffer.count }

    @inline(__always)
    public subscript(pfn: Int) -> PageFrame {
        get {
            precondition(pfn >= 0 && pfn < buffer.count, "PFN beyond mem_map")
            return buffer.base[pfn]
        }
        _modify {
            precondition(pfn >= 0 && pfn < buffer.count, "PFN beyond mem_map")
            if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer) }
            if journal != nil { journal!.append(FrameWrite(pfn: Int32(truncatingIfNeeded: pfn), old: buffer.base[pfn])) }
            yield &buffer.base[pfn]
        }
        set {
            precondition(pfn >= 0 && pfn < buffer.count, "PFN beyond mem_map")
            if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer) }
            if journal != nil { journal!.append(FrameWrite(pfn: Int32(truncatingIfNeeded: pfn), old: buffer.base[pfn])) }
            buffer.base[pfn] = newValue
        }
    }

    /// Read-only bulk access (invariant checks and views walk millions of frames).
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<PageFrame>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(buffer) { () throws(E) -> R in
            try body(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
        }
    }

    /// Bulk writes without the journal: boot only, before any journal can be open.
    mutating func withUnsafeMutableBufferPointerAtBoot<R>(_ body: (inout UnsafeMutableBufferPointer<PageFrame>) -> R) -> R {
        if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer) }
        var b = UnsafeMutableBufferPointer(start: buffer.base, count: buffer.count)
        return withExtendedLifetime(buffer) { body(&b) }
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
        for w in writes.reversed() where Int(w.pfn) < buffer.count { self[Int(w.pfn)] = w.old }
    }
}

/// One journalled write: the frame's value before it.
public struct FrameWrite: Sendable, Equatable {
    public var pfn: Int32
    public var old: PageFrame
}

// Two kernels are equal when their frames are; an open journal is bookkeeping, not state.
extension FrameStore: Equatable {
    public static func == (a: FrameStore, b: FrameStore) -> Bool {
        if a.buffer === b.buffer { return true }
        guard a.buffer.count == b.buffer.count else { return false }
        // PageFrame has no padding (4+4+4+1+1+1+1 bytes), so equal bytes are equal frames.
        return memcmp(a.buffer.base, b.buffer.base, a.buffer.count * MemoryLayout<PageFrame>.stride) == 0
    }
}

/// The memory behind a FrameStore: zeroed by calloc(), freed with the last reference.
@usableFromInline final class FrameBuffer: @unchecked Sendable {
    // Shared only read-only: every write goes through FrameStore, which copies a shared buffer first (as Array does).
    @usableFromInline let base: UnsafeMutablePointer<PageFrame>
    @usableFromInline let count: Int

    init(zeroed n: Int) {
        // An allocation this size failing is the host being out of memory; an Array would trap the same way.
        // trap-ok: n is at most 64 GiB of 4 KiB frames (Kernel.validate bounds mem=), 272 MB, and calloc maps it lazily.
        guard let raw = calloc(max(n, 1), MemoryLayout<PageFrame>.stride) else { fatalError("calloc(\(n), sizeof(struct page)) == NULL") }
        base = raw.bindMemory(to: PageFrame.self, capacity: max(n, 1))
        count = n
    }

    init(copying other: FrameBuffer) {
        let bytes = max(other.count, 1) * MemoryLayout<PageFrame>.stride
        // trap-ok: as above; the copy an Array's copy-on-write would make, and it would trap the same way.
        guard let raw = malloc(bytes) else { fatalError("malloc(\(other.count) * sizeof(struct page)) == NULL") }
        memcpy(raw, other.base, bytes)
        base = raw.bindMemory(to: PageFrame.self, capacity: max(other.count, 1))
        count = other.count
    }

    deinit { free(base) }

    static let empty = FrameBuffer(zeroed: 0)
}

// A failed test prints the value: a count, not millions of frames.
extension FrameStore: CustomStringConvertible, CustomReflectable {
    public var description: String { "FrameStore(\(buffer.count) frames)" }
    public var customMirror: Mirror { Mirror(self, children: ["count": buffer.count]) }
}

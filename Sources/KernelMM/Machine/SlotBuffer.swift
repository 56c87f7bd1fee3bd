/// The memory behind a `JournaledSlots`: a fixed number of trivial words behind a stable base pointer, copied on
/// write as an Array's storage is.
///
/// Why not a ContiguousArray: every write through an Array is a uniqueness check (withUnsafeMutableBufferPointer
/// included), while a class of our own lets the page allocator check once per operation and then write through the
/// pointer (`JournaledSlots.makeUnique()` and `AllocatorStores`). Untyped, so that one shared empty buffer serves every
/// word type (a generic class has no static stored properties).
@usableFromInline final class SlotBuffer: @unchecked Sendable {
    // Shared only read-only: every write goes through JournaledSlots, which copies a shared buffer first.
    @usableFromInline let base: UnsafeMutableRawPointer
    /// Words, not bytes.
    @usableFromInline let count: Int
    let byteCount: Int

    /// `count` words of `Word`, each `v`.
    init<Word: FixedWidthInteger>(repeating v: Word, count: Int) {
        self.count = count
        byteCount = count * MemoryLayout<Word>.stride
        base = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: MemoryLayout<Word>.alignment)
        base.initializeMemory(as: Word.self, repeating: v, count: count)
    }

    /// A copy of `words` (a saved machine's, or an Array's).
    init<Word: FixedWidthInteger>(_ words: UnsafeBufferPointer<Word>) {
        count = words.count
        byteCount = words.count * MemoryLayout<Word>.stride
        base = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: MemoryLayout<Word>.alignment)
        if let b = words.baseAddress { base.copyMemory(from: b, byteCount: byteCount) }
    }

    /// A copy of `other`'s words: what a write to a shared buffer makes first.
    init(copying other: SlotBuffer) {
        count = other.count
        byteCount = other.byteCount
        base = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 16)
        base.copyMemory(from: other.base, byteCount: byteCount)
    }

    deinit { base.deallocate() }

    /// No words: one buffer for every empty store (undo's snapshot holds these in place of the kernel's).
    static let empty = SlotBuffer(repeating: 0 as Int, count: 0)
}

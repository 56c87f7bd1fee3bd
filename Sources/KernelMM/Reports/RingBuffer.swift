/// A bounded log that drops its oldest entries, like the kernel's printk and ftrace ring buffers: appending is O(1)
/// however full it is (no shifting), and it remembers how many entries it has dropped.
public struct RingBuffer<Element: Sendable & Equatable>: Sendable, RandomAccessCollection {
    public let capacity: Int
    private var storage: [Element] = []
    /// Index in `storage` of the oldest entry once the buffer has wrapped.
    private var head = 0
    /// Entries appended since the buffer was made or cleared, dropped ones included.
    public private(set) var written = 0

    public init(capacity: Int) { self.capacity = Swift.max(1, capacity) }

    /// Entries overwritten because the buffer was full.
    public var dropped: Int { written - storage.count }

    public mutating func append(_ e: Element) {
        written += 1
        if storage.count < capacity { storage.append(e); return }
        storage[head] = e
        head = head + 1 == capacity ? 0 : head + 1
    }

    public mutating func removeAll() {
        storage.removeAll()
        head = 0
        written = 0
    }

    /// The entries appended after the first `mark` (a value of `written`) that are still held.
    public func since(_ mark: Int) -> [Element] {
        let new = written - mark
        guard new > 0 else { return [] }
        return Array(suffix(Swift.min(new, count)))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(i: Int) -> Element { storage[(head + i) % storage.count] }
}

extension RingBuffer: Equatable {
    /// Equal when they hold the same entries in the same order and have seen as many: where the buffer wrapped
    /// inside its storage does not matter.
    public static func == (a: RingBuffer, b: RingBuffer) -> Bool {
        guard a.capacity == b.capacity, a.written == b.written else { return false }
        // Same wrap point: the storage arrays decide, and an unchanged copy shares its buffer (compared by identity,
        // not entry by entry — tests compare whole kernels after every command).
        if a.head == b.head { return a.storage == b.storage }
        return a.elementsEqual(b)
    }
}

extension RingBuffer: Codable where Element: Codable {
    private enum CodingKeys: String, CodingKey { case capacity, written, entries }

    /// Saved as what a reader sees: the entries oldest first and the count written, not where the storage wrapped.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(capacity, forKey: .capacity)
        try c.encode(written, forKey: .written)
        try c.encode(Array(self), forKey: .entries)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let capacity = try c.decode(Int.self, forKey: .capacity)
        let written = try c.decode(Int.self, forKey: .written)
        let entries = try c.decode([Element].self, forKey: .entries)
        guard capacity >= 1 else { throw SavedStateProblem.outOfRange(part: "capacity", value: capacity, lower: 1, limit: Int.max) }
        guard entries.count <= capacity else {
            throw SavedStateProblem.outOfRange(part: "entries", value: entries.count, lower: 0, limit: capacity + 1)
        }
        guard written >= entries.count else {
            throw SavedStateProblem.outOfRange(part: "written", value: written, lower: entries.count, limit: Int.max)
        }
        self.init(capacity: capacity)
        storage = entries
        self.written = written
    }
}

/// slab_caches: the caches in creation order, each kept in its own copy-on-write box.
///
/// A plain `[KmemCache]` copies every cache's fields (a dozen arrays and dictionaries each) when the array is copied
/// and then changed, and undo keeps the kernel before each command, so every kmalloc paid for copying ~150 caches.
/// Boxed, a copy of the list costs one retain per cache, and a command copies only the cache it changes.
public struct CacheList: Sendable, RandomAccessCollection, Equatable, Codable {
    final class Box: @unchecked Sendable {
        // Only ever mutated through `CacheList`'s subscript after a uniqueness check, like the storage of an Array, so
        // a write never overlaps another access: unchecked, every read of a cache skips the runtime's exclusivity
        // bookkeeping (swift_beginAccess; boot's find_mergeable() and id lookups made ~10,000 of them).
        @exclusivity(unchecked) var cache: KmemCache
        init(_ c: KmemCache) { cache = c }
    }

    private var boxes: [Box] = []

    public init() {}
    public init(_ caches: [KmemCache]) { boxes = caches.map(Box.init) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { boxes.count }

    public subscript(i: Int) -> KmemCache {
        // _read: `caches[i].id` reads through the box instead of copying the whole cache (a dozen arrays and
        // dictionaries, each retained and released) to read one field.
        _read { yield boxes[i].cache }
        _modify {
            if !isKnownUniquelyReferenced(&boxes[i]) { boxes[i] = Box(boxes[i].cache) }
            yield &boxes[i].cache
        }
        set {
            if isKnownUniquelyReferenced(&boxes[i]) { boxes[i].cache = newValue } else { boxes[i] = Box(newValue) }
        }
    }

    public mutating func append(_ c: KmemCache) { boxes.append(Box(c)) }
    public mutating func reserveCapacity(_ n: Int) { boxes.reserveCapacity(n) }

    /// The first cache `predicate` accepts, each read in place (iterating the collection copies every cache).
    public func firstIndex(where predicate: (borrowing KmemCache) -> Bool) -> Int? {
        for i in boxes.indices where predicate(boxes[i].cache) { return i }
        return nil
    }
    @discardableResult public mutating func remove(at i: Int) -> KmemCache { boxes.remove(at: i).cache }

    public static func == (a: CacheList, b: CacheList) -> Bool {
        a.boxes.count == b.boxes.count && zip(a.boxes, b.boxes).allSatisfy { $0 === $1 || $0.cache == $1.cache }
    }

    public init(from decoder: Decoder) throws { self.init(try [KmemCache](from: decoder)) }
    public func encode(to encoder: Encoder) throws { try Array(self).encode(to: encoder) }
}

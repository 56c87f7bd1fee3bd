/// slab_caches: the caches in creation order, each kept in its own copy-on-write box, the boxes in chunks of 16.
///
/// A plain `[KmemCache]` copies every cache's fields (a dozen arrays and dictionaries each) when the array is copied
/// and then changed, and undo keeps the kernel before each command, so every kmalloc paid for copying ~150 caches.
/// Boxed, a command copies only the cache it changes; chunked, it copies the chunk that holds it (16 references) and
/// the list of chunks (about 10), not a reference per cache (the runtime copies an array of references with an atomic
/// retain each: the most expensive part of a kmalloc with undo on once each cache was boxed).
public struct CacheList: Sendable, RandomAccessCollection, Equatable, Codable {
    final class Box: @unchecked Sendable {
        // Only ever mutated through `CacheList`'s subscript after a uniqueness check, like the storage of an Array, so
        // a write never overlaps another access: unchecked, every read of a cache skips the runtime's exclusivity
        // bookkeeping (swift_beginAccess; boot's find_mergeable() and id lookups made ~10,000 of them).
        @exclusivity(unchecked) var cache: KmemCache
        init(_ c: KmemCache) { cache = c }
    }
    /// Up to `chunkSize` consecutive boxes; changed only after a uniqueness check, as a box is.
    final class Chunk: @unchecked Sendable {
        @exclusivity(unchecked) var boxes: [Box]
        init(_ b: [Box]) { boxes = b }
    }
    static var chunkSize: Int { 16 }

    private var chunks: [Chunk] = []
    public private(set) var count = 0

    public init() {}
    public init(_ caches: [KmemCache]) { for c in caches { append(c) } }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> KmemCache {
        // _read: `caches[i].id` reads through the box instead of copying the whole cache (a dozen arrays and
        // dictionaries, each retained and released) to read one field.
        _read {
            precondition(i >= 0 && i < count, "cache index beyond slab_caches")
            yield chunks[i / Self.chunkSize].boxes[i % Self.chunkSize].cache
        }
        _modify {
            let chunk = uniqueChunk(i), j = i % Self.chunkSize
            if !isKnownUniquelyReferenced(&chunk.boxes[j]) { chunk.boxes[j] = Box(chunk.boxes[j].cache) }
            yield &chunk.boxes[j].cache
        }
        set {
            let chunk = uniqueChunk(i), j = i % Self.chunkSize
            if isKnownUniquelyReferenced(&chunk.boxes[j]) { chunk.boxes[j].cache = newValue } else { chunk.boxes[j] = Box(newValue) }
        }
    }

    /// The chunk holding cache `i`, made ours if another copy of the list shares it.
    private mutating func uniqueChunk(_ i: Int) -> Chunk {
        precondition(i >= 0 && i < count, "cache index beyond slab_caches")
        let c = i / Self.chunkSize
        if !isKnownUniquelyReferenced(&chunks[c]) { chunks[c] = Chunk(chunks[c].boxes) }
        return chunks[c]
    }

    public mutating func append(_ c: KmemCache) {
        if count % Self.chunkSize == 0 {
            chunks.append(Chunk([Box(c)]))
        } else {
            uniqueChunk(count - 1).boxes.append(Box(c))
        }
        count += 1
    }
    public mutating func reserveCapacity(_ n: Int) { chunks.reserveCapacity((n + Self.chunkSize - 1) / Self.chunkSize) }

    /// The first cache `predicate` accepts, each read in place (iterating the collection copies every cache).
    public func firstIndex(where predicate: (borrowing KmemCache) -> Bool) -> Int? {
        for (c, chunk) in chunks.enumerated() {
            for (j, b) in chunk.boxes.enumerated() where predicate(b.cache) { return c * Self.chunkSize + j }
        }
        return nil
    }

    /// kmem_cache_destroy()'s removal: the caches after it move up one (rare, so the chunks are simply rebuilt).
    @discardableResult public mutating func remove(at i: Int) -> KmemCache {
        precondition(i >= 0 && i < count, "cache index beyond slab_caches")
        var boxes = chunks.flatMap(\.boxes)
        let removed = boxes.remove(at: i)
        chunks = stride(from: 0, to: boxes.count, by: Self.chunkSize).map { Chunk(Array(boxes[$0..<Swift.min($0 + Self.chunkSize, boxes.count)])) }
        count -= 1
        return removed.cache
    }

    public static func == (a: CacheList, b: CacheList) -> Bool {
        a.count == b.count && zip(a.chunks, b.chunks).allSatisfy { x, y in
            x === y || zip(x.boxes, y.boxes).allSatisfy { $0 === $1 || $0.cache == $1.cache }
        }
    }

    public init(from decoder: Decoder) throws { self.init(try [KmemCache](from: decoder)) }
    public func encode(to encoder: Encoder) throws { try Array(self).encode(to: encoder) }
}

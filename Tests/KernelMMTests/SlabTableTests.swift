import Foundation
import Testing
@testable import KernelMM

/// A cache's slabs by first PFN (`SlabTable`): the dictionary it replaced, in both of its forms, and what undo relies
/// on (a copy never sees a later write).
@Suite struct SlabTableTests {
    static func slab(_ pfn: Int, inuse: Int = 0) -> Slab {
        Slab(pfn: pfn, list: .partial, firstObjectOffset: 0, inuse: inuse, freelist: [1, 2], objects: [.free, .free])
    }

    /// Scattered PFNs, past the size where the dictionary becomes a tree, near 0 and past 2^18 (a second top entry).
    static let pfns: [Int] = (0..<200).map { ($0 * 7919) % 300_000 } + [0, 1, 7, 8, 262_143, 262_144, 5_000_000]

    /// The table answers as a dictionary fed the same writes does, at every step (lookups, count, PFN order,
    /// equality with a table built in another order), through its growth into a tree and back down to nothing.
    @Test func itAnswersAsTheDictionaryDoesInBothForms() {
        var t = SlabTable(), d: [Int: Slab] = [:]
        func agree(_ step: String) {
            #expect(t.count == d.count, "\(step)")
            #expect(t.keys == d.keys.sorted(), "\(step)")
            #expect(t.values.map(\.pfn) == d.keys.sorted(), "\(step)")
            for (k, v) in d { #expect(t[k] == v, "\(step) at \(k)") }
        }
        for (i, p) in Self.pfns.enumerated() {
            t[p] = Self.slab(p)
            d[p] = Self.slab(p)
            if i % 37 == 0 { agree("insert \(i)") }
        }
        agree("after inserts")
        var r = SlabTable()
        for p in Self.pfns.reversed() { r[p] = Self.slab(p) }
        #expect(r == t)
        // In-place changes through optional chaining (the allocator's way), and a change makes them differ.
        t[Self.pfns[3]]?.inuse = 5
        d[Self.pfns[3]]?.inuse = 5
        t[123_456_789]?.inuse = 1   // no such slab: nothing happens
        agree("after changes")
        #expect(r != t)
        for p in Self.pfns where p % 2 == 0 {
            #expect(t.removeValue(forKey: p) == d.removeValue(forKey: p))
        }
        agree("after removals")
        for p in Self.pfns { t[p] = nil; d[p] = nil }
        agree("empty")
        #expect(t.isEmpty && t == SlabTable())
    }

    /// A copy (undo's snapshot) keeps what it held while the original changes, in either form.
    @Test func aCopySeesNoLaterWrite() {
        for n in [10, 150] {
            var t = SlabTable()
            for p in Self.pfns.prefix(n) { t[p] = Self.slab(p) }
            let before = t
            let p = Self.pfns[1]
            t[p]?.inuse = 9
            t[p]?.freelist.removeLast()
            t[Self.pfns[2]] = nil
            t[9_999_999] = Self.slab(9_999_999)
            #expect(before[p]?.inuse == 0 && before[p]?.freelist == [1, 2], "n=\(n)")
            #expect(before[Self.pfns[2]] != nil && before[9_999_999] == nil && before.count == n, "n=\(n)")
            #expect(t[p]?.inuse == 9 && t.count == n, "n=\(n)")
            #expect(before != t)
        }
    }

    /// Saved as the dictionary it replaced, and read back the same; a damaged key is an error, not a trap.
    @Test func itIsSavedAsADictionary() throws {
        var t = SlabTable()
        for p in Self.pfns { t[p] = Self.slab(p, inuse: p % 3) }
        let data = try JSONEncoder().encode(t)
        let asDictionary = try JSONDecoder().decode([Int: Slab].self, from: data)
        #expect(asDictionary.count == t.count && asDictionary.allSatisfy { t[$0.key] == $0.value })
        #expect(try JSONDecoder().decode(SlabTable.self, from: data) == t)
        let bad = try JSONEncoder().encode([-4: Self.slab(0)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SlabTable.self, from: bad) }
    }
}

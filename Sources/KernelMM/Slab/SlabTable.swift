/// A cache's slabs by the PFN of their first page (what virt_to_slab() finds): a dictionary while the cache has few
/// slabs, a copy-on-write radix tree once it has many.
///
/// Why: undo keeps the kernel as it was before each command, so the first change to a cache's slabs in a command
/// finds the storage shared and copies it. A dictionary copies every slab (and retains each one's arrays), so with
/// undo on each kmalloc cost time in proportion to the objects already allocated: 160k kmallocs took 3.5 s instead of
/// 0.3 s. The tree copies only the path to the slab changed (about a hundred references and 8 slabs) whatever it
/// holds; below `treeAbove` slabs the dictionary's copy is the cheaper one. Iteration is in PFN order either way.
public struct SlabTable: Sendable, Equatable, Codable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// Slabs past which the table is a tree (it stays one).
    static var treeAbove: Int { 64 }

    // Two stored properties rather than an enum: a `_modify` that moves an enum's payload out and back needs a
    // coroutine frame too large for the caller's buffer, a malloc and a free per change.
    /// The slabs while there are few (`tree` is nil).
    private var small: [Int: Slab] = [:]
    /// The slabs once there were many (`small` is then empty).
    private var tree: Tree?

    public init() {}
    public init(dictionaryLiteral elements: (Int, Slab)...) {
        for (pfn, s) in elements { self[pfn] = s }
    }

    /// Slabs in the table.
    public var count: Int { tree?.count ?? small.count }
    public var isEmpty: Bool { count == 0 }

    /// The slab whose first page is `pfn`, or nil. Setting nil removes it.
    public subscript(pfn: Int) -> Slab? {
        @inline(__always) get { tree != nil ? tree![pfn] : small[pfn] }
        _modify {
            if tree != nil {
                yield &tree![pfn]
            } else {
                yield &small[pfn]
                growIfNeeded()
            }
        }
        set {
            // Removing what is not there changes nothing (and makes no tree path).
            if newValue == nil && self[pfn] == nil { return }
            if tree != nil {
                tree![pfn] = newValue
            } else {
                small[pfn] = newValue
                growIfNeeded()
            }
        }
    }

    /// A dictionary past `treeAbove` slabs becomes a tree.
    @inline(__always) private mutating func growIfNeeded() {
        guard small.count > Self.treeAbove else { return }
        tree = Tree(small)
        small = [:]
    }

    /// `body` applied to the slab at `pfn` (one lookup).
    @inline(__always) public func read<R>(_ pfn: Int, _ body: (Slab) -> R) -> R? {
        tree != nil ? tree!.read(pfn, body) : small[pfn].map(body)
    }

    /// `body` applied in place to the slab at `pfn`; nil when there is none. A method rather than the subscript's
    /// `_modify` for the allocator's hot paths: each coroutine of a change through the subscript was a malloc and a free.
    @inline(__always) public mutating func update<R>(_ pfn: Int, _ body: (inout Slab) -> R) -> R? {
        if tree != nil { return tree!.update(pfn, body) }
        guard let i = small.index(forKey: pfn) else { return nil }
        return body(&small.values[i])
    }

    /// Takes the slab out of the table.
    @discardableResult public mutating func removeValue(forKey pfn: Int) -> Slab? {
        guard let s = self[pfn] else { return nil }
        self[pfn] = nil
        return s
    }

    /// The first PFNs of the slabs, ascending.
    public var keys: [Int] { map(\.key) }
    /// The slabs, by ascending PFN.
    public var values: Values { Values(table: self) }

    /// The slabs alone, as a sequence (`filter` and `map` give arrays, as a dictionary's values do).
    public struct Values: Sequence {
        let table: SlabTable
        public struct Iterator: IteratorProtocol {
            var base: SlabTable.Iterator
            public mutating func next() -> Slab? { base.next()?.value }
        }
        public func makeIterator() -> Iterator { Iterator(base: table.makeIterator()) }
        public var underestimatedCount: Int { table.count }
    }

    /// The slabs in PFN order, gathered first (a dictionary's order would differ from run to run).
    public struct Iterator: IteratorProtocol {
        var pending: [(key: Int, value: Slab)]
        var i = 0
        public mutating func next() -> (key: Int, value: Slab)? {
            guard i < pending.count else { return nil }
            i += 1
            return pending[i - 1]
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(pending: tree?.entries() ?? small.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
    public var underestimatedCount: Int { count }

    /// The same slabs at the same PFNs, whatever the storage.
    public static func == (x: SlabTable, y: SlabTable) -> Bool {
        switch (x.tree, y.tree) {
        case (nil, nil): return x.small == y.small
        case (let a?, let b?): return a == b
        default: return x.count == y.count && x.allSatisfy { y[$0.key] == $0.value }
        }
    }

    /// The slabs as a dictionary prints them, by ascending PFN (findings compare tables by their descriptions).
    public var description: String { "[" + map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]" }

    // Saved as the dictionary it replaced, so saved files keep their shape.
    public init(from decoder: any Decoder) throws {
        for (pfn, s) in try [Int: Slab](from: decoder) {
            // A damaged file's key must not trap or grow the tree without bound (the layout check that follows the
            // decode reports PFNs past the machine's end).
            guard pfn >= 0 && pfn < 1 << 40 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "slab PFN \(pfn) beyond 2^40"))
            }
            self[pfn] = s
        }
    }
    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) }).encode(to: encoder)
    }
}

extension SlabTable {
    /// The radix tree: leaves of 8 slabs under three levels of 32 children, the top level as long as the highest PFN
    /// needs. Leaves are narrow because a slab costs several references to copy; inner nodes are wide so that the
    /// path stays short.
    struct Tree: Sendable, Equatable {
        static var leafBits: Int { 3 }
        static var innerBits: Int { 5 }
        static var leafWidth: Int { 1 << leafBits }
        static var innerWidth: Int { 1 << innerBits }
        /// PFN bits below the top level: three inner levels and the leaves.
        static var belowTop: Int { 3 * innerBits + leafBits }

        /// One level of the tree, copied as a whole when shared.
        final class Node<Child: Sendable>: @unchecked Sendable {
            // Written only after a uniqueness check (`uniqueLeaf`), like an Array's storage: unchecked, each access
            // skips the runtime's exclusivity bookkeeping.
            @exclusivity(unchecked) var children: [Child?]
            init(width: Int) { children = Array(repeating: nil, count: width) }
            init(copying other: Node) { children = other.children }
        }
        typealias Leaf = Node<Slab>
        typealias Level4 = Node<Leaf>
        typealias Level3 = Node<Level4>
        typealias Level2 = Node<Level3>

        var top: [Level2?] = []
        private(set) var count = 0

        init() {}
        /// The dictionary's slabs, for a table that outgrew it.
        init(_ d: [Int: Slab]) { for (pfn, s) in d { self[pfn] = s } }

        /// The top-level index, the three inner indices and the leaf index of `pfn`.
        @inline(__always) static func path(_ pfn: Int) -> (Int, Int, Int, Int, Int) {
            let m = innerWidth - 1
            return (pfn >> belowTop, (pfn >> (2 * innerBits + leafBits)) & m, (pfn >> (innerBits + leafBits)) & m,
                    (pfn >> leafBits) & m, pfn & (leafWidth - 1))
        }

        /// The leaf holding `pfn` and the slot in it, if the path exists.
        @inline(__always) func leaf(_ pfn: Int) -> (Leaf, Int)? {
            guard pfn >= 0 else { return nil }
            let (a, b, c, d, e) = Self.path(pfn)
            guard a < top.count, let l2 = top[a], let l3 = l2.children[b], let l4 = l3.children[c], let leaf = l4.children[d] else {
                return nil
            }
            return (leaf, e)
        }

        subscript(pfn: Int) -> Slab? {
            @inline(__always) get {
                guard let (leaf, e) = leaf(pfn) else { return nil }
                return leaf.children[e]
            }
            _modify {
                precondition(pfn >= 0, "slab PFN below 0")
                let (leaf, e) = uniqueLeaf(pfn)
                let was = leaf.children[e] != nil
                defer { count += (leaf.children[e] != nil ? 1 : 0) - (was ? 1 : 0) }
                yield &leaf.children[e]
            }
            set {
                if newValue == nil && leaf(pfn) == nil { return }
                precondition(pfn >= 0, "slab PFN below 0")
                let (leaf, e) = uniqueLeaf(pfn)
                count += (newValue != nil ? 1 : 0) - (leaf.children[e] != nil ? 1 : 0)
                leaf.children[e] = newValue
            }
        }

        @inline(__always) mutating func update<R>(_ pfn: Int, _ body: (inout Slab) -> R) -> R? {
            guard contains(pfn) else { return nil }
            let (leaf, e) = uniqueLeaf(pfn)
            return body(&leaf.children[e]!)
        }

        /// Whether a slab is at `pfn`. Out of line so that no reference to its leaf outlives the answer: `update` held
        /// one across `uniqueLeaf`, which then saw the leaf shared and copied it (and the change copied the slab's
        /// arrays) on every call.
        @inline(never) func contains(_ pfn: Int) -> Bool {
            guard let (l, e) = leaf(pfn) else { return false }
            return l.children[e] != nil
        }

        @inline(__always) func read<R>(_ pfn: Int, _ body: (Slab) -> R) -> R? {
            guard let (leaf, e) = leaf(pfn), let s = leaf.children[e] else { return nil }
            return body(s)
        }

        /// Child `i` of `node`, made, or made ours if another copy of the table shares it.
        @inline(__always) static func uniqueChild<C>(_ node: Node<Node<C>>, _ i: Int, width: Int) -> Node<C> {
            if node.children[i] == nil { node.children[i] = Node<C>(width: width) }
            else if !isKnownUniquelyReferenced(&node.children[i]) { node.children[i] = Node<C>(copying: node.children[i]!) }
            return node.children[i]!
        }

        /// The leaf holding `pfn` and the slot in it, with the path to it made or made ours: each level shared with
        /// another copy of the table is copied, one node per level.
        mutating func uniqueLeaf(_ pfn: Int) -> (Leaf, Int) {
            let (a, b, c, d, e) = Self.path(pfn)
            if a >= top.count { top.append(contentsOf: repeatElement(nil, count: a - top.count + 1)) }
            if top[a] == nil { top[a] = Level2(width: Self.innerWidth) }
            else if !isKnownUniquelyReferenced(&top[a]) { top[a] = Level2(copying: top[a]!) }
            let l3 = Self.uniqueChild(top[a]!, b, width: Self.innerWidth)
            let l4 = Self.uniqueChild(l3, c, width: Self.innerWidth)
            return (Self.uniqueChild(l4, d, width: Self.leafWidth), e)
        }

        /// Every slab with its PFN, ascending.
        func entries() -> [(key: Int, value: Slab)] {
            var out: [(key: Int, value: Slab)] = []
            out.reserveCapacity(count)
            let ib = Self.innerBits, lb = Self.leafBits
            for (a, l2) in top.enumerated() { guard let l2 else { continue }
                for (b, l3) in l2.children.enumerated() { guard let l3 else { continue }
                    for (c, l4) in l3.children.enumerated() { guard let l4 else { continue }
                        for (d, leaf) in l4.children.enumerated() { guard let leaf else { continue }
                            let base = (((a << ib | b) << ib | c) << ib | d) << lb
                            for (e, s) in leaf.children.enumerated() { if let s { out.append((base | e, s)) } }
                        }
                    }
                }
            }
            return out
        }

        /// The same slabs at the same PFNs. Subtrees both trees share are equal without a look (a command's snapshot
        /// and the table after it share all but the path it changed); an absent subtree equals one holding no slab.
        static func == (x: Tree, y: Tree) -> Bool {
            guard x.count == y.count else { return false }
            func leaves(_ p: Leaf?, _ q: Leaf?) -> Bool { same(p, q) { $0 == $1 } }
            func level4(_ p: Level4?, _ q: Level4?) -> Bool { same(p, q, leaves) }
            func level3(_ p: Level3?, _ q: Level3?) -> Bool { same(p, q, level4) }
            return (0..<Swift.max(x.top.count, y.top.count)).allSatisfy { i in
                same(i < x.top.count ? x.top[i] : nil, i < y.top.count ? y.top[i] : nil, level3)
            }
        }

        /// Whether two nodes of one level hold the same slabs, `child` comparing their children.
        private static func same<C>(_ p: Node<C>?, _ q: Node<C>?, _ child: (C?, C?) -> Bool) -> Bool {
            if p === q { return true }
            guard let n = (p ?? q)?.children.count else { return true }
            return (0..<n).allSatisfy { child(p?.children[$0], q?.children[$0]) }
        }
    }
}

extension Kernel {
    /// The slab layer's invariants:
    /// - every slab is on exactly the list its `list` says (and on no other), lists hold no duplicates;
    /// - SLAB: full slabs have no free object, free slabs have none allocated, partial slabs are in between;
    ///   no per-CPU or shared array exceeds its limit; array entries are objects in the `.cached` state;
    /// - SLUB: node partial slabs have a free object; `.none` slabs are full; the CPU slab belongs to its CPU;
    /// - inuse = objects not on the freelist; freelist entries are distinct free objects;
    /// - every slab's head frame is an allocated `.slab` block tagged with its cache, and every `.slab` frame
    ///   belongs to a slab of a live cache.
    public func checkSlabInvariants() throws(InvariantViolation) {
        func fail(_ v: SlabViolation) -> InvariantViolation { .slab(v) }
        var slabFrames = 0
        // SlabState.index(id:) searches by id: the caches stay in creation order, ids growing.
        var i = 1
        while i < slab.caches.count {
            guard slab.caches[i - 1].id < slab.caches[i].id, slab.caches[i].id < slab.nextID else { throw fail(.cacheOrder(cache: slab.caches[i].name)) }
            i += 1
        }
        // The name index knows exactly every cache's name and aliases.
        var names = 0
        for c in slab.caches {
            for n in [c.name] + c.aliases where slab.idsByName[n] != c.id { throw fail(.nameIndexEntry(name: n, cacheID: c.id)) }
            names += 1 + c.aliases.count
        }
        guard names == slab.idsByName.count else { throw fail(.nameIndexCount(count: slab.idsByName.count, names: names)) }
        for c in slab.caches {
            // Most boot caches hold no slab at all: nothing below could fail for them.
            if c.slabs.isEmpty && c.full.isEmpty && c.partial.isEmpty && c.free.isEmpty && c.sharedArray.isEmpty
                && !c.cpuSlab.contains(where: { $0 != nil }) && !c.cpuPartialList.contains(where: { !$0.isEmpty })
                && !c.arrays.contains(where: { !$0.isEmpty }) { continue }
            var listed: [Int: SlabList] = [:]
            func note(_ pfns: [Int], _ l: SlabList) throws(InvariantViolation) {
                for p in pfns {
                    if listed[p] != nil { throw fail(.onTwoLists(cache: c.name, slab: p)) }
                    listed[p] = l
                }
            }
            try note(c.full, .full)
            try note(c.partial, .partial)
            try note(c.free, .free)
            try note(c.cpuSlab.compactMap { $0 }, .cpu)
            try note(c.cpuPartialList.flatMap { $0 }, .cpuPartial)
            var cached = 0
            for (pfn, s) in c.slabs {
                let l = listed[pfn] ?? .none
                if l != s.list { throw fail(.listMismatch(cache: c.name, slab: pfn, says: s.list, on: l)) }
                let f = frames[pfn]
                guard f.state == .allocated, f.owner == .slab, f.tag == c.id else {
                    throw fail(.notSlabBlock(cache: c.name, slab: pfn))
                }
                slabFrames += 1
                // Plain loops, no closures or sets: tests run this after every operation of long random runs.
                var freeCount = 0
                for o in s.objects {
                    switch o {
                    case .free: freeCount += 1
                    case .cached: cached += 1
                    default: break
                    }
                }
                if s.freelist.count != freeCount { throw fail(.freelistMismatch(cache: c.name, slab: pfn)) }
                var onFreelist = [Bool](repeating: false, count: s.objects.count)
                for e in s.freelist {
                    let i = Int(e)
                    guard i >= 0, i < s.objects.count, case .free = s.objects[i] else { throw fail(.freelistHoldsUsed(cache: c.name)) }
                    if onFreelist[i] { throw fail(.freelistMismatch(cache: c.name, slab: pfn)) }
                    onFreelist[i] = true
                }
                if s.inuse != s.objects.count - freeCount { throw fail(.inuse(cache: c.name, slab: pfn, inuse: s.inuse, counted: s.objects.count - freeCount)) }
                switch (slab.kind, s.list) {
                case (.slab, .full): if freeCount != 0 { throw fail(.fullWithFree(cache: c.name)) }
                case (.slab, .free): if s.inuse != 0 { throw fail(.freeWithUsed(cache: c.name)) }
                case (.slab, .partial): if freeCount == 0 || s.inuse == 0 { throw fail(.partialNotPartial(cache: c.name)) }
                case (.slub, .partial): if freeCount == 0 { throw fail(.nodePartialWithoutFree(cache: c.name)) }
                case (.slub, .none): if freeCount != 0 && !c.isDebug { throw fail(.unlistedWithFree(cache: c.name)) }
                case (.slub, .full): if freeCount != 0 { throw fail(.fullListWithFree(cache: c.name)) }
                case (.slub, .cpu): if c.cpuSlab[s.cpu] != pfn { throw fail(.cpuSlabNotHeld(cache: c.name, cpu: s.cpu)) }
                default: break
                }
            }
            if slab.kind == .slab {
                var arrayEntries = 0
                for (cpu, a) in c.arrays.enumerated() {
                    if a.count > c.limit { throw fail(.arrayOverLimit(cache: c.name, cpu: cpu, count: a.count, limit: c.limit)) }
                    arrayEntries += a.count
                }
                if c.sharedArray.count > c.shared * c.batchcount { throw fail(.sharedArrayOverLimit(cache: c.name)) }
                arrayEntries += c.sharedArray.count
                if arrayEntries != cached { throw fail(.arrayEntries(cache: c.name, entries: arrayEntries, cached: cached)) }
                // Each entry is an object of this cache (its slab is one of `c`'s) in the `.cached` state: what
                // locateSlabObject() would find, without searching the caches by id for every entry.
                for a in c.arrays.flatMap({ $0 }) + c.sharedArray {
                    if !isCachedObject(a, of: c) { throw fail(.arrayEntryNotCached(cache: c.name, address: a)) }
                }
            } else if cached != 0 {
                throw fail(.slubArrayCache(cache: c.name))
            }
        }
        var slabHeads = 0
        // `switch`, not `==`: an enum's synthesised == lives in the file that declares it, and the debug build (no
        // whole-module optimisation) calls it per frame instead of comparing a byte.
        frames.withUnsafeBufferPointer { frames in
            var pfn = 0
            while pfn < frames.count {
                let f = frames[pfn]
                switch f.state {
                case .allocated:
                    if case .slab = f.owner { slabHeads += 1 }
                    pfn += 1 << Int(f.order)
                case .buddy, .pcp: pfn += 1 << Int(f.order)
                default: pfn += 1
                }
            }
        }
        if slabHeads != slabFrames { throw fail(.slabBlocks(inMemory: slabHeads, known: slabFrames)) }
    }

    /// Whether `addr` is exactly an object of one of `c`'s slabs, in the `.cached` state (held by a per-CPU or
    /// shared array).
    func isCachedObject(_ addr: UInt64, of c: KmemCache) -> Bool {
        guard let pfn = directMapPFN(addr), let head = slabHead(ofPFN: pfn), frames[head].tag == c.id, let s = c.slabs[head],
              c.size > 0 else { return false }
        let start = slabObjectsStart(s)
        guard addr >= start else { return false }
        let off = Int(addr - start)
        let i = off / c.size
        guard i < s.objects.count, off % c.size == c.objOffset, case .cached = s.objects[i] else { return false }
        return true
    }
}

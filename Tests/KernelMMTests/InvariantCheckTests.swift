import Testing
@testable import KernelMM

/// The invariant walks that the fuzz and the random-operation tests run after every step find the breaks they are
/// written for: a copy of a sane machine is damaged in one place and the check must name that place.
@Suite struct InvariantCheckTests {
    /// A SLAB machine with one object of kmalloc-64 and one of kmalloc-128 sitting in CPU 0's array caches, and one
    /// kmalloc-64 object still handed out.
    static func slabMachine() throws -> (k: Kernel, cached64: UInt64, used64: UInt64, cached128: UInt64) {
        var p = BootParams()
        p.slab = .slab
        p.memory = 64 << 20
        p.cpus = 1
        var k = try Kernel(booting: p)
        let a = try unwrap(k.kmalloc(64, gfp: .kernel)), b = try unwrap(k.kmalloc(64, gfp: .kernel))
        let c = try unwrap(k.kmalloc(128, gfp: .kernel))
        _ = k.kfree(a)
        _ = k.kfree(c)
        #expect(k.invariantViolations().isEmpty)
        return (k, a, b, c)
    }

    static func replaceArrayEntry(_ k: inout Kernel, cache: String, _ old: UInt64, with new: UInt64) throws {
        let ci = try #require(k.slab.index(named: cache))
        let i = try #require(k.slab.caches[ci].arrays[0].firstIndex(of: old))
        k.slab.caches[ci].arrays[0][i] = new
    }

    /// An array cache may hold only objects of its own cache that the slab counts as cached (SLAB's array_cache).
    @Test func anArrayEntryThatIsNotACachedObjectOfItsCacheIsFound() throws {
        let m = try Self.slabMachine()
        // An object still handed out, an address inside a cached object, and a cached object of another cache (the
        // two caches' entries swapped, so both counts still match).
        for bad in [m.used64, m.cached64 + 8] {
            var k = m.k
            try Self.replaceArrayEntry(&k, cache: "kmalloc-64", m.cached64, with: bad)
            #expect(throws: InvariantViolation.slab(.arrayEntryNotCached(cache: "kmalloc-64", address: bad))) { try k.checkSlabInvariants() }
        }
        var k = m.k
        try Self.replaceArrayEntry(&k, cache: "kmalloc-64", m.cached64, with: m.cached128)
        try Self.replaceArrayEntry(&k, cache: "kmalloc-128", m.cached128, with: m.cached64)
        #expect(throws: InvariantViolation.slab(.arrayEntryNotCached(cache: "kmalloc-64", address: m.cached128))) { try k.checkSlabInvariants() }
    }

    /// Every allocated block tagged as a slab page must be a slab some cache knows, and every vmalloc-held frame must be
    /// mapped by an area: a page from alloc_pages() relabelled as either is found by the frame walks.
    @Test func framesHeldForNobodyAreFound() throws {
        let m = try Self.slabMachine()
        var k = m.k
        let pfn = try unwrap(k.allocPages(.kernel, order: 0)).raw
        #expect(k.invariantViolations().isEmpty)
        let known = k.slab.caches.reduce(0) { $0 + $1.slabs.count }
        var asSlab = k
        asSlab.frames[pfn].owner = .slab
        #expect(throws: InvariantViolation.slab(.slabBlocks(inMemory: known + 1, known: known))) { try asSlab.checkSlabInvariants() }
        var asVmalloc = k
        asVmalloc.frames[pfn].owner = .vmalloc
        #expect(asVmalloc.invariantViolations().contains { if case .vmalloc(.heldFrames) = $0 { true } else { false } })
    }
}

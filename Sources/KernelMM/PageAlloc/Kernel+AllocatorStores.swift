extension Kernel {
    /// Storage of its own for each store the page allocator writes (the frames, the free lists, the pcp lists when
    /// configured, the zone counters), once at the top of an operation: the list primitives and counters below it
    /// then write through `owned:` without a uniqueness check each (a runtime call; an allocation or free made five
    /// to a dozen). Whatever may have copied the kernel in between (the slow path) is followed by another call. The
    /// tests' debug build checks the claim on every write.
    @inline(__always)
    mutating func ownAllocatorStores() {
        frames.makeStoredUnique()
        freeLists.slots.makeUnique()
        if params.pcpLists { pcpLists.slots.makeUnique() }
        counters.slots.makeUnique()
    }
}

/// kmemsim's notes on the misuse of high-memory mappings (mm/highmem.c), as facts the shell words.
public enum HighmemNote: Sendable, Equatable, Codable {
    /// kunmap() of a HIGHMEM page that kmap() does not map: BUG_ON(!vaddr). `localSlot`: the page is mapped by
    /// kmap_local_page() instead, in that slot.
    case kunmapNotMapped(pfn: Int, localSlot: Int?)
    /// kunmap() of an entry whose count is 1 (mapped, no kmap() user left): the count would reach 0 without a TLB
    /// flush, BUG().
    case kunmapTooOften(pfn: Int, entry: Int)
    /// Every pkmap entry is held: kmap() would sleep until a kunmap(), and nothing else runs to call it.
    case pkmapExhausted(entries: Int)
    /// A 16th temporary mapping: kmap_local_idx_push()'s BUG_ON(idx >= KM_MAX_IDX).
    case kmapLocalTooDeep(held: Int)
    /// kunmap_local() with no temporary mapping held: the index would go below 0 (BUG_ON in kmap_local_idx_pop()).
    case kunmapLocalNothingMapped(address: UInt64)
    /// kunmap_local() of an address that is not the last slot mapped: the kernel warns (once: `kernelWarned`) and
    /// unmaps the last slot instead. `slot` is the address's own slot in this task's stack, if it has one.
    case kunmapLocalOutOfOrder(address: UInt64, slot: Int?, top: Int, topAddress: UInt64, topPFN: Int, kernelWarned: Bool)
    /// kunmap_local()/kunmap_atomic() of a pkmap address (from kmap()): it does nothing there.
    case kunmapLocalOfPkmap(address: UInt64, entry: Int)
    /// kunmap_local()/kunmap_atomic() of an address that is no kmap at all (a user address): WARN_ON_ONCE.
    case kunmapLocalNotKernel(address: UInt64)
    /// kunmap_local() of a kernel address that is neither a kmap_local slot, a pkmap entry nor the direct map: it returns.
    case kunmapLocalNotMapped(address: UInt64)
    /// kmap_local_page() in a hard interrupt handler with interrupts enabled: WARN_ON_ONCE.
    case kmapLocalHardirqIRQsOn
    /// kunmap_atomic() without a kmap_atomic(): pagefault_disabled would go below 0 (the kernel does not check).
    case kunmapAtomicWithoutKmapAtomic
    /// A page freed while a kmap still maps it: the mapping now points at a free page (use after free).
    case freedWhileMapped(pfn: Int, pkmapEntry: Int?, localSlots: Int)
}

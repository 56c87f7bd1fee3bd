extension Kernel {
    /// mm/page_alloc.c split_page(): a non-compound block of 2^order frames becomes 2^order order-0 pages, each with
    /// its own reference, so each can be freed on its own (huge vmalloc splits its order-9 chunks this way).
    mutating func splitPage(_ pfn: Int, order: Int) {
        let head = frames[pfn]
        guard order > 0, head.state == .allocated, !head.flags.contains(.head) else { return }
        for p in pfn..<(pfn + (1 << order)) {
            frames[p].state = .allocated
            frames[p].order = 0
            frames[p].tag = head.tag
            frames[p].migratetype = head.migratetype
            frames[p].flags = head.flags
            frames[p].owner = head.owner
        }
    }
}

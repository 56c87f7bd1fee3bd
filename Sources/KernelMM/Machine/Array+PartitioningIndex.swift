extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `before` the target, in an array sorted so that `before` holds for a
    /// prefix (a binary search; `count` when it holds for every element). The busy vmalloc areas, the kernel page
    /// tables and the slab caches (by id) are kept sorted this way.
    @inline(__always)
    func partitioningIndex(before: (Element) -> Bool) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Kernel {
    /// The high-memory mappings (run with the CPU checks):
    /// - the pkmap table has LAST_PKMAP entries with CONFIG_HIGHMEM and none without; an entry's count is 0 exactly
    ///   when it maps no page, and the page it maps is a HIGHMEM frame, in one entry only;
    /// - each task's kmap_local slots belong to a task, number fewer than KM_MAX_IDX, map HIGHMEM frames, and the
    ///   task exists;
    /// - `held` is the number of mappings the tables hold.
    func checkHighmemInvariants() throws(InvariantViolation) {
        func fail(_ v: CPUViolation) -> InvariantViolation { .cpu(v) }
        let h = highmem
        let expected = arch.configures(.highmem) ? HighmemState.lastPkmap : 0
        guard h.pkmapCount.count == expected, h.pkmapPage.count == expected,
              h.lastPkmapNr >= 0, h.lastPkmapNr < max(expected, 1) else {
            throw fail(.pkmapEntry(entry: -1, count: h.pkmapCount.count, pfn: h.pkmapPage.count))
        }
        var seen: Set<Int32> = []
        for i in 0..<expected {
            let c = Int(h.pkmapCount[i]), p = h.pkmapPage[i]
            guard (c == 0) == (p < 0) else { throw fail(.pkmapEntry(entry: i, count: c, pfn: Int(p))) }
            guard p >= 0 else { continue }
            guard Int(p) < frames.count, isHighmem(Int(p)) else { throw fail(.pkmapEntry(entry: i, count: c, pfn: Int(p))) }
            guard seen.insert(p).inserted else { throw fail(.pkmapPageTwice(pfn: Int(p))) }
        }
        for (pid, slots) in h.local {
            guard expected > 0, !slots.isEmpty, slots.count < HighmemState.kmMaxIdx, tasks.contains(where: { $0.pid == pid }),
                  slots.allSatisfy({ $0 >= 0 && Int($0) < frames.count && isHighmem(Int($0)) }) else {
                throw fail(.kmapLocal(pid: pid, slots: slots.count))
            }
        }
        for (pid, n) in h.pagefaultDisabled where n <= 0 || !tasks.contains(where: { $0.pid == pid }) {
            throw fail(.kmapLocal(pid: pid, slots: n))
        }
        var recounted = h
        recounted.recount()
        guard recounted.held == h.held else { throw fail(.kmapHeldCount(counted: h.held, actual: recounted.held)) }
    }
}

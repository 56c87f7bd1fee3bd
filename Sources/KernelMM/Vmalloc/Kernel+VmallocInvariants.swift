extension Kernel {
    /// vmalloc space: areas in address order, inside the range, page-aligned, not overlapping (guard pages
    /// included); each mapped frame is allocated, order 0, held by its owner and mapped once; every frame held as
    /// `.vmalloc` is mapped by exactly one area that counts it; deferred frees wait only while in interrupt.
    public func checkVmallocInvariants() throws(InvariantViolation) {
        func fail(_ m: String) -> InvariantViolation { InvariantViolation(message: m) }
        let r = arch.vmallocRange
        var prevEnd = r.start
        var mapped: Set<Int32> = []
        var vmallocPages = 0
        for a in vmalloc.areas {
            guard a.start >= prevEnd, a.end <= r.end, a.start % UInt64(pageSize) == 0 else { throw fail("vmalloc area at 0x\(String(a.start, radix: 16)) overlaps, is misaligned or outside the range") }
            guard a.size == (a.pages.count + a.guardPages) * pageSize else { throw fail("vmalloc area at 0x\(String(a.start, radix: 16)): size \(a.size) ≠ \(a.pages.count) pages + guard") }
            prevEnd = a.end
            for p in a.pages where p >= 0 {
                let f = frames[Int(p)]
                switch a.purpose {
                case .vmalloc, .taskStack:
                    guard f.state == .allocated, f.order == 0, f.owner == .vmalloc, f.tag == a.id else { throw fail("vmalloc area \(a.id) maps pfn 0x\(String(p, radix: 16)) in state \(f.state) owner \(f.owner) tag \(f.tag)") }
                case .percpuChunk:
                    guard f.state == .allocated, f.owner == .percpu else { throw fail("per-CPU chunk area maps pfn 0x\(String(p, radix: 16)) not held by it") }
                case .irqStack:
                    guard f.state == .reserved else { throw fail("IRQ stack area maps pfn 0x\(String(p, radix: 16)) outside the per-CPU first chunk") }
                }
                guard mapped.insert(p).inserted else { throw fail("pfn 0x\(String(p, radix: 16)) is mapped twice in vmalloc space") }
            }
            if a.flags.contains(.alloc), a.purpose != .percpuChunk(id: 0) {
                if case .percpuChunk = a.purpose {} else {
                    guard a.nrPages == a.pages.count else { throw fail("vmalloc area \(a.id): nr_pages \(a.nrPages) ≠ \(a.pages.count)") }
                    vmallocPages += a.nrPages
                }
            }
        }
        // The purge list: in order, inside the range, clear of every live area, its page count as vmap_lazy_nr says.
        var lazyEnd = r.start, lazyPages = 0
        for l in vmalloc.purgeList {
            guard l.start >= lazyEnd, l.end <= r.end, vmalloc.index(containing: l.start) == nil,
                  !vmalloc.areas.contains(where: { $0.start < l.end && l.start < $0.end }) else {
                throw fail("lazily freed range at 0x\(String(l.start, radix: 16)) overlaps a live area or another range")
            }
            lazyEnd = l.end
            lazyPages += l.size / pageSize
        }
        guard lazyPages == vmalloc.lazyPages else { throw fail("vmap_lazy_nr \(vmalloc.lazyPages) ≠ \(lazyPages) pages on the purge list") }
        var held = 0
        frames.withUnsafeBufferPointer { frames in
            var pfn = 0
            while pfn < frames.count {
                let f = frames[pfn]
                if f.state == .allocated && f.owner == .vmalloc { held += 1 << Int(f.order) }
                pfn += 1
            }
        }
        guard held == vmallocPages else { throw fail("\(held) frames are held by vmalloc but areas map \(vmallocPages)") }
        if !vmalloc.deferredFrees.isEmpty, !cpus[currentCPU].inInterrupt { throw fail("deferred vfree()s left after leaving interrupt context") }
    }
}

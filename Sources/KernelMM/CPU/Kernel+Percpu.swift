/// mm/percpu.c: the first chunk laid out at boot (static, reserved, dynamic areas per unit), pcpu_alloc() first fit
/// over the chunks, new chunks from vmalloc space when the first fills, populated page by page.
extension Kernel {
    /// pcpu_embed_first_chunk(): the memblock regions "per-CPU first chunk" (one per CPU, a unit apart) become the
    /// first chunk's units. The layout was worked out before memblock placed them (`firstChunkLayout`).
    mutating func setupFirstPercpuChunk() {
        guard let region = memblock.first(where: { $0.purpose == .percpuFirstChunk }) else { return }
        let layout = Self.firstChunkLayout(arch: arch, cpus: params.cpus)
        percpu.unitSize = layout.unitSize
        percpu.staticSize = layout.staticSize
        percpu.reservedSize = layout.reservedSize
        percpu.dynamicSize = layout.dynamicSize
        let base = pageAddress(Int(region.start / UInt64(pageSize))) ?? (arch.pageOffset &+ region.start)
        percpu.chunks = [PercpuChunk(id: 0, base: base, vmArea: nil,
                                     populated: Array(repeating: true, count: percpu.firstChunkSize / pageSize))]
    }

    /// The first chunk as the architecture's setup_per_cpu_areas() asks for it and pcpu_build_alloc_info() lays it
    /// out: the static area (the kernel's own .data..percpu), the module reserve (PERCPU_FIRST_CHUNK_RESERVE: 8 KiB on
    /// x86-64 and sparc64, none on i386), a dynamic area of at least PERCPU_DYNAMIC_RESERVE (28 KiB on 64-bit,
    /// 20 KiB + the 8 KiB module reserve on i386) rounded so that the three fill whole pages, and a unit size chosen
    /// so that units share an allocation of atom_size bytes (x86-64 PMD_SIZE 2 MiB, sparc64 4 MiB, i386 a page)
    /// wasting no more than a third of the CPUs' worth.
    struct FirstChunkLayout: Equatable {
        var staticSize, reservedSize, dynamicSize, unitSize, atomSize, unitsPerAlloc, nrUnits: Int
        var sizeSum: Int { staticSize + reservedSize + dynamicSize }
    }

    static func firstChunkLayout(arch: Architecture, cpus: Int) -> FirstChunkLayout {
        let page = arch.pageSize
        let staticSize = arch.is64Bit ? 221_184 : 90_112
        let moduleReserve = PercpuState.moduleReserve
        let reserved = arch.percpuHasReservedArea ? moduleReserve : 0
        let dynamicReserve = (arch.is64Bit ? 28 : 20) << 10 // PERCPU_DYNAMIC_RESERVE
        let dynRequest = arch.percpuDynamicIsReserveOnly ? dynamicReserve : moduleReserve + dynamicReserve - reserved
        let atom = arch.percpuAtomSize
        // size_sum = PFN_ALIGN(static + reserved + max(dyn, PERCPU_DYNAMIC_EARLY_SIZE)); the rounding goes to dyn.
        let early = 20 << 10
        let sizeSum = (staticSize + reserved + max(dynRequest, early) + page - 1) / page * page
        let minUnit = max(sizeSum, (32 << 10 + page - 1) / page * page) // PCPU_MIN_UNIT_SIZE
        let allocSize = (minUnit + atom - 1) / atom * atom
        var upa = allocSize / minUnit
        while upa > 1 && (allocSize % upa != 0 || (allocSize / upa) % page != 0) { upa -= 1 }
        // One group (one node, every CPU LOCAL_DISTANCE): the largest upa wasting ≤ cpus/3 units, and no more
        // allocations than a larger one needed.
        var best = 1, lastAllocs = Int.max
        for u in stride(from: upa, through: 1, by: -1) where allocSize % u == 0 && (allocSize / u) % page == 0 {
            let allocs = (cpus + u - 1) / u
            let wasted = allocs * u - cpus
            if wasted > cpus / 3 { continue }
            if allocs > lastAllocs { break }
            lastAllocs = allocs
            best = u
        }
        let nrUnits = (cpus + best - 1) / best * best
        return FirstChunkLayout(staticSize: staticSize, reservedSize: reserved, dynamicSize: sizeSum - staticSize - reserved,
                                unitSize: allocSize / best, atomSize: atom, unitsPerAlloc: best, nrUnits: nrUnits)
    }

    /// The physical frame behind byte `offset` of `cpu`'s unit in the first chunk (nil past the chunk's part of
    /// the unit, which memblock got back).
    func firstChunkPFN(cpu: Int, offset: Int) -> Int? {
        guard offset >= 0, offset < percpu.firstChunkSize,
              let region = memblock.first(where: { $0.purpose == .percpuFirstChunk }) else { return nil }
        return Int((region.start + UInt64(cpu * percpu.unitSize + offset)) / UInt64(pageSize))
    }

    /// __alloc_percpu(size, align) → pcpu_alloc(): the address of CPU 0's copy (add cpu × unit size for the
    /// others, as per_cpu_ptr() does), or nil.
    public mutating func allocPercpu(size requested: Int, align requestedAlign: Int, gfp: GFPFlags = .kernel,
                                     reserved: Bool = false, caller: String = "alloc_percpu") -> UInt64? {
        clock.tick()
        guard requested > 0, requested <= PercpuState.maxAllocSize, requestedAlign > 0, requestedAlign <= pageSize,
              requestedAlign.nonzeroBitCount == 1 else {
            if !gfp.contains(.nowarn) {
                report(.warningMessage(message: "illegal size (\(requested)) or align (\(requestedAlign)) for percpu allocation",
                                       file: "mm/percpu.c", line: 1755, function: "pcpu_alloc"),
                       taint: "W", callTrace: ["pcpu_alloc", caller],
                       note: .percpuBadSize(maxSize: PercpuState.maxAllocSize))
            }
            return nil
        }
        let align = max(requestedAlign, PercpuState.granule)
        let size = (requested + PercpuState.granule - 1) / PercpuState.granule * PercpuState.granule
        // Without a reserved area (i386: PERCPU_FIRST_CHUNK_RESERVE is 0) pcpu_alloc() serves a reserved request
        // from the dynamic chunks like any other.
        if reserved && percpu.reservedSize > 0 {
            let lo = percpu.staticSize, hi = percpu.staticSize + percpu.reservedSize
            guard !percpu.chunks.isEmpty, let off = percpuFit(chunk: 0, size: size, align: align, lo: lo, hi: hi) else {
                report(.info("percpu: allocation failed, size=\(size) align=\(align) atomic=0, alloc from reserved chunk failed"),
                       note: .percpuReservedFull(kib: percpu.reservedSize / 1024))
                return nil
            }
            percpu.chunks[0].allocations.append(PercpuAllocation(offset: off, size: size, align: align, caller: caller, reserved: true))
            percpu.chunks[0].allocations.sort { $0.offset < $1.offset }
            return percpu.chunks[0].base + UInt64(off)
        }
        for c in percpu.chunks.indices {
            let lo = percpu.chunks[c].isFirst ? percpu.staticSize + percpu.reservedSize : 0
            let hi = percpu.chunks[c].isFirst ? percpu.firstChunkSize : percpu.unitSize
            if let off = percpuFit(chunk: c, size: size, align: align, lo: lo, hi: hi) {
                return percpuCommit(chunk: c, offset: off, size: size, align: align, caller: caller, reserved: reserved)
            }
        }
        // pcpu_create_chunk(): a new chunk in vmalloc space, all units back to back, nothing populated yet.
        guard let c = createPercpuChunk() else {
            report(.info("percpu: allocation failed, size=\(size) align=\(align) atomic=0, failed to allocate new chunk"),
                   note: .percpuNoChunk)
            return nil
        }
        guard let off = percpuFit(chunk: c, size: size, align: align, lo: 0, hi: percpu.unitSize),
              let p = percpuCommit(chunk: c, offset: off, size: size, align: align, caller: caller, reserved: reserved) else {
            destroyPercpuChunk(c)
            return nil
        }
        return p
    }

    /// First fit in [lo, hi) of a chunk's units.
    func percpuFit(chunk c: Int, size: Int, align: Int, lo: Int, hi: Int) -> Int? {
        var cursor = (lo + align - 1) / align * align
        for a in percpu.chunks[c].allocations where a.offset + a.size > cursor {
            if a.offset >= cursor + size { break }
            cursor = (a.offset + a.size + align - 1) / align * align
        }
        return cursor + size <= hi ? cursor : nil
    }

    /// Records the allocation and populates the pages it covers in every unit (pcpu_populate_chunk).
    /// `reserved`: a module's static per-CPU variable served outside a reserved area (i386 has none), kept apart
    /// from alloc_percpu()'s allocations as it is in the reserved area.
    mutating func percpuCommit(chunk c: Int, offset: Int, size: Int, align: Int, caller: String, reserved: Bool = false) -> UInt64? {
        let first = offset / pageSize, last = (offset + size - 1) / pageSize
        if !percpu.chunks[c].isFirst, let areaID = percpu.chunks[c].vmArea,
           let ai = vmalloc.areas.firstIndex(where: { $0.id == areaID }) {
            var taken: [(Int, Int32)] = []
            // pcpu_populate_chunk() failing (no page, or no page table): pcpu_free_pages() and the failure line.
            func cannotPopulate(_ taken: [(Int, Int32)]) {
                for (_, p) in taken { freePages(PFN(Int(p)), order: 0, owner: .percpu, caller: "pcpu_free_pages") }
                report(.info("percpu: allocation failed, size=\(size) align=\(align) atomic=0, failed to populate"),
                       note: .percpuCannotPopulate)
            }
            let pagesPerUnit = percpu.unitSize / pageSize
            for page in first...last where !percpu.chunks[c].populated[page] {
                for unit in 0..<params.cpus {
                    guard let pfn = allocPages(GFPFlags.kernel.union([.highmem, .nowarn]), order: 0, owner: .percpu,
                                               tag: UInt32(percpu.chunks[c].id), caller: "pcpu_populate_chunk") else {
                        cannotPopulate(taken)
                        return nil
                    }
                    taken.append((unit * pagesPerUnit + page, Int32(pfn.raw)))
                }
            }
            // pcpu_map_pages(): each unit's new pages are mapped, page tables allocated on the way.
            let base = vmalloc.areas[ai].start
            for unit in 0..<params.cpus where !taken.isEmpty {
                let start = base + UInt64((unit * pagesPerUnit + first) * pageSize)
                guard populateKernelPageTables(start: start, pages: last - first + 1) else {
                    cannotPopulate(taken)
                    return nil
                }
            }
            for (slot, p) in taken {
                vmalloc.areas[ai].pages[slot] = p
                percpu.chunks[c].populated[slot % pagesPerUnit] = true
            }
        }
        percpu.chunks[c].allocations.append(PercpuAllocation(offset: offset, size: size, align: align, caller: caller, reserved: reserved))
        percpu.chunks[c].allocations.sort { $0.offset < $1.offset }
        if explainEnabled { explain(.kmalloc(.percpuAlloc(chunk: percpu.chunks[c].id, offset: offset, size: size, align: align, units: params.cpus, unitSize: percpu.unitSize))) }
        return percpu.chunks[c].base + UInt64(offset)
    }

    /// pcpu_get_vm_areas(): vmalloc space for the group's nr_units units (a unit no CPU uses included), taken from
    /// the top of vmalloc space down (pvm_determine_end_from_reverse()), aligned to the atom size, with no guard
    /// page; unpopulated (page-table entries -1).
    mutating func createPercpuChunk() -> Int? {
        let unitPages = percpu.unitSize / pageSize
        let layout = Self.firstChunkLayout(arch: arch, cpus: params.cpus)
        let total = unitPages * layout.nrUnits
        let r = vmallocRange
        let bytes = UInt64(total * pageSize)
        // VMALLOC_END & ~(align − 1): x86-64's VMALLOC_END is the range's last byte, the others' its end.
        let vmallocEnd = arch.vmallocEndIsInclusive ? r.end - 1 : r.end
        guard unitPages > 0, let at = findVmapGapFromTop(size: bytes, align: UInt64(layout.atomSize), start: r.start, end: vmallocEnd) else { return nil }
        let id = percpu.nextChunkID
        percpu.nextChunkID += 1
        let areaID = newVmapAreaID()
        insertVmapArea(VMArea(id: areaID, start: at, size: Int(bytes), flags: [.alloc, .noGuard], pages: Array(repeating: -1, count: total),
                              nrPages: 0, caller: "pcpu_get_vm_areas+0x0/0x6b0", requested: total * pageSize, purpose: .percpuChunk(id: id)))
        percpu.chunks.append(PercpuChunk(id: id, base: at, vmArea: areaID, populated: Array(repeating: false, count: unitPages)))
        return percpu.chunks.count - 1
    }

    /// The highest `align`-aligned place in [start, end) where `size` bytes fit between the busy areas and the
    /// lazily freed ranges (pcpu_get_vm_areas() searches down from VMALLOC_END & ~(align − 1)).
    func findVmapGapFromTop(size: UInt64, align: UInt64, start: UInt64, end: UInt64) -> UInt64? {
        // Busy ranges highest first; they never overlap, so their ends descend too.
        var busy = vmalloc.areas.map { ($0.start, $0.end) } + vmalloc.purgeList.map { ($0.start, $0.end) }
        busy.sort { $0.0 > $1.0 }
        var top = end & ~(align - 1)
        for (s, e) in busy {
            guard top >= start + size else { return nil }
            let base = (top - size) & ~(align - 1)
            if e <= base { break }      // this range and every lower one lie below the candidate
            if s >= base + size { continue } // above it
            top = s                          // in the way: try below it
        }
        guard top >= start + size else { return nil }
        let base = (top - size) & ~(align - 1)
        return base >= start ? base : nil
    }

    /// Frees a non-first chunk's pages and vmalloc area (pcpu_balance_free → pcpu_destroy_chunk).
    mutating func destroyPercpuChunk(_ c: Int) {
        let chunk = percpu.chunks[c]
        guard !chunk.isFirst else { return }
        if let areaID = chunk.vmArea, let ai = vmalloc.areas.firstIndex(where: { $0.id == areaID }) {
            let area = vmalloc.areas.remove(at: ai)
            for p in area.pages where p >= 0 { freePages(PFN(Int(p)), order: 0, owner: .percpu, caller: "pcpu_free_pages") }
        }
        percpu.chunks.remove(at: c)
    }

    /// The chunk and allocation a per-CPU pointer (CPU 0's copy) names.
    public func percpuAllocation(at ptr: UInt64) -> (chunk: Int, index: Int)? {
        for (c, ch) in percpu.chunks.enumerated() where ptr >= ch.base && ptr < ch.base + UInt64(percpu.unitSize) {
            let off = Int(ptr - ch.base)
            if let i = ch.allocations.firstIndex(where: { $0.offset == off }) { return (c, i) }
            return nil
        }
        return nil
    }

    /// free_percpu(): NULL is ignored; an empty chunk other than the first is given back.
    @discardableResult
    public mutating func freePercpu(_ ptr: UInt64, caller: String = "free_percpu") -> Bool {
        clock.tick()
        if ptr == 0 { return true }
        guard let (c, i) = percpuAllocation(at: ptr), !percpu.chunks[c].allocations[i].reserved else {
            report(.kmemsimOnly, callTrace: ["free_percpu", caller],
                   note: .freePercpuNotLive(address: ptr))
            return false
        }
        percpu.chunks[c].allocations.remove(at: i)
        if !percpu.chunks[c].isFirst, percpu.chunks[c].allocations.isEmpty { destroyPercpuChunk(c) }
        return true
    }

    /// per_cpu_ptr(ptr, cpu).
    public func perCPUPtr(_ ptr: UInt64, cpu: Int) -> UInt64 { ptr &+ UInt64(cpu * percpu.unitSize) }

    /// The frame behind a per-CPU address (first chunk: the memblock region; later chunks: the vmalloc page table).
    public func percpuPFN(_ addr: UInt64) -> Int? {
        if let first = percpu.chunks.first, first.isFirst, addr >= first.base, addr < first.base + UInt64(percpu.unitSize * params.cpus) {
            let off = Int(addr - first.base)
            return firstChunkPFN(cpu: off / percpu.unitSize, offset: off % percpu.unitSize)
        }
        return vmallocToPage(addr).map(\.raw)
    }
}

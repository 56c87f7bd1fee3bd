import KernelMM

/// `kmem ADDR` as data, like crash's `kmem`: what owns an address. The first subsystem that knows the address
/// answers (a slab object, a per-CPU area, a vmalloc area), else the frame behind a direct-map, struct page or
/// physical address. The text and `--json` read it.
enum KmemModel: Sendable, Equatable {
    struct Frame: Sendable, Equatable {
        var pfn: Int
        var block: PageBlock

        init(_ pfn: Int, _ k: Kernel) {
            self.pfn = pfn
            block = PageBlock(pfn, k)
        }
    }

    struct SlabObject: Sendable, Equatable {
        var cache: String
        var objectSize, stride: Int
        var slabAddress: UInt64
        var slabPFN, order: Int
        var list: SlabList
        var inuse, objects: Int
        /// The object the address is in (nil: colour, freelist or leftover space).
        var index: Int?
        var objectAddress: UInt64
        var state: ObjectState
        /// The address is the object's first byte (what an allocation returned); else `offset` bytes into it.
        var exact: Bool
        var offset: Int
    }

    enum PercpuPlace: Sendable, Equatable {
        /// A per-CPU variable (the CPU's value) or a dynamic allocation; `into` bytes past its start.
        case variable(type: String, name: String, value: Int64, into: Int)
        case allocation(size: Int, caller: String, into: Int)
        /// The first chunk's unit past firstChunkSize: given back to the page allocator at boot.
        case unitTailReturned(firstChunkSize: Int)
        case staticData, freeReserved, freeDynamic
    }

    struct Percpu: Sendable, Equatable {
        var chunk, unit, offset: Int
        var unitSize: Int
        var place: PercpuPlace
        /// In the first chunk, past its size: memory pcpu_embed_first_chunk() gave back.
        var pastFirstChunk: Bool
        /// The frame behind it (nil: not populated yet).
        var frame: Frame?
    }

    struct Vmalloc: Sendable, Equatable {
        var purpose: VMAreaPurpose
        var start: UInt64
        var caller: String
        /// The page of the area, and how many it has (index ≥ pages: the guard page).
        var page: Int, pages: Int
        var offset: UInt64
        /// The frame mapped there (nil: not populated, or the guard page).
        var frame: Frame?
        var phys: UInt64
    }

    enum Reach: Sendable, Equatable {
        case directMap(phys: UInt64)
        case structPage
        case physical
    }

    struct Memblock: Sendable, Equatable {
        var purpose: MemblockPurpose
        var start: UInt64, end: UInt64
    }

    case slabObject(address: UInt64, SlabObject)
    case percpu(address: UInt64, Percpu)
    case vmalloc(address: UInt64, Vmalloc)
    /// In the vmalloc range but in no area.
    case vmallocHole(address: UInt64)
    case frame(address: UInt64, Reach, Frame, owner: FrameOwner?, memblock: Memblock?)
    /// A pkmap entry or a kmap_local fixmap slot (i386 HIGHMEM), and the frame it maps, if any.
    case kmap(address: UInt64, KmapTarget, Frame?)

    init?(_ addr: UInt64, _ k: Kernel) {
        if let t = k.kmapTarget(addr) {
            self = .kmap(address: addr, t, t.pfn.map { Frame($0, k) })
            return
        }
        if let m = Self.slab(addr, k) ?? Self.percpu(addr, k) ?? Self.vmalloc(addr, k) {
            self = m
            return
        }
        let shift = UInt64(k.arch.pageShift)
        let pfn: Int, reach: Reach
        if let p = k.directMapPFN(addr) {
            (pfn, reach) = (p, .directMap(phys: addr - k.arch.pageOffset))
        } else if let p = k.pfnOfStructPage(addr) {
            (pfn, reach) = (p, .structPage)
        } else if addr < UInt64(k.frames.count) << shift, k.frames[Int(addr >> shift)].state != .absent {
            (pfn, reach) = (Int(addr >> shift), .physical)
        } else {
            return nil
        }
        let f = k.frames[pfn]
        let phys = k.physAddr(pfn)
        let region = f.state == .reserved ? k.memblock.first { $0.start <= phys && phys < $0.end } : nil
        self = .frame(address: addr, reach, Frame(pfn, k), owner: f.state == .allocated ? f.owner : nil,
                      memblock: region.map { Memblock(purpose: $0.purpose, start: $0.start, end: $0.end) })
    }

    /// Why `init` found nothing: a hole in the direct map, an address past it, or nothing kmemsim knows.
    static func whyUnknown(_ addr: UInt64, _ k: Kernel) -> Message {
        let start = k.arch.pageOffset, end = start &+ k.physAddr(k.directMapEndPFN)
        // vmalloc space lies above the direct map on x86 and below it on sparc64.
        let vmalloc = k.vmallocRange.start
        guard addr >= start, vmalloc < start || addr < vmalloc else { return .unknownAddress }
        if addr < end { return .directMapHole(pfn: Int((addr - start) >> UInt64(k.arch.pageShift))) }
        return .pastDirectMap(end: end)
    }

    /// mm/slab.h virt_to_slab() and obj_to_index().
    static func slab(_ addr: UInt64, _ k: Kernel) -> KmemModel? {
        guard let loc = k.locateSlabObject(addr) else { return nil }
        let c = k.slab.caches[loc.cacheIndex]
        guard let sl = c.slabs[loc.slabPFN] else { return nil }
        let i = loc.index
        return .slabObject(address: addr, SlabObject(
            cache: c.name, objectSize: c.objectSize, stride: c.size, slabAddress: k.pageAddress(loc.slabPFN) ?? 0,
            slabPFN: loc.slabPFN, order: Int(k.frames[loc.slabPFN].order), list: sl.list, inuse: sl.inuse, objects: sl.objects.count,
            index: i, objectAddress: i.map { k.objectAddress(c, sl, index: $0) } ?? 0, state: i.map { sl.objects[$0] } ?? .free,
            exact: loc.exact, offset: loc.offsetInObject))
    }

    /// mm/percpu.c pcpu_chunk_addr_search(): the chunk, unit (CPU) and offset, and what lives there.
    static func percpu(_ addr: UInt64, _ k: Kernel) -> KmemModel? {
        let p = k.percpu
        guard p.unitSize > 0 else { return nil }
        for ch in p.chunks {
            guard addr >= ch.base, addr < ch.base + UInt64(p.unitSize * k.cpus.count) else { continue }
            let unit = Int(addr - ch.base) / p.unitSize, off = Int(addr - ch.base) % p.unitSize
            let place: PercpuPlace
            if let a = ch.allocations.first(where: { $0.offset <= off && off < $0.offset + $0.size }) {
                if let v = p.variables.first(where: { $0.offset == a.offset && ch.isFirst }) {
                    place = .variable(type: v.type, name: v.name, value: v.values[unit], into: off - a.offset)
                } else {
                    place = .allocation(size: a.size, caller: a.caller, into: off - a.offset)
                }
            } else if ch.isFirst, off >= p.firstChunkSize { place = .unitTailReturned(firstChunkSize: p.firstChunkSize) }
            else if ch.isFirst, off < p.staticSize { place = .staticData }
            else if ch.isFirst, off < p.staticSize + p.reservedSize { place = .freeReserved }
            else { place = .freeDynamic }
            let past = ch.isFirst && off >= p.firstChunkSize
            let pfn = past ? k.directMapPFN(addr) : k.percpuPFN(addr)
            return .percpu(address: addr, Percpu(chunk: ch.id, unit: unit, offset: off, unitSize: p.unitSize, place: place,
                                                 pastFirstChunk: past, frame: pfn.map { Frame($0, k) }))
        }
        return nil
    }

    /// mm/vmalloc.c find_vmap_area() and vmalloc_to_page().
    static func vmalloc(_ addr: UInt64, _ k: Kernel) -> KmemModel? {
        guard k.isVmallocAddr(addr) else { return nil }
        guard let i = k.vmalloc.index(containing: addr) else { return .vmallocHole(address: addr) }
        let a = k.vmalloc.areas[i]
        let n = Int((addr - a.start) / UInt64(k.pageSize))
        let off = (addr - a.start) % UInt64(k.pageSize)
        let pfn = n < a.pages.count && a.pages[n] >= 0 ? Int(a.pages[n]) : nil
        return .vmalloc(address: addr, Vmalloc(purpose: a.purpose, start: a.start, caller: a.caller, page: n, pages: a.pages.count,
                                               offset: off, frame: pfn.map { Frame($0, k) }, phys: pfn.map { k.physAddr($0) + off } ?? 0))
    }
}

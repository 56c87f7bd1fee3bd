extension Kernel {
    /// Boots a machine: lays out RAM as the firmware would report it, builds the zones, reserves what early boot
    /// reserves (memblock), hands the rest to the buddy allocator the way memblock_free_all() does, then sets
    /// min_free_kbytes, the watermarks, lowmem_reserve and the per-CPU page lists (mm/mm_init.c, mm/page_alloc.c).
    public init(booting params: BootParams) throws(BootError) { try self.init(booting: params, freeRun: true) }

    /// `freeRun`: leave boot's largest run of free MAX_ORDER blocks unwritten (`FrameStore.setFreeRun`); tests boot
    /// without it to check that the frames read the same.
    init(booting params: BootParams, freeRun: Bool) throws(BootError) {
        try Self.validate(params)
        let arch = params.arch
        self.params = params
        self.arch = arch
        maxOrder = arch.maxOrder
        pageblockOrder = arch.pageblockOrder
        pageSize = arch.pageSize
        let ram = Self.firmwareMemoryMap(arch: arch, memory: params.memory)
        let pageSize = UInt64(arch.pageSize)
        let maxPFN = Int((ram.last?.end ?? 0) / pageSize)
        frames = Self.initialFrames(ram: ram, count: maxPFN, shift: arch.pageShift)
        zones = []
        // After the stored properties: these three live in `cold`, reached through computed properties.
        self.ram = ram
        tasks = [Task(pid: 0, comm: "swapper/0"), Task(pid: 1, comm: "systemd"), Task(pid: 1234, comm: "insmod")]
        highmem = HighmemState(highmem: arch.configures(.highmem))
        cpus = (0..<params.cpus).map { CPUState(id: $0, currentPID: $0 == 0 ? 1234 : 0) }

        buildZones(maxPFN: maxPFN)
        zoneSpans = zones.map { ZoneSpan(start: $0.startPFN, end: $0.endPFN) }
        zoneLookup = zones.indices.reversed().filter { zoneSpans[$0].start < zoneSpans[$0].end }
            .map { ZoneLookupEntry(start: zoneSpans[$0].start, end: zoneSpans[$0].end, zone: $0) }
        zoneTypes = zones.map(\.type)
        gfpZoneTable = Self.buildGFPZoneTable(arch)
        countPresentPages()
        reserveEarlyMemory()
        let free = freeRanges()
        for r in free { zones[r.zone].managedPages += r.end - r.start }
        zonelists = Self.buildZonelists(zones)
        freeAllMemblockMemory(free, leavingRunUnwritten: freeRun)
        initPerZoneWatermarks()
        bootCPUs()
        kmemCacheInit()
        for i in slab.caches.indices {
            slab.caches[i].bootLiveObjects = slab.caches[i].liveObjects
            slab.caches[i].bootRefcount = slab.caches[i].refcount
        }
        // init/version.c linux_banner: UTS_VERSION names PREEMPT_DYNAMIC where the build has it (not on sparc64).
        log.append(KernelReport(kind: .info("Linux version 6.6.0 (kmemsim) #1 SMP" + (arch.preemptDynamic ? " PREEMPT_DYNAMIC" : "")), comm: "swapper/0",
                                pid: 0, cpu: 0, taint: ""), at: 0)
        logBootMemory()
        freeInitmem()
        clock.tick(1_000_000)
    }

    /// A memblock reservation that the end of boot gave to the page allocator (the image's init sections…).
    public func memblockRegionFreed(_ r: MemblockRegion) -> Bool {
        arch.kernelImageParts.contains { $0.kind.freedAfterBoot && r.purpose == .kernelImage($0.kind) }
    }

    /// free_initmem() (mem_encrypt_free_decrypted_mem(), free_kernel_image_pages()) and mark_rodata_ro(): once the
    /// initcalls have run (after the watermarks were set, so they are computed without these pages, as on a real
    /// machine), the image's parts that only boot needed go to the buddy allocator and count as managed from then
    /// on (adjust_managed_page_count()). The memblock records stay, as memblock.reserved does in the kernel.
    private mutating func freeInitmem() {
        let shift = UInt64(arch.pageShift)
        // The kernel's order: decrypted and initmem (free_initmem()), then the rodata/data gap (mark_rodata_ro()).
        for kind in [KernelImagePart.Kind.bssDecrypted, .initSections, .rodataDataGap] {
            guard let name = kind.freedLogName, let region = memblock.first(where: { $0.purpose == .kernelImage(kind) }) else { continue }
            let lo = Int(region.start >> shift), hi = Int(region.end >> shift)
            guard lo < hi, hi <= frames.count, let z = zoneIndex(ofPFN: lo), zoneContains(z, hi - 1) else { continue }
            var present = PageFrame.absent
            present.state = .tail
            for pfn in lo..<hi { frames[pfn] = present }
            zones[z].managedPages += hi - lo
            freeAllMemblockMemory([(start: lo, end: hi, zone: z)])
            clock.tick(1_000_000)
            log.append(KernelReport(kind: .info("Freeing \(name) memory: \((hi - lo) * (pageSize >> 10))K"),
                                    comm: "swapper/0", pid: 1, cpu: 0, taint: ""), at: clock.now)
        }
    }

    /// The checks boot makes before it touches memory: a machine these accept boots. Lesson files and boot
    /// parameters are checked with this, without building millions of frames.
    public static func validate(_ params: BootParams) throws(BootError) {
        let arch = params.arch
        guard params.memory >= BootParams.minMemory else {
            throw .memoryTooSmall(requested: params.memory, minimum: BootParams.minMemory)
        }
        guard params.memory <= arch.maxMemory else {
            throw .memoryTooLarge(requested: params.memory, maximum: arch.maxMemory, arch: arch)
        }
        guard params.memory % UInt64(arch.pageSize) == 0 else {
            throw .memoryNotPageAligned(params.memory, pageSize: arch.pageSize)
        }
        let maxCPUs = min(BootParams.maxCPUs, arch.nrCPUs)
        guard (1...maxCPUs).contains(params.cpus) else { throw .badCPUCount(params.cpus, maximum: maxCPUs) }
        if let m = params.minFreeKbytes, !(128...262_144).contains(m) { throw .badMinFreeKbytes(m) }
        guard SlabDebugConfig.parse(params.slabDebug, kind: params.slab) != nil else {
            throw .badSlabDebug(params.slabDebug, allocator: params.slab)
        }
    }

    /// The firmware's map of RAM (e820 on x86): x86 loses the 640 KiB–1 MiB ISA hole and PFN 0, and RAM past 3 GiB is
    /// remapped above the 4 GiB PCI hole on x86-64 (and cut off on i386 without PAE).
    static func firmwareMemoryMap(arch: Architecture, memory: UInt64) -> [RAMRange] {
        switch arch {
        case .sparc64:
            return [RAMRange(start: 0, end: memory)]
        case .x86_64, .i386:
            let below4G: UInt64 = 3 << 30
            var r = [RAMRange(start: 0x1000, end: 0x9f000)]
            r.append(RAMRange(start: 0x10_0000, end: min(memory, below4G)))
            if memory > below4G, arch.remapsRAMAbove4G {
                r.append(RAMRange(start: 4 << 30, end: (4 << 30) + memory - below4G))
            }
            return r
        }
    }

    /// Zone spans from the architecture's limits, clipped to RAM (free_area_init / zone_sizes_init).
    private mutating func buildZones(maxPFN: Int) {
        let shift = UInt64(arch.pageShift)
        let firstPFN = Int((ram.first?.start ?? 0) >> shift)
        var lower = firstPFN
        for (i, type) in arch.configuredZones.enumerated() {
            var zone = Zone(type: type, index: i)
            if let limit = arch.zoneLimits.first(where: { $0.0 == type })?.1 {
                let upper = limit == .max ? maxPFN : min(maxPFN, Int(limit >> shift))
                if upper > lower {
                    zone.startPFN = lower
                    zone.spannedPages = upper - lower
                    lower = upper
                }
            }
            let blocks = zone.spannedPages == 0 ? 0
                : ((zone.endPFN - 1) >> arch.pageblockOrder) - (zone.startPFN >> arch.pageblockOrder) + 1
            zone.pageblockType = Array(repeating: UInt8(MigrateType.movable.rawValue), count: blocks)
            zone.lowmemReserve = Array(repeating: 0, count: arch.configuredZones.count)
            zones.append(zone)
        }
        freeLists = FreeLists(zones: zones.count, orders: arch.maxOrder + 1)
        pcpLists = PCPLists(zones: zones.count, cpus: params.cpus, transparentHugepage: arch.transparentHugepage)
        counters = ZoneCounters(zones: zones.count)
    }

    /// The frame array as the firmware map leaves it: frames of RAM present (`.tail`, not yet anyone's), holes and
    /// the rest absent. Present frames are the all-zero `PageFrame`, so only the holes are written, and the largest
    /// hole (x86-64's 1 GiB PCI hole) not even that: it is an implicit run of the store. Boot touches millions of
    /// frames, and every pass over them was what made a big machine slow to boot.
    static func initialFrames(ram: [RAMRange], count: Int, shift: Int) -> FrameStore {
        var frames = FrameStore(zeroed: count)
        // Plain pairs: an array of Range<Int> had the runtime look up Int's Comparable conformance (a scan of every
        // conformance in the executable) at every start.
        var holes: [(lo: Int, hi: Int)] = []
        var at = 0
        for r in ram {
            let start = min(count, Int(r.start >> UInt64(shift)))
            if start > at { holes.append((at, start)) }
            at = max(at, min(count, Int(r.end >> UInt64(shift))))
        }
        if count > at { holes.append((at, count)) }
        var largest = -1
        for i in holes.indices where largest < 0 || holes[i].hi - holes[i].lo > holes[largest].hi - holes[largest].lo { largest = i }
        frames.withUnsafeMutableBufferPointerAtBoot { buf in
            for (i, h) in holes.enumerated() where i != largest {
                (buf.baseAddress! + h.lo).update(repeating: .absent, count: h.hi - h.lo)
            }
        }
        if largest >= 0 { frames.setImplicit(holes[largest].lo..<holes[largest].hi, state: .absent) }
        return frames
    }

    /// present_pages per zone, from the RAM ranges.
    private mutating func countPresentPages() {
        let shift = UInt64(arch.pageShift)
        for r in ram {
            let lo = Int(r.start >> shift), hi = Int(r.end >> shift)
            for z in zones.indices where zones[z].spannedPages > 0 {
                let a = max(lo, zones[z].startPFN), b = min(hi, zones[z].endPFN)
                if b > a { zones[z].presentPages += b - a }
            }
        }
    }

    /// memblock reservations of early boot, placed where the kernel places them (bottom-up for the image, top-down
    /// for the rest, as memblock allocates).
    private mutating func reserveEarlyMemory() {
        let ps = UInt64(arch.pageSize)
        if arch.isPC {
            // Since 5.13 x86 reserves all of the first 1 MiB (BIOS, EBDA, real-mode trampoline).
            memblock.append(MemblockRegion(start: 0x1000, size: 0x9e000, purpose: .firstMegabyte))
        } else {
            memblock.append(MemblockRegion(start: 0, size: arch.lowFirmwareReserve, purpose: .openBootPROM))
        }
        // The image as vmlinux.lds lays it out, one region per part (the parts freed after boot apart).
        var at = arch.kernelLoadAddress
        for part in arch.kernelImageParts {
            memblock.append(MemblockRegion(start: at, size: part.size, purpose: .kernelImage(part.kind)))
            at += part.size
        }
        // mem_map: struct pages for every frame of RAM (vmemmap per present section; i386 FLATMEM covers all PFNs).
        let structPages = arch.flatMem ? UInt64(frames.count) : UInt64(zones.reduce(0) { $0 + $1.presentPages })
        let memmapSize = (structPages * UInt64(arch.structPageSize) + ps - 1) / ps * ps
        let lowmemTop: UInt64 = arch.lowmemLimit.map { min($0, ram.last?.end ?? 0) } ?? .max
        if let at = memblockAllocTopDown(size: memmapSize, below: lowmemTop) {
            memblock.append(MemblockRegion(start: at, size: memmapSize, purpose: .memMap))
        }
        if arch.hasSWIOTLB, (ram.last?.end ?? 0) > 4 << 30, let at = memblockAllocTopDown(size: 64 << 20, below: 4 << 30) {
            memblock.append(MemblockRegion(start: at, size: 64 << 20, purpose: .swiotlb))
        }
        // pcpu_embed_first_chunk(): every unit in one atom-aligned allocation, then each unit's tail past the first
        // chunk (and any unit no CPU uses) given back to memblock.
        let pcpu = Self.firstChunkLayout(arch: arch, cpus: params.cpus)
        let unit = UInt64(pcpu.unitSize)
        if let at = memblockAllocTopDown(size: unit * UInt64(pcpu.nrUnits), below: lowmemTop, align: UInt64(pcpu.atomSize)) {
            for cpu in 0..<params.cpus {
                memblock.append(MemblockRegion(start: at + UInt64(cpu) * unit, size: UInt64(pcpu.sizeSum), purpose: .percpuFirstChunk))
            }
        }
        let early: UInt64 = arch.is64Bit ? 6 << 20 : 3 << 20
        if let at = memblockAllocTopDown(size: early, below: lowmemTop) {
            memblock.append(MemblockRegion(start: at, size: early, purpose: .earlyAllocations))
        }
        memblock.sort { $0.start < $1.start }
        let shift = UInt64(arch.pageShift)
        let n = frames.count
        func pfns(_ region: MemblockRegion) -> Range<Int> {
            let lo = min(n, Int(region.start >> shift)), hi = min(n, Int((region.end + ps - 1) >> shift))
            return lo..<max(lo, hi)
        }
        // mem_map (a 64th of RAM) lies inside one RAM range: an implicit run of reserved frames rather than millions
        // of writes, unless the hole has taken a run; the other is for the free blocks (freeAllMemblockMemory), whose
        // heads are 16 times as many pages of frames. Every other region is written, skipping absent frames.
        if frames.implicit.isEmpty, let memMap = memblock.first(where: { $0.purpose == .memMap }),
           ram.contains(where: { $0.start <= memMap.start && memMap.end <= $0.end }) {
            frames.setImplicit(pfns(memMap), state: .reserved)
        }
        // Present frames are the RAM ranges' (the rest were made absent above), so the frames are written without
        // being read first: a read of a page nobody wrote maps the zero page, and the write then faults a second time.
        let implicit = frames.implicit, regions = memblock
        let present = ram.map { (lo: min(n, Int($0.start >> shift)), hi: min(n, Int($0.end >> shift))) }
        frames.withUnsafeMutableBufferPointerAtBoot { buf in
            for region in regions {
                let r = pfns(region)
                for p in present {
                    let lo = max(r.lowerBound, p.lo), hi = min(r.upperBound, p.hi)
                    guard lo < hi else { continue }
                    for pfn in lo..<hi where !implicit.contains(pfn) {
                        buf[pfn].state = .reserved
                        buf[pfn].flags = []
                    }
                }
            }
        }
    }

    /// memblock_alloc top-down: the highest `align`-aligned range of RAM below `below` that overlaps no reservation.
    private func memblockAllocTopDown(size: UInt64, below: UInt64, align: UInt64 = 0) -> UInt64? {
        let align = max(align, UInt64(arch.pageSize))
        for r in ram.reversed() {
            var end = min(r.end, below)
            while end >= r.start + size {
                let start = (end - size) / align * align
                guard start >= r.start else { break }
                if let clash = memblock.first(where: { $0.start < start + size && start < $0.end }) {
                    end = clash.start
                    continue
                }
                return start
            }
        }
        return nil
    }

    /// What memblock_free_all() hands over: runs of RAM that memblock did not reserve, split at zone boundaries, in
    /// PFN order. Worked out from the RAM ranges and the reservations rather than by reading every frame; their
    /// lengths are each zone's managed_pages.
    private func freeRanges() -> [(start: Int, end: Int, zone: Int)] {
        let shift = UInt64(arch.pageShift), ps = UInt64(arch.pageSize)
        // The reserved PFN ranges, as reserveEarlyMemory() marked them, sorted and merged.
        var reserved: [(start: Int, end: Int)] = []
        for r in memblock.map({ (Int($0.start >> shift), Int(($0.end + ps - 1) >> shift)) }).sorted(by: { $0.0 < $1.0 }) {
            if let last = reserved.last, r.0 <= last.end { reserved[reserved.count - 1].end = max(last.end, r.1) } else { reserved.append((r.0, r.1)) }
        }
        var out: [(start: Int, end: Int, zone: Int)] = []
        for ramRange in ram {
            let lo = min(frames.count, Int(ramRange.start >> shift)), hi = min(frames.count, Int(ramRange.end >> shift))
            for (z, span) in zoneSpans.enumerated() {
                var start = max(lo, span.start)
                let end = min(hi, span.end)
                for r in reserved where start < end {
                    if r.end <= start || r.start >= end { continue }
                    if r.start > start { out.append((start, r.start, z)) }
                    start = max(start, r.end)
                }
                if start < end { out.append((start, end, z)) }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// memblock_free_all() → __free_pages_memory(): each free range goes to the buddy allocator in the largest
    /// naturally aligned blocks that fit, added at the list tails (FPI_TO_TAIL), merging as they go.
    /// `leavingRunUnwritten`: the largest range's MAX_ORDER blocks go on their list as an implicit run of the frame
    /// store (their heads, one per page of frames, are never written: a page fault each), if a run is free for it.
    private mutating func freeAllMemblockMemory(_ ranges: [(start: Int, end: Int, zone: Int)], leavingRunUnwritten: Bool = false) {
        let step = 1 << maxOrder
        var run: (range: Int, lo: Int, hi: Int) = (-1, 0, 0)
        if leavingRunUnwritten && frames.hasRoomForRun {
            for (i, r) in ranges.enumerated() {
                // The greedy split below gives MAX_ORDER blocks exactly from the first aligned frame to the last.
                let lo = (r.start + step - 1) & ~(step - 1), hi = r.end & ~(step - 1)
                if hi - lo > run.hi - run.lo { run = (i, lo, hi) }
            }
        }
        for (i, r) in ranges.enumerated() {
            var start = r.start
            while start < r.end {
                if i == run.range && start == run.lo && addFreeRun(run.lo..<run.hi, zone: r.zone) {
                    start = run.hi
                    continue
                }
                var order = min(maxOrder, start == 0 ? maxOrder : start.trailingZeroBitCount)
                while start + (1 << order) > r.end { order -= 1 }
                frames[start].order = UInt8(order)
                let mt = Self.pageblockMigratetype(start, zone: zones[r.zone], pageblockOrder: pageblockOrder)
                freeOneBlock(pfn: start, order: order, migratetype: mt, zone: r.zone, toTail: true)
                start += 1 << order
            }
        }
    }

    /// What freeOneBlock(toTail: true) does for each MAX_ORDER block of `range` in turn (none merges: they are of
    /// the highest order), in one step, the heads left to the frame store's run. False (nothing done) when the
    /// blocks' pageblocks are not all of one migrate type or no run is free.
    private mutating func addFreeRun(_ range: Range<Int>, zone z: Int) -> Bool {
        let base = zones[z].startPFN >> pageblockOrder
        let types = zones[z].pageblockType[((range.lowerBound >> pageblockOrder) - base)...(((range.upperBound - 1) >> pageblockOrder) - base)]
        guard let m = types.first, !types.contains(where: { $0 != m }) else { return false }
        let h = freeLists.headIndex(zone: z, order: maxOrder, type: Int(m)), t = h + FreeLists.types
        let last = freeLists.slots[t]
        guard frames.setFreeRun(range, order: maxOrder, migratetype: m, prev: last, next: -1) else { return false }
        // list_add_tail() of the first block; the others follow it inside the run.
        if last >= 0 { frames[Int(last)].next = Int32(range.lowerBound) } else { freeLists.slots[h] = Int32(range.lowerBound) }
        freeLists.slots[t] = Int32(range.upperBound - (1 << maxOrder))
        freeLists.adjust(zone: z, order: maxOrder, type: Int(m), by: Int32(range.count >> maxOrder))
        addCounter(ownAllocatorStores(), ZoneCounters.nrFreeIndex(zone: z), range.count)
        return true
    }

    /// The zone a frame belongs to (page_zone()), or nil for frames outside every zone.
    @inline(__always) public func zoneIndex(ofPFN pfn: Int) -> Int? { Self.zoneIndex(ofPFN: pfn, spans: zoneLookup) }

    /// The same on the lookup table, for mutating paths (which would copy the whole Kernel to call the method).
    /// Highest zone first: most frames in use are in the highest zone, and boot cuts the zones at fixed boundaries
    /// so that they never overlap (the invariant checks say so), which makes the order of the search immaterial.
    @inline(__always) static func zoneIndex(ofPFN pfn: Int, spans: [ZoneLookupEntry]) -> Int? {
        for e in spans where pfn >= e.start && pfn < e.end { return e.zone }
        return nil
    }

    /// Is `pfn` inside zone `z`?
    @inline(__always) func zoneContains(_ z: Int, _ pfn: Int) -> Bool {
        pfn >= zoneSpans[z].start && pfn < zoneSpans[z].end
    }

    /// The configured-zone index of a zone type, if the architecture has it.
    public func zoneIndex(of type: ZoneType) -> Int? {
        // By the span table's order rather than `zones`, so that no Zone is copied to compare its type.
        for (i, t) in zoneTypes.enumerated() where t == type { return i }
        return nil
    }

    public func zone(_ type: ZoneType) -> Zone? { zoneIndex(of: type).map { zones[$0] } }
}

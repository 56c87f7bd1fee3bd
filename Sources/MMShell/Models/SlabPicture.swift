import KernelMM

/// `slab CACHE --picture`: the cache's slabs grouped by the list they are on (SLUB: CPU slab, CPU partial, node
/// partial, full; SLAB: slabs_full, slabs_partial, slabs_free), each slab's objects as cells, the layout of one
/// object (red zones, free pointer, padding) and, for SLAB, of one slab page (colour offset, freelist array).
struct SlabPicture: Sendable, Equatable {
    struct SlabRow: Sendable, Equatable {
        var pfn: Int
        var cpu: Int
        var inuse: Int
        var colour: Int
        var objects: [PictureMark]
    }
    struct List: Sendable, Equatable {
        var name: String
        var slabs: [SlabRow]
        /// Slabs on the list that are not drawn (more than `maxRows`).
        var hidden: Int
    }
    var cache: String
    var allocator: SlabAllocatorKind
    var objectSize: Int
    var size: Int
    var num: Int
    var order: Int
    var lists: [List]
    /// One object slot, a mark per byte run: (mark, bytes).
    var objectLayout: [(PictureMark, Int)]
    /// SLAB: one slab page (colour, freelist, objects, left over); empty for SLUB.
    var pageLayout: [(PictureMark, Int)]
    var liveObjects: Int
    var totalObjects: Int
    static let maxRows = 16

    static func == (a: SlabPicture, b: SlabPicture) -> Bool {
        a.cache == b.cache && a.lists == b.lists && a.objectLayout.map(\.1) == b.objectLayout.map(\.1) && a.pageLayout.map(\.1) == b.pageLayout.map(\.1)
    }

    static func build(_ name: String, kernel k: Kernel) -> SlabPicture? {
        guard let c = k.slab.cache(named: name) else { return nil }
        // Free objects hold POISON_FREE only where the kernel poisons them (mm/slub.c init_object(): not with a
        // constructor or SLAB_TYPESAFE_BY_RCU).
        let poisoned = c.flags.contains(.poison) && !c.hasCtor && !c.flags.contains(.typesafeByRCU)
        func row(_ pfn: Int) -> SlabRow? {
            guard let sl = c.slabs[pfn] else { return nil }
            let marks: [PictureMark] = sl.objects.map {
                switch $0 {
                case .allocated: .objAllocated
                case .cached: .objCached
                case .free: poisoned ? .objPoisoned : .objFree
                }
            }
            let colour = max(0, sl.firstObjectOffset - (c.layout == .onSlab ? c.freelistSize : 0))
            return SlabRow(pfn: pfn, cpu: sl.cpu, inuse: sl.inuse, colour: colour, objects: marks)
        }
        func list(_ n: String, _ pfns: [Int]) -> List {
            List(name: n, slabs: pfns.prefix(maxRows).compactMap(row), hidden: max(0, pfns.count - maxRows))
        }
        var lists: [List] = []
        switch k.slab.kind {
        case .slub:
            for (cpu, s) in c.cpuSlab.enumerated() { if let s { lists.append(list("cpu\(cpu) slab (kmem_cache_cpu.slab)", [s])) } }
            for (cpu, l) in c.cpuPartialList.enumerated() where !l.isEmpty { lists.append(list("cpu\(cpu) partial (kmem_cache_cpu.partial)", l)) }
            lists.append(list("node partial (kmem_cache_node.partial)", c.partial))
            if c.flags.contains(.storeUser) { lists.append(list("node full (kmem_cache_node.full)", c.full)) }
        case .slab:
            lists.append(list("slabs_full", c.full))
            lists.append(list("slabs_partial", c.partial))
            lists.append(list("slabs_free", c.free))
        }
        let seen = Set(lists.flatMap { $0.slabs.map(\.pfn) })
        let drawnOrHidden = lists.reduce(0) { $0 + $1.slabs.count + $1.hidden }
        if drawnOrHidden < c.slabs.count {
            let others = c.slabs.keys.filter { !seen.contains($0) }.sorted()
            if !others.isEmpty { lists.append(list("on no list (full, SLUB keeps no full list)", others)) }
        }
        return SlabPicture(cache: c.name, allocator: k.slab.kind, objectSize: c.objectSize, size: c.size, num: c.num, order: c.order,
                           lists: lists, objectLayout: objectLayout(c, k), pageLayout: pageLayout(c, k, colour: lists.lazy.flatMap(\.slabs).first?.colour ?? 0),
                           liveObjects: c.liveObjects, totalObjects: c.totalObjects)
    }

    /// One slot's bytes: left red zone (SLUB red_left_pad / SLAB obj_offset), the object, the right red zone, the
    /// free pointer (SLUB: at s->offset from the object), and padding or debug tracking up to the stride.
    static func objectLayout(_ c: KmemCache, _ k: Kernel) -> [(PictureMark, Int)] {
        let rz = c.flags.contains(.redZone)
        let ptr = k.arch.is64Bit ? 8 : 4
        var bytes = [PictureMark](repeating: .slabLeftover, count: max(1, c.size))
        for b in 0..<c.size {
            if b < c.objOffset { bytes[b] = rz ? .redZone : .slabLeftover }
            else if b < c.objOffset + c.objectSize { bytes[b] = .objectBytes }
            else if rz && b < c.objOffset + c.inuse { bytes[b] = .redZone }
        }
        if k.slab.kind == .slub {
            let fp = c.objOffset + c.freePointerOffset
            for b in fp..<min(c.size, fp + ptr) where b >= 0 { bytes[b] = .freePointer }
        }
        return runs(bytes)
    }

    /// SLAB: colour offset, the on-slab freelist index array, the objects, what is left over.
    static func pageLayout(_ c: KmemCache, _ k: Kernel, colour: Int) -> [(PictureMark, Int)] {
        guard k.slab.kind == .slab else { return [] }
        let slabBytes = k.pageSize << c.order
        var out: [(PictureMark, Int)] = []
        if colour > 0 { out.append((.slabColour, colour)) }
        if c.layout == .onSlab, c.freelistSize > 0 { out.append((.slabManagement, c.freelistSize)) }
        out.append((.objectBytes, c.num * c.size))
        let used = out.reduce(0) { $0 + $1.1 }
        if slabBytes > used { out.append((.slabLeftover, slabBytes - used)) }
        return out
    }

    static func runs(_ bytes: [PictureMark]) -> [(PictureMark, Int)] {
        var out: [(PictureMark, Int)] = []
        for m in bytes {
            if let last = out.last, last.0 == m { out[out.count - 1].1 += 1 } else { out.append((m, 1)) }
        }
        return out
    }

    /// Byte runs drawn in `cells` cells: each cell shows the most telling mark of its bytes (a free pointer or red
    /// zone is never hidden by the object around it).
    static func cells(_ runs: [(PictureMark, Int)], cells: Int) -> (marks: [PictureMark], bytesPerCell: Int) {
        let total = runs.reduce(0) { $0 + $1.1 }
        let per = max(1, MemmapPicture.powerOfTwo(atLeast: (total + cells - 1) / cells))
        let rank: [PictureMark] = [.freePointer, .redZone, .slabManagement, .slabColour, .objectBytes, .slabLeftover]
        var bytes: [PictureMark] = []
        for (m, n) in runs { bytes += Array(repeating: m, count: n) }
        var out: [PictureMark] = []
        var i = 0
        while i < bytes.count {
            let chunk = bytes[i..<min(i + per, bytes.count)]
            out.append(rank.first { chunk.contains($0) } ?? chunk.first ?? .slabLeftover)
            i += per
        }
        return (out, per)
    }

    func picture(language l: LessonLanguage) -> Picture {
        let kind = allocator == .slab ? "SLAB" : "SLUB"
        var p = Picture(title: PictureStrings.t(l, "Slab cache \(cache) (\(kind))", "slab 캐시 \(cache) (\(kind))"))
        p.facts = [PictureStrings.t(l, "object \(objectSize) bytes, stride \(size); \(num) objects per order-\(order) slab; \(liveObjects) of \(totalObjects) objects in use",
                                    "객체 \(objectSize)바이트, 간격 \(size)바이트; order-\(order) slab 하나에 객체 \(num)개; 객체 \(totalObjects)개 중 \(liveObjects)개 사용 중")]
        let obj = Self.cells(objectLayout, cells: 48)
        var layout = PictureBlock(heading: PictureStrings.t(l, "one object slot (\(size) bytes; one cell = \(obj.bytesPerCell) byte\(obj.bytesPerCell == 1 ? "" : "s"))",
                                                            "객체 칸 하나 (\(size)바이트; 한 칸 = \(obj.bytesPerCell)바이트)"))
        layout.rows.append(PictureRow(label: "object", cells: obj.marks.map { PictureCell($0) }))
        if !pageLayout.isEmpty {
            let page = Self.cells(pageLayout, cells: 64)
            layout.rows.append(PictureRow(label: "slab page", cells: page.marks.map { PictureCell($0) },
                                          note: PictureStrings.t(l, "one cell = \(page.bytesPerCell) bytes", "한 칸 = \(page.bytesPerCell)바이트")))
        }
        p.blocks.append(layout)
        for list in lists {
            var b = PictureBlock(heading: list.name + PictureStrings.t(l, ": \(list.slabs.count + list.hidden) slab\(list.slabs.count + list.hidden == 1 ? "" : "s")",
                                                                       ": slab \(list.slabs.count + list.hidden)개"))
            for s in list.slabs {
                var note = "\(s.inuse)/\(s.objects.count)"
                if allocator == .slab { note += PictureStrings.t(l, ", colour \(s.colour) bytes", ", colour \(s.colour)바이트") }
                b.rows.append(PictureRow(label: Format.hex(s.pfn), cells: s.objects.map { PictureCell($0) }, note: note))
            }
            if list.hidden > 0 {
                b.rows.append(PictureRow(label: "…", cells: [], note: PictureStrings.t(l, "+\(list.hidden) more slabs not drawn", "slab \(list.hidden)개는 생략")))
            }
            p.blocks.append(b)
        }
        p.scale = PictureStrings.t(l, "slab rows: one cell per object, labelled by the slab's pfn", "slab 줄: 객체 하나가 한 칸, 왼쪽은 slab의 pfn")
        return p
    }
}

import KernelMM

/// `memmap`: physical memory as strips of cells, one strip per zone (or one window of frames when zoomed), each
/// cell the state most of its frames are in. Built from mem_map (the frames) by walking block heads, as the kernel's
/// own walkers do: only a block's head carries its state and order.
struct MemmapPicture: Sendable, Equatable {
    struct Strip: Sendable, Equatable {
        var heading: String
        var zone: String
        var startPFN: Int
        var endPFN: Int
        var pagesPerCell: Int
        var cellsPerRow: Int
        var cells: [Cell]
    }
    struct Cell: Sendable, Equatable {
        var firstPFN: Int
        var pages: Int
        var mark: PictureMark
        /// Pages of each kind in the cell, by `PictureMark.allCases` index (so tests can add them up).
        var counts: [Int]
        var highlight: Bool
    }

    var structPages: Int
    var structPageSize: Int
    var memory: UInt64
    var strips: [Strip]
    /// The block the learner asked about (--around), by head and order.
    var focus: (head: Int, pages: Int)?

    static func == (a: MemmapPicture, b: MemmapPicture) -> Bool {
        a.strips == b.strips && a.structPages == b.structPages && a.focus?.head == b.focus?.head && a.focus?.pages == b.focus?.pages
    }

    enum Selection: Sendable, Equatable {
        case zones(ZoneType?)
        /// One page per cell around a frame, highlighting the block [head, head + pages).
        case around(pfn: Int, head: Int, pages: Int)
        case range(from: Int, to: Int)
    }

    /// Each frame's mark, as an index into `PictureMark.allCases` (block heads spread their state over the block;
    /// one byte per frame keeps a 64 GiB machine's 16 M frames cheap).
    static func frameMarks(_ k: Kernel) -> [UInt8] {
        let hole = UInt8(markIndex[.hole] ?? 0)
        var marks = [UInt8](repeating: hole, count: k.frames.count)
        var pfn = 0
        while pfn < k.frames.count {
            let f = k.frames[pfn]
            let n: Int
            let m: PictureMark
            switch f.state {
            case .buddy: n = 1 << Int(f.order); m = .free(order: Int(f.order))
            case .pcp: n = 1 << Int(f.order); m = .pcp
            case .allocated:
                n = 1 << Int(f.order)
                switch f.owner {
                case .slab: m = .slab
                case .vmalloc: m = .vmalloc
                case .kernelStack: m = .kernelStack
                case .percpu: m = .percpu
                case .leaked: m = .leaked
                case .pageTable: m = .pageTable
                case .kmallocLarge: m = .kmallocLarge
                case .pageAlloc, .none: m = .pageAlloc
                }
            case .reserved: n = 1; m = .reserved
            case .absent, .tail: n = 1; m = .hole
            }
            let idx = UInt8(markIndex[m] ?? 0)
            for i in pfn..<min(pfn + n, marks.count) { marks[i] = idx }
            pfn += max(1, n)
        }
        return marks
    }

    /// Which kind wins a cell: the majority; free pages count as one kind (drawn with the order most of them are in);
    /// ties go to what was allocated, so a small allocation is not hidden by an equal share of free pages.
    static let tieOrder: [PictureMark] = [.leaked, .kernelStack, .pageTable, .vmalloc, .slab, .percpu, .kmallocLarge, .pageAlloc, .pcp, .reserved]
    static let freeIndices = (0...10).map { markIndex[.free(order: $0)] ?? 0 }

    static func cell(_ marks: [UInt8], _ range: Range<Int>, highlight: Range<Int>?) -> Cell {
        var counts = [Int](repeating: 0, count: PictureMark.allCases.count)
        for p in range { counts[Int(marks[p])] += 1 }
        let freeOrders = freeIndices.map { counts[$0] }
        let freeTotal = freeOrders.reduce(0, +)
        var best: PictureMark = .hole
        var bestCount = counts[markIndex[.hole] ?? 0]
        if freeTotal > bestCount || (freeTotal > 0 && freeTotal == bestCount) {
            best = .free(order: freeOrders.indices.max { freeOrders[$0] < freeOrders[$1] || (freeOrders[$0] == freeOrders[$1] && $0 > $1) } ?? 0)
            bestCount = freeTotal
        }
        for m in tieOrder.reversed() where counts[markIndex[m] ?? 0] >= bestCount && counts[markIndex[m] ?? 0] > 0 {
            best = m
            bestCount = counts[markIndex[m] ?? 0]
        }
        let lit = highlight.map { $0.overlaps(range) } ?? false
        return Cell(firstPFN: range.lowerBound, pages: range.count, mark: best, counts: counts, highlight: lit)
    }

    static let markIndex: [PictureMark: Int] = Dictionary(uniqueKeysWithValues: PictureMark.allCases.enumerated().map { ($1, $0) })

    /// Builds the strips. `cellsPerRow` comes from --width or the terminal; `rows` bounds the cells of one strip.
    static func build(_ k: Kernel, _ sel: Selection, cellsPerRow: Int, rows: Int = 4) -> MemmapPicture {
        let marks = frameMarks(k)
        var present = 0
        for f in k.frames where f.state != .absent { present += 1 }
        var strips: [Strip] = []
        var focus: (Int, Int)?
        func strip(_ heading: String, zone: String, _ lo: Int, _ hi: Int, perCell: Int, highlight: Range<Int>?) -> Strip {
            var cells: [Cell] = []
            var p = lo
            while p < hi {
                cells.append(cell(marks, p..<min(p + perCell, hi), highlight: highlight))
                p += perCell
            }
            let shownLo = max(lo, heading == zone ? (k.zones.first { $0.type.procName == zone }?.startPFN ?? lo) : lo)
            let span = "\(heading): pfn \(Format.hex(shownLo))-\(Format.hex(hi - 1)), \(Format.bytes(UInt64(hi - shownLo) * UInt64(k.pageSize)))"
            return Strip(heading: span, zone: zone, startPFN: lo, endPFN: hi, pagesPerCell: perCell, cellsPerRow: cellsPerRow, cells: cells)
        }
        func zoneName(_ pfn: Int) -> String { k.zoneIndex(ofPFN: pfn).map { k.zones[$0].type.procName } ?? "-" }
        // The zones a window overlaps, e.g. "DMA…DMA32".
        func zoneNames(_ lo: Int, _ hi: Int) -> String {
            let names = k.zones.filter { $0.isPopulated && $0.startPFN < hi && $0.endPFN > lo }.map(\.type.procName)
            return names.isEmpty ? "-" : names.joined(separator: "…")
        }
        switch sel {
        case .zones(let only):
            for z in k.zones where z.isPopulated && (only == nil || only == z.type) {
                // A power of two per cell, cells aligned to it: row labels are round PFNs, and a cell never straddles
                // two blocks of its own size.
                let perCell = powerOfTwo(atLeast: (z.spannedPages + cellsPerRow * rows - 1) / (cellsPerRow * rows))
                strips.append(strip(z.type.procName, zone: z.type.procName, z.startPFN / perCell * perCell, z.endPFN, perCell: perCell, highlight: nil))
            }
        case .around(let pfn, let head, let pages):
            // A window of whole rows, aligned to the row length, with the block in the middle row(s).
            let window = cellsPerRow * rows
            let blockRows = (pages + cellsPerRow - 1) / cellsPerRow
            let lead = max(0, (rows - blockRows) / 2) * cellsPerRow
            var lo = max(0, (head / cellsPerRow) * cellsPerRow - lead)
            var hi = min(k.frames.count, lo + max(window, blockRows * cellsPerRow))
            if hi - lo < window { lo = max(0, hi - window) / cellsPerRow * cellsPerRow; hi = min(k.frames.count, lo + window) }
            focus = (head, pages)
            _ = pfn
            strips.append(strip(zoneNames(lo, hi), zone: zoneName(head), lo, hi, perCell: 1, highlight: head..<(head + pages)))
        case .range(let from, let to):
            let lo = max(0, from), hi = min(k.frames.count, to + 1)
            let perCell = powerOfTwo(atLeast: (hi - lo + cellsPerRow * rows - 1) / (cellsPerRow * rows))
            let name = zoneNames(lo, hi)
            strips.append(strip(name, zone: name, lo, hi, perCell: perCell, highlight: nil))
        }
        return MemmapPicture(structPages: present, structPageSize: k.arch.structPageSize, memory: k.params.memory, strips: strips, focus: focus)
    }

    static func powerOfTwo(atLeast n: Int) -> Int {
        var p = 1
        while p < n { p <<= 1 }
        return p
    }

    var memmapBytes: UInt64 { UInt64(structPages) * UInt64(structPageSize) }

    func picture(kernel k: Kernel, language l: LessonLanguage) -> Picture {
        let pct = ViewCommands.percent(memmapBytes, memory)
        var p = Picture(title: Message(en: "Physical memory (mem_map)", ko: "물리 메모리 (mem_map)").text(l))
        p.facts = [Message(en: "mem_map: \(structPages) struct pages × \(structPageSize) bytes = \(Format.bytes(memmapBytes)) (\(pct) of RAM)", ko: "mem_map: struct page \(structPages)개 × \(structPageSize)바이트 = \(Format.bytes(memmapBytes)) (RAM의 \(pct))").text(l)]
        if let f = focus {
            p.facts.append(Message(en: "the block at pfn \(Format.hex(f.head)): \(f.pages) page\(f.pages == 1 ? "" : "s"), marked ^", ko: "pfn \(Format.hex(f.head))의 블록: \(f.pages)페이지, ^로 표시").text(l))
        }
        for s in strips {
            var b = PictureBlock(heading: s.heading + "; " + Message.picturePagesPerCell(s.pagesPerCell).text(l))
            var i = 0
            while i < s.cells.count {
                let row = s.cells[i..<min(i + s.cellsPerRow, s.cells.count)]
                b.rows.append(PictureRow(label: Format.hex(row.first?.firstPFN ?? 0), cells: row.map { PictureCell($0.mark, highlight: $0.highlight) }))
                i += s.cellsPerRow
            }
            p.blocks.append(b)
        }
        if let n = strips.first?.pagesPerCell, strips.allSatisfy({ $0.pagesPerCell == n }) { p.scale = Message.picturePagesPerCell(n).text(l) }
        if strips.contains(where: { $0.pagesPerCell > 1 }) { p.scale = (p.scale.map { $0 + "; " } ?? "") + Message.pictureMajority.text(l) }
        return p
    }
}

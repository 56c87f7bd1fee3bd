import KernelMM

/// `vmarea ADDR --picture`: the area's virtual range on one line (each page mapped or not, then the guard page)
/// and, under it, the stretch of physical memory holding the frames its page table points at, so a learner sees one
/// contiguous virtual range backed by scattered frames.
struct VmallocPicture: Sendable, Equatable {
    var start: UInt64
    var size: Int
    var purpose: String
    var caller: String
    /// Per virtual page: the frame behind it (nil: not populated).
    var frames: [Int?]
    var guardPages: Int
    /// The virtual page holding the address asked about.
    var focusPage: Int?
    /// The physical window: [lo, hi) in frames, drawn `pagesPerCell` frames a cell.
    var physLo: Int
    var physHi: Int
    var pagesPerCell: Int
    var physMarks: [PictureMark]
    var physFocus: [Bool]
    var runs: Int
    var pageTables: [KernelPageTableSpan]
    var pageOrder: Int
    static let physCells = 192

    static func build(_ addr: UInt64, kernel k: Kernel) -> VmallocPicture? {
        guard let i = k.vmalloc.index(containing: addr) else { return nil }
        let a = k.vmalloc.areas[i]
        let frames: [Int?] = a.pages.map { $0 < 0 ? nil : Int($0) }
        let ps = UInt64(k.pageSize)
        let focus = addr >= a.start ? Int((addr - a.start) / ps) : nil
        let backing = frames.compactMap { $0 }
        var runs = 0, prev = -2
        for f in frames { if let f { if f != prev + 1 { runs += 1 }; prev = f } else { prev = -2 } }
        let lo = backing.min() ?? 0, hi = (backing.max() ?? -1) + 1
        let per = MemmapPicture.powerOfTwo(atLeast: max(1, (hi - lo + physCells - 1) / physCells))
        let base = lo / per * per
        let mine = Set(backing)
        let focusFrame = focus.flatMap { $0 < frames.count ? frames[$0] : nil }
        var marks: [PictureMark] = [], lit: [Bool] = []
        var p = base
        while p < hi {
            let range = p..<min(p + per, hi)
            if range.contains(where: { mine.contains($0) }) {
                marks.append(.mapped)
            } else {
                // What else lives there, as memmap draws it (free or in use by someone else).
                let f = k.frames[p]
                marks.append(f.state == .buddy || f.state == .pcp ? .otherFree : f.state == .absent ? .hole : .otherUsed)
            }
            lit.append(focusFrame.map { range.contains($0) } ?? false)
            p += per
        }
        return VmallocPicture(start: a.start, size: a.size, purpose: VmallocView.purpose(a.purpose), caller: a.caller, frames: frames,
                              guardPages: a.guardPages, focusPage: focus, physLo: base, physHi: hi, pagesPerCell: per,
                              physMarks: marks, physFocus: lit, runs: runs,
                              pageTables: k.kernelPageTables(mapping: a.start, a.start + UInt64(a.pages.count) * ps), pageOrder: a.pageOrder)
    }

    func picture(language l: LessonLanguage) -> Picture {
        let end = start + UInt64(size)
        var p = Picture(title: Message(en: "vmalloc area \(Format.hex(start))-\(Format.hex(end - 1)) and the frames behind it", ko: "vmalloc 영역 \(Format.hex(start))-\(Format.hex(end - 1))과 그 뒤의 프레임").text(l))
        let n = frames.count
        p.facts = [Message(en: "\(purpose), caller \(caller): \(n) page\(n == 1 ? "" : "s") + \(guardPages) guard page", ko: "\(purpose), 호출자 \(caller): \(n)페이지 + 가드 페이지 \(guardPages)개").text(l)]
        if pageOrder > 0 {
            p.facts.append(Message(en: "huge mapping: \(n >> pageOrder) order-\(pageOrder) chunks split into single pages, one PMD entry each (no PTE table)",
                                   ko: "큰 매핑: order-\(pageOrder) 덩어리 \(n >> pageOrder)개를 낱장 페이지로 쪼개고, 덩어리마다 PMD 엔트리 하나로 매핑 (PTE 테이블 없음)").text(l))
        } else if !frames.compactMap({ $0 }).isEmpty {
            p.facts.append(runs <= 1
                ? Message(en: "physically contiguous (by chance: each page was allocated on its own)", ko: "물리적으로 연속 (우연히: 페이지마다 따로 할당됨)").text(l)
                : Message(en: "physically scattered: \(runs) separate runs of frames behind one contiguous virtual range", ko: "물리적으로 흩어짐: 연속된 가상 범위 하나 뒤에 프레임 덩어리 \(runs)개").text(l))
        }
        if !pageTables.isEmpty {
            let list = pageTables.map { "\($0.level == .pte ? "PTE" : "PMD") pfn \(Format.hex($0.pfn))" }.joined(separator: ", ")
            p.facts.append(Message(en: "its entries sit in the page tables \(list) (each allocated the first time an address in its span was mapped, never freed)",
                                   ko: "이 영역의 엔트리는 페이지 테이블 \(list)에 들어 있습니다 (각 테이블은 그 구간의 주소가 처음 매핑될 때 할당되고 해제되지 않습니다)").text(l))
        }
        var virt = PictureBlock(heading: Message(en: "virtual (one cell = one page)", ko: "가상 주소 (한 칸 = 한 페이지)").text(l))
        var cells = frames.enumerated().map { i, f in PictureCell(f == nil ? .unmapped : .mapped, highlight: i == focusPage) }
        cells += (0..<guardPages).map { i in PictureCell(.guardPage, highlight: focusPage == n + i) }
        virt.rows.append(PictureRow(label: Format.hex(start), cells: cells, note: Format.hex(end)))
        p.blocks.append(virt)
        if physHi > physLo {
            var phys = PictureBlock(heading: Message(en: "physical pfn \(Format.hex(physLo))-\(Format.hex(physHi - 1)); ", ko: "물리 pfn \(Format.hex(physLo))-\(Format.hex(physHi - 1)); ").text(l)
                                    + Message.picturePagesPerCell(pagesPerCell).text(l))
            var i = 0
            let perRow = 64
            while i < physMarks.count {
                let j = min(i + perRow, physMarks.count)
                phys.rows.append(PictureRow(label: Format.hex(physLo + i * pagesPerCell),
                                            cells: (i..<j).map { PictureCell(physMarks[$0], highlight: physFocus[$0]) }))
                i = j
            }
            var map = PictureBlock(heading: Message(en: "page table: virtual page → pfn", ko: "페이지 테이블: 가상 페이지 → pfn").text(l))
            let pairs = frames.enumerated().map { i, f in "\(i)→" + (f.map { Format.hex($0) } ?? "-") }
            map.rows.append(PictureRow(label: "", cells: [], note: pairs.prefix(32).joined(separator: " ") + (pairs.count > 32 ? " …" : "")))
            p.blocks.append(phys)
            p.blocks.append(map)
        }
        return p
    }
}

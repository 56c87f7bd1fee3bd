import KernelMM

/// `buddy ZONE` as a picture: the zone's free_area[] by order and migrate type, one cell per free block, and a bar
/// of all free pages by the order of the block they sit in (many small digits = fragmented).
struct BuddyPicture: Sendable, Equatable {
    struct List: Sendable, Equatable {
        var migratetype: MigrateType
        /// nr_free of this list, and the first blocks' PFNs in list order (up to `maxCells`).
        var count: Int
        var firstPFNs: [Int]
    }
    struct Order: Sendable, Equatable {
        var order: Int
        var nrFree: Int
        var lists: [List]
    }
    var zone: String
    var pageSize: Int
    var freePages: Int
    var pcpPages: Int
    var orders: [Order]
    static let maxCells = 48
    static let barCells = 64

    static func build(_ z: Zone, kernel k: Kernel) -> BuddyPicture {
        var orders: [Order] = []
        for (o, a) in k.freeArea(zone: z.index).enumerated() {
            var lists: [List] = []
            for mt in MigrateType.allCases where a.count[mt.rawValue] > 0 {
                var pfns: [Int] = []
                var p = a.head[mt.rawValue]
                while p >= 0 && pfns.count < maxCells {
                    pfns.append(Int(p))
                    p = k.frames[Int(p)].next
                }
                lists.append(List(migratetype: mt, count: a.count[mt.rawValue], firstPFNs: pfns))
            }
            orders.append(Order(order: o, nrFree: a.nrFree, lists: lists))
        }
        return BuddyPicture(zone: z.type.procName, pageSize: k.pageSize, freePages: k.nrFreePages(zone: z.index), pcpPages: k.pcpPages(zone: z.index), orders: orders)
    }

    /// Free pages by order, summed from the lists (what the bar divides up).
    var pagesByOrder: [Int] { orders.map { $0.nrFree << $0.order } }

    /// The bar's cells: each order gets cells in proportion to its free pages (largest remainder, so they add up).
    var barMarks: [PictureMark] {
        let pages = pagesByOrder
        let total = pages.reduce(0, +)
        guard total > 0 else { return [] }
        var share = pages.map { $0 * Self.barCells / total }
        var left = Self.barCells - share.reduce(0, +)
        let byRemainder = pages.indices.sorted { (pages[$0] * Self.barCells % total, $1) > (pages[$1] * Self.barCells % total, $0) }
        for i in byRemainder where left > 0 && pages[i] > 0 { share[i] += 1; left -= 1 }
        return share.enumerated().flatMap { o, n in Array(repeating: PictureMark.free(order: o), count: n) }
    }

    func picture(language l: LessonLanguage) -> Picture {
        var p = Picture(title: Message(en: "Free lists of zone \(zone) (free_area[order].free_list[migratetype])", ko: "\(zone) 존의 free list (free_area[order].free_list[migratetype])").text(l))
        p.facts = [Message(en: "\(freePages) free pages in the buddy lists, \(pcpPages) on per-CPU lists", ko: "buddy 리스트에 빈 페이지 \(freePages)개, per-CPU 리스트에 \(pcpPages)개").text(l)]
        let total = pagesByOrder.reduce(0, +)
        var bar = PictureBlock(heading: Message(en: "all free pages by the order of their block (\(Self.barCells) cells = \(Format.pages(total)))", ko: "모든 빈 페이지를 블록의 order별로 (\(Self.barCells)칸 = \(total)페이지)").text(l))
        bar.rows.append(PictureRow(label: "", cells: barMarks.map { PictureCell($0) }))
        p.blocks.append(bar)
        for o in orders {
            let size = Format.bytes(UInt64(pageSize) << UInt64(o.order))
            var b = PictureBlock(heading: Message(en: "order \(o.order) (\(size) blocks): nr_free \(o.nrFree) = \(Format.pages(o.nrFree << o.order))", ko: "order \(o.order) (\(size) 블록): nr_free \(o.nrFree) = \(o.nrFree << o.order)페이지").text(l))
            for list in o.lists {
                let more = list.count - list.firstPFNs.count
                var note = Message(en: "\(list.count) block\(list.count == 1 ? "" : "s"), first at pfn \(Format.hex(list.firstPFNs.first ?? 0))", ko: "블록 \(list.count)개, 첫 블록 pfn \(Format.hex(list.firstPFNs.first ?? 0))").text(l)
                if more > 0 { note += Message(en: " (+\(more) not drawn)", ko: " (+\(more)개는 생략)").text(l) }
                b.rows.append(PictureRow(label: list.migratetype.procName, cells: list.firstPFNs.map { _ in PictureCell(.free(order: o.order)) }, note: note))
            }
            p.blocks.append(b)
        }
        p.scale = Message(en: "one cell per free block; a block of order n holds 2^n pages", ko: "빈 블록 하나가 한 칸; order n 블록은 2^n페이지").text(l)
        return p
    }
}

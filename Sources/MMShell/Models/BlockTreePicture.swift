import KernelMM

/// With `explain on`, the block tree a split (expand()) or a merge (__free_one_page()) walked: one row per order,
/// each row the whole block drawn to scale, the half that was kept (split) or carried up (merge) marked ^.
struct BlockTreePicture: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case split, merge }
    struct Level: Sendable, Equatable {
        var order: Int
        /// The half kept (split) / the block being freed (merge), and its buddy.
        var pfn: Int
        var buddy: Int
    }
    var kind: Kind
    /// The block the walk covers: the one split, or the one the merge ended with.
    var head: Int
    var order: Int
    var levels: [Level]
    /// Cells per row (the block drawn to scale).
    static let cells = 32

    /// The trees in a command's explanation, in the order they happened.
    static func build(_ steps: [ExplainStep]) -> [BlockTreePicture] {
        var trees: [BlockTreePicture] = []
        var current: BlockTreePicture?
        func flush() { if let c = current, !c.levels.isEmpty { trees.append(c) }; current = nil }
        for s in steps {
            switch s {
            case .foundBlock(_, let order, let found, _, let pfn) where found > order:
                flush()
                current = BlockTreePicture(kind: .split, head: pfn, order: found, levels: [])
            case .split(_, let pfn, let order, let buddy):
                if current?.kind != .split { flush(); current = BlockTreePicture(kind: .split, head: pfn, order: order + 1, levels: []) }
                current?.levels.append(Level(order: order, pfn: pfn, buddy: buddy))
            case .merge(let pfn, let buddy, let order, let merged):
                if current?.kind != .merge { flush(); current = BlockTreePicture(kind: .merge, head: merged, order: order + 1, levels: []) }
                current?.levels.append(Level(order: order, pfn: pfn, buddy: buddy))
                current?.head = merged
                current?.order = order + 1
            case .freedTo, .freeToPCP:
                flush()
            default:
                // A split's steps come together; a merge ends where the freed block goes on a list.
                if current?.kind == .split { flush() }
            }
        }
        flush()
        return trees
    }

    /// `explain tree`: every tree of one command in one picture (for the terminal or one SVG), each under its own heading.
    static func combined(_ trees: [BlockTreePicture], language l: LessonLanguage) -> Picture {
        var p = Picture(title: Message(en: "Block trees of the last explained command", ko: "마지막으로 설명한 명령의 블록 트리").text(l))
        for t in trees {
            let one = t.picture(language: l)
            for var b in one.blocks {
                b.heading = one.title + (one.scale.map { " (\($0))" } ?? "")
                p.blocks.append(b)
            }
        }
        return p
    }

    func picture(language l: LessonLanguage) -> Picture {
        let pages = 1 << order
        let perCell = max(1, pages / Self.cells)
        let n = min(Self.cells, pages)
        func cellsOf(_ lo: Int, _ count: Int) -> Range<Int> { ((lo - head) / perCell)..<((lo - head + count + perCell - 1) / perCell) }
        var p = Picture(title: kind == .split
            ? Message(en: "expand(): splitting the order-\(order) block at pfn \(Format.hex(head))", ko: "expand(): pfn \(Format.hex(head))의 order-\(order) 블록 쪼개기").text(l)
            : Message(en: "__free_one_page(): merging up to the order-\(order) block at pfn \(Format.hex(head))", ko: "__free_one_page(): pfn \(Format.hex(head))의 order-\(order) 블록까지 합치기").text(l))
        var b = PictureBlock(heading: "")
        switch kind {
        case .split:
            // Row 0: the whole block; then each level: the kept low half, the buddy given back, earlier buddies stay free.
            var marks = [PictureMark](repeating: .free(order: order), count: n)
            b.rows.append(PictureRow(label: "order \(order)", cells: marks.map { PictureCell($0) },
                                     note: Message(en: "taken off the order-\(order) free list", ko: "order-\(order) free list에서 꺼냄").text(l)))
            for (i, lv) in levels.enumerated() {
                for c in cellsOf(lv.buddy, 1 << lv.order) where c < n { marks[c] = .free(order: lv.order) }
                let kept = cellsOf(lv.pfn, 1 << lv.order)
                let last = i == levels.count - 1
                for c in kept where c < n { marks[c] = last ? .taken : .free(order: lv.order) }
                b.rows.append(PictureRow(label: "order \(lv.order)",
                                         cells: marks.indices.map { PictureCell(marks[$0], highlight: kept.contains($0)) },
                                         note: Message(en: "keep \(Format.hex(lv.pfn)); buddy \(Format.hex(lv.buddy)) → order-\(lv.order) free list", ko: "\(Format.hex(lv.pfn)) 유지; buddy \(Format.hex(lv.buddy)) → order-\(lv.order) free list").text(l)))
            }
        case .merge:
            for lv in levels {
                var marks = [PictureMark](repeating: .restOfBlock, count: n)
                let mine = cellsOf(lv.pfn, 1 << lv.order), theirs = cellsOf(lv.buddy, 1 << lv.order)
                for c in mine where c < n { marks[c] = .free(order: lv.order) }
                for c in theirs where c < n { marks[c] = .free(order: lv.order) }
                b.rows.append(PictureRow(label: "order \(lv.order)", cells: marks.indices.map { PictureCell(marks[$0], highlight: mine.contains($0)) },
                                         note: Message(en: "\(Format.hex(lv.pfn)) + free buddy \(Format.hex(lv.buddy)) → order \(lv.order + 1) at \(Format.hex(min(lv.pfn, lv.buddy)))", ko: "\(Format.hex(lv.pfn)) + 비어 있는 buddy \(Format.hex(lv.buddy)) → \(Format.hex(min(lv.pfn, lv.buddy)))의 order \(lv.order + 1)").text(l)))
            }
            b.rows.append(PictureRow(label: "order \(order)", cells: (0..<n).map { _ in PictureCell(.free(order: order), highlight: true) },
                                     note: Message(en: "goes on the order-\(order) free list", ko: "order-\(order) free list로").text(l)))
        }
        p.blocks.append(b)
        p.scale = Message.picturePagesPerCell(perCell).text(l)
        return p
    }
}

/// What a picture draws, independent of how: the terminal renderer (ASCII or Unicode blocks, colour) and the SVG
/// renderer both read this, so a picture's text and its SVG cannot disagree. Each picture command has its own model
/// (`MemmapPicture`, `BuddyPicture`, …) with typed facts from the kernel; the model lays itself out as a `Picture`.
struct Picture: Sendable, Equatable {
    /// One line naming what is drawn (the SVG's <title> too).
    var title: String
    /// Key numbers, one line each, under the title.
    var facts: [String] = []
    var blocks: [PictureBlock] = []
    /// Said once under the legend, e.g. how many pages a cell holds.
    var scale: String?

    /// Every mark the picture uses, in the legend's fixed order (so the legend only lists what is on screen).
    var marksUsed: [PictureMark] {
        var seen = Set<PictureMark>()
        for b in blocks { for r in b.rows { for c in r.cells { seen.insert(c.mark) } } }
        return PictureMark.allCases.filter { seen.contains($0) }
    }
    var hasHighlight: Bool { blocks.contains { $0.rows.contains { $0.cells.contains(where: \.highlight) } } }
}

/// A group of rows under a heading: a zone, a slab list, a CPU's unit.
struct PictureBlock: Sendable, Equatable {
    var heading: String
    var rows: [PictureRow] = []
}

/// One row: a label on the left, cells, and a note after the cells.
struct PictureRow: Sendable, Equatable {
    var label: String
    var cells: [PictureCell]
    var note: String = ""
}

/// One cell: what it shows, and whether it is the learner's own (drawn with a marker under it / an outline).
struct PictureCell: Sendable, Equatable {
    var mark: PictureMark
    var highlight = false
    init(_ mark: PictureMark, highlight: Bool = false) {
        self.mark = mark
        self.highlight = highlight
    }
}

/// Every kind of cell any picture draws. Each has its own ASCII letter and Unicode glyph (Render/PictureGlyphs),
/// so meaning never rests on colour alone.
enum PictureMark: String, CaseIterable, Sendable, Hashable {
    // Physical memory.
    case free0, free1, free2, free3, free4, free5, free6, free7, free8, free9, free10
    case pcp, pageAlloc, kmallocLarge, slab, vmalloc, kernelStack, pageTable, percpu, reserved, leaked, hole
    // Slab objects.
    case objectBytes, objAllocated, objCached, objFree, objPoisoned, redZone, freePointer, slabColour, slabManagement, slabLeftover
    // Ranges (vmarea, percpu, stacks, vmmap).
    case guardPage, mapped, unmapped, otherFree, otherUsed, staticArea, reservedArea, dynamicUsed, dynamicFree
    case threadInfo, stackUsed, stackFree, irqStack
    case directMap, firmware, vmallocRange, vmemmap, kernelText, modules, fixmap, pkmap, cpuEntry, userSpace, unusedRange
    // Block trees (explain on).
    case taken, restOfBlock
    // Bits.
    case bitSet, bitClear

    /// A free block of `order` (orders above 10 draw as 10).
    static func free(order: Int) -> PictureMark {
        let all: [PictureMark] = [.free0, .free1, .free2, .free3, .free4, .free5, .free6, .free7, .free8, .free9, .free10]
        return all[max(0, min(order, all.count - 1))]
    }
    var freeOrder: Int? {
        let all: [PictureMark] = [.free0, .free1, .free2, .free3, .free4, .free5, .free6, .free7, .free8, .free9, .free10]
        return all.firstIndex(of: self)
    }
}

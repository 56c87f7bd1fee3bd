/// How each mark is drawn: an ASCII letter (for `--ascii`, TERM=dumb, NO_COLOR, pipes), a Unicode glyph (colour
/// terminals), a terminal colour and an SVG fill. Letters and glyphs differ within every picture (a test checks),
/// so a picture reads right in black and white.
struct PictureGlyph: Sendable {
    var ascii: Character
    var unicode: Character
    var color: Style.Color
    var fill: String
}

extension PictureMark {
    var glyph: PictureGlyph {
        switch self {
        case .free0, .free1, .free2, .free3, .free4, .free5, .free6, .free7, .free8, .free9, .free10:
            let o = freeOrder ?? 0
            let digit: Character = o < 10 ? Character(String(o)) : "a"
            // Lighter green for small blocks, darker for big ones: the eye finds the big free blocks first.
            let greens = ["#e5f5e0", "#d3eecd", "#c0e6ba", "#a7dba0", "#8ace88", "#6bc072", "#4bb062", "#329b51", "#238b45", "#137a3a", "#006d2c"]
            return PictureGlyph(ascii: digit, unicode: digit, color: o >= 5 ? .green : .brightGreen, fill: greens[o])
        case .pcp: return PictureGlyph(ascii: "c", unicode: "◦", color: .cyan, fill: "#9ecae1")
        case .pageAlloc: return PictureGlyph(ascii: "#", unicode: "█", color: .yellow, fill: "#f0b429")
        case .kmallocLarge: return PictureGlyph(ascii: "k", unicode: "▇", color: .brightYellow, fill: "#fdd835")
        case .slab: return PictureGlyph(ascii: "S", unicode: "▓", color: .blue, fill: "#4a7fd4")
        case .vmalloc: return PictureGlyph(ascii: "V", unicode: "▒", color: .magenta, fill: "#b564c9")
        case .kernelStack: return PictureGlyph(ascii: "K", unicode: "▚", color: .red, fill: "#e0524d")
        case .percpu: return PictureGlyph(ascii: "P", unicode: "▞", color: .brightCyan, fill: "#26a69a")
        case .pageTable: return PictureGlyph(ascii: "t", unicode: "▦", color: .brightBlue, fill: "#3949ab")
        case .reserved: return PictureGlyph(ascii: "R", unicode: "▪", color: .gray, fill: "#8a8a8a")
        case .leaked: return PictureGlyph(ascii: "L", unicode: "✗", color: .brightRed, fill: "#ff1744")
        case .hole: return PictureGlyph(ascii: "_", unicode: "┄", color: .gray, fill: "#ffffff")
        case .objAllocated: return PictureGlyph(ascii: "#", unicode: "█", color: .yellow, fill: "#f0b429")
        case .objectBytes: return PictureGlyph(ascii: "O", unicode: "▓", color: .yellow, fill: "#ffe082")
        case .objCached: return PictureGlyph(ascii: "c", unicode: "◦", color: .cyan, fill: "#9ecae1")
        case .objFree: return PictureGlyph(ascii: ".", unicode: "·", color: .green, fill: "#c7e9c0")
        case .objPoisoned: return PictureGlyph(ascii: "p", unicode: "░", color: .magenta, fill: "#e1bee7")
        case .redZone: return PictureGlyph(ascii: "z", unicode: "▌", color: .red, fill: "#e0524d")
        case .freePointer: return PictureGlyph(ascii: "f", unicode: "▸", color: .cyan, fill: "#4fc3f7")
        case .slabColour: return PictureGlyph(ascii: "o", unicode: "╍", color: .gray, fill: "#d7ccc8")
        case .slabManagement: return PictureGlyph(ascii: "m", unicode: "▤", color: .blue, fill: "#90a4ae")
        case .slabLeftover: return PictureGlyph(ascii: "-", unicode: "╌", color: .gray, fill: "#eeeeee")
        case .guardPage: return PictureGlyph(ascii: "G", unicode: "╳", color: .red, fill: "#ffcdd2")
        case .mapped: return PictureGlyph(ascii: "M", unicode: "█", color: .magenta, fill: "#b564c9")
        case .unmapped: return PictureGlyph(ascii: "u", unicode: "·", color: .gray, fill: "#f5f5f5")
        case .otherFree: return PictureGlyph(ascii: ".", unicode: "·", color: .green, fill: "#e8f5e9")
        case .otherUsed: return PictureGlyph(ascii: "-", unicode: "░", color: .gray, fill: "#d0d0d0")
        case .staticArea: return PictureGlyph(ascii: "s", unicode: "▓", color: .blue, fill: "#4a7fd4")
        case .reservedArea: return PictureGlyph(ascii: "r", unicode: "▒", color: .cyan, fill: "#80cbc4")
        case .dynamicUsed: return PictureGlyph(ascii: "D", unicode: "█", color: .yellow, fill: "#f0b429")
        case .dynamicFree: return PictureGlyph(ascii: "d", unicode: "·", color: .green, fill: "#c7e9c0")
        case .threadInfo: return PictureGlyph(ascii: "T", unicode: "▣", color: .cyan, fill: "#4fc3f7")
        case .stackUsed: return PictureGlyph(ascii: "U", unicode: "█", color: .red, fill: "#e0524d")
        case .stackFree: return PictureGlyph(ascii: "e", unicode: "░", color: .green, fill: "#c7e9c0")
        case .irqStack: return PictureGlyph(ascii: "I", unicode: "▚", color: .magenta, fill: "#b564c9")
        case .directMap: return PictureGlyph(ascii: "D", unicode: "█", color: .green, fill: "#66bb6a")
        case .firmware: return PictureGlyph(ascii: "P", unicode: "▪", color: .gray, fill: "#8a8a8a")
        case .vmallocRange: return PictureGlyph(ascii: "V", unicode: "▒", color: .magenta, fill: "#b564c9")
        case .vmemmap: return PictureGlyph(ascii: "M", unicode: "▓", color: .blue, fill: "#4a7fd4")
        case .kernelText: return PictureGlyph(ascii: "T", unicode: "▇", color: .yellow, fill: "#f0b429")
        case .modules: return PictureGlyph(ascii: "m", unicode: "▚", color: .brightYellow, fill: "#fdd835")
        case .fixmap: return PictureGlyph(ascii: "F", unicode: "▪", color: .red, fill: "#e0524d")
        case .pkmap: return PictureGlyph(ascii: "H", unicode: "▞", color: .cyan, fill: "#26a69a")
        case .cpuEntry: return PictureGlyph(ascii: "C", unicode: "▤", color: .brightCyan, fill: "#80deea")
        case .userSpace: return PictureGlyph(ascii: "U", unicode: "░", color: .gray, fill: "#cfd8dc")
        case .unusedRange: return PictureGlyph(ascii: ".", unicode: "·", color: .gray, fill: "#fafafa")
        case .taken: return PictureGlyph(ascii: "#", unicode: "█", color: .yellow, fill: "#f0b429")
        case .restOfBlock: return PictureGlyph(ascii: ".", unicode: "·", color: .gray, fill: "#fafafa")
        case .bitSet: return PictureGlyph(ascii: "1", unicode: "1", color: .brightRed, fill: "#ef9a9a")
        case .bitClear: return PictureGlyph(ascii: "0", unicode: "0", color: .gray, fill: "#eeeeee")
        }
    }
}

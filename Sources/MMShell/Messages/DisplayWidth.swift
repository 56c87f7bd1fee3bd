/// Terminal column widths, so tables that hold Hangul line up: East Asian wide and fullwidth characters take two
/// columns, combining marks and zero-width characters none, ANSI colour sequences none.
public enum DisplayWidth {
    /// Columns `s` takes on a terminal.
    public static func of(_ s: String) -> Int {
        var width = 0
        var inEscape = false
        for u in s.unicodeScalars {
            if inEscape {
                // CSI sequences (ESC [ … final byte 0x40–0x7E) are what Style emits.
                if u.value >= 0x40 && u.value <= 0x7E && u != "[" { inEscape = false }
                continue
            }
            if u == "\u{1B}" { inEscape = true; continue }
            width += of(u)
        }
        return width
    }

    /// Columns one scalar takes (0, 1 or 2).
    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }   // Hangul medial vowels and final consonants (conjoining jamo)
        return isWide(v) ? 2 : 1
    }

    /// East_Asian_Width W or F (Unicode 15 EastAsianWidth.txt, the blocks a terminal draws double).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,           // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
             0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
             0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
             0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
             0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E,           // CJK radicals, punctuation
             0x3041...0x33FF,           // kana, Hangul compatibility jamo, CJK compatibility
             0x3400...0x4DBF,           // CJK extension A
             0x4E00...0x9FFF,           // CJK unified ideographs
             0xA000...0xA4CF,           // Yi
             0xA960...0xA97F,           // Hangul Jamo extended-A
             0xAC00...0xD7A3,           // Hangul syllables
             0xF900...0xFAFF,           // CJK compatibility ideographs
             0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,   // fullwidth forms
             0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Columns this string takes on a terminal (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// Padded with spaces on the right to `width` columns (unchanged when already as wide).
    public func padded(toWidth width: Int) -> String {
        let w = displayWidth
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }

    /// Padded with spaces on the left to `width` columns, for right-aligned cells.
    public func leftPadded(toWidth width: Int) -> String {
        let w = displayWidth
        return w >= width ? self : String(repeating: " ", count: width - w) + self
    }
}

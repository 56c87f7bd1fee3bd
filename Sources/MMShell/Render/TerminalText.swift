/// Terminal column arithmetic: Hangul and other East Asian wide characters take two columns, so Korean labels
/// align by display width, not by character count.
enum TerminalText {
    static func width(_ s: String) -> Int {
        var w = 0
        var inEscape = false
        for u in s.unicodeScalars {
            let v = u.value
            // ANSI colour sequences (ESC [ … m) take no columns.
            if v == 0x1b { inEscape = true; continue }
            if inEscape { if v == 0x6d { inEscape = false }; continue }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            w += wide ? 2 : 1
        }
        return w
    }

    /// Left-aligned in `columns` display columns.
    static func pad(_ s: String, _ columns: Int) -> String {
        let w = width(s)
        return w >= columns ? s : s + String(repeating: " ", count: columns - w)
    }

    /// Words wrapped to `columns`, each line starting with `indent`.
    static func wrap(_ items: [String], columns: Int, first: String, indent: String, separator: String = "  ") -> [String] {
        var lines: [String] = []
        var line = first
        var empty = true
        for item in items {
            let add = (empty ? "" : separator) + item
            if !empty, width(line) + width(add) > columns {
                lines.append(line)
                line = indent + item
            } else {
                line += add
            }
            empty = false
        }
        lines.append(line)
        return lines
    }
}

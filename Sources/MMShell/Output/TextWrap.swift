/// Text fitted to the terminal when it is shown: lesson files and help are written with long lines or hard-wrapped
/// near 110 columns, and an 80-column terminal would break their words. Widths are display widths (Hangul takes two
/// columns), so Korean wraps as well as English.
public enum TextWrap {
    /// Re-flows `text` to `width` columns. Paragraphs (lines until a blank line) are joined and wrapped at spaces; a
    /// line that starts with spaces, a list marker or a `$`/`kmemsim>` prompt keeps its own line (commands, tables).
    public static func reflow(_ text: String, width: Int) -> String {
        guard width >= 20 else { return text }
        var out: [String] = []
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            out += wrap(paragraph.joined(separator: " "), width: width)
            paragraph = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingWhitespace().isEmpty {
                flush()
                out.append("")
            } else if keepsItsLine(line) {
                flush()
                // An indented line (a command to type, a table row) is never broken; a list item wraps under its text.
                out += line.first == " " || line.first == "\t" ? [line] : wrap(line, width: width, hanging: hangingIndent(line))
            } else {
                paragraph.append(line.trimmingWhitespace())
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    static func keepsItsLine(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if first == " " || first == "\t" { return true }
        return line.hasPrefix("- ") || line.hasPrefix("• ") || line.hasPrefix("· ") || line.hasPrefix("$ ") || line.hasPrefix("kmemsim>")
    }

    /// Continuation lines of an indented or listed line start under its text.
    static func hangingIndent(_ line: String) -> String {
        let lead = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(lead.count)
        for marker in ["- ", "• ", "· "] where rest.hasPrefix(marker) { return String(lead) + String(repeating: " ", count: marker.count) }
        return String(lead)
    }

    /// One logical line wrapped at spaces to `width` columns; a word longer than the width stays whole. Runs of spaces
    /// inside a line are kept (they align columns, as in `help`); at a break they are dropped.
    public static func wrap(_ line: String, width: Int, hanging: String = "") -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let lead = String(line.prefix { $0 == " " })
        // (gap, word) pairs: the spaces before each word.
        var pieces: [(gap: Int, word: Substring)] = []
        var rest = line.dropFirst(lead.count)
        var gap = 0
        while !rest.isEmpty {
            let spaces = rest.prefix { $0 == " " }
            gap += spaces.count
            rest = rest.dropFirst(spaces.count)
            let word = rest.prefix { $0 != " " }
            guard !word.isEmpty else { break }
            pieces.append((gap, word))
            rest = rest.dropFirst(word.count)
            gap = 0
        }
        var lines: [String] = []
        var current = lead
        var currentWidth = DisplayWidth.of(lead)
        let prefixWidth = DisplayWidth.of(hanging)
        var atStart = true
        for (gap, w) in pieces {
            let ww = DisplayWidth.of(String(w))
            if !atStart && currentWidth + gap + ww > width {
                lines.append(current)
                current = hanging + w
                currentWidth = prefixWidth + ww
            } else {
                let g = atStart ? 0 : gap
                current += String(repeating: " ", count: g) + w
                currentWidth += g + ww
            }
            atStart = false
        }
        lines.append(current)
        return lines
    }
}

/// Word wrapping by display width (Messages/DisplayWidth: Hangul takes two columns), for pictures' titles, legends
/// and notes, so nothing a picture prints is wider than the terminal.
enum TerminalText {
    static func width(_ s: String) -> Int { DisplayWidth.of(s) }
    static func pad(_ s: String, _ columns: Int) -> String { s.padded(toWidth: columns) }

    /// Items (legend entries, words) wrapped to `columns`, the first line starting with `first`, the others with
    /// `indent`; an item too long for a line of its own is broken into words, and a word too long into pieces.
    static func wrap(_ items: [String], columns: Int, first: String, indent: String, separator: String = "  ") -> [String] {
        var lines: [String] = []
        var line = first
        var empty = true
        func place(_ item: String, _ sep: String) {
            let add = (empty ? "" : sep) + item
            if width(line) + width(add) <= columns {
                line += add
                empty = false
                return
            }
            if !empty {
                lines.append(line)
                line = indent
                empty = true
                if width(line) + width(item) <= columns { line += item; empty = false; return }
            }
            // Still too long on a line of its own: by words, then by characters.
            let words = item.split(separator: " ").map(String.init)
            if words.count > 1 {
                for w in words { place(w, " ") }
                return
            }
            for ch in item {
                if width(line) + width(String(ch)) > columns, !empty { lines.append(line); line = indent }
                line.append(ch)
                empty = false
            }
        }
        for item in items { place(item, separator) }
        lines.append(line)
        return lines
    }

    /// One line of text wrapped at spaces to `columns`, continuation lines indented.
    static func fit(_ text: String, columns: Int, indent: String = "  ") -> String {
        guard width(text) > columns else { return text }
        let lead = String(text.prefix { $0 == " " })
        return wrap(text.split(separator: " ").map(String.init), columns: columns, first: lead, indent: lead + indent, separator: " ").joined(separator: "\n")
    }
}

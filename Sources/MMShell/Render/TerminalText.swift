/// Word wrapping by display width (Messages/DisplayWidth: Hangul takes two columns), for pictures' legends and notes.
enum TerminalText {
    static func width(_ s: String) -> Int { DisplayWidth.of(s) }
    static func pad(_ s: String, _ columns: Int) -> String { s.padded(toWidth: columns) }

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

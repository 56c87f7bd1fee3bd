/// How a picture is drawn in the terminal, decided once per command from the session and the command's options.
struct PictureTerminalStyle: Sendable, Equatable {
    /// Unicode blocks (else ASCII letters).
    var unicode: Bool
    /// ANSI colour (only with Unicode: the ASCII form is for dumb terminals, pipes and NO_COLOR).
    var color: Bool
    /// Columns to fit.
    var columns: Int
    var language: LessonLanguage
}

/// Draws a `Picture` as terminal text: label, cells, note per row; rows too long for the width wrap; the learner's
/// own cells get a `^` marker line under them (colour is only ever a second channel); the legend lists every symbol
/// on screen.
enum PictureTextRenderer {
    static func render(_ p: Picture, _ s: PictureTerminalStyle) -> String {
        let style = Style(colorEnabled: s.color && s.unicode)
        var out = style.bold(TerminalText.fit(p.title, columns: s.columns)) + "\n"
        for f in p.facts { out += TerminalText.fit(f, columns: s.columns) + "\n" }
        let labelWidth = min(24, p.blocks.flatMap(\.rows).map { TerminalText.width($0.label) }.max() ?? 0)
        let lead = 2 + labelWidth + (labelWidth > 0 ? 1 : 0)
        let room = max(8, s.columns - lead)
        for b in p.blocks {
            if !b.heading.isEmpty { out += TerminalText.fit(b.heading, columns: s.columns) + "\n" }
            for r in b.rows {
                var start = 0
                let cells = r.cells
                repeat {
                    let end = min(cells.count, start + room)
                    let prefix = "  " + (labelWidth > 0 ? TerminalText.pad(start == 0 ? clip(r.label, labelWidth) : "", labelWidth) + " " : "")
                    var line = prefix
                    var marker = ""
                    for c in cells[start..<end] {
                        let g = c.mark.glyph
                        line += style.paint(String(s.unicode ? g.unicode : g.ascii), g.color, bold: c.highlight)
                        marker += c.highlight ? "^" : " "
                    }
                    let last = end == cells.count
                    if last, !r.note.isEmpty {
                        if cells.isEmpty {
                            // A row of words only: wrapped under its label.
                            let words = r.note.split(separator: " ").map(String.init)
                            line = TerminalText.wrap(words, columns: s.columns, first: prefix, indent: String(repeating: " ", count: lead), separator: " ").joined(separator: "\n")
                        } else if TerminalText.width(prefix) + (end - start) + 2 + TerminalText.width(r.note) <= s.columns {
                            line += "  " + r.note
                        } else {
                            let pad = String(repeating: " ", count: lead)
                            let words = r.note.split(separator: " ").map(String.init)
                            line += "\n" + TerminalText.wrap(words, columns: s.columns, first: pad, indent: pad + "  ", separator: " ").joined(separator: "\n")
                        }
                    }
                    out += line + "\n"
                    if marker.contains("^") {
                        out += String(repeating: " ", count: lead) + String(marker.reversed().drop { $0 == " " }.reversed()) + "\n"
                    }
                    start = end
                } while start < cells.count
            }
        }
        out += legend(p, s, style: style).joined(separator: "\n") + "\n"
        return out
    }

    /// A label cut to `columns` (with …) so the cells stay in their column.
    static func clip(_ label: String, _ columns: Int) -> String {
        guard TerminalText.width(label) > columns else { return label }
        var out = ""
        for ch in label {
            if TerminalText.width(out + String(ch)) > columns - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }

    /// The legend's lines: each symbol with its meaning (the free orders as one entry when there are several).
    static func legend(_ p: Picture, _ s: PictureTerminalStyle, style: Style) -> [String] {
        var items: [String] = []
        let used = p.marksUsed
        let free = used.filter { $0.freeOrder != nil }
        if free.count > 1, let lo = free.first, let hi = free.last {
            let a = style.paint(String(lo.glyph.ascii), lo.glyph.color), b = style.paint(String(hi.glyph.ascii), hi.glyph.color)
            items.append("\(a)…\(b) " + Message(en: "free (digit = block order, a = 10)", ko: "빈 페이지 (숫자 = 블록 order, a = 10)").text(s.language))
        }
        for m in used where free.count <= 1 || m.freeOrder == nil {
            let g = m.glyph
            items.append(style.paint(String(s.unicode ? g.unicode : g.ascii), g.color) + " " + Message.pictureLegend(m).text(s.language))
        }
        if p.hasHighlight { items.append(Message.pictureMine.text(s.language)) }
        // Continuation lines start under the first item, however wide the word "Legend:" is in this language.
        let first = Message.pictureLegendWord.text(s.language) + ": "
        var lines = TerminalText.wrap(items, columns: s.columns, first: first, indent: String(repeating: " ", count: TerminalText.width(first)))
        if let scale = p.scale { lines.append(TerminalText.fit(scale, columns: s.columns, indent: "")) }
        return lines
    }
}

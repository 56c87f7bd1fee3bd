/// Draws a `Picture` as one standalone SVG: no scripts, no external fonts (generic `monospace`), no links. Every
/// cell carries its ASCII letter as well as its colour, so a black-and-white print still reads; the learner's own
/// cells are outlined.
enum PictureSVGRenderer {
    static let cellWidth = 12, cellHeight = 16, charWidth = 7, lineHeight = 18, margin = 16
    static let maxCellsPerLine = 64

    static func render(_ p: Picture, language: LessonLanguage) -> String {
        var body = ""
        var y = margin + 16
        body += text(margin, y, p.title, size: 16, weight: "bold")
        y += 8
        for f in p.facts {
            y += lineHeight - 2
            body += text(margin, y, f, size: 12)
        }
        let labelChars = p.blocks.flatMap(\.rows).map { TerminalText.width($0.label) }.max() ?? 0
        let cellsX = margin + 8 + labelChars * charWidth + (labelChars > 0 ? 10 : 0)
        var width = 640
        for b in p.blocks {
            y += 10
            if !b.heading.isEmpty {
                y += lineHeight
                body += text(margin, y, b.heading, size: 13, weight: "bold")
            }
            for r in b.rows {
                var start = 0
                y += 6
                repeat {
                    let end = min(r.cells.count, start + maxCellsPerLine)
                    if start == 0 { body += text(margin + 8, y + cellHeight - 4, r.label, size: 12) }
                    for (i, c) in r.cells[start..<end].enumerated() {
                        let x = cellsX + i * cellWidth
                        let g = c.mark.glyph
                        let stroke = c.highlight ? " stroke=\"#000\" stroke-width=\"2.5\"" : " stroke=\"#fff\" stroke-width=\"0.5\""
                        body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" fill=\"\(g.fill)\"\(stroke)/>"
                        body += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + cellHeight - 4)\" font-size=\"10\" text-anchor=\"middle\" fill=\"\(ink(g.fill))\">\(escape(String(g.ascii)))</text>\n"
                    }
                    let last = end == r.cells.count
                    let noteX = cellsX + (end - start) * cellWidth + 8
                    if last, !r.note.isEmpty {
                        body += text(noteX, y + cellHeight - 4, r.note, size: 11, fill: "#333")
                        width = max(width, noteX + TerminalText.width(r.note) * 7 + margin)
                    }
                    width = max(width, cellsX + (end - start) * cellWidth + margin)
                    y += cellHeight + 2
                    start = end
                } while start < r.cells.count
            }
        }
        // Legend: a swatch with its letter, then the words, two columns.
        y += 28
        body += text(margin, y, PictureStrings.legendWord(language), size: 13, weight: "bold")
        var entries: [(PictureMark?, String)] = p.marksUsed.map { ($0, PictureStrings.legend($0, language)) }
        if p.hasHighlight { entries.append((nil, PictureStrings.mineSVG(language))) }
        let colWidth = max(300, (entries.map { TerminalText.width($0.1) }.max() ?? 0) * 7 + 40)
        for (i, e) in entries.enumerated() {
            let col = i % 2, x = margin + col * colWidth
            if col == 0 { y += lineHeight + 2 }
            if let m = e.0 {
                let g = m.glyph
                body += "<rect x=\"\(x)\" y=\"\(y - 12)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" fill=\"\(g.fill)\" stroke=\"#999\" stroke-width=\"0.5\"/>"
                body += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y)\" font-size=\"10\" text-anchor=\"middle\" fill=\"\(ink(g.fill))\">\(escape(String(g.ascii)))</text>"
            } else {
                body += "<rect x=\"\(x)\" y=\"\(y - 12)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2.5\"/>"
            }
            body += text(x + cellWidth + 8, y, e.1, size: 12) + "\n"
        }
        width = max(width, margin * 2 + colWidth * 2)
        if let scale = p.scale {
            y += lineHeight + 4
            body += text(margin, y, scale, size: 12, fill: "#333")
        }
        let height = y + margin
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="monospace">
        <title>\(escape(p.title))</title>
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#fff"/>
        \(body)</svg>

        """
    }

    /// The letter's colour on a fill: white on dark fills, near-black on light ones (perceived brightness,
    /// 0.299 R + 0.587 G + 0.114 B).
    static func ink(_ fill: String) -> String {
        let hex = Array(fill.dropFirst())
        guard hex.count == 6 else { return "#222" }
        func channel(_ i: Int) -> Int { Int(String(hex[i..<(i + 2)]), radix: 16) ?? 0 }
        let brightness = 299 * channel(0) + 587 * channel(2) + 114 * channel(4)
        return brightness < 140_000 ? "#fff" : "#222"
    }

    static func text(_ x: Int, _ y: Int, _ s: String, size: Int, weight: String? = nil, fill: String = "#000") -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"\(weight.map { " font-weight=\"\($0)\"" } ?? "") fill=\"\(fill)\" xml:space=\"preserve\">\(escape(s))</text>"
    }

    /// XML character escapes (and control characters dropped: XML 1.0 forbids them).
    static func escape(_ s: String) -> String {
        var o = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&apos;"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { continue }
                o.unicodeScalars.append(ch)
            }
        }
        return o
    }
}

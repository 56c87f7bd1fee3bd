/// Pretty JSON text, as saved sessions are written: exact integers, object keys in the order given, one record per
/// line and short arrays on one line, so that a teacher can diff two saves.
extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .array(let a): a.isEmpty
        case .object(let o): o.isEmpty
        default: true
        }
    }

    /// Pretty text: an object or array of scalars that fits `width` stays on one line.
    func text(width: Int = 120) -> String {
        var s = ""
        write(into: &s, indent: 0, width: width)
        s += "\n"
        return s
    }

    /// One line with a space after each comma and colon, as a record reads in a saved file.
    private func compact(into s: inout String) { write(into: &s, comma: ", ", colon: ": ") }

    private func write(into s: inout String, indent: Int, width: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .array(let a) where !a.isEmpty:
            if a.allSatisfy(\.isScalar) {
                var line = ""
                compact(into: &line)
                if line.utf8.count + indent * 2 <= width { s += line; return }
                // A long array of scalars: several per line, so that one change shows as one changed line.
                s += "[\n" + pad
                var col = 0
                for (i, v) in a.enumerated() {
                    var item = ""
                    v.compact(into: &item)
                    if i > 0 {
                        s += ","
                        if col + item.utf8.count + 2 > width - indent * 2 { s += "\n" + pad; col = 0 } else { s += " "; col += 1 }
                    }
                    s += item
                    col += item.utf8.count + 1
                }
                s += "\n" + close + "]"
                return
            }
            s += "[\n"
            for (i, v) in a.enumerated() {
                s += pad
                v.write(into: &s, indent: indent + 1, width: width)
                s += i + 1 < a.count ? ",\n" : "\n"
            }
            s += close + "]"
        case .object(let o) where !o.isEmpty:
            if o.allSatisfy({ $0.1.isScalar }) {
                // A record (a frame run, a watermark set) stays on one line even when long: one line per record
                // is what makes two saves diff well.
                var line = ""
                compact(into: &line)
                if line.utf8.count + indent * 2 <= 2 * width { s += line; return }
            }
            s += "{\n"
            for (i, (k, v)) in o.enumerated() {
                s += pad
                JSONValue.quote(k, into: &s)
                s += ": "
                v.write(into: &s, indent: indent + 1, width: width)
                s += i + 1 < o.count ? ",\n" : "\n"
            }
            s += close + "}"
        default:
            compact(into: &s)
        }
    }
}

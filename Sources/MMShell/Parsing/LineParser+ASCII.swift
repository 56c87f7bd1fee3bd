/// The common line, read as bytes: a script line of printable ASCII (`p = alloc_pages GFP_KERNEL 0`) is split
/// without walking Unicode characters, which was most of the time a script line took. The result is the one the
/// general path gives; anything else (non-ASCII, tabs or control characters, the C call form, every line that is an
/// error) goes to the general path, so no wording can differ.
extension LineParser {
    enum ASCIIParse {
        /// Nothing to run (blank, or only a comment).
        case empty
        case line(ParsedLine)
        /// Not for the fast path: the caller uses the general one.
        case general
    }

    static func parseASCII(_ line: String) -> ASCIIParse {
        line.utf8.withContiguousStorageIfAvailable { parseASCII(bytes: $0) } ?? .general
    }

    private static let space: UInt8 = 0x20, quote: UInt8 = 0x22, hash: UInt8 = 0x23, dollar: UInt8 = 0x24
    private static let openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29, semicolon: UInt8 = 0x3B, equals: UInt8 = 0x3D
    private static let question: UInt8 = 0x3F, underscore: UInt8 = 0x5F, minus: UInt8 = 0x2D
    private static let bar: UInt8 = 0x7C, ampersand: UInt8 = 0x26, tilde: UInt8 = 0x7E

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isASCIIWord(_ c: UInt8) -> Bool { c == underscore || isASCIILetter(c) || (c >= 0x30 && c <= 0x39) }

    private static func parseASCII(bytes b: UnsafeBufferPointer<UInt8>) -> ASCIIParse {
        // Printable ASCII only: then one byte is one Character and the only whitespace is the space.
        for c in b where c < space || c > tilde { return .general }
        // stripComment(): the first '#' outside quotes ends the line.
        var hi = b.count
        var inQuote = false
        for k in 0..<b.count {
            if b[k] == quote { inQuote.toggle() }
            if b[k] == hash && !inQuote { hi = k; break }
        }
        var lo = 0
        func trim() {
            while lo < hi, b[lo] == space { lo += 1 }
            while hi > lo, b[hi - 1] == space { hi -= 1 }
        }
        trim()
        while hi > lo, b[hi - 1] == semicolon {
            hi -= 1
            trim()
        }
        if lo == hi { return .empty }
        func text(_ a: Int, _ z: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[a..<z]), as: UTF8.self) }

        // assignment(in:): `name =` or `$name =`, not `==`.
        var assign: String?
        var n = lo
        if b[n] == dollar { n += 1 }
        let nameStart = n
        while n < hi, isASCIIWord(b[n]) { n += 1 }
        if n > nameStart, b[nameStart] == underscore || isASCIILetter(b[nameStart]) {
            var e = n
            while e < hi, b[e] == space { e += 1 }
            if e < hi, b[e] == equals, e + 1 >= hi || b[e + 1] != equals {
                assign = text(nameStart, n)
                lo = e + 1
                trim()
                if lo == hi { return .general } // "nothing to assign to": the general path words it
            }
        }
        if b[lo] == question {
            lo += 1
            trim()
            return .line(ParsedLine(assignTo: assign, command: "print", arguments: [], rest: text(lo, hi)))
        }
        var i = lo
        while i < hi, isASCIIWord(b[i]) || (i > lo && b[i] == minus) { i += 1 }
        if i == lo { return .general }
        let command = text(lo, i)
        lo = i
        trim()
        let rest = text(lo, hi)
        if expressionCommands.contains(command) {
            return .line(ParsedLine(assignTo: assign, command: command, arguments: rest.isEmpty ? [] : [rest], rest: rest))
        }
        if lo < hi, b[lo] == openParen { return .general }

        // shellWords(): split at top-level spaces, then glue `|`, `&`, `~` and `(` to their neighbours.
        var words: [String] = []
        var glueNext = false
        var depth = 0
        inQuote = false
        var start = lo
        var k = lo
        while k <= hi {
            let atEnd = k == hi
            let c = atEnd ? space : b[k]
            if !atEnd {
                if c == quote { inQuote.toggle() }
                if !inQuote {
                    if c == openParen { depth += 1 }
                    if c == closeParen { depth -= 1 }
                    if depth < 0 { return .general }
                }
            }
            if atEnd || (c == space && depth == 0 && !inQuote) {
                if k > start {
                    let w = text(start, k)
                    let first = b[start], last = b[k - 1]
                    if glueNext || first == bar || first == ampersand, let previous = words.popLast() {
                        words.append(previous + w)
                    } else {
                        words.append(w)
                    }
                    glueNext = last == bar || last == ampersand || (k - start == 1 && first == tilde) || last == openParen
                }
                start = k + 1
            }
            k += 1
        }
        if depth != 0 { return .general }
        return .line(ParsedLine(assignTo: assign, command: command, arguments: words.map(unquote), rest: rest))
    }
}

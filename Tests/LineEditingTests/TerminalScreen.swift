// A minimal terminal model for the pty test: libedit redraws with cursor moves, so what the user
// sees is only recoverable by replaying the output, not by searching the raw bytes.

/// Replays terminal output (text, CR, LF, BS, CSI cursor moves, erase-to-end) into rows of text.
struct TerminalScreen {
    private(set) var rows: [[Character]] = [[]]
    private(set) var row = 0
    private(set) var column = 0

    init(replaying output: String) {
        var scalars = output.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\r": column = 0
            case "\n": moveRow(by: 1)
            case "\u{08}": column = max(0, column - 1)
            case "\u{07}": break
            case "\u{1B}": escape(&scalars)
            default:
                if scalar.value >= 0x20 { put(Character(scalar)) }
            }
        }
    }

    /// The row the cursor is on, without trailing spaces.
    var currentLine: String { text(of: row) }

    /// Every row, without trailing spaces.
    var lines: [String] { rows.indices.map(text(of:)) }

    private func text(of index: Int) -> String {
        var line = String(rows[index])
        while line.last == " " { line.removeLast() }
        return line
    }

    private mutating func moveRow(by delta: Int) {
        row = max(0, row + delta)
        while rows.count <= row { rows.append([]) }
    }

    private mutating func put(_ character: Character) {
        while rows[row].count < column { rows[row].append(" ") }
        if column < rows[row].count {
            rows[row][column] = character
        } else {
            rows[row].append(character)
        }
        column += 1
    }

    private mutating func escape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        guard kind == "[" else { return } // two-character escapes: nothing to replay
        var parameters = ""
        var final: Unicode.Scalar = "@"
        while let next = scalars.next() {
            if (0x40...0x7E).contains(next.value) { final = next; break }
            parameters.unicodeScalars.append(next)
        }
        let count = Int(parameters.filter(\.isNumber)) ?? 1
        switch final {
        case "A": moveRow(by: -count)
        case "B": moveRow(by: count)
        case "C": column += count
        case "D": column = max(0, column - count)
        case "G": column = max(0, count - 1)
        case "K" where parameters.isEmpty || parameters == "0":
            if column < rows[row].count { rows[row].removeSubrange(column...) }
        case "J" where parameters.isEmpty || parameters == "0":
            if column < rows[row].count { rows[row].removeSubrange(column...) }
            rows.removeSubrange((row + 1)...)
        default: break // modes, colours and the like do not move text
        }
    }
}

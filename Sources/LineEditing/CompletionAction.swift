// What Tab does with a Completion, decided without touching libedit so it can be unit tested.

/// The edit (or listing) a Tab press turns into.
enum CompletionAction: Equatable {
    /// Nothing matches: ring the bell.
    case beep
    /// Delete `deleteScalars` Unicode scalars before the cursor, then insert `insert`.
    /// Scalars, because libedit's el_deletestr counts wide characters (one per scalar on Linux).
    case replace(deleteScalars: Int, insert: String)
    /// Show these candidates below the line and redraw it.
    case list([String])

    static func decide(lineBeforeCursor: String, completion: Completion) -> CompletionAction {
        let candidates = completion.candidates
        guard let first = candidates.first else { return .beep }
        // The completer is another module's code: clamp rather than trust its count.
        let count = min(max(completion.replaceCount, 0), lineBeforeCursor.count)
        let word = lineBeforeCursor.suffix(count)
        let deleteScalars = word.unicodeScalars.count
        if candidates.count == 1 {
            return .replace(deleteScalars: deleteScalars, insert: first + " ")
        }
        let prefix = longestCommonPrefix(candidates)
        // Insert the common prefix only when it extends the word; otherwise (including a second
        // Tab after the prefix was inserted) the user needs to see the choices.
        if prefix.count > word.count {
            return .replace(deleteScalars: deleteScalars, insert: prefix)
        }
        return .list(candidates)
    }
}

/// The longest string every element starts with, compared by Character.
func longestCommonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Substring($0) }) else { return "" }
    for string in strings.dropFirst() {
        var common = prefix.startIndex
        var other = string.startIndex
        while common < prefix.endIndex, other < string.endIndex, prefix[common] == string[other] {
            common = prefix.index(after: common)
            other = string.index(after: other)
        }
        prefix = prefix[prefix.startIndex..<common]
    }
    return String(prefix)
}

/// Lays `items` out in columns, filled top to bottom like ls, within `width` characters.
/// Each returned line has no trailing spaces.
func formatColumns(_ items: [String], width: Int) -> [String] {
    guard !items.isEmpty else { return [] }
    let cellWidth = (items.map(\.count).max() ?? 0) + 2
    let columns = max(1, width / cellWidth)
    let rows = (items.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
        var line = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < items.count else { break }
            let item = items[index]
            line += item
            if (column + 1) * rows + row < items.count {
                line += String(repeating: " ", count: cellWidth - item.count)
            }
        }
        lines.append(line)
    }
    return lines
}

/// Splits a goal query at its top-level `and` / `&&` (outside parentheses, brackets and quotes), so that `check` can
/// name the part of a task that is not done yet. A goal with a top-level `or` stays whole.
enum GoalSplitter {
    static func conjuncts(_ query: String) -> [String] {
        let chars = Array(query)
        var parts: [String] = []
        var depth = 0
        var quote: Character?
        var start = 0
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "$" || c == "." }
        func word(_ w: String, at i: Int) -> Bool {
            let n = w.count
            guard i + n <= chars.count, String(chars[i..<(i + n)]) == w else { return false }
            let before = i == 0 || !isWordChar(chars[i - 1])
            let after = i + n == chars.count || !isWordChar(chars[i + n])
            return before && after
        }
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            default:
                guard depth == 0 else { break }
                if word("or", at: i) || (c == "|" && i + 1 < chars.count && chars[i + 1] == "|") { return [query] }
                let andLength = word("and", at: i) ? 3 : (c == "&" && i + 1 < chars.count && chars[i + 1] == "&") ? 2 : 0
                if andLength > 0 {
                    parts.append(String(chars[start..<i]).trimmingWhitespace())
                    i += andLength
                    start = i
                    continue
                }
            }
            i += 1
        }
        parts.append(String(chars[start...]).trimmingWhitespace())
        let kept = parts.filter { !$0.isEmpty }
        return kept.count == parts.count && !kept.isEmpty ? kept : [query]
    }
}

/// A cheap scan of YAML text before it is handed to Yams, whose parser recurses once per nesting level: ~5,000
/// `[` in a 10 KB file overflowed the stack. Counts flow brackets (`[` `{`, outside quotes and comments) and block
/// nesting (indentation plus leading `- ` on a line); more than `Limits.yamlNesting` levels is refused.
enum YAMLDepth {
    /// The line (from 1) where the nesting first passes the limit, or nil when the text is within it.
    static func tooDeep(_ text: String) -> Int? {
        var flow = 0, line = 1
        var quote: UInt8? = nil
        var atLineStart = true, indent = 0, dashes = 0
        var previous: UInt8 = 0x0A
        for b in text.utf8 {
            if b == 0x0A {
                line += 1
                atLineStart = true; indent = 0; dashes = 0
                if quote == 0x27 { quote = nil } // a stray apostrophe in prose does not open a string for good
                previous = b
                continue
            }
            if atLineStart {
                if b == 0x20 { indent += 1; if indent > Limits.yamlNesting * 4 { return line }; previous = b; continue }
                if b == 0x2D || b == 0x3F { // '-' or '?' then a space: one more block level
                    dashes += 1
                    if dashes > Limits.yamlNesting { return line }
                    previous = b
                    continue
                }
                atLineStart = false
            }
            if let q = quote {
                if b == q { quote = nil }
            } else {
                switch b {
                // A double quote always opens a string; an apostrophe only where a scalar starts (after a space, `[`,
                // `{`, `,`, `:` or a line break), so that `don't` in prose is text.
                case 0x22,
                     0x27 where previous == 0x20 || previous == 0x5B || previous == 0x7B || previous == 0x2C || previous == 0x3A || previous == 0x0A:
                    quote = b
                case 0x5B, 0x7B:
                    flow += 1
                    if flow > Limits.yamlNesting { return line }
                case 0x5D, 0x7D:
                    flow = max(0, flow - 1)
                default: break
                }
            }
            previous = b
        }
        return nil
    }
}

/// Lesson text as it is shown: `{{QUERY}}` is replaced by the query's value on the learner's machine when the text
/// is shown ("Your block starts at PFN {{hex($p.pfn)}}" → "… PFN 0x400"), so no text reads like an unfilled template.
extension LessonEngine {
    static func interpolate(_ text: String, _ s: ShellSession) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let query = String(after[..<close.lowerBound]).trimmingWhitespace()
            // A value the learner has not made yet ($p before the task) shows as "?" rather than an error.
            if let v = try? evaluate(query, s) { out += v.rendered } else { out += "?" }
            rest = after[close.upperBound...]
        }
        out += rest
        return out
    }

    /// A lesson text as the learner sees it: values filled in, fitted to the terminal's width.
    static func display(_ text: String, _ s: ShellSession) -> String {
        let t = interpolate(text, s)
        guard let w = s.settings.width else { return t }
        return TextWrap.reflow(t, width: w)
    }

    /// The `{{QUERY}}` parts of a text (for `lesson check`).
    static func interpolatedQueries(_ text: String) -> [String] {
        var qs: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            qs.append(String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace())
            rest = rest[close.upperBound...]
        }
        return qs
    }
}

/// Compares a learner's answer with the value of a step's query, by answer kind. The right answer is always a
/// value computed from the state, never a string in the lesson file.
enum AnswerMatcher {
    /// A learner's answer read for comparison, or nil when it cannot be read as that kind.
    static func normalize(_ raw: String, _ kind: AnswerKind) -> [String]? {
        var s = raw.trimmingWhitespace()
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'")) {
            s = String(s.dropFirst().dropLast())
        }
        switch kind {
        case .number, .hex:
            return number(s).map { [$0] }
        case .name:
            let n = name(s)
            return n.isEmpty ? nil : [n]
        case .yesNo:
            switch s.lowercased() {
            case "yes", "y", "true", "예", "네", "응": return ["true"]
            case "no", "n", "false", "아니요", "아니오", "아니": return ["false"]
            default: return nil
            }
        case .list:
            var t = s
            if t.hasPrefix("["), t.hasSuffix("]") { t = String(t.dropFirst().dropLast()) }
            let items = t.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init).filter { !$0.isEmpty }
            return items.map { number($0) ?? name($0.trimmingCharacters(in: "\"'")) }.sorted()
        }
    }

    /// The query's value in the same normal form, or nil when it does not fit the kind (a lesson bug).
    static func expected(_ v: QueryValue, _ kind: AnswerKind) -> [String]? {
        switch (kind, v) {
        case (.number, .int(let n)), (.hex, .int(let n)): return [String(n)]
        case (.number, .address(let a)), (.hex, .address(let a)): return [String(a)]
        case (.name, .string(let s)): return [name(s)]
        case (.name, .bool(let b)): return [b ? "true" : "false"]
        case (.yesNo, .bool(let b)): return [b ? "true" : "false"]
        case (.list, .list(let items)):
            var out: [String] = []
            for i in items {
                switch i {
                case .int(let n): out.append(String(n))
                case .address(let a): out.append(String(a))
                case .string(let s): out.append(name(s))
                case .object(let o): out.append(name(o.display))
                default: return nil
                }
            }
            return out.sorted()
        default: return nil
        }
    }

    static func number(_ s: String) -> String? {
        let t = s.lowercased().replacingPrefix("pfn:").replacingPrefix("order-").replacingPrefix("order ")
        if let n = NumberParser.integer(t) { return String(n) }
        if let u = NumberParser.unsigned(t) { return String(u) }
        if let z = NumberParser.size(t) { return String(z) }
        return nil
    }

    /// Names compare without case, spaces or the C prefixes people add: ZONE_NORMAL = Normal, MIGRATE_MOVABLE = Movable.
    static func name(_ s: String) -> String {
        var n = s.lowercased().filter { !$0.isWhitespace }
        for p in ["zone_", "migrate_", "__gfp_", "pg_"] where n.hasPrefix(p) { n = String(n.dropFirst(p.count)) }
        return n
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// A JSON value with deterministic output (object keys keep insertion order), for `--json`.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A whole number above Int.max (kernel addresses in a saved session).
    case uint(UInt64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered == b.rendered }

    /// Compact one-line JSON.
    public var rendered: String {
        var s = ""
        write(into: &s)
        return s
    }

    func write(into s: inout String, comma: String = ",", colon: String = ":") {
        switch self {
        case .null: s += "null"
        case .bool(let b): s += b ? "true" : "false"
        case .int(let i): s += String(i)
        case .uint(let u): s += String(u)
        case .string(let t): JSONValue.quote(t, into: &s)
        case .array(let a):
            s += "["
            for (i, v) in a.enumerated() {
                if i > 0 { s += comma }
                v.write(into: &s, comma: comma, colon: colon)
            }
            s += "]"
        case .object(let o):
            s += "{"
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { s += comma }
                JSONValue.quote(k, into: &s)
                s += colon
                v.write(into: &s, comma: comma, colon: colon)
            }
            s += "}"
        }
    }

    static func quote(_ t: String, into s: inout String) {
        s += "\""
        for u in t.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if u.value < 0x20 {
                    s += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        s += "\""
    }

    public static func hex(_ v: UInt64) -> JSONValue { .string("0x" + String(v, radix: 16)) }
}

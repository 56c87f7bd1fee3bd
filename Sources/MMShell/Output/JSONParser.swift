/// What is wrong with a JSON text (a saved session), with where (line and column, from 1).
struct JSONSyntaxError: Error, Equatable {
    enum Problem: Equatable {
        case empty
        case unexpectedEnd
        case unexpected(Character)
        case badNumber
        case badEscape
        case tooDeep(limit: Int)
        case trailing
    }
    var problem: Problem
    var line: Int
    var column: Int
}

/// A strict JSON reader (saved sessions, tests reading `--json`): whole numbers only, nesting bounded (no input can exhaust the stack).
struct JSONParser {
    static let maxDepth = 64
    private let bytes: [UInt8]
    private var i = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(text)
        p.skipSpace()
        guard p.i < p.bytes.count else { throw p.error(.empty) }
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw p.error(.trailing) }
        return v
    }

    private func error(_ p: JSONSyntaxError.Problem) -> JSONSyntaxError {
        var line = 1, col = 1
        for b in bytes[0..<min(i, bytes.count)] {
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }
        return JSONSyntaxError(problem: p, line: line, column: col)
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func unexpected() -> JSONSyntaxError {
        guard i < bytes.count else { return error(.unexpectedEnd) }
        let end = min(bytes.count, i + 4)
        let ch = String(decoding: bytes[i..<end], as: UTF8.self).first ?? "?"
        return error(.unexpected(ch))
    }

    private mutating func expect(_ word: String) throws(JSONSyntaxError) {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw unexpected() }
            i += 1
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error(.tooDeep(limit: Self.maxDepth)) }
        guard i < bytes.count else { throw error(.unexpectedEnd) }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var out: [(String, JSONValue)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw unexpected() }
                let k = try string()
                skipSpace()
                try expect(":")
                skipSpace()
                out.append((k, try value(depth: depth + 1)))
                skipSpace()
                guard i < bytes.count else { throw error(.unexpectedEnd) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
                throw unexpected()
            }
        case UInt8(ascii: "["):
            i += 1
            var out: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
            while true {
                skipSpace()
                out.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error(.unexpectedEnd) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
                throw unexpected()
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw unexpected()
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digits = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        guard i > digits, i - digits <= 20 else { throw error(.badNumber) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            throw error(.badNumber)
        }
        let t = String(decoding: bytes[start..<i], as: UTF8.self)
        if let v = Int(t) { return .int(v) }
        if let v = UInt64(t) { return .uint(v) }
        throw error(.badNumber)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
            throw error(.badEscape)
        }
        i += 4
        return v
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error(.unexpectedEnd) }
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw error(.unexpectedEnd) }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var v = try hex4()
                    if v >= 0xD800, v < 0xDC00 {
                        try expect("\\u")
                        let lo = try hex4()
                        guard lo >= 0xDC00, lo < 0xE000 else { throw error(.badEscape) }
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(v) else { throw error(.badEscape) }
                    out += Array(String(Character(u)).utf8)
                default: throw error(.badEscape)
                }
            default:
                if b < 0x20 { i -= 1; throw unexpected() }
                out.append(b)
            }
        }
    }
}

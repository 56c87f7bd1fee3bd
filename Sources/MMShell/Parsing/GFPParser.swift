import KernelMM

/// Reads gfp mask expressions: names, hex or decimal numbers, `$var`, `|`, `&`, `~` and parentheses,
/// e.g. `GFP_KERNEL|__GFP_ZERO`, `GFP_KERNEL & ~__GFP_RECLAIM`, `0xcc0`.
public enum GFPParser {
    public static func parse(_ text: String, variables: [String: ShellValue] = [:]) throws(CommandError) -> GFPFlags {
        if let flags = namesOnly(text) { return flags }
        var p = Parser(chars: Array(text.filter { !$0.isWhitespace }), text: text, variables: variables)
        guard !p.chars.isEmpty else { throw .badGFPExpression(text, detail: .gfpEmptyMask) }
        let v = try p.orExpr()
        guard p.i == p.chars.count else { throw .badGFPExpression(text, detail: .gfpUnexpected(p.chars[p.i], column: p.i + 1)) }
        guard v & ~GFPFlags.validBits.rawValue == 0 else {
            throw .badGFPExpression(text, detail: .gfpBitsAboveShift)
        }
        return GFPFlags(rawValue: v)
    }

    /// `GFPNames.lookup(name)?.flags` as a byte-hashed table (the first entry of a name wins, as there). The flags
    /// alone: a whole `GFPName` out of the table was a String retained and released per mask.
    static let names = WordTable(GFPNames.all.map { ($0.name, $0.flags) })

    /// The common mask, `GFP_KERNEL` or `GFP_KERNEL|__GFP_ZERO`: exact names joined by `|`, read as bytes and
    /// looked up by hash. Anything else (spaces, numbers, `~`, unknown names) is left to the general parser.
    static func namesOnly(_ text: String) -> GFPFlags? {
        // One name (`GFP_KERNEL`), the commonest mask of all: one lookup, on the bytes in place.
        // Every name is a word (a letter or `_`, then letters, digits and `_`; GFPFastPathTests checks), so a text
        // the table holds is one: it is looked up as it is, with no look at its characters first.
        let one = text.utf8.withContiguousStorageIfAvailable { b -> GFPFlags? in names.value(bytes: b) }
        if let flags = one ?? nil { return flags.rawValue & ~GFPFlags.validBits.rawValue == 0 ? flags : nil }
        var value: UInt32 = 0
        var ok = true
        for part in text.utf8.split(separator: 0x7C, omittingEmptySubsequences: false) {
            guard let first = part.first, first == 0x5F || LineParser.isASCIILetter(first),
                  part.allSatisfy(LineParser.isASCIIWord),
                  let flags = names[String(decoding: part, as: UTF8.self)] else { ok = false; break }
            value |= flags.rawValue
        }
        guard ok, value & ~GFPFlags.validBits.rawValue == 0 else { return nil }
        return GFPFlags(rawValue: value)
    }

    /// All names a learner can type, for completion and suggestions.
    public static var allNames: [String] { GFPNames.all.map(\.name) }

    struct Parser {
        var chars: [Character]
        let text: String
        let variables: [String: ShellValue]
        var i = 0
        /// Levels of '(' and '~' open: bounded so a hostile mask cannot overflow the stack.
        var nesting = 0

        mutating func nested() throws(CommandError) {
            nesting += 1
            if nesting > Limits.gfpNesting { throw .badGFPExpression(String(text.prefix(40)) + (text.count > 40 ? "…" : ""), detail: .gfpTooDeep) }
        }

        mutating func orExpr() throws(CommandError) -> UInt32 {
            var v = try andExpr()
            while i < chars.count, chars[i] == "|" {
                i += 1
                if i < chars.count, chars[i] == "|" { i += 1 } // tolerate "||"
                v |= try andExpr()
            }
            return v
        }

        mutating func andExpr() throws(CommandError) -> UInt32 {
            var v = try unary()
            while i < chars.count, chars[i] == "&" {
                i += 1
                v &= try unary()
            }
            return v
        }

        mutating func unary() throws(CommandError) -> UInt32 {
            guard i < chars.count else { throw .badGFPExpression(text, detail: .gfpEndsAfterOperator) }
            if chars[i] == "~" {
                i += 1
                try nested()
                defer { nesting -= 1 }
                return ~(try unary()) & GFPFlags.validBits.rawValue
            }
            if chars[i] == "(" {
                i += 1
                try nested()
                defer { nesting -= 1 }
                let v = try orExpr()
                guard i < chars.count, chars[i] == ")" else { throw .unbalanced(text) }
                i += 1
                return v
            }
            if chars[i] == "$" {
                i += 1
                let name = word()
                guard let value = variables[name] else { throw .unknownVariable(name, known: variables.keys.sorted()) }
                guard case .int(let n) = value, n >= 0, n <= Int(UInt32.max) else {
                    throw .wrongValueType(argument: "$\(name)", expected: .expectedGFPMask, got: .gotValue(value))
                }
                return UInt32(n)
            }
            let w = word()
            guard !w.isEmpty else { throw .badGFPExpression(text, detail: .gfpUnexpected(chars[i], column: i + 1)) }
            if let first = w.first, first.isNumber {
                guard let n = NumberParser.integer(w), n >= 0, n <= Int(UInt32.max) else { throw .badNumber(w, what: "gfp mask number") }
                return UInt32(n)
            }
            if let n = GFPNames.lookup(w) { return n.flags.rawValue }
            if let upper = GFPNames.lookup(w.uppercased()) { return upper.flags.rawValue }
            if let r = GFPNames.removed.first(where: { $0.name == w || $0.name == w.uppercased() }) {
                throw .removedGFPFlag(r.name)
            }
            let withPrefix = ["GFP_" + w.uppercased(), "__GFP_" + w.uppercased()].first { GFPNames.lookup($0) != nil }
            throw .unknownGFPFlag(w, suggestion: withPrefix ?? Suggest.closest(w, in: allNames + GFPNames.removed.map(\.name)))
        }

        mutating func word() -> String {
            var w = ""
            while i < chars.count, LineParser.isWordChar(chars[i]) {
                w.append(chars[i])
                i += 1
            }
            return w
        }
    }
}

/// Numbers as kmemsim reads them: decimal, 0x hex, 0b binary, `_` separators, and size suffixes K/M/G (×1024).
public enum NumberParser {
    public static func integer(_ s: String) -> Int? {
        if let v = plainDecimal(s) { return Int(v) }
        return generalInteger(s)
    }

    /// `integer` for any text: `-`, `_` separators, `0x`, `0b`.
    static func generalInteger(_ s: String) -> Int? {
        var t = s.replacingOccurrencesOfUnderscore()
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() }
        let v: Int?
        if t.lowercased().hasPrefix("0x") { v = Int(t.dropFirst(2), radix: 16) }
        else if t.lowercased().hasPrefix("0b") { v = Int(t.dropFirst(2), radix: 2) }
        else { v = Int(t) }
        guard let v else { return nil }
        return negative ? -v : v
    }

    public static func unsigned(_ s: String) -> UInt64? {
        if let v = plainDecimal(s) { return v }
        let t = s.replacingOccurrencesOfUnderscore()
        if t.lowercased().hasPrefix("0x") { return UInt64(t.dropFirst(2), radix: 16) }
        return UInt64(t)
    }

    /// 1 to 18 decimal digits and nothing else (an order, a count, a PFN): read without building a string.
    /// Anything else (signs, `_`, `0x`, longer numbers) takes the general path.
    static func plainDecimal(_ s: String) -> UInt64? {
        // On the bytes in place: walking the String's UTF-8 view took more than the digits themselves.
        s.withUTF8Bytes { plainDecimal(bytes: $0) }
    }

    private static func plainDecimal(bytes b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var v: UInt64 = 0
        for c in b {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v &* 10 &+ UInt64(c &- 0x30)
        }
        return v
    }

    /// A size: `4096`, `0x1000`, `4K`, `4k`, `4KiB`, `2M`, `1G`, `4KB`, `1T`, `1P` (binary units throughout).
    public static func size(_ s: String) -> UInt64? {
        // The common size, plain digits (`kmalloc 64`): without the suffix table's arrays and two copies of the text.
        if let v = plainDecimal(s) { return v }
        var t = s.replacingOccurrencesOfUnderscore()
        var mult: UInt64 = 1
        let lower = t.lowercased()
        for (suffixes, m) in [(["kib", "kb", "k"], UInt64(1) << 10), (["mib", "mb", "m"], 1 << 20), (["gib", "gb", "g"], 1 << 30),
                                 (["tib", "tb", "t"], 1 << 40), (["pib", "pb", "p"], 1 << 50)] {
            if !lower.hasPrefix("0x"), let suf = suffixes.first(where: { lower.hasSuffix($0) }) {
                t = String(t.dropLast(suf.count))
                mult = m
                break
            }
        }
        guard let n = unsigned(t) else { return nil }
        let (r, overflow) = n.multipliedReportingOverflow(by: mult)
        return overflow ? nil : r
    }
}

extension String {
    func replacingOccurrencesOfUnderscore() -> String { String(filter { $0 != "_" }) }
}

/// Small formatting helpers shared by the views: C printf-style padding and hex as the kernel prints it.
enum Format {
    /// "1 page", "8 pages": English counts agree with their noun.
    static func pages(_ n: Int) -> String { n == 1 ? "1 page" : "\(n) pages" }

    /// "%*s": right-aligned in `width` terminal columns (Hangul counts two, see `DisplayWidth`).
    static func right(_ s: String, _ width: Int) -> String { s.leftPadded(toWidth: width) }
    static func right(_ n: Int, _ width: Int) -> String { right(String(n), width) }
    /// "%-*s": left-aligned in `width` terminal columns.
    static func left(_ s: String, _ width: Int) -> String { s.padded(toWidth: width) }
    /// "%#lx".
    static func hex(_ v: UInt64) -> String { hexDigits(v, prefix: "0x", minimum: 1) }
    static func hex(_ v: Int) -> String { v < 0 ? hexDigits(UInt64(v.magnitude), prefix: "-0x", minimum: 1) : hexDigits(UInt64(v), prefix: "0x", minimum: 1) }
    /// "%0*lx".
    static func hex(_ v: UInt64, digits: Int) -> String { hexDigits(v, prefix: "", minimum: digits) }

    /// Lower-case hex digits after `prefix`, zero-padded to `minimum`, written straight into the string's storage:
    /// every result line prints three addresses, and `String(_:radix:)` (generic) cost more than the allocation did.
    private static func hexDigits(_ v: UInt64, prefix: StaticString, minimum: Int) -> String {
        let significant = max(1, (64 - v.leadingZeroBitCount + 3) / 4)
        let digits = max(significant, minimum)
        let p = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: p + digits) { b in
            prefix.withUTF8Buffer { for k in 0..<p { b[k] = $0[k] } }
            var x = v
            for k in stride(from: p + digits - 1, through: p, by: -1) {
                let d = UInt8(truncatingIfNeeded: x & 0xF)
                b[k] = d < 10 ? 0x30 + d : 0x57 + d
                x >>= 4
            }
            return p + digits
        }
    }
    /// Sizes as people read them: 4 KiB, 2 MiB, 1.5 GiB.
    static func bytes(_ n: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = Double(n), u = 0
        while v >= 1024, u < units.count - 1 { v /= 1024; u += 1 }
        if u == 0 { return "\(n) B" }
        let whole = v.rounded(.down) == v
        return whole ? "\(Int(v)) \(units[u])" : "\(Int((v * 10).rounded()) / 10).\(Int((v * 10).rounded()) % 10) \(units[u])"
    }
    /// A size as an argument is typed: `64G`, `4M`, `512K`, else plain bytes.
    static func sizeArgument(_ n: UInt64) -> String {
        for (shift, unit) in [(50, "P"), (40, "T"), (30, "G"), (20, "M"), (10, "K")] where n >= 1 << shift && n % (1 << shift) == 0 {
            return "\(n >> shift)\(unit)"
        }
        return String(n)
    }
    /// The simulated clock as dmesg prints it: "[   12.345678]".
    static func timestamp(_ ns: UInt64) -> String {
        let s = ns / 1_000_000_000, us = (ns / 1000) % 1_000_000
        let frac = String(us)
        return "[" + right(String(s), 5) + "." + String(repeating: "0", count: 6 - frac.count) + frac + "]"
    }
    /// The kernel's %p: a hashed pointer (deterministic here), printed as 16 hex digits on 64-bit, 8 on 32-bit.
    static func hashedPointer(_ p: UInt64, is64Bit: Bool) -> String {
        var x = p ^ 0x9e37_79b9_7f4a_7c15
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        x ^= x >> 31
        return is64Bit ? "00000000" + hex(x & 0xffff_ffff, digits: 8) : hex(x & 0xffff_ffff, digits: 8)
    }
}

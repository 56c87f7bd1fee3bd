import KernelMM

/// `gfp MASK`: a mask decoded — value, %pGg spelling, bits by group, zone, mobility, sleeping, reserves.
enum GFPView {
    static func render(_ gfp: GFPFlags, typed: String, kernel k: Kernel) -> String {
        var lines = ["\(typed) = \(Format.hex(UInt64(gfp.rawValue)))  (%pGg: \(gfp.pGg.isEmpty ? "(none)" : gfp.pGg))"]
        for group in GFPName.Group.allCases where group != .type {
            let bits = GFPNames.all.filter { $0.group == group && $0.flags.rawValue.nonzeroBitCount == 1 && gfp.contains($0.flags) }
            if !bits.isEmpty {
                lines.append("  \(Format.left(group.title + ":", 30)) " + bits.map(\.name).joined(separator: " "))
            }
        }
        let choice = gfp.zone(on: k.arch)
        var zoneLine = "  zone:        gfp_zone() = \(choice.zone.kernelName)"
        if choice.invalidCombination { zoneLine += " — invalid combination (GFP_ZONE_BAD): a CONFIG_DEBUG_VM kernel BUGs" }
        if let c = choice.collapsedFrom { zoneLine += " (asked for \(c.kernelName), which \(k.arch.rawValue) does not have)" }
        lines.append(zoneLine)
        if let hi = k.zoneIndex(of: choice.zone) {
            let list = k.zonelist(highest: hi).map { k.zones[$0].type.procName }
            lines.append("  zonelist:    " + (list.isEmpty ? "(no populated zone)" : list.joined(separator: " → ")))
        }
        lines.append("  mobility:    \(gfp.migratetype.procName) (gfp_migratetype)")
        lines.append("  may sleep:   " + (gfp.allowsBlocking ? "yes (__GFP_DIRECT_RECLAIM): process context only" : "no: safe in atomic and interrupt context"))
        let flags = AllocFlags.slowPath(gfp: gfp, order: 0)
        var reserve: String
        if gfp.contains(.memalloc) && !gfp.contains(.nomemalloc) { reserve = "all of it: __GFP_MEMALLOC ignores watermarks" }
        else if flags.contains(.minReserve) && flags.contains(.nonBlock) { reserve = "down to 37.5% of the min watermark (__GFP_HIGH, cannot sleep)" }
        else if flags.contains(.minReserve) { reserve = "down to 50% of the min watermark (__GFP_HIGH)" }
        else { reserve = "none: stops at the min watermark" }
        lines.append("  reserves:    " + reserve)
        lines.append("  kswapd:      " + (gfp.contains(.kswapdReclaim) ? "woken below the low watermark" : "not woken"))
        var failure: [String] = []
        if gfp.contains(.nofail) { failure.append("never fails (__GFP_NOFAIL)") }
        if gfp.contains(.noretry) { failure.append("one light reclaim attempt (__GFP_NORETRY)") }
        if gfp.contains(.retryMayfail) { failure.append("retries hard, then fails without the OOM killer (__GFP_RETRY_MAYFAIL)") }
        if gfp.contains(.nowarn) { failure.append("no failure report (__GFP_NOWARN)") }
        if !failure.isEmpty { lines.append("  on failure:  " + failure.joined(separator: "; ")) }
        if gfp.contains(.zero) { lines.append("  contents:    zeroed") }
        if gfp.contains(.comp) { lines.append("  compound:    head + tail pages (__GFP_COMP)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ gfp: GFPFlags, kernel k: Kernel) -> JSONValue {
        let choice = gfp.zone(on: k.arch)
        return .object([("value", .hex(UInt64(gfp.rawValue))), ("pGg", .string(gfp.pGg)),
                        ("bits", .array(GFPNames.all.filter { $0.flags.rawValue.nonzeroBitCount == 1 && gfp.contains($0.flags) }.map { .string($0.name) })),
                        ("zone", .string(choice.zone.procName)), ("invalid_zone_combination", .bool(choice.invalidCombination)),
                        ("migratetype", .string(gfp.migratetype.procName)), ("may_sleep", .bool(gfp.allowsBlocking))])
    }

    /// `help gfp`: every flag and type with its value and meaning.
    static func table() -> String {
        var out = ""
        for group in GFPName.Group.allCases {
            out += group.title + ":\n"
            for n in GFPNames.all where n.group == group {
                out += "  " + Format.left(n.name, 22) + " " + Format.left(Format.hex(UInt64(n.flags.rawValue)), 10) + " " + n.summary + "\n"
            }
        }
        out += "removed (older kernels and textbooks):\n"
        for r in GFPNames.removed { out += "  " + Format.left(r.name, 22) + " → " + r.replacement + "\n" }
        return out
    }
}

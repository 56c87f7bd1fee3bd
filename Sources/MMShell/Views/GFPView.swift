import KernelMM

/// `gfp MASK`: a mask decoded — value, %pGg spelling, bits by group, zone, mobility, sleeping, reserves.
enum GFPView {
    static func render(_ gfp: GFPFlags, typed: String, kernel k: Kernel, lang: Language = .en) -> String {
        typealias S = GFPViewStrings
        func t(_ m: Message) -> String { m.text(lang) }
        var lines = ["\(typed) = \(Format.hex(UInt64(gfp.rawValue)))  (%pGg: \(gfp.pGg.isEmpty ? t(S.noName) : gfp.pGg))"]
        for group in GFPName.Group.allCases where group != .type {
            let bits = GFPNames.all.filter { $0.group == group && $0.flags.rawValue.nonzeroBitCount == 1 && gfp.contains($0.flags) }
            if !bits.isEmpty {
                lines.append("  \(Format.left(t(.gfpGroupTitle(group)) + ":", 30)) " + bits.map(\.name).joined(separator: " "))
            }
        }
        let choice = gfp.zone(on: k.arch)
        var zone = "gfp_zone() = \(choice.zone.kernelName)"
        if choice.invalidCombination { zone += t(S.invalidCombination) }
        if let c = choice.collapsedFrom { zone += t(S.collapsed(c.kernelName, arch: k.arch.rawValue)) }
        lines.append(S.row(.zone, zone, lang))
        if let hi = k.zoneIndex(of: choice.zone) {
            let list = k.zonelist(highest: hi).map { k.zones[$0].type.procName }
            lines.append(S.row(.zonelist, list.isEmpty ? t(S.noPopulatedZone) : list.joined(separator: " → "), lang))
        }
        lines.append(S.row(.mobility, "\(gfp.migratetype.procName) (gfp_migratetype)", lang))
        lines.append(S.row(.maySleep, t(gfp.allowsBlocking ? S.sleepsYes : S.sleepsNo), lang))
        let flags = AllocFlags.slowPath(gfp: gfp, order: 0)
        let reserve: Message
        if gfp.contains(.memalloc) && !gfp.contains(.nomemalloc) { reserve = S.reserveAll }
        else if flags.contains(.minReserve) && flags.contains(.nonBlock) { reserve = S.reserveNonBlock }
        else if flags.contains(.minReserve) { reserve = S.reserveHigh }
        else { reserve = S.reserveNone }
        lines.append(S.row(.reserves, t(reserve), lang))
        lines.append(S.row(.kswapd, t(gfp.contains(.kswapdReclaim) ? S.kswapdWoken : S.kswapdNotWoken), lang))
        var failure: [Message] = []
        if gfp.contains(.nofail) { failure.append(S.neverFails) }
        if gfp.contains(.noretry) { failure.append(S.oneLightAttempt) }
        if gfp.contains(.retryMayfail) { failure.append(S.retriesHard) }
        if gfp.contains(.nowarn) { failure.append(S.noReport) }
        if !failure.isEmpty { lines.append(S.row(.onFailure, failure.map(t).joined(separator: "; "), lang)) }
        if gfp.contains(.zero) { lines.append(S.row(.contents, t(S.zeroed), lang)) }
        if gfp.contains(.comp) { lines.append(S.row(.compound, t(S.compoundPages), lang)) }
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
    static func table(lang: Language = .en) -> String {
        var out = ""
        for group in GFPName.Group.allCases {
            out += Message.gfpGroupTitle(group).text(lang) + ":\n"
            for n in GFPNames.all where n.group == group {
                out += "  " + Format.left(n.name, 22) + " " + Format.left(Format.hex(UInt64(n.flags.rawValue)), 10) + " "
                    + (Message.gfpSummary(n.name)?.text(lang) ?? "") + "\n"
            }
        }
        out += Message.gfpRemovedTitle.text(lang) + "\n"
        for r in GFPNames.removed {
            out += "  " + Format.left(r.name, 22) + " → " + (Message.removedGFPReplacement(r.name)?.text(lang) ?? "") + "\n"
        }
        return out
    }
}

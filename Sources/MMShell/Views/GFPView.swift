import KernelMM

/// The renderers of `GFPModel` (`gfp MASK`: value, %pGg spelling, bits by group, zone, mobility, sleeping, reserves),
/// and `help gfp`.
extension GFPModel {
    typealias S = GFPViewStrings

    /// The first line: the mask as typed, its value and its %pGg spelling.
    func header(_ lang: Language) -> String {
        "\(typed) = \(Format.hex(UInt64(value)))  (%pGg: \(pGg.isEmpty ? S.noName.text(lang) : pGg))"
    }

    /// The bits of one group: "  reclaim modifiers:             __GFP_IO __GFP_FS".
    func groupLine(_ g: BitGroup, _ lang: Language) -> String {
        "  \(Format.left(Message.gfpGroupTitle(g.group).text(lang) + ":", 30)) " + g.bits.joined(separator: " ")
    }

    /// One labelled row, or nil when the view leaves it out for this mask.
    func row(_ label: S.Label, _ lang: Language) -> String? {
        func t(_ m: Message) -> String { m.text(lang) }
        let value: String
        switch label {
        case .zone:
            var z = "gfp_zone() = \(zone.zone.kernelName)"
            if zone.invalidCombination { z += t(S.invalidCombination) }
            if let c = zone.collapsedFrom { z += t(S.collapsed(c.kernelName, arch: arch)) }
            value = z
        case .zonelist:
            guard let list = zonelist else { return nil }
            value = list.isEmpty ? t(S.noPopulatedZone) : list.joined(separator: " → ")
        case .mobility: value = "\(migratetype) (gfp_migratetype)"
        case .maySleep: value = t(maySleep ? S.sleepsYes : S.sleepsNo)
        case .reserves:
            switch reserve {
            case .all: value = t(S.reserveAll)
            case .nonBlock: value = t(S.reserveNonBlock)
            case .high: value = t(S.reserveHigh)
            case .none: value = t(S.reserveNone)
            }
        case .kswapd: value = t(wakesKswapd ? S.kswapdWoken : S.kswapdNotWoken)
        case .onFailure:
            guard !failure.isEmpty else { return nil }
            value = failure.map { f in
                switch f {
                case .neverFails: t(S.neverFails)
                case .oneLightAttempt: t(S.oneLightAttempt)
                case .retriesHard: t(S.retriesHard)
                case .noReport: t(S.noReport)
                }
            }.joined(separator: "; ")
        case .contents:
            guard zeroed else { return nil }
            value = t(S.zeroed)
        case .compound:
            guard compound else { return nil }
            value = t(S.compoundPages)
        }
        return S.row(label, value, lang)
    }

    static let rowOrder: [S.Label] = [.zone, .zonelist, .mobility, .maySleep, .reserves, .kswapd, .onFailure, .contents, .compound]

    /// The view's lines: the header, the bits by group, then the rows in the view's order.
    func lines(_ lang: Language) -> [String] {
        [header(lang)] + groups.map { groupLine($0, lang) }
            + Self.rowOrder.compactMap { row($0, lang) }
    }

    func text(_ lang: Language) -> String { lines(lang).joined(separator: "\n") + "\n" }

    var json: JSONValue {
        .object([("value", .hex(UInt64(value))), ("pGg", .string(pGg)), ("bits", .array(bits.map { .string($0) })),
                 ("zone", .string(zone.zone.procName)), ("invalid_zone_combination", .bool(zone.invalidCombination)),
                 ("migratetype", .string(migratetype)), ("may_sleep", .bool(maySleep)),
                 ("zonelist", zonelist.map { .array($0.map { .string($0) }) } ?? .null),
                 ("min_reserve", .bool(minReserve)), ("wakes_kswapd", .bool(wakesKswapd)),
                 ("zeroed", .bool(zeroed)), ("compound", .bool(compound))])
    }
}

enum GFPView {
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

import KernelMM

extension PageBlock {
    /// "order-3 block, zone Normal", "page 2 of the order-3 block at 0x1000, zone Normal": written in place, as every
    /// allocation's result line holds one.
    func write(into b: inout ByteText) {
        func zone(_ z: String?) { b.append(z ?? "no zone") }
        switch self {
        case .allocated(let order, let z, let compoundHead):
            b.append("order-")
            b.appendDecimal(order)
            b.append(" block, zone ")
            zone(z)
            if compoundHead { b.append(", compound head") }
        case .free(let order, let z):
            b.append("free order-")
            b.appendDecimal(order)
            b.append(" block, zone ")
            zone(z)
        case .pcp(let z):
            b.append("on a per-CPU free list, zone ")
            zone(z)
        case .reserved(let z):
            b.append("reserved, zone ")
            zone(z)
        case .absent: b.append("not RAM")
        case .inAllocated(let index, let order, let head, let z):
            b.append("page ")
            b.appendDecimal(index)
            b.append(" of the order-")
            b.appendDecimal(order)
            b.append(" block at ")
            b.appendHex(head)
            b.append(", zone ")
            zone(z)
        case .inFree(let order, let head, let z):
            b.append("inside the free order-")
            b.appendDecimal(order)
            b.append(" block at ")
            b.appendHex(head)
            b.append(", zone ")
            zone(z)
        case .tail(let z):
            b.append("zone ")
            zone(z)
        }
    }

    var summary: String { ByteText.string(capacity: 128) { write(into: &$0) } }

    /// The summary in `lang` (the catalog's words; English is the same bytes as `summary`).
    func summary(_ lang: Language) -> String { lang == .en ? summary : Message.pageBlock(self).ko }
}

/// The renderers of `PageModel` (`page PFN`): dump_page()'s lines in the kernel's English, then kmemsim's own lines
/// in the learner's language (the catalog's words; kernel names stay).
extension PageModel: LocalizedView {
    var text: String { text(.en) }

    func text(_ lang: Language) -> String {
        func say(_ m: Message) -> String { m.text(lang) }
        var lines = dumpLines
        lines.append("")
        lines.append(say(.pageAddressLine(pfn: pfn, phys: phys, zone: zone, structPage: dump.structPageAddress)))
        if let v = virtual { lines.append(say(pkmapEntry.map { .pageVirtualPkmap(v, entry: $0) } ?? .pageVirtual(v))) } else if state != .absent { lines.append(say(.pageNoKernelAddress)) }
        lines.append(say(.pageState(block.summary(lang))) + (owner.map { say(.heldBy($0)) } ?? ""))
        if let mt = migratetype { lines.append(say(.pageMigratetype(mt, pageblock: pageblock ?? "?"))) }
        if zeroed { lines.append(say(.pageZeroed)) }
        if let t = pageTable { lines.append(say(.pageTableUse(pte: t.pte, start: t.start, end: t.end))) }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: JSONValue {
        let d = dump
        var o: [(String, JSONValue)] = [("pfn", .hex(UInt64(pfn))), ("struct_page", .hex(d.structPageAddress)),
                                         ("phys", .hex(phys)), ("refcount", .int(d.refcount)),
                                         ("mapcount", .int(d.mapcount)), ("flags", .hex(d.flags)),
                                         ("flag_names", .array(d.flagNames.map { .string($0) })),
                                         ("state", .string(String(describing: state)))]
        if let t = d.pageType { o.append(("page_type", .hex(UInt64(t)))) }
        if let order = d.order { o.append(("order", .int(order))) }
        if let z = zone { o.append(("zone", .string(z))) }
        if let v = virtual { o.append(("virtual", .hex(v))) }
        if let e = pkmapEntry { o.append(("pkmap_entry", .int(e))) }
        if let owner { o.append(("owner", .string(PageView.ownerText(owner)))) }
        if let mt = migratetype { o += [("migratetype", .string(mt)), ("pageblock", .string(pageblock ?? "?"))] }
        if zeroed { o.append(("zeroed", .bool(true))) }
        if let t = pageTable { o.append(("page_table", .object([("level", .string(t.pte ? "PTE" : "PMD")), ("start", .hex(t.start)), ("end", .hex(t.end))]))) }
        return .object(o)
    }
}

enum PageView {
    /// The page view is in the kernel's English (as dump_page() above it): the catalog's English owner name.
    static func ownerText(_ o: FrameOwner) -> String { Message.ownerName(o).en }
}

import KernelMM

/// The renderers of `ZonesModel` (`zones`) and `FreeAreaModel` (`buddy ZONE`), as text and JSON.
extension ZonesModel: LocalizedView {
    func text(_ lang: Language) -> String {
        var t = Message.zonesMachineLine(arch: arch, memory: Format.bytes(memory), cpus: cpus, pageKiB: pageSize / 1024, maxOrder: maxOrder,
                                         pageblockOrder: pageblockOrder, minFreeKbytes: minFreeKbytes).text(lang) + "\n"
        t += "zone      start_pfn       end_pfn    managed       free   pcp    min    low   high  protection\n"
        for z in zones {
            let span = z.populated ? "\(Format.right(Format.hex(z.startPFN), 10))  \(Format.right(Format.hex(z.endPFN), 12))" : Format.left("(empty)", 24)
            t += Format.left(z.zone, 8) + "  " + span + " " + Format.right(z.managed, 10) + " " + Format.right(z.free, 10)
            t += " " + Format.right(z.pcp, 5) + " " + Format.right(z.min, 6) + " " + Format.right(z.low, 6) + " " + Format.right(z.high, 6)
            t += "  (" + z.protection.map(String.init).joined(separator: ", ") + ")\n"
        }
        return t
    }

    var json: JSONValue {
        .object([("arch", .string(arch)), ("min_free_kbytes", .int(minFreeKbytes)), ("zones", .array(zones.map { z in
            .object([("zone", .string(z.zone)), ("start_pfn", .int(z.startPFN)), ("spanned", .int(z.spanned)),
                     ("present", .int(z.present)), ("managed", .int(z.managed)), ("free", .int(z.free)),
                     ("pcp", .int(z.pcp)), ("min", .int(z.min)), ("low", .int(z.low)), ("high", .int(z.high)),
                     ("protection", .array(z.protection.map { .int($0) }))])
        }))])
    }
}

extension FreeAreaModel: LocalizedView {
    func text(_ lang: Language) -> String {
        var t = Message.freeAreaHeading(zone: zone, free: freePages, pcp: pcpPages).text(lang) + "\n"
        t += "order  block      nr_free  " + typeNames.map { Format.right($0, 11) }.joined(separator: " ") + "   first blocks (pfn)\n"
        for r in orders {
            t += Format.right(r.order, 5) + "  " + Format.left(Format.bytes(r.blockBytes), 9) + Format.right(r.nrFree, 9) + "  "
            t += r.byType.map { Format.right($0, 11) }.joined(separator: " ")
            t += "   " + r.firstBlocks.map { Format.hex($0) }.joined(separator: " ") + (r.nrFree > 3 ? " …" : "") + "\n"
        }
        return t
    }

    var json: JSONValue {
        .object([("zone", .string(zone)), ("free_pages", .int(freePages)), ("pcp_pages", .int(pcpPages)),
                 ("orders", .array(orders.map { r in
                     .object([("order", .int(r.order)), ("nr_free", .int(r.nrFree)),
                              ("by_type", .object(zip(typeNames, r.byType).map { ($0, .int($1)) })),
                              ("first_blocks", .array(r.firstBlocks.map { .int($0) }))])
                 }))])
    }
}

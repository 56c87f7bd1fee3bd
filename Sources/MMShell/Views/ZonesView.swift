import KernelMM

/// `zones` and `buddy ZONE`.
enum ZonesView {
    static func render(_ k: Kernel) -> CommandOutput {
        var t = "\(k.arch.rawValue), \(Format.bytes(k.params.memory)) RAM, \(k.params.cpus) CPU\(k.params.cpus == 1 ? "" : "s"), \(k.pageSize / 1024) KiB pages, MAX_ORDER \(k.maxOrder), pageblock order \(k.pageblockOrder), min_free_kbytes \(k.minFreeKbytes)\n"
        t += "zone      start_pfn       end_pfn    managed       free   pcp    min    low   high  protection\n"
        var rows: [JSONValue] = []
        for z in k.zones {
            let span = z.isPopulated ? "\(Format.right(Format.hex(z.startPFN), 10))  \(Format.right(Format.hex(z.endPFN), 12))" : Format.left("(empty)", 24)
            t += Format.left(z.type.procName, 8) + "  " + span + " " + Format.right(z.managedPages, 10) + " " + Format.right(z.nrFreePages, 10)
            t += " " + Format.right(z.pcpPages, 5) + " " + Format.right(z.minWmark, 6) + " " + Format.right(z.lowWmark, 6) + " " + Format.right(z.highWmark, 6)
            t += "  (" + z.lowmemReserve.map(String.init).joined(separator: ", ") + ")\n"
            rows.append(.object([("zone", .string(z.type.procName)), ("start_pfn", .int(z.startPFN)), ("spanned", .int(z.spannedPages)),
                                 ("present", .int(z.presentPages)), ("managed", .int(z.managedPages)), ("free", .int(z.nrFreePages)),
                                 ("pcp", .int(z.pcpPages)), ("min", .int(z.minWmark)), ("low", .int(z.lowWmark)), ("high", .int(z.highWmark)),
                                 ("protection", .array(z.lowmemReserve.map { .int($0) }))]))
        }
        return CommandOutput(text: t, json: .object([("arch", .string(k.arch.rawValue)), ("min_free_kbytes", .int(k.minFreeKbytes)), ("zones", .array(rows))]))
    }

    static func freeLists(_ z: Zone, kernel k: Kernel) -> String {
        var t = "zone \(z.type.procName): \(z.nrFreePages) free pages in the buddy lists, \(z.pcpPages) on per-CPU lists\n"
        t += "order  block      nr_free  " + MigrateType.allCases.map { Format.right($0.procName, 11) }.joined(separator: " ") + "   first blocks (pfn)\n"
        for (o, a) in z.freeArea.enumerated() {
            let size = Format.bytes(UInt64(k.pageSize) << UInt64(o))
            t += Format.right(o, 5) + "  " + Format.left(size, 9) + Format.right(a.nrFree, 9) + "  "
            t += MigrateType.allCases.map { Format.right(a.count[$0.rawValue], 11) }.joined(separator: " ")
            var firsts: [String] = []
            for mt in MigrateType.allCases {
                var p = a.head[mt.rawValue]
                var n = 0
                while p >= 0 && n < 3 {
                    firsts.append(Format.hex(Int(p)))
                    p = k.frames[Int(p)].next
                    n += 1
                }
                if firsts.count >= 3 { break }
            }
            t += "   " + firsts.prefix(3).joined(separator: " ") + (a.nrFree > 3 ? " …" : "") + "\n"
        }
        return t
    }

    static func freeListsJSON(_ z: Zone) -> JSONValue {
        .object([("zone", .string(z.type.procName)), ("free_pages", .int(z.nrFreePages)), ("pcp_pages", .int(z.pcpPages)),
                 ("orders", .array(z.freeArea.enumerated().map { o, a in
                     .object([("order", .int(o)), ("nr_free", .int(a.nrFree)),
                              ("by_type", .object(MigrateType.allCases.map { ($0.procName, .int(a.count[$0.rawValue])) }))])
                 }))])
    }
}

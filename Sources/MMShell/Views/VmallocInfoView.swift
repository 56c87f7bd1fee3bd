import KernelMM

/// The renderers of the vmalloc models: /proc/vmallocinfo, `vmarea ADDR` and `vmarea`, as text and JSON.
extension VmallocInfoModel {
    /// s_show(): "0x%pK-0x%pK %7ld" caller [" pages=%d"] [" phys=%pa"] flags [" N0=%u"] (CONFIG_NUMA: x86_64 and
    /// sparc64 here); show_purge_info() after it (mm/vmalloc.c:4359).
    var text: String {
        var s = ""
        for a in areas {
            var line = "0x\(Format.hex(a.start, digits: digits))-0x\(Format.hex(a.end, digits: digits)) \(Format.right(a.size, 7))"
            line += " \(a.caller)"
            if a.nrPages > 0 { line += " pages=\(a.nrPages)" }
            if a.phys != 0 { line += " phys=0x\(Format.hex(a.phys, digits: digits))" }
            for f in a.flags { line += " " + f }
            if let n = a.node0 { line += " N0=\(n)" }
            s += line + "\n"
        }
        for r in unpurged {
            s += "0x\(Format.hex(r.start, digits: digits))-0x\(Format.hex(r.end, digits: digits)) \(Format.right(r.size, 7)) unpurged vm_area\n"
        }
        return s
    }

    var json: JSONValue {
        .object([("areas", .array(areas.map { a in
            var o: [(String, JSONValue)] = [("start", .hex(a.start)), ("end", .hex(a.end)), ("size", .int(a.size)),
                                             ("caller", .string(a.caller)), ("pages", .int(a.nrPages))]
            if a.phys != 0 { o.append(("phys", .hex(a.phys))) }
            o.append(("flags", .array(a.flags.map { .string($0) })))
            if let n = a.node0 { o.append(("N0", .int(n))) }
            return .object(o)
        })), ("unpurged", .array(unpurged.map { .object([("start", .hex($0.start)), ("end", .hex($0.end)), ("size", .int($0.size))]) }))])
    }
}

extension VmAreaModel: LocalizedView {
    var text: String { text(.en) }

    /// `vmarea ADDR`: the area, each page and what backs it (the asked page marked *), the guard page, and whether
    /// the frames are contiguous. kmemsim's words are in the learner's language; the column names stay.
    func text(_ lang: Language) -> String {
        func say(_ m: Message) -> String { m.text(lang) }
        let count = pages.count
        var s = say(.vmAreaHeading(start: start, last: end - 1, size: size, pages: count, guardPages: guardPages,
                                   purpose: .vmallocPurpose(purpose), caller: caller)) + "\n"
        s += "  virtual address        pfn        phys               zone\n"
        for p in pages {
            let mark = p.marked ? "*" : " "
            switch p.backing {
            case .device(let phys): s += " \(mark)\(Format.hex(p.address)) → phys \(Format.hex(phys))  " + say(.vmAreaDeviceMemory) + "\n"
            case .notPopulated: s += " \(mark)\(Format.hex(p.address))  " + say(.vmAreaNotPopulated) + "\n"
            case .frame(let pfn, let phys, let zone):
                s += " \(mark)\(Format.hex(p.address)) → " + Format.left(Format.hex(pfn), 9) + "  " + Format.left(Format.hex(phys), 17) + "  " + (zone ?? "?") + "\n"
            }
        }
        if guardPages > 0 {
            s += " \(guardMarked ? "*" : " ")\(Format.hex(guardAddress))  " + say(.vmAreaGuardPage) + "\n"
        }
        if pageOrder > 0 {
            s += say(.vmAreaHugeMapping(chunks: count >> pageOrder, order: pageOrder)) + "\n"
            s += pageTablesLine(lang)
        } else if !pages.isEmpty {
            s += say(runs <= 1 ? .vmAreaContiguous : .vmAreaScattered(runs: runs)) + "\n"
            s += pageTablesLine(lang)
        }
        return s
    }

    /// The page tables the area's entries sit in (tables are shared with neighbouring areas and never freed).
    func pageTablesLine(_ lang: Language) -> String {
        guard !pageTables.isEmpty else { return "" }
        return Message.vmAreaPageTablesLabel.text(lang) + pageTables.map { "\($0.pte ? "PTE" : "PMD") pfn \(Format.hex($0.pfn)) (\(Format.hex($0.start))-\(Format.hex($0.end)))" }
            .joined(separator: ", ") + "\n"
    }

    var json: JSONValue {
        .object([("start", .string(Format.hex(start))), ("size", .int(size)), ("pages", .int(pages.count)), ("nr_pages", .int(nrPages)),
                 ("caller", .string(caller)), ("purpose", .string(VmallocView.purpose(purpose))),
                 ("pfns", .array(pfns.map { .int($0) })),
                 ("zones", .array(pages.map { p in
                     if case .frame(_, _, let zone) = p.backing { .string(zone ?? "?") } else { .null }
                 }))])
    }
}

extension VmallocRangeModel: CommandView {
    /// `vmarea`: the range, how much of it the areas hold, each area, and the vfree()s still deferred.
    var text: String {
        var s = "vmalloc range \(Format.hex(start))-\(Format.hex(end - 1)) (\(Format.bytes(end - start)))\n"
        s += "\(areas.count) areas, \(Format.bytes(UInt64(used))) reserved including guard pages\n"
        for a in areas {
            s += "  \(Format.hex(a.start)) \(Format.right(a.size, 8))  \(VmallocView.purpose(a.purpose))\n"
        }
        if !deferredFrees.isEmpty { s += "deferred vfree: " + deferredFrees.map { Format.hex($0) }.joined(separator: " ") + "\n" }
        return s
    }

    var json: JSONValue {
        .object([("start", .hex(start)), ("end", .hex(end)), ("used", .int(used)),
                 ("areas", .array(areas.map { .object([("start", .hex($0.start)), ("size", .int($0.size)), ("purpose", .string(VmallocView.purpose($0.purpose)))]) })),
                 ("deferred_vfree", .array(deferredFrees.map { .hex($0) }))])
    }
}

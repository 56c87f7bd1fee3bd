import KernelMM

/// `kmaps`: the pkmap table's entries in use, then each task's kmap_local slots.
extension KmapsModel: LocalizedView {
    func text(_ lang: Language) -> String {
        guard configured else { return Message.kmapsNoHighmem(arch: arch).text(lang) + "\n" }
        let end = pkmapStart + UInt64(HighmemState.lastPkmap) << 12 - 1
        var s = Message.kmapsPkmapSummary(start: pkmapStart, end: end, inUse: entries.count, held: entries.filter { $0.users > 0 }.count,
                                          lastNr: lastPkmapNr, flushes: flushes).text(lang) + "\n"
        if !entries.isEmpty {
            let head = Message.kmapsEntryColumns.text(lang).split(separator: "|").map(String.init)
            s += "  " + Format.right(head[0], 5) + "  " + Format.left(head[1], 10) + "  " + Format.left(head[2], 9) + "  " + head[3] + "\n"
            for e in entries {
                s += "  " + Format.right(e.nr, 5) + "  " + Format.left(Format.hex(e.address), 10) + "  " + Format.left(Format.hex(e.pfn), 9) + "  "
                s += (e.users > 0 ? String(e.users) : Message.kmapsUnusedEntry.text(lang)) + "\n"
            }
        }
        s += Message.kmapsLocalSummary(tasks: tasks.count).text(lang) + "\n"
        for t in tasks {
            s += "  " + Message.kmapsTaskLine(pid: t.pid, comm: t.comm, cpu: t.cpu, running: t.running, slots: t.slots.count,
                                              pagefaultDisabled: t.pagefaultDisabled).text(lang) + "\n"
            for sl in t.slots {
                s += "    " + Message.kmapsSlotLine(slot: sl.slot, address: sl.address, pfn: sl.pfn).text(lang) + "\n"
            }
        }
        return s
    }

    var json: JSONValue {
        guard configured else { return .object([("highmem", .bool(false)), ("arch", .string(arch))]) }
        return .object([
            ("highmem", .bool(true)), ("arch", .string(arch)),
            ("pkmap_start", .hex(pkmapStart)), ("last_pkmap", .int(HighmemState.lastPkmap)),
            ("last_pkmap_nr", .int(lastPkmapNr)), ("flushes", .int(flushes)),
            ("entries", .array(entries.map {
                .object([("entry", .int($0.nr)), ("address", .hex($0.address)), ("pfn", .hex(UInt64($0.pfn))), ("users", .int($0.users))])
            })),
            ("tasks", .array(tasks.map { t in
                .object([("pid", .int(t.pid)), ("comm", .string(t.comm)), ("cpu", .int(t.cpu)), ("running", .bool(t.running)),
                         ("pagefault_disabled", .int(t.pagefaultDisabled)),
                         ("slots", .array(t.slots.map { .object([("slot", .int($0.slot)), ("address", .hex($0.address)), ("pfn", .hex(UInt64($0.pfn)))]) }))])
            })),
        ])
    }
}

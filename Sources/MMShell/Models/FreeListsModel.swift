import KernelMM

/// /proc/buddyinfo and /proc/pagetypeinfo as data (mm/vmstat.c frag_show_print(), pagetypeinfo_showfree_print(),
/// pagetypeinfo_showblockcount_print()): the files' text, `--json` and the `buddyinfo.ZONE` queries all read it.
struct FreeListsModel: Sendable, Equatable {
    struct ZoneRow: Sendable, Equatable {
        var zone: String
        /// nr_free per order: blocks on every list of that order.
        var nrFree: [Int]
        /// Free blocks per type (in `typeNames` order), then per order.
        var freeByType: [[Int]]
        /// Pageblocks per type.
        var pageblocks: [Int]
    }

    var pageblockOrder: Int
    var pageblockPages: Int
    var maxOrder: Int
    /// The migrate types pagetypeinfo has a row and column for: the modelled build has memory isolation and no CMA,
    /// as Debian's kernels, so an Isolate type (always 0 here) and no CMA one.
    var typeNames: [String]
    /// Populated zones only, as both files list them.
    var zones: [ZoneRow]

    init(_ k: Kernel) {
        pageblockOrder = k.pageblockOrder
        pageblockPages = k.pageblockPages
        maxOrder = k.maxOrder
        let names = MigrateType.allCases.map(\.procName) + (k.config.cma ? ["CMA"] : []) + ["Isolate"]
        typeNames = names
        zones = k.zones.filter(\.isPopulated).map { z in
            var blocks = Array(repeating: 0, count: names.count)
            for t in z.pageblockType where Int(t) < names.count { blocks[Int(t)] += 1 }
            return ZoneRow(zone: z.type.procName, nrFree: k.freeArea(zone: z.index).map(\.nrFree),
                           freeByType: names.indices.map { t in k.freeArea(zone: z.index).map { t < $0.count.count ? $0.count[t] : 0 } },
                           pageblocks: blocks)
        }
    }

    /// A populated zone's row by name (`Normal`, `normal`, `ZONE_NORMAL`).
    func row(_ zone: String) -> ZoneRow? {
        guard let t = ZoneType.named(zone) else { return nil }
        return zones.first { $0.zone == t.procName }
    }

    /// frag_show_print(): "Node %d, zone %8s " then "%6lu " per order.
    var buddyinfoText: String {
        zones.map { z in "Node 0, zone \(Format.right(z.zone, 8)) " + z.nrFree.map { Format.right($0, 6) + " " }.joined() + "\n" }.joined()
    }

    var buddyinfoJSON: JSONValue {
        .array(zones.map { z in .object([("node", .int(0)), ("zone", .string(z.zone)), ("nr_free", .array(z.nrFree.map { .int($0) }))]) })
    }

    /// pagetypeinfo_show(): the header, free blocks per type and order (">100000" past the kernel's cap), then
    /// pageblocks per type.
    var pagetypeinfoText: String {
        var s = "Page block order: \(pageblockOrder)\nPages per block:  \(pageblockPages)\n\n"
        s += Format.left("Free pages count per migrate type at order", 43) + " "
        for o in 0...maxOrder { s += Format.right(o, 6) + " " }
        s += "\n"
        for z in zones {
            for (t, name) in typeNames.enumerated() {
                s += "Node \(Format.right(0, 4)), zone \(Format.right(z.zone, 8)), type \(Format.right(name, 12)) "
                for n in z.freeByType[t] { s += (n >= 100_000 ? ">" : "") + Format.right(min(n, 100_000), 6) + " " }
                s += "\n"
            }
        }
        s += "\n" + Format.left("Number of blocks type ", 23)
        for name in typeNames { s += Format.right(name, 12) + " " }
        s += "\n"
        for z in zones {
            s += "Node 0, zone \(Format.right(z.zone, 8)) " + z.pageblocks.map { Format.right($0, 12) + " " }.joined() + "\n"
        }
        return s
    }

    var pagetypeinfoJSON: JSONValue {
        .object([("pageblock_order", .int(pageblockOrder)), ("zones", .array(zones.map { z in
            .object([("zone", .string(z.zone)),
                     ("free", .object(typeNames.enumerated().map { t, name in (name, .array(z.freeByType[t].map { .int($0) })) })),
                     ("pageblocks", .object(typeNames.enumerated().map { t, name in (name, .int(z.pageblocks[t])) }))])
        }))])
    }
}

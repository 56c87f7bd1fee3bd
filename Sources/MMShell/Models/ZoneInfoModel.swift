import KernelMM

/// /proc/zoneinfo as data (mm/vmstat.c zoneinfo_show_print()): the file's text and `--json` both read it.
struct ZoneInfoModel: Sendable, Equatable {
    struct Pageset: Sendable, Equatable {
        var cpu: Int, count: Int, high: Int, batch: Int
    }

    struct ZoneRow: Sendable, Equatable {
        var zone: String
        var populated: Bool
        var free: Int, boost: Int, min: Int, low: Int, high: Int
        var spanned: Int, present: Int, managed: Int
        var protection: [Int]
        /// The zone's vm_stat counters (and the NUMA ones where configured), in file order.
        var stats: [ProcCounter]
        var pagesets: [Pageset]
        var statThreshold: Int
        var startPFN: Int
    }

    /// The node's counters, printed under the first populated zone ("per-node stats").
    var nodeStats: [ProcCounter]
    var firstPopulated: Int?
    /// Every configured zone, populated or not.
    var zones: [ZoneRow]

    init(_ k: Kernel) {
        let m = k.memInfo()
        typealias P = PageAllocProcFiles
        nodeStats = P.nodeStatNames.filter { P.configured($0, k) }.map { ProcCounter($0, P.nodeStat($0, m), kB: false) }
        firstPopulated = k.zones.firstIndex(where: \.isPopulated)
        zones = k.zones.map { z in
            ZoneRow(zone: z.type.procName, populated: z.isPopulated, free: k.nrFreePages(zone: z.index), boost: z.watermarkBoost,
                    min: z.minWmark, low: z.lowWmark, high: z.highWmark, spanned: z.spannedPages, present: z.presentPages,
                    managed: z.managedPages, protection: z.lowmemReserve,
                    stats: (P.zoneStatNames + P.numaStatNames).filter { P.configured($0, k) }.map { ProcCounter($0, P.zoneStat($0, z, k), kB: false) },
                    pagesets: k.pcp(zone: z.index).enumerated().map { Pageset(cpu: $0, count: $1.count, high: $1.high, batch: $1.batch) },
                    statThreshold: P.statThreshold(z, k), startPFN: z.startPFN)
        }
    }

    var text: String {
        var s = ""
        for (i, z) in zones.enumerated() {
            s += "Node 0, zone \(Format.right(z.zone, 8))"
            if i == firstPopulated {
                s += "\n  per-node stats"
                for c in nodeStats { s += "\n      \(Format.left(c.name, 12)) \(c.value)" }
            }
            s += "\n  pages free     \(z.free)"
            s += "\n        boost    \(z.boost)"
            s += "\n        min      \(z.min)"
            s += "\n        low      \(z.low)"
            s += "\n        high     \(z.high)"
            s += "\n        spanned  \(z.spanned)"
            s += "\n        present  \(z.present)"
            s += "\n        managed  \(z.managed)"
            s += "\n        cma      0"
            s += "\n        protection: (" + z.protection.map(String.init).joined(separator: ", ") + ")"
            guard z.populated else {
                s += "\n"
                continue
            }
            for c in z.stats { s += "\n      \(Format.left(c.name, 12)) \(c.value)" }
            s += "\n  pagesets"
            for p in z.pagesets {
                s += "\n    cpu: \(p.cpu)"
                s += "\n              count: \(p.count)"
                s += "\n              high:  \(p.high)"
                s += "\n              batch: \(p.batch)"
                s += "\n  vm stats threshold: \(z.statThreshold)"
            }
            s += "\n  node_unreclaimable:  0"
            s += "\n  start_pfn:           \(z.startPFN)\n"
        }
        return s
    }

    /// The numbers per zone (the counters the simulation drives).
    var json: JSONValue {
        .array(zones.map { z in
            .object([("node", .int(0)), ("zone", .string(z.zone)), ("free", .int(z.free)), ("boost", .int(z.boost)),
                     ("min", .int(z.min)), ("low", .int(z.low)), ("high", .int(z.high)),
                     ("spanned", .int(z.spanned)), ("present", .int(z.present)), ("managed", .int(z.managed)),
                     ("protection", .array(z.protection.map { .int($0) })), ("start_pfn", .int(z.startPFN)),
                     ("pagesets", .array(z.populated ? z.pagesets.map { p in
                         .object([("cpu", .int(p.cpu)), ("count", .int(p.count)), ("high", .int(p.high)), ("batch", .int(p.batch))])
                     } : []))])
        })
    }
}

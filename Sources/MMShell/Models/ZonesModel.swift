import KernelMM

/// `zones` as data: the machine line and each configured zone's span, counters, watermarks and lowmem_reserve. The
/// text and `--json` read it.
struct ZonesModel: Sendable, Equatable {
    struct ZoneRow: Sendable, Equatable {
        var zone: String
        var populated: Bool
        var startPFN, endPFN, spanned, present, managed, free, pcp: Int
        var min, low, high: Int
        var protection: [Int]
    }

    var arch: String
    var memory: UInt64
    var cpus: Int
    var pageSize: Int
    var maxOrder, pageblockOrder, minFreeKbytes: Int
    var zones: [ZoneRow]

    init(_ k: Kernel) {
        arch = k.arch.rawValue
        memory = k.params.memory
        cpus = k.params.cpus
        pageSize = k.pageSize
        maxOrder = k.maxOrder
        pageblockOrder = k.pageblockOrder
        minFreeKbytes = k.minFreeKbytes
        zones = k.zones.map { z in
            ZoneRow(zone: z.type.procName, populated: z.isPopulated, startPFN: z.startPFN, endPFN: z.endPFN,
                    spanned: z.spannedPages, present: z.presentPages, managed: z.managedPages, free: k.nrFreePages(zone: z.index),
                    pcp: k.pcpPages(zone: z.index), min: z.minWmark, low: z.lowWmark, high: z.highWmark, protection: z.lowmemReserve)
        }
    }
}

/// `buddy ZONE` as data: a zone's free area per order and migrate type, with the first blocks on its lists.
struct FreeAreaModel: Sendable, Equatable {
    struct OrderRow: Sendable, Equatable {
        var order: Int
        var blockBytes: UInt64
        var nrFree: Int
        /// Free blocks per migrate type, in `MigrateType.allCases` order.
        var byType: [Int]
        /// The first blocks (at most three), lists walked in migrate-type order.
        var firstBlocks: [Int]
    }

    var zone: String
    var freePages, pcpPages: Int
    var typeNames: [String]
    var orders: [OrderRow]

    init(_ z: Zone, kernel k: Kernel) {
        zone = z.type.procName
        freePages = k.nrFreePages(zone: z.index)
        pcpPages = k.pcpPages(zone: z.index)
        typeNames = MigrateType.allCases.map(\.procName)
        orders = k.freeArea(zone: z.index).enumerated().map { o, a in
            var firsts: [Int] = []
            for mt in MigrateType.allCases where firsts.count < 3 {
                var p = a.head[mt.rawValue]
                var n = 0
                while p >= 0 && n < 3 {
                    firsts.append(Int(p))
                    p = k.frames[Int(p)].next
                    n += 1
                }
            }
            return OrderRow(order: o, blockBytes: UInt64(k.pageSize) << UInt64(o), nrFree: a.nrFree,
                            byType: MigrateType.allCases.map { a.count[$0.rawValue] }, firstBlocks: Array(firsts.prefix(3)))
        }
    }
}

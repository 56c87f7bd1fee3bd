import KernelMM

/// gfp masks in the query language: `gfp("GFP_KERNEL").may_sleep`, `gfp("GFP_ATOMIC").alloc_flags`.
enum GFPQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("gfp", usage: "gfp(MASK)", arity: 1, "a gfp mask decoded: gfp(\"GFP_KERNEL|__GFP_ZERO\").value, gfp(\"GFP_ATOMIC\").may_sleep") { _, a throws(QueryError) in
            let flags: GFPFlags
            switch a[0] {
            case .string(let s):
                do throws(CommandError) { flags = try GFPParser.parse(s) } catch { throw QueryError(error.catalogMessage, column: 0) }
            case .int(let n) where n >= 0 && n <= Int(GFPFlags.validBits.rawValue):
                flags = GFPFlags(rawValue: UInt32(n))
            default:
                throw QueryError(.queryRootTakes("gfp() takes a mask in quotes, e.g. gfp(\"GFP_KERNEL\"), or its value", "gfp()에는 따옴표로 감싼 마스크나 그 값을 주세요. 예: gfp(\"GFP_KERNEL\")"), column: 0)
            }
            return .object(QueryObject(type: "gfp", key: .int(Int(flags.rawValue)), display: "gfp(\(Format.hex(Int(flags.rawValue))))"))
        },
    ]

    static func gf(_ name: String, _ summary: String, _ f: @escaping @Sendable (GFPFlags, Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in f(GFPFlags(rawValue: UInt32(o.intKey ?? 0)), c.kernel) }
    }

    /// ALLOC_* names of mm/internal.h for the slow path's flags.
    static let allocFlagNames: [(String, AllocFlags)] = [
        ("ALLOC_NO_WATERMARKS", .noWatermarks), ("ALLOC_OOM", .oom), ("ALLOC_NON_BLOCK", .nonBlock),
        ("ALLOC_MIN_RESERVE", .minReserve), ("ALLOC_CPUSET", .cpuset), ("ALLOC_HIGHATOMIC", .highAtomic), ("ALLOC_KSWAPD", .kswapd),
    ]

    static let types: [QueryType] = [
        QueryType("gfp", "a gfp mask (include/linux/gfp_types.h)", fields: [
            gf("value", "the mask's value") { g, _ in .int(Int(g.rawValue)) },
            gf("name", "the kernel's %pGg spelling (\"GFP_KERNEL|__GFP_ZERO\")") { g, _ in .string(g.pGg) },
            gf("flags", "the single __GFP_* bits set, by name") { g, _ in
                .list(GFPNames.all.filter { $0.flags.rawValue.nonzeroBitCount == 1 && g.contains($0.flags) }.map { .string($0.name) })
            },
            gf("may_sleep", "gfpflags_allow_blocking(): __GFP_DIRECT_RECLAIM is set") { g, _ in .bool(g.allowsBlocking) },
            gf("wakes_kswapd", "__GFP_KSWAPD_RECLAIM is set") { g, _ in .bool(g.contains(.kswapdReclaim)) },
            gf("zone", "gfp_zone(): the highest zone the request may use, by /proc name") { g, k in .string(g.zone(on: k.arch).zone.procName) },
            gf("zonelist", "the populated zones it tries, highest first") { g, k in
                guard let hi = k.zoneIndex(of: g.zone(on: k.arch).zone) else { return .list([]) }
                return .list(k.zonelist(highest: hi).map { .string(k.zones[$0].type.procName) })
            },
            gf("migratetype", "gfp_migratetype(): the free lists it takes from") { g, _ in .string(g.migratetype.procName) },
            gf("alloc_flags", "gfp_to_alloc_flags(): the slow path's ALLOC_* flags for an order-0 request") { g, _ in
                let f = AllocFlags.slowPath(gfp: g, order: 0)
                return .list(allocFlagNames.filter { f.contains($0.1) }.map { .string($0.0) })
            },
            gf("min_reserve", "whether the slow path may go below the min watermark (ALLOC_MIN_RESERVE, from __GFP_HIGH)") { g, _ in
                .bool(AllocFlags.slowPath(gfp: g, order: 0).contains(.minReserve))
            },
        ]),
    ]
}

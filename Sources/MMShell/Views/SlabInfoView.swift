import KernelMM

/// The renderers of `SlabInfoModel`: /proc/slabinfo's text and JSON, slabtop's table and JSON.
extension SlabInfoModel {
    /// cache_show(): "%-17s %6lu %6lu %6u %4u %4d" then the tunables and slabdata columns, newest cache first.
    var slabinfoText: String {
        var s = statistics ? "slabinfo - version: 2.1 (statistics)\n" : "slabinfo - version: 2.1\n"
        s += "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>"
        if statistics {
            s += " : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable> <nodeallocs> <remotefrees> <alienoverflow> : cpustat <allochit> <allocmiss> <freehit> <freemiss>"
        }
        s += "\n"
        for r in rows.reversed() {
            s += Format.left(r.name, 17) + " " + Format.right(r.activeObjs, 6) + " " + Format.right(r.numObjs, 6) + " "
                + Format.right(r.objSize, 6) + " " + Format.right(r.objPerSlab, 4) + " " + Format.right(r.pagesPerSlab, 4)
                + " : tunables " + Format.right(r.limit, 4) + " " + Format.right(r.batchcount, 4) + " " + Format.right(r.sharedFactor, 4)
                + " : slabdata " + Format.right(r.activeSlabs, 6) + " " + Format.right(r.numSlabs, 6) + " " + Format.right(r.sharedAvail, 6)
            if let t = r.stats {
                s += " : globalstat " + Format.right(t.listAllocs, 7) + " " + Format.right(t.maxObjs, 6) + " " + Format.right(t.grown, 5)
                    + [t.reaped, t.errors, t.maxFreeable, t.nodeAllocs, t.remoteFrees, t.alienOverflow].map { " " + Format.right($0, 4) }.joined()
                    + " : cpustat" + [t.allocHit, t.allocMiss, t.freeHit, t.freeMiss].map { " " + Format.right($0, 6) }.joined()
            }
            s += "\n"
        }
        return s
    }

    /// The file's columns by their header names, rows in the file's order (newest first).
    var slabinfoJSON: JSONValue {
        .object([("version", .string("2.1")), ("statistics", .bool(statistics)), ("caches", .array(rows.reversed().map { r in
            var o: [(String, JSONValue)] = [
                ("name", .string(r.name)), ("active_objs", .int(r.activeObjs)), ("num_objs", .int(r.numObjs)),
                ("objsize", .int(r.objSize)), ("objperslab", .int(r.objPerSlab)), ("pagesperslab", .int(r.pagesPerSlab)),
                ("limit", .int(r.limit)), ("batchcount", .int(r.batchcount)), ("sharedfactor", .int(r.sharedFactor)),
                ("active_slabs", .int(r.activeSlabs)), ("num_slabs", .int(r.numSlabs)), ("sharedavail", .int(r.sharedAvail)),
            ]
            if let t = r.stats {
                o += [("listallocs", t.listAllocs), ("maxobjs", t.maxObjs), ("grown", t.grown), ("reaped", t.reaped),
                      ("error", t.errors), ("maxfreeable", t.maxFreeable), ("nodeallocs", t.nodeAllocs),
                      ("remotefrees", t.remoteFrees), ("alienoverflow", t.alienOverflow), ("allochit", t.allocHit),
                      ("allocmiss", t.allocMiss), ("freehit", t.freeHit), ("freemiss", t.freeMiss)].map { ($0.0, .int($0.1)) }
            }
            return .object(o)
        }))])
    }

    /// slabtop's "12.3%": tenths, rounded.
    static func percent(_ a: Int, _ b: Int) -> String {
        guard b > 0 else { return "0.0%" }
        let t = (a * 1000 + b / 2) / b
        return "\(t / 10).\(t % 10)%"
    }

    /// slabtop(1)'s header and table, largest cache first; caches with no objects are counted, not listed.
    var slabtopText: String {
        let t = totals, pct = Self.percent, kb = SlabView.kb
        var s = " Active / Total Objects (% used)    : \(t.activeObjs) / \(t.numObjs) (\(pct(t.activeObjs, t.numObjs)))\n"
        s += " Active / Total Slabs (% used)      : \(t.activeSlabs) / \(t.numSlabs) (\(pct(t.activeSlabs, t.numSlabs)))\n"
        s += " Active / Total Caches (% used)     : \(t.activeCaches) / \(t.caches) (\(pct(t.activeCaches, t.caches)))\n"
        s += " Active / Total Size (% used)       : \(kb(t.activeBytes)) / \(kb(t.totalBytes)) (\(pct(t.activeBytes, t.totalBytes)))\n"
        s += " Minimum / Average / Maximum Object : \(kb(t.minObjSize)) / \(kb(t.avgObjSize)) / \(kb(t.maxObjSize))\n\n"
        s += "  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME\n"
        for r in bySize where r.numObjs > 0 {
            s += Format.right(r.numObjs, 6) + " " + Format.right(r.activeObjs, 6) + " " + Format.right("\(r.activeObjs * 100 / r.numObjs)%", 4) + " "
                + Format.right(kb(r.objSize), 8) + " " + Format.right(r.numSlabs, 6) + " " + Format.right(r.objPerSlab, 8) + " "
                + Format.right("\(r.cacheKB)K", 10) + " " + r.name + "\n"
        }
        return s
    }

    /// slabtop's numbers: the header's totals and the listed rows, in the table's order.
    var slabtopJSON: JSONValue {
        let t = totals
        return .object([
            ("active_objs", .int(t.activeObjs)), ("num_objs", .int(t.numObjs)),
            ("active_slabs", .int(t.activeSlabs)), ("num_slabs", .int(t.numSlabs)),
            ("active_caches", .int(t.activeCaches)), ("caches", .int(t.caches)),
            ("active_bytes", .int(t.activeBytes)), ("total_bytes", .int(t.totalBytes)),
            ("min_obj_size", .int(t.minObjSize)), ("avg_obj_size", .int(t.avgObjSize)), ("max_obj_size", .int(t.maxObjSize)),
            ("rows", .array(bySize.filter { $0.numObjs > 0 }.map { r in
                .object([("objs", .int(r.numObjs)), ("active", .int(r.activeObjs)), ("use_percent", .int(r.activeObjs * 100 / r.numObjs)),
                         ("obj_size", .int(r.objSize)), ("slabs", .int(r.numSlabs)), ("obj_per_slab", .int(r.objPerSlab)),
                         ("cache_kb", .int(r.cacheKB)), ("name", .string(r.name))])
            })),
        ])
    }
}

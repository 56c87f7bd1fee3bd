import KernelMM

/// /proc/slabinfo, slabtop and the `slab CACHE` picture.
enum SlabView {
    /// "my_cache: object 100 → 104 bytes (align 8), 39 objects per order-0 slab (4 KiB), 40 bytes left over".
    static func summary(_ name: String, _ k: Kernel, _ lang: Language = .en) -> String {
        guard let c = k.slab.cache(named: name) else { return name }
        let slabBytes = k.pageSize << c.order
        let left = slabBytes - c.num * c.size - (c.layout == .onSlab ? c.freelistSize : 0)
        return Message.cacheGeometry(c.name, object: c.objectSize, size: c.size, align: c.align, num: c.num, order: c.order,
                                     slabBytes: slabBytes, left: left).text(lang)
    }

    /// slabinfo columns for one cache (mm/slab_common.c cache_show() with get_slabinfo()).
    static func info(_ c: KmemCache, _ k: Kernel) -> (active: Int, total: Int, activeSlabs: Int, slabs: Int, sharedAvail: Int) {
        let total = c.slabs.values.reduce(0) { $0 + $1.objects.count }
        switch k.slab.kind {
        case .slub:
            // active_objs = total − free objects on the node partial lists; active_slabs = num_slabs.
            let freeOnPartial = c.partial.reduce(0) { $0 + (c.slabs[$1]?.freelist.count ?? 0) }
            return (total - freeOnPartial, total, c.numSlabs, c.numSlabs, 0)
        case .slab:
            let freeObjects = c.slabs.values.reduce(0) { $0 + $1.freelist.count }
            return (total - freeObjects, total, c.numSlabs - c.free.count, c.numSlabs, c.sharedArray.count)
        }
    }

    @Sendable static func slabinfo(_ k: Kernel) -> String {
        let stats = k.slab.kind == .slab && k.slab.debug.debugSlab // CONFIG_DEBUG_SLAB
        var s = stats ? "slabinfo - version: 2.1 (statistics)\n" : "slabinfo - version: 2.1\n"
        s += "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>"
        if stats {
            s += " : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable> <nodeallocs> <remotefrees> <alienoverflow> : cpustat <allochit> <allocmiss> <freehit> <freemiss>"
        }
        s += "\n"
        for c in k.slab.caches.reversed() {
            let i = info(c, k)
            s += Format.left(c.name, 17) + " " + Format.right(i.active, 6) + " " + Format.right(i.total, 6) + " "
                + Format.right(c.size, 6) + " " + Format.right(c.num, 4) + " " + Format.right(c.pagesPerSlab, 4)
                + " : tunables " + Format.right(c.limit, 4) + " " + Format.right(c.batchcount, 4) + " " + Format.right(c.shared, 4)
                + " : slabdata " + Format.right(i.activeSlabs, 6) + " " + Format.right(i.slabs, 6) + " " + Format.right(i.sharedAvail, 6)
            if stats {
                let t = c.stats
                s += " : globalstat " + Format.right(t.allocs, 7) + " " + Format.right(t.high, 6) + " " + Format.right(t.grown, 5)
                    + [t.reaped, t.errors, t.maxFreeable, t.nodeAllocs, t.nodeFrees, t.overflows].map { " " + Format.right($0, 4) }.joined()
                    + " : cpustat" + [t.allocHit, t.allocMiss, t.freeHit, t.freeMiss].map { " " + Format.right($0, 6) }.joined()
            }
            s += "\n"
        }
        return s
    }

    static func kb(_ bytes: Int) -> String {
        let hundredths = (bytes * 100 + 512) / 1024
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)K"
    }

    /// slabtop(1)'s header and table, sorted by cache size (largest first, then by name).
    static func slabtop(_ k: Kernel) -> String {
        struct Row { var objs, active, size, slabs, perSlab, cacheKB: Int; var name: String }
        var rows: [Row] = []
        for c in k.slab.caches {
            let i = info(c, k)
            rows.append(Row(objs: i.total, active: i.active, size: c.size, slabs: i.slabs, perSlab: c.num,
                            cacheKB: i.slabs * (k.pageSize << c.order) / 1024, name: c.name))
        }
        rows.sort { $0.cacheKB != $1.cacheKB ? $0.cacheKB > $1.cacheKB : $0.name < $1.name }
        let tObjs = rows.reduce(0) { $0 + $1.objs }, tActive = rows.reduce(0) { $0 + $1.active }
        let tSlabs = rows.reduce(0) { $0 + $1.slabs }
        let activeSlabs = k.slab.caches.reduce(0) { $0 + info($1, k).activeSlabs }
        let activeCaches = rows.filter { $0.objs > 0 }.count
        let totalKB = rows.reduce(0) { $0 + $1.cacheKB }
        let activeBytes = k.slab.caches.reduce(0) { $0 + info($1, k).active * $1.size }
        func pct(_ a: Int, _ b: Int) -> String {
            guard b > 0 else { return "0.0%" }
            let t = (a * 1000 + b / 2) / b
            return "\(t / 10).\(t % 10)%"
        }
        let sizes = rows.map(\.size)
        let avg = rows.isEmpty ? 0 : sizes.reduce(0, +) / rows.count
        var s = " Active / Total Objects (% used)    : \(tActive) / \(tObjs) (\(pct(tActive, tObjs)))\n"
        s += " Active / Total Slabs (% used)      : \(activeSlabs) / \(tSlabs) (\(pct(activeSlabs, tSlabs)))\n"
        s += " Active / Total Caches (% used)     : \(activeCaches) / \(rows.count) (\(pct(activeCaches, rows.count)))\n"
        s += " Active / Total Size (% used)       : \(kb(activeBytes)) / \(kb(totalKB * 1024)) (\(pct(activeBytes, totalKB * 1024)))\n"
        s += " Minimum / Average / Maximum Object : \(kb(sizes.min() ?? 0)) / \(kb(avg)) / \(kb(sizes.max() ?? 0))\n\n"
        s += "  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME\n"
        for r in rows where r.objs > 0 {
            let use = r.objs == 0 ? 0 : r.active * 100 / r.objs
            s += Format.right(r.objs, 6) + " " + Format.right(r.active, 6) + " " + Format.right("\(use)%", 4) + " "
                + Format.right(kb(r.size), 8) + " " + Format.right(r.slabs, 6) + " " + Format.right(r.perSlab, 8) + " "
                + Format.right("\(r.cacheKB)K", 10) + " " + r.name + "\n"
        }
        return s
    }

    /// `slab CACHE`: geometry, per-CPU state, and each slab with a picture of its objects.
    static func render(_ name: String, _ k: Kernel) -> String {
        guard let c = k.slab.cache(named: name) else { return "" }
        var s = "CACHE \(c.name)" + (c.name != name ? " (\(name) is merged into it)" : "") + (c.aliases.isEmpty ? "" : "  aliases: " + c.aliases.joined(separator: ", ")) + "\n"
        s += "  " + summary(c.name, k) + "\n"
        s += "  flags \(c.flags.names)" + (c.hasCtor ? ", constructor" : "") + "; slabs allocated with " + (c.allocflags.isEmpty ? "the caller's gfp only" : "the caller's gfp + \(c.allocflags.kernelDescription)") + "\n"
        switch k.slab.kind {
        case .slab:
            s += "  freelist \(c.layout.rawValue)" + (c.layout == .onSlab ? " (\(c.freelistSize) bytes after the colour)" : "") + "; colour \(c.colour) × \(c.colourOff) bytes, next \(c.colourNext)\n"
            s += "  tunables limit \(c.limit) batchcount \(c.batchcount) shared \(c.shared); free_limit \(c.freeLimit)\n"
            s += "  array caches: " + c.arrays.enumerated().map { "cpu\($0.offset) \($0.element.count)/\(c.limit)" }.joined(separator: "  ") + (c.shared > 0 ? "  shared \(c.sharedArray.count)/\(c.shared * c.batchcount)" : "") + "\n"
            s += "  slabs_full \(c.full.count)  slabs_partial \(c.partial.count)  slabs_free \(c.free.count)\n"
        case .slub:
            s += "  free pointer at offset \(c.freePointerOffset); min_partial \(c.minPartial); cpu_partial \(c.cpuPartial) objects (\(c.cpuPartialSlabs) slabs)" + (c.isDebug ? "; debug cache: no CPU slabs" : "") + "\n"
            s += "  cpu slabs: " + c.cpuSlab.enumerated().map { "cpu\($0.offset) " + ($0.element.map { Format.hex($0) } ?? "-") + " +\(c.cpuPartialList[$0.offset].count) partial" }.joined(separator: "  ") + "\n"
            s += "  node partial \(c.partial.count)" + (c.flags.contains(.storeUser) ? "  full \(c.full.count)" : "") + "\n"
        }
        s += "  \(c.numSlabs) slab\(c.numSlabs == 1 ? "" : "s"), \(c.liveObjects) object\(c.liveObjects == 1 ? "" : "s") in use of \(c.totalObjects)\n"
        if c.slabs.isEmpty { return s }
        s += "  SLAB ADDRESS        PFN       LIST         INUSE  OBJECTS (# allocated, . free, c in an array cache)\n"
        for pfn in orderedSlabs(c) {
            guard let sl = c.slabs[pfn] else { continue }
            let addr = k.pageAddress(pfn) ?? 0
            let listName = sl.list == .cpu || sl.list == .cpuPartial ? "\(sl.list.rawValue) \(sl.cpu)" : sl.list.rawValue
            let pic = String(sl.objects.map { $0 == .allocated ? "#" : $0 == .cached ? "c" : "." })
            s += "  " + Format.hex(addr) + "  " + Format.left(Format.hex(pfn), 9) + " " + Format.left(listName, 12) + " "
                + Format.right("\(sl.inuse)/\(sl.objects.count)", 6) + "  " + pic + "\n"
        }
        return s
    }

    /// `slab CACHE --json`: the same facts as data (geometry, per-CPU state, every slab with its objects).
    static func json(_ name: String, _ k: Kernel) -> JSONValue {
        guard let c = k.slab.cache(named: name) else { return .null }
        let slabs: [JSONValue] = orderedSlabs(c).compactMap { pfn in
            guard let sl = c.slabs[pfn] else { return nil }
            return .object([("pfn", .int(pfn)), ("address", .string(Format.hex(k.pageAddress(pfn) ?? 0))),
                            ("list", .string(sl.list.rawValue)), ("cpu", sl.cpu >= 0 ? .int(sl.cpu) : .null),
                            ("inuse", .int(sl.inuse)), ("objects", .int(sl.objects.count)),
                            ("state", .string(String(sl.objects.map { $0 == .allocated ? "#" : $0 == .cached ? "c" : "." })))])
        }
        var o: [(String, JSONValue)] = [
            ("name", .string(c.name)), ("aliases", .array(c.aliases.map { .string($0) })),
            ("object_size", .int(c.objectSize)), ("size", .int(c.size)), ("align", .int(c.align)),
            ("order", .int(c.order)), ("objects_per_slab", .int(c.num)), ("flags", .string(c.flags.names)),
            ("num_slabs", .int(c.numSlabs)), ("live_objects", .int(c.liveObjects)),
        ]
        switch k.slab.kind {
        case .slab:
            o += [("layout", .string(c.layout.rawValue)), ("colour", .int(c.colour)), ("colour_off", .int(c.colourOff)),
                  ("limit", .int(c.limit)), ("batchcount", .int(c.batchcount)), ("shared", .int(c.shared)),
                  ("free_limit", .int(c.freeLimit)), ("array_avail", .array(c.arrays.map { .int($0.count) }))]
        case .slub:
            o += [("min_partial", .int(c.minPartial)), ("cpu_partial", .int(c.cpuPartial)),
                  ("cpu_partial_slabs", .int(c.cpuPartialSlabs))]
        }
        o.append(("slabs", .array(slabs)))
        return .object(o)
    }

    /// Slabs in list order: CPU slabs, CPU partial, full, partial, free, then those on no list.
    static func orderedSlabs(_ c: KmemCache) -> [Int] {
        var out = c.cpuSlab.compactMap { $0 } + c.cpuPartialList.flatMap { $0 } + c.full + c.partial + c.free
        let seen = Set(out)
        out += c.slabs.keys.filter { !seen.contains($0) }.sorted()
        return out
    }

    /// `kmem ADDR` for slab memory: cache, slab and object index.
    @Sendable static func resolve(_ s: ShellSession, _ addr: UInt64) -> String? {
        let k = s.kernel
        guard let loc = k.locateSlabObject(addr) else { return nil }
        let c = k.slab.caches[loc.cacheIndex]
        guard let sl = c.slabs[loc.slabPFN] else { return nil }
        var t = "CACHE \(c.name)  (object size \(c.objectSize), stride \(c.size))\n"
        t += "  SLAB \(Format.hex(k.pageAddress(loc.slabPFN) ?? 0))  pfn \(Format.hex(loc.slabPFN))  order \(k.frames[loc.slabPFN].order)  list \(sl.list.rawValue)  inuse \(sl.inuse)/\(sl.objects.count)\n"
        if let i = loc.index {
            let obj = k.objectAddress(c, sl, index: i)
            let state: String
            switch sl.objects[i] {
            case .allocated: state = "[allocated]"
            case .cached: state = "free (in a per-CPU array cache)"
            case .free: state = "free"
            }
            t += "  OBJECT \(i) at \(Format.hex(obj)) \(state)" + (loc.exact ? "" : ", address is \(loc.offsetInObject) bytes into it") + "\n"
        } else {
            t += "  not inside an object (colour, freelist or leftover space)\n"
        }
        return t
    }
}

/// /proc/slabinfo.
enum SlabProcFiles {
    static let all: [ProcFile] = [ProcFile("/proc/slabinfo", render: SlabView.slabinfo)]
}

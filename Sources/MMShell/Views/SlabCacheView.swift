import KernelMM

/// The renderers of `SlabCacheModel`: `slab CACHE` as text and JSON, and the geometry line.
extension SlabCacheModel: CommandView {
    var summary: String { summary(.en) }

    /// The geometry line in `lang` (worded in Catalog+CommandResults).
    func summary(_ lang: Language) -> String {
        Message.cacheGeometry(name, object: objectSize, size: size, align: align, num: num, order: order, slabBytes: slabBytes,
                              left: leftOver).text(lang)
    }

    /// What kmem_cache_create prints when __kmem_cache_alias() found a cache to share.
    static func mergedLine(_ name: String, into: String, _ lang: Language = .en) -> String {
        Message.cacheMerged(name, into: into).text(lang)
    }

    /// "#" allocated, "." free, "c" in a per-CPU array cache.
    static func picture(_ objects: [ObjectState]) -> String {
        String(objects.map { $0 == .allocated ? "#" : $0 == .cached ? "c" : "." })
    }

    static func listName(_ r: SlabRow) -> String {
        (r.list == .cpu || r.list == .cpuPartial) ? "\(r.list.rawValue) \(r.cpu ?? -1)" : r.list.rawValue
    }

    /// `slab CACHE`: geometry, per-CPU state, and each slab with a picture of its objects.
    var text: String { text(.en) }

    func text(_ lang: Language) -> String {
        var s = "CACHE \(name)" + (mergedName.map { Message.slabMergedInto($0).text(lang) } ?? "")
            + (aliases.isEmpty ? "" : Message.slabAliases.text(lang) + aliases.joined(separator: ", ")) + "\n"
        s += "  " + summary(lang) + "\n"
        s += "  flags \(flags)" + (hasCtor ? Message.slabConstructor.text(lang) : "") + Message.slabAllocatedWith(allocflags).text(lang) + "\n"
        switch allocator {
        case .slab(let a):
            s += "  freelist \(a.layout.rawValue)" + (a.layout == .onSlab ? " (\(freelistSize) bytes after the colour)" : "") + "; colour \(a.colour) × \(a.colourOff) bytes, next \(a.colourNext)\n"
            s += "  tunables limit \(a.limit) batchcount \(a.batchcount) shared \(a.shared); free_limit \(a.freeLimit)\n"
            s += "  array caches: " + a.arrayAvail.enumerated().map { "cpu\($0.offset) \($0.element)/\(a.limit)" }.joined(separator: "  ") + (a.shared > 0 ? "  shared \(a.sharedAvail)/\(a.shared * a.batchcount)" : "") + "\n"
            s += "  slabs_full \(a.full)  slabs_partial \(a.partial)  slabs_free \(a.free)\n"
        case .slub(let u):
            s += "  " + Message.slubFreePointer(u.freePointerOffset).text(lang) + "; min_partial \(u.minPartial); cpu_partial \(u.cpuPartial) objects (\(u.cpuPartialSlabs) slabs)" + (u.debug ? "; debug cache: no CPU slabs" : "") + "\n"
            s += "  cpu slabs: " + u.cpuSlabs.enumerated().map { "cpu\($0.offset) " + ($0.element.slab.map { Format.hex($0) } ?? "-") + " +\($0.element.partial) partial" }.joined(separator: "  ") + "\n"
            s += "  node partial \(u.nodePartial)" + (u.full.map { "  full \($0)" } ?? "") + "\n"
        }
        s += "  " + Message.slabUseCount(slabs: numSlabs, live: liveObjects, total: totalObjects).text(lang) + "\n"
        if slabs.isEmpty { return s }
        s += "  SLAB ADDRESS        PFN       LIST         INUSE  OBJECTS " + Message.slabObjectsLegend.text(lang) + "\n"
        for r in slabs {
            s += "  " + Format.hex(r.address) + "  " + Format.left(Format.hex(r.pfn), 9) + " " + Format.left(Self.listName(r), 12) + " "
                + Format.right("\(r.inuse)/\(r.objects.count)", 6) + "  " + Self.picture(r.objects) + "\n"
        }
        return s
    }

    /// `slab CACHE --json`: the same facts as data (geometry, per-CPU state, every slab with its objects).
    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("name", .string(name)), ("aliases", .array(aliases.map { .string($0) })),
            ("object_size", .int(objectSize)), ("size", .int(size)), ("align", .int(align)),
            ("order", .int(order)), ("objects_per_slab", .int(num)), ("flags", .string(flags)),
            ("num_slabs", .int(numSlabs)), ("live_objects", .int(liveObjects)),
        ]
        switch allocator {
        case .slab(let a):
            o += [("layout", .string(a.layout.rawValue)), ("colour", .int(a.colour)), ("colour_off", .int(a.colourOff)),
                  ("limit", .int(a.limit)), ("batchcount", .int(a.batchcount)), ("shared", .int(a.shared)),
                  ("free_limit", .int(a.freeLimit)), ("array_avail", .array(a.arrayAvail.map { .int($0) })),
                  ("shared_avail", .int(a.sharedAvail)),
                  ("slabs_full", .int(a.full)), ("slabs_partial", .int(a.partial)), ("slabs_free", .int(a.free))]
        case .slub(let u):
            o += [("min_partial", .int(u.minPartial)), ("cpu_partial", .int(u.cpuPartial)),
                  ("cpu_partial_slabs", .int(u.cpuPartialSlabs)), ("free_pointer_offset", .int(u.freePointerOffset)),
                  ("cpu_slabs", .array(u.cpuSlabs.map { .object([("slab", $0.slab.map { .int($0) } ?? .null), ("partial", .int($0.partial))]) })),
                  ("node_partial", .int(u.nodePartial))]
            if let f = u.full { o.append(("full", .int(f))) }
        }
        o += [("total_objects", .int(totalObjects)), ("slab_bytes", .int(slabBytes)), ("left_over", .int(leftOver)),
              ("slabs", .array(slabs.map { r in
                  .object([("pfn", .int(r.pfn)), ("address", .string(Format.hex(r.address))),
                           ("list", .string(r.list.rawValue)), ("cpu", r.cpu.map { .int($0) } ?? .null),
                           ("inuse", .int(r.inuse)), ("objects", .int(r.objects.count)),
                           ("state", .string(Self.picture(r.objects)))])
              }))]
        return .object(o)
    }
}

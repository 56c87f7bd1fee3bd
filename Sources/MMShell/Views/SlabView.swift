import KernelMM

/// /proc/slabinfo, slabtop and the `slab CACHE` picture.
enum SlabView {
    /// "my_cache: object 100 → 104 bytes (align 8), 39 objects per order-0 slab (4 KiB), 40 bytes left over".
    static func summary(_ name: String, _ k: Kernel) -> String {
        guard let c = k.slab.cache(named: name) else { return name }
        let slabBytes = k.pageSize << c.order
        let left = slabBytes - c.num * c.size - (c.layout == .onSlab ? c.freelistSize : 0)
        return "\(c.name): object \(c.objectSize) → \(c.size) bytes (align \(c.align)), \(c.num) object\(c.num == 1 ? "" : "s") per order-\(c.order) slab (\(Format.bytes(UInt64(slabBytes)))), \(left) bytes left over"
    }

    /// /proc/slabinfo of the booted kernel.
    @Sendable static func slabinfo(_ k: Kernel) -> String { SlabInfoModel(k).slabinfoText }

    static func kb(_ bytes: Int) -> String {
        let hundredths = (bytes * 100 + 512) / 1024
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)K"
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
    static let all: [ProcFile] = [ProcFile("/proc/slabinfo", render: SlabView.slabinfo, json: { SlabInfoModel($0).slabinfoJSON })]
}

import KernelMM

/// How a command's value reads at the prompt and in JSON.
enum ValueView {
    static func line(_ v: ShellValue, name: String?, kernel k: Kernel) -> String {
        let prefix = name.map { "$\($0) = " } ?? ""
        return prefix + describe(v, kernel: k)
    }

    static func describe(_ v: ShellValue, kernel k: Kernel) -> String {
        switch v {
        case .none: return ""
        case .null: return "NULL"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .int(let n): return n >= 10 || n < 0 ? "\(n) (\(Format.hex(n)))" : "\(n)"
        case .address(let a):
            var s = Format.hex(a)
            if let loc = k.locateSlabObject(a), let i = loc.index {
                s += "  [object \(i) of \(k.slab.caches[loc.cacheIndex].name), slab at pfn \(Format.hex(loc.slabPFN))]"
            } else if let pfn = k.directMapPFN(a) {
                s += "  [pfn \(Format.hex(pfn)), \(blockSummary(pfn, k))]"
            } else if k.isVmallocAddr(a) {
                s += "  [vmalloc area]"
            }
            return s
        case .page(let p):
            guard p.raw >= 0, p.raw < k.frames.count else { return "(struct page *)pfn \(p)" }
            var s = "(struct page *)\(Format.hex(k.structPageAddress(p.raw)))  pfn \(Format.hex(p.raw))  phys \(Format.hex(k.physAddr(p.raw)))"
            s += "  [\(blockSummary(p.raw, k))]"
            return s
        }
    }

    /// "order-3 block, zone Normal" and friends.
    static func blockSummary(_ pfn: Int, _ k: Kernel) -> String {
        let zone = k.zoneIndex(ofPFN: pfn).map { k.zones[$0].type.procName } ?? "no zone"
        let f = k.frames[pfn]
        switch f.state {
        case .allocated: return "order-\(f.order) block, zone \(zone)" + (f.flags.contains(.head) ? ", compound head" : "")
        case .buddy: return "free order-\(f.order) block, zone \(zone)"
        case .pcp: return "on a per-CPU free list, zone \(zone)"
        case .reserved: return "reserved, zone \(zone)"
        case .absent: return "not RAM"
        case .tail:
            if let b = k.allocatedBlock(containing: pfn) { return "page \(pfn - b.head) of the order-\(b.order) block at \(Format.hex(b.head)), zone \(zone)" }
            if let b = k.freeBlock(containing: pfn) { return "inside the free order-\(b.order) block at \(Format.hex(b.head)), zone \(zone)" }
            return "zone \(zone)"
        }
    }

    static func json(_ v: ShellValue, kernel k: Kernel) -> JSONValue {
        switch v {
        case .none: return .null
        case .null: return .object([("type", .string("NULL"))])
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .int(let n): return .int(n)
        case .address(let a):
            var o: [(String, JSONValue)] = [("type", .string("address")), ("address", .hex(a))]
            if let pfn = k.directMapPFN(a) { o.append(("pfn", .hex(UInt64(pfn)))) }
            return .object(o)
        case .page(let p):
            var o: [(String, JSONValue)] = [("type", .string("page")), ("pfn", .hex(UInt64(max(0, p.raw))))]
            if p.raw >= 0, p.raw < k.frames.count {
                o.append(("struct_page", .hex(k.structPageAddress(p.raw))))
                o.append(("phys", .hex(k.physAddr(p.raw))))
                if let z = k.zoneIndex(ofPFN: p.raw) { o.append(("zone", .string(k.zones[z].type.procName))) }
                if k.frames[p.raw].state == .allocated { o.append(("order", .int(Int(k.frames[p.raw].order)))) }
            }
            return .object(o)
        }
    }
}

import KernelMM

/// How a command's value reads at the prompt and in JSON.
enum ValueView {
    /// `$p = (struct page *)0x…  pfn …  [order-0 block, zone Normal]`, with a newline when asked.
    static func line(_ v: ShellValue, name: String?, kernel k: Kernel, newline: Bool = false, lang: Language = .en) -> String {
        if let bv = byteValue(v, k, lang) {
            // The results allocations print: written as bytes into the string's own storage.
            return ByteText.string(capacity: bv.capacity(name)) { write(bv, name: name, k, newline: newline, into: &$0) }
        }
        var s = name.map { "$\($0) = " } ?? ""
        s += describe(v, kernel: k, lang: lang)
        if newline { s += "\n" }
        return s
    }

    /// `line(…, newline: true)` written at the end of `bytes` when it is a page's or an address's line in English
    /// (what a script line that allocates prints), with no String made; false, writing nothing, for any other value.
    static func appendLine(_ v: ShellValue, name: String?, kernel k: Kernel, lang: Language, to bytes: OutputBytes) -> Bool {
        guard let bv = byteValue(v, k, lang) else { return false }
        ByteText.append(to: bytes, capacity: bv.capacity(name)) { write(bv, name: name, k, newline: true, into: &$0) }
        return true
    }

    /// A value whose line is written as bytes: in English, a page of this machine or any address.
    private enum ByteValue {
        case page(Int)
        case address(UInt64, AddressPlace)

        /// Room for everything `write` puts down (ByteText leaves out a piece that does not fit).
        func capacity(_ name: String?) -> Int {
            let n = 8 + (name?.utf8.count ?? 0)
            if case .address(_, let place) = self { return n + place.capacity }
            return n + 200
        }
    }

    /// What an address is, found once for its line (the slab object it falls in, else the page of the direct map,
    /// else vmalloc space).
    private enum AddressPlace {
        case slabObject(index: Int, cache: String, slabPFN: Int)
        case directMap(pfn: Int)
        case vmalloc
        case kmap(KmapTarget)
        case other

        init(_ a: UInt64, _ k: Kernel) {
            if let t = k.kmapTarget(a) {
                self = .kmap(t)
            } else if let loc = k.locateSlabObject(a), let i = loc.index {
                self = .slabObject(index: i, cache: k.slab.caches[loc.cacheIndex].name, slabPFN: loc.slabPFN)
            } else if let pfn = k.directMapPFN(a) {
                self = .directMap(pfn: pfn)
            } else {
                self = k.isVmallocAddr(a) ? .vmalloc : .other
            }
        }

        var capacity: Int {
            if case .slabObject(_, let cache, _) = self { return 160 + cache.utf8.count }
            return 200
        }
    }

    private static func byteValue(_ v: ShellValue, _ k: Kernel, _ lang: Language) -> ByteValue? {
        guard lang == .en else { return nil }
        switch v {
        case .page(let p) where p.raw >= 0 && p.raw < k.frames.count: return .page(p.raw)
        case .address(let a): return .address(a, AddressPlace(a, k))
        default: return nil
        }
    }

    /// `$name = ` and the value: `(struct page *)0x…  pfn …  [order-0 block, zone Normal]` or
    /// `0xffff888100022000  [object 0 of kmalloc-64, slab at pfn 0x100022]`.
    private static func write(_ bv: ByteValue, name: String?, _ k: Kernel, newline: Bool, into b: inout ByteText) {
        if let name {
            b.append("$")
            b.append(name)
            b.append(" = ")
        }
        switch bv {
        case .page(let pfn): page(pfn, k, into: &b)
        case .address(let a, let place): address(a, place, k, into: &b)
        }
        if newline { b.append("\n") }
    }

    /// An address and what it is, in English: the same words `describe` gives in another language from the catalog.
    private static func address(_ a: UInt64, _ place: AddressPlace, _ k: Kernel, into b: inout ByteText) {
        b.appendHex(a)
        switch place {
        case .slabObject(let i, let cache, let slabPFN):
            b.append("  [")
            slabObject(index: i, cache: cache, slabPFN: slabPFN, into: &b)
            b.append("]")
        case .directMap(let pfn):
            b.append("  [pfn ")
            b.appendHex(pfn)
            b.append(", ")
            PageBlock(pfn, k).write(into: &b)
            b.append("]")
        case .vmalloc:
            b.append("  [")
            b.append(Message.vmallocAreaValue.en)
            b.append("]")
        case .kmap(let t):
            b.append("  [")
            b.append(Message.kmapValue(t).en)
            b.append("]")
        case .other: break
        }
    }

    /// "object 3 of kmalloc-64, slab at pfn 0x100022": the catalog's English (`Message.slabObjectValue`, which
    /// ValueLineTests holds it to), written in place, as every kmalloc's result line holds one.
    static func slabObject(index: Int, cache: String, slabPFN: Int, into b: inout ByteText) {
        b.append("object ")
        b.appendDecimal(index)
        b.append(" of ")
        b.append(cache)
        b.append(", slab at pfn ")
        b.appendHex(slabPFN)
    }

    /// `(struct page *)0xffffea0004000880  pfn 0x100022  phys 0x100022000  [order-0 block, zone Normal]`.
    private static func page(_ pfn: Int, _ k: Kernel, into b: inout ByteText) {
        b.append("(struct page *)")
        b.appendHex(k.structPageAddress(pfn))
        b.append("  pfn ")
        b.appendHex(pfn)
        b.append("  phys ")
        b.appendHex(k.physAddr(pfn))
        b.append("  [")
        PageBlock(pfn, k).write(into: &b)
        b.append("]")
    }

    static func describe(_ v: ShellValue, kernel k: Kernel, lang: Language = .en) -> String {
        switch v {
        case .none: return ""
        case .null: return "NULL"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .int(let n): return n >= 10 || n < 0 ? "\(n) (\(Format.hex(n)))" : "\(n)"
        case .address(let a):
            let place = AddressPlace(a, k)
            if lang == .en { return ByteText.string(capacity: place.capacity) { address(a, place, k, into: &$0) } }
            var s = Format.hex(a)
            switch place {
            case .slabObject(let i, let cache, let slabPFN):
                s += "  [" + Message.slabObjectValue(index: i, cache: cache, slabPFN: slabPFN).text(lang) + "]"
            case .directMap(let pfn): s += "  [pfn \(Format.hex(pfn)), \(PageBlock(pfn, k).summary(lang))]"
            case .vmalloc: s += "  [" + Message.vmallocAreaValue.text(lang) + "]"
            case .kmap(let t): s += "  [" + Message.kmapValue(t).text(lang) + "]"
            case .other: break
            }
            return s
        case .page(let p):
            guard p.raw >= 0, p.raw < k.frames.count else { return "(struct page *)pfn \(p)" }
            if lang == .en { return ByteText.string(capacity: 200) { page(p.raw, k, into: &$0) } }
            return "(struct page *)" + Format.hex(k.structPageAddress(p.raw)) + "  pfn " + Format.hex(p.raw) + "  phys "
                + Format.hex(k.physAddr(p.raw)) + "  [" + PageBlock(p.raw, k).summary(lang) + "]"
        }
    }

    /// "order-3 block, zone Normal" and friends.
    static func blockSummary(_ pfn: Int, _ k: Kernel) -> String { PageBlock(pfn, k).summary }

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
            switch k.kmapTarget(a) {
            case .pkmap(let e, let pfn?, let count)?:
                o += [("pkmap_entry", .int(e)), ("pfn", .hex(UInt64(pfn))), ("pkmap_count", .int(count))]
            case .local(let cpu, let slot, _, let pfn?)?:
                o += [("kmap_local_slot", .int(slot)), ("cpu", .int(cpu)), ("pfn", .hex(UInt64(pfn)))]
            default: break
            }
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

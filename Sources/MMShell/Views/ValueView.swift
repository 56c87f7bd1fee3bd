import KernelMM

/// How a command's value reads at the prompt and in JSON.
enum ValueView {
    /// `$p = (struct page *)0x…  pfn …  [order-0 block, zone Normal]`, with a newline when asked.
    static func line(_ v: ShellValue, name: String?, kernel k: Kernel, newline: Bool = false, lang: Language = .en) -> String {
        if lang == .en, case .page(let p) = v, p.raw >= 0, p.raw < k.frames.count {
            // The result every allocation prints: written as bytes into the string's own storage.
            let capacity = 200 + (name?.utf8.count ?? 0)
            return ByteText.string(capacity: capacity) { b in
                if let name {
                    b.append("$")
                    b.append(name)
                    b.append(" = ")
                }
                page(p.raw, k, into: &b)
                if newline { b.append("\n") }
            }
        }
        var s = name.map { "$\($0) = " } ?? ""
        s += describe(v, kernel: k, lang: lang)
        if newline { s += "\n" }
        return s
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
            var s = Format.hex(a)
            if let loc = k.locateSlabObject(a), let i = loc.index {
                let what = Message.slabObjectValue(index: i, cache: k.slab.caches[loc.cacheIndex].name, slabPFN: loc.slabPFN)
                s += "  [" + what.text(lang) + "]"
            } else if let pfn = k.directMapPFN(a) {
                s += "  [pfn \(Format.hex(pfn)), \(PageBlock(pfn, k).summary(lang))]"
            } else if k.isVmallocAddr(a) {
                s += "  [" + Message.vmallocAreaValue.text(lang) + "]"
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

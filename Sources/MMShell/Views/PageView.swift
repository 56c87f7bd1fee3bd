import KernelMM

extension PageBlock {
    /// "order-3 block, zone Normal", "page 2 of the order-3 block at 0x1000, zone Normal": written in place, as every
    /// allocation's result line holds one.
    func write(into b: inout ByteText) {
        func zone(_ z: String?) { b.append(z ?? "no zone") }
        switch self {
        case .allocated(let order, let z, let compoundHead):
            b.append("order-")
            b.appendDecimal(order)
            b.append(" block, zone ")
            zone(z)
            if compoundHead { b.append(", compound head") }
        case .free(let order, let z):
            b.append("free order-")
            b.appendDecimal(order)
            b.append(" block, zone ")
            zone(z)
        case .pcp(let z):
            b.append("on a per-CPU free list, zone ")
            zone(z)
        case .reserved(let z):
            b.append("reserved, zone ")
            zone(z)
        case .absent: b.append("not RAM")
        case .inAllocated(let index, let order, let head, let z):
            b.append("page ")
            b.appendDecimal(index)
            b.append(" of the order-")
            b.appendDecimal(order)
            b.append(" block at ")
            b.appendHex(head)
            b.append(", zone ")
            zone(z)
        case .inFree(let order, let head, let z):
            b.append("inside the free order-")
            b.appendDecimal(order)
            b.append(" block at ")
            b.appendHex(head)
            b.append(", zone ")
            zone(z)
        case .tail(let z):
            b.append("zone ")
            zone(z)
        }
    }

    var summary: String { ByteText.string(capacity: 128) { write(into: &$0) } }
}

/// The renderers of `PageModel` (`page PFN`): dump_page()'s lines, then kmemsim's, in the kernel's English.
extension PageModel {
    var text: String {
        var lines = dumpLines
        lines.append("")
        lines.append("pfn \(Format.hex(pfn))  phys \(Format.hex(phys))  zone \(zone ?? "none")  struct page at \(Format.hex(dump.structPageAddress))")
        if let v = virtual { lines.append("virtual (direct map) \(Format.hex(v))") } else if state != .absent { lines.append("no permanent kernel address (HIGHMEM)") }
        lines.append("state: " + block.summary + (owner.map { ", held by \(PageView.ownerText($0))" } ?? ""))
        if let mt = migratetype { lines.append("migratetype \(mt); pageblock \(pageblock ?? "?")") }
        if zeroed { lines.append("contents: zeroed (__GFP_ZERO)") }
        if let t = pageTable { lines.append("\(t.pte ? "PTE" : "PMD") table of init_mm for \(Format.hex(t.start))-\(Format.hex(t.end))") }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: JSONValue {
        let d = dump
        var o: [(String, JSONValue)] = [("pfn", .hex(UInt64(pfn))), ("struct_page", .hex(d.structPageAddress)),
                                         ("phys", .hex(phys)), ("refcount", .int(d.refcount)),
                                         ("mapcount", .int(d.mapcount)), ("flags", .hex(d.flags)),
                                         ("flag_names", .array(d.flagNames.map { .string($0) })),
                                         ("state", .string(String(describing: state)))]
        if let t = d.pageType { o.append(("page_type", .hex(UInt64(t)))) }
        if let order = d.order { o.append(("order", .int(order))) }
        if let z = zone { o.append(("zone", .string(z))) }
        if let v = virtual { o.append(("virtual", .hex(v))) }
        if let owner { o.append(("owner", .string(PageView.ownerText(owner)))) }
        if let mt = migratetype { o += [("migratetype", .string(mt)), ("pageblock", .string(pageblock ?? "?"))] }
        if zeroed { o.append(("zeroed", .bool(true))) }
        if let t = pageTable { o.append(("page_table", .object([("level", .string(t.pte ? "PTE" : "PMD")), ("start", .hex(t.start)), ("end", .hex(t.end))]))) }
        return .object(o)
    }
}

enum PageView {
    /// The page view is in the kernel's English (as dump_page() above it): the catalog's English owner name.
    static func ownerText(_ o: FrameOwner) -> String { Message.ownerName(o).en }
}

/// `kmem ADDR`: what owns an address, like crash's `kmem`.
enum KmemView {
    /// Subsystems that can name what lives at an address (slab objects, vmalloc areas) add a resolver here.
    static let resolvers: [@Sendable (ShellSession, UInt64) -> String?] = [SlabView.resolve, PercpuView.kmem, VmallocView.kmem]

    static func render(_ addr: UInt64, session s: ShellSession) -> String? {
        for r in resolvers { if let t = r(s, addr) { return t } }
        let k = s.kernel
        var pfn: Int?
        var how = ""
        if let p = k.directMapPFN(addr) {
            pfn = p
            how = "direct-map address \(Format.hex(addr)) = phys \(Format.hex(addr - k.arch.pageOffset))"
        } else if let p = k.pfnOfStructPage(addr) {
            pfn = p
            how = "struct page of pfn \(Format.hex(p))"
        } else if addr < UInt64(k.frames.count) << UInt64(k.arch.pageShift), k.frames[Int(addr >> UInt64(k.arch.pageShift))].state != .absent {
            pfn = Int(addr >> UInt64(k.arch.pageShift))
            how = "physical address \(Format.hex(addr))"
        }
        guard let pfn else { return nil }
        var t = how + "\n  pfn \(Format.hex(pfn)): " + ValueView.blockSummary(pfn, k)
        if k.frames[pfn].state == .allocated { t += ", held by " + PageView.ownerText(k.frames[pfn].owner) }
        if k.frames[pfn].state == .reserved, let r = k.memblock.first(where: { $0.start <= k.physAddr(pfn) && k.physAddr(pfn) < $0.end }) {
            t += "\n  memblock: \(s.say(.memblockPurpose(r.purpose))) [\(Format.hex(r.start))-\(Format.hex(r.end - 1))]"
        }
        return t + "\n"
    }
}

/// `memmap`: physical memory by zone, one character per chunk of frames (the majority state wins).
enum MemmapView {
    static let legend = "legend: . free  # allocated  S slab  V vmalloc  K kernel stack  t page table  P per-CPU  c on pcp lists  R reserved  L leaked  _ hole"

    static func symbol(_ f: PageFrame) -> Character {
        switch f.state {
        case .buddy: "."
        case .pcp: "c"
        case .reserved: "R"
        case .absent: "_"
        case .tail: "?"
        case .allocated:
            switch f.owner {
            case .slab: "S"
            case .vmalloc: "V"
            case .kernelStack: "K"
            case .percpu: "P"
            case .leaked: "L"
            case .pageTable: "t"
            default: "#"
            }
        }
    }

    static func render(_ k: Kernel, zone only: ZoneType?, width: Int = 64, rows: Int = 4, style: Style) -> String {
        // Resolve each frame's symbol once by walking block heads.
        var sym = [Character](repeating: "_", count: k.frames.count)
        var pfn = 0
        while pfn < k.frames.count {
            let f = k.frames[pfn]
            let n = (f.state == .buddy || f.state == .allocated || f.state == .pcp) ? 1 << Int(f.order) : 1
            let c = symbol(f)
            for i in pfn..<min(pfn + n, sym.count) { sym[i] = c }
            pfn += n
        }
        var out = ""
        for z in k.zones where z.isPopulated && (only == nil || only == z.type) {
            let cells = width * rows
            let chunk = max(1, (z.spannedPages + cells - 1) / cells)
            out += "\(z.type.procName): pfn \(Format.hex(z.startPFN))-\(Format.hex(z.endPFN - 1)), \(Format.bytes(UInt64(z.spannedPages) * UInt64(k.pageSize))), one cell = \(chunk) page\(chunk == 1 ? "" : "s")\n"
            var line = "  "
            var col = 0
            var p = z.startPFN
            while p < z.endPFN {
                var counts: [Character: Int] = [:]
                for i in p..<min(p + chunk, z.endPFN) { counts[sym[i], default: 0] += 1 }
                // Majority, ties broken by a fixed order so output is deterministic.
                let order: [Character] = ["#", "S", "V", "K", "P", "L", "c", "R", ".", "_"]
                let best = order.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? "."
                line.append(best)
                col += 1
                if col == width {
                    out += line + "\n"
                    line = "  "
                    col = 0
                }
                p += chunk
            }
            if col > 0 { out += line + "\n" }
        }
        return out + legend + "\n"
    }
}

import KernelMM

/// The renderers of `KmemModel` (`kmem ADDR`), as text (kmemsim's words in the learner's language where the catalog
/// has them) and JSON.
extension KmemModel {
    func text(_ lang: Language) -> String {
        switch self {
        case .slabObject(_, let o):
            var t = "CACHE \(o.cache)  (object size \(o.objectSize), stride \(o.stride))\n"
            t += "  SLAB \(Format.hex(o.slabAddress))  pfn \(Format.hex(o.slabPFN))  order \(o.order)  list \(o.list.rawValue)  inuse \(o.inuse)/\(o.objects)\n"
            if let i = o.index {
                let state = switch o.state {
                case .allocated: "[allocated]"
                case .cached: "free (in a per-CPU array cache)"
                case .free: "free"
                }
                t += "  OBJECT \(i) at \(Format.hex(o.objectAddress)) \(state)" + (o.exact ? "" : ", address is \(o.offset) bytes into it") + "\n"
            } else {
                t += "  not inside an object (colour, freelist or leftover space)\n"
            }
            return t
        case .percpu(let addr, let p):
            var t = "per-CPU address \(Format.hex(addr)): chunk \(p.chunk), unit \(p.unit) (cpu\(p.unit)'s copy), offset \(p.offset)\n  "
            let sameOffset = "; the same offset in every unit is another CPU's copy (+\(p.unitSize) per CPU)"
            switch p.place {
            case .variable(let type, let name, let value, let into):
                t += "\(type) \(name) = \(value)" + (into > 0 ? " (+\(into))" : "") + sameOffset
            case .allocation(let size, let caller, let into):
                t += "\(size)-byte allocation by \(caller)" + (into > 0 ? " (+\(into))" : "") + sameOffset
            case .unitTailReturned(let size): t += PercpuStrings.unitTailReturned(firstChunkSize: size).text(lang)
            case .staticData: t += "the kernel's static per-CPU data (.data..percpu)"
            case .freeReserved: t += "free, in the reserved area for modules' static per-CPU variables"
            case .freeDynamic: t += "free, in the dynamic area (alloc_percpu)"
            }
            // Past the first chunk's size the unit is ordinary direct-map memory: there is nothing to populate.
            if let f = p.frame { t += "\n  pfn \(Format.hex(f.pfn)): " + f.block.summary }
            else if !p.pastFirstChunk { t += "\n  page not populated yet" }
            return t + "\n"
        case .vmallocHole(let addr):
            return "vmalloc address \(Format.hex(addr)): in the vmalloc range but in no area (not mapped)\n"
        case .vmalloc(let addr, let v):
            let t = "vmalloc address \(Format.hex(addr)): \(VmallocView.purpose(v.purpose)) at \(Format.hex(v.start)) (caller \(v.caller))\n"
            if v.page >= v.pages { return t + "  guard page after the area: not mapped, any access faults\n" }
            guard let f = v.frame else { return t + "  page \(v.page): not populated yet\n" }
            return t + "  page \(v.page) of \(v.pages), offset \(Format.hex(v.offset)) → pfn \(Format.hex(f.pfn)) phys \(Format.hex(v.phys))\n"
                + "  pfn \(Format.hex(f.pfn)): " + f.block.summary + "\n"
        case .frame(let addr, let reach, let f, let owner, let memblock):
            var t = switch reach {
            case .directMap(let phys): "direct-map address \(Format.hex(addr)) = phys \(Format.hex(phys))"
            case .structPage: "struct page of pfn \(Format.hex(f.pfn))"
            case .physical: "physical address \(Format.hex(addr))"
            }
            t += "\n  pfn \(Format.hex(f.pfn)): " + f.block.summary
            if let owner { t += ", held by " + PageView.ownerText(owner) }
            if let r = memblock { t += "\n  memblock: \(Message.memblockPurpose(r.purpose).text(lang)) [\(Format.hex(r.start))-\(Format.hex(r.end - 1))]" }
            return t + "\n"
        }
    }

    var json: JSONValue {
        func frame(_ f: Frame?) -> JSONValue {
            f.map { .object([("pfn", .int($0.pfn)), ("block", .string($0.block.summary))]) } ?? .null
        }
        switch self {
        case .slabObject(let addr, let o):
            return .object([("address", .hex(addr)), ("kind", .string("slab_object")), ("cache", .string(o.cache)),
                            ("object_size", .int(o.objectSize)), ("stride", .int(o.stride)), ("slab", .hex(o.slabAddress)),
                            ("slab_pfn", .int(o.slabPFN)), ("order", .int(o.order)), ("list", .string(o.list.rawValue)),
                            ("inuse", .int(o.inuse)), ("objects", .int(o.objects)), ("index", o.index.map { .int($0) } ?? .null),
                            ("object", o.index == nil ? .null : .hex(o.objectAddress)),
                            ("allocated", .bool(o.index != nil && o.state == .allocated)), ("offset", .int(o.exact ? 0 : o.offset))])
        case .percpu(let addr, let p):
            let place: String = switch p.place {
            case .variable: "variable"
            case .allocation: "allocation"
            case .unitTailReturned: "returned_to_page_allocator"
            case .staticData: "static"
            case .freeReserved: "free_reserved"
            case .freeDynamic: "free_dynamic"
            }
            return .object([("address", .hex(addr)), ("kind", .string("percpu")), ("chunk", .int(p.chunk)), ("unit", .int(p.unit)),
                            ("cpu", .int(p.unit)), ("offset", .int(p.offset)), ("place", .string(place)), ("frame", frame(p.frame))])
        case .vmallocHole(let addr):
            return .object([("address", .hex(addr)), ("kind", .string("vmalloc_unmapped"))])
        case .vmalloc(let addr, let v):
            return .object([("address", .hex(addr)), ("kind", .string("vmalloc")), ("area", .hex(v.start)),
                            ("purpose", .string(VmallocView.purpose(v.purpose))), ("caller", .string(v.caller)),
                            ("page", .int(v.page)), ("pages", .int(v.pages)), ("guard", .bool(v.page >= v.pages)), ("frame", frame(v.frame))])
        case .frame(let addr, let reach, let f, let owner, let memblock):
            let how = switch reach {
            case .directMap: "direct_map"
            case .structPage: "struct_page"
            case .physical: "physical"
            }
            return .object([("address", .hex(addr)), ("kind", .string(how)), ("frame", frame(f)),
                            ("owner", owner.map { .string(PageView.ownerText($0)) } ?? .null),
                            ("memblock", memblock.map { .object([("name", .string(Message.memblockPurpose($0.purpose).en)), ("start", .hex($0.start)), ("end", .hex($0.end))]) } ?? .null)])
        }
    }
}

import KernelMM

/// The renderers of `KmemModel` (`kmem ADDR`), as text (kmemsim's words in the learner's language where the catalog
/// has them) and JSON.
extension KmemModel {
    func text(_ lang: Language) -> String {
        func say(_ m: Message) -> String { m.text(lang) }
        func held(_ o: FrameOwner?) -> String { o.map { say(.heldBy($0)) } ?? "" }
        switch self {
        case .slabObject(_, let o):
            var t = say(.kmemCacheLine(cache: o.cache, objectSize: o.objectSize, stride: o.stride)) + "\n"
            t += "  SLAB \(Format.hex(o.slabAddress))  pfn \(Format.hex(o.slabPFN))  order \(o.order)  list \(o.list.rawValue)  inuse \(o.inuse)/\(o.objects)\n"
            if let i = o.index {
                t += "  " + say(.kmemObjectLine(index: i, address: o.objectAddress, state: .kmemObjectState(o.state), offset: o.exact ? nil : o.offset)) + "\n"
            } else {
                t += "  " + say(.kmemNotInsideObject) + "\n"
            }
            return t
        case .percpu(let addr, let p):
            var t = say(.kmemPercpuLine(address: addr, chunk: p.chunk, unit: p.unit, offset: p.offset)) + "\n  "
            let sameOffset = say(.kmemPercpuSameOffset(unitSize: p.unitSize))
            switch p.place {
            case .variable(let type, let name, let value, let into):
                t += "\(type) \(name) = \(value)" + (into > 0 ? " (+\(into))" : "") + sameOffset
            case .allocation(let size, let caller, let into):
                t += say(.kmemPercpuAllocation(size: size, caller: caller)) + (into > 0 ? " (+\(into))" : "") + sameOffset
            case .unitTailReturned(let size): t += PercpuStrings.unitTailReturned(firstChunkSize: size).text(lang)
            case .staticData: t += say(.kmemPercpuStatic)
            case .freeReserved: t += say(.kmemPercpuFreeReserved)
            case .freeDynamic: t += say(.kmemPercpuFreeDynamic)
            }
            // Past the first chunk's size the unit is ordinary direct-map memory: there is nothing to populate.
            if let f = p.frame { t += "\n  pfn \(Format.hex(f.pfn)): " + f.block.summary(lang) }
            else if !p.pastFirstChunk { t += "\n  " + say(.kmemPageNotPopulated) }
            return t + "\n"
        case .vmallocHole(let addr):
            return say(.kmemVmallocHole(addr)) + "\n"
        case .vmalloc(let addr, let v):
            let t = say(.kmemVmallocLine(address: addr, purpose: .vmallocPurpose(v.purpose), start: v.start, caller: v.caller)) + "\n"
            if v.page >= v.pages { return t + "  " + say(.kmemVmallocGuard) + "\n" }
            guard let f = v.frame else { return t + "  " + say(.kmemVmallocPageNotPopulated(v.page)) + "\n" }
            return t + "  " + say(.kmemVmallocPage(page: v.page, pages: v.pages, offset: v.offset, pfn: f.pfn, phys: v.phys)) + "\n"
                + "  pfn \(Format.hex(f.pfn)): " + f.block.summary(lang) + "\n"
        case .frame(let addr, let reach, let f, let owner, let memblock):
            var t = switch reach {
            case .directMap(let phys): say(.kmemDirectMap(address: addr, phys: phys))
            case .structPage: say(.kmemStructPage(pfn: f.pfn))
            case .physical: say(.kmemPhysical(addr))
            }
            t += "\n  pfn \(Format.hex(f.pfn)): " + f.block.summary(lang) + held(owner)
            if let r = memblock { t += "\n  memblock: \(Message.memblockPurpose(r.purpose).text(lang)) [\(Format.hex(r.start))-\(Format.hex(r.end - 1))]" }
            return t + "\n"
        case .kmap(let addr, let target, let f):
            var t = say(.kmemKmapLine(address: addr, target: target)) + "\n"
            if let f { t += "  pfn \(Format.hex(f.pfn)): " + f.block.summary(lang) + "\n" }
            return t
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
        case .kmap(let addr, let target, let f):
            var o: [(String, JSONValue)] = [("address", .hex(addr))]
            switch target {
            case .pkmap(let e, _, let count): o += [("kind", .string("pkmap")), ("entry", .int(e)), ("pkmap_count", .int(count))]
            case .local(let cpu, let slot, let pid, _):
                o += [("kind", .string("kmap_local")), ("cpu", .int(cpu)), ("slot", .int(slot)), ("pid", pid.map { .int($0) } ?? .null)]
            }
            return .object(o + [("frame", frame(f))])
        }
    }
}

import KernelMM

/// `compare SIZE`: the source text's contrast between kmalloc and vmalloc, made visible on copies of the machine.
enum CompareView {
    struct Side {
        var address = "NULL"
        var region = ""
        var physical = ""
        var pages = ""
        var waste = ""
        var zones = ""
        var frames: [Int] = []
        var sleeps = ""
        var cost = ""
        var ok = false
    }

    static func render(size: Int, gfp: GFPFlags, kernel k: Kernel) -> CommandOutput {
        var km = k
        km.log.clear()
        let kAddr = km.kmalloc(size, gfp: gfp.union(.nowarn), caller: "kmalloc")
        var vm = k
        vm.log.clear()
        let vAddr = vm.vmalloc(UInt64(size), caller: "vmalloc")
        let ps = k.pageSize
        var left = Side(), right = Side()

        if let a = kAddr, a != 0x10 {
            left.ok = true
            left.address = Format.hex(a)
            left.region = "direct map (PAGE_OFFSET + phys)"
            if let loc = km.locateSlabObject(a) {
                let c = km.slab.caches[loc.cacheIndex]
                left.physical = "yes: one object inside slab page(s) at pfn \(Format.hex(loc.slabPFN))"
                left.pages = "a share of a slab of \(1 << c.order) page\(c.order == 0 ? "" : "s") (\(c.num) objects of \(c.size) B)"
                left.waste = "\(c.size - size) B (size class \(c.name))"
                left.frames = [loc.slabPFN]
            } else if let pfn = km.directMapPFN(a) {
                let order = Int(km.frames[pfn].order)
                left.physical = "yes: one block of \(1 << order) contiguous pages at pfn \(Format.hex(pfn))"
                left.pages = "\(1 << order) (order-\(order) compound page, counted as SUnreclaim)"
                left.waste = "\((ps << order) - size) B (rounded up to 2^\(order) pages)"
                left.frames = [pfn]
            }
        } else {
            left.address = kAddr == 0x10 ? "ZERO_SIZE_PTR" : "NULL"
            left.physical = size > (ps << k.maxOrder) ? "impossible: above KMALLOC_MAX_SIZE (\(Format.bytes(UInt64(ps << k.maxOrder))))" : "no contiguous block found"
        }
        left.zones = left.frames.compactMap { km.zoneIndex(ofPFN: $0).map { km.zones[$0].type.procName } }.joined(separator: ", ")
        left.sleeps = gfp.allowsBlocking ? "yes with \(gfp.pGg) (process context only)" : "no with \(gfp.pGg): usable in atomic context"
        left.cost = "a slab object or one buddy block; no page tables"

        if let a = vAddr, let i = vm.vmalloc.index(containing: a) {
            let area = vm.vmalloc.areas[i]
            right.ok = true
            right.address = Format.hex(a)
            right.region = "vmalloc area \(Format.hex(k.vmallocRange.start))-\(Format.hex(k.vmallocRange.end - 1))"
            right.frames = area.pages.map { Int($0) }
            // Runs of adjacent frames: vmalloc takes single pages, so any adjacency is luck.
            let runs = 1 + zip(right.frames, right.frames.dropFirst()).filter { $1 != $0 + 1 }.count
            right.physical = right.frames.count <= 1 ? "one page" : (runs == 1 ? "by chance: the \(right.frames.count) pages happen to be adjacent" : "no: \(right.frames.count) pages in \(runs) separate runs; contiguous only virtually")
            right.pages = "\(area.nrPages) page\(area.nrPages == 1 ? "" : "s") + \(area.guardPages) guard page of address space + vm_struct/vmap_area"
            right.waste = "\(area.nrPages * ps - size) B (rounded up to whole pages)"
            var zs: [String] = []
            for f in right.frames { if let z = vm.zoneIndex(ofPFN: f), !zs.contains(vm.zones[z].type.procName) { zs.append(vm.zones[z].type.procName) } }
            right.zones = zs.joined(separator: ", ") + (k.arch.configuredZones.contains(.highmem) ? " (HIGHMEM allowed)" : "")
        } else {
            right.physical = "no area: vmalloc failed"
        }
        right.sleeps = "always (GFP_KERNEL inside); never in interrupt context"
        right.cost = "one page allocation per page, page-table updates, a TLB flush when freed"

        func row(_ label: String, _ l: String, _ r: String) -> String { Format.left(label, 18) + Format.left(l, 58) + " " + r + "\n" }
        var t = "kmalloc(\(size), \(gfp.pGg)) versus vmalloc(\(size)) on \(k.arch.rawValue) — a dry run on copies of the machine\n\n"
        t += row("", "kmalloc", "vmalloc")
        t += row("address", left.address, right.address)
        t += row("region", left.region, right.region)
        t += row("phys. contiguous", left.physical, right.physical)
        t += row("pages", left.pages, right.pages)
        t += row("waste", left.waste, right.waste)
        t += row("zones", left.zones, right.zones)
        if right.frames.count > 1 {
            let shown = right.frames.prefix(8).map { Format.hex($0) }.joined(separator: " ")
            t += row("frames", left.frames.map { Format.hex($0) }.joined(separator: " "), shown + (right.frames.count > 8 ? " …" : ""))
        }
        t += row("may sleep", left.sleeps, right.sleeps)
        t += row("cost", left.cost, right.cost)
        t += row("largest", "KMALLOC_MAX_SIZE = \(Format.bytes(UInt64(ps << k.maxOrder)))", "the vmalloc area, or RAM")
        let json = JSONValue.object([
            ("size", .int(size)),
            ("kmalloc", .object([("ok", .bool(left.ok)), ("address", .string(left.address)), ("frames", .array(left.frames.map { .hex(UInt64($0)) })), ("zones", .string(left.zones))])),
            ("vmalloc", .object([("ok", .bool(right.ok)), ("address", .string(right.address)), ("frames", .array(right.frames.map { .hex(UInt64($0)) })), ("zones", .string(right.zones))])),
        ])
        return CommandOutput(text: t, json: json)
    }
}

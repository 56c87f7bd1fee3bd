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

    static func render(size: Int, gfp: GFPFlags, kernel k: Kernel, lang: Language = .en) -> CommandOutput {
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
            left.region = Message.compareDirectMap.text(lang)
            if let loc = km.locateSlabObject(a) {
                let c = km.slab.caches[loc.cacheIndex]
                left.physical = Message.compareSlabObject(pfn: Format.hex(loc.slabPFN)).text(lang)
                left.pages = Message.compareSlabShare(pages: 1 << c.order, objects: c.num, size: c.size).text(lang)
                left.waste = Message.compareSlabWaste(bytes: c.size - size, cache: c.name).text(lang)
                left.frames = [loc.slabPFN]
            } else if let pfn = km.directMapPFN(a) {
                let order = Int(km.frames[pfn].order)
                left.physical = Message.compareBlock(pages: 1 << order, pfn: Format.hex(pfn)).text(lang)
                left.pages = Message.compareLargePages(pages: 1 << order, order: order).text(lang)
                left.waste = Message.compareLargeWaste(bytes: (ps << order) - size, order: order).text(lang)
                left.frames = [pfn]
            }
        } else {
            left.address = kAddr == 0x10 ? "ZERO_SIZE_PTR" : "NULL"
            left.physical = (size > (ps << k.maxOrder) ? Message.compareTooLarge(max: Format.bytes(UInt64(ps << k.maxOrder))) : Message.compareNoBlock).text(lang)
        }
        left.zones = left.frames.compactMap { km.zoneIndex(ofPFN: $0).map { km.zones[$0].type.procName } }.joined(separator: ", ")
        left.sleeps = Message.compareSleepsKmalloc(gfp: gfp.pGg, blocking: gfp.allowsBlocking).text(lang)
        left.cost = Message.compareCostKmalloc.text(lang)

        if let a = vAddr, let i = vm.vmalloc.index(containing: a) {
            let area = vm.vmalloc.areas[i]
            right.ok = true
            right.address = Format.hex(a)
            right.region = Message.compareVmallocArea(start: Format.hex(k.vmallocRange.start), end: Format.hex(k.vmallocRange.end - 1)).text(lang)
            right.frames = area.pages.map { Int($0) }
            // Runs of adjacent frames: vmalloc takes single pages, so any adjacency is luck.
            let runs = 1 + zip(right.frames, right.frames.dropFirst()).filter { $1 != $0 + 1 }.count
            right.physical = (right.frames.count <= 1 ? Message.compareOnePage : runs == 1 ? Message.compareAdjacentByChance(pages: right.frames.count) : Message.compareScattered(pages: right.frames.count, runs: runs)).text(lang)
            right.pages = Message.compareVmallocPages(pages: area.nrPages, guardPages: area.guardPages).text(lang)
            right.waste = Message.compareVmallocWaste(bytes: area.nrPages * ps - size).text(lang)
            var zs: [String] = []
            for f in right.frames { if let z = vm.zoneIndex(ofPFN: f), !zs.contains(vm.zones[z].type.procName) { zs.append(vm.zones[z].type.procName) } }
            right.zones = zs.joined(separator: ", ") + (k.arch.configuredZones.contains(.highmem) ? Message.compareHighmemAllowed.text(lang) : "")
        } else {
            right.physical = Message.compareVmallocFailed.text(lang)
        }
        right.sleeps = Message.compareSleepsVmalloc.text(lang)
        right.cost = Message.compareCostVmalloc.text(lang)

        func row(_ label: String, _ l: String, _ r: String) -> String { Format.left(label, 18) + Format.left(l, 58) + " " + r + "\n" }
        var t = Message.compareTitle(size: size, gfp: gfp.pGg, arch: k.arch.rawValue).text(lang) + "\n\n"
        t += row("", "kmalloc", "vmalloc")
        t += row(Message.compareAddress.text(lang), left.address, right.address)
        t += row(Message.compareRegion.text(lang), left.region, right.region)
        t += row(Message.comparePhysical.text(lang), left.physical, right.physical)
        t += row(Message.comparePages.text(lang), left.pages, right.pages)
        t += row(Message.compareWaste.text(lang), left.waste, right.waste)
        t += row(Message.compareZones.text(lang), left.zones, right.zones)
        if right.frames.count > 1 {
            let shown = right.frames.prefix(8).map { Format.hex($0) }.joined(separator: " ")
            t += row(Message.compareFrames.text(lang), left.frames.map { Format.hex($0) }.joined(separator: " "), shown + (right.frames.count > 8 ? " …" : ""))
        }
        t += row(Message.compareSleeps.text(lang), left.sleeps, right.sleeps)
        t += row(Message.compareCost.text(lang), left.cost, right.cost)
        t += row(Message.compareLargest.text(lang), "KMALLOC_MAX_SIZE = \(Format.bytes(UInt64(ps << k.maxOrder)))", Message.compareVmallocLargest.text(lang))
        let json = JSONValue.object([
            ("size", .int(size)),
            ("kmalloc", .object([("ok", .bool(left.ok)), ("address", .string(left.address)), ("frames", .array(left.frames.map { .hex(UInt64($0)) })), ("zones", .string(left.zones))])),
            ("vmalloc", .object([("ok", .bool(right.ok)), ("address", .string(right.address)), ("frames", .array(right.frames.map { .hex(UInt64($0)) })), ("zones", .string(right.zones))])),
        ])
        return CommandOutput(text: t, json: json)
    }
}

extension Kernel {
    /// Checks a decoded machine against a fresh boot of its parameters before anything uses it: the parts the boot
    /// fixes must agree, and every frame number, CPU number and index held anywhere must be inside its range, so
    /// that `checkInvariants()` (which indexes freely) and every command can run on it. Consistency beyond that is
    /// `checkInvariants()`'s job.
    func checkSavedLayout(against booted: Kernel) throws(SavedStateProblem) {
        let n = frames.count, ncpu = params.cpus, types = MigrateType.allCases.count
        func same(_ part: String, _ saved: Int, _ boot: Int) throws(SavedStateProblem) {
            if saved != boot { throw .layout(part: part, saved: saved, booted: boot) }
        }
        func within(_ part: String, _ v: Int, _ lo: Int, _ hi: Int) throws(SavedStateProblem) {
            if v < lo || v >= hi { throw .outOfRange(part: part, value: v, lower: lo, limit: hi) }
        }
        func link(_ part: String, _ v: Int32) throws(SavedStateProblem) { try within(part, Int(v), -1, n) }

        try same("log.capacity", log.entries.capacity, KernelLog.capacity)
        try same("trace.capacity", trace.events.capacity, TraceBuffer.capacity)
        try same("ram", ram == booted.ram ? 0 : 1, 0)
        try same("memblock", memblock == booted.memblock ? 0 : 1, 0)
        try same("zones", zones.count, booted.zones.count)
        for (i, z) in zones.enumerated() {
            let b = booted.zones[i]
            try same("zones[\(i)].type", z.type.rawValue, b.type.rawValue)
            try same("zones[\(i)].index", z.index, b.index)
            try same("zones[\(i)].startPFN", z.startPFN, b.startPFN)
            try same("zones[\(i)].spannedPages", z.spannedPages, b.spannedPages)
            try same("zones[\(i)].presentPages", z.presentPages, b.presentPages)
            try same("zones[\(i)].lowmemReserve", z.lowmemReserve.count, b.lowmemReserve.count)
            try same("zones[\(i)].pageblockType", z.pageblockType.count, b.pageblockType.count)
            for t in z.pageblockType { try within("zones[\(i)].pageblockType", Int(t), 0, types) }
        }
        try same("freeLists.zoneCount", freeLists.zoneCount, booted.freeLists.zoneCount)
        try same("freeLists.orders", freeLists.orders, booted.freeLists.orders)
        try same("freeLists.slots", freeLists.slots.count, booted.freeLists.slots.count)
        for z in 0..<freeLists.zoneCount {
            for o in 0..<freeLists.orders {
                for m in 0..<types {
                    try link("freeLists.head", freeLists.head(zone: z, order: o, type: m))
                    try link("freeLists.tail", freeLists.tail(zone: z, order: o, type: m))
                }
            }
        }
        try same("pcpLists.zoneCount", pcpLists.zoneCount, booted.pcpLists.zoneCount)
        try same("pcpLists.cpuCount", pcpLists.cpuCount, booted.pcpLists.cpuCount)
        try same("pcpLists.listCount", pcpLists.listCount, booted.pcpLists.listCount)
        try same("pcpLists.slots", pcpLists.slots.count, booted.pcpLists.slots.count)
        for z in 0..<pcpLists.zoneCount {
            for c in 0..<pcpLists.cpuCount {
                for l in 0..<pcpLists.listCount {
                    try link("pcpLists.head", pcpLists.head(zone: z, cpu: c, list: l))
                    try link("pcpLists.tail", pcpLists.tail(zone: z, cpu: c, list: l))
                }
            }
        }
        for (p, f) in frames.enumerated() {
            try link("frames.next", f.next)
            try link("frames.prev", f.prev)
            try within("frames.migratetype", Int(f.migratetype), 0, types)
            if f.state != .tail, f.state != .absent, f.state != .reserved { try within("frames.order", Int(f.order), 0, maxOrder + 1) }
            _ = p
        }
        try same("cpus", cpus.count, ncpu)
        for (i, c) in cpus.enumerated() {
            try same("cpus[\(i)].id", c.id, i)
            if let s = c.irqStack {
                if let p = s.pfn { try within("cpus[\(i)].irqStack.pfn", p, 0, n) }
                if let p = s.softirqPFN { try within("cpus[\(i)].irqStack.softirqPFN", p, 0, n) }
            }
        }
        try within("currentCPU", currentCPU, 0, ncpu)
        try within("tasks", tasks.count, 1, Int.max)
        for t in tasks {
            try within("tasks.cpu", t.cpu, 0, ncpu)
            if let p = t.stack?.pfn { try within("tasks.stack.pfn", p, 0, n) }
            if let s = t.stack { try within("tasks.stack.size", s.size, 1, Int.max) }
        }
        try same("cachedStacks", cachedStacks.count, booted.cachedStacks.count)
        for a in vmalloc.areas {
            for p in a.pages { try link("vmalloc.pages", p) }
            try within("vmalloc.size", a.size, 0, Int.max)
        }
        try same("percpu.unitSize", percpu.unitSize, booted.percpu.unitSize)
        try same("percpu.staticSize", percpu.staticSize, booted.percpu.staticSize)
        try same("percpu.reservedSize", percpu.reservedSize, booted.percpu.reservedSize)
        try within("percpu.chunks", percpu.chunks.count, 1, Int.max)
        let unitPages = percpu.unitSize / pageSize
        for ch in percpu.chunks {
            if ch.vmArea != nil { try same("percpu.populated", ch.populated.count, unitPages) }
            for a in ch.allocations {
                try within("percpu.offset", a.offset, 0, percpu.unitSize)
                try within("percpu.size", a.size, 1, percpu.unitSize - a.offset + 1)
                try within("percpu.align", a.align, 1, Int.max)
            }
        }
        for v in percpu.variables {
            try same("percpu.\(v.name).values", v.values.count, ncpu)
            try within("percpu.\(v.name).offset", v.offset, 0, percpu.unitSize)
            try within("percpu.\(v.name).size", v.size, 1, percpu.unitSize - v.offset + 1)
        }
        try same("slab.kind", slab.kind == params.slab ? 0 : 1, 0)
        try same("slab.cpus", slab.cpus, booted.slab.cpus)
        for c in slab.caches {
            let perCPU = slab.kind == .slab ? c.arrays.count : c.cpuSlab.count
            try same("\(c.name).perCPU", perCPU, ncpu)
            if slab.kind == .slab { try same("\(c.name).arrayTouched", c.arrayTouched.count, ncpu) } else {
                try same("\(c.name).cpuPartialList", c.cpuPartialList.count, ncpu)
            }
            try within("\(c.name).order", c.order, 0, maxOrder + 1)
            try within("\(c.name).size", c.size, 1, Int.max)
            try within("\(c.name).align", c.align, 1, Int.max)
            // Geometry within the slab, so that no object index or offset computed from it leaves the slab.
            let slabBytes = (1 << c.order) * pageSize
            try within("\(c.name).objectSize", c.objectSize, 1, slabBytes + 1)
            try within("\(c.name).size", c.size, c.objectSize, slabBytes + 1)
            try within("\(c.name).num", c.num, 1, slabBytes / c.size + 1)
            for (part, v) in [("objOffset", c.objOffset), ("freePointerOffset", c.freePointerOffset), ("inuse", c.inuse)] {
                try within("\(c.name).\(part)", v, 0, c.size + 1)
            }
            for (part, v) in [("colour", c.colour), ("colourOff", c.colourOff), ("freelistSize", c.freelistSize)] {
                try within("\(c.name).\(part)", v, 0, slabBytes + 1)
            }
            try within("\(c.name).colourNext", c.colourNext, 0, max(c.colour, 1))
            try within("\(c.name).colour×colourOff", c.colour * c.colourOff, 0, slabBytes + 1)
            for (part, v) in [("limit", c.limit), ("batchcount", c.batchcount), ("shared", c.shared), ("freeLimit", c.freeLimit),
                              ("minPartial", c.minPartial), ("cpuPartial", c.cpuPartial), ("cpuPartialSlabs", c.cpuPartialSlabs),
                              ] {
                try within("\(c.name).\(part)", v, 0, 1 << 20)
            }
            // Boot caches hold refcount -1 (never merged, never destroyed).
            try within("\(c.name).refcount", c.refcount, -1, 1 << 20)
            for p in c.full + c.partial + c.free + c.cpuSlab.compactMap({ $0 }) + c.cpuPartialList.flatMap({ $0 }) {
                try within("\(c.name).lists", p, 0, n)
            }
            for (key, s) in c.slabs {
                try within("\(c.name).slabs", key, 0, n)
                try same("\(c.name).slabs.pfn", s.pfn, key)
                try same("\(c.name).slabs.objects", s.objects.count, c.num)
                try within("\(c.name).slabs.cpu", s.cpu, -1, ncpu)
                for i in s.freelist { try within("\(c.name).slabs.freelist", Int(i), 0, c.num) }
                if !s.bytes.isEmpty { try same("\(c.name).slabs.bytes", s.bytes.count, (1 << c.order) * pageSize) }
                if !s.tracks.isEmpty { try same("\(c.name).slabs.tracks", s.tracks.count, c.num) }
                try within("\(c.name).slabs.firstObjectOffset", s.firstObjectOffset, 0, (1 << c.order) * pageSize)
            }
        }
    }
}

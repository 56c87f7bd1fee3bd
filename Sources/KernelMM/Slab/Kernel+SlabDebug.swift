/// include/linux/poison.h and the SLAB/SLUB red-zone values.
public enum SlabPoison {
    public static let inuse: UInt8 = 0x5a   // POISON_INUSE
    public static let free: UInt8 = 0x6b    // POISON_FREE
    public static let end: UInt8 = 0xa5     // POISON_END
    public static let slubRedInactive: UInt8 = 0xbb
    public static let slubRedActive: UInt8 = 0xcc
    public static let slabRedInactive: UInt64 = 0x09F9_1102_9D74_E35B // RED_INACTIVE
    public static let slabRedActive: UInt64 = 0xD841_56C5_6356_88C0   // RED_ACTIVE
}

/// Object contents, kept only where debugging reads them: SLUB caches with slub_debug flags, SLAB with
/// CONFIG_DEBUG_SLAB. Everything else has no byte contents in kmemsim (and a real kernel checks nothing there).
extension Kernel {
    func keepsBytes(_ c: KmemCache) -> Bool {
        slab.kind == .slub ? c.isDebug : (slab.debug.debugSlab && !c.flags.intersection([.poison, .redZone]).isEmpty)
    }

    /// Byte offset of object `index`'s slot (not the returned pointer) inside its slab.
    func slotOffset(_ c: KmemCache, _ s: Slab, _ index: Int) -> Int { s.firstObjectOffset + index * c.size }

    /// setup_slab_debug() + setup_object() (SLUB) / cache_init_objs_debug() (SLAB) on a new slab.
    mutating func initSlabDebugBytes(_ ci: Int, pfn: Int) {
        let c = slab.caches[ci].shape
        guard keepsBytes(c), let n = slab.caches[ci].slabs[pfn]?.objects.count else { return }
        let bytes = [UInt8](repeating: c.flags.contains(.poison) ? SlabPoison.inuse : 0, count: pageSize << Int(frames[pfn].order))
        slab.caches[ci].slabs[pfn]?.bytes = bytes
        for i in 0..<n { initObject(ci, pfn: pfn, index: i, active: false) }
        if slab.kind == .slub {
            // The initial freelist: each free object points at the next (0 → 1 → … → NULL).
            for i in 0..<n { writeFreePointer(ci, pfn: pfn, index: i) }
        }
    }

    /// SLUB init_object() / SLAB poison_obj() + red zones: the object's bytes for its new state.
    mutating func initObject(_ ci: Int, pfn: Int, index: Int, active: Bool) {
        let c = slab.caches[ci].shape
        guard slab.caches[ci].slabs[pfn]?.bytes.isEmpty == false, var s = slab.caches[ci].slabs.removeValue(forKey: pfn) else { return }
        defer { slab.caches[ci].slabs[pfn] = s }
        let slot = slotOffset(c, s, index)
        let p = slot + c.objOffset
        switch slab.kind {
        case .slub:
            let val = active ? SlabPoison.slubRedActive : SlabPoison.slubRedInactive
            var poisonSize = c.objectSize
            if c.flags.contains(.redZone) {
                for i in slot..<p { s.bytes[i] = val }
                if active && c.flags.contains(.kmalloc) && c.flags.contains(.storeUser), index < s.tracks.count, s.tracks[index].origSize > 0 {
                    poisonSize = s.tracks[index].origSize
                }
            }
            if objectPoison(c) {
                for i in p..<(p + poisonSize - 1) { s.bytes[i] = SlabPoison.free }
                s.bytes[p + poisonSize - 1] = SlabPoison.end
            }
            if c.flags.contains(.redZone) { for i in (p + poisonSize)..<(p + c.inuse) { s.bytes[i] = val } }
        case .slab:
            if c.flags.contains(.poison) {
                for i in p..<(p + c.objectSize - 1) { s.bytes[i] = active ? SlabPoison.inuse : SlabPoison.free }
                s.bytes[p + c.objectSize - 1] = SlabPoison.end
            }
            if c.flags.contains(.redZone) {
                let w = active ? SlabPoison.slabRedActive : SlabPoison.slabRedInactive
                putWord(&s.bytes, at: slot, w)
                putWord(&s.bytes, at: slabRedzone2Offset(c, slot), w)
            }
        }
    }

    func objectPoison(_ c: KmemCache) -> Bool { c.flags.contains(.poison) && !c.flags.contains(.typesafeByRCU) && !c.hasCtor }

    func slabRedzone2Offset(_ c: KmemCache, _ slot: Int) -> Int {
        c.flags.contains(.storeUser) ? slot + c.size - 16 : slot + c.size - 8
    }

    func putWord(_ b: inout [UInt8], at o: Int, _ w: UInt64) {
        for i in 0..<8 where o + i < b.count { b[o + i] = UInt8((w >> (8 * UInt64(i))) & 0xff) }
    }
    func word(_ b: [UInt8], at o: Int) -> UInt64 {
        var w: UInt64 = 0
        for i in 0..<8 where o + i < b.count { w |= UInt64(b[o + i]) << (8 * UInt64(i)) }
        return w
    }

    /// __GFP_ZERO (or kzalloc): clear the object's bytes where they are kept.
    mutating func fillObject(_ ci: Int, pfn: Int, index: Int, byte: UInt8) {
        let c = slab.caches[ci].shape
        guard slab.caches[ci].slabs[pfn]?.bytes.isEmpty == false, var s = slab.caches[ci].slabs.removeValue(forKey: pfn) else { return }
        defer { slab.caches[ci].slabs[pfn] = s }
        let p = slotOffset(c, s, index) + c.objOffset
        for i in p..<(p + c.objectSize) { s.bytes[i] = byte }
    }

    /// SLAB's two red-zone words of an object.
    func slabRedzoneWords(_ ci: Int, pfn: Int, index: Int) -> (UInt64, UInt64) {
        let c = slab.caches[ci]
        guard let s = c.slabs[pfn], !s.bytes.isEmpty else { return (0, 0) }
        let slot = slotOffset(c, s, index)
        return (word(s.bytes, at: slot), word(s.bytes, at: slabRedzone2Offset(c, slot)))
    }

    // MARK: SLUB checks (mm/slub.c)

    /// get_info_end() + tracking: where the padding after an object's metadata starts.
    func slubPadStart(_ c: KmemCache) -> Int {
        var off = c.freePointerOffset >= c.inuse ? c.inuse + wordSize : c.inuse
        if c.flags.contains(.storeUser) { off += 2 * (arch.is64Bit ? 32 : 20) + (c.flags.contains(.kmalloc) ? 4 : 0) }
        return off
    }
    func sizeFromObject(_ c: KmemCache) -> Int { c.flags.contains(.redZone) ? c.size - c.objOffset : c.size }

    /// The report header and trailer for an object (slab_bug() + print_trailer()).
    func slubReport(_ ci: Int, pfn: Int, index: Int?, problem: SlubProblem) -> SlubBugReport {
        let c = slab.caches[ci]
        var r = SlubBugReport(cache: c.name, problem: problem)
        r.taintBefore = taintString
        guard let s = c.slabs[pfn] else { return r }
        r.slabAddress = structPageAddress(pfn)
        r.objects = s.objects.count
        r.used = s.inuse
        r.freelist = s.freelist.last.map { objectAddress(c, s, index: Int($0)) } ?? 0
        r.pageFlags = pageFlagsWord(pfn)
        r.pageFlagNames = pageFlagNames(pfn).joined(separator: "|")
        guard let index else { return r }
        let obj = objectAddress(c, s, index: index)
        r.objectAddress = obj
        r.objectOffset = Int(obj - (pageAddress(pfn) ?? 0))
        if let pos = s.freelist.firstIndex(of: Int32(index)), pos > 0 {
            r.objectFreePointer = objectAddress(c, s, index: Int(s.freelist[pos - 1]))
        }
        if c.flags.contains(.storeUser), index < s.tracks.count { r.track = s.tracks[index] }
        guard !s.bytes.isEmpty else { return r }
        let p = slotOffset(c, s, index) + c.objOffset
        if c.flags.contains(.redZone) {
            r.sections.append(DumpSection(label: "Redzone  ", address: obj - UInt64(c.objOffset), bytes: Array(s.bytes[(p - c.objOffset)..<p])))
        } else if p - s.firstObjectOffset >= 16 {
            r.sections.append(DumpSection(label: "Bytes b4 ", address: obj - 16, bytes: Array(s.bytes[(p - 16)..<p])))
        }
        r.sections.append(DumpSection(label: "Object   ", address: obj, bytes: Array(s.bytes[p..<(p + min(c.objectSize, pageSize))])))
        if c.flags.contains(.redZone) {
            r.sections.append(DumpSection(label: "Redzone  ", address: obj + UInt64(c.objectSize), bytes: Array(s.bytes[(p + c.objectSize)..<(p + c.inuse)])))
        }
        let off = slubPadStart(c), end = sizeFromObject(c)
        if off < end {
            r.sections.append(DumpSection(label: "Padding  ", address: obj + UInt64(off), bytes: Array(s.bytes[(p + off)..<(p + end)])))
        }
        return r
    }

    /// check_bytes_and_report(): find the first wrong byte, report "<what> overwritten", restore the run.
    mutating func checkBytes(_ ci: Int, pfn: Int, index: Int, what: SlubCheckedArea, from: Int, count: Int, value: UInt8) -> Bool {
        guard count > 0, let s = slab.caches[ci].slabs[pfn], from + count <= s.bytes.count else { return true }
        // A plain loop over the bytes: every debug allocation and free checks its red zones and poison this way.
        let firstFault: Int? = s.bytes.withUnsafeBufferPointer { b in
            var i = from
            while i < from + count {
                if b[i] != value { return i }
                i += 1
            }
            return nil
        }
        guard let fault = firstFault else { return true }
        var end = from + count
        while end > fault && s.bytes[end - 1] == value { end -= 1 }
        let base = pageAddress(pfn) ?? 0
        var r = slubReport(ci, pfn: pfn, index: index, problem: .overwritten(what))
        r.badBytes = SlubBadBytes(from: base + UInt64(fault), to: base + UInt64(end - 1), offset: fault, found: s.bytes[fault], expected: value)
        r.fixes = [.restoring(what, from: base + UInt64(fault), to: base + UInt64(end - 1), value: value)]
        for i in fault..<end { slab.caches[ci].slabs[pfn]?.bytes[i] = value }
        slab.pendingReports.append(r)
        return false
    }

    /// check_object(): red zones, poison and padding of one object for its expected state.
    mutating func slubCheckObject(_ ci: Int, pfn: Int, index: Int, active: Bool) -> Bool {
        let c = slab.caches[ci].shape
        guard let s = slab.caches[ci].slabs[pfn], !s.bytes.isEmpty else { return true }
        let p = slotOffset(c, s, index) + c.objOffset
        let val = active ? SlabPoison.slubRedActive : SlabPoison.slubRedInactive
        var ok = true
        if c.flags.contains(.redZone) {
            ok = checkBytes(ci, pfn: pfn, index: index, what: .leftRedzone, from: p - c.objOffset, count: c.objOffset, value: val) && ok
            ok = checkBytes(ci, pfn: pfn, index: index, what: .rightRedzone, from: p + c.objectSize, count: c.inuse - c.objectSize, value: val) && ok
            if active {
                let orig = origSize(ci, pfn: pfn, index: index)
                if orig < c.objectSize {
                    ok = checkBytes(ci, pfn: pfn, index: index, what: .kmallocRedzone, from: p + orig, count: c.objectSize - orig, value: val) && ok
                }
            }
        } else if c.flags.contains(.poison) && c.objectSize < c.inuse {
            ok = checkBytes(ci, pfn: pfn, index: index, what: .alignmentPadding, from: p + c.objectSize, count: c.inuse - c.objectSize, value: SlabPoison.inuse) && ok
        }
        if c.flags.contains(.poison) {
            if !active && objectPoison(c) {
                ok = (checkBytes(ci, pfn: pfn, index: index, what: .poison, from: p, count: c.objectSize - 1, value: SlabPoison.free)
                      && checkBytes(ci, pfn: pfn, index: index, what: .endPoison, from: p + c.objectSize - 1, count: 1, value: SlabPoison.end)) && ok
            }
            let off = slubPadStart(c), end = sizeFromObject(c)
            if off < end { _ = checkBytes(ci, pfn: pfn, index: index, what: .objectPadding, from: p + off, count: end - off, value: SlabPoison.inuse) }
        }
        // The free pointer cannot be checked while an allocated object overlaps it.
        if c.freePointerOffset >= c.inuse || !active {
            if !freePointerValid(ci, pfn: pfn, index: index) {
                slab.pendingReports.append(slubReport(ci, pfn: pfn, index: index, problem: .freepointerCorrupt))
                // set_freepointer(s, p, NULL)
                storeFreePointer(ci, pfn: pfn, index: index, next: 0)
                ok = false
            }
        }
        return ok
    }

    // MARK: the free pointer (CONFIG_SLAB_FREELIST_HARDENED: ptr ^ s->random ^ swab(ptr_addr))

    /// s->random: a per-cache secret, derived from the boot seed here.
    func freelistRandom(_ c: KmemCache) -> UInt64 {
        var x = params.seed &+ UInt64(c.id) &* 0x9e37_79b9_7f4a_7c15
        x = (x ^ (x >> 31)) &* 0xbf58_476d_1ce4_e5b9
        return arch.is64Bit ? x : x & 0xffff_ffff
    }

    func freePointerAddress(_ c: KmemCache, _ s: Slab, _ index: Int) -> (offset: Int, address: UInt64) {
        let o = slotOffset(c, s, index) + c.objOffset + c.freePointerOffset
        return (o, (pageAddress(s.pfn) ?? 0) &+ UInt64(o))
    }

    func swab(_ v: UInt64) -> UInt64 { arch.is64Bit ? v.byteSwapped : UInt64(UInt32(truncatingIfNeeded: v).byteSwapped) }

    /// set_freepointer(): store the encoded address of the object below this one on the freelist (NULL at the end).
    mutating func writeFreePointer(_ ci: Int, pfn: Int, index: Int) {
        guard let s = slab.caches[ci].slabs[pfn], let pos = s.freelist.lastIndex(of: Int32(index)) else { return }
        let next = pos > 0 ? objectAddress(slab.caches[ci], s, index: Int(s.freelist[pos - 1])) : 0
        storeFreePointer(ci, pfn: pfn, index: index, next: next)
    }

    mutating func storeFreePointer(_ ci: Int, pfn: Int, index: Int, next: UInt64) {
        guard let s = slab.caches[ci].slabs[pfn], !s.bytes.isEmpty else { return }
        let c = slab.caches[ci].shape
        let (o, a) = freePointerAddress(c, s, index)
        let enc = next ^ freelistRandom(c) ^ swab(a)
        for i in 0..<wordSize where o + i < s.bytes.count {
            slab.caches[ci].slabs[pfn]?.bytes[o + i] = UInt8((enc >> (8 * UInt64(i))) & 0xff)
        }
    }

    /// get_freepointer() + check_valid_pointer(): NULL or the start of an object of this slab.
    func freePointerValid(_ ci: Int, pfn: Int, index: Int) -> Bool {
        let c = slab.caches[ci]
        guard let s = c.slabs[pfn], !s.bytes.isEmpty else { return true }
        let (o, a) = freePointerAddress(c, s, index)
        var enc: UInt64 = 0
        for i in 0..<wordSize where o + i < s.bytes.count { enc |= UInt64(s.bytes[o + i]) << (8 * UInt64(i)) }
        let next = enc ^ freelistRandom(c) ^ swab(a)
        if next == 0 { return true }
        let base = slabObjectsStart(s) &+ UInt64(c.objOffset)
        guard next >= base else { return false }
        let off = next - base
        return off < UInt64(s.objects.count * c.size) && off % UInt64(c.size) == 0
    }

    /// Logs the reports check_object() produced, one BUG block each.
    mutating func flushSlubReports(extraFix: SlubFix?, trace: [String], note: KmemsimNote) {
        let rs = slab.pendingReports
        slab.pendingReports.removeAll()
        for (i, var r) in rs.enumerated() {
            if i == rs.count - 1, let f = extraFix { r.fixes.append(f) }
            report(.slubBug(r), taint: "B", callTrace: trace, note: i == rs.count - 1 ? note : nil)
        }
    }

    /// alloc_debug_processing(): with F, check the free object; then init_object(active). False = refuse it.
    mutating func slubAllocDebugProcessing(_ ci: Int, pfn: Int, index: Int, origSize: Int? = nil) -> Bool {
        let c = slab.caches[ci].shape
        if c.flags.contains(.consistencyChecks) && !slubCheckObject(ci, pfn: pfn, index: index, active: false) {
            flushSlubReports(extraFix: .markingAllObjectsUsed, trace: ["dump_stack_lvl", "check_bytes_and_report", "check_object", "alloc_debug_processing", "___slab_alloc"],
                             note: .slubWriteAfterFree)
            if var s = slab.caches[ci].slabs[pfn] {
                for i in s.freelist { s.objects[Int(i)] = .allocated }
                s.inuse = s.objects.count
                s.freelist.removeAll()
                slab.caches[ci].slabs[pfn] = s
            }
            return false
        }
        if !c.flags.contains(.consistencyChecks), c.flags.contains(.poison), explainEnabled {
            if explainEnabled { explain(.slab(.poisonWithoutChecks(cache: c.name))) }
        }
        // set_orig_size(): kmalloc caches with SLAB_STORE_USER remember the request; Z then red-zones the slack.
        if c.flags.contains(.kmalloc), c.flags.contains(.storeUser) {
            slab.caches[ci].slabs[pfn]?.tracks[index].origSize = min(origSize ?? c.objectSize, c.objectSize)
        }
        initObject(ci, pfn: pfn, index: index, active: true)
        return true
    }

    /// get_orig_size(): the kmalloc request size of an object, or object_size.
    func origSize(_ ci: Int, pfn: Int, index: Int) -> Int {
        let c = slab.caches[ci]
        guard c.flags.contains(.kmalloc), c.flags.contains(.storeUser), let t = c.slabs[pfn]?.tracks, index < t.count, t[index].origSize > 0 else { return c.objectSize }
        return t[index].origSize
    }

    /// free_debug_processing() with F: check the object, then poison it (init_object(inactive)).
    mutating func slubFreeDebugProcessing(_ ci: Int, pfn: Int, index: Int) -> Bool {
        let c = slab.caches[ci].shape
        if c.flags.contains(.consistencyChecks) && !slubCheckObject(ci, pfn: pfn, index: index, active: true) {
            let addr = slab.caches[ci].slabs[pfn].map { objectAddress(c, $0, index: index) } ?? 0
            flushSlubReports(extraFix: .objectNotFreed(address: addr),
                             trace: ["dump_stack_lvl", "check_bytes_and_report", "check_object", "free_debug_processing", "__slab_free"],
                             note: .slubOverflowOnFree)
            return false
        }
        initObject(ci, pfn: pfn, index: index, active: false)
        return true
    }

    // MARK: SLAB checks (mm/slab.c, CONFIG_DEBUG_SLAB)

    /// cache_alloc_debugcheck_after(): check the poison, poison for use, check and set the red zones.
    mutating func slabDebugCheckAlloc(_ ci: Int, pfn: Int, index: Int) {
        let c = slab.caches[ci].shape
        guard let s = slab.caches[ci].slabs[pfn], !s.bytes.isEmpty else { return }
        let slot = slotOffset(c, s, index), p = slot + c.objOffset
        let addr = objectAddress(c, s, index: index)
        if c.flags.contains(.poison) {
            var expect = Array(repeating: SlabPoison.free, count: c.objectSize)
            expect[c.objectSize - 1] = SlabPoison.end
            let got = Array(s.bytes[p..<(p + c.objectSize)])
            if got != expect {
                // check_poison_obj(): the header, print_objinfo() (red zones, last user), up to six damaged lines;
                // then the neighbouring objects with their first two lines. No stack dump.
                var r = SlabCorruption(cache: c.name, taintBefore: taintString, object: addr, length: c.objectSize)
                r.info = slabObjInfo(ci, pfn: pfn, index: index, dumpLines: 0)
                var line = 0
                while line * 16 < c.objectSize && r.damaged.count < 6 {
                    let lo = line * 16, hi = min(lo + 16, c.objectSize)
                    if got[lo..<hi] != expect[lo..<hi] { r.damaged.append(SlabDumpLine(offset: lo, bytes: Array(got[lo..<hi]))) }
                    line += 1
                }
                if index > 0, let info = slabObjInfo(ci, pfn: pfn, index: index - 1, dumpLines: 2) {
                    r.previous = SlabNeighbour(object: objectAddress(c, s, index: index - 1), info: info)
                }
                if index + 1 < c.num, let info = slabObjInfo(ci, pfn: pfn, index: index + 1, dumpLines: 2) {
                    r.next = SlabNeighbour(object: objectAddress(c, s, index: index + 1), info: info)
                }
                report(.slab(.poisonCorruption(r)), taint: "B", note: .slabPoisonChanged)
            }
        }
        if c.flags.contains(.redZone) {
            let (a, b) = slabRedzoneWords(ci, pfn: pfn, index: index)
            if a != SlabPoison.slabRedInactive || b != SlabPoison.slabRedInactive {
                report(.slab(.redzone(function: .cacheAllocDebugcheckAfter, cache: c.name, problem: .doubleFreeOrOverwritten,
                                      address: addr - UInt64(c.objOffset), redzone1: a, redzone2: b)),
                       taint: "B", callTrace: ["dump_stack_lvl", "cache_alloc_debugcheck_after"])
            }
        }
        initObject(ci, pfn: pfn, index: index, active: true)
    }

    /// cache_free_debugcheck(): verify_redzone_free(), then red zones inactive and the object poisoned.
    mutating func slabDebugFree(_ ci: Int, pfn: Int, index: Int) {
        let c = slab.caches[ci].shape
        guard let s = slab.caches[ci].slabs[pfn], !s.bytes.isEmpty else { return }
        if c.flags.contains(.redZone) {
            let (a, b) = slabRedzoneWords(ci, pfn: pfn, index: index)
            if !(a == SlabPoison.slabRedActive && b == SlabPoison.slabRedActive) {
                report(.slab(.redzone(function: .verifyRedzoneFree, cache: c.name, problem: .overwritten,
                                      address: objectAddress(c, s, index: index) - UInt64(c.objOffset), redzone1: a, redzone2: b)),
                       taint: "B", callTrace: ["dump_stack_lvl", "cache_free_debugcheck", "kmem_cache_free"],
                       note: .slabRedzoneOverwritten)
            }
        }
        initObject(ci, pfn: pfn, index: index, active: false)
    }

    /// print_objinfo(): the red zone words, the last user, and the object's first `dumpLines` lines of bytes.
    func slabObjInfo(_ ci: Int, pfn: Int, index: Int, dumpLines: Int) -> SlabObjectInfo? {
        let c = slab.caches[ci].shape
        guard let s = slab.caches[ci].slabs[pfn], !s.bytes.isEmpty else { return nil }
        var out = SlabObjectInfo()
        if c.flags.contains(.redZone) {
            let (a, b) = slabRedzoneWords(ci, pfn: pfn, index: index)
            out.redzone = [a, b]
        }
        if c.flags.contains(.storeUser), index < s.tracks.count {
            // dbg_userword(): the caller of the last alloc or free (set by both); %pSR of NULL is 0x0.
            let t = s.tracks[index]
            let last = !t.freeCaller.isEmpty && (t.allocCaller.isEmpty || t.freeTime >= t.allocTime) ? t.freeCaller : t.allocCaller
            out.lastUser = last
        }
        let p = slotOffset(c, s, index) + c.objOffset
        let bytes = Array(s.bytes[p..<(p + c.objectSize)])
        var lo = 0
        while lo < c.objectSize && lo / 16 < dumpLines {
            out.lines.append(SlabDumpLine(offset: lo, bytes: Array(bytes[lo..<min(lo + 16, c.objectSize)])))
            lo += 16
        }
        return out
    }

    // MARK: stray writes and validate

    /// Simulates `memset(addr, byte, len)` by buggy code: changes the kept bytes of slab objects.
    /// Returns how many bytes landed in tracked slab memory.
    public mutating func simulateWrite(_ addr: UInt64, length: Int, byte: UInt8) -> Int {
        guard let pfn = directMapPFN(addr), let head = slabHead(ofPFN: pfn), let ci = slab.index(id: frames[head].tag),
              let count = slab.caches[ci].slabs[head]?.bytes.count, count > 0, let base = pageAddress(head) else { return 0 }
        let start = Int(addr - base)
        let end = min(count, start + max(0, length))
        guard start < end else { return 0 }
        for i in start..<end { slab.caches[ci].slabs[head]?.bytes[i] = byte }
        return end - start
    }

    /// /sys/kernel/slab/<cache>/validate (SLUB validate_slab_cache()): check every object of every slab.
    /// For SLAB (which has no validate file) kmemsim checks the poison of free objects the same way.
    /// Returns the number of objects found damaged.
    @discardableResult
    public mutating func validateSlabCache(_ name: String) -> Int {
        guard let ci = slab.index(named: name) else { return 0 }
        var bad = 0
        for pfn in slab.caches[ci].slabs.keys.sorted() {
            guard let s = slab.caches[ci].slabs[pfn], !s.bytes.isEmpty else { continue }
            for i in 0..<s.objects.count {
                if slab.kind == .slub {
                    if !slubCheckObject(ci, pfn: pfn, index: i, active: s.objects[i] == .allocated) {
                        bad += 1
                        flushSlubReports(extraFix: nil, trace: ["dump_stack_lvl", "check_object", "validate_slab", "validate_slab_cache", "validate_store"],
                                         note: .validateFoundDamage(object: i, pfn: pfn))
                        break
                    }
                } else if s.objects[i] != .allocated {
                    let before = log.written
                    slabDebugPoisonOnly(ci, pfn: pfn, index: i)
                    if log.written > before { bad += 1 }
                }
            }
        }
        return bad
    }

    private mutating func slabDebugPoisonOnly(_ ci: Int, pfn: Int, index: Int) {
        let c = slab.caches[ci].shape
        guard c.flags.contains(.poison), let s = slab.caches[ci].slabs[pfn] else { return }
        let p = slotOffset(c, s, index) + c.objOffset
        let bad = (p..<(p + c.objectSize - 1)).contains { s.bytes[$0] != SlabPoison.free } || s.bytes[p + c.objectSize - 1] != SlabPoison.end
        guard bad else { return }
        report(.slab(.poisonCorruption(SlabCorruption(cache: c.name, taintBefore: taintString, object: objectAddress(c, s, index: index), length: c.objectSize))),
               taint: "B", note: .slabValidatePoison)
        initObject(ci, pfn: pfn, index: index, active: false)
    }
}

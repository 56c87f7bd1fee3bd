import KernelMM

/// The slab allocators' reports in the kernel's own words: SLUB's debug report (mm/slub.c slab_bug(),
/// print_tracking(), print_slab_info(), print_trailer(), slab_fix()) and the rest (`SlabReport`: mm/slab.c slab_error()
/// and check_poison_obj(), SLUB's trace() and slab_out_of_memory(), kmalloc_fix_flags(), kmem_cache_create()).
enum SlabReportRenderer {
    static func slubLines(_ b: SlubBugReport, report r: KernelReport, kernel k: Kernel) -> [String] {
        let is64 = k.arch.is64Bit
        func p(_ a: UInt64) -> String { Format.hashedPointer(a, is64Bit: is64) }
        // print_tainted() as it was before this report added "B".
        let before = b.taintBefore
        var out = ["=============================================================================",
                   "BUG \(b.cache) (\(ReportRenderer.taintText(before))): \(headline(b.problem, is64: is64))",
                   "-----------------------------------------------------------------------------",
                   ""]
        if let d = b.badBytes {
            // check_bytes_and_report(): "0x%p-0x%p @offset=%tu. First byte 0x%x instead of 0x%x"
            out.append("0x\(p(d.from))-0x\(p(d.to)) @offset=\(d.offset). First byte 0x\(String(d.found, radix: 16)) instead of 0x\(String(d.expected, radix: 16))")
        }
        if let t = b.track {
            let now = k.clock.now
            // print_track(): the caller, then the stack the depot saved (allocator function, then the caller).
            if !t.allocCaller.isEmpty {
                out.append("Allocated in \(t.allocCaller) age=\((now - min(now, t.allocTime)) / 4_000_000) cpu=\(t.allocCPU) pid=\(t.allocPID)")
                if !t.allocAPI.isEmpty { out += [" " + t.allocAPI, " " + t.allocCaller] }
            }
            if !t.freeCaller.isEmpty {
                out.append("Freed in \(t.freeCaller) age=\((now - min(now, t.freeTime)) / 4_000_000) cpu=\(t.freeCPU) pid=\(t.freePID)")
                if !t.freeAPI.isEmpty { out += [" " + t.freeAPI, " " + t.freeCaller] }
            }
        }
        if b.slabAddress != 0 {
            out.append("Slab 0x\(p(b.slabAddress)) objects=\(b.objects) used=\(b.used) fp=0x\(b.freelist == 0 ? String(repeating: "0", count: is64 ? 16 : 8) : p(b.freelist)) flags=\(Format.hex(b.pageFlags))(\(b.pageFlagNames))")
        }
        if b.objectAddress != 0 {
            out.append("Object 0x\(p(b.objectAddress)) @offset=\(b.objectOffset) fp=0x\(b.objectFreePointer == 0 ? String(repeating: "0", count: is64 ? 16 : 8) : p(b.objectFreePointer))")
            out.append("")
        }
        for s in b.sections { out += hexDump(s, is64: is64) }
        if !b.sections.isEmpty || b.objectAddress != 0 || !b.remaining.isEmpty {
            out.append("CPU: \(r.cpu) PID: \(r.pid) Comm: \(r.comm) \(ReportRenderer.taintText(r.taint)) 6.6.0 #1")
            out += ReportRenderer.callTrace(r.callTrace, k)
        }
        // list_slab_objects(): "Object 0x%p @offset=%tu"
        out += b.remaining.map { "Object 0x\(p($0.address)) @offset=\($0.offset)" }
        out += b.fixes.map { "FIX \(b.cache): \(fix($0, is64: is64))" }
        return out
    }

    /// slab_bug()'s reason, as each caller of slab_err()/check_bytes_and_report() words it.
    static func headline(_ problem: SlubProblem, is64: Bool) -> String {
        switch problem {
        case .overwritten(let area): "\(areaName(area)) overwritten"
        case .freepointerCorrupt: "Freepointer corrupt"
        case .invalidObjectPointer(let a): "Invalid object pointer 0x\(Format.hashedPointer(a, is64Bit: is64))"
        case .objectAlreadyFree: "Object already free"
        case .objectsRemaining(let cache): "Objects remaining in \(cache) on __kmem_cache_shutdown()"
        }
    }

    /// The `what` argument check_object() passes to check_bytes_and_report().
    static func areaName(_ a: SlubCheckedArea) -> String {
        switch a {
        case .leftRedzone: "Left Redzone"
        case .rightRedzone: "Right Redzone"
        case .kmallocRedzone: "kmalloc Redzone"
        case .alignmentPadding: "Alignment padding"
        case .poison: "Poison"
        case .endPoison: "End Poison"
        case .objectPadding: "Object padding"
        }
    }

    /// slab_fix()'s text.
    static func fix(_ f: SlubFix, is64: Bool) -> String {
        func p(_ a: UInt64) -> String { Format.hashedPointer(a, is64Bit: is64) }
        switch f {
        case .restoring(let area, let from, let to, let value): return "Restoring \(areaName(area)) 0x\(p(from))-0x\(p(to))=0x\(String(value, radix: 16))"
        case .markingAllObjectsUsed: return "Marking all objects used"
        case .objectNotFreed(let a): return "Object at 0x\(p(a)) not freed"
        }
    }

    /// `SlabReport` lines. The BUG-class reports (slab_error(), check_poison_obj()) dump the stack where the kernel
    /// does (slab_error() does, check_poison_obj() does not: its call trace is empty); log lines never do.
    static func slabLines(_ s: SlabReport, report r: KernelReport, kernel k: Kernel) -> [String] {
        let is64 = k.arch.is64Bit
        // %px: the raw address, zero-padded.
        func raw(_ a: UInt64) -> String { Format.hex(a, digits: is64 ? 16 : 8) }
        func hashed(_ a: UInt64) -> String { Format.hashedPointer(a, is64Bit: is64) }
        func stack() -> [String] { r.callTrace.isEmpty ? [] : ReportRenderer.stackHeader(r, k) + ReportRenderer.callTrace(r.callTrace, k) }
        switch s {
        case .redzone(let function, let cache, let problem, let address, let rz1, let rz2):
            let what = switch problem {
            case .doubleFreeOrOverwritten: "double free, or memory outside object was overwritten"
            case .overwritten: "memory outside object was overwritten"
            case .doubleFree: "double free detected"
            }
            return ["slab error in \(function.rawValue)(): cache `\(cache)': \(what)"] + stack()
                + ["\(raw(address)): redzone 1:0x\(String(rz1, radix: 16)), redzone 2:0x\(String(rz2, radix: 16))"]
        case .poisonCorruption(let c):
            var out = ["Slab corruption (\(ReportRenderer.taintText(c.taintBefore))): \(c.cache) start=\(raw(c.object)), len=\(c.length)"]
            if let info = c.info { out += objInfo(info) }
            out += c.damaged.map(dumpLine)
            if let n = c.previous { out += ["Prev obj: start=\(raw(n.object)), len=\(c.length)"] + objInfo(n.info) }
            if let n = c.next { out += ["Next obj: start=\(raw(n.object)), len=\(c.length)"] + objInfo(n.info) }
            return out + stack()
        case .slubTrace(let cache, let alloc, let object, let inuse, let fp):
            return ["TRACE \(cache) \(alloc ? "alloc" : "free") 0x\(hashed(object)) inuse=\(inuse) fp=0x\(fp.map(hashed) ?? String(repeating: "0", count: is64 ? 16 : 8))"]
        case .unexpectedGFP(let invalid, let fixed):
            return ["Unexpected gfp: 0x\(String(invalid.rawValue, radix: 16)) (\(invalid.pGg)). Fixing up to gfp: 0x\(String(fixed.rawValue, radix: 16)) (\(fixed.pGg)). Fix your code!"]
        case .slubOutOfMemory(let m):
            return ["SLUB: Unable to allocate memory on node -1, gfp=0x\(String(m.gfp.rawValue, radix: 16))(\(m.gfp.pGg))",
                    "  cache: \(m.cache), object size: \(m.objectSize), buffer size: \(m.size), default order: \(m.order), min order: \(m.minOrder)",
                    "  node 0: slabs: \(m.slabs), objs: \(m.objects), free: \(m.free)"]
        case .createFailed(let cache, let error):
            return ["kmem_cache_create(\(cache)) failed with error \(error)"]
        case .createPanic(let cache, let error):
            return ["Kernel panic - not syncing: kmem_cache_create: Failed to create slab '\(cache)'. Error \(error)"]
        case .notSlabPage:
            return ReportRenderer.warnLines(r, k, message: "virt_to_cache: Object is not a Slab page!", file: "mm/slab.h", line: 626, function: "kmem_cache_free")
        case .wrongCache(let named, let from):
            return ReportRenderer.warnLines(r, k, message: "cache_from_obj: Wrong slab cache. \(named) but object is from \(from)",
                                            file: "mm/slab.h", line: 661, function: "cache_from_obj")
        case .destroyWithObjects(let cache, let caller):
            return ReportRenderer.warnLines(r, k, message: "kmem_cache_destroy \(cache): Slab cache still has objects when called from \(caller)",
                                            file: "mm/slab_common.c", line: 498, function: "kmem_cache_destroy")
        }
    }

    /// mm/slab.c print_objinfo().
    static func objInfo(_ i: SlabObjectInfo) -> [String] {
        var out: [String] = []
        if let rz = i.redzone, rz.count == 2 { out.append("Redzone: 0x\(String(rz[0], radix: 16))/0x\(String(rz[1], radix: 16))") }
        // %pSR of NULL is 0x0.
        if let u = i.lastUser { out.append("Last user: (\(u.isEmpty ? "0x0" : u))") }
        return out + i.lines.map(dumpLine)
    }

    /// mm/slab.c dump_line(): "%03x: " and print_hex_dump()'s bytes and ASCII.
    static func dumpLine(_ l: SlabDumpLine) -> String {
        Format.hex(UInt64(l.offset), digits: 3) + ": " + l.bytes.map { Format.hex(UInt64($0), digits: 2) }.joined(separator: " ") + "  "
            + String(l.bytes.map { ($0 >= 0x20 && $0 < 0x7f) ? Character(UnicodeScalar($0)) : "." })
    }

    /// print_hex_dump(DUMP_PREFIX_ADDRESS, 16 per row, 1-byte groups, ASCII).
    static func hexDump(_ s: DumpSection, is64: Bool) -> [String] {
        var out: [String] = []
        var i = 0
        while i < s.bytes.count {
            let row = s.bytes[i..<min(i + 16, s.bytes.count)]
            let hex = row.map { Format.hex(UInt64($0), digits: 2) }.joined(separator: " ")
            let ascii = String(row.map { ($0 >= 0x20 && $0 < 0x7f) ? Character(UnicodeScalar($0)) : "." })
            let pad = String(repeating: " ", count: (16 - row.count) * 3)
            out.append("\(s.label)\(Format.hashedPointer(s.address &+ UInt64(i), is64Bit: is64)): \(hex)\(pad)  \(ascii)")
            i += 16
        }
        return out
    }
}

import KernelMM

/// SLUB's debug report (mm/slub.c slab_bug(), print_tracking(), print_slab_info(), print_trailer(), slab_fix()).
enum SlabReportRenderer {
    static func slubLines(_ b: SlubBugReport, report r: KernelReport, kernel k: Kernel) -> [String] {
        let is64 = k.arch.is64Bit
        func p(_ a: UInt64) -> String { Format.hashedPointer(a, is64Bit: is64) }
        // print_tainted() as it was before this report added "B".
        let before = b.taintBefore
        var out = ["=============================================================================",
                   "BUG \(b.cache) (\(ReportRenderer.taintText(before))): \(b.headline)",
                   "-----------------------------------------------------------------------------",
                   ""]
        out += b.info
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
        if !b.sections.isEmpty || b.objectAddress != 0 || !b.trailer.isEmpty {
            out.append("CPU: \(r.cpu) PID: \(r.pid) Comm: \(r.comm) \(ReportRenderer.taintText(r.taint)) 6.6.0 #1")
            out += ReportRenderer.callTrace(r.callTrace)
        }
        out += b.trailer
        out += b.fixes.map { "FIX \(b.cache): \($0)" }
        return out
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

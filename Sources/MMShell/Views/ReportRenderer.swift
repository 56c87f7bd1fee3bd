import KernelMM

/// Kernel reports in the kernel's words (mm/page_alloc.c warn_alloc/bad_page, mm/debug.c dump_page,
/// kernel/sched/core.c __might_resched, lib/bug.c), plus kmemsim's notes set apart from them.
public enum ReportRenderer {
    public static func render(_ r: KernelReport, kernel k: Kernel, style: Style = Style(colorEnabled: false)) -> String {
        var out: [String] = []
        switch r.kind {
        case .info(let line):
            out.append(line)
        case .kmemsimOnly:
            break
        case .pageAllocFailure(let order, let gfp, let mem):
            out += warnAlloc(r, k, "page allocation failure: order:\(order)", gfp: gfp, mem: mem)
        case .badPageState(let dump, let reason):
            out.append("BUG: Bad page state in process \(r.comm)  pfn:\(Format.hex(UInt64(dump.pfn), digits: 5))")
            out += pageDumpLines(dump, kernel: k)
            out.append("page dumped because: \(reason)")
            out.append("Modules linked in:")
            out += stackHeader(r, k)
            out += callTrace(r.callTrace, k)
        case .vmBugOnPage(let dump, let condition, let file, let line):
            out += pageDumpLines(dump, kernel: k)
            out.append("page dumped because: VM_BUG_ON_PAGE(\(condition))")
            out += bugLines(r, k, file: file, line: line, function: r.callTrace.first ?? "?")
        case .kernelBug(let file, let line, let function):
            out += bugLines(r, k, file: file, line: line, function: function)
        case .warning(let file, let line, let function):
            out += warnLines(r, k, message: nil, file: file, line: line, function: function)
        case .slubBug(let b):
            out += SlabReportRenderer.slubLines(b, report: r, kernel: k)
        case .slab(let s):
            out += SlabReportRenderer.slabLines(s, report: r, kernel: k)
        case .sleepingInAtomic(let file, let line, let c):
            out.append("BUG: sleeping function called from invalid context at \(file):\(line)")
            out.append("in_atomic(): \(c.inAtomic ? 1 : 0), irqs_disabled(): \(c.irqsDisabled ? 1 : 0), non_block: 0, pid: \(r.pid), name: \(r.comm)")
            out.append("preempt_count: \(String(c.preemptCount, radix: 16)), expected: 0")
            out.append("RCU nest depth: 0, expected: 0")
            if let at = c.preemptDisabledAt {
                out.append("Preemption disabled at:")
                out.append("[<\(Format.hex(at.address, digits: k.arch.is64Bit ? 16 : 8))>] \(at.symbol)")
            }
            out += stackHeader(r, k)
            out += callTrace(r.callTrace, k)
        case .schedulingWhileAtomic(let count, let at):
            out.append("BUG: scheduling while atomic: \(r.comm)/\(r.pid)/0x\(Format.hex(UInt64(count), digits: 8))")
            out.append("Modules linked in:")
            if let at {
                out.append("Preemption disabled at:")
                out.append("[<\(Format.hex(at.address, digits: k.arch.is64Bit ? 16 : 8))>] \(at.symbol)")
            }
            out += stackHeader(r, k)
            out += callTrace(r.callTrace, k)
        case .preemptibleCPUAccess(let what, let count, let caller):
            out.append("BUG: using \(what) in preemptible [\(Format.hex(UInt64(count), digits: 8))] code: \(r.comm)/\(r.pid)")
            out.append("caller is \(caller)")
            out += stackHeader(r, k)
            out += callTrace(r.callTrace, k)
        case .warningMessage(let message, let pointer, let file, let line, let function):
            let p = pointer.map { Format.hashedPointer($0, is64Bit: k.arch.is64Bit) } ?? ""
            out += warnLines(r, k, message: message.replacingPercentP(with: p), file: file, line: line, function: function)
        case .spinlockBug(let message, let lock, let ownerComm, let ownerPID, let ownerCPU):
            out.append("BUG: spinlock \(message) on CPU#\(r.cpu), \(r.comm)/\(r.pid)")
            out.append(" lock: \(lock)+0x0/0x18, .magic: dead4ead, .owner: \(ownerComm)/\(ownerPID), .owner_cpu: \(ownerCPU)")
            out += stackHeader(r, k)
            out += callTrace(r.callTrace, k)
        case .stackGuardPageHit(let stack, let address, let start, let end):
            let h = { (v: UInt64) in Format.hashedPointer(v, is64Bit: k.arch.is64Bit) }
            out.append("BUG: \(stack) stack guard page was hit at \(h(address)) (stack is \(h(start))..\(h(end)))")
            // Only x86-64 has vmapped stacks with guard pages (Architecture.supportsVmapStack).
            out += dieHeader("stack guard page: 0000", sparc: "stack guard page", r, k)
            out += stackHeader(r, k)
            out += registerLines(r.callTrace.last ?? "?", r, k)
            out += callTrace(r.callTrace, k)
            out.append("---[ end trace 0000000000000000 ]---")
        case .pageFault(let address, let function) where k.arch.registerDump == .sparc64:
            // arch/sparc/mm/fault_64.c unhandled_fault(), then die_if_kernel("Oops") (which prints no end marker).
            // The two tsk->{mm,active_mm} lines are left out: kmemsim models no MMU context or user page tables.
            out.append(address < UInt64(k.arch.pageSize) ? "Unable to handle kernel NULL pointer dereference"
                       : "Unable to handle kernel paging request at virtual address \(Format.hex(address, digits: 16))")
            out += dieHeader("", sparc: "Oops", r, k)
            out += stackHeader(r, k)
            out += registerLines(function, r, k)
            out += callTrace(r.callTrace, k)
        case .pageFault(let address, let function):
            // arch/x86/mm/fault.c show_fault_oops() and the page-table walk's "PGD 0" (nothing maps it), then the oops.
            out.append("BUG: unable to handle page fault for address: \(Format.hex(address, digits: k.arch.is64Bit ? 16 : 8))")
            out.append("#PF: supervisor read access in kernel mode")
            out.append("#PF: error_code(0x0000) - not-present page")
            out.append(k.arch.is64Bit ? "PGD 0 P4D 0 " : "*pde = 00000000 ")
            out += dieHeader("Oops: 0000", sparc: "Oops", r, k)
            out += stackHeader(r, k)
            out += registerLines(function, r, k)
            out += callTrace(r.callTrace, k)
            out.append("---[ end trace 0000000000000000 ]---")
        case .panic(let message):
            out.append("Kernel panic - not syncing: \(message)")
            out += stackHeader(r, k)
            out += callTrace(r.callTrace, k)
            out.append("---[ end Kernel panic - not syncing: \(message) ]---")
        case .vmallocError(let message, let gfp, let mem):
            out += warnAlloc(r, k, message, gfp: gfp, mem: mem)
        }
        let text = out.joined(separator: "\n")
        return text.isEmpty ? "" : style.paint(text, .yellow) + "\n"
    }

    /// mm/page_alloc.c warn_alloc(): the page allocator's and vmalloc's failure report, with a short Mem-Info.
    static func warnAlloc(_ r: KernelReport, _ k: Kernel, _ message: String, gfp: GFPFlags, mem: MemInfoSnapshot) -> [String] {
        ["\(r.comm): \(message), mode:\(gfp), nodemask=(null),cpuset=/,mems_allowed=0"]
            + stackHeader(r, k) + callTrace(r.callTrace, k) + ["Mem-Info:"] + memInfoLines(mem)
    }

    /// kmemsim's own words, marked so they are never mistaken for kernel output.
    public static func note(_ text: String, style: Style = Style(colorEnabled: false)) -> String {
        style.paint("kmemsim: " + text, .cyan) + "\n"
    }

    /// print_tainted(): one column per taint flag, blank where unset.
    static func taintText(_ letters: String) -> String {
        guard !letters.isEmpty else { return "Not tainted" }
        let order: [Character] = ["G", "F", "S", "R", "M", "B", "U", "D", "A", "W", "C", "I", "O", "E", "L", "K", "X", "T", "N"]
        let set = Set(letters)
        return "Tainted: " + String(order.enumerated().map { i, c in i == 0 ? "G" : (set.contains(c) ? c : " ") })
    }

    /// dump_stack_print_info(): the task line, and on x86 the DMI "Hardware name:" (sparc64 sets no arch description).
    static func stackHeader(_ r: KernelReport, _ k: Kernel) -> [String] {
        ["CPU: \(r.cpu) PID: \(r.pid) Comm: \(r.comm) \(taintText(r.taint)) 6.6.0 #1"]
            + (k.arch.isPC ? ["Hardware name: kmemsim \(k.arch.rawValue), \(Format.bytes(k.params.memory)) RAM, \(k.params.cpus) CPU\(k.params.cpus == 1 ? "" : "s")"] : [])
    }

    /// dump_stack()'s trace. x86 names the stack it walks (" <TASK>"); sparc64's show_stack() prints a line per
    /// frame (print_ip_sym(): "[<address>] symbol" — kmemsim keeps no kernel text addresses, so the symbol alone).
    static func callTrace(_ frames: [String], _ k: Kernel) -> [String] {
        guard !frames.isEmpty else { return [] }
        guard k.arch.callTraceNamesTheStack else { return ["Call Trace:"] + frames.map { " " + $0 } }
        return ["Call Trace:", " <TASK>"] + frames.map { " " + $0 } + [" </TASK>"]
    }

    /// Where the CPU was, as the architecture's show_regs() names it (Architecture.registerDump). kmemsim models no
    /// register values, so only the lines that name code are printed: x86's instruction pointer line, sparc64's
    /// TPC and I7 (and RPC after BUG(), whose call to do_BUG() left the return address in the function itself).
    static func registerLines(_ function: String, _ r: KernelReport, _ k: Kernel, bug: Bool = false) -> [String] {
        switch k.arch.registerDump {
        case .x86_64: return ["RIP: 0010:\(function)"]
        case .i386: return ["EIP: \(function)"]
        case .sparc64:
            let caller = r.callTrace.drop { $0 != function }.dropFirst().first
            return ["TPC: <\(function)>"] + (bug ? ["RPC: <\(function)>"] : []) + (caller.map { ["I7: <\($0)>"] } ?? [])
        }
    }

    /// die()'s header: x86 "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI" (the trap, error code and build flags);
    /// sparc64's die_if_kernel() draws its banner and prints "comm(pid): REASON [#1]".
    static func dieHeader(_ x86: String, sparc reason: String, _ r: KernelReport, _ k: Kernel) -> [String] {
        guard k.arch.registerDump == .sparc64 else { return [x86 + " [#1] PREEMPT SMP" + (k.arch.pageTableIsolation ? " NOPTI" : "")] }
        return ["              \\|/ ____ \\|/", "              \"@'/ .. \\`@\"", "              /_| \\__/ |_\\", "                 \\__U_/",
                "\(r.comm)(\(r.pid)): \(reason) [#1]"]
    }

    /// __warn(): WARN_ON() / WARN() with an optional message line before the WARNING line.
    /// x86's WARN() traps (report_bug()): the message first, then the WARNING line and the registers. sparc64's
    /// warn_slowpath_fmt() prints the WARNING line, then the message, and dumps the stack without registers.
    static func warnLines(_ r: KernelReport, _ k: Kernel, message: String?, file: String, line: Int?, function: String) -> [String] {
        let warning = "WARNING: CPU: \(r.cpu) PID: \(r.pid) at \(file)\(line.map { ":\($0)" } ?? "") \(function)"
        let msg = message.map { [$0] } ?? []
        guard k.arch.warnTraps else {
            return ["------------[ cut here ]------------", warning] + msg + ["Modules linked in:"]
                + stackHeader(r, k) + callTrace(r.callTrace, k) + ["---[ end trace 0000000000000000 ]---"]
        }
        return ["------------[ cut here ]------------"] + msg + [warning, "Modules linked in:"]
            + stackHeader(r, k) + registerLines(function, r, k) + callTrace(r.callTrace, k) + ["---[ end trace 0000000000000000 ]---"]
    }

    /// BUG(): x86's report_bug() (cut here, "kernel BUG at", die("invalid opcode")); sparc64's do_BUG() line, then
    /// the `ta 5` trap's die_if_kernel().
    static func bugLines(_ r: KernelReport, _ k: Kernel, file: String, line: Int?, function: String) -> [String] {
        let at = "kernel BUG at \(file)\(line.map { ":\($0)" } ?? "")!"
        let trap = switch k.arch.bugTrap {
        case .invalidOpcode: "invalid opcode: 0000"
        case .softwareTrap(let n): "Kernel bad sw trap \(String(n, radix: 16))"
        }
        let head = k.arch.bugTrap == .invalidOpcode ? ["------------[ cut here ]------------", at] : [at]
        return head + dieHeader(trap, sparc: trap, r, k) + stackHeader(r, k) + registerLines(function, r, k, bug: true) + callTrace(r.callTrace, k)
    }

    /// mm/debug.c __dump_page().
    public static func pageDumpLines(_ d: PageDump, kernel k: Kernel) -> [String] {
        let is64 = k.arch.is64Bit
        let w = is64 ? 16 : 8
        var out = ["page:\(Format.hashedPointer(d.structPageAddress, is64Bit: is64)) refcount:\(d.refcount) mapcount:\(d.mapcount) mapping:\(String(repeating: "0", count: w)) index:0x0 pfn:\(Format.hex(UInt64(d.pfn)))"]
        if let head = d.compoundHead {
            let order = Int(k.frames[head].order)
            out.append("head:\(Format.hashedPointer(k.structPageAddress(head), is64Bit: is64)) order:\(order) entire_mapcount:0 nr_pages_mapped:0 pincount:0")
        }
        out.append("flags: \(Format.hex(d.flags))(\(d.flagNames.joined(separator: "|")))")
        // "page_type: %pGt" is printed for every page (mm/debug.c): an untyped page's field is _mapcount, -1.
        // PG_buddy (0x80) and PG_table (0x200, set by pagetable_pmd_ctor()) are cleared bits of page_type.
        out.append(d.pageType.map { "page_type: \(Format.hex(UInt64($0)))(\($0 == 0xffff_fdff ? "table" : "buddy"))" } ?? "page_type: 0xffffffff()")
        // print_hex_dump of struct page: flags, two list words, mapping / index, private, mapcount+refcount, memcg.
        let onList = d.pageType == 0xffff_ff7f
        let list = onList ? d.structPageAddress &+ 8 : 0xdead_0000_0000_0100
        let words: [UInt64] = [d.flags, list, onList ? list : 0xdead_0000_0000_0122, 0,
                               0, UInt64(onList ? (d.order ?? 0) : 0),
                               (UInt64(UInt32(bitPattern: Int32(d.refcount))) << 32) | UInt64(d.pageType ?? 0xffff_ffff), 0]
        let perLine = is64 ? 4 : 8
        let dumpWords = is64 ? words : words.flatMap { [$0 & 0xffff_ffff] }
        var i = 0
        while i < dumpWords.count {
            out.append("raw: " + dumpWords[i..<min(i + perLine, dumpWords.count)].map { Format.hex($0, digits: w) }.joined(separator: " "))
            i += perLine
        }
        return out
    }

    /// __show_free_areas(), per zone: the summary line, lowmem_reserve, and the free blocks by order.
    static func memInfoLines(_ m: MemInfoSnapshot) -> [String] {
        // __show_free_areas() (mm/show_mem.c): the global counters, then the node's; kmemsim has no anon, file, shmem
        // or swap pages, so those are 0.
        var out = ["active_anon:0 inactive_anon:0 isolated_anon:0",
                   " active_file:0 inactive_file:0 isolated_file:0",
                   " unevictable:0 dirty:0 writeback:0",
                   " slab_reclaimable:\(m.slabReclaimable) slab_unreclaimable:\(m.slabUnreclaimable)",
                   " mapped:0 shmem:0 pagetables:\(m.pageTables)",
                   " sec_pagetables:0 bounce:0",
                   " kernel_misc_reclaimable:0",
                   " free:\(m.freePages) free_pcp:\(m.freePcp) free_cma:0",
                   "Node 0 active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB isolated(anon):0kB isolated(file):0kB mapped:0kB dirty:0kB writeback:0kB shmem:0kB shmem_thp:0kB shmem_pmdmapped:0kB anon_thp:0kB writeback_tmp:0kB kernel_stack:\(m.kernelStackKB)kB pagetables:\(m.pageTables * m.pageSizeKB)kB sec_pagetables:0kB all_unreclaimable? no"]
        for z in m.zones {
            out.append("Node 0 \(z.name) free:\(z.freeKB)kB boost:0kB min:\(z.minKB)kB low:\(z.lowKB)kB high:\(z.highKB)kB reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:\(z.presentKB)kB managed:\(z.managedKB)kB mlocked:0kB bounce:0kB free_pcp:\(z.pcpKB)kB local_pcp:0kB free_cma:0kB")
            out.append("lowmem_reserve[]:" + z.protection.map { " \($0)" }.joined())
        }
        for z in m.zones {
            var line = "Node 0 \(z.name): "
            var total = 0
            for (o, n) in z.blocks.enumerated() {
                let kb = m.pageSizeKB << o
                line += "\(n)*\(kb)kB "
                if n > 0 { line += "(" + z.types[o].map(typeLetter).joined() + ") " }
                total += n * kb
            }
            out.append(line + "= \(total)kB")
        }
        for size in m.hugepageSizesKB {
            out.append("Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=\(size)kB")
        }
        out += ["0 total pagecache pages", "0 pages in swap cache", "Free swap  = 0kB", "Total swap = 0kB"]
        // __show_mem(): present pages, HIGHMEM's, what boot kept; CONFIG_MEMORY_FAILURE adds hwpoisoned.
        out += ["\(m.presentPages) pages RAM", "\(m.highmemPages) pages HighMem/MovableOnly", "\(m.reservedPages) pages reserved",
                "0 pages hwpoisoned"]
        return out
    }

    /// show_migration_types(): U M E H.
    static func typeLetter(_ t: MigrateType) -> String {
        switch t {
        case .unmovable: "U"
        case .movable: "M"
        case .reclaimable: "E"
        case .highAtomic: "H"
        }
    }
}

extension String {
    /// Substitutes the first "%p" of a kernel format with an already formatted pointer.
    func replacingPercentP(with p: String) -> String {
        let chars = Array(self)
        for i in chars.indices.dropLast() where chars[i] == "%" && chars[i + 1] == "p" {
            return String(chars[..<i]) + p + String(chars[(i + 2)...])
        }
        return self
    }
}

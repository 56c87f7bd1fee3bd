import KernelMM

/// Kernel macros and helpers C code uses that are not allocator calls: printk, error pointers, BUG_ON/WARN_ON,
/// the module macros. Memory functions (memset, memcpy …) are named so kmemsim can say it does not model bytes.
enum CBuiltins {
    static let printkLevels: [(String, String)] = [("pr_emerg", "0"), ("pr_alert", "1"), ("pr_crit", "2"), ("pr_err", "3"),
                                                   ("pr_warn", "4"), ("pr_notice", "5"), ("pr_info", "6"), ("pr_debug", "7"),
                                                   ("pr_cont", "c")]
    static let memoryFunctions = ["memset", "memcpy", "memmove", "memcmp", "strcpy", "strncpy", "strlcpy", "strscpy",
                                  "strlen", "strcmp", "sprintf", "snprintf", "copy_from_user", "copy_to_user"]
    static let moduleMacros = ["module_init", "module_exit", "MODULE_LICENSE", "MODULE_AUTHOR", "MODULE_DESCRIPTION",
                               "MODULE_VERSION", "MODULE_ALIAS"]
    static let names = ["printk", "IS_ERR", "IS_ERR_OR_NULL", "PTR_ERR", "ERR_PTR", "BUG_ON", "WARN_ON", "min", "max",
                        "likely", "unlikely", "DEFINE_SPINLOCK", "ALIGN", "PAGE_ALIGN", "get_order"]
        + printkLevels.map(\.0) + moduleMacros

    /// printk's format with the few conversions kernel code uses: %d %i %u %ld %lu %x %lx %p %px %s %zu %%.
    static func format(_ fmt: String, _ args: [CValue], _ math: CArithmetic) -> String {
        var out = "", i = fmt.startIndex, n = 0
        while i < fmt.endIndex {
            let c = fmt[i]
            guard c == "%" else { out.append(c); i = fmt.index(after: i); continue }
            var j = fmt.index(after: i)
            var spec = ""
            while j < fmt.endIndex, "-0123456789lhzt#".contains(fmt[j]) { spec.append(fmt[j]); j = fmt.index(after: j) }
            guard j < fmt.endIndex else { out += "%" + spec; break }
            let conv = fmt[j]
            var k = fmt.index(after: j)
            if conv == "%" { out.append("%"); i = k; continue }
            let v = n < args.count ? args[n] : nil
            n += 1
            let bits = v.flatMap { try? math.bits($0) } ?? 0
            switch conv {
            case "d", "i": out += String(bits)
            case "u": out += String(UInt(bitPattern: bits))
            case "x": out += String(UInt(bitPattern: bits), radix: 16)
            case "X": out += String(UInt(bitPattern: bits), radix: 16).uppercased()
            case "c": out.append(Character(Unicode.Scalar(UInt8(truncatingIfNeeded: bits))))
            case "s":
                if case .string(let s)? = v?.value { out += s } else { out += "(null)" }
            case "p":
                // %px prints the raw address; plain %p a hashed one, as the kernel does.
                if k < fmt.endIndex, fmt[k] == "x" { k = fmt.index(after: k); out += "0x" + String(UInt(bitPattern: bits), radix: 16) }
                else { out += Format.hashedPointer(UInt64(UInt(bitPattern: bits)), is64Bit: math.layout.arch.is64Bit) }
            default: out += "%" + spec + String(conv)
            }
            i = k
        }
        return out
    }
}

extension ShellSession {
    /// nil when `name` is not a builtin.
    mutating func cBuiltin(_ name: String, _ args: [CExpr], _ e: CExpr, _ run: inout CRun) throws(CError) -> CValue? {
        let math = cMath
        func values(_ run: inout CRun) throws(CError) -> [CValue] {
            var vs: [CValue] = []
            for a in args { vs.append(try cEval(a, &run)) }
            return vs
        }
        func one(_ run: inout CRun) throws(CError) -> CValue {
            guard args.count == 1 else { throw CError(.wrongArgumentCount(function: name, expected: 1, got: args.count), at: e.start) }
            return try cEval(args[0], &run)
        }
        switch name {
        case "printk",
             _ where CBuiltins.printkLevels.contains(where: { $0.0 == name }):
            guard let first = args.first else { throw CError(.wrongArgumentCount(function: name, expected: 1, got: 0), at: e.start) }
            let vs = try values(&run)
            guard case .string(var fmt) = vs[0].value else { throw CError(.expected("a format string", found: "'\(run.source.utf8Slice(first.start.offset, first.end.offset))'"), at: first.start) }
            // KERN_INFO and friends arrive as a "\u{1}6" prefix; the level is not printed.
            if fmt.hasPrefix("\u{1}") { fmt = String(fmt.dropFirst(2)) }
            var line = CBuiltins.format(fmt, Array(vs.dropFirst()), math)
            while line.hasSuffix("\n") { line.removeLast() }
            kernel.printk(line)
            run.stdout += line + "\n"
            logShownMark = kernel.log.written
            return CValue(type: .int, value: .int(line.utf8.count))
        case "KERN_EMERG", "KERN_ALERT", "KERN_CRIT", "KERN_ERR", "KERN_WARNING", "KERN_NOTICE", "KERN_INFO", "KERN_DEBUG":
            return nil
        case "IS_ERR", "IS_ERR_OR_NULL":
            let v = try one(&run)
            let b = try cAt(e.start) { () throws(CErrorKind) in try math.bits(v) }
            let isErr = UInt(bitPattern: b) >= UInt(bitPattern: -4095)
            return .int(isErr || (name == "IS_ERR_OR_NULL" && b == 0) ? 1 : 0, .bool)
        case "PTR_ERR":
            let v = try one(&run)
            return .int(try cAt(e.start) { () throws(CErrorKind) in try math.bits(v) }, .long)
        case "ERR_PTR":
            let v = try one(&run)
            return math.pointer(try cAt(e.start) { () throws(CErrorKind) in try math.bits(v) }, .voidPointer)
        case "likely", "unlikely":
            return try one(&run)
        case "min", "max":
            let vs = try values(&run)
            guard vs.count == 2 else { throw CError(.wrongArgumentCount(function: name, expected: 2, got: vs.count), at: e.start) }
            let less = try cAt(e.start) { () throws(CErrorKind) in try math.bits(math.binary("<", vs[0], vs[1])) } != 0
            return (name == "min") == less ? vs[0] : vs[1]
        case "ALIGN", "PAGE_ALIGN":
            let vs = try values(&run)
            let a = name == "PAGE_ALIGN" ? CValue.int(kernel.pageSize) : (vs.count > 1 ? vs[1] : CValue.int(1))
            guard let x = vs.first else { throw CError(.wrongArgumentCount(function: name, expected: 2, got: 0), at: e.start) }
            let xb = try cAt(e.start) { () throws(CErrorKind) in try math.bits(x) }, ab = try cAt(e.start) { () throws(CErrorKind) in try math.bits(a) }
            guard ab > 0 else { throw CError(.divisionByZero, at: e.start) }
            // ALIGN() in unsigned long arithmetic: it wraps as C does instead of trapping.
            return CValue(type: x.type, value: .int((xb &+ ab &- 1) / ab &* ab))
        case "get_order":
            let v = try one(&run)
            let size = try cAt(e.start) { () throws(CErrorKind) in try math.bits(v) }
            // include/asm-generic/getorder.h: fls(size - 1) - PAGE_SHIFT, in unsigned long (so no loop past 64 bits).
            let pageShift = kernel.pageSize.trailingZeroBitCount
            let u = UInt64(bitPattern: Int64(size)) &- 1
            let fls = size == 0 ? 64 : 64 - u.leadingZeroBitCount
            return .int(max(0, fls - pageShift))
        case "BUG_ON", "WARN_ON", "WARN_ON_ONCE":
            let c = try cTruth(try oneExpr(args, name, e), &run)
            if c {
                let cond = run.source.utf8Slice(args[0].start.offset, args[0].end.offset)
                let fn = run.functions.last ?? "<prompt>"
                if name == "BUG_ON" {
                    logShownMark = kernel.log.written + 1
                    kernel.printk("kernel BUG at \(run.file):\(e.start.line)! (\(fn): BUG_ON(\(cond)))")
                    throw CError(.commandFailed(CMessages.text(.bugOn(cond), lessons.language)), at: e.start)
                }
                kernel.printk("WARNING: at \(run.file):\(e.start.line) \(fn): WARN_ON(\(cond))")
                logShownMark = kernel.log.written
                run.stdout += "WARNING: at \(run.file):\(e.start.line) \(fn): WARN_ON(\(cond))\n"
            }
            return .int(c ? 1 : 0)
        case "DEFINE_SPINLOCK":
            guard args.count == 1, case .identifier(let n) = args[0].kind else {
                throw CError(.expected("DEFINE_SPINLOCK(name)", found: "'\(run.source.utf8Slice(e.start.offset, e.end.offset))'"), at: e.start)
            }
            // The lock is known to the kernel by name when it is first taken; the variable names it.
            let v = CValue(type: .structure("spinlock", isUnion: false), value: .string(n))
            if !run.frames.isEmpty { run.frames[run.frames.count - 1][run.frames[run.frames.count - 1].count - 1][n] = v }
            else if let m = run.module { self.c.modules[m].globals[n] = v }
            return .void
        case _ where CBuiltins.memoryFunctions.contains(name):
            throw CError(.dereference(.memoryFunction(name)), at: e.start)
        case _ where CBuiltins.moduleMacros.contains(name):
            if run.module == nil {
                throw CError(.moduleError(CMessages.text(.moduleMacroAtPrompt(name), lessons.language)), at: e.start)
            }
            return .void
        default:
            return nil
        }
    }

    func oneExpr(_ args: [CExpr], _ name: String, _ e: CExpr) throws(CError) -> CExpr {
        guard args.count == 1 else { throw CError(.wrongArgumentCount(function: name, expected: 1, got: args.count), at: e.start) }
        return args[0]
    }

    /// Remembers what module code allocated (kmemleak keeps the caller of every allocation).
    mutating func cTrack(_ spec: CommandSpec, _ raw: [String], _ extra: [String: ShellValue], _ v: CValue, _ e: CExpr, _ run: inout CRun) {
        guard let m = run.module else { return }
        let kind: CAllocation.Kind
        switch (spec.family, v.value) {
        case (_, .page(let p)) where spec.name.hasPrefix("alloc_page"):
            kind = .pages(p, order: Int(kernel.frames[p.raw].order))
        case (.percpu, .address(let a)) where spec.name == "alloc_percpu":
            kind = .percpu(a)
        case (.pageAlloc, .address(let a)), (.kmalloc, .address(let a)), (.vmalloc, .address(let a)):
            kind = .address(a)
        case (.slab, .address(let a)) where spec.name.hasPrefix("kmem_cache_alloc") || spec.name == "kmem_cache_zalloc":
            kind = .address(a)
        default:
            return
        }
        self.c.modules[m].allocations.removeAll { $0.kind == kind }
        let call = run.source.utf8Slice(e.start.offset, e.end.offset)
        self.c.modules[m].allocations.append(CAllocation(kind: kind, function: run.functions.last ?? "?", call: call,
                                                         file: run.file, line: e.start.line, callers: run.functions.reversed()))
    }
}

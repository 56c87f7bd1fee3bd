import KernelMM

/// C calls into the command table. This is the one narrow place where C meets commands: a C call becomes the same
/// command invocation a typed line would (`Shell.invoke`), so help, completion, lessons, undo and reports see one
/// thing. Values travel as `$__cN` variables so that each argument reader (`Arguments.page`, `.address`, `.gfp` …)
/// applies its usual checks and wording.
extension ShellSession {
    /// Functions C can call that are commands: every entry with a C declaration.
    var cCallableNames: [String] { CommandTable.standard.all.filter { $0.cDeclaration != nil }.map(\.name) }

    mutating func cCall(_ name: String, _ args: [CExpr], _ e: CExpr, _ run: inout CRun, valueName: String?) throws(CError) -> CValue {
        if let f = cFunction(name, run) {
            var values: [CValue] = []
            for a in args { values.append(try cEval(a, &run)) }
            return try cCallFunction(f, values, &run, at: e.start)
        }
        if let v = try cBuiltin(name, args, e, &run) { return v }
        guard let spec = CommandTable.standard.lookup(name), spec.cDeclaration != nil else {
            if CommandTable.standard.lookup(name) != nil {
                throw CError(.unmodelledFunction(name + " (a kmemsim command, not a kernel function: type it without parentheses)", suggestion: nil), at: e.start)
            }
            throw CError(.unmodelledFunction(name, suggestion: Suggest.closest(name, in: cCallableNames + CBuiltins.names)), at: e.start)
        }
        if let v = try cBootCache(spec, args, &run) { return v }
        return try cInvoke(spec, args, e, &run, valueName: valueName)
    }

    /// `kmem_cache_create("task_struct", …)` from the book: the boot already made that cache (fork_init() and
    /// friends ran this very call), so the pointer names it, with a note, instead of a second cache of that name.
    mutating func cBootCache(_ spec: CommandSpec, _ args: [CExpr], _ run: inout CRun) throws(CError) -> CValue? {
        guard spec.name == "kmem_cache_create", let first = args.first, case .string(let name) = first.kind,
              let ci = kernel.slab.index(named: name), kernel.slab.caches[ci].isBootCache else { return nil }
        // The arguments are still checked (and SLAB_NOTRACK still gets its note).
        for a in args.dropFirst() where { if case .identifier("NULL") = a.kind { return false } else { return true } }() {
            _ = try cEval(a, &run)
        }
        run.note(CMessages.text(.bootCache(name), lessons.language))
        return CValue(type: .cachePointer, value: .string(name))
    }

    mutating func cInvoke(_ spec: CommandSpec, _ args: [CExpr], _ e: CExpr, _ run: inout CRun, valueName: String?) throws(CError) -> CValue {
        var raw: [String] = []
        var extra: [String: ShellValue] = [:]
        // `local_irq_save(flags)` is a macro that stores into its argument: the command returns the value.
        var storeInto: CExpr?
        var argExprs = args
        if spec.arguments.isEmpty, args.count == 1, spec.cDeclaration?.hasPrefix("#define") == true {
            storeInto = args[0]
            argExprs = []
        }
        guard argExprs.count <= spec.arguments.count || spec.variadic else {
            throw CError(.wrongArgumentCount(function: spec.name, expected: spec.arguments.count, got: argExprs.count), at: e.start)
        }
        let required = spec.arguments.filter { !$0.optional }.count
        guard argExprs.count >= required else {
            throw CError(.wrongArgumentCount(function: spec.name, expected: required, got: argExprs.count), at: e.start)
        }
        for (i, a) in argExprs.enumerated() {
            let kind = i < spec.arguments.count ? spec.arguments[i].kind : (spec.arguments.last?.kind ?? .text)
            if let text = try cArgumentText(spec, i, kind, a, &run, extra: &extra) { raw.append(text) }
        }
        let text = run.source.utf8Slice(e.start.offset, e.end.offset)
        // The caller the kernel names (%pS of the return address): the C function making the call, in its module.
        let outer = kernel.callSite
        if let fn = run.functions.last {
            kernel.callSite = CallSite(serial: commandSerial, functionName: fn, moduleName: run.module.map { c.modules[$0].name })
        }
        defer { kernel.callSite = outer }
        let r = invoke(spec, arguments: raw, rest: raw.joined(separator: " "), assignTo: nil, text: text,
                       source: nil, line: 0, extraVariables: extra, showValue: run.showValues, valueName: valueName)
        if r.outcome.ranBeforeFailing { run.effects += 1 }
        if let error = r.error { throw CError(.commandFailed(error.message(language)), at: e.start) }
        run.effects += 1
        run.stdout += r.outcome.stdout
        let value = CValue(type: cReturnType(spec, r.value), value: r.value)
        if run.module != nil { cTrack(spec, raw, extra, value, e, &run) }
        if let storeInto { _ = try cAssign(storeInto, value, &run) }
        return value
    }

    /// The text a command reads for one argument.
    mutating func cArgumentText(_ spec: CommandSpec, _ i: Int, _ kind: ArgumentKind, _ a: CExpr, _ run: inout CRun,
                                extra: inout [String: ShellValue]) throws(CError) -> String? {
        if case .string(let s) = a.kind { return s }
        // Names (`per_cpu(counter, 1)`, `spin_lock(&lock)`, a cache by name) pass as written.
        let nameKinds: Bool = {
            switch kind {
            case .name, .cacheName, .word, .keyValue, .path, .procFile, .zone, .stackOwner, .cacheSetting(.ctor): return true
            default: return false
            }
        }()
        if nameKinds {
            if case .unary("&", let x) = a.kind, case .identifier(let n) = x.kind { return n }
            if case .identifier(let n) = a.kind, cLookup(n.hasPrefix("$") ? String(n.dropFirst()) : n, run) == nil,
               CConstants.value(n, kernel: kernel) == nil || n == "NULL" {
                if kind == .cacheSetting(.ctor), cFunction(n, run) != nil { return "ctor" }
                return n == "NULL" ? nil : n
            }
        }
        let v = try cEval(a, &run)
        if kind == .cacheSetting(.ctor) {
            if case .function = v.type { return "ctor" }
            if case .null = v.value { return nil }
        }
        if case .string(let s) = v.value { return s }
        if kind == .cacheSetting(.flags) {
            // FLAGS: a slab_flags_t value, spelled as the names the command parses.
            let math = cMath
            let n = try cAt(a.start) { () throws(CErrorKind) in try math.bits(v) }
            let flags = SlabFlags(rawValue: UInt32(truncatingIfNeeded: n))
            let names = SlabFlags.names.filter { flags.contains($0.1) && $0.1.rawValue != 0 }.map(\.0)
            return names.isEmpty ? "0" : names.joined(separator: "|")
        }
        // Numbers go as text (some commands read optional arguments by their spelling); other values by `$__cN`.
        if case .int(let n) = v.value, v.type.isSigned || n >= 0 { return String(n) }
        let key = "__c\(extra.count)"
        var value = v.value
        if case .bool(let b) = value { value = .int(b ? 1 : 0) }
        if case .int(let n) = value, n < 0, !v.type.isSigned { value = .address(UInt64(UInt(bitPattern: n))) }
        extra[key] = value
        return "$" + key
    }

    /// The C return type from the command's declaration, or the value's kind.
    func cReturnType(_ spec: CommandSpec, _ v: ShellValue) -> CType {
        if let decl = spec.cDeclaration, !decl.hasPrefix("#"),
           let t = CPrototype.returnType(decl, arch: kernel.arch), t != .void || v == .none {
            if case .pointer = t, case .int = v { return .long }
            return t
        }
        return CValue.typeOf(v)
    }
}

enum CPrototype {
    static func returnType(_ decl: String, arch: Architecture) -> CType? {
        var lexer = CLexer(decl, file: "")
        guard let tokens = try? lexer.tokenize() else { return nil }
        var p = CParser(tokens: tokens, arch: arch)
        guard let spec = try? p.specifiers(), let d = try? p.declarator(spec.type) else { return nil }
        return d.1
    }
}

import KernelMM

/// Where a C run is and what it produced so far. A run is one prompt input, one `insmod`'s init or one `rmmod`'s
/// exit; when it stops on an error the kernel keeps the state it reached, as a real kernel would.
struct CRun {
    var file: String
    var source: String
    /// The module whose code runs (its globals and functions are in scope, its allocations are tracked).
    var module: Int?
    /// One entry per active call: its scopes, innermost last.
    var frames: [[[String: CValue]]] = []
    var functions: [String] = []
    var steps = 0
    /// Calls into the kernel, assignments and declarations done so far: what stays done if the line then fails.
    var effects = 0
    var stdout = ""
    var notes: [String] = []
    /// Script location, when the input came from a script (`kmemsim: FILE:LINE: …`).
    var scriptSource: String?
    var scriptLine = 0
    /// Calls at the prompt's top level show their `= value` line.
    var showValues: Bool { frames.isEmpty && module == nil }

    mutating func note(_ s: String) {
        if !notes.contains(s) { notes.append(s) }
    }
}

enum CFlow {
    case normal
    case breakLoop
    case continueLoop
    case returned(CValue)
    case goto(String, CPosition)

    /// What a loop returns when its body's flow ends the loop (break, return, goto); nil goes round again.
    var leavingLoop: CFlow? {
        switch self {
        case .breakLoop: .normal
        case .returned, .goto: self
        case .normal, .continueLoop: nil
        }
    }
}

extension ShellSession {
    var cLayout: CTypeLayout { CTypeLayout(arch: kernel.arch, kernel: kernel, declared: self.c.structs) }
    var cMath: CArithmetic { CArithmetic(layout: cLayout) }

    mutating func cStep(_ run: inout CRun, _ at: CPosition) throws(CError) {
        run.steps += 1
        if run.steps > self.c.stepLimit { throw CError(.stepLimit(self.c.stepLimit), at: at) }
    }

    // MARK: statements

    mutating func cExec(_ s: CStmt, _ run: inout CRun) throws(CError) -> CFlow {
        try cStep(&run, s.start)
        switch s.kind {
        case .empty:
            return .normal
        case .expression(let e):
            let v = try cEval(e, &run)
            if run.showValues, !isCommandCall(e), v.type != .void, !isAssignment(e) {
                run.stdout += cMath.describe(v) + "\n"
            }
            return .normal
        case .declaration(let decls, _):
            for d in decls { try cDeclare(d, &run) }
            return .normal
        case .structDeclaration(let decl):
            if let old = self.c.structs[decl.name], old != decl, run.module == nil {
                run.note(CMessages.text(.structRedefined(decl.name), lessons.language))
            }
            self.c.structs[decl.name] = decl
            // Lay it out now so a struct that cannot be laid out is reported where it is declared.
            do { _ = try cLayout.layout(decl.name) } catch {
                self.c.structs[decl.name] = nil
                throw CError(error, at: s.start)
            }
            return .normal
        case .block(let body):
            if !run.frames.isEmpty { run.frames[run.frames.count - 1].append([:]) }
            defer { if !run.frames.isEmpty { run.frames[run.frames.count - 1].removeLast() } }
            return try cExecList(body, &run)
        case .ifElse(let c, let a, let b):
            if try cTruth(c, &run) { return try cExec(a, &run) }
            if let b { return try cExec(b, &run) }
            return .normal
        case .whileLoop(let c, let body):
            while try cTruth(c, &run) {
                try cStep(&run, s.start)
                if let out = try cExec(body, &run).leavingLoop { return out }
            }
            return .normal
        case .doWhile(let body, let c):
            repeat {
                try cStep(&run, s.start)
                if let out = try cExec(body, &run).leavingLoop { return out }
            } while try cTruth(c, &run)
            return .normal
        case .forLoop(let i, let c, let step, let body):
            if !run.frames.isEmpty { run.frames[run.frames.count - 1].append([:]) }
            defer { if !run.frames.isEmpty { run.frames[run.frames.count - 1].removeLast() } }
            if let i { _ = try cExec(i, &run) }
            while true {
                if let c, !(try cTruth(c, &run)) { break }
                try cStep(&run, s.start)
                if let out = try cExec(body, &run).leavingLoop { return out }
                if let step { _ = try cEval(step, &run) }
            }
            return .normal
        case .breakStmt: return .breakLoop
        case .continueStmt: return .continueLoop
        case .returnStmt(let e):
            return .returned(try e.map { e throws(CError) in try cEval(e, &run) } ?? .void)
        case .gotoStmt(let l):
            return .goto(l, s.start)
        case .label(_, let inner):
            return try cExec(inner, &run)
        }
    }

    /// A statement list; a `goto` to a label in this list continues from the label (kernel error paths jump
    /// forward to `out:` at the end of the function).
    mutating func cExecList(_ body: [CStmt], _ run: inout CRun) throws(CError) -> CFlow {
        var i = 0
        while i < body.count {
            let flow = try cExec(body[i], &run)
            if case .goto(let label, let pos) = flow {
                if let target = body.firstIndex(where: { if case .label(label, _) = $0.kind { return true } else { return false } }) {
                    try cStep(&run, pos)
                    i = target
                    continue
                }
                return flow
            }
            if case .normal = flow { i += 1; continue }
            return flow
        }
        return .normal
    }

    /// Commands print their own results; everything else at the prompt shows its value.
    func isCommandCall(_ e: CExpr) -> Bool {
        guard case .call(let name, _) = e.kind else { return false }
        return self.c.functions[name] == nil && (CommandTable.standard.lookup(name) != nil || CBuiltins.names.contains(name))
    }
    func isAssignment(_ e: CExpr) -> Bool {
        switch e.kind {
        case .assign, .increment: return true
        default: return false
        }
    }

    mutating func cDeclare(_ d: CDeclarator, _ run: inout CRun) throws(CError) {
        if case .structure(let n, _) = d.type {
            _ = try cAt(d.position) { () throws(CErrorKind) in try cLayout.sizeAlign(.structure(n, isUnion: false)) }
            throw CError(.dereference(.structVariable(type: d.type.spelling, name: d.name)), at: d.position)
        }
        if case .array = d.type {
            throw CError(.dereference(.arrayVariable(declaration: d.type.declaration(d.name))), at: d.position)
        }
        var v = try cAt(d.position) { () throws(CErrorKind) in try cMath.convert(CValue.int(0), to: d.type) }
        if let e = d.initializer {
            let valueName = d.name
            let init0 = try cEval(e, &run, valueName: run.showValues ? valueName : nil)
            v = try cAt(e.start) { () throws(CErrorKind) in try cMath.convert(init0, to: d.type) }
        }
        run.effects += 1
        if !run.frames.isEmpty {
            run.frames[run.frames.count - 1][run.frames[run.frames.count - 1].count - 1][d.name] = v
        } else if let m = run.module {
            self.c.modules[m].globals[d.name] = v
        } else {
            self.c.types[d.name] = d.type
            variableStore[d.name] = v.value
        }
    }

    // MARK: variables

    func cLookup(_ name: String, _ run: CRun) -> CValue? {
        if let scopes = run.frames.last {
            for s in scopes.reversed() { if let v = s[name] { return v } }
        }
        if let m = run.module {
            if let v = self.c.modules[m].globals[name] { return v }
            return nil
        }
        if let v = variables[name] {
            return CValue(type: self.c.types[name] ?? CValue.typeOf(v), value: v)
        }
        return nil
    }

    /// Stores into a variable; at the prompt an undeclared name becomes a shell variable (`p = alloc_pages(…)`).
    mutating func cStore(_ name: String, _ v: CValue, _ run: inout CRun, at: CPosition) throws(CError) -> CValue {
        if !run.frames.isEmpty {
            let f = run.frames.count - 1
            for s in stride(from: run.frames[f].count - 1, through: 0, by: -1) {
                if let old = run.frames[f][s][name] {
                    let c = try cAt(at) { () throws(CErrorKind) in try cMath.convert(v, to: old.type) }
                    run.frames[f][s][name] = c
                    return c
                }
            }
        }
        if let m = run.module {
            guard let old = self.c.modules[m].globals[name] else { throw CError(.undeclared(name, suggestion: cSuggest(name, run)), at: at) }
            let c = try cAt(at) { () throws(CErrorKind) in try cMath.convert(v, to: old.type) }
            self.c.modules[m].globals[name] = c
            return c
        }
        if let t = self.c.types[name], variables[name] != nil {
            let c = try cAt(at) { () throws(CErrorKind) in try cMath.convert(v, to: t) }
            variableStore[name] = c.value
            return c
        }
        if !run.frames.isEmpty { throw CError(.undeclared(name, suggestion: cSuggest(name, run)), at: at) }
        self.c.types[name] = nil
        variableStore[name] = v.value
        return v
    }

    func cSuggest(_ name: String, _ run: CRun) -> String? {
        var names = CConstants.allNames(kernel: kernel)
        if let scopes = run.frames.last { for s in scopes { names += s.keys.sorted() } }
        if let m = run.module { names += self.c.modules[m].globals.keys.sorted() } else { names += variables.keys.sorted() }
        return Suggest.closest(name, in: names.filter { $0.count > 1 && !$0.hasPrefix("__c") })
    }

    // MARK: expressions

    mutating func cEval(_ e: CExpr, _ run: inout CRun, valueName: String? = nil) throws(CError) -> CValue {
        let math = cMath
        switch e.kind {
        case .integer(let v, let t):
            return CValue(type: t, value: .int(Int(bitPattern: UInt(v))))
        case .string(let s):
            return CValue(type: .pointer(.char), value: .string(s))
        case .identifier(let raw):
            let name = raw.hasPrefix("$") ? String(raw.dropFirst()) : raw
            if let v = cLookup(name, run) { return v }
            if raw.hasPrefix("$") {
                throw CError(.undeclared(raw, suggestion: Suggest.closest(name, in: variables.keys.sorted()).map { "$" + $0 }), at: e.start)
            }
            if let c = CConstants.value(name, kernel: kernel) { return c }
            if CConstants.removedSlabFlags.contains(name) {
                run.note(CMessages.text(.removedSlabFlag(name), lessons.language))
                return .int(0, .unsignedInt)
            }
            if let r = GFPNames.removed.first(where: { $0.name == name }) {
                throw CError(.commandFailed(CommandError.removedGFPFlag(r.name).message(language)), at: e.start)
            }
            if cFunction(name, run) != nil { return CValue(type: .function(name), value: .string(name)) }
            throw CError(.undeclared(name, suggestion: cSuggest(name, run)), at: e.start)
        case .unary(let op, let x):
            switch op {
            case "&":
                throw CError(.dereference(.addressOf), at: e.start)
            case "*":
                let p = try cEval(x, &run)
                throw CError(.dereference(.throughPointer(String(math.describe(p).split(separator: " ").first ?? ""))), at: e.start)
            default: break
            }
            let v = try cEval(x, &run)
            let n = try cAt(e.start) { () throws(CErrorKind) in try math.bits(v) }
            switch op {
            case "!": return .int(n == 0 ? 1 : 0)
            case "-": let t = math.common(v.type, .int); return .int(math.normalize(0 &- n, t), t)
            case "~": let t = math.common(v.type, .int); return .int(math.normalize(~n, t), t)
            default: return v
            }
        case .increment(let op, let target, let prefix):
            let old = try cEval(target, &run)
            let one = CValue.int(1)
            let new = try cAt(e.start) { () throws(CErrorKind) in try math.binary(op == "++" ? "+" : "-", old, one) }
            let stored = try cAssign(target, new, &run)
            return prefix ? stored : old
        case .binary(let op, let l, let r):
            if op == "&&" || op == "||" {
                let a = try cTruth(l, &run)
                if op == "&&" && !a { return .int(0) }
                if op == "||" && a { return .int(1) }
                return .int(try cTruth(r, &run) ? 1 : 0)
            }
            let a = try cEval(l, &run), b = try cEval(r, &run)
            return try cAt(e.start) { () throws(CErrorKind) in try math.binary(op, a, b) }
        case .assign(let op, let target, let value):
            var v = try cEval(value, &run, valueName: cTargetName(target, run))
            if op != "=" {
                let old = try cEval(target, &run)
                let rhs = v
                v = try cAt(e.start) { () throws(CErrorKind) in try math.binary(String(op.dropLast()), old, rhs) }
            }
            return try cAssign(target, v, &run)
        case .conditional(let c, let a, let b):
            return try cTruth(c, &run) ? try cEval(a, &run) : try cEval(b, &run)
        case .cast(let t, let x):
            let v = try cEval(x, &run)
            return try cAt(e.start) { () throws(CErrorKind) in try math.convert(v, to: t) }
        case .sizeofType(let t):
            return .int(try cAt(e.start) { () throws(CErrorKind) in try cLayout.size(t) }, .unsignedLong)
        case .alignofType(let t):
            return .int(try cAt(e.start) { () throws(CErrorKind) in try cLayout.sizeAlign(t).align }, .unsignedLong)
        case .sizeofExpr(let x):
            let t = try cStaticType(x, &run)
            return .int(try cAt(e.start) { () throws(CErrorKind) in try cLayout.size(t) }, .unsignedLong)
        case .offsetof(let t, let m):
            guard case .structure(let n, _) = t else { throw CError(.expectedType(found: "'\(t.spelling)' (offsetof takes a struct)"), at: e.start) }
            return .int(try cAt(e.start) { () throws(CErrorKind) in try cLayout.offsetof(n, member: m) }, .unsignedLong)
        case .member(let x, let m, let arrow):
            let v = try cEval(x, &run)
            throw CError(.dereference(.member(op: arrow ? "->" : ".", member: m, type: v.type.spelling)), at: e.start)
        case .index:
            throw CError(.dereference(.indexing), at: e.start)
        case .comma(let a, let b):
            _ = try cEval(a, &run)
            return try cEval(b, &run)
        case .call(let name, let args):
            try cStep(&run, e.start)
            return try cCall(name, args, e, &run, valueName: valueName)
        }
    }

    func cTargetName(_ e: CExpr, _ run: CRun) -> String? {
        guard run.showValues, case .identifier(let n) = e.kind else { return nil }
        return n.hasPrefix("$") ? String(n.dropFirst()) : n
    }

    mutating func cAssign(_ target: CExpr, _ v: CValue, _ run: inout CRun) throws(CError) -> CValue {
        run.effects += 1
        switch target.kind {
        case .identifier(let raw):
            let name = raw.hasPrefix("$") ? String(raw.dropFirst()) : raw
            if cLookup(name, run) == nil, CConstants.value(name, kernel: kernel) != nil {
                throw CError(.notAssignable(name), at: target.start)
            }
            return try cStore(name, v, &run, at: target.start)
        case .unary("*", _), .member, .index:
            _ = try cEval(target, &run)
            throw CError(.notAssignable("this"), at: target.start)
        default:
            throw CError(.notAssignable(String(run.source.utf8Slice(target.start.offset, target.end.offset))), at: target.start)
        }
    }

    /// The type of an expression for sizeof (evaluated only where C would need the value's type).
    mutating func cStaticType(_ e: CExpr, _ run: inout CRun) throws(CError) -> CType {
        switch e.kind {
        case .identifier(let raw):
            let name = raw.hasPrefix("$") ? String(raw.dropFirst()) : raw
            if let v = cLookup(name, run) { return v.type }
            if let c = CConstants.value(name, kernel: kernel) { return c.type }
            throw CError(.undeclared(name, suggestion: cSuggest(name, run)), at: e.start)
        case .unary("*", let x):
            let t = try cStaticType(x, &run)
            guard let p = t.pointee else { throw CError(.badOperands(op: "*", left: t.spelling, right: ""), at: e.start) }
            return p
        case .string(let s): return .array(.char, s.utf8.count + 1)
        case .member(let x, let m, _):
            var t = try cStaticType(x, &run)
            if let p = t.pointee { t = p }
            guard case .structure(let n, _) = t else { throw CError(.badOperands(op: ".", left: t.spelling, right: m), at: e.start) }
            let l = try cAt(e.start) { () throws(CErrorKind) in try cLayout.layout(n) }
            guard let f = l.fields.first(where: { $0.name == m }) else {
                throw CError(.noSuchMember(struct: n, member: m, members: l.fields.map(\.name)), at: e.start)
            }
            return f.type
        default:
            return try cEval(e, &run).type
        }
    }

    func cFunction(_ name: String, _ run: CRun) -> CFunction? {
        if let m = run.module { return self.c.modules[m].functions[name] }
        return self.c.functions[name]
    }

    /// A function the learner wrote: a new frame with its parameters.
    mutating func cCallFunction(_ f: CFunction, _ args: [CValue], _ run: inout CRun, at: CPosition) throws(CError) -> CValue {
        guard args.count == f.parameters.count else {
            throw CError(.wrongArgumentCount(function: f.name, expected: f.parameters.count, got: args.count), at: at)
        }
        guard run.frames.count < 64 else { throw CError(.callDepth(64), at: at) }
        var scope: [String: CValue] = [:]
        for (p, v) in zip(f.parameters, args) { scope[p.name] = try cAt(at) { () throws(CErrorKind) in try cMath.convert(v, to: p.type) } }
        run.frames.append([scope])
        run.functions.append(f.name)
        defer {
            run.frames.removeLast()
            run.functions.removeLast()
        }
        guard case .block(let body) = f.body.kind else { return .void }
        switch try cExecList(body, &run) {
        case .returned(let v):
            return f.returnType == .void ? .void : try cAt(at) { () throws(CErrorKind) in try cMath.convert(v, to: f.returnType) }
        case .goto(let l, let p):
            throw CError(.undefinedLabel(l), at: p)
        case .breakLoop, .continueLoop:
            throw CError(.breakOutsideLoop(f.name), at: f.position)
        case .normal:
            return f.returnType == .void ? .void : .int(0, f.returnType)
        }
    }
}

/// Runs a step that can fail without knowing where it is, and places its error at `p`.
func cAt<T>(_ p: CPosition, _ body: () throws(CErrorKind) -> T) throws(CError) -> T {
    do { return try body() } catch { throw CError(error, at: p) }
}

extension ShellSession {
    mutating func cTruth(_ e: CExpr, _ run: inout CRun) throws(CError) -> Bool {
        let v = try cEval(e, &run)
        let math = cMath
        return try cAt(e.start) { () throws(CErrorKind) in try math.truthy(v) }
    }
}

extension String {
    /// Bytes [from, to) of the UTF-8 text, as a string.
    func utf8Slice(_ from: Int, _ to: Int) -> String {
        let u = Array(utf8)
        let a = max(0, min(from, u.count)), b = max(a, min(to, u.count))
        return String(decoding: u[a..<b], as: UTF8.self)
    }
}

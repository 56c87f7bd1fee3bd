import KernelMM

/// A C value: its type and what it holds, in the shell's own value kinds so that a C variable and a `$variable`
/// are the same thing (`void *x = kmalloc(…)` then `kfree $x`).
struct CValue: Sendable, Equatable {
    var type: CType
    var value: ShellValue

    static let void = CValue(type: .void, value: .none)
    static func int(_ n: Int, _ t: CType = .int) -> CValue { CValue(type: t, value: .int(n)) }
    static let null = CValue(type: .voidPointer, value: .null)

    /// The type a value of the shell has when C reads it (a `$p` from `p = alloc_pages …`).
    static func typeOf(_ v: ShellValue) -> CType {
        switch v {
        case .none: .void
        case .null: .voidPointer
        case .int: .long
        case .address: .voidPointer
        case .page: .pagePointer
        case .string: .cachePointer
        case .bool: .bool
        }
    }
}

/// Integer arithmetic and conversions with the machine's widths: an `unsigned int` wraps at 2^32, a `long` is 4 bytes
/// on i386.
struct CArithmetic {
    let layout: CTypeLayout
    var kernel: Kernel { layout.kernel }

    func bits(_ v: CValue) throws(CErrorKind) -> Int {
        switch v.value {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .null, .none: return 0
        case .address(let a): return Int(bitPattern: UInt(a))
        case .page(let p): return Int(bitPattern: UInt(kernel.structPageAddress(p.raw)))
        case .string(let s): throw .badOperands(op: "arithmetic", left: "\"\(s)\"", right: "")
        }
    }

    func truthy(_ v: CValue) throws(CErrorKind) -> Bool {
        if case .string = v.value { return true }
        return try bits(v) != 0
    }

    /// Wraps to the type's width, sign-extending signed types.
    func normalize(_ n: Int, _ t: CType) -> Int {
        switch t {
        case .bool: return n != 0 ? 1 : 0
        case .integer(let k, let signed):
            let width = layout.scalar(k).size * 8
            guard width < 64 else { return n }
            let mask = (1 << width) - 1
            let low = n & mask
            if signed && low & (1 << (width - 1)) != 0 { return low - (1 << width) }
            return low
        default: return n
        }
    }

    /// A pointer value from an address (a struct page address stays a page, 0 is NULL).
    func pointer(_ a: Int, _ t: CType) -> CValue {
        if a == 0 { return CValue(type: t, value: .null) }
        let u = UInt64(UInt(bitPattern: a))
        if t.isStructPage, let pfn = kernel.pfnOfStructPage(u) { return CValue(type: t, value: .page(PFN(pfn))) }
        return CValue(type: t, value: .address(u))
    }

    /// Assignment and cast conversion.
    func convert(_ v: CValue, to t: CType) throws(CErrorKind) -> CValue {
        switch t {
        case .void: return .void
        case .integer(let k, let signed) where !signed && layout.scalar(k).size == layout.pointerSize:
            // unsigned long holds addresses in kernel code (`unsigned long addr = __get_free_pages(…)`): keep it one.
            if case .address = v.value { return CValue(type: t, value: v.value) }
            let n = normalize(try bits(v), t)
            return CValue(type: t, value: n < 0 ? .address(UInt64(UInt(bitPattern: n))) : .int(n))
        case .integer, .bool:
            return CValue(type: t, value: .int(normalize(try bits(v), t)))
        case .pointer:
            switch v.value {
            case .string, .page, .null: return CValue(type: t, value: v.value)
            case .address(let a):
                if t.isStructPage, let pfn = kernel.pfnOfStructPage(a) { return CValue(type: t, value: .page(PFN(pfn))) }
                return CValue(type: t, value: v.value)
            default: return pointer(try bits(v), t)
            }
        case .array, .structure, .function:
            throw .notAssignable(t.spelling)
        }
    }

    /// C's usual arithmetic conversions, simplified to the integer types kmemsim has.
    func common(_ a: CType, _ b: CType) -> CType {
        func rank(_ t: CType) -> (Int, Bool) {
            if case .integer(let k, let s) = t { return (max(k.rawValue, CType.IntKind.int.rawValue), s) }
            return (CType.IntKind.int.rawValue, true)
        }
        let (ra, sa) = rank(a), (rb, sb) = rank(b)
        let r = max(ra, rb)
        let sizeA = layout.scalar(CType.IntKind(rawValue: ra) ?? .int).size, sizeB = layout.scalar(CType.IntKind(rawValue: rb) ?? .int).size
        let signed: Bool
        if sa == sb { signed = sa } else if ra == rb || sizeA == sizeB { signed = false } else { signed = (ra > rb ? sa : sb) }
        return .integer(CType.IntKind(rawValue: r) ?? .int, signed: signed)
    }

    func elementSize(_ t: CType) throws(CErrorKind) -> Int {
        guard let p = t.pointee else { return 1 }
        if p == .void { return 1 }  // GNU C: arithmetic on void * counts bytes
        return try layout.size(p)
    }

    func binary(_ op: String, _ l: CValue, _ r: CValue) throws(CErrorKind) -> CValue {
        // Pointer arithmetic.
        if l.type.isPointer || r.type.isPointer {
            switch op {
            case "+", "-":
                if l.type.isPointer && r.type.isPointer {
                    guard op == "-" else { throw .badOperands(op: op, left: l.type.spelling, right: r.type.spelling) }
                    let size = try elementSize(l.type)
                    return .int((try bits(l) &- bits(r)) / max(size, 1), .long)
                }
                let (p, n) = l.type.isPointer ? (l, r) : (r, l)
                guard n.type.isInteger else { throw .badOperands(op: op, left: l.type.spelling, right: r.type.spelling) }
                if op == "-" && !l.type.isPointer { throw .badOperands(op: op, left: l.type.spelling, right: r.type.spelling) }
                let step = try bits(n) &* elementSize(p.type)
                let type: CType = { if case .array(let e, _) = p.type { return .pointer(e) } else { return p.type } }()
                return pointer(op == "+" ? try bits(p) &+ step : try bits(p) &- step, type)
            case "==", "!=", "<", ">", "<=", ">=":
                if case .string(let a) = l.value, case .string(let b) = r.value {
                    return .int((op == "==") == (a == b) ? 1 : 0)
                }
                let a = UInt(bitPattern: try bits(l)), b = UInt(bitPattern: try bits(r))
                return .int(compare(op, a, b) ? 1 : 0)
            case "&&", "||":
                break
            default:
                if op == "&" || op == "|" || op == "^" || op == "%" || op == "*" || op == "/" || op == "<<" || op == ">>" {
                    throw .badOperands(op: op, left: l.type.spelling, right: r.type.spelling)
                }
            }
        }
        let a = try bits(l), b = try bits(r)
        if op == "&&" || op == "||" { return .int(op == "&&" ? (a != 0 && b != 0 ? 1 : 0) : (a != 0 || b != 0 ? 1 : 0)) }
        let t = common(l.type, r.type)
        let unsigned = !t.isSigned
        let ua = UInt(bitPattern: normalize(a, t)), ub = UInt(bitPattern: normalize(b, t))
        let sa = normalize(a, t), sb = normalize(b, t)
        let n: Int
        switch op {
        case "+": n = sa &+ sb
        case "-": n = sa &- sb
        case "*": n = sa &* sb
        case "/", "%":
            guard sb != 0 else { throw .divisionByZero }
            if unsigned { n = Int(bitPattern: op == "/" ? ua / ub : ua % ub) }
            else if sa == Int.min && sb == -1 { n = op == "/" ? Int.min : 0 }
            else { n = op == "/" ? sa / sb : sa % sb }
        case "&": n = sa & sb
        case "|": n = sa | sb
        case "^": n = sa ^ sb
        case "<<": n = sb >= 0 && sb < 64 ? sa << sb : 0
        case ">>":
            let lt = common(l.type, .int)
            let la = normalize(a, lt)
            n = sb < 0 || sb >= 64 ? 0 : (lt.isSigned ? la >> sb : Int(bitPattern: UInt(bitPattern: la) >> UInt(sb)))
            return .int(normalize(n, lt), lt)
        case "==", "!=", "<", ">", "<=", ">=":
            let r = unsigned ? compare(op, ua, ub) : compare(op, sa, sb)
            return .int(r ? 1 : 0)
        default: throw .badOperands(op: op, left: l.type.spelling, right: r.type.spelling)
        }
        return .int(normalize(n, t), t)
    }

    func compare<T: Comparable>(_ op: String, _ a: T, _ b: T) -> Bool {
        switch op {
        case "==": a == b
        case "!=": a != b
        case "<": a < b
        case ">": a > b
        case "<=": a <= b
        default: a >= b
        }
    }

    /// How a value reads after `=` at the prompt: `40`, `0xffff888001234000`, `(struct page *)…`.
    func describe(_ v: CValue) -> String {
        switch v.value {
        case .int(let n):
            if !v.type.isSigned, n < 0 { let u = UInt(bitPattern: n); return "\(u) (0x\(String(u, radix: 16)))" }
            return ValueView.describe(v.value, kernel: kernel)
        default: return ValueView.describe(v.value, kernel: kernel)
        }
    }
}

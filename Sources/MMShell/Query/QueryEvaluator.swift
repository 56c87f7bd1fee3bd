import KernelMM

/// Evaluates parsed expressions against a `QueryContext`. Pure: it reads the kernel, never changes it.
public struct QueryEvaluator: Sendable {
    public let context: QueryContext
    public init(_ context: QueryContext) { self.context = context }

    /// Parses and evaluates in one go.
    public static func evaluate(_ text: String, in context: QueryContext) throws(QueryError) -> QueryValue {
        try QueryEvaluator(context).evaluate(try QueryParser.parse(text))
    }

    public func evaluate(_ e: QueryExpr) throws(QueryError) -> QueryValue {
        switch e {
        case .literal(let v, _):
            return v
        case .list(let items, _):
            var out: [QueryValue] = []
            for i in items { out.append(try evaluate(i)) }
            return .list(out)
        case .variable(let name, let col):
            guard let v = context.variables[name] else {
                throw QueryError(.queryNoVariable(name, known: context.variables.keys.sorted()), column: col)
            }
            return QueryValue.from(v)
        case .name(let n, let col):
            if let r = QueryRegistry.root(n) {
                guard r.arity == 0 else { throw QueryError(.queryNeedsArguments(n, usage: r.usage), column: col) }
                return try located(col) { () throws(QueryError) in try r.evaluate(context, []) }
            }
            if let f = QueryRegistry.function(n) { throw QueryError(.queryIsFunction(n, usage: f.usage), column: col) }
            throw QueryError(.queryUnknownName(n, suggestion: Suggest.closest(n, in: Self.topNames)), column: col)
        case .call(let n, let argExprs, let col):
            var args: [QueryValue] = []
            for a in argExprs { args.append(try evaluate(a)) }
            if let f = QueryRegistry.function(n) {
                return try located(col) { () throws(QueryError) in try f.evaluate(args) }
            }
            if let r = QueryRegistry.root(n) {
                guard r.arity > 0 else { throw QueryError(.queryTakesNoArguments(n, usage: r.usage), column: col) }
                guard args.count == r.arity else { throw QueryError(.queryArity(n, r.arity, usage: r.usage), column: col) }
                return try located(col) { () throws(QueryError) in try r.evaluate(context, args) }
            }
            throw QueryError(.queryUnknownFunction(n, suggestion: Suggest.closest(n, in: Self.topNames)), column: col)
        case .member(let base, let name, let col):
            let b = try evaluate(base)
            let (type, obj) = try object(b, field: name, column: col)
            if let f = type.field(name) {
                guard let get = f.get else { throw QueryError(.queryIsMethod(name, usage: f.usage ?? "()"), column: col) }
                return try located(col) { () throws(QueryError) in try get(context, obj) }
            }
            if let d = type.dynamic, let v = d.get(context, obj, name) { return v }
            throw noField(name, type: type, obj: obj, column: col)
        case .methodCall(let base, let name, let argExprs, let col):
            let b = try evaluate(base)
            let (type, obj) = try object(b, field: name, column: col)
            guard let f = type.field(name) else { throw noField(name, type: type, obj: obj, column: col) }
            guard let m = f.method else { throw QueryError(.queryNotAMethod(type.name, name), column: col) }
            var args: [QueryValue] = []
            for a in argExprs { args.append(try evaluate(a)) }
            return try located(col) { () throws(QueryError) in try m(context, obj, args) }
        case .index(let base, let idxExpr, let col):
            if case .member(let inner, let name, let dot) = base {
                let b = try evaluate(inner)
                if case .object(let obj) = b, let type = QueryRegistry.type(obj.type), let f = type.field(name), let ix = f.indexed {
                    let i = try evaluate(idxExpr)
                    return try located(col) { () throws(QueryError) in try ix(context, obj, i) }
                }
                _ = dot
            }
            let b = try evaluate(base)
            let i = try evaluate(idxExpr)
            guard case .list(let items) = b else { throw QueryError(.queryCannotIndex(b), column: col) }
            guard case .int(let n) = i else { throw QueryError(.queryIndexNotNumber(i), column: col) }
            let k = n < 0 ? items.count + n : n
            guard k >= 0, k < items.count else { throw QueryError(.queryIndexOutOfRange(n, count: items.count), column: col) }
            return items[k]
        case .unary(let op, let operand, let col):
            let v = try evaluate(operand)
            switch (op, v) {
            case ("not", .bool(let b)): return .bool(!b)
            case ("-", .int(let n)):
                let (r, o) = (0).subtractingReportingOverflow(n)
                if o { throw QueryError(.queryNumberTooLarge, column: col) }
                return .int(r)
            case ("~", .int(let n)): return .int(~n)
            case ("~", .address(let a)): return .address(~a)
            default: throw QueryError(.queryOperatorNotFor(op, v), column: col)
            }
        case .binary(let op, let l, let r, let col):
            if op == "and" || op == "or" {
                let a = try evaluate(l)
                guard case .bool(let x) = a else { throw QueryError(.queryNeedsBool(op, left: true, a), column: col) }
                if op == "and" && !x { return .bool(false) }
                if op == "or" && x { return .bool(true) }
                let b = try evaluate(r)
                guard case .bool(let y) = b else { throw QueryError(.queryNeedsBool(op, left: false, b), column: col) }
                return .bool(y)
            }
            return try QueryOperators.apply(op, try evaluate(l), try evaluate(r), column: col)
        }
    }

    static var topNames: [String] { QueryRegistry.roots.map(\.name) + QueryRegistry.functions.map(\.name) }

    func object(_ v: QueryValue, field: String, column: Int) throws(QueryError) -> (QueryType, QueryObject) {
        guard case .object(let obj) = v, let type = QueryRegistry.type(obj.type) else {
            if case .null = v { throw QueryError(.queryNullHasNoField(field), column: column) }
            throw QueryError(.queryNoFields(v, asked: field), column: column)
        }
        return (type, obj)
    }

    func noField(_ name: String, type: QueryType, obj: QueryObject, column: Int) -> QueryError {
        var names = type.fields.map(\.name)
        if let d = type.dynamic { names += d.names(context, obj) }
        return QueryError(.queryNoField(name, on: type.name, suggestion: Suggest.closest(name, in: names)), column: column)
    }

    /// Runs a registry closure and gives its errors the column they belong to.
    func located(_ column: Int, _ body: () throws(QueryError) -> QueryValue) throws(QueryError) -> QueryValue {
        do { return try body() } catch {
            var e = error
            if e.column == 0 { e.column = column }
            throw e
        }
    }
}

/// Arithmetic, bit operations and comparisons. Numbers are Int with overflow checks; addresses are UInt64 and
/// wrap as C's unsigned long does.
enum QueryOperators {
    static func apply(_ op: String, _ a: QueryValue, _ b: QueryValue, column: Int) throws(QueryError) -> QueryValue {
        switch op {
        case "==": return .bool(try equal(a, b, column: column))
        case "!=": return .bool(!(try equal(a, b, column: column)))
        case "<", "<=", ">", ">=": return .bool(try order(op, a, b, column: column))
        case "in":
            switch b {
            case .list(let items):
                for x in items where (try? equal(a, x, column: column)) == true { return .bool(true) }
                return .bool(false)
            case .string(let s):
                guard case .string(let t) = a else { throw QueryError(.queryInStringNeedsString, column: column) }
                return .bool(s.contains(t))
            default: throw QueryError(.queryInNeedsList(b), column: column)
            }
        default: break
        }
        if op == "+", case .string(let x) = a, case .string(let y) = b { return .string(x + y) }
        if case .int(let x) = a, case .int(let y) = b { return .int(try integer(op, x, y, column: column)) }
        guard a.isAddress || b.isAddress, let x = a.unsigned, let y = b.unsigned else {
            throw QueryError(.queryOperatorNotFor(op, a, b), column: column)
        }
        // Address arithmetic: address ± n is an address; the difference of two addresses is a number.
        switch op {
        case "+": return .address(x &+ y)
        case "-":
            if a.isAddress && b.isAddress {
                return x >= y && x - y <= UInt64(Int.max) ? .int(Int(x - y)) : .int(-Int(truncatingIfNeeded: y &- x))
            }
            return .address(x &- y)
        case "&": return shrink(x & y)
        case "|": return .address(x | y)
        case "^": return shrink(x ^ y)
        case ">>": return shrink(y >= 64 ? 0 : x >> y)
        case "<<": return .address(y >= 64 ? 0 : x << y)
        case "%": guard y != 0 else { throw QueryError(.queryDivisionByZero, column: column) }; return shrink(x % y)
        case "/": guard y != 0 else { throw QueryError(.queryDivisionByZero, column: column) }; return shrink(x / y)
        case "*": return .address(x &* y)
        default: throw QueryError(.queryOperatorNotForAddresses(op), column: column)
        }
    }

    /// Results that fit a number again (an offset, a PFN) become numbers.
    static func shrink(_ u: UInt64) -> QueryValue { u <= UInt64(Int.max) ? .int(Int(u)) : .address(u) }

    static func integer(_ op: String, _ x: Int, _ y: Int, column: Int) throws(QueryError) -> Int {
        func checked(_ r: (partialValue: Int, overflow: Bool)) throws(QueryError) -> Int {
            if r.overflow { throw QueryError(.queryOverflow(op), column: column) }
            return r.partialValue
        }
        switch op {
        case "+": return try checked(x.addingReportingOverflow(y))
        case "-": return try checked(x.subtractingReportingOverflow(y))
        case "*": return try checked(x.multipliedReportingOverflow(by: y))
        case "/":
            guard y != 0 else { throw QueryError(.queryDivisionByZero, column: column) }
            return try checked(x.dividedReportingOverflow(by: y))
        case "%":
            guard y != 0 else { throw QueryError(.queryDivisionByZero, column: column) }
            return try checked(x.remainderReportingOverflow(dividingBy: y))
        case "<<":
            guard y >= 0, y < 63 else { throw QueryError(.queryShiftRange(y, bounded: true), column: column) }
            let r = x << y
            guard r >> y == x else { throw QueryError(.queryOverflow("<<"), column: column) }
            return r
        case ">>":
            guard y >= 0 else { throw QueryError(.queryShiftRange(y, bounded: false), column: column) }
            return y >= 64 ? (x < 0 ? -1 : 0) : x >> y
        case "&": return x & y
        case "|": return x | y
        case "^": return x ^ y
        default: throw QueryError(.queryUnknownOperator(op), column: column)
        }
    }

    static func equal(_ a: QueryValue, _ b: QueryValue, column: Int) throws(QueryError) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.int, .int), (.bool, .bool), (.string, .string), (.object, .object): return a == b
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !(try equal(p, q, column: column)) { return false }
            return true
        default:
            if let x = a.unsigned, let y = b.unsigned, a.isAddress || b.isAddress { return x == y }
            throw QueryError(.queryCannotCompare(a, b), column: column)
        }
    }

    static func order(_ op: String, _ a: QueryValue, _ b: QueryValue, column: Int) throws(QueryError) -> Bool {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Bool {
            switch op {
            case "<": x < y
            case "<=": x <= y
            case ">": x > y
            default: x >= y
            }
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return cmp(x, y)
        case (.string(let x), .string(let y)): return cmp(x, y)
        default:
            if let x = a.unsigned, let y = b.unsigned { return cmp(x, y) }
            throw QueryError(.queryCannotOrder(a, b, op), column: column)
        }
    }
}

extension QueryValue {
    var isAddress: Bool { if case .address = self { true } else { false } }
}

/// The functions of the query language. Each takes values and gives a value; none reads the kernel.
enum QueryFunctions {
    static let all: [QueryFunction] = [
        QueryFunction("count", usage: "count(LIST)", "number of items in a list") { a throws(QueryError) in
            .int(try list(a, "count").count)
        },
        QueryFunction("len", usage: "len(LIST or STRING)", "number of items in a list, or characters in a string") { a throws(QueryError) in
            if a.count == 1, case .string(let s) = a[0] { return .int(s.count) }
            return .int(try list(a, "len").count)
        },
        QueryFunction("sum", usage: "sum(LIST)", "sum of a list of numbers") { a throws(QueryError) in
            var t = 0
            for v in try list(a, "sum") {
                guard case .int(let n) = v else { throw QueryError(.querySumNeedsNumbers(v), column: 0) }
                let (r, o) = t.addingReportingOverflow(n)
                if o { throw QueryError(.querySumOverflow(t > 0 ? Int.max : Int.min), column: 0) }
                t = r
            }
            return .int(t)
        },
        QueryFunction("min", usage: "min(A, B, …) or min(LIST)", "the smallest number") { a throws(QueryError) in
            try extreme(a, "min", <)
        },
        QueryFunction("max", usage: "max(A, B, …) or max(LIST)", "the largest number") { a throws(QueryError) in
            try extreme(a, "max", >)
        },
        QueryFunction("log2", usage: "log2(N)", "ilog2(): the highest set bit of N (log2(4096) = 12)") { a throws(QueryError) in
            let n = try int(a, "log2")
            guard n > 0 else { throw QueryError(.queryLog2(n), column: 0) }
            return .int(Int.bitWidth - 1 - n.leadingZeroBitCount)
        },
        QueryFunction("get_order", usage: "get_order(SIZE)", "get_order(): the smallest order whose block holds SIZE bytes (4 KiB pages)") { a throws(QueryError) in
            let n = try int(a, "get_order")
            guard n > 0 else { throw QueryError(.queryGetOrder(n), column: 0) }
            let pages = ((n - 1) >> 12) + 1 // (n + 4095) >> 12 without overflow near Int.max
            return .int(pages <= 1 ? 0 : Int.bitWidth - (pages - 1).leadingZeroBitCount)
        },
        QueryFunction("hex", usage: "hex(N)", "N written in hex, as a string (\"0x1000\")") { a throws(QueryError) in
            guard a.count == 1 else { throw QueryError(.queryTakesOne("hex", list: false), column: 0) }
            switch a[0] {
            case .int(let n): return .string(Format.hex(n))
            case .address(let u): return .string(Format.hex(u))
            default: throw QueryError(.queryTakesKind("hex", list: false, got: a[0]), column: 0)
            }
        },
        QueryFunction("abs", usage: "abs(N)", "absolute value") { a throws(QueryError) in
            let n = try int(a, "abs")
            guard n != .min else { throw QueryError(.queryAbsOverflow(n), column: 0) }
            return .int(abs(n))
        },
        QueryFunction("contains", usage: "contains(LIST, X)", "whether LIST holds X (same as X in LIST)") { a throws(QueryError) in
            guard a.count == 2 else { throw QueryError(.queryContainsArguments, column: 0) }
            return try QueryOperators.apply("in", a[1], a[0], column: 0)
        },
    ]

    static func list(_ a: [QueryValue], _ name: String) throws(QueryError) -> [QueryValue] {
        guard a.count == 1 else { throw QueryError(.queryTakesOne(name, list: true), column: 0) }
        guard case .list(let items) = a[0] else { throw QueryError(.queryTakesKind(name, list: true, got: a[0]), column: 0) }
        return items
    }

    static func int(_ a: [QueryValue], _ name: String) throws(QueryError) -> Int {
        guard a.count == 1 else { throw QueryError(.queryTakesOne(name, list: false), column: 0) }
        guard case .int(let n) = a[0] else { throw QueryError(.queryTakesKind(name, list: false, got: a[0]), column: 0) }
        return n
    }

    static func extreme(_ a: [QueryValue], _ name: String, _ better: (Int, Int) -> Bool) throws(QueryError) -> QueryValue {
        var items = a
        if a.count == 1, case .list(let l) = a[0] { items = l }
        guard !items.isEmpty else { throw QueryError(.queryOfNothing(name), column: 0) }
        var best: Int?
        for v in items {
            guard case .int(let n) = v else { throw QueryError(.queryComparesNumbers(name, got: v), column: 0) }
            if best == nil || better(n, best ?? 0) { best = n }
        }
        return .int(best ?? 0)
    }
}

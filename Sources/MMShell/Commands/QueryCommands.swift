import KernelMM

/// `print EXPR` (and `? EXPR`): the query language at the prompt — the same expressions lessons check.
enum QueryCommands {
    static let all: [CommandSpec] = [
        CommandSpec("print", family: .views, arguments: [.init("expr", .text)], variadic: true,
                    summary: "evaluate an expression over the simulator's state and print the value alone ('? EXPR' too)",
                    details: "Numbers (4096, 0x1000, 4K), strings, $variables, + - * / % << >> & |, comparisons, and/or/not, functions (count, sum, min, max, log2, get_order, hex, len) and the state: zone(\"Normal\").free[3], page($p).order, meminfo.MemFree, vmstat.pgalloc_normal, buddyinfo.Normal, kernel.page_size, cpu(0).preempt_count, cache(\"kmalloc-64\").objs_per_slab, task(1).stack_size, vmalloc($v).nr_pages, per_cpu(\"name\", 1), last. 'help query' lists every root and field.",
                    examples: ["print 1 + 2 * 3", "? zone(\"Normal\").free[3]", "? page($p).order", "? meminfo.MemFree", "? log2(kernel.page_size)"]) { s, a throws(CommandError) in
            let v = try evaluate(a.rest, line: a.line, session: s)
            return CommandOutput(value: v.shellValue, text: v.rendered + "\n", json: json(v))
        },
    ]

    /// Evaluates `expr`; errors carry the column in `line` (where the expression starts in what was typed).
    static func evaluate(_ expr: String, line: String, session s: ShellSession) throws(CommandError) -> QueryValue {
        guard !expr.isEmpty else { throw .badQuery(.printNeedsExpression, column: line.count + 1) }
        do {
            return try QueryEvaluator.evaluate(expr, in: QueryContext(session: s))
        } catch {
            throw .badQuery(error.text, column: offset(of: expr, in: line) + error.column)
        }
    }

    /// Characters before `expr` in `line` (0 when it cannot be found, e.g. in tests that give no line).
    static func offset(of expr: String, in line: String) -> Int {
        guard let r = line.range(of: expr) else { return 0 }
        return line.distance(from: line.startIndex, to: r.lowerBound)
    }

    static func json(_ v: QueryValue) -> JSONValue {
        switch v {
        case .null: .null
        case .int(let n): .int(n)
        case .address(let a): .hex(a)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .list(let l): .array(l.map(json))
        case .object(let o): .string(o.display)
        }
    }
}

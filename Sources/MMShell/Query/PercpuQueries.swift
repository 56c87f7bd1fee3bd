import KernelMM

/// Per-CPU data (mm/percpu.c, include/linux/percpu-defs.h): `per_cpu("my_counter", 1)`, `percpu.unit_size`.
enum PercpuQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("per_cpu", usage: "per_cpu(NAME, CPU)", arity: 2, "a per-CPU variable's value on one CPU: per_cpu(\"counter\", 1)") { c, a throws(QueryError) in
            let v = try variable(a[0], c.kernel)
            guard case .int(let cpu) = a[1], cpu >= 0, cpu < v.values.count else {
                throw QueryError(.queryPerCPUIndex(v.values.count - 1), column: 0)
            }
            return .int(Int(v.values[cpu]))
        },
        QueryRoot("percpu_var", usage: "percpu_var(NAME)", arity: 1, "a DEFINE_PER_CPU variable: percpu_var(\"counter\").values") { c, a throws(QueryError) in
            let v = try variable(a[0], c.kernel)
            return .object(QueryObject(type: "percpu_var", key: .string(v.name), display: "percpu_var(\"\(v.name)\")"))
        },
        QueryRoot("percpu", usage: "percpu", "the per-CPU allocator: unit sizes and chunks") { _, _ throws(QueryError) in
            .object(QueryObject(type: "percpu", key: .none, display: "percpu"))
        },
    ]

    static func variable(_ v: QueryValue, _ k: Kernel) throws(QueryError) -> PercpuVariable {
        let names = k.percpu.variables.map(\.name)
        guard case .string(let name) = v else { throw QueryError(.queryPerCPUNameInQuotes, column: 0) }
        guard let found = k.percpu.variables.first(where: { $0.name == name }) else {
            throw QueryError(.queryNoPerCPUVariable(name, defined: names), column: 0)
        }
        return found
    }

    static func vf(_ name: String, _ summary: String, _ f: @escaping @Sendable (PercpuVariable) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in f(try variable(.string(o.stringKey ?? ""), c.kernel)) }
    }

    static func pf(_ name: String, _ summary: String, _ f: @escaping @Sendable (PercpuState) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, _ throws(QueryError) in f(c.kernel.percpu) }
    }

    static let types: [QueryType] = [
        QueryType("percpu_var", "a DEFINE_PER_CPU / alloc_percpu variable", fields: [
            vf("name", "its name") { .string($0.name) },
            vf("type", "its C type") { .string($0.type) },
            vf("size", "bytes per CPU") { .int($0.size) },
            vf("offset", "offset in each CPU's unit") { .int($0.offset) },
            vf("values", "its value on each CPU, as a list") { .list($0.values.map { .int(Int($0)) }) },
        ]),
        QueryType("percpu", "the per-CPU allocator (mm/percpu.c)", fields: [
            pf("unit_size", "bytes of each CPU's unit in the first chunk") { .int($0.unitSize) },
            pf("static_size", "static .data..percpu bytes") { .int($0.staticSize) },
            pf("reserved_size", "the module reserve") { .int($0.reservedSize) },
            pf("dynamic_size", "bytes left for alloc_percpu in the first chunk") { .int($0.dynamicSize) },
            pf("chunks", "number of chunks (the first is embedded in the direct map; the others come from vmalloc)") { .int($0.chunks.count) },
            pf("allocations", "live dynamic per-CPU allocations") { .int($0.chunks.reduce(0) { $0 + $1.allocations.count }) },
        ]),
    ]
}

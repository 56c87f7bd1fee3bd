import KernelMM

/// vmalloc areas (mm/vmalloc.c): `vmalloc($v).nr_pages`, `count(vmallocs)`.
enum VmallocQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("vmalloc", usage: "vmalloc(ADDR)", arity: 1, "the vmalloc area holding an address: vmalloc($v).nr_pages") { c, a throws(QueryError) in
            guard let addr = a[0].unsigned else { throw QueryError(.queryRootTakes("vmalloc() takes an address, e.g. vmalloc($v)", "vmalloc()에는 주소를 주세요. 예: vmalloc($v)"), column: 0) }
            guard let i = c.kernel.vmalloc.index(containing: addr) else {
                throw QueryError(.queryNotInVmallocArea(addr), column: 0)
            }
            return handle(c.kernel.vmalloc.areas[i])
        },
        QueryRoot("vmallocs", usage: "vmallocs", "every vmalloc area, lowest address first") { c, _ throws(QueryError) in
            .list(c.kernel.vmalloc.areas.sorted { $0.start < $1.start }.map(handle))
        },
        QueryRoot("deferred_vfrees", usage: "deferred_vfrees", "addresses vfree()d in interrupt context, waiting for free_work in process context") { c, _ throws(QueryError) in
            .list(c.kernel.vmalloc.deferredFrees.map { .address($0) })
        },
    ]

    static func handle(_ a: VMArea) -> QueryValue {
        .object(QueryObject(type: "vm_area", key: .int(Int(a.id)), display: "vmalloc(\(Format.hex(a.start)))"))
    }

    static func vf(_ name: String, _ summary: String, _ f: @escaping @Sendable (VMArea) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            guard let id = o.intKey, let a = c.kernel.vmalloc.area(id: UInt32(truncatingIfNeeded: id)) else {
                throw QueryError(.queryVmallocFreed, column: 0)
            }
            return f(a)
        }
    }

    static let types: [QueryType] = [
        QueryType("vm_area", "struct vm_struct + vmap_area (mm/vmalloc.c)", fields: [
            vf("start", "the area's first address") { .address($0.start) },
            vf("end", "one past its last address (guard page included)") { .address($0.end) },
            vf("size", "bytes reserved, guard page included (as /proc/vmallocinfo)") { .int($0.size) },
            vf("requested", "bytes the caller asked for") { .int($0.requested) },
            vf("nr_pages", "pages backing it") { .int($0.nrPages) },
            vf("pages", "PFNs of the backing pages, in order: scattered, not contiguous") { .list($0.pages.map { .int(Int($0)) }) },
            vf("guard", "guard pages after it (0 with VM_NO_GUARD)") { .int($0.guardPages) },
            vf("caller", "the function that made it") { .string($0.caller) },
            vf("purpose", "\"vmalloc\", \"stack\", \"irq_stack\", \"percpu\", \"pages_array\" or \"ioremap\"") { a in
                switch a.purpose {
                case .vmalloc: .string("vmalloc")
                case .taskStack: .string("stack")
                case .irqStack: .string("irq_stack")
                case .percpuChunk: .string("percpu")
                case .pagesArray: .string("pages_array")
                case .ioremap: .string("ioremap")
                }
            },
        ]),
    ]
}

import KernelMM

/// High-memory mappings (mm/highmem.c): `kmaps.held`, `kmap($a).users`, `kmap($l).slot`.
enum HighmemQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("kmaps", usage: "kmaps", "the pkmap table and the current task's kmap_local slots: kmaps.held, kmaps.local") { _, _ throws(QueryError) in
            .object(QueryObject(type: "kmaps", key: .none, display: "kmaps"))
        },
        QueryRoot("kmap", usage: "kmap(ADDR)", arity: 1, "what a kmap address maps: kmap($a).entry, kmap($a).users, kmap($l).slot") { c, a throws(QueryError) in
            guard let addr = a[0].unsigned else { throw QueryError(.queryRootTakes("kmap() takes an address, e.g. kmap($a)", "kmap()에는 주소를 주세요. 예: kmap($a)"), column: 0) }
            guard c.kernel.kmapTarget(addr) != nil else { throw QueryError(.queryNotKmapAddress(addr), column: 0) }
            return .object(QueryObject(type: "kmap", key: .int(Int(truncatingIfNeeded: addr)), display: "kmap(\(Format.hex(addr)))"))
        },
    ]

    static func kf(_ name: String, _ summary: String, _ f: @escaping @Sendable (Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, _ throws(QueryError) in f(c.kernel) }
    }

    /// A field of `kmap(ADDR)`: the target is looked up again, so a handle kept in a variable follows the table.
    static func mf(_ name: String, _ summary: String, _ f: @escaping @Sendable (KmapTarget) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            let addr = UInt64(truncatingIfNeeded: o.intKey ?? 0)
            guard let t = c.kernel.kmapTarget(addr) else { throw QueryError(.queryNotKmapAddress(addr), column: 0) }
            return f(t)
        }
    }

    static let types: [QueryType] = [
        QueryType("kmaps", "the pkmap table and kmap_local slots (mm/highmem.c)", fields: [
            kf("configured", "whether the kernel has CONFIG_HIGHMEM (i386 only here)") { .bool($0.highmem.configured) },
            kf("in_use", "pkmap entries in use: held by kmap() or waiting for the flush") { .int($0.highmem.pkmapEntriesInUse) },
            kf("held", "pkmap entries with at least one kmap() user") { k in .int(k.highmem.pkmapCount.filter { $0 > 1 }.count) },
            kf("last_pkmap_nr", "where the search for a free entry starts next") { .int($0.highmem.lastPkmapNr) },
            kf("flushes", "how many times flush_all_zero_pkmaps() ran") { .int($0.highmem.flushes) },
            kf("local", "kmap_local / kmap_atomic slots the current task holds") { k in .int(k.highmem.local[k.cpus[k.currentCPU].currentPID]?.count ?? 0) },
            kf("pagefault_disabled", "current->pagefault_disabled: kmap_atomic() calls not yet undone") { k in
                .int(k.highmem.pagefaultDisabled[k.cpus[k.currentCPU].currentPID] ?? 0)
            },
        ]),
        QueryType("kmap", "a pkmap entry or a kmap_local fixmap slot", fields: [
            mf("kind", "\"pkmap\" (kmap) or \"kmap_local\" (kmap_local_page, kmap_atomic)") { t in
                if case .pkmap = t { .string("pkmap") } else { .string("kmap_local") }
            },
            mf("pfn", "the frame it maps, NULL when it maps nothing") { t in t.pfn.map { .int($0) } ?? .null },
            mf("entry", "the pkmap entry (PKMAP_NR), NULL for a kmap_local slot") { t in
                if case .pkmap(let e, _, _) = t { .int(e) } else { .null }
            },
            mf("count", "pkmap_count[entry]: 0 free, 1 mapped without users, n + 1 with n users") { t in
                if case .pkmap(_, _, let n) = t { .int(n) } else { .null }
            },
            mf("users", "kmap() users of the entry (pkmap_count - 1, at least 0)") { t in
                if case .pkmap(_, _, let n) = t { .int(max(0, n - 1)) } else { .null }
            },
            mf("slot", "the kmap_local slot index in the task's stack, NULL for a pkmap entry") { t in
                if case .local(_, let s, _, _) = t { .int(s) } else { .null }
            },
            mf("cpu", "the CPU whose fixmap pages hold the slot, NULL for a pkmap entry") { t in
                if case .local(let cpu, _, _, _) = t { .int(cpu) } else { .null }
            },
        ]),
    ]
}

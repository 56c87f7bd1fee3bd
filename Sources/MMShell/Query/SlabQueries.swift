import KernelMM

/// Slab caches (mm/slab.c, mm/slub.c): `cache("dentry").slabs_partial`, `cache("kmalloc-64").objs_per_slab`.
enum SlabQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("cache", usage: "cache(NAME)", arity: 1, "a slab cache by name (or alias): cache(\"kmalloc-64\").active_objs") { c, a throws(QueryError) in
            guard case .string(let name) = a[0] else { throw QueryError(.queryRootTakes("cache() takes a cache name in quotes, e.g. cache(\"kmalloc-64\")", "cache()에는 따옴표로 감싼 캐시 이름을 주세요. 예: cache(\"kmalloc-64\")"), column: 0) }
            guard let cache = c.kernel.slab.cache(named: name) else {
                let names = c.kernel.slab.caches.map(\.name)
                throw QueryError(.queryNoCache(name, suggestion: Suggest.closest(name, in: names)), column: 0)
            }
            return handle(cache)
        },
        QueryRoot("caches", usage: "caches", "every slab cache, in creation order") { c, _ throws(QueryError) in
            .list(c.kernel.slab.caches.map(handle))
        },
        QueryRoot("object", usage: "object(ADDR)", arity: 1, "the slab object holding an address: object($a).cache, object($a).slab") { c, a throws(QueryError) in
            guard let addr = a[0].unsigned else { throw QueryError(.queryRootTakes("object() takes an address, e.g. object($a)", "object()에는 주소를 주세요. 예: object($a)"), column: 0) }
            guard c.kernel.locateSlabObject(addr)?.index != nil else {
                throw QueryError(.queryNotInSlabObject(addr), column: 0)
            }
            return .object(QueryObject(type: "slab_object", key: .int(Int(truncatingIfNeeded: addr)), display: "object(\(Format.hex(addr)))"))
        },
    ]

    /// The object an `object(ADDR)` handle names, looked up again on every read (the slab may have gone).
    static func of(_ c: QueryContext, _ o: QueryObject) throws(QueryError) -> (cache: KmemCache, slab: Slab, index: Int) {
        guard let key = o.intKey, let loc = c.kernel.locateSlabObject(UInt64(truncatingIfNeeded: key)), let i = loc.index,
              let s = c.kernel.slab.caches[loc.cacheIndex].slabs[loc.slabPFN] else {
            throw QueryError(.querySlabGone, column: 0)
        }
        return (c.kernel.slab.caches[loc.cacheIndex], s, i)
    }

    static func of(_ name: String, _ summary: String, _ f: @escaping @Sendable (KmemCache, Slab, Int, Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            let (k, s, i) = try of(c, o)
            return f(k, s, i, c.kernel)
        }
    }

    static func handle(_ k: KmemCache) -> QueryValue {
        .object(QueryObject(type: "kmem_cache", key: .int(Int(k.id)), display: "cache(\"\(k.name)\")"))
    }

    static func cf(_ name: String, _ summary: String, _ f: @escaping @Sendable (KmemCache) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            guard let id = o.intKey, let i = c.kernel.slab.index(id: UInt32(truncatingIfNeeded: id)) else {
                throw QueryError(.queryCacheDestroyed, column: 0)
            }
            return f(c.kernel.slab.caches[i])
        }
    }

    static let types: [QueryType] = [
        QueryType("kmem_cache", "struct kmem_cache and its slabs", fields: [
            cf("name", "the cache's name") { .string($0.name) },
            cf("object_size", "the size asked for at kmem_cache_create()") { .int($0.objectSize) },
            cf("size", "bytes per object in the slab (alignment, metadata and debug areas included)") { .int($0.size) },
            cf("align", "object alignment") { .int($0.align) },
            cf("order", "page order of each slab") { .int($0.order) },
            cf("pages_per_slab", "2^order") { .int($0.pagesPerSlab) },
            cf("objs_per_slab", "objects in one slab (num, /proc/slabinfo's objperslab)") { .int($0.num) },
            cf("num_slabs", "slabs the cache holds") { .int($0.numSlabs) },
            cf("slabs_full", "slabs on the full list (SLAB; SLUB only tracks them with SLAB_STORE_USER)") { .int($0.full.count) },
            cf("slabs_partial", "slabs on the node's partial list") { .int($0.partial.count) },
            cf("slabs_free", "empty slabs kept on the free list (SLAB)") { .int($0.free.count) },
            cf("active_objs", "objects in use") { .int($0.liveObjects) },
            cf("num_objs", "objects in all its slabs") { .int($0.totalObjects) },
            cf("layout", "where the freelist lives: on-slab, off-slab, OBJFREELIST, free pointer") { .string($0.layout.rawValue) },
            cf("refcount", "how many kmem_cache_create() calls share it (merged caches)") { .int($0.refcount) },
            cf("aliases", "names merged into this cache") { .list($0.aliases.map { .string($0) }) },
            cf("reclaimable", "SLAB_RECLAIM_ACCOUNT: its pages count as SReclaimable") { .bool($0.isReclaimable) },
            cf("debug", "any debug flag (red zone, poison, user tracking…) is on") { .bool($0.isDebug) },
        ]),
        QueryType("slab_object", "one object in a slab (virt_to_slab() and obj_to_index())", fields: [
            of("cache", "the name of the cache it belongs to") { k, _, _, _ in .string(k.name) },
            of("index", "its slot in the slab (obj_to_index())") { _, _, i, _ in .int(i) },
            of("slab", "PFN of the slab's first page") { _, s, _, _ in .int(s.pfn) },
            of("list", "the list its slab is on: full, partial, free (SLAB); cpu, cpu partial, partial, no list (SLUB)") { _, s, _, _ in .string(s.list.rawValue) },
            of("allocated", "whether the object is handed out (an object in a SLAB per-CPU array is free)") { _, s, i, _ in .bool(s.objects[i] == .allocated) },
            of("inuse", "objects in use in its slab") { _, s, _, _ in .int(s.inuse) },
            of("ksize", "ksize(): the bytes the caller may use") { k, s, i, kernel in .int(kernel.ksize(kernel.objectAddress(k, s, index: i))) },
        ]),
    ]
}

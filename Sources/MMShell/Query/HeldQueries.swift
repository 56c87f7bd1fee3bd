import KernelMM

/// What is still allocated that boot did not allocate: the capstone's "nothing leaked" check, `held.total == 0`.
/// Boot allocates no page_alloc blocks, vmalloc() areas or dynamic per-CPU memory, its caches are marked isBootCache
/// and each cache remembers its objects in use at boot, so every count here is what the learner (or a lesson's setup)
/// took and has not given back.
enum HeldQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("held", usage: "held", "what is allocated now that boot did not allocate: held.total == 0 means nothing leaked") { _, _ throws(QueryError) in
            .object(QueryObject(type: "held", key: .none, display: "held"))
        },
    ]

    /// Counts of everything outstanding, by allocator.
    struct Counts {
        var pages = 0, kmalloc = 0, vmalloc = 0, percpu = 0, caches = 0, objects = 0, leakedPages = 0
        var total: Int { pages + kmalloc + vmalloc + percpu + caches + objects + leakedPages }
    }

    static func isKmallocCache(_ k: KmemCache) -> Bool {
        k.isBootCache && (k.name.hasPrefix("kmalloc-") || k.name.hasPrefix("dma-kmalloc-"))
    }

    static func counts(_ kernel: Kernel) -> Counts {
        var n = Counts()
        // One pass over the frames (a lesson asks after every command, on machines of a million frames).
        kernel.frames.withUnsafeBufferPointer { frames in
            for f in frames where f.state == .allocated {
                switch f.owner {
                case .pageAlloc: n.pages += 1
                case .kmallocLarge: n.kmalloc += 1
                case .leaked: n.leakedPages += 1 << Int(f.order)
                default: break
                }
            }
        }
        n.vmalloc = kernel.vmalloc.areas.filter { $0.purpose == .vmalloc }.count
        // DEFINE_PER_CPU in a module lives in the reserved area until the module is unloaded: not an allocation to free.
        n.percpu = kernel.percpu.chunks.reduce(0) { $0 + $1.allocations.filter { !$0.reserved }.count }
        // Each cache of its own holds one kmem_cache and one kmem_cache_node object: counted as a cache, not twice.
        let ownCaches = kernel.slab.caches.filter { !$0.isBootCache }.count
        for k in kernel.slab.caches {
            // A kmem_cache_create() that merged into a boot cache raised that cache's refcount.
            n.caches += k.isBootCache ? max(0, k.refcount - k.bootRefcount) : k.refcount
            let descriptors = k.name == "kmem_cache" || k.name == kernel.nodeCacheName ? ownCaches : 0
            let since = max(0, k.liveObjects - k.bootLiveObjects - descriptors)
            if isKmallocCache(k) { n.kmalloc += since } else { n.objects += since }
        }
        return n
    }

    static func hf(_ name: String, _ summary: String, _ f: @escaping @Sendable (Counts) -> Int) -> QueryField {
        QueryField(name, summary) { c, _ throws(QueryError) in .int(f(counts(c.kernel))) }
    }

    static let types: [QueryType] = [
        QueryType("held", "allocations made since boot and not freed (boot's own are not counted)", fields: [
            hf("pages", "blocks from alloc_pages / __get_free_pages not freed") { $0.pages },
            hf("kmalloc", "kmalloc objects (in the kmalloc-* caches) and large kmalloc blocks not kfree()d") { $0.kmalloc },
            hf("vmalloc", "vmalloc / vzalloc / kvmalloc areas not vfree()d (a deferred vfree still counts)") { $0.vmalloc },
            hf("percpu", "alloc_percpu allocations not free_percpu()d (DEFINE_PER_CPU variables are not counted)") { $0.percpu },
            hf("caches", "kmem_cache_create() calls not matched by kmem_cache_destroy()") { $0.caches },
            hf("objects", "objects allocated since boot and not freed in the other caches (those created with kmem_cache_create too)") { $0.objects },
            hf("leaked_pages", "pages lost to wrong-order frees (they can never be freed)") { $0.leakedPages },
            hf("total", "the sum of all of these: 0 when the machine is back to where boot left it") { $0.total },
        ]),
    ]
}

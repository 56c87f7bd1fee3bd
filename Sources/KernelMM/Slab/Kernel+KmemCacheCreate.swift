/// Why kmem_cache_create() returned NULL.
public enum KmemCacheCreateError: Error, Sendable, Equatable {
    /// -EINVAL: size 0, below sizeof(void *) or above KMALLOC_MAX_SIZE.
    case sizeOutOfRange(size: Int, min: Int, max: Int)
    /// -EINVAL: no slab order fits the object (calculate_sizes() / calculate_slab_order() failed).
    case noGeometry(size: Int)
}

/// What kmem_cache_create() did: made a new cache, or merged the request into an existing one.
public enum KmemCacheCreateResult: Sendable, Equatable {
    case created(name: String)
    case merged(name: String, into: String)
}

extension Kernel {
    /// mm/slab_common.c: kmem_cache_create() → __kmem_cache_alias() (find_mergeable) or create_cache().
    @discardableResult
    public mutating func kmemCacheCreate(name: String, size: Int, align: Int = 0, flags: SlabFlags = [], ctor: Bool = false,
                                         usercopy: Bool = false, bootCache: Bool = false, mergeable: Bool? = nil,
                                         caller: String = "kmem_cache_create") -> Result<KmemCacheCreateResult, KmemCacheCreateError> {
        switch createCache(name: name, size: size, align: align, flags: flags, ctor: ctor, usercopy: usercopy, bootCache: bootCache,
                           mergeable: mergeable, caller: caller) {
        case .done(let r): .success(r)
        case .failed(let e): .failure(e)
        }
    }

    /// What createCache() did. Boot makes ~150 caches through it: a `Result` there would have the runtime look up
    /// `Error` conformances for its metadata (a scan of every conformance in the executable) at start-up.
    enum CreateOutcome { case done(KmemCacheCreateResult), failed(KmemCacheCreateError) }

    /// kmem_cache_create()'s work, for the public entry and for boot.
    @discardableResult
    mutating func createCache(name: String, size: Int, align: Int = 0, flags: SlabFlags = [], ctor: Bool = false,
                              usercopy: Bool = false, bootCache: Bool = false, mergeable: Bool? = nil,
                              caller: String = "kmem_cache_create") -> CreateOutcome {
        // kmem_cache_create_usercopy() → mutex_lock(&slab_mutex) → might_sleep() (kernel/locking/mutex.c:283 in 6.6).
        if !bootCache {
            mightSleep(file: "kernel/locking/mutex.c", line: 283, caller: "kmem_cache_create", why: .sleepingLock("slab_mutex (mutex_lock)"),
                       via: ["mutex_lock", "kmem_cache_create_usercopy"])
        }
        var flags = flags
        guard size >= wordSize, size <= kmallocMaxSize else {
            report(.slab(.createFailed(cache: name, error: -22)), callTrace: ["dump_stack_lvl", "kmem_cache_create_usercopy", "kmem_cache_create", caller],
                   note: .cacheSizeOutOfRange(size: size, min: wordSize, max: kmallocMaxSize))
            if flags.contains(.panic) { panicCreate(name) }
            return .failed(.sizeOutOfRange(size: size, min: wordSize, max: kmallocMaxSize))
        }
        // kmem_cache_flags(): slub_debug= adds its flags to every cache.
        if slab.kind == .slub { flags.formUnion(slab.debug.slubFlags(for: name)) }
        // The kernel's first caches are made unmergeable; the later boot caches merge like any other.
        if !ctor && !usercopy && (mergeable ?? !bootCache), let target = findMergeable(size: size, align: align, flags: flags) {
            slab.caches[target].refcount += 1
            slab.caches[target].aliases.append(name)
            slab.idsByName[name] = slab.caches[target].id
            let into = slab.caches[target].name
            if explainEnabled { explain(.slab(.merged(name: name, size: size, into: into, objectSize: slab.caches[target].size))) }
            return .done(.merged(name: name, into: into))
        }
        guard let g = slabGeometry(objectSize: size, align: align, flags: flags, ctor: ctor) else {
            report(.slab(.createFailed(cache: name, error: -22)), callTrace: ["dump_stack_lvl", "kmem_cache_create_usercopy", "kmem_cache_create", caller],
                   note: .cacheNoOrderFits(size: size))
            if flags.contains(.panic) { panicCreate(name) }
            return .failed(.noGeometry(size: size))
        }
        var c = KmemCache(id: slab.nextID, name: name, objectSize: size, size: g.size, align: g.align, flags: g.flags,
                          hasCtor: ctor, allocflags: g.allocflags, order: g.order, num: g.num, layout: g.layout)
        slab.nextID += 1
        c.colourOff = g.colourOff
        c.colour = g.colour
        c.freelistSize = g.freelistSize
        c.objOffset = g.objOffset
        c.freePointerOffset = g.freePointerOffset
        c.inuse = g.inuse
        c.isBootCache = bootCache
        c.usercopy = usercopy
        let n = params.cpus
        switch slab.kind {
        case .slab:
            let t = slabTunables(size: g.size)
            (c.limit, c.batchcount, c.shared) = (t.limit, t.batch, t.shared)
            c.freeLimit = (1 + n) * c.batchcount + c.num
            c.arrays = Array(repeating: [], count: n)
            c.arrayTouched = Array(repeating: false, count: n)
        case .slub:
            // min_partial = clamp(ilog2(size) / 2, MIN_PARTIAL 5, MAX_PARTIAL 10)
            let ilog2 = Int.bitWidth - 1 - g.size.leadingZeroBitCount
            c.minPartial = max(5, min(10, ilog2 / 2))
            if !c.isDebug {
                // set_cpu_partial() / slub_set_cpu_partial()
                let objs = g.size >= pageSize ? 6 : g.size >= 1024 ? 24 : g.size >= 256 ? 52 : 120
                c.cpuPartial = objs
                c.cpuPartialSlabs = (objs * 2 + g.num - 1) / g.num
            }
            c.cpuSlab = Array(repeating: nil, count: n)
            c.cpuPartialList = Array(repeating: [], count: n)
        }
        slab.caches.append(c)
        slab.idsByName[c.name] = c.id
        if explainEnabled {
            explain(.slab(.created(name: name, size: size, objectSize: g.size, align: g.align, order: g.order, objects: g.num, leftover: g.leftover, slabColours: slab.kind == .slab ? SlabStep.SlabColouring(colours: g.colour, colourOff: g.colourOff, freelist: g.layout.rawValue) : nil)))
        }
        // Each cache is itself an object in the kmem_cache cache (and has a kmem_cache_node per node).
        if !bootCache { allocCacheDescriptors(for: slab.caches.count - 1) }
        return .done(.created(name: name))
    }

    private mutating func panicCreate(_ name: String) {
        report(.slab(.createPanic(cache: name, error: -22)), taint: "D",
               note: .slabPanic)
    }

    /// Where a cache's struct kmem_cache_node comes from: SLUB's own boot cache, SLAB's kmalloc-128 (INDEX_NODE for
    /// its 120-byte node).
    public var nodeCacheName: String { slab.kind == .slub ? "kmem_cache_node" : "kmalloc-128" }

    /// The kmem_cache and kmem_cache_node objects describing a cache (struct kmem_cache lives in a slab, too).
    /// `kc`/`kn`: where kmem_cache and the node cache are (boot finds them once for every cache). Allocating an
    /// object creates and destroys no cache, so `ci` still names the same cache afterwards.
    private mutating func allocCacheDescriptors(for ci: Int, kc: Int?? = nil, kn: Int?? = nil) {
        if let kc = kc ?? slab.index(named: "kmem_cache"), let a = slabAllocObject(kc, gfp: .kernel, caller: "kmem_cache_create") {
            slab.caches[ci].descriptorAddress = a
        }
        if let kn = kn ?? slab.index(named: nodeCacheName), let a = slabAllocObject(kn, gfp: .kernel, caller: "kmem_cache_create") {
            slab.caches[ci].nodeAddress = a
        }
    }

    /// mm/slab_common.c: find_mergeable() — the newest compatible cache: no ctor, no debug or NO_MERGE flags,
    /// the same SLAB_MERGE_SAME flags, big enough, aligned alike, wasting less than a word.
    func findMergeable(size: Int, align: Int, flags: SlabFlags) -> Int? {
        if !flags.intersection(SlabFlags.neverMerge).isEmpty { return nil }
        var sz = Self.alignUp(size, wordSize)
        let a = calculateAlignment(flags: flags, align: align, size: sz)
        sz = Self.alignUp(sz, a)
        // find_mergeable() walks slab_caches with list_for_each_entry_reverse(), and create_cache() adds each new
        // cache at the head: the walk starts at the oldest cache, so the oldest compatible one wins.
        let word = wordSize, isSLAB = slab.kind == .slab
        let neverMerge = SlabFlags.neverMerge, mergeSame = SlabFlags.mergeSame, same = flags.intersection(mergeSame)
        // Each cache is read in place: a copy of each (its arrays and dictionaries retained and released) was most of
        // boot's ~100 calls over ~150 caches.
        return slab.caches.firstIndex { s in
            // slab_unmergeable(): debug/never-merge flags, a ctor, a usercopy region (HARDENED_USERCOPY; every
            // kmalloc cache has one), and refcount < 0 (create_boot_cache() exempts kmem_cache and kmem_cache_node).
            if !s.flags.intersection(neverMerge).isEmpty || s.hasCtor || s.usercopy || s.flags.contains(.kmalloc) || s.refcount < 0 { return false }
            if sz > s.size { return false }
            if same != s.flags.intersection(mergeSame) { return false }
            if s.size & ~(a - 1) != s.size { return false }
            if s.size - sz >= word { return false }
            if isSLAB && (a > s.align || s.align % a != 0) { return false }
            return true
        }
    }

    /// mm/slab_common.c: kmem_cache_destroy() — refused with a warning while objects are live; otherwise the
    /// per-CPU caches are flushed, every slab goes back to the page allocator and the cache disappears.
    /// Returns false when the cache was kept.
    @discardableResult
    public mutating func kmemCacheDestroy(_ name: String, caller: String = "kmem_cache_destroy") -> Bool {
        // kmem_cache_destroy() → cpus_read_lock() → percpu_down_read() → might_sleep() (include/linux/percpu-rwsem.h:49).
        mightSleep(file: "include/linux/percpu-rwsem.h", line: 49, caller: "kmem_cache_destroy", why: .sleepingLock("cpu_hotplug_lock (cpus_read_lock, a per-CPU rw-semaphore)"),
                   via: ["percpu_down_read", "cpus_read_lock"])
        guard let ci = slab.index(named: name) else { return false }
        if slab.caches[ci].name != name {
            // Destroying an alias drops a reference to the merged cache.
            slab.caches[ci].refcount -= 1
            slab.caches[ci].aliases.removeAll { $0 == name }
            slab.idsByName[name] = nil
            if explainEnabled { explain(.slab(.aliasDropped(name: name, cache: slab.caches[ci].name, refcount: slab.caches[ci].refcount))) }
            return true
        }
        if slab.caches[ci].refcount > 1 {
            slab.caches[ci].refcount -= 1
            // The merged cache lives on under its first alias's requests; kmemsim keeps the name.
            if explainEnabled { explain(.slab(.stillUsedThroughMerging(name: name, refcount: slab.caches[ci].refcount))) }
            return true
        }
        flushCPUCaches(ci)
        let live = slab.caches[ci].liveObjects
        if live > 0 {
            let c = slab.caches[ci]
            if slab.kind == .slub {
                // CONFIG_SLUB_DEBUG (distro default): free_partial() → list_slab_objects() for each partial slab
                // that still has objects (full slabs are on no list without SLAB_STORE_USER and are not seen).
                for pfn in c.partial + (c.flags.contains(.storeUser) ? c.full : []) {
                    guard let sl = c.slabs[pfn] else { continue }
                    var r = slubReport(ci, pfn: pfn, index: nil, problem: .objectsRemaining(cache: c.name))
                    let base = pageAddress(pfn) ?? 0
                    for i in 0..<sl.objects.count where sl.objects[i] == .allocated {
                        let a = objectAddress(c, sl, index: i)
                        r.remaining.append(SlubRemainingObject(address: a, offset: Int(a - base)))
                    }
                    report(.slubBug(r), taint: "B", callTrace: ["dump_stack_lvl", "slab_err", "__kmem_cache_shutdown", "kmem_cache_destroy", caller])
                }
            }
            // WARN(err, "%s %s: Slab cache still has objects when called from %pS", …, _RET_IP_): the learner's function.
            report(.slab(.destroyWithObjects(cache: c.name, caller: callerSymbol(caller, .free))),
                   taint: "W", callTrace: ["kmem_cache_destroy", caller],
                   note: .cacheStillInUse(cache: c.name, live: live))
            return false
        }
        for pfn in slab.caches[ci].slabs.keys.sorted() { discardSlab(ci, pfn: pfn) }
        let c = slab.caches.remove(at: ci)
        for n in [c.name] + c.aliases { slab.idsByName[n] = nil }
        if let a = c.descriptorAddress { slabFreeByAddress(a, expect: "kmem_cache", caller: "kmem_cache_destroy") }
        if let a = c.nodeAddress { slabFreeByAddress(a, expect: nodeCacheName, caller: "kmem_cache_destroy") }
        if explainEnabled { explain(.slab(.destroyed(name: name))) }
        return true
    }

    /// The kernel's own caches at boot (mm/slub.c or mm/slab.c kmem_cache_init(), then the callers of
    /// kmem_cache_create() in init/main.c order that later parts of kmemsim rely on).
    mutating func kmemCacheInit() {
        slab.kind = params.slab
        slab.debug = SlabDebugConfig.parse(params.slabDebug, kind: params.slab) ?? SlabDebugConfig()
        slab.cpus = params.cpus
        // Room for boot's ~150 caches and their names from the start, instead of growing (and rehashing) nine times.
        slab.caches.reserveCapacity(256)
        slab.idsByName.reserveCapacity(256)
        // slab_max_order = 1 when RAM > 32 MiB (SLAB_MAX_ORDER_HI).
        slab.slabMaxOrder = params.memory > 32 << 20 ? 1 : 0
        let ptr = wordSize
        if slab.kind == .slub {
            createCache(name: "kmem_cache_node", size: 64, flags: [.hwcacheAlign], bootCache: true)
            createCache(name: "kmem_cache", size: 208 + ptr, flags: [.hwcacheAlign], bootCache: true)
        } else {
            // mm/slab.c kmem_cache_init(): SLAB has no kmem_cache_node cache; its nodes come from the kmalloc cache
            // of INDEX_NODE (kmalloc_index(sizeof(struct kmem_cache_node))), made right after kmem_cache.
            createCache(name: "kmem_cache", size: 200 + ptr * params.cpus, flags: [.hwcacheAlign], bootCache: true)
        }
        // mm/slab_common.c create_boot_cache(): "s->refcount = -1; /* Exempt from merging for now */" — and nothing
        // sets it back, so no kmem_cache_create() is ever merged into these two.
        for i in slab.caches.indices { slab.caches[i].refcount = -1 }
        createKmallocCaches()
        let later: [(String, Int, SlabFlags, Bool, Bool)] = [
            // struct vmap_area in 6.6: va_start, va_end, rb_node, list, the subtree_max_size/vm union, flags.
            ("vmap_area", arch.is64Bit ? 72 : 36, [.panic], false, false),
            ("vm_area_struct", 184, [.panic, .account], false, false),
            ("mm_struct", 1152, [.hwcacheAlign, .panic, .account], false, true),
            ("task_struct", arch.is64Bit ? 9856 : 4032, [.panic, .account], false, true),
            ("names_cache", 4096, [.hwcacheAlign, .panic], false, true),
            ("buffer_head", 104, [.reclaimAccount, .panic, .memSpread], false, false),
            ("dentry", 192, [.reclaimAccount, .panic, .memSpread, .account], false, true),
            ("inode_cache", 608, [.reclaimAccount, .panic, .memSpread, .account], true, false),
        ]
        for (name, size, flags, ctor, usercopy) in later {
            createCache(name: name, size: size, align: name == "task_struct" ? cacheLineSize : 0, flags: flags,
                            ctor: ctor, usercopy: usercopy, bootCache: true)
        }
        // The rest of a distribution kernel's boot caches (the captures are x86-64; 32-bit sizes would differ).
        if arch.hasDistributionBootCaches {
            for c in BootCache.x86_64 {
                createCache(name: c.name, size: c.size, flags: c.flags, ctor: c.merging == .ctor, bootCache: true,
                                mergeable: c.merging == .mergeable)
            }
        }
        let kc = slab.index(named: "kmem_cache"), kn = slab.index(named: nodeCacheName)
        for i in slab.caches.indices { allocCacheDescriptors(for: i, kc: kc, kn: kn) }
        // One task_struct per task alive at boot.
        // init_task (swapper/0) is static; every other task was forked into the task_struct cache.
        for i in tasks.indices where tasks[i].comm != "swapper/0" && tasks[i].taskStruct == nil {
            tasks[i].taskStruct = allocTaskStruct()
        }
        // kmem_cache_init() runs before setup_per_cpu_pageset(): boot-time allocations use the boot pageset
        // (batch 1), so no page is left on a per-CPU list when the real pagesets start empty.
        drainAllPages()
    }
}

extension Kernel {
    /// kernel/fork.c alloc_task_struct_node(): kmem_cache_alloc_node(task_struct_cachep, GFP_KERNEL, node).
    mutating func allocTaskStruct() -> UInt64? {
        guard let ci = slab.index(named: "task_struct") else { return nil }
        return slabAllocObject(ci, gfp: .kernel, caller: "dup_task_struct")
    }

    /// free_task_struct(): kmem_cache_free(task_struct_cachep, tsk).
    mutating func freeTaskStruct(_ addr: UInt64) {
        _ = slabFree(expected: slab.index(named: "task_struct"), addr, caller: "free_task", api: "kmem_cache_free")
    }
}

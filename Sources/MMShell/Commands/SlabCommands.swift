import KernelMM

/// The slab layer's API (include/linux/slab.h) and its debugging aids.
enum SlabCommands {
    static let ctxSleep = "process context with a mask that may sleep (GFP_KERNEL); any context with GFP_ATOMIC or GFP_NOWAIT"

    /// A cache argument: a name, or a `$variable` holding one (what kmem_cache_create returned).
    static func cacheName(_ a: Arguments, _ i: Int, _ s: ShellSession) throws(CommandError) -> String {
        let t = try a.string(i)
        var name = t
        if let v = try a.variable(t) {
            guard case .string(let n) = v else { throw .wrongValueType(argument: "CACHE", expected: .expectedCache, got: .gotValue(v)) }
            name = n
        }
        guard s.kernel.slab.index(named: name) != nil else {
            let all = s.kernel.slab.allNames
            throw .badArgument(argument: "CACHE", value: name, reason: .noSuchCache(suggestion: Suggest.closest(name, in: all)))
        }
        return name
    }

    static let all: [CommandSpec] = [
        CommandSpec("kmem_cache_create", family: .slab,
                    arguments: [.init("name", .name), .init("size", .size), .init("align", .cacheSetting(.align), optional: true),
                                .init("flags", .cacheSetting(.flags), optional: true), .init("ctor", .cacheSetting(.ctor), optional: true)],
                    summary: "create a cache of SIZE-byte objects; returns the cache (or an existing one it merged with)",
                    details: "Computes the geometry as the kernel does (alignment, object stride, slab order, objects per slab; SLAB also colours and tunables). A compatible cache without ctor or debug flags is reused (merging); `slab CACHE` shows the result. ALIGN, FLAGS and `ctor` are optional and may come in any order: a number is the alignment, `ctor` adds a (simulated) constructor, anything else is a flag expression such as SLAB_HWCACHE_ALIGN|SLAB_POISON.",
                    c: "struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align, slab_flags_t flags, void (*ctor)(void *));",
                    header: "include/linux/slab.h", contexts: "process context (it may sleep)",
                    examples: ["c = kmem_cache_create my_cache 100", "kmem_cache_create foo 256 0 SLAB_HWCACHE_ALIGN|SLAB_POISON", "kmem_cache_create bar 64 ctor"],
                    mutates: true) { s, a throws(CommandError) in
            let name = try a.string(0)
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "$" }) else {
                throw .badArgument(argument: "NAME", value: name, reason: .cacheNameOneWord)
            }
            let known = s.kernel.slab.caches.reduce(0) { $0 + 1 + $1.aliases.count }
            guard known < Limits.slabCaches else { throw .localized(.tooManyCaches(name, known: known)) }
            guard s.kernel.slab.index(named: name) == nil else {
                throw .badArgument(argument: "NAME", value: name, reason: .cacheNameTaken)
            }
            let size = try a.size(1)
            guard size <= UInt64(Int32.max) else { throw .badArgument(argument: "SIZE", value: String(size), reason: .cacheSizeTooLarge) }
            var align = 0, flags: SlabFlags = [], ctor = false
            var i = 2
            while a.has(i) {
                let t = try a.string(i)
                if t == "ctor" || t == "NULL" && false { ctor = true } else if let n = NumberParser.integer(t), n >= 0 {
                    guard n == 0 || n & (n - 1) == 0, n <= 1 << 20 else { throw .badArgument(argument: "ALIGN", value: t, reason: .alignNotPowerOfTwo) }
                    align = n
                } else if t != "NULL" {
                    flags.formUnion(try SlabFlagsParser.parse(t))
                }
                i += 1
            }
            switch s.kernel.kmemCacheCreate(name: name, size: Int(size), align: align, flags: flags, ctor: ctor) {
            case .failure:
                return CommandOutput(value: .null)
            case .success(.created(let n)):
                return CommandOutput(value: .string(n), text: SlabView.summary(n, s.kernel, s.language) + "\n")
            case .success(.merged(let n, let into)):
                return CommandOutput(value: .string(n), text: SlabCacheModel.mergedLine(n, into: into, s.language) + "\n")
            }
        },
        CommandSpec("kmem_cache_alloc", family: .slab, arguments: [.init("cache", .cacheName), .init("gfp", .gfp)],
                    summary: "allocate one object from a cache; returns its address or NULL",
                    details: "SLAB: from the CPU's array cache, refilled from the shared array, slabs_partial, slabs_free, or a new slab. SLUB: the CPU slab's freelist, the CPU's partial slabs, the node's partial list, or a new slab. `explain on` narrates which.",
                    c: "void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags);", header: "include/linux/slab.h",
                    contexts: ctxSleep, examples: ["x = kmem_cache_alloc my_cache GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            let name = try cacheName(a, 0, s)
            let r = s.kernel.kmemCacheAlloc(name, gfp: try a.gfp(1), caller: "kmem_cache_alloc")
            return CommandOutput(value: r.map { .address($0) } ?? .null)
        },
        CommandSpec("kmem_cache_zalloc", family: .slab, arguments: [.init("cache", .cacheName), .init("gfp", .gfp)],
                    summary: "allocate one zeroed object: kmem_cache_alloc(cache, flags | __GFP_ZERO)",
                    c: "static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags);", header: "include/linux/slab.h",
                    contexts: ctxSleep, examples: ["x = kmem_cache_zalloc my_cache GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            let name = try cacheName(a, 0, s)
            let r = s.kernel.kmemCacheAlloc(name, gfp: try a.gfp(1).union(.zero), caller: "kmem_cache_zalloc")
            return CommandOutput(value: r.map { .address($0) } ?? .null)
        },
        CommandSpec("kmem_cache_free", family: .slab, arguments: [.init("cache", .cacheName), .init("addr", .address)],
                    summary: "free an object back to its cache",
                    details: "Double frees, pointers into the middle of an object, objects of another cache and addresses outside any slab get the kernel's report (what a debug kernel would say, or kmemsim's note where the kernel would not notice); the state is unchanged.",
                    c: "void kmem_cache_free(struct kmem_cache *s, void *objp);", header: "include/linux/slab.h",
                    contexts: "any context but NMI", examples: ["kmem_cache_free my_cache $x"], mutates: true) { s, a throws(CommandError) in
            let name = try cacheName(a, 0, s)
            let addr = try a.address(1)
            if addr == 0 { return CommandOutput() } // kmem_cache_free(s, NULL) is a no-op
            let r = s.kernel.kmemCacheFree(name, addr, caller: "kmem_cache_free")
            var out = CommandOutput(json: .object([("outcome", .string(r == .freed ? "freed" : "refused"))]), refused: r != .freed)
            out.changedKernel = r == .freed
            return out
        },
        CommandSpec("kmem_cache_shrink", family: .slab, arguments: [.init("cache", .cacheName)],
                    summary: "give the cache's empty slabs back to the page allocator; returns 0 when no slab is left",
                    details: "Flushes the per-CPU caches first (SLAB array caches; SLUB CPU slabs and partial lists), then frees every empty slab. SLUB also sorts the partial list fullest first.",
                    c: "int kmem_cache_shrink(struct kmem_cache *s);", header: "include/linux/slab.h", contexts: "process context",
                    examples: ["kmem_cache_shrink my_cache"], mutates: true) { s, a throws(CommandError) in
            let name = try cacheName(a, 0, s)
            guard let r = s.kernel.kmemCacheShrink(name) else { return CommandOutput(value: .int(0)) }
            let left = s.kernel.slab.cache(named: name)?.numSlabs ?? 0
            return CommandOutput(value: .int(left == 0 ? 0 : 1),
                                 text: "\(r.cache): freed \(r.slabs) empty slab\(r.slabs == 1 ? "" : "s") (\(r.pages) page\(r.pages == 1 ? "" : "s")); \(left) slab\(left == 1 ? "" : "s") left\n")
        },
        CommandSpec("slabinfo_write", family: .slab,
                    arguments: [.init("cache", .cacheName), .init("limit", .number), .init("batchcount", .number), .init("shared", .number, optional: true)],
                    summary: "set a SLAB cache's array-cache tunables: echo \"CACHE LIMIT BATCHCOUNT SHARED\" > /proc/slabinfo",
                    details: "SLAB only (SLUB's /proc/slabinfo is read-only). do_tune_cpucache() empties the per-CPU array caches back into their slabs and installs the new limit, batchcount and shared; the node's free_limit becomes (1 + CPUs) × batchcount + objects per slab. 'limit 1 batchcount 1' makes SLAB take objects from its slab lists almost at once, as the textbook describes it.",
                    header: "mm/slab.c slabinfo_write(), do_tune_cpucache()",
                    examples: ["slabinfo_write my_cache 1 1 0", "slabinfo_write dentry 120 60 8"], mutates: true) { s, a throws(CommandError) in
            let name = try cacheName(a, 0, s)
            let limit = try a.int(1), batch = try a.int(2), shared = try a.int(3, default: 0)
            switch s.kernel.tuneCpucache(name, limit: limit, batchcount: batch, shared: shared) {
            case .success:
                guard let c = s.kernel.slab.cache(named: name) else { return CommandOutput() }
                return CommandOutput(text: "\(c.name): limit \(c.limit) batchcount \(c.batchcount) shared \(c.shared); free_limit \(c.freeLimit)\n")
            case .failure(.notSLAB):
                throw .other(s.say(.slabinfoReadOnlyWithSLUB))
            case .failure(.noSuchCache):
                throw .badArgument(argument: "CACHE", value: name, reason: .noSuchCacheShort)
            case .failure(.invalid):
                throw .other(s.say(.slabTunablesInvalid(limit: limit, batchcount: batch, shared: shared)))
            }
        },
        CommandSpec("kmem_cache_destroy", family: .slab, arguments: [.init("cache", .cacheName)],
                    summary: "destroy a cache (warns and keeps it while objects are still allocated)",
                    c: "void kmem_cache_destroy(struct kmem_cache *s);", header: "include/linux/slab.h", contexts: "process context",
                    examples: ["kmem_cache_destroy my_cache"], mutates: true) { s, a throws(CommandError) in
            let name = try cacheName(a, 0, s)
            if let c = s.kernel.slab.cache(named: name), c.isBootCache, c.name == name {
                throw .badArgument(argument: "CACHE", value: name, reason: .kernelOwnCache(name))
            }
            _ = s.kernel.kmemCacheDestroy(name, caller: "cleanup_module")
            return CommandOutput()
        },
        CommandSpec("validate", family: .slab, arguments: [.init("cache", .cacheName, optional: true)],
                    summary: "check every object of a cache now (echo 1 > /sys/kernel/slab/CACHE/validate); with no cache, every invariant of the machine",
                    details: "SLUB with debug flags checks red zones, poison and padding of every object and reports what was overwritten. SLAB has no such file; kmemsim checks the poison of free objects the same way under CONFIG_DEBUG_SLAB. Without debugging there is nothing to check. With no cache, `validate` runs every invariant check of the simulator (frames in one state, free counts and lists, merged buddies, slab lists, vmalloc areas, per-CPU chunks, preempt counts, tasks and stacks) and reports each break as an error.",
                    header: "mm/slub.c validate_slab_cache()", examples: ["validate", "validate my_cache"], mutates: true) { s, a throws(CommandError) in
            guard a.has(0) else { return try validateAll(s) }
            let name = try cacheName(a, 0, s)
            let c = s.kernel.slab.cache(named: name)
            let hasBytes = c?.slabs.values.contains { !$0.bytes.isEmpty } ?? false
            let bad = s.kernel.validateSlabCache(name)
            var text = ""
            if !hasBytes && (c?.numSlabs ?? 0) > 0 {
                text = ReportRenderer.note(s.say(.validateNoDebugFlags(name)))
            } else if bad == 0 {
                text = s.say(.validateNoDamage(name)) + "\n"
            }
            return CommandOutput(value: .int(bad), text: text)
        },
        CommandSpec("write", family: .slab, arguments: [.init("addr", .address), .init("len", .size), .init("byte", .number, optional: true)],
                    summary: "simulate a stray store: memset(ADDR, BYTE, LEN) by buggy code (BYTE defaults to 0)",
                    details: "Use it to break an object on purpose: write into a freed object (use after free) or past the end of an allocated one (overflow); the next check (allocation, free, validate) reports it if the cache is debugged. Only slab memory with debug bytes records the write.",
                    examples: ["write $x 4 0x41", "write $x+100 2"], mutates: true) { s, a throws(CommandError) in
            let addr = try a.address(0)
            let len = try a.size(1)
            guard len <= 1 << 20 else { throw .badArgument(argument: "LEN", value: String(len), reason: .atMostOneMiB) }
            let byte = try a.int(2, default: 0)
            guard (0...255).contains(byte) else { throw .badArgument(argument: "BYTE", value: String(byte), reason: .notAByte) }
            guard s.kernel.directMapPFN(addr) != nil else {
                throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: .notDirectMapRAM)
            }
            let n = s.kernel.simulateWrite(addr, length: Int(len), byte: UInt8(byte))
            let text = n == 0
                ? ReportRenderer.note(s.say(.writeUnwatched(len, at: addr)))
                : s.say(.wroteBytes(n, byte: UInt8(byte), at: addr)) + "\n"
            return CommandOutput(value: .int(n), text: text)
        },
        CommandSpec("slab", family: .slab, arguments: [.init("cache", .cacheName)], options: PictureOptions.options([.picture, .ascii, .svg]),
                    summary: "a cache's geometry, its slabs with their lists, and each object allocated or free",
                    details: "Like crash's `kmem -s` / `kmem -S`: object size and stride, objects per slab, order, colours and tunables (SLAB) or min_partial and cpu_partial (SLUB); every slab with its list, address and use count; a picture of its objects (# allocated, . free, c in a per-CPU array cache).",
                    examples: ["slab my_cache", "slab kmalloc-64", "slab my_cache --picture", "slab my_cache --svg cache.svg"]) { s, a throws(CommandError) in
            let o = try PictureOptions.parse(a)
            let name = try cacheName(o.arguments, 0, s)
            let m = SlabCacheModel(name, s.kernel)
            if o.wantsPicture, let model = SlabPicture.build(name, kernel: s.kernel) {
                return try o.output(model.picture(language: s.lessons.language), s, json: m?.json ?? .null)
            }
            return CommandOutput(text: m?.text(s.language) ?? "", json: m?.json ?? .null)
        },
        CommandSpec("slabtop", family: .slab,
                    summary: "the caches sorted by memory used, as slabtop(1) shows them",
                    examples: ["slabtop"]) { s, _ throws(CommandError) in
            let m = SlabInfoModel(s.kernel)
            return CommandOutput(view: SlabtopView(model: m))
        },
    ]
}

import KernelMM

/// The kmalloc family (include/linux/slab.h, mm/slab_common.c).
enum KmallocCommands {
    static let ctxSleep = SlabCommands.ctxSleep

    static func result(_ p: UInt64?) -> CommandOutput { CommandOutput(value: p.map { .address($0) } ?? .null) }

    /// What kfree() did, as kfree and kvfree show it: a refusal (the kernel's report is in the log) fails the command.
    static func kfreeOutput(_ r: KfreeOutcome) -> CommandOutput {
        // Named here, not with "\(r)": that reflects on the value (thousands of instructions a kfree line).
        let name = switch r {
        case .noop: "noop"
        case .freedObject: "freedObject"
        case .freedPages: "freedPages"
        case .refused: "refused"
        }
        var out = CommandOutput(json: .object([("outcome", .string(name))]), refused: r == .refused)
        out.changedKernel = r == .freedObject || r == .freedPages
        return out
    }

    static func sizeArg(_ a: Arguments, _ i: Int) throws(CommandError) -> Int {
        let n = try a.size(i)
        guard n <= UInt64(Int.max) else { throw .badArgument(argument: "SIZE", value: String(n), reason: .largerThanSizeT) }
        return Int(n)
    }

    static let all: [CommandSpec] = [
        CommandSpec("kmalloc", family: .kmalloc, arguments: [.init("size", .size), .init("gfp", .gfp)],
                    summary: "allocate SIZE bytes of physically contiguous memory; returns the address or NULL",
                    details: "Up to KMALLOC_MAX_CACHE_SIZE (8 KiB with 4 KiB pages) the request is rounded up to a kmalloc-N cache (kmalloc-rcl-N with __GFP_RECLAIMABLE, dma-kmalloc-N with __GFP_DMA, kmalloc-cg-N with __GFP_ACCOUNT); above it, pages come straight from the page allocator with __GFP_COMP (counted as SUnreclaim); above KMALLOC_MAX_SIZE (4 MiB) it warns and fails. kmalloc(0) returns ZERO_SIZE_PTR. `explain on` shows the class and the waste.",
                    c: "void *kmalloc(size_t size, gfp_t flags);", header: "include/linux/slab.h", contexts: ctxSleep,
                    examples: ["p = kmalloc 100 GFP_KERNEL", "kmalloc(64, GFP_ATOMIC);"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.kmalloc(try sizeArg(a, 0), gfp: try a.gfp(1), caller: "kmalloc"))
        },
        CommandSpec("kzalloc", family: .kmalloc, arguments: [.init("size", .size), .init("gfp", .gfp)],
                    summary: "kmalloc with __GFP_ZERO: the memory is zeroed",
                    c: "static inline void *kzalloc(size_t size, gfp_t flags);", header: "include/linux/slab.h", contexts: ctxSleep,
                    examples: ["p = kzalloc 100 GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.kzalloc(try sizeArg(a, 0), gfp: try a.gfp(1), caller: "kzalloc"))
        },
        CommandSpec("kmalloc_array", family: .kmalloc, arguments: [.init("n", .size), .init("size", .size), .init("gfp", .gfp)],
                    summary: "allocate an array of N elements of SIZE bytes; NULL if N × SIZE overflows",
                    c: "static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags);", header: "include/linux/slab.h", contexts: ctxSleep,
                    examples: ["p = kmalloc_array 10 64 GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.kmallocArray(try a.size(0), try a.size(1), gfp: try a.gfp(2), caller: "kmalloc_array"))
        },
        CommandSpec("kcalloc", family: .kmalloc, arguments: [.init("n", .size), .init("size", .size), .init("gfp", .gfp)],
                    summary: "kmalloc_array with __GFP_ZERO; NULL if N × SIZE overflows",
                    c: "static inline void *kcalloc(size_t n, size_t size, gfp_t flags);", header: "include/linux/slab.h", contexts: ctxSleep,
                    examples: ["p = kcalloc 10 64 GFP_KERNEL", "kcalloc 0x8000000000000000 2 GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.kcalloc(try a.size(0), try a.size(1), gfp: try a.gfp(2), caller: "kcalloc"))
        },
        CommandSpec("krealloc", family: .kmalloc, arguments: [.init("ptr", .address), .init("size", .size), .init("gfp", .gfp)],
                    summary: "resize an allocation: the same pointer if SIZE still fits (ksize), else a new one (old freed)",
                    c: "void *krealloc(const void *objp, size_t new_size, gfp_t flags);", header: "include/linux/slab.h", contexts: ctxSleep,
                    examples: ["p = krealloc $p 200 GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.krealloc(try a.address(0), try sizeArg(a, 1), gfp: try a.gfp(2), caller: "krealloc"))
        },
        CommandSpec("kfree", family: .kmalloc, arguments: [.init("ptr", .address)],
                    summary: "free memory from kmalloc (NULL and ZERO_SIZE_PTR are ignored)",
                    details: "Finds the slab (or the large kmalloc block) from the page behind the address. A double free, a pointer into an object, a vmalloc address or a page that kmalloc did not give get the kernel's report; the state is unchanged.",
                    c: "void kfree(const void *objp);", header: "include/linux/slab.h", contexts: "any context but NMI",
                    examples: ["kfree $p"], mutates: true) { s, a throws(CommandError) in
            kfreeOutput(s.kernel.kfree(try a.address(0), caller: "kfree"))
        },
        CommandSpec("ksize", family: .kmalloc, arguments: [.init("ptr", .address)],
                    summary: "how many bytes an allocation really has (its size class, or its pages)",
                    c: "size_t ksize(const void *objp);", header: "include/linux/slab.h", contexts: "any context",
                    examples: ["ksize $p"]) { s, a throws(CommandError) in
            CommandOutput(value: .int(s.kernel.ksize(try a.address(0))))
        },
        CommandSpec("kmalloc_size_roundup", family: .kmalloc, arguments: [.init("size", .size)],
                    summary: "the size kmalloc(SIZE) would really provide",
                    c: "size_t kmalloc_size_roundup(size_t size);", header: "include/linux/slab.h", contexts: "any context",
                    examples: ["kmalloc_size_roundup 100"]) { s, a throws(CommandError) in
            let n = try sizeArg(a, 0)
            let r = s.kernel.kmallocSizeRoundup(n)
            var text = ""
            if let c = s.kernel.kmallocClassSize(n) {
                text = s.say(.kmallocRoundupClass(n, cache: s.kernel.kmallocCacheName(classSize: c, type: .normal), classSize: c)) + "\n"
            } else if n > s.kernel.kmallocMaxCacheSize && n <= s.kernel.kmallocMaxSize {
                text = s.say(.kmallocRoundupPages(n, order: s.kernel.getOrder(n), bytes: r)) + "\n"
            }
            return CommandOutput(value: .int(r), text: text)
        },
    ]
}

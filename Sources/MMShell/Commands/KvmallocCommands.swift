import KernelMM

/// kvmalloc/kvfree and the kmalloc-versus-vmalloc comparison (include/linux/slab.h, mm/util.c).
enum KvmallocCommands {
    static let all: [CommandSpec] = [
        CommandSpec("kvmalloc", family: .kmalloc, arguments: [.init("size", .size), .init("gfp", .gfp)],
                    summary: "kmalloc if it can, vmalloc if it must: for when physical contiguity is not needed",
                    details: "Above a page, kmalloc is tried quietly (__GFP_NOWARN, __GFP_NORETRY) and vmalloc takes over when it fails; vmalloc needs a mask that may sleep. Free with kvfree.",
                    c: "static inline void *kvmalloc(size_t size, gfp_t flags);", header: "include/linux/slab.h",
                    contexts: "process context (the vmalloc fallback may sleep)", examples: ["p = kvmalloc 64K GFP_KERNEL"],
                    mutates: true) { s, a throws(CommandError) in
            KmallocCommands.result(s.kernel.kvmalloc(try KmallocCommands.sizeArg(a, 0), gfp: try a.gfp(1), caller: "kvmalloc"))
        },
        CommandSpec("kvzalloc", family: .kmalloc, arguments: [.init("size", .size), .init("gfp", .gfp)],
                    summary: "kvmalloc with __GFP_ZERO",
                    c: "static inline void *kvzalloc(size_t size, gfp_t flags);", header: "include/linux/slab.h",
                    contexts: "process context", examples: ["p = kvzalloc 1M GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            KmallocCommands.result(s.kernel.kvmalloc(try KmallocCommands.sizeArg(a, 0), gfp: try a.gfp(1).union(.zero), caller: "kvzalloc"))
        },
        CommandSpec("kvfree", family: .kmalloc, arguments: [.init("ptr", .address)],
                    summary: "free memory from kvmalloc, kmalloc or vmalloc (it looks at the address)",
                    c: "void kvfree(const void *addr);", header: "include/linux/slab.h", contexts: "process context (vfree may defer)",
                    examples: ["kvfree $p"], mutates: true) { s, a throws(CommandError) in
            // Shown as the call kvfree() made shows it (a refusal fails the command), with which one it was.
            var out: CommandOutput, via: String
            switch s.kernel.kvfree(try a.address(0), caller: "kvfree") {
            case .kfree(let r): (out, via) = (KmallocCommands.kfreeOutput(r), "kfree")
            case .vfree(let r): (out, via) = (VmallocCommands.vfreeOutput(r, language: s.language), "vfree")
            }
            if case .object(let fields)? = out.json { out.json = .object([("via", .string(via))] + fields) }
            return out
        },
        CommandSpec("compare", family: .kmalloc, arguments: [.init("size", .size), .init("gfp", .gfp, optional: true)],
                    summary: "kmalloc and vmalloc of the same SIZE side by side (a dry run: nothing is allocated)",
                    details: "Runs kmalloc(SIZE, GFP) and vmalloc(SIZE) on copies of the machine and shows where each lands: physical contiguity, pages used, waste, zones, whether it may sleep, and what it costs.",
                    examples: ["compare 100", "compare 64K", "compare 3M GFP_ATOMIC"], aliases: ["compare-kmalloc-vmalloc"]) { s, a throws(CommandError) in
            let size = try KmallocCommands.sizeArg(a, 0)
            let gfp = a.has(1) ? try a.gfp(1) : .kernel
            return CompareView.render(size: size, gfp: gfp, kernel: s.kernel, lang: s.language)
        },
    ]
}

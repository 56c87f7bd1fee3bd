import KernelMM

/// High-memory mappings (include/linux/highmem.h, mm/highmem.c): kmap()/kunmap() through the pkmap table, and the
/// temporary kmap_local_page()/kunmap_local() and kmap_atomic()/kunmap_atomic() slots. Only an i386 machine has
/// HIGHMEM; on the 64-bit ones every call is page_address() and nothing is mapped.
enum HighmemCommands {
    static let header = "include/linux/highmem.h"

    /// The PAGE argument: a frame of this machine, not NULL (kmap(NULL) is a NULL dereference in the kernel).
    static func page(_ a: Arguments, _ s: ShellSession) throws(CommandError) -> Int {
        guard let p = try a.page(0) else { throw .badArgument(argument: "PAGE", value: "NULL", reason: .nullHasNoPFN) }
        try AddressCommands.check(p, s.kernel)
        return p.raw
    }

    /// What a kmap-family call did, as the shell shows it; a refusal (the report is in the log) fails the command.
    static func output(_ r: KmapOutcome, _ s: ShellSession) -> CommandOutput {
        switch r {
        case .mapped(let addr, _): CommandOutput(value: .address(addr))
        case .unmapped(let how):
            CommandOutput(text: Message.kunmapped(how).text(s.language) + "\n", json: .object([("outcome", .string("unmapped"))] + KmapsModel.json(how)))
        case .ignored: CommandOutput(json: .object([("outcome", .string("ignored"))]))
        case .refused: CommandOutput(json: .object([("outcome", .string("refused"))]), refused: true)
        }
    }

    static let all: [CommandSpec] = [
        CommandSpec("kmap", family: .highmem, arguments: [.init("page", .page)],
                    summary: "map a page for as long as you like: a HIGHMEM page gets a pkmap entry, a lowmem page answers its direct-map address",
                    details: "kmap_high() reuses the page's pkmap entry if it has one (counting one more user), or takes the next free one after last_pkmap_nr; when that search wraps to entry 0 it first clears every unused entry (flush_all_zero_pkmaps, one TLB flush). It may sleep: when all 1024 entries are held it waits for a kunmap(). 'kmaps' shows the table.",
                    c: "void *kmap(struct page *page);", header: header,
                    contexts: "process context only (may sleep); use kmap_local_page() elsewhere",
                    examples: ["p = alloc_pages GFP_HIGHUSER 0", "a = kmap $p", "kmaps", "kunmap $p"], mutates: true) { s, a throws(CommandError) in
            output(s.kernel.kmap(try page(a, s)), s)
        },
        CommandSpec("kunmap", family: .highmem, arguments: [.init("page", .page)],
                    summary: "drop one kmap() user of a page (takes the page, not the address); the entry stays mapped until the next flush",
                    c: "void kunmap(struct page *page);", header: header,
                    contexts: "process context only (may sleep)",
                    examples: ["kunmap $p"], mutates: true) { s, a throws(CommandError) in
            output(s.kernel.kunmap(try page(a, s)), s)
        },
        CommandSpec("kmap_local_page", family: .highmem, arguments: [.init("page", .page)],
                    summary: "a short-lived mapping in this task's next fixmap slot: never sleeps, pins the task to its CPU, undo newest first",
                    details: "Each task has KM_MAX_IDX (16) slots; slot i on CPU c is the fixmap page FIX_KMAP_BEGIN + i + 16×c. The mapping is private to the task and survives preemption (the slots are saved and restored at context switch), but the task may not migrate until it is undone. A lowmem page answers its direct-map address and uses no slot.",
                    c: "void *kmap_local_page(struct page *page);", header: header, contexts: "any context",
                    examples: ["a = kmap_local_page $p", "kunmap_local $a"], mutates: true) { s, a throws(CommandError) in
            output(s.kernel.kmapLocalPage(try page(a, s)), s)
        },
        CommandSpec("kunmap_local", family: .highmem, arguments: [.init("addr", .address)],
                    summary: "undo the newest kmap_local_page() (any address inside its page); undoing an older one first is a WARNING",
                    c: "void kunmap_local(const void *addr);", header: header, contexts: "any context",
                    examples: ["kunmap_local $a"], mutates: true) { s, a throws(CommandError) in
            output(s.kernel.kunmapLocal(try a.address(0)), s)
        },
        CommandSpec("kmap_atomic", family: .highmem, arguments: [.init("page", .page)],
                    summary: "the older temporary mapping: kmap_local_page() with preemption and page faults disabled (deprecated)",
                    c: "void *kmap_atomic(struct page *page);", header: header, contexts: "any context (the caller is atomic until kunmap_atomic)",
                    examples: ["a = kmap_atomic $p", "preempt_count", "kunmap_atomic $a"], mutates: true) { s, a throws(CommandError) in
            output(s.kernel.kmapLocalPage(try page(a, s), atomic: true, caller: "kmap_atomic"), s)
        },
        CommandSpec("kunmap_atomic", family: .highmem, arguments: [.init("addr", .address)],
                    summary: "undo kmap_atomic(): unmap the newest slot, then pagefault_enable() and preempt_enable()",
                    c: "void kunmap_atomic(const void *addr); /* a macro */", header: header, contexts: "any context",
                    examples: ["kunmap_atomic $a"], mutates: true) { s, a throws(CommandError) in
            output(s.kernel.kunmapLocal(try a.address(0), atomic: true, caller: "kunmap_atomic"), s)
        },
        CommandSpec("kmap_flush_unused", family: .highmem,
                    summary: "clear every pkmap entry no kmap() user holds (flush_all_zero_pkmaps) without waiting for the search to wrap",
                    c: "void kmap_flush_unused(void);", header: header, contexts: "process context",
                    examples: ["kmap_flush_unused"], mutates: true) { s, _ throws(CommandError) in
            guard s.kernel.highmem.configured else {
                return CommandOutput(value: .int(0), text: Message.kmapsNoHighmem(arch: s.kernel.arch.rawValue).text(s.language) + "\n")
            }
            let n = s.kernel.kmapFlushUnused()
            return CommandOutput(value: .int(n), text: Message.kmapFlushed(n).text(s.language) + "\n")
        },
        CommandSpec("kmap_to_page", family: .highmem, arguments: [.init("addr", .address)],
                    summary: "the struct page behind a kmap address (pkmap entry, kmap_local slot or direct map)",
                    c: "struct page *kmap_to_page(void *addr);", header: header, contexts: "any context",
                    examples: ["kmap_to_page $a"]) { s, a throws(CommandError) in
            let addr = try a.address(0)
            if let t = s.kernel.kmapTarget(addr) { return CommandOutput(value: t.pfn.map { .page(PFN($0)) } ?? .null) }
            guard let pfn = s.kernel.directMapPFN(addr) else {
                throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: .notKmapAddress)
            }
            return CommandOutput(value: .page(PFN(pfn)))
        },
        CommandSpec("kmaps", family: .highmem,
                    summary: "the pkmap table (entries in use, last_pkmap_nr, flushes) and each task's kmap_local slots",
                    examples: ["kmaps"]) { s, _ throws(CommandError) in
            CommandOutput(view: InLanguage(view: KmapsModel(s.kernel), language: s.language))
        },
    ]
}

import KernelMM

/// The page allocator's API, as include/linux/gfp.h declares it.
enum PageAllocCommands {
    static let ctxSleep = "process context with a mask that may sleep (GFP_KERNEL); any context with GFP_ATOMIC or GFP_NOWAIT"

    static let all: [CommandSpec] = [
        CommandSpec("alloc_pages", family: .pageAlloc, arguments: [.init("gfp", .gfp), .init("order", .order)],
                    summary: "allocate 2^order physically contiguous pages; returns the first struct page or NULL",
                    details: "Walks the zonelist from gfp_zone(gfp) down, checks each zone's low watermark, takes a block from the per-CPU list (orders 0-3) or the buddy free lists, splitting a larger block if needed. On failure: the slow path (kswapd, min watermark, reserves, direct reclaim). Turn on 'explain on' to see each step.",
                    c: "struct page *alloc_pages(gfp_t gfp, unsigned int order);", header: "include/linux/gfp.h",
                    contexts: ctxSleep, examples: ["p = alloc_pages GFP_KERNEL 3", "alloc_pages(GFP_ATOMIC | __GFP_ZERO, 0);"],
                    mutates: true) { s, a throws(CommandError) in
            let gfp = try a.gfp(0), order = try a.order(1)
            return pageResult(s.kernel.allocPages(gfp, order: order, caller: "alloc_pages"))
        },
        CommandSpec("alloc_page", family: .pageAlloc, arguments: [.init("gfp", .gfp)],
                    summary: "allocate one page: alloc_pages(gfp, 0)",
                    c: "#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)", header: "include/linux/gfp.h",
                    contexts: ctxSleep, examples: ["p = alloc_page GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            pageResult(s.kernel.allocPages(try a.gfp(0), order: 0, caller: "alloc_pages"))
        },
        CommandSpec("__get_free_pages", family: .pageAlloc, arguments: [.init("gfp", .gfp), .init("order", .order)],
                    summary: "allocate 2^order pages and return their kernel virtual address (0 on failure)",
                    details: "alloc_pages(gfp & ~__GFP_HIGHMEM, order), then page_address(): HIGHMEM pages have no permanent address, so the flag is dropped.",
                    c: "unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);", header: "include/linux/gfp.h",
                    contexts: ctxSleep, examples: ["addr = __get_free_pages GFP_KERNEL 2"], mutates: true) { s, a throws(CommandError) in
            try getFreePages(&s, gfp: a.gfp(0), order: a.order(1), caller: "__get_free_pages")
        },
        CommandSpec("__get_free_page", family: .pageAlloc, arguments: [.init("gfp", .gfp)],
                    summary: "one page by address: __get_free_pages(gfp, 0)",
                    c: "#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)", header: "include/linux/gfp.h",
                    contexts: ctxSleep, examples: ["addr = __get_free_page GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            try getFreePages(&s, gfp: a.gfp(0), order: 0, caller: "__get_free_pages")
        },
        CommandSpec("get_zeroed_page", family: .pageAlloc, arguments: [.init("gfp", .gfp)],
                    summary: "one zero-filled page by address: __get_free_page(gfp | __GFP_ZERO)",
                    c: "unsigned long get_zeroed_page(gfp_t gfp_mask);", header: "include/linux/gfp.h",
                    contexts: ctxSleep, examples: ["addr = get_zeroed_page GFP_KERNEL"], mutates: true) { s, a throws(CommandError) in
            try getFreePages(&s, gfp: a.gfp(0).union(.zero), order: 0, caller: "get_zeroed_page")
        },
        CommandSpec("__get_dma_pages", family: .pageAlloc, arguments: [.init("gfp", .gfp), .init("order", .order)],
                    summary: "pages from ZONE_DMA by address: __get_free_pages(gfp | GFP_DMA, order)",
                    c: "#define __get_dma_pages(gfp_mask, order) __get_free_pages((gfp_mask) | GFP_DMA, (order))", header: "include/linux/gfp.h",
                    contexts: ctxSleep, examples: ["addr = __get_dma_pages GFP_KERNEL 0"], mutates: true) { s, a throws(CommandError) in
            try getFreePages(&s, gfp: a.gfp(0).union(.dma), order: a.order(1), caller: "__get_free_pages")
        },
        CommandSpec("__free_pages", family: .pageAlloc, arguments: [.init("page", .page), .init("order", .order)],
                    summary: "free 2^order pages starting at a struct page (the order must be the allocation's)",
                    details: "Low orders go to the CPU's per-CPU list first; others merge with their free buddies (buddy = pfn ^ (1 << order)) as far as they can. The kernel does not check the order; kmemsim does, and says what the kernel would have done.",
                    c: "void __free_pages(struct page *page, unsigned int order);", header: "include/linux/gfp.h",
                    contexts: "any context but NMI", examples: ["__free_pages $p 3"], mutates: true) { s, a throws(CommandError) in
            guard let page = try a.page(0) else {
                throw .badArgument(argument: "PAGE", value: "NULL", reason: .freePagesNull)
            }
            return freeResult(s.kernel.freePages(page, order: try a.order(1), caller: "__free_pages"))
        },
        CommandSpec("__free_page", family: .pageAlloc, arguments: [.init("page", .page)],
                    summary: "free one page: __free_pages(page, 0)",
                    c: "#define __free_page(page) __free_pages((page), 0)", header: "include/linux/gfp.h",
                    contexts: "any context but NMI", examples: ["__free_page $p"], mutates: true) { s, a throws(CommandError) in
            guard let page = try a.page(0) else {
                throw .badArgument(argument: "PAGE", value: "NULL", reason: .freePageNull)
            }
            return freeResult(s.kernel.freePages(page, order: 0, caller: "__free_pages"))
        },
        CommandSpec("free_pages", family: .pageAlloc, arguments: [.init("addr", .address), .init("order", .order)],
                    summary: "free 2^order pages by kernel virtual address (0 is ignored)",
                    c: "void free_pages(unsigned long addr, unsigned int order);", header: "include/linux/gfp.h",
                    contexts: "any context but NMI", examples: ["free_pages $addr 2"], mutates: true) { s, a throws(CommandError) in
            freeResult(s.kernel.freePages(address: try a.address(0), order: try a.order(1)))
        },
        CommandSpec("free_page", family: .pageAlloc, arguments: [.init("addr", .address)],
                    summary: "free one page by address: free_pages(addr, 0)",
                    c: "#define free_page(addr) free_pages((addr), 0)", header: "include/linux/gfp.h",
                    contexts: "any context but NMI", examples: ["free_page $addr"], mutates: true) { s, a throws(CommandError) in
            freeResult(s.kernel.freePages(address: try a.address(0), order: 0))
        },
        CommandSpec("drain_all_pages", family: .pageAlloc,
                    summary: "give every CPU's per-CPU page lists back to the buddy allocator",
                    details: "Pages on per-CPU lists are free for their CPU but not counted as free (MemFree, buddyinfo). Direct reclaim drains them before giving up; so does this command.",
                    c: "void drain_all_pages(struct zone *zone);", header: "mm/internal.h", contexts: "process context",
                    examples: ["drain_all_pages"], aliases: ["drain_pages"], mutates: true) { s, _ throws(CommandError) in
            s.kernel.drainAllPages()
            return CommandOutput()
        },
    ]

    static func pageResult(_ pfn: PFN?) -> CommandOutput {
        CommandOutput(value: pfn.map { .page($0) } ?? .null)
    }

    static func getFreePages(_ s: inout ShellSession, gfp: GFPFlags, order: Int, caller: String) -> CommandOutput {
        let pfn = s.kernel.allocPages(gfp.subtracting(.highmem), order: order, caller: caller)
        guard let pfn, let addr = s.kernel.pageAddress(pfn.raw) else { return CommandOutput(value: .null) }
        var out = CommandOutput(value: .address(addr))
        if gfp.contains(.highmem) {
            out.text = ValueView.describe(.address(addr), kernel: s.kernel, lang: s.language) + "\n" +
                ReportRenderer.note(s.say(.getFreePagesDropsHighmem))
        }
        return out
    }

    /// What every good free says in JSON, made once: building it was an allocation a line, for text output too.
    private static let freedJSON = JSONValue.object([("outcome", .string("freed"))])

    /// A free returns void; what went wrong is in the kernel's reports. JSON gets the outcome as data.
    static func freeResult(_ outcome: FreeOutcome) -> CommandOutput {
        let word: String
        switch outcome {
        case .freed: return CommandOutput(json: freedJSON)
        case .refused: word = "refused"
        case .partiallyFreed(let o, let leaked): word = "partially freed (order \(o), \(leaked) page\(leaked == 1 ? "" : "s") leaked)"
        }
        var out = CommandOutput(json: .object([("outcome", .string(word))]))
        if case .refused = outcome { out.refused = true }
        return out
    }
}

import KernelMM

/// The vmalloc family (include/linux/vmalloc.h, mm/vmalloc.c): virtually contiguous areas over scattered pages.
enum VmallocCommands {
    static let ctxSleep = "process context only (may sleep); in interrupt context vmalloc() hits BUG_ON(in_interrupt())"

    static func result(_ addr: UInt64?) -> CommandOutput { CommandOutput(value: addr.map { .address($0) } ?? .null) }

    /// What vfree() did, as vfree and kvfree show it: a refusal (the kernel's report is in the log) fails the command.
    static func vfreeOutput(_ r: VfreeOutcome, language: Language) -> CommandOutput {
        switch r {
        case .freed(let n):
            CommandOutput(text: Message.vfreeFreed(n).text(language), json: .object([("outcome", .string("freed")), ("pages", .int(n))]))
        case .deferred: CommandOutput(text: Message.vfreeDeferred.text(language), json: .object([("outcome", .string("deferred"))]))
        case .null: CommandOutput(json: .object([("outcome", .string("null"))]))
        case .refused: CommandOutput(json: .object([("outcome", .string("refused"))]), refused: true)
        }
    }

    static let all: [CommandSpec] = [
        CommandSpec("vmalloc", family: .vmalloc, arguments: [.init("size", .size)],
                    summary: "allocate SIZE bytes of virtually contiguous memory (pages from anywhere, HIGHMEM too) + a guard page",
                    details: "Finds the lowest free range of vmalloc space that fits (first fit over the areas in address order), allocates the pages one at a time from the page allocator with GFP_KERNEL | __GFP_HIGHMEM, and maps each in the kernel page table. 'vmarea $v' shows the pages behind it; 'cat /proc/vmallocinfo' lists every area.",
                    c: "void *vmalloc(unsigned long size);", header: "include/linux/vmalloc.h", contexts: ctxSleep,
                    examples: ["v = vmalloc 8192", "vmarea $v", "vfree $v"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.vmalloc(try a.size(0)))
        },
        CommandSpec("vzalloc", family: .vmalloc, arguments: [.init("size", .size)],
                    summary: "vmalloc with zeroed pages (GFP_KERNEL | __GFP_ZERO)",
                    c: "void *vzalloc(unsigned long size);", header: "include/linux/vmalloc.h", contexts: ctxSleep,
                    examples: ["v = vzalloc 64K"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.vzalloc(try a.size(0)))
        },
        CommandSpec("vmalloc_user", family: .vmalloc, arguments: [.init("size", .size)],
                    summary: "zeroed vmalloc memory that may be mapped into user space (VM_USERMAP)",
                    c: "void *vmalloc_user(unsigned long size);", header: "include/linux/vmalloc.h", contexts: ctxSleep,
                    examples: ["u = vmalloc_user 16K"], mutates: true) { s, a throws(CommandError) in
            result(s.kernel.vmallocUser(try a.size(0)))
        },
        CommandSpec("vfree", family: .vmalloc, arguments: [.init("addr", .address)],
                    summary: "free a vmalloc area; in interrupt context the free is deferred (vfree_atomic), in NMI it is a BUG",
                    c: "void vfree(const void *addr);", header: "include/linux/vmalloc.h",
                    contexts: "process context; interrupt context (deferred); never NMI",
                    examples: ["vfree $v"], mutates: true) { s, a throws(CommandError) in
            vfreeOutput(s.kernel.vfree(try a.address(0)), language: s.language)
        },
        CommandSpec("vmalloc_to_page", family: .vmalloc, arguments: [.init("addr", .address)],
                    summary: "the struct page behind a vmalloc address (walks the page table); NULL if not mapped",
                    c: "struct page *vmalloc_to_page(const void *addr);", header: "include/linux/mm.h", contexts: anyContext,
                    examples: ["vmalloc_to_page $v"]) { s, a throws(CommandError) in
            let addr = try a.address(0)
            guard let p = s.kernel.vmallocToPage(addr) else {
                if !s.kernel.isVmallocAddr(addr) {
                    throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: .notVmallocAddress)
                }
                return CommandOutput(value: .null)
            }
            return CommandOutput(value: .page(p))
        },
        CommandSpec("is_vmalloc_addr", family: .vmalloc, arguments: [.init("addr", .address)],
                    summary: "true if the address lies in [VMALLOC_START, VMALLOC_END)",
                    c: "bool is_vmalloc_addr(const void *x);", header: "include/linux/mm.h", contexts: anyContext,
                    examples: ["is_vmalloc_addr $v"]) { s, a throws(CommandError) in
            CommandOutput(value: .bool(s.kernel.isVmallocAddr(try a.address(0))))
        },
        CommandSpec("vmarea", family: .vmalloc, arguments: [.init("addr", .address, optional: true)], options: PictureOptions.options([.picture, .ascii, .svg]),
                    summary: "a vmalloc area's pages: each virtual page, the frame behind it and its zone; without ADDR, the vmalloc range",
                    details: "--picture (or --svg FILE) draws the virtual range, its guard page, and the scattered frames behind it on the physical map.",
                    examples: ["vmarea $v", "vmarea", "vmarea $v --picture", "vmarea $v --svg area.svg"], aliases: ["vmalloc_area"]) { s, o0 throws(CommandError) in
            let o = try PictureOptions.parse(o0)
            let a = o.arguments
            if o.wantsPicture {
                guard a.has(0) else { throw .missingArgument(command: "vmarea", argument: "ADDR", usage: "vmarea ADDR --picture") }
                let addr = try a.address(0)
                guard let m = VmallocPicture.build(addr, kernel: s.kernel), let i = s.kernel.vmalloc.index(containing: addr) else {
                    throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: .noVmallocArea)
                }
                return try o.output(m.picture(language: s.lessons.language), s, json: VmAreaModel(s.kernel.vmalloc.areas[i], s.kernel).json)
            }
            guard a.has(0) else {
                let m = VmallocRangeModel(s.kernel)
                return CommandOutput(view: m)
            }
            let addr = try a.address(0)
            guard let m = VmAreaModel(containing: addr, s.kernel) else {
                throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: .noVmallocArea)
            }
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
    ]

    static let anyContext = "any context"
}

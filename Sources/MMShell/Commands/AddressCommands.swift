import KernelMM

/// Conversions between struct page, PFN, physical and virtual addresses (include/linux/mm.h, asm/page.h).
enum AddressCommands {
    static let all: [CommandSpec] = [
        CommandSpec("page_address", family: .addresses, arguments: [.init("page", .page)],
                    summary: "the kernel virtual address of a page (NULL for HIGHMEM pages that are not mapped)",
                    c: "void *page_address(const struct page *page);", header: "include/linux/mm.h", contexts: "any",
                    examples: ["page_address $p"]) { s, a throws(CommandError) in
            guard let p = try a.page(0) else { return CommandOutput(value: .null) }
            try check(p, s.kernel)
            guard let addr = s.kernel.pageAddress(p.raw) else {
                return CommandOutput(value: .null, text: "NULL\n" + ReportRenderer.note("pfn \(Format.hex(p.raw)) is in ZONE_HIGHMEM: it has no permanent kernel address; the kernel maps it temporarily with kmap_local_page()."))
            }
            return CommandOutput(value: .address(addr))
        },
        CommandSpec("virt_to_page", family: .addresses, arguments: [.init("addr", .address)],
                    summary: "the struct page of a direct-map (lowmem) address",
                    c: "struct page *virt_to_page(const void *addr);", header: "arch/x86/include/asm/page.h", contexts: "any",
                    examples: ["virt_to_page $addr"]) { s, a throws(CommandError) in
            let addr = try a.address(0)
            guard let pfn = s.kernel.directMapPFN(addr) else {
                throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: s.kernel.isVmallocAddress(addr)
                    ? "a vmalloc address: virt_to_page() only works on the direct map; use vmalloc_to_page()"
                    : "not in the direct map (lowmem starts at \(Format.hex(s.kernel.arch.pageOffset)))")
            }
            return CommandOutput(value: .page(PFN(pfn)))
        },
        CommandSpec("page_to_pfn", family: .addresses, arguments: [.init("page", .page)],
                    summary: "the page frame number of a struct page",
                    c: "unsigned long page_to_pfn(const struct page *page);", header: "include/asm-generic/memory_model.h",
                    contexts: "any", examples: ["page_to_pfn $p"]) { s, a throws(CommandError) in
            guard let p = try a.page(0) else { throw .badArgument(argument: "PAGE", value: "NULL", reason: "NULL has no PFN") }
            try check(p, s.kernel)
            return CommandOutput(value: .int(p.raw))
        },
        CommandSpec("pfn_to_page", family: .addresses, arguments: [.init("pfn", .number)],
                    summary: "the struct page of a page frame number",
                    c: "struct page *pfn_to_page(unsigned long pfn);", header: "include/asm-generic/memory_model.h",
                    contexts: "any", examples: ["pfn_to_page 0x1000"]) { s, a throws(CommandError) in
            let n = try a.int(0)
            try check(PFN(n), s.kernel)
            return CommandOutput(value: .page(PFN(n)))
        },
        CommandSpec("virt_to_phys", family: .addresses, arguments: [.init("addr", .address)],
                    summary: "the physical address of a direct-map address",
                    c: "phys_addr_t virt_to_phys(volatile void *address);", header: "arch/x86/include/asm/io.h",
                    contexts: "any", examples: ["virt_to_phys $addr"], aliases: ["__pa"]) { s, a throws(CommandError) in
            let addr = try a.address(0)
            guard s.kernel.directMapPFN(addr) != nil else {
                throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: "not a direct-map address")
            }
            return CommandOutput(value: .int(Int(addr - s.kernel.arch.pageOffset)))
        },
        CommandSpec("phys_to_virt", family: .addresses, arguments: [.init("phys", .number)],
                    summary: "the direct-map address of a physical address (lowmem only)",
                    c: "void *phys_to_virt(phys_addr_t address);", header: "arch/x86/include/asm/io.h",
                    contexts: "any", examples: ["phys_to_virt 0x1000000"], aliases: ["__va"]) { s, a throws(CommandError) in
            let phys = try a.int(0)
            let pfn = phys >> s.kernel.arch.pageShift
            guard phys >= 0, pfn < s.kernel.directMapEndPFN else {
                throw .badArgument(argument: "PHYS", value: Format.hex(phys), reason: "beyond the direct map" + (s.kernel.arch.lowmemLimit != nil ? " (HIGHMEM has no permanent mapping)" : ""))
            }
            return CommandOutput(value: .address(s.kernel.arch.pageOffset &+ UInt64(phys)))
        },
    ]

    static func check(_ p: PFN, _ k: Kernel) throws(CommandError) {
        guard p.raw >= 0, p.raw < k.frames.count else {
            throw .badArgument(argument: "PFN", value: Format.hex(p.raw), reason: "this machine's frames are 0…\(Format.hex(k.frames.count - 1))")
        }
    }
}

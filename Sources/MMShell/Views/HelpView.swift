import KernelMM

/// `help`, generated from the command table.
enum HelpView {
    static func overview(_ table: CommandTable, style: Style) -> String {
        var t = "kmemsim: call the Linux 6.6 memory manager's API by name. Both forms work: alloc_pages GFP_KERNEL 3  or  alloc_pages(GFP_KERNEL, 3);\n"
        t += "Name a result with 'p = …' and use it as $p ($_ is the last result). 'help CMD' shows one command.\n"
        for family in CommandFamily.allCases {
            let cmds = table.all.filter { $0.family == family }
            guard !cmds.isEmpty else { continue }
            t += "\n" + style.bold(family.rawValue) + "\n"
            for c in cmds {
                // A usage too long for its column gets the summary on the next line, aligned.
                t += c.usage.count > 34 ? "  " + c.usage + "\n" + String(repeating: " ", count: 37) + c.summary + "\n"
                                        : "  " + Format.left(c.usage, 34) + " " + c.summary + "\n"
            }
        }
        t += "\nTopics: help gfp (every flag), help arch (the machines), help query (print expressions)\n"
        return t
    }

    static func command(_ c: CommandSpec, style: Style) -> String {
        var lines = [style.bold(c.usage) + (c.aliases.isEmpty ? "" : "   (also: " + c.aliases.joined(separator: ", ") + ")"), "  " + c.summary]
        if let decl = c.cDeclaration { lines.append("  C:        " + decl + (c.header.map { "   /* \($0) */" } ?? "")) }
        if let ctx = c.contexts { lines.append("  context:  " + ctx) }
        if !c.details.isEmpty { lines.append("  " + c.details) }
        for a in c.arguments { lines.append("  " + Format.left(a.name.uppercased(), 8) + " " + kindText(a.kind) + (a.optional ? " (optional)" : "")) }
        if !c.examples.isEmpty { lines.append("  examples: " + c.examples.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }

    static func kindText(_ k: ArgumentKind) -> String {
        switch k {
        case .gfp: "a gfp mask: GFP_KERNEL, GFP_ATOMIC|__GFP_ZERO, GFP_KERNEL & ~__GFP_RECLAIM, 0xcc0"
        case .order: "an order: 2^order pages (0…10)"
        case .size: "a size in bytes: 4096, 0x1000, 4K, 2M"
        case .number: "a number (decimal or 0x hex)"
        case .address: "an address: $addr or a number"
        case .page: "a struct page *: $p, a PFN, pfn:0x1000, or a struct page address"
        case .name: "a name"
        case .cacheName: "a slab cache name"
        case .word(let w): "one of: " + w.joined(separator: ", ")
        case .path: "a /proc file"
        case .keyValue: "key=value"
        case .text: "an expression"
        }
    }

    static func topics(_ table: CommandTable) -> [String] { ["gfp", "arch", "query"] + table.all.map(\.name) }

    static func topic(_ t: String, kernel k: Kernel) -> String? {
        switch t {
        case "gfp": return GFPView.table()
        case "arch":
            var s = "Architectures (boot arch=NAME):\n"
            for a in Architecture.allCases {
                let zones = a.configuredZones.map(\.procName).joined(separator: ", ")
                s += "  \(Format.left(a.rawValue, 8)) \(a.pageSize / 1024) KiB pages, struct page \(a.structPageSize) bytes, THREAD_SIZE \(a.threadSize / 1024) KiB, zones: \(zones)\n"
            }
            s += "i386: lowmem (ZONE_NORMAL) ends at 896 MiB, the textbook 3G/1G split; memory above is HIGHMEM.\n"
            s += "sparc64 is the 64-bit architecture with 8 KiB pages; its real kernel raises MAX_ORDER (ARCH_FORCE_MAX_ORDER), kmemsim keeps 10 everywhere.\n"
            return s
        case "query": return QueryHelp.render()
        default: return nil
        }
    }
}

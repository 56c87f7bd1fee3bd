import KernelMM

/// Views of memory: /proc files, struct pages, addresses, pictures, logs, tracing and narration.
enum ViewCommands {
    /// `buddyinfo, zoneinfo, …`, joined by hand: the command table is built at every start, and the first generic
    /// `joined(separator:)` of a run has the runtime look up its associated types (a scan of every conformance).
    static var procFileList: String {
        var list = ""
        for name in ProcFiles.names { list += (list.isEmpty ? "" : ", ") + name.replacingPrefix("/proc/") }
        return list
    }

    static let all: [CommandSpec] = [
        CommandSpec("cat", family: .views, arguments: [.init("file", .procFile)],
                    summary: "print a /proc file in the kernel's format: " + procFileList,
                    examples: ["cat /proc/buddyinfo", "cat /proc/zoneinfo"]) { s, a throws(CommandError) in
            let path = try a.string(0)
            guard let f = ProcFiles.lookup(path) else { throw .unknownProcFile(path, known: ProcFiles.names) }
            return CommandOutput(view: ProcFileView(file: f, kernel: s.kernel))
        },
        CommandSpec("export-proc", family: .views, arguments: [.init("dir", .name)], options: [OptionSpec("--force")],
                    summary: "write every /proc file kmemsim renders into DIR (for diffing against a real machine); --force replaces files kmemsim did not write",
                    examples: ["export-proc /tmp/kmemsim-proc"]) { s, a throws(CommandError) in
            let dir = try a.string(0)
            let force = a.has(option: "--force")
            guard !dir.isEmpty, dir.contains(where: { $0 != "/" }) else { throw .localized(.fileRefused(dir, .noName)) }
            let paths = ProcFiles.all.map { dir + "/" + $0.path.replacingPrefix("/proc/") }
            // Every target is checked before the first is written, so a refusal leaves nothing half exported.
            for path in paths { try FileOutput.checkTarget(path, kind: .procExport, force: force, language: s.language, in: s.files) }
            try FileOutput.makeDirectory(dir, in: s.files)
            try FileOutput.write("kmemsim export-proc\n", to: dir + "/" + FileOutput.procExportMarker, kind: .procExport, force: true, language: s.language, in: s.files)
            var written: [String] = []
            for (f, path) in zip(ProcFiles.all, paths) {
                try FileOutput.write(f.render(s.kernel), to: path, kind: .procExport, force: force, language: s.language, in: s.files)
                written.append(path)
            }
            return CommandOutput(text: s.say(.wroteFiles(written)) + "\n", json: .array(written.map { .string($0) }))
        },
        CommandSpec("page", family: .views, arguments: [.init("page", .page)],
                    summary: "show a struct page as dump_page() prints it, and what kmemsim knows about the frame",
                    examples: ["page $p", "page 0x1000", "page pfn:0x1000"]) { s, a throws(CommandError) in
            guard let p = try a.page(0) else { throw .badArgument(argument: "PAGE", value: "NULL", reason: .noPage) }
            try AddressCommands.check(p, s.kernel)
            let m = PageModel(p.raw, kernel: s.kernel)
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
        CommandSpec("kmem", family: .views, arguments: [.init("addr", .addressOrPage)],
                    summary: "what owns an address: a free block, an allocated block, a reserved region, a slab object…",
                    examples: ["kmem $addr", "kmem 0xffff888001000000"]) { s, a throws(CommandError) in
            let addr = try a.address(0)
            guard let m = KmemModel(addr, s.kernel) else {
                throw .badArgument(argument: "ADDR", value: Format.hex(addr), reason: KmemModel.whyUnknown(addr, s.kernel))
            }
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
        CommandSpec("memmap", family: .views,
                    arguments: [.init("zone", .zone, optional: true)], options: PictureOptions.options(MemmapCommand.options),
                    summary: "a picture of physical memory by zone and state (mem_map: one struct page per frame); zoom with --around $p",
                    details: "Options: --around ADDR|$var (one page per cell around that block, marked ^), --from PFN --to PFN, --width N (cells per row), --ascii, --svg FILE.",
                    examples: ["memmap", "memmap Normal", "memmap --around $p", "memmap --from 0x1000 --to 0x10ff", "memmap --svg memmap.svg"]) { s, a throws(CommandError) in
            try MemmapCommand.run(s, a)
        },
        CommandSpec("vmmap", family: .views, options: PictureOptions.options([.ascii, .svg]),
                    summary: "the kernel's virtual address layout for this architecture, marked with your addresses ($p, $v…)",
                    examples: ["vmmap", "vmmap --svg layout.svg"]) { s, a throws(CommandError) in
            let o = try PictureOptions.parse(a)
            if o.arguments.has(0) { throw .tooManyArguments(command: "vmmap", usage: "vmmap [--ascii] [--svg FILE]") }
            let m = VmmapPicture.build(s.kernel, variables: s.variables)
            let json = JSONValue.array(m.regions.map { r in
                .object([("start", .hex(r.start)), ("end", .hex(r.last)), ("name", .string(r.name)), ("yours", .array(r.mine.map { .string($0) }))])
            })
            return try o.output(m.picture(language: s.lessons.language), s, json: json)
        },
        CommandSpec("config", family: .views, arguments: [.init("match", .name, optional: true)],
                    summary: "the kernel configuration of the booted machine as .config lines (like zcat /proc/config.gz); MATCH keeps the lines containing it",
                    examples: ["config", "config HUGEPAGE", "config SLUB"]) { s, a throws(CommandError) in
            let match = a.has(0) ? try a.string(0) : nil
            let c = s.kernel.config
            let text = ConfigView.render(c, matching: match)
            guard !text.isEmpty else { throw .localized(ConfigStrings.noSuchOption(match ?? "")) }
            return CommandOutput(text: text, json: ConfigView.json(c, matching: match))
        },
        CommandSpec("memblock", family: .views,
                    summary: "the memory boot code reserved before the buddy allocator took over",
                    examples: ["memblock"]) { s, _ throws(CommandError) in
            let m = MemblockModel(s.kernel)
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
        CommandSpec("zones", family: .views,
                    summary: "each zone: span, free pages, watermarks, lowmem_reserve, per-CPU pages",
                    examples: ["zones"]) { s, _ throws(CommandError) in
            return CommandOutput(view: InLanguage(view: ZonesModel(s.kernel), language: s.language))
        },
        CommandSpec("buddy", family: .views,
                    arguments: [.init("zone", .zone, optional: true)], options: PictureOptions.options([.picture, .ascii, .svg]),
                    summary: "a zone's free lists by order and migrate type, with the first blocks on each list (--picture: as rows of blocks)",
                    details: "With --picture (or --svg FILE) the free area is drawn: one cell per free block, and a bar of all free pages by order. With 'explain on', every split or merge also draws the block tree it walked.",
                    examples: ["buddy Normal", "buddy Normal --picture", "buddy DMA --svg dma.svg"], aliases: ["freelists"]) { s, a throws(CommandError) in
            let o = try PictureOptions.parse(a)
            let t = try o.arguments.string(0, default: s.kernel.zones.last(where: \.isPopulated)?.type.procName ?? "Normal")
            guard let z = ZoneType.named(t), let zone = s.kernel.zone(z), zone.isPopulated else {
                throw .badArgument(argument: "ZONE", value: t, reason: .populatedZones(s.kernel.zones.filter(\.isPopulated).map(\.type.procName)))
            }
            let m = FreeAreaModel(zone, kernel: s.kernel)
            if o.wantsPicture {
                let model = BuddyPicture.build(zone, kernel: s.kernel)
                return try o.output(model.picture(language: s.lessons.language), s, json: m.json)
            }
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
        CommandSpec("gfp", family: .views, arguments: [.init("mask", .gfp)],
                    summary: "decode a gfp mask: value, bits by group, zone, may it sleep, reserve access",
                    examples: ["gfp GFP_KERNEL|__GFP_ZERO", "gfp GFP_ATOMIC", "gfp 0xcc0"]) { s, a throws(CommandError) in
            let g = try a.gfp(0)
            let m = GFPModel(g, typed: a.raw.joined(separator: " "), kernel: s.kernel)
            return CommandOutput(value: .int(Int(g.rawValue)), view: InLanguage(view: m, language: s.language))
        },
        CommandSpec("dmesg", family: .views, options: [OptionSpec("-c", aliases: ["--clear", "-C"])],
                    summary: "the kernel log with timestamps (-c clears it after printing)",
                    examples: ["dmesg", "dmesg -c"]) { s, a throws(CommandError) in
            let text = LogViews.dmesg(s.kernel, language: s.lessons.language)
            let json = JSONValue.array(s.kernel.log.entries.map { e in
                guard case .object(let fields) = ReportJSON.json(e.report, kernel: s.kernel, lang: s.language) else { return .null }
                return .object([("time_ns", .int(Int(e.time)))] + fields)
            })
            if a.has(option: "-c") { s.kernel.log.clear() }
            return CommandOutput(text: text, json: json)
        },
        CommandSpec("trace", family: .views, arguments: [.init("action", .word(["on", "off", "show", "clear"]))],
                    summary: "ftrace kmem events: on, off, show (the buffer), clear",
                    examples: ["trace on", "trace show"]) { s, a throws(CommandError) in
            switch try a.string(0) {
            case "on": s.kernel.trace.enabled = true
            case "off": s.kernel.trace.enabled = false
            case "clear": s.kernel.trace.events.removeAll()
            case "show":
                return CommandOutput(view: TraceView(kernel: s.kernel))
            default: break
            }
            return CommandOutput()
        },
        CommandSpec("explain", family: .views,
                    subcommands: [
                        CommandSpec("explain on", family: .views, summary: "narrate every following command's steps",
                                    examples: ["explain on"]) { s, _ throws(CommandError) in
                            s.kernel.explainEnabled = true
                            return CommandOutput()
                        },
                        CommandSpec("explain off", family: .views, summary: "stop narrating", examples: ["explain off"]) { s, _ throws(CommandError) in
                            s.kernel.explainEnabled = false
                            return CommandOutput()
                        },
                        CommandSpec("explain tree", family: .views, options: PictureOptions.options([.ascii, .svg]),
                                    summary: "draw again the block trees (splits and merges) of the last explained command",
                                    examples: ["explain tree", "explain tree --svg split.svg"]) { s, a throws(CommandError) in
                            let o = try PictureOptions.parse(a)
                            guard !s.lastBlockTrees.isEmpty else { throw .localized(Message(en: "no split or merge to draw yet: turn on 'explain on', then allocate or free pages (e.g. alloc_pages GFP_KERNEL 2)", ko: "아직 그릴 분할이나 병합이 없습니다: 'explain on'을 켠 뒤 페이지를 할당하거나 해제하세요 (예: alloc_pages GFP_KERNEL 2)")) }
                            return try o.output(BlockTreePicture.combined(s.lastBlockTrees, language: s.lessons.language), s, json: nil)
                        },
                    ],
                    summary: "narrate each operation's steps: zone picked, watermark numbers, splits, merges",
                    details: "explain tree draws again the block trees (splits and merges) of the last explained command; --svg FILE saves them.",
                    examples: ["explain on", "explain tree", "explain tree --svg split.svg"]),
    ]

    static func percent(_ part: UInt64, _ whole: UInt64) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = part * 1000 / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension String {
    func replacingPrefix(_ p: String) -> String { hasPrefix(p) ? String(dropFirst(p.count)) : self }
}

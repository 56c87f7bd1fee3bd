import KernelMM

/// `memmap [ZONE] [--around ADDR|$var] [--from PFN --to PFN] [--width N] [--ascii] [--svg FILE]`.
enum MemmapCommand {
    static let options: [PictureOptions.Option] = [.around, .from, .to, .width, .ascii, .svg]

    static func run(_ s: ShellSession, _ a: Arguments) throws(CommandError) -> CommandOutput {
        let o = try PictureOptions.parse(a)
        let k = s.kernel
        var zone: ZoneType?
        if o.arguments.has(0) {
            let t = try o.arguments.string(0)
            guard let z = ZoneType.named(t), k.zone(z)?.isPopulated == true else {
                throw .badArgument(argument: "ZONE", value: t, reason: "populated zones here: " + k.zones.filter(\.isPopulated).map(\.type.procName).joined(separator: ", "))
            }
            zone = z
        }
        if o.around != nil && (o.from != nil || o.to != nil) {
            throw .badArgument(argument: "--around", value: o.around ?? "", reason: "use either --around or --from/--to, not both")
        }
        let style = o.terminalStyle(s)
        // Cells per row: --width, else what fits the terminal beside the 8-column PFN label (a multiple of 16, so
        // one-page rows start at round PFNs).
        let fit = max(16, min(128, (style.columns - 12) / 16 * 16))
        let perRow = o.width ?? fit
        let selection: MemmapPicture.Selection
        if let around = o.around {
            let pfn = try target(around, o.arguments, k)
            let block = k.allocatedBlock(containing: pfn) ?? k.freeBlock(containing: pfn) ?? (pfn, 0)
            selection = .around(pfn: pfn, head: block.head, pages: 1 << block.order)
        } else if o.from != nil || o.to != nil {
            guard let f = o.from, let t = o.to else {
                throw .badArgument(argument: o.from == nil ? "--from" : "--to", value: "", reason: "give both: --from PFN --to PFN")
            }
            let lo = try pfnNumber(f, "--from", k), hi = try pfnNumber(t, "--to", k)
            guard lo <= hi else { throw .badArgument(argument: "--to", value: t, reason: "--to must not be below --from (\(Format.hex(lo)))") }
            selection = .range(from: lo, to: hi)
        } else {
            selection = .zones(zone)
        }
        let model = MemmapPicture.build(k, selection, cellsPerRow: perRow, rows: o.around != nil ? 8 : 4)
        let picture = model.picture(kernel: k, language: s.lessons.language)
        return try o.output(picture, s, json: json(model))
    }

    /// The frame an `--around` value names: a page variable, a direct-map / vmalloc / physical address, `pfn:N`.
    static func target(_ t: String, _ a: Arguments, _ k: Kernel) throws(CommandError) -> Int {
        if let v = try a.variable(t) {
            switch v {
            case .page(let p): return p.raw
            case .address(let addr): return try address(addr, t, k)
            case .int(let n) where n >= 0 && n < k.frames.count: return n
            default: throw .wrongValueType(argument: "--around", expected: "a struct page * or an address", got: v.typeName)
            }
        }
        if t.lowercased().hasPrefix("pfn:") { return try pfnNumber(String(t.dropFirst(4)), "--around", k) }
        guard let n = NumberParser.unsigned(t) else { throw .badNumber(t, what: "address (or pfn:N)") }
        return try address(n, t, k)
    }

    static func address(_ addr: UInt64, _ text: String, _ k: Kernel) throws(CommandError) -> Int {
        if let p = k.directMapPFN(addr) { return p }
        if let p = k.vmallocToPage(addr) { return p.raw }
        if let p = k.pfnOfStructPage(addr) { return p }
        let pfn = addr >> UInt64(k.arch.pageShift)
        if pfn < UInt64(k.frames.count), k.frames[Int(pfn)].state != .absent { return Int(pfn) }
        throw .badArgument(argument: "--around", value: text, reason: "not a direct-map, vmalloc, struct page or physical address of this machine; for a frame number write pfn:N")
    }

    static func pfnNumber(_ t: String, _ what: String, _ k: Kernel) throws(CommandError) -> Int {
        guard let n = NumberParser.unsigned(t) else { throw .badNumber(t, what: "PFN") }
        guard n < UInt64(k.frames.count) else {
            throw .badArgument(argument: what, value: t, reason: "this machine's frames are 0…\(Format.hex(k.frames.count - 1))")
        }
        return Int(n)
    }

    /// The model as data: per strip, the scale and the rows as ASCII letters (what --ascii draws).
    static func json(_ m: MemmapPicture) -> JSONValue {
        .object([("struct_pages", .int(m.structPages)), ("struct_page_size", .int(m.structPageSize)),
                 ("mem_map_bytes", .int(Int(m.memmapBytes))),
                 ("legend", .object(PictureMark.allCases.prefix(through: PictureMark.allCases.firstIndex(of: .hole) ?? 0).map { (String($0.glyph.ascii), .string(Message.pictureLegend($0).text(.en))) })),
                 ("zones", .array(m.strips.map { s in
                     var rows: [JSONValue] = []
                     var i = 0
                     while i < s.cells.count {
                         rows.append(.string(String(s.cells[i..<min(i + s.cellsPerRow, s.cells.count)].map { $0.mark.glyph.ascii })))
                         i += s.cellsPerRow
                     }
                     return .object([("zone", .string(s.heading)), ("start_pfn", .int(s.startPFN)), ("end_pfn", .int(s.endPFN)),
                                     ("pages_per_cell", .int(s.pagesPerCell)), ("rows", .array(rows))])
                 }))])
    }
}

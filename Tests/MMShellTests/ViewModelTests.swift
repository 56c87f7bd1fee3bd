@testable import KernelMM
@testable import MMShell
import Testing

/// Every view is one model: its text and its `--json` are two renderers of the same value, so the numbers and rows
/// of one must be those of the other. Small machines, booted once per architecture and copied.
@Suite struct ViewModelTests {
    static func boot(_ arch: Architecture, slab: SlabAllocatorKind = .slub) -> Shell? {
        var p = BootParams()
        p.arch = arch
        p.memory = 64 << 20
        p.cpus = 2
        p.slab = slab
        guard var sh = try? Shell(params: p) else { return nil }
        for line in ["p = alloc_pages GFP_KERNEL 3", "c = kmem_cache_create demo 100", "o = kmem_cache_alloc $c GFP_KERNEL",
                     "v = vmalloc 20000", "x = kmalloc 96 GFP_KERNEL", "q = alloc_percpu 8 8"] {
            _ = sh.execute(line)
        }
        return sh
    }

    static let x86 = boot(.x86_64)
    static let i386 = boot(.i386)
    static let sparc = boot(.sparc64)
    static let x86Slab = boot(.x86_64, slab: .slab)

    static func shell(_ arch: Architecture) throws -> Shell {
        let sh: Shell? = switch arch {
        case .x86_64: x86
        case .i386: i386
        default: sparc
        }
        return try #require(sh, "\(arch) boots")
    }

    /// A field of a JSON object.
    static func field(_ j: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let o)? = j else { return nil }
        return o.first { $0.0 == key }?.1
    }

    static func ints(_ j: JSONValue?) -> [Int]? {
        guard case .array(let a)? = j else { return nil }
        return a.compactMap { if case .int(let i) = $0 { i } else { nil } }
    }

    static func array(_ j: JSONValue?) -> [JSONValue] {
        if case .array(let a)? = j { a } else { [] }
    }

    static func int(_ j: JSONValue?) -> Int? { if case .int(let i)? = j { i } else { nil } }
    static func string(_ j: JSONValue?) -> String? { if case .string(let s)? = j { s } else { nil } }

    /// The numbers of a line, in order (hex and decimal words; "12.5K" is not a number).
    static func numbers(_ line: some StringProtocol) -> [Int] {
        line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "(" || $0 == ")" || $0 == "," }).compactMap { Int($0) }
    }

    /// The JSON a command prints under `--json`: its "data".
    static func json(_ sh: Shell, _ line: String) -> JSONValue? {
        var s = sh
        s.session.settings.json = true
        let out = s.execute(line).stdout
        return field(try? JSONParser.parse(out), "data")
    }

    /// Runs a view's command: its text must be the model's text and its `--json` data the model's JSON.
    static func run(_ sh: Shell, _ line: String, _ text: String, _ json: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> (String, JSONValue) {
        var s = sh
        let out = s.execute(line).stdout
        #expect(out == text, "\(line): text", sourceLocation: sourceLocation)
        let j = try #require(Self.json(sh, line), sourceLocation: sourceLocation)
        #expect(j == json, "\(line): JSON", sourceLocation: sourceLocation)
        return (out, j)
    }

    @Test(arguments: [SlabAllocatorKind.slub, .slab])
    func slabinfoTextAndJSONAreTheSameRows(_ kind: SlabAllocatorKind) throws {
        var sh = try #require(kind == .slub ? Self.x86 : Self.x86Slab)
        let m = SlabInfoModel(sh.session.kernel)
        let lines = m.slabinfoText.split(separator: "\n").dropFirst(2)
        let caches = Self.array(Self.field(m.slabinfoJSON, "caches"))
        #expect(lines.count == m.rows.count && caches.count == m.rows.count)
        for (line, c) in zip(lines, caches) {
            let name = try #require(Self.string(Self.field(c, "name")))
            #expect(line.hasPrefix(name + " "), "\(line)")
            let keys = ["active_objs", "num_objs", "objsize", "objperslab", "pagesperslab", "limit", "batchcount", "sharedfactor",
                        "active_slabs", "num_slabs", "sharedavail"]
            #expect(Self.numbers(line.dropFirst(max(17, name.count))) == keys.compactMap { Self.int(Self.field(c, $0)) }, "\(line)")
        }
        #expect(m.row("demo")?.activeObjs ?? 0 >= 1)
        #expect(sh.execute("cat /proc/slabinfo").stdout == m.slabinfoText)
        #expect(Self.json(sh, "cat /proc/slabinfo").map { Self.field($0, "data") } == m.slabinfoJSON)
    }

    @Test func slabtopTextAndJSONAgree() throws {
        var sh = try #require(Self.x86)
        let m = SlabInfoModel(sh.session.kernel)
        let text = sh.execute("slabtop").stdout
        #expect(text == m.slabtopText)
        let j = m.slabtopJSON
        let head = text.split(separator: "\n")
        #expect(Self.numbers(head[0]).prefix(2) == [Self.int(Self.field(j, "active_objs")), Self.int(Self.field(j, "num_objs"))].compactMap { $0 }[...])
        #expect(Self.numbers(head[1]).prefix(2) == [Self.int(Self.field(j, "active_slabs")), Self.int(Self.field(j, "num_slabs"))].compactMap { $0 }[...])
        let rows = Self.array(Self.field(j, "rows"))
        let table = head.drop { !$0.hasPrefix("  OBJS") }.dropFirst()
        #expect(table.count == rows.count && !rows.isEmpty)
        for (line, r) in zip(table, rows) {
            #expect(line.hasSuffix(" " + (Self.string(Self.field(r, "name")) ?? "?")), "\(line)")
            #expect(Self.numbers(line).prefix(2) == [Self.int(Self.field(r, "objs")), Self.int(Self.field(r, "active"))].compactMap { $0 }[...], "\(line)")
        }
        #expect(Self.json(sh, "slabtop") == j)
    }

    @Test(arguments: [Architecture.x86_64, .i386])
    func vmallocinfoTextAndJSONAgree(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        let m = VmallocInfoModel(sh.session.kernel)
        let lines = m.text.split(separator: "\n")
        let areas = Self.array(Self.field(m.json, "areas"))
        #expect(lines.count == m.areas.count + m.unpurged.count && areas.count == m.areas.count && !areas.isEmpty)
        for (line, a) in zip(lines, areas) {
            let start = try #require(Self.string(Self.field(a, "start")))
            #expect(line.hasPrefix("0x" + Format.hex(UInt64(start.dropFirst(2), radix: 16) ?? 0, digits: arch == .i386 ? 8 : 16) + "-"), "\(line)")
            #expect(line.contains(" " + (Self.string(Self.field(a, "caller")) ?? "?")), "\(line)")
            let pages = Self.int(Self.field(a, "pages")) ?? -1
            #expect(line.contains(" pages=\(pages) ") == (pages > 0), "\(line)")
            for f in Self.array(Self.field(a, "flags")) { #expect(line.contains(" " + (Self.string(f) ?? "?")), "\(line)") }
            #expect(line.contains(" N0=") == (Self.field(a, "N0") != nil), "\(line)")
        }
        #expect(sh.execute("cat /proc/vmallocinfo").stdout == m.text)
    }

    @Test(arguments: [Architecture.x86_64, .sparc64])
    func vmareaTextAndJSONAgree(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        guard case .address(let v)? = sh.session.variables["v"] else { Issue.record("no vmalloc"); return }
        let m = try #require(VmAreaModel(containing: v, sh.session.kernel))
        let out = sh.execute("vmarea $v")
        #expect(out.stdout == m.text)
        let pfns = try #require(Self.ints(Self.field(m.json, "pfns")))
        #expect(pfns.count == m.pages.count && pfns.allSatisfy { $0 >= 0 })
        for pfn in pfns { #expect(out.stdout.contains(" → " + Format.hex(pfn) + " "), "pfn \(pfn)") }
        #expect(Self.json(sh, "vmarea $v") == m.json)
        let r = VmallocRangeModel(sh.session.kernel)
        let text = sh.execute("vmarea").stdout
        #expect(text == r.text)
        let listed = text.split(separator: "\n").filter { $0.hasPrefix("  0x") }
        #expect(listed.count == Self.array(Self.field(r.json, "areas")).count)
        #expect(text.contains("\(r.areas.count) areas"))
    }

    @Test(arguments: [SlabAllocatorKind.slub, .slab])
    func slabCacheTextAndJSONAreTheSameSlabs(_ kind: SlabAllocatorKind) throws {
        let sh = try #require(kind == .slub ? Self.x86 : Self.x86Slab)
        let m = try #require(SlabCacheModel("demo", sh.session.kernel))
        let (text, j) = try Self.run(sh, "slab demo", m.text, m.json)
        let slabs = Self.array(Self.field(j, "slabs"))
        let rows = text.split(separator: "\n").drop { !$0.hasPrefix("  SLAB ADDRESS") }.dropFirst()
        #expect(rows.count == slabs.count && !slabs.isEmpty)
        for (line, sl) in zip(rows, slabs) {
            #expect(line.contains(Self.string(Self.field(sl, "address")) ?? "?"), "\(line)")
            #expect(line.hasSuffix("  " + (Self.string(Self.field(sl, "state")) ?? "?")), "\(line)")
            #expect(line.contains(" \(Self.int(Self.field(sl, "inuse")) ?? -1)/\(Self.int(Self.field(sl, "objects")) ?? -1) "), "\(line)")
        }
        #expect(text.contains("\(Self.int(Self.field(j, "num_slabs")) ?? -1) slab"))
        #expect(text.contains("\(Self.int(Self.field(j, "live_objects")) ?? -1) object"))
        #expect(text.contains("\(Self.int(Self.field(j, "left_over")) ?? -1) bytes left over"))
    }

    /// The gfp view's rows and JSON come from one model, in either language; the quiz's explanation is the model's rows
    /// in the learner's language.
    @Test(arguments: [Architecture.x86_64, .i386])
    func gfpTextAndJSONAgree(_ arch: Architecture) throws {
        let sh = try Self.shell(arch)
        for mask in ["GFP_KERNEL", "GFP_ATOMIC|__GFP_ZERO", "GFP_HIGHUSER_MOVABLE", "GFP_NOWAIT|__GFP_NORETRY"] {
            let g = try GFPParser.parse(mask)
            let m = GFPModel(g, typed: mask, kernel: sh.session.kernel)
            let (text, j) = try Self.run(sh, "gfp " + mask, m.text(.en), m.json)
            #expect(text.hasPrefix(mask + " = " + (Self.string(Self.field(j, "value")) ?? "?")))
            for case .string(let bit) in Self.array(Self.field(j, "bits")) where bit.hasPrefix("__GFP_") { #expect(text.contains(" " + bit), "\(mask): \(bit)") }
            let zones = Self.array(Self.field(j, "zonelist")).compactMap { Self.string($0) }
            #expect(text.contains(zones.joined(separator: " → ")), "\(mask)")
            #expect(text.contains(Self.field(j, "may_sleep") == .bool(true) ? "yes (__GFP_DIRECT_RECLAIM)" : "no: safe"), "\(mask)")
            #expect(m.lines(.ko).count == m.lines(.en).count)
            let why = try #require(QuizMaker.gfpWhy(mask, field: "may_sleep", kernel: sh.session.kernel))
            #expect(why.ko.contains(try #require(m.row(.maySleep, .ko))))
            #expect(why.en.contains(try #require(m.row(.maySleep, .en))))
        }
    }

    @Test(arguments: [Architecture.x86_64, .i386])
    func zonesTextAndJSONAgree(_ arch: Architecture) throws {
        let sh = try Self.shell(arch)
        let m = ZonesModel(sh.session.kernel)
        let (text, j) = try Self.run(sh, "zones", m.text(.en), m.json)
        let rows = text.split(separator: "\n").dropFirst(2)
        let zones = Self.array(Self.field(j, "zones"))
        #expect(rows.count == zones.count && zones.count == sh.session.kernel.zones.count)
        for (line, z) in zip(rows, zones) {
            let name = try #require(Self.string(Self.field(z, "zone")))
            #expect(line.hasPrefix(name + " "), "\(line)")
            // managed, free, pcp, min, low, high, then the protection list.
            let want = ["managed", "free", "pcp", "min", "low", "high"].compactMap { Self.int(Self.field(z, $0)) } + (Self.ints(Self.field(z, "protection")) ?? [])
            #expect(Array(Self.numbers(line).suffix(want.count)) == want, "\(line)")
        }
    }

    @Test(arguments: [Architecture.x86_64, .sparc64])
    func buddyTextAndJSONAgree(_ arch: Architecture) throws {
        let sh = try Self.shell(arch)
        let k = sh.session.kernel
        for z in k.zones where z.isPopulated {
            let m = FreeAreaModel(z, kernel: k)
            let (text, j) = try Self.run(sh, "buddy \(z.type.procName)", m.text(.en), m.json)
            let rows = text.split(separator: "\n").dropFirst(2)
            let orders = Self.array(Self.field(j, "orders"))
            #expect(rows.count == orders.count && orders.count == k.maxOrder + 1)
            for (line, o) in zip(rows, orders) {
                let nums = Self.numbers(line)
                #expect(nums.first == Self.int(Self.field(o, "order")), "\(line)")
                #expect(nums.contains(Self.int(Self.field(o, "nr_free")) ?? -1), "\(line)")
                for case .int(let pfn) in Self.array(Self.field(o, "first_blocks")) { #expect(line.contains(Format.hex(pfn)), "\(line)") }
            }
            #expect(text.hasPrefix("zone \(z.type.procName): \(Self.int(Self.field(j, "free_pages")) ?? -1) free pages"))
        }
    }

    /// `page` on an allocated, a free, a tail and a reserved frame: the text's facts are the JSON's.
    @Test(arguments: [Architecture.x86_64, .i386])
    func pageTextAndJSONAgree(_ arch: Architecture) throws {
        let sh = try Self.shell(arch)
        let k = sh.session.kernel
        guard case .page(let p)? = sh.session.variables["p"] else { Issue.record("no page"); return }
        let free = try #require((0..<k.frames.count).first { k.frames[$0].state == .buddy })
        let reserved = try #require((0..<k.frames.count).first { k.frames[$0].state == .reserved })
        for pfn in [p.raw, p.raw + 1, free, reserved] {
            let m = PageModel(pfn, kernel: k)
            let (text, j) = try Self.run(sh, "page pfn:\(Format.hex(pfn))", m.text, m.json)
            #expect(text.contains("pfn \(Self.string(Self.field(j, "pfn")) ?? "?")  phys \(Self.string(Self.field(j, "phys")) ?? "?")"), "pfn \(pfn)")
            if let z = Self.string(Self.field(j, "zone")) { #expect(text.contains("  zone \(z)  "), "pfn \(pfn)") }
            if let owner = Self.string(Self.field(j, "owner")) { #expect(text.contains(", held by \(owner)"), "pfn \(pfn)") }
            if let mt = Self.string(Self.field(j, "migratetype")) { #expect(text.contains("migratetype \(mt);"), "pfn \(pfn)") }
            #expect(text.contains("state: " + m.block.summary))
        }
        #expect(PageModel(p.raw + 1, kernel: k).block == .inAllocated(index: 1, order: 3, head: p.raw, zone: k.zoneIndex(ofPFN: p.raw).map { k.zones[$0].type.procName }))
    }

    @Test(arguments: [Architecture.x86_64, .i386])
    func cpusTextAndJSONAgree(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        _ = sh.execute("spin_lock demo_lock")
        let m = CPUsModel(sh.session.kernel)
        let (text, j) = try Self.run(sh, "cpus", m.text, m.json)
        let rows = text.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") && !$0.hasPrefix("        ") }
        let cpus = Self.array(j)
        #expect(rows.count == cpus.count && cpus.count == 2)
        for (line, c) in zip(rows, cpus) {
            let nums = Self.numbers(line)
            #expect(nums.first == Self.int(Self.field(c, "cpu")), "\(line)")
            #expect(line.contains(String(Self.int(Self.field(c, "preempt_count")) ?? -1, radix: 16)), "\(line)")
            #expect(line.contains(Self.field(c, "irqs_disabled") == .bool(true) ? " disabled " : " enabled "), "\(line)")
            #expect(line.hasPrefix(Self.field(c, "current") == .bool(true) ? "  *" : "   "), "\(line)")
        }
        let locks = cpus.flatMap { Self.array(Self.field($0, "locks")) }
        #expect(locks == [.string("demo_lock")], "spin_lock took it on the shell's CPU")
        #expect(text.contains("holding: demo_lock ("))
    }

    @Test(arguments: [Architecture.x86_64, .i386])
    func tasksTextAndJSONAgree(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        _ = sh.execute("task create worker")
        let m = TasksModel(sh.session.kernel)
        let (text, j) = try Self.run(sh, "task list", m.text, m.json)
        let tasks = Self.array(Self.field(j, "tasks"))
        let rows = text.split(separator: "\n").dropFirst().prefix(tasks.count)
        #expect(tasks.count == m.tasks.count && tasks.count >= 3)
        for (line, t) in zip(rows, tasks) {
            #expect(Self.numbers(line).first == Self.int(Self.field(t, "pid")), "\(line)")
            #expect(line.contains(" " + (Self.string(Self.field(t, "comm")) ?? "?") + " "), "\(line)")
            for case .int(let pfn) in Self.array(Self.field(Self.field(t, "stack"), "pfns")) where Self.field(Self.field(t, "stack"), "vmapped") == .bool(true) {
                #expect(line.contains(Format.hex(pfn)), "\(line)")
            }
            if let st = Self.field(t, "stack"), st != .null { #expect(line.contains(Self.string(Self.field(st, "base")) ?? "?"), "\(line)") }
        }
        #expect(text.contains("THREAD_SIZE \(Self.int(Self.field(j, "thread_size")) ?? -1) "))
        #expect(text.contains("KernelStack: \(Self.int(Self.field(j, "kernel_stack_kb")) ?? -1) kB"))
    }

    @Test(arguments: [Architecture.x86_64, .sparc64])
    func percpuTextAndJSONAgree(_ arch: Architecture) throws {
        let sh = try Self.shell(arch)
        let m = PercpuModel(sh.session.kernel)
        let (text, j) = try Self.run(sh, "percpu", m.text, m.json)
        #expect(text.hasPrefix("percpu: Embedded \((Self.int(Self.field(j, "first_chunk_size")) ?? 0) / sh.session.kernel.pageSize) pages/cpu s\(Self.int(Self.field(j, "static")) ?? -1) r\(Self.int(Self.field(j, "reserved")) ?? -1) d\(Self.int(Self.field(j, "dynamic")) ?? -1) u\(Self.int(Self.field(j, "unit_size")) ?? -1)\n"))
        let chunks = Self.array(Self.field(j, "chunks"))
        #expect(chunks.count == m.chunks.count)
        var allocations = 0
        for c in chunks {
            for case .string(let unit) in Self.array(Self.field(c, "units")) { #expect(text.contains(" at \(unit)\n")) }
            let allocs = Self.array(Self.field(c, "allocations"))
            allocations += allocs.count
            #expect(text.contains("  \(allocs.count) allocation"))
        }
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("    offset ") }.count == allocations && allocations > 0)
        for v in Self.array(Self.field(j, "variables")) { #expect(text.contains(" \(Self.string(Self.field(v, "name")) ?? "?") @ offset \(Self.int(Self.field(v, "offset")) ?? -1): ")) }
    }

    /// `kmem` on an address it has nothing for says which kind of nothing: a hole in the direct map, past its end, or
    /// no address kmemsim models.
    @Test(arguments: [Architecture.x86_64, .i386, .sparc64])
    func kmemSaysWhyItFindsNothing(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        let k = sh.session.kernel
        if let hole = (0..<k.directMapEndPFN).first(where: { k.frames[$0].state == .absent }) {
            let out = sh.execute("kmem " + Format.hex(k.arch.pageOffset + k.physAddr(hole)))
            #expect(!out.succeeded)
            #expect(out.stderr.contains("the direct map's address of pfn \(Format.hex(hole)), which is not RAM"), "\(out.stderr)")
        }
        let past = k.arch.pageOffset + k.physAddr(k.directMapEndPFN) + 0x1000
        if past < k.vmallocRange.start || k.vmallocRange.start < k.arch.pageOffset {
            let out = sh.execute("kmem " + Format.hex(past))
            #expect(out.stderr.contains("past the end of the direct map, which ends at \(Format.hex(k.arch.pageOffset + k.physAddr(k.directMapEndPFN)))"), "\(out.stderr)")
        }
        // Physical address 0x10 is in page 0: RAM on sparc64, a hole on x86.
        if arch != .sparc64 { #expect(sh.execute("kmem 0x10").stderr.contains("kmemsim knows nothing at this address")) }
    }

    /// `kmem` on a slab object, a vmalloc address, a per-CPU pointer, a page and a reserved physical address.
    @Test(arguments: [Architecture.x86_64, .i386])
    func kmemTextAndJSONAgree(_ arch: Architecture) throws {
        var sh = try Self.shell(arch)
        let k = sh.session.kernel
        let reserved = try #require((0..<k.frames.count).first { k.frames[$0].state == .reserved })
        var kinds: [String] = []
        for arg in ["$o", "$v", "$q", "$p", Format.hex(k.physAddr(reserved))] {
            let out = sh.execute("kmem " + arg)
            #expect(out.succeeded, "kmem \(arg)")
            let addr: UInt64
            switch sh.session.variables[String(arg.dropFirst())] {
            case .address(let a)?: addr = a
            case .page(let p)?: addr = k.structPageAddress(p.raw)
            default: addr = k.physAddr(reserved)
            }
            let m = try #require(KmemModel(addr, k), "kmem \(arg)")
            let (text, j) = try Self.run(sh, "kmem " + arg, m.text(.en), m.json)
            let kind = try #require(Self.string(Self.field(j, "kind")))
            kinds.append(kind)
            if let f = Self.field(j, "frame"), f != .null {
                #expect(text.contains("pfn \(Format.hex(Self.int(Self.field(f, "pfn")) ?? -1)): " + (Self.string(Self.field(f, "block")) ?? "?")), "kmem \(arg)")
            }
            if kind == "slab_object" {
                #expect(text.hasPrefix("CACHE \(Self.string(Self.field(j, "cache")) ?? "?")  "))
                #expect(text.contains("OBJECT \(Self.int(Self.field(j, "index")) ?? -1) at \(Self.string(Self.field(j, "object")) ?? "?") [allocated]"))
            }
            if kind == "percpu" { #expect(text.contains("chunk \(Self.int(Self.field(j, "chunk")) ?? -1), unit \(Self.int(Self.field(j, "unit")) ?? -1) ")) }
            if let owner = Self.string(Self.field(j, "owner")) { #expect(text.contains(", held by \(owner)")) }
            if let mb = Self.field(j, "memblock"), mb != .null { #expect(text.contains("memblock: \(Self.string(Self.field(mb, "name")) ?? "?") [")) }
        }
        // i386 has no vmemmap: mem_map is in the direct map, so a struct page's address is a direct-map one.
        #expect(kinds == ["slab_object", "vmalloc", "percpu", arch == .i386 ? "direct_map" : "struct_page", "physical"])
        let ko = try #require(KmemModel(k.physAddr(reserved), k)).text(.ko)
        #expect(ko.contains("memblock: ") && ko != KmemModel(k.physAddr(reserved), k)?.text(.en), "the memblock region is named in Korean")
    }

    /// `help`, `help FAMILY`, `help CMD` and `help gfp` are pages of one model, in English and Korean: each family and
    /// command the JSON lists is in the text with its words in that language.
    @Test(arguments: [Language.en, .ko])
    func helpTextAndJSONAgree(_ lang: Language) throws {
        var sh = try Self.shell(.x86_64)
        sh.session.language = lang
        let table = CommandTable.standard
        for topic in [nil, "pages", "all", "alloc_pages", "task", "gfp"] as [String?] {
            let m = try #require(HelpModel(topic: topic, table: table))
            let line = "help" + (topic.map { " " + $0 } ?? "")
            let (text, j) = try Self.run(sh, line, m.text(style: sh.session.style, lang: lang, width: 80), m.json(lang))
            for f in Self.array(Self.field(j, "families")) {
                #expect(text.contains(Self.string(Self.field(f, "title")) ?? "?"), "\(line)")
                let commands = Self.array(Self.field(f, "commands"))
                #expect(!commands.isEmpty)
                #expect(text.contains(Self.string(Self.field(commands.first, "name")) ?? "?"), "\(line)")
                if topic != nil {
                    for c in commands { #expect(text.contains(Self.string(Self.field(c, "usage")) ?? "?"), "\(line)") }
                }
            }
            if let c = Self.field(j, "command"), c != .null {
                #expect(text.contains(Self.string(Self.field(c, "usage")) ?? "?"), "\(line)")
                #expect(text.contains(Self.string(Self.field(c, "summary")) ?? "?"), "\(line)")
                for e in Self.array(Self.field(c, "examples")) { #expect(text.contains(Self.string(e) ?? "?"), "\(line)") }
                for sub in Self.array(Self.field(c, "subcommands")) { #expect(text.contains(Self.string(Self.field(sub, "summary")) ?? "?"), "\(line)") }
            }
        }
        #expect(HelpModel(topic: "no_such_topic", table: table) == nil)
        #expect(!sh.execute("help no_such_topic").succeeded)
    }

    @Test(arguments: [Architecture.x86_64, .i386])
    func memblockTextAndJSONAgree(_ arch: Architecture) throws {
        let sh = try Self.shell(arch)
        let m = MemblockModel(sh.session.kernel)
        let (text, j) = try Self.run(sh, "memblock", m.text(.en), m.json)
        let reserved = Self.array(Self.field(j, "reserved"))
        let rows = text.split(separator: "\n").drop { $0 != "reserved:" }.dropFirst()
        #expect(rows.count == reserved.count && !reserved.isEmpty)
        for (line, r) in zip(rows, reserved) {
            let start = UInt64((Self.string(Self.field(r, "start")) ?? "").dropFirst(2), radix: 16) ?? 0
            #expect(line.hasPrefix("  [mem " + Format.hex(start, digits: 16) + "-"), "\(line)")
            #expect(line.contains("  " + (Self.string(Self.field(r, "name")) ?? "?")), "\(line)")
            #expect(line.hasSuffix(ConfigStrings.freedAfterBoot.en) == (Self.field(r, "freed_after_boot") == .bool(true)), "\(line)")
        }
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("  [mem ") }.count == reserved.count + Self.array(Self.field(j, "ram")).count)
    }

    /// Every view command answers `--json` with data (its model), not with its text.
    @Test func everyViewHasJSONData() throws {
        let sh = try #require(Self.x86)
        for line in ["zones", "buddy DMA32", "page $p", "kmem $o", "slab demo", "slabtop", "vmarea", "vmarea $v", "percpu",
                     "task list", "cpus", "gfp GFP_KERNEL", "help", "help alloc_pages", "memblock", "config SLUB"]
            + ProcFiles.names.map({ "cat " + $0 }) {
            var s = sh
            s.session.settings.json = true
            let r = s.execute(line)
            let out = r.stdout
            #expect(r.succeeded, "\(line): \(r.stderr)")
            let j = try JSONParser.parse(out)
            let data = try #require(Self.field(j, "data"), "\(line): \(out.prefix(200))")
            #expect(Self.field(j, "text") == nil, "\(line)")
            if line.hasPrefix("cat ") { #expect(Self.field(data, "data") != nil && Self.field(data, "text") == nil, "\(line) carries its numbers") }
        }
    }

    /// Queries and the lesson layer get facts from the kernel or a model, never by reading a command's printed text:
    /// no line in Query/ or Lessons/ both takes a run's `stdout` and searches or splits it.
    @Test func noQueryOrLessonParsesPrintedText() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        let root = (parts + ["Sources", "MMShell"]).joined(separator: "/")
        let fs = HostFileSystem()
        var scanned = 0
        for dir in ["Query", "Lessons"] {
            let names = try #require(fs.list(root + "/" + dir), "\(dir) is listed")
            for name in names.sorted() where name.hasSuffix(".swift") {
                let text = try FileOutput.readText(root + "/" + dir + "/" + name)
                scanned += 1
                for (n, line) in text.split(separator: "\n").enumerated() where line.contains(".stdout") {
                    let parses = [".split(", ".contains(", ".hasPrefix(", ".hasSuffix(", ".firstIndex(", ".range(of", ".components("].contains { line.contains($0) }
                    #expect(!parses, "\(dir)/\(name):\(n + 1) reads printed text: \(line)")
                }
            }
        }
        #expect(scanned > 10)
    }
}

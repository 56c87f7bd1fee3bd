import Testing
@testable import MMShell
@testable import KernelMM
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PictureTests {
    /// Each picture command, drawn at a small size, ASCII and Unicode, against its golden file.
    static let pictures: [(String, String)] = [
        ("memmap", "memmap"),
        ("memmap-dma-width32", "memmap DMA --width 32"),
        ("memmap-around", "memmap --around $p --width 32"),
        ("memmap-range", "memmap --from 0x0 --to 0xff --width 32"),
        ("buddy", "buddy DMA32 --picture"),
        ("slab", "slab my_cache --picture"),
        ("vmarea", "vmarea $v --picture"),
        ("percpu", "percpu --picture"),
        ("stacks", "task stacks --picture"),
        ("stack-pid", "stack 2000 --picture"),
        ("preempt-count", "preempt_count --picture"),
        ("vmmap", "vmmap"),
    ]

    @Test(arguments: pictures.map(\.0))
    func golden(_ name: String) throws {
        let line = try #require(Self.pictures.first { $0.0 == name }?.1)
        for unicode in [false, true] {
            var s = try PictureMachines.shell(unicode: unicode)
            let r = s.execute(line)
            #expect(r.succeeded, "\(line): \(r.stderr)")
            try Golden.check(name + (unicode ? ".unicode" : ".ascii") + ".txt", r.stdout)
        }
    }

    @Test func asciiOptionWinsOverUnicode() throws {
        var s = try PictureMachines.shell(unicode: true)
        let plain = s.execute("memmap DMA --ascii").stdout
        #expect(plain.unicodeScalars.allSatisfy { $0.isASCII || $0 == "…" || $0 == "×" })
        let fancy = s.execute("memmap DMA").stdout
        #expect(fancy.contains("▪"))
    }

    @Test func splitAndMergeDrawTheirTree() throws {
        var p = BootParams()
        p.memory = 64 << 20
        p.pcpLists = false
        var s = try Shell(params: p)
        _ = s.execute("explain on")
        let a = s.execute("q = alloc_pages GFP_KERNEL 5").stdout
        #expect(a.contains("expand(): splitting the order-"))
        #expect(a.contains("keep 0x"))
        let f = s.execute("__free_pages $q 5").stdout
        #expect(f.contains("__free_one_page(): merging up to the order-"))
        try Golden.check("split-merge.ascii.txt", a + f)
    }

    @Test func explainTreeRedrawsAndExportsTheLastSplit() throws {
        var p = BootParams()
        p.memory = 64 << 20
        p.pcpLists = false
        var s = try Shell(params: p)
        let none = s.execute("explain tree")
        #expect(!none.succeeded && none.stderr.contains("explain on"))
        _ = s.execute("explain on")
        let a = s.execute("q = alloc_pages GFP_KERNEL 5").stdout
        let tree = s.execute("explain tree --ascii")
        #expect(tree.succeeded)
        // The same rows as the picture drawn under the command.
        let rows = a.split(separator: "\n").filter { $0.hasPrefix("  order ") }
        #expect(!rows.isEmpty && rows.allSatisfy { tree.stdout.contains($0) })
        let dir = "/tmp/kmemsim-tree-\(getpid())"
        try FileOutput.makeDirectory(dir)
        let r = s.execute("explain tree --svg \(dir)/split.svg")
        #expect(r.succeeded, "\(r.stderr)")
        let svg = try #require(FileOutput.read("\(dir)/split.svg"))
        #expect(SVGCheck.problems(svg).isEmpty, "\(SVGCheck.problems(svg))")
        #expect(svg.contains("expand(): splitting the order-"))
        unlink("\(dir)/split.svg")
        rmdir(dir)
        #expect(!s.execute("explain on --svg x.svg").succeeded)
        #expect(!s.execute("explain tree extra").succeeded)
    }

    @Test func pageTablesAreTheirOwnKindOnTheMap() throws {
        var p = BootParams()
        p.memory = 256 << 20
        var s = try Shell(params: p)
        _ = s.execute("v = vmalloc 4M")
        let k = s.session.kernel
        let tables = k.vmalloc.pageTables.tables
        #expect(!tables.isEmpty)
        let marks = MemmapPicture.frameMarks(k)
        let index = try #require(MemmapPicture.markIndex[.pageTable])
        #expect(marks.filter { Int($0) == index }.count == tables.count)
        let t = tables[tables.count - 1]
        let r = s.execute("memmap --from \(Format.hex(Int(t.pfn))) --to \(Format.hex(Int(t.pfn) + 15)) --ascii")
        #expect(r.succeeded && r.stdout.contains("t page table"), "\(r.stdout)")
        #expect(s.execute("vmarea $v").stdout.contains("PTE pfn"))
        let page = s.execute("page \(Format.hex(Int(t.pfn)))").stdout
        #expect(page.contains("held by the kernel page tables") && page.contains("table of init_mm"))
        // Freeing it from the prompt is refused and changes nothing.
        let before = s.session.kernel
        #expect(!s.execute("__free_pages \(Format.hex(Int(t.pfn))) 0").succeeded)
        #expect(s.session.kernel.frames == before.frames)
    }

    @Test func memmapCellsAddUpToTheFrames() throws {
        let s = try PictureMachines.shell()
        let k = s.session.kernel
        let m = MemmapPicture.build(k, .zones(nil), cellsPerRow: 32)
        let marks = MemmapPicture.frameMarks(k)
        for strip in m.strips {
            let pages = strip.cells.reduce(0) { $0 + $1.pages }
            #expect(pages == strip.endPFN - strip.startPFN)
            #expect(strip.cells.allSatisfy { $0.counts.reduce(0, +) == $0.pages })
            // Free pages drawn = the free pages of the buddy lists in that span.
            let freeIdx = PictureMark.allCases.indices.filter { PictureMark.allCases[$0].freeOrder != nil }
            let drawnFree = strip.cells.reduce(0) { acc, c in acc + freeIdx.reduce(0) { $0 + c.counts[$1] } }
            let zone = try #require(k.zones.first { $0.type.procName == strip.zone })
            #expect(drawnFree == k.nrFreePages(zone: zone.index))
            // Per order, too.
            for o in 0...k.maxOrder {
                let idx = try #require(PictureMark.allCases.firstIndex(of: .free(order: o)))
                let drawn = strip.cells.reduce(0) { $0 + $1.counts[idx] }
                #expect(drawn == k.freeLists.nrFree(zone: zone.index, order: o) << o, "order \(o)")
            }
        }
        #expect(marks.count == k.frames.count)
    }

    @Test func zoomMarksExactlyTheBlock() throws {
        let s = try PictureMachines.shell()
        guard case .page(let p)? = s.session.variables["p"] else { Issue.record("no $p"); return }
        let m = MemmapPicture.build(s.session.kernel, .around(pfn: p.raw, head: p.raw, pages: 8), cellsPerRow: 16, rows: 8)
        let lit = m.strips.flatMap(\.cells).filter(\.highlight)
        #expect(lit.map(\.firstPFN) == Array(p.raw..<(p.raw + 8)))
        #expect(lit.allSatisfy { $0.mark == .pageAlloc && $0.pages == 1 })
    }

    @Test func memmapScalesFrom64MiBTo8GiB() throws {
        for (mem, cpus) in [(UInt64(64) << 20, 1), (UInt64(8) << 30, 1)] {
            var p = BootParams()
            p.memory = mem
            p.cpus = cpus
            var s = try Shell(params: p)
            let r = s.execute("memmap")
            #expect(r.succeeded)
            #expect(r.stdout.contains("one cell = "))
            #expect(r.stdout.split(separator: "\n").allSatisfy { TerminalText.width(String($0)) <= 80 }, "\(mem)")
        }
    }

    @Test func buddyCellsAddUpToTheFreeLists() throws {
        let s = try PictureMachines.shell()
        let k = s.session.kernel
        for z in k.zones where z.isPopulated {
            let b = BuddyPicture.build(z, kernel: k)
            #expect(b.pagesByOrder.reduce(0, +) == k.nrFreePages(zone: z.index))
            #expect(b.barMarks.count == (k.nrFreePages(zone: z.index) > 0 ? BuddyPicture.barCells : 0))
            let picture = b.picture(language: .en)
            for o in b.orders {
                let block = try #require(picture.blocks.first { $0.heading.hasPrefix("order \(o.order) ") })
                let cells = block.rows.reduce(0) { $0 + $1.cells.count }
                let drawnOrHidden = cells + o.lists.reduce(0) { $0 + $1.count - $1.firstPFNs.count }
                #expect(drawnOrHidden == o.nrFree)
                #expect(block.rows.allSatisfy { $0.cells.allSatisfy { $0.mark == .free(order: o.order) } })
            }
        }
    }

    @Test func svgIsStandaloneXML() throws {
        var s = try PictureMachines.shell()
        let dir = "/tmp/kmemsim-svg-\(getpid())"
        try FileOutput.makeDirectory(dir)
        for (name, line) in Self.pictures {
            let path = "\(dir)/\(name).svg"
            let r = s.execute(line + " --svg " + path)
            #expect(r.succeeded, "\(line): \(r.stderr)")
            let svg = try #require(FileOutput.read(path))
            #expect(SVGCheck.problems(svg).isEmpty, "\(name): \(SVGCheck.problems(svg))")
            unlink(path)
        }
        rmdir(dir)
    }

    @Test func legendLettersAreDistinct() throws {
        let s = try PictureMachines.shell()
        let k = s.session.kernel
        var pictures = [MemmapPicture.build(k, .zones(nil), cellsPerRow: 32).picture(kernel: k, language: .en)]
        pictures += k.zones.filter(\.isPopulated).map { BuddyPicture.build($0, kernel: k).picture(language: .en) }
        for p in pictures {
            let used = p.marksUsed
            #expect(Set(used.map(\.glyph.ascii)).count == used.count, "\(p.title)")
            #expect(Set(used.map(\.glyph.unicode)).count == used.count, "\(p.title)")
        }
    }

    @Test func koreanLegendAlignsByDisplayWidth() throws {
        var s = try PictureMachines.shell()
        s.session.lessons.language = .ko
        let r = s.execute("memmap DMA")
        #expect(r.stdout.contains("범례"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { TerminalText.width(String($0)) <= 80 })
        #expect(TerminalText.width("빈 페이지") == 9)
    }

    @Test func slabCellsAreTheObjects() throws {
        let s = try PictureMachines.shell()
        let k = s.session.kernel
        for c in k.slab.caches where c.numSlabs > 0 {
            let m = try #require(SlabPicture.build(c.name, kernel: k))
            let drawn = m.lists.flatMap(\.slabs)
            #expect(drawn.count + m.lists.reduce(0) { $0 + $1.hidden } == c.numSlabs, "\(c.name)")
            for row in drawn {
                let slab = try #require(c.slabs[row.pfn])
                #expect(row.objects.count == slab.objects.count)
                #expect(row.objects.filter { $0 == .objAllocated }.count == slab.objects.filter { $0 == .allocated }.count, "\(c.name)")
            }
            // One object slot's byte runs add up to the stride.
            #expect(m.objectLayout.reduce(0) { $0 + $1.1 } == c.size)
        }
    }

    @Test func vmareaDrawsEveryBackingFrame() throws {
        let s = try PictureMachines.shell()
        let k = s.session.kernel
        guard case .address(let v)? = s.session.variables["v"], let i = k.vmalloc.index(containing: v) else { Issue.record("no $v"); return }
        let a = k.vmalloc.areas[i]
        let m = try #require(VmallocPicture.build(v, kernel: k))
        #expect(m.frames.count == a.pages.count)
        let p = m.picture(language: .en)
        let virt = try #require(p.blocks.first?.rows.first)
        #expect(virt.cells.filter { $0.mark == .mapped }.count == a.pages.count)
        #expect(virt.cells.last?.mark == .guardPage)
        // With one page per cell every backing frame has its own mapped cell.
        if m.pagesPerCell == 1 { #expect(m.physMarks.filter { $0 == .mapped }.count == Set(a.pages).count) }
    }

    @Test func vmmapPlacesTheLearnersAddresses() throws {
        let s = try PictureMachines.shell()
        let m = VmmapPicture.build(s.session.kernel, variables: s.session.variables)
        #expect(m.regions.first { $0.mark == .vmallocRange }?.mine.contains("$v") == true)
        #expect(m.regions.first { $0.mark == .vmemmap }?.mine.contains("$p (struct page)") == true)
        #expect(m.regions.first { $0.mark == .directMap }?.mine.contains("$x") == true)
        // Regions are in address order and do not overlap.
        for (a, b) in zip(m.regions, m.regions.dropFirst()) { #expect(a.last < b.start, "\(a.name) / \(b.name)") }
        var p = BootParams()
        p.arch = .i386
        p.memory = 2 << 30
        var i386 = try Shell(params: p)
        _ = i386.execute("h = alloc_pages GFP_HIGHUSER 0")
        let r = i386.execute("vmmap")
        // MAXMEM as 6.6 computes it (I386LowmemTests works it out), beside the textbook's number.
        #expect(r.stdout.contains("0x36ffe000") && r.stdout.contains("896 MiB"))
        #expect(r.stdout.contains("kmap($h)"))
        try Golden.check("vmmap-i386.ascii.txt", r.stdout)
    }

    @Test func preemptCountFieldsMatchTheCount() throws {
        var s = try PictureMachines.shell()
        _ = s.execute("get_cpu")
        _ = s.execute("local_bh_disable")
        _ = s.execute("irq_enter")
        let m = PreemptCountPicture.build(s.session.kernel, cpu: s.session.kernel.currentCPU)
        #expect(m.fields.reduce(UInt32(0)) { $0 | ($1.value << UInt32($1.shift)) } == m.count)
        #expect(m.fields.first { $0.name == "HARDIRQ" }?.value == 1)
        #expect(m.fields.first { $0.name == "SOFTIRQ" }?.value == 2)
        #expect(s.execute("preempt_count").stdout.hasPrefix("\(m.count) "))
    }

    @Test func snapshotIsSelfContained() throws {
        var s = try PictureMachines.shell()
        let path = "/tmp/kmemsim-snapshot-\(getpid()).html"
        let r = s.execute("snapshot " + path)
        #expect(r.succeeded, "\(r.stderr)")
        let html = try #require(FileOutput.read(path))
        unlink(path)
        for banned in ["http:", "https:", "src=", "href", "url(", "@import", "<script", "<link", "<img", "<iframe", "<object", "<embed"] {
            #expect(!html.lowercased().contains(banned), "\(banned)")
        }
        #expect(html.contains("<title>"))
        #expect(html.contains("MemFree"))
        // Every inline picture is well-formed XML on its own.
        var rest = Substring(html)
        var svgs = 0
        while let open = rest.range(of: "<svg"), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
            let svg = String(rest[open.lowerBound..<close.upperBound])
            #expect(SVGCheck.problems(svg).isEmpty, "\(SVGCheck.problems(svg))")
            svgs += 1
            rest = rest[close.upperBound...]
        }
        #expect(svgs >= 8)
        #expect(!s.execute("snapshot " + String(path.dropLast(5)) + ".txt").succeeded)
    }

    @Test func badOptionsAreErrorsAndChangeNothing() throws {
        var s = try PictureMachines.shell()
        let before = s.session.kernel
        for line in ["memmap --bogus", "memmap --from 0x10", "memmap --from 0x20 --to 0x10", "memmap --width 3", "memmap --around",
                     "memmap --around 0x1 --from 1 --to 2", "memmap --around $nosuch", "memmap --to 0xfffffff --from 0", "buddy DMA --svg",
                     "memmap --svg /nonexistent/dir/x.svg", "buddy DMA --width 40",
                     "slab nosuch --picture", "vmarea --picture", "vmarea 0x1234 --picture", "percpu extra --picture", "task stacks 3 --picture",
                     "stack 99999 --picture", "stack 0 --picture", "preempt_count 9 --picture", "vmmap --width 20", "snapshot", "task list --svg"] {
            let r = s.execute(line)
            #expect(!r.succeeded, "\(line)")
            #expect(!r.stderr.isEmpty, "\(line)")
        }
        #expect(s.session.kernel == before)
    }
}

@Suite struct PictureRobustnessTests {
    /// Every picture on every architecture, in both languages and charsets and at three widths: it succeeds, every
    /// SVG parses, and no line is wider than the terminal.
    @Test(arguments: ["x86_64", "i386", "sparc64"])
    func everyPictureEverywhere(_ arch: String) throws {
        var p = BootParams()
        p.arch = try #require(Architecture.named(arch))
        p.memory = arch == "i386" ? 1 << 30 : 128 << 20
        p.cpus = 2
        var s = try Shell(params: p)
        for line in ["p = alloc_pages GFP_KERNEL 2", "v = vmalloc 12K", "c = kmem_cache_create pic 96", "o = kmem_cache_alloc pic GFP_KERNEL",
                     "task create t", "stack use 2000 3K", "x = alloc_percpu 16", "get_cpu", "irq_enter"] {
            let r = s.execute(line)
            #expect(r.succeeded, "\(arch): \(line): \(r.stderr)")
        }
        let pictures = ["memmap", "memmap --around $p", "memmap --around $v", "memmap --from 0 --to 0x7ff", "buddy --picture",
                        "slab pic --picture", "vmarea $v --picture", "percpu --picture", "task stacks --picture", "stack 2000 --picture",
                        "preempt_count --picture", "vmmap"]
        for lang in [LessonLanguage.en, .ko] {
            for unicode in [false, true] {
                for columns in [40, 80, 132] {
                    s.session.lessons.language = lang
                    s.session.settings.unicode = unicode
                    s.session.settings.columns = columns
                    for line in pictures {
                        let r = s.execute(line)
                        #expect(r.succeeded, "\(arch) \(line): \(r.stderr)")
                        let wide = r.stdout.split(separator: "\n").filter { TerminalText.width(String($0)) > columns }
                        #expect(wide.isEmpty, "\(arch) \(lang) \(columns) \(line): \(wide.first ?? "")")
                    }
                }
            }
        }
        let dir = "/tmp/kmemsim-robust-\(arch)-\(getpid())"
        try FileOutput.makeDirectory(dir)
        for (i, line) in pictures.enumerated() {
            let path = "\(dir)/\(i).svg"
            let r = s.execute(line + " --svg " + path)
            #expect(r.succeeded, "\(arch) \(line) --svg: \(r.stderr)")
            let svg = try #require(FileOutput.read(path))
            #expect(SVGCheck.problems(svg).isEmpty, "\(arch) \(line): \(SVGCheck.problems(svg))")
            unlink(path)
        }
        rmdir(dir)
    }
}

import KernelMM

/// `vmmap`: the kernel's virtual address layout for the machine's architecture, one row per region from the
/// kernel's own tables (x86-64: Documentation/arch/x86/x86_64/mm.rst, 4-level paging, no KASLR; i386:
/// asm/pgtable_32_areas.h; sparc64: asm/pgtable_64.h), each marked with the learner's addresses that fall in it.
struct VmmapPicture: Sendable, Equatable {
    struct Region: Sendable, Equatable {
        var start: UInt64
        /// Last byte (inclusive), so a region may end at the top of the address space.
        var last: UInt64
        var mark: PictureMark
        var name: String
        /// The learner's variables inside it, e.g. "$v", "$p (struct page)".
        var mine: [String] = []
        var size: UInt64 { last &- start &+ 1 }
    }
    var arch: Architecture
    var regions: [Region]
    var facts: [String]

    static func layout(_ k: Kernel) -> [Region] {
        let ram = UInt64(k.directMapEndPFN) << UInt64(k.arch.pageShift)
        let v = k.vmallocRange
        switch k.arch {
        case .x86_64:
            let po = k.arch.pageOffset
            return [
                Region(start: 0, last: 0x0000_7fff_ffff_ffff, mark: .userSpace, name: "user space (per process)"),
                Region(start: 0x0000_8000_0000_0000, last: 0xffff_7fff_ffff_ffff, mark: .unusedRange, name: "non-canonical hole"),
                Region(start: 0xffff_8000_0000_0000, last: 0xffff_87ff_ffff_ffff, mark: .unusedRange, name: "guard hole (hypervisor)"),
                Region(start: 0xffff_8800_0000_0000, last: 0xffff_887f_ffff_ffff, mark: .unusedRange, name: "LDT remap for PTI"),
                Region(start: po, last: po + ram - 1, mark: .directMap, name: "direct map: this machine's \(Format.bytes(ram)) of RAM (PAGE_OFFSET)"),
                Region(start: po + ram, last: 0xffff_c87f_ffff_ffff, mark: .unusedRange, name: "rest of the 64 TB direct-map window"),
                Region(start: 0xffff_c880_0000_0000, last: 0xffff_c8ff_ffff_ffff, mark: .unusedRange, name: "unused hole"),
                Region(start: v.start, last: v.end - 1, mark: .vmallocRange, name: "vmalloc/ioremap (VMALLOC_START…VMALLOC_END)"),
                Region(start: 0xffff_e900_0000_0000, last: 0xffff_e9ff_ffff_ffff, mark: .unusedRange, name: "unused hole"),
                Region(start: 0xffff_ea00_0000_0000, last: 0xffff_eaff_ffff_ffff, mark: .vmemmap, name: "vmemmap: the struct page array"),
                Region(start: 0xffff_eb00_0000_0000, last: 0xffff_fdff_ffff_ffff, mark: .unusedRange, name: "unused (KASAN shadow when enabled)"),
                Region(start: 0xffff_fe00_0000_0000, last: 0xffff_fe7f_ffff_ffff, mark: .cpuEntry, name: "cpu_entry_area"),
                Region(start: 0xffff_fe80_0000_0000, last: 0xffff_ffff_7fff_ffff, mark: .unusedRange, name: "%esp fixup stacks, EFI, holes"),
                Region(start: 0xffff_ffff_8000_0000, last: 0xffff_ffff_9fff_ffff, mark: .kernelText, name: "kernel text, mapped to physical 0"),
                Region(start: 0xffff_ffff_a000_0000, last: 0xffff_ffff_feff_ffff, mark: .modules, name: "modules"),
                Region(start: 0xffff_ffff_ff00_0000, last: 0xffff_ffff_ff5f_ffff, mark: .fixmap, name: "fixmap (FIXADDR_START varies)"),
                Region(start: 0xffff_ffff_ff60_0000, last: 0xffff_ffff_ffff_ffff, mark: .unusedRange, name: "vsyscall page, unused hole"),
            ]
        case .i386:
            let po = k.arch.pageOffset
            let highMemory = po + ram
            // arch/x86/include/asm/pgtable_32_areas.h: PKMAP_BASE below the LDT, cpu_entry_area and fixmap at the top.
            let top = Architecture.i386Layout
            let pkmapEnd = top.pkmapBase + 1024 * UInt64(k.pageSize)
            return [
                Region(start: 0, last: po - 1, mark: .userSpace, name: "user space (3 GiB, per process)"),
                Region(start: po, last: highMemory - 1, mark: .directMap, name: "lowmem: direct map of \(Format.bytes(ram)) (PAGE_OFFSET…high_memory)"),
                Region(start: highMemory, last: v.start - 1, mark: .unusedRange, name: "VMALLOC_OFFSET gap (catches overruns)"),
                Region(start: v.start, last: v.end - 1, mark: .vmallocRange, name: "vmalloc (VMALLOC_START…VMALLOC_END)"),
                Region(start: v.end, last: top.pkmapBase - 1, mark: .unusedRange, name: "2-page gap"),
                Region(start: top.pkmapBase, last: pkmapEnd - 1, mark: .pkmap, name: "PKMAP: kmap() windows for HIGHMEM pages (LAST_PKMAP 1024)"),
                Region(start: top.ldtBase, last: top.cpuEntryAreaBase - 1, mark: .unusedRange, name: "LDT remap (LDT_BASE_ADDR, one PMD)"),
                Region(start: top.cpuEntryAreaBase, last: top.fixaddrTotStart - 1, mark: .cpuEntry, name: "cpu_entry_area (CPU_ENTRY_AREA_BASE: GDT, TSS, entry stacks per CPU)"),
                Region(start: top.fixaddrTotStart, last: 0xffff_ffff, mark: .fixmap, name: "fixmap (FIXADDR_TOT_START…FIXADDR_TOP, then one page)"),
            ]
        case .sparc64:
            let po = k.arch.pageOffset
            let vmemmapEnd = v.end + (UInt64(k.frames.count) * UInt64(k.arch.structPageSize) + 0x3f_ffff) / 0x40_0000 * 0x40_0000
            return [
                Region(start: 0x0000_0000_0040_0000, last: 0x0000_0000_0040_0000 + k.arch.kernelImageSize - 1, mark: .kernelText, name: "kernel image (TEXTSTART 0x404000)"),
                Region(start: 0x0000_0000_1000_0000, last: 0x0000_0000_efff_ffff, mark: .modules, name: "modules (MODULES_VADDR…MODULES_END)"),
                Region(start: 0x0000_0000_f000_0000, last: 0x0000_0000_ffff_ffff, mark: .firmware, name: "OpenBoot PROM"),
                Region(start: v.start, last: v.end - 1, mark: .vmallocRange, name: "vmalloc (VMALLOC_START…VMALLOC_END)"),
                Region(start: v.end, last: vmemmapEnd - 1, mark: .vmemmap, name: "vmemmap: the struct page array (VMEMMAP_BASE)"),
                Region(start: po, last: po + ram - 1, mark: .directMap, name: "direct map of \(Format.bytes(ram)) (PAGE_OFFSET)"),
            ]
        }
    }

    static func build(_ k: Kernel, variables: [String: ShellValue]) -> VmmapPicture {
        var regions = layout(k)
        func mark(_ addr: UInt64, _ label: String) {
            if let i = regions.firstIndex(where: { $0.start <= addr && addr <= $0.last }) { regions[i].mine.append(label) }
        }
        for name in variables.keys.sorted() where name != "_" {
            switch variables[name] {
            case .address(let a)?: mark(a, "$" + name)
            case .page(let p)?:
                mark(k.structPageAddress(p.raw), "$\(name) (struct page)")
                if let va = k.pageAddress(p.raw) {
                    mark(va, "page_address($\(name))")
                } else if let i = regions.firstIndex(where: { $0.mark == .pkmap }) {
                    // A HIGHMEM page has no permanent address: kmap() would give it one of the PKMAP windows.
                    regions[i].mine.append("kmap($\(name))")
                }
            default: break
            }
        }
        var facts: [String] = []
        switch k.arch {
        case .x86_64: facts = ["x86_64, 4-level paging (48-bit), no KASLR: Documentation/arch/x86/x86_64/mm.rst"]
        case .i386: facts = ["i386, 3G/1G split, HIGHMEM: asm/pgtable_32_areas.h",
                             "lowmem ends at MAXMEM = VMALLOC_END − PAGE_OFFSET − 128 MiB (__VMALLOC_RESERVE) = \(Format.hex(Architecture.i386LowmemLimit)) (textbooks: 896 MiB = 1 GiB − 128 MiB); RAM above it is HIGHMEM, with no permanent address"]
        case .sparc64: facts = ["sparc64: the kernel has its own address space (not split with user space): asm/pgtable_64.h"]
        }
        return VmmapPicture(arch: k.arch, regions: regions, facts: facts)
    }

    /// Sizes up to the whole 64-bit space (Format.bytes stops at TiB).
    static func sizeText(_ n: UInt64) -> String {
        // Rounded to the nearest unit without adding (a size near 2^64 would overflow).
        if n >= 1 << 60 { return "\(((n >> 59) + 1) >> 1) EiB" }
        if n >= 1 << 50 { return "\(((n >> 49) + 1) >> 1) PiB" }
        return Format.bytes(n)
    }

    /// A bar's length: one cell per doubling above 1 MiB (sizes span 2^20…2^64).
    static func cells(_ size: UInt64) -> Int {
        let bits = size == 0 ? 0 : 64 - size.leadingZeroBitCount
        return max(1, bits - 20)
    }

    func picture(language l: LessonLanguage) -> Picture {
        var p = Picture(title: Message(en: "Kernel virtual address layout (\(arch.rawValue))", ko: "커널 가상 주소 배치 (\(arch.rawValue))").text(l))
        p.facts = facts
        var b = PictureBlock(heading: "")
        let digits = arch.is64Bit ? 16 : 8
        for r in regions where r.size > 0 && r.last >= r.start {
            let note = Self.sizeText(r.size) + "  " + r.name + (r.mine.isEmpty ? "" : "  ← " + r.mine.joined(separator: " "))
            b.rows.append(PictureRow(label: Format.hex(r.start, digits: digits), cells: (0..<Self.cells(r.size)).map { _ in PictureCell(r.mark, highlight: !r.mine.isEmpty) }, note: note))
        }
        p.blocks.append(b)
        p.scale = Message(en: "bar length: one cell per doubling of the size above 1 MiB; ← names your variables in that region", ko: "막대 길이: 1 MiB에서 크기가 두 배가 될 때마다 한 칸; ←는 그 영역에 있는 변수").text(l)
        return p
    }
}

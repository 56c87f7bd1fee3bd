import KernelMM
import MMShell
import Testing

/// The query language: parsing, evaluation over the simulator's state, and errors that point at the column.
@Suite struct QueryTests {
    func shell(_ boot: String = "") throws -> Shell {
        var sh = try Shell()
        if !boot.isEmpty { _ = sh.execute("boot " + boot) }
        return sh
    }

    func print(_ sh: inout Shell, _ expr: String) -> String {
        let o = sh.execute("print " + expr)
        return o.succeeded ? String(o.stdout.dropLast()) : o.stderr
    }

    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 / 3", "3"), ("10 % 3", "1"), ("-4 + 1", "-3"),
        ("1 << 12", "4096"), ("0x1000 >> 4", "256"), ("0xcc0 & ~0x800", "1216"), ("0x3800 ^ 4", "14340"), ("6 | 1", "7"),
        ("4K", "4096"), ("2M / 4K", "512"), ("1_000", "1000"), ("0b101", "5"),
        ("1 < 2 and 2 < 3", "true"), ("not 1 == 1", "false"), ("1 == 2 or true", "true"), ("3 in [1, 2, 3]", "true"),
        ("\"a\" + \"b\"", "ab"), ("\"Normal\" == \"Normal\"", "true"),
        ("log2(4096)", "12"), ("get_order(5000)", "1"), ("get_order(4096)", "0"), ("hex(4096)", "0x1000"),
        ("count([1, 2, 3])", "3"), ("sum([1, 2, 3])", "6"), ("min(4, 2, 8)", "2"), ("max([4, 2, 8])", "8"), ("len(\"abc\")", "3"),
        ("0xffff888000000000", "0xffff888000000000"), ("0xffff888000001000 - 0xffff888000000000", "4096"),
        ("0xffff888000000000 + 0x1000", "0xffff888000001000"), ("[1, 2, 3][-1]", "3"),
    ])
    func arithmeticAndLogic(_ expr: String, _ want: String) throws {
        var sh = try shell()
        #expect(print(&sh, expr) == want)
    }

    @Test func printWritesTheValueAloneAndQuestionMarkIsPrint() throws {
        var sh = try shell()
        #expect(sh.execute("print 1 + 2 * 3").stdout == "7\n")
        #expect(sh.execute("? 1 + 2 * 3").stdout == "7\n")
        #expect(sh.execute("x = print 40 + 2").succeeded)
        #expect(sh.execute("? $x + last").stdout == "84\n")
    }

    @Test func zonesAndFreeAreasMatchTheKernel() throws {
        var sh = try shell("mem=1G cpus=2 pcp=off")
        let k = sh.session.kernel
        let dma32 = try #require(k.zone(.dma32))
        #expect(print(&sh, "zone(\"DMA32\").free") == String(k.nrFreePages(zone: dma32.index)))
        #expect(print(&sh, "zone(\"dma32\").free[10]") == String(k.freeArea(zone: dma32.index)[10].nrFree))
        #expect(print(&sh, "zone(\"DMA32\").free_pages[10]") == String(k.freeArea(zone: dma32.index)[10].nrFree << 10))
        #expect(print(&sh, "zone(\"DMA32\").free_by_type(\"Movable\")[10]") == String(k.freeArea(zone: dma32.index)[10].count[MigrateType.movable.rawValue]))
        #expect(print(&sh, "zone(\"DMA32\").min") == String(dma32.minWmark))
        #expect(print(&sh, "zone(\"DMA32\").low < zone(\"DMA32\").high") == "true")
        #expect(print(&sh, "zone(\"DMA32\").managed <= zone(\"DMA32\").present") == "true")
        #expect(print(&sh, "zone(\"DMA\").protection[1]") == String(k.zones[0].lowmemReserve[1]))
        #expect(print(&sh, "count(zones)") == String(k.zones.count))
        #expect(print(&sh, "zones[0].name") == "DMA")
        #expect(print(&sh, "buddyinfo.DMA32") == "[" + k.freeArea(zone: dma32.index).map { String($0.nrFree) }.joined(separator: ", ") + "]")
        #expect(print(&sh, "sum(zone(\"DMA32\").nr_free) > 0") == "true")
    }

    @Test func pagesFollowAllocationAndFree() throws {
        var sh = try shell("mem=1G cpus=2 pcp=off")
        _ = sh.execute("p = alloc_pages GFP_KERNEL|__GFP_DMA 2")
        #expect(print(&sh, "page($p).state") == "allocated")
        #expect(print(&sh, "$p.order") == "2")
        #expect(print(&sh, "$p.zone") == "DMA")
        #expect(print(&sh, "$p.owner") == "page_alloc")
        #expect(print(&sh, "$p.migratetype") == "Unmovable")
        #expect(print(&sh, "$p.refcount") == "1")
        #expect(print(&sh, "page($p.pfn + 1).head == $p.pfn") == "true")
        #expect(print(&sh, "page($p.buddy).state") == "free")
        #expect(print(&sh, "page($p.buddy).order") == "2")
        #expect(print(&sh, "\"buddy\" in page($p.buddy).flags") == "true")
        #expect(print(&sh, "page($p.address).pfn == $p.pfn") == "true")
        #expect(print(&sh, "page($p.struct_page).pfn == $p.pfn") == "true")
        _ = sh.execute("__free_pages $p 2")
        #expect(print(&sh, "page($p).free and page($p).order == 10") == "true")
        #expect(print(&sh, "page(0).state") == "absent") // x86-64 does not hand PFN 0 to the kernel
        #expect(print(&sh, "page(1).state") == "reserved") // the BIOS area below 1 MiB
    }

    @Test func procFilesByName() throws {
        var sh = try shell()
        let meminfo = sh.execute("cat /proc/meminfo").stdout
        let memFree = meminfo.split(separator: "\n").first { $0.hasPrefix("MemFree:") }?.split(separator: " ")[1]
        #expect(print(&sh, "meminfo.MemFree") == memFree.map(String.init))
        let before = Int(print(&sh, "vmstat.pgalloc_normal")) ?? -1
        _ = sh.execute("alloc_pages GFP_KERNEL 5")
        #expect(print(&sh, "vmstat.pgalloc_normal - \(before)") == "32")
        #expect(print(&sh, "meminfo.memtotal > meminfo.MemFree") == "true")
    }

    @Test func kernelCPUAndGFP() throws {
        var sh = try shell("arch=sparc64 mem=2G cpus=3")
        #expect(print(&sh, "kernel.page_size") == "8192")
        #expect(print(&sh, "kernel.arch") == "sparc64")
        #expect(print(&sh, "kernel.max_order") == "10")
        #expect(print(&sh, "kernel.cpus") == "3")
        #expect(print(&sh, "cpu(2).preempt_count") == "0")
        #expect(print(&sh, "cpu(0).in_atomic") == "false")
        #expect(print(&sh, "count(cpus)") == "3")
        #expect(print(&sh, "hex(gfp(\"GFP_KERNEL\").value)") == "0xcc0")
        #expect(print(&sh, "gfp(\"GFP_ATOMIC\").may_sleep") == "false")
        #expect(print(&sh, "gfp(\"GFP_ATOMIC\").alloc_flags") == "[\"ALLOC_NON_BLOCK\", \"ALLOC_MIN_RESERVE\", \"ALLOC_KSWAPD\"]")
        #expect(print(&sh, "gfp(0x820).name") == "GFP_ATOMIC")
    }

    @Test func tasksVmallocAndPercpu() throws {
        var sh = try shell()
        _ = sh.execute("v = vmalloc 10000")
        #expect(print(&sh, "vmalloc($v).nr_pages") == "3")
        #expect(print(&sh, "vmalloc($v + 4096).start == $v") == "true")
        #expect(print(&sh, "vmalloc($v).purpose") == "vmalloc")
        #expect(print(&sh, "count(vmalloc($v).pages)") == "3")
        #expect(print(&sh, "count(tasks) == \(sh.session.kernel.tasks.count)") == "true")
        #expect(print(&sh, "task(1).stack_size") == "16384")
        _ = sh.execute("DEFINE_PER_CPU int counter")
        #expect(print(&sh, "per_cpu(\"counter\", 1)") == "0")
        #expect(print(&sh, "percpu_var(\"counter\").size") == "4")
        #expect(print(&sh, "per_cpu(\"nosuch\", 0)").hasPrefix("error: no per-CPU variable \"nosuch\"; defined: counter"))
        #expect(print(&sh, "vmalloc(0x1000)").hasPrefix("error: 0x1000 is in no vmalloc area"))
    }

    @Test func slabCaches() throws {
        var sh = try shell("cpus=8")
        _ = sh.execute("kmem_cache_create foo 100")
        // A 100-byte cache: 104-byte objects, 39 per order-0 slab (SLUB and SLAB alike).
        #expect(print(&sh, "cache(\"foo\").size") == "104")
        #expect(print(&sh, "cache(\"foo\").objs_per_slab") == "39")
        #expect(print(&sh, "cache(\"kmalloc-96\").objs_per_slab") == "42")
        #expect(print(&sh, "cache(\"kmalloc-64\").order") == "0")
        #expect(print(&sh, "cache(\"kmallc-64\")") == "error: no slab cache \"kmallc-64\"; did you mean kmalloc-64? (column 7)\n")
    }

    @Test(arguments: [
        ("print zone(\"Normal\").fre", "error: no field 'fre' on zone; did you mean free? (column 21)\n"),
        ("? zone(\"Nomral\").free", "error: no zone \"Nomral\" on x86_64; zones: DMA, DMA32, Normal, Movable, Device (column 3)\n"),
        ("print 1 +", "error: expression ends too early (column 10)\n"),
        ("print 1 / 0", "error: division by zero (column 9)\n"),
        ("print zone(\"Normal\").free[11]", "error: order 11 is out of range: orders go 0…10 (MAX_ORDER is inclusive in 6.6) (column 26)\n"),
        ("print $nope", "error: no variable $nope (column 7)\n"),
        ("print zoen(\"DMA\")", "error: unknown function 'zoen'; did you mean zone?; 'help query' lists them (column 7)\n"),
        ("print meminfo.MemFre", "error: no field 'MemFre' on meminfo; did you mean MemFree? (column 14)\n"),
        ("print 1 = 1", "error: '=' assigns; compare with '==' (column 9)\n"),
        ("print \"a\" < 1", "error: cannot order a string and a number with '<' (column 11)\n"),
        ("print zone", "error: zone needs arguments: zone(NAME) (column 7)\n"),
        ("print [1][3]", "error: index 3 is out of range: the list has 1 item (0…0) (column 10)\n"),
        ("print [1, 2", "error: expected ',' or ']' but found end of expression (column 12)\n"),
        ("print 1 and true", "error: 'and' needs true or false on its left, not a number (column 9)\n"),
        ("print", "error: print needs an expression, e.g. print zone(\"Normal\").free (column 6)\n"),
    ])
    func errorsPointAtTheColumn(_ line: String, _ want: String) throws {
        var sh = try shell()
        let before = sh.session.kernel
        let o = sh.execute(line)
        #expect(!o.succeeded)
        #expect(o.stderr == want)
        // Compared outside #expect: a failing Kernel comparison would print a million frames.
        let unchanged = sh.session.kernel.frames == before.frames && sh.session.kernel.zones == before.zones
        #expect(unchanged)
    }

    @Test func parserKeepsColumnsAndPrecedence() throws {
        let e = try QueryParser.parse("1 + 2 * 3 == 7 and not false")
        guard case .binary("and", .binary("==", .binary("+", _, .binary("*", _, _, _), _), _, _), .unary("not", _, _), let col) = e else {
            Issue.record("unexpected tree \(e)")
            return
        }
        #expect(col == 16)
        let unclosed = #expect(throws: QueryError.self) { try QueryParser.parse("zone(\"Normal") }
        #expect(unclosed?.message == "string not closed: add \"" && unclosed?.column == 6)
    }

    @Test func helpQueryListsEveryRootAndField() throws {
        var sh = try shell()
        let help = sh.execute("help query").stdout
        for r in QueryRegistry.roots { #expect(help.contains(r.usage), "root \(r.name)") }
        for t in QueryRegistry.types {
            for f in t.fields { #expect(help.contains("." + f.name), "field \(t.name).\(f.name)") }
        }
        for f in QueryRegistry.functions { #expect(help.contains(f.usage)) }
    }
}

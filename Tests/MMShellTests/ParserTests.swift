import Testing
import KernelMM
@testable import MMShell

@Suite struct ParserTests {
    /// An earlier line's words handed back (the shell's own path) change nothing the parser says, shared or not.
    @Test func reusedWordsGiveTheSameLine() throws {
        var spare = ["old", "words", "here"]
        let kept = spare
        for line in ["alloc_pages GFP_KERNEL 3", "__free_pages $p 0", "p = alloc_pages GFP_KERNEL | __GFP_ZERO 2", "x", "kfree(x)"] {
            let before = spare
            let reused = try LineParser.parseLine(line, reusing: &spare)
            #expect(reused == (try LineParser.parse(line)), "'\(line)'")
            // Taken (plain words), or left as it was (the other spellings make their own arrays).
            #expect(spare.isEmpty || spare == before)
            spare = reused.arguments
        }
        #expect(kept == ["old", "words", "here"])
    }

    @Test func bothSpellingsGiveTheSameCommand() throws {
        let a = try #require(try LineParser.parse("alloc_pages GFP_KERNEL 3"))
        let b = try #require(try LineParser.parse("alloc_pages(GFP_KERNEL, 3);"))
        #expect(a.command == b.command && a.arguments == b.arguments)
        #expect(a.arguments == ["GFP_KERNEL", "3"])
    }

    @Test func gfpExpressionsWithSpacesStayOneArgument() throws {
        let l = try #require(try LineParser.parse("p = alloc_pages GFP_KERNEL | __GFP_ZERO 2  # a comment"))
        #expect(l.assignTo == "p")
        #expect(l.arguments == ["GFP_KERNEL|__GFP_ZERO", "2"])
        let m = try #require(try LineParser.parse("gfp GFP_KERNEL & ~ __GFP_RECLAIM"))
        #expect(m.arguments.count == 1)
    }

    @Test func commentsAndBlankLinesAreNothing() throws {
        #expect(try LineParser.parse("   # only a comment") == nil)
        #expect(try LineParser.parse("") == nil)
        #expect(try LineParser.parse(";") == nil)
    }

    @Test func unbalancedParenthesesAreAnError() {
        #expect(throws: CommandError.self) { try LineParser.parse("alloc_pages(GFP_KERNEL, 3") }
    }

    @Test func questionMarkIsPrint() throws {
        let l = try #require(try LineParser.parse("? 1 + 2"))
        #expect(l.command == "print" && l.rest == "1 + 2")
    }

    @Test func gfpParser() throws {
        #expect(try GFPParser.parse("GFP_KERNEL|__GFP_ZERO") == [.kernel, .zero])
        #expect(try GFPParser.parse("GFP_KERNEL & ~__GFP_RECLAIM").rawValue == 0xc0)
        #expect(try GFPParser.parse("(GFP_ATOMIC)|0x2000") == [.atomic, .nowarn])
        #expect(try GFPParser.parse("gfp_kernel") == .kernel)
        #expect(throws: CommandError.unknownGFPFlag("GFP_KERNL", suggestion: "GFP_KERNEL")) { try GFPParser.parse("GFP_KERNL") }
        #expect(throws: CommandError.unknownGFPFlag("KERNEL", suggestion: "GFP_KERNEL")) { try GFPParser.parse("KERNEL") }
        #expect(throws: CommandError.self) { try GFPParser.parse("__GFP_COLD") }
        #expect(throws: CommandError.self) { try GFPParser.parse("GFP_KERNEL|") }
        #expect(throws: CommandError.self) { try GFPParser.parse("0x80000000") }
    }

    @Test func sizesAndNumbers() {
        #expect(NumberParser.size("4K") == 4096)
        #expect(NumberParser.size("2M") == 2 << 20)
        #expect(NumberParser.size("0x1000") == 4096)
        #expect(NumberParser.size("1_000") == 1000)
        #expect(NumberParser.size("4KiB") == 4096)
        #expect(NumberParser.size("lots") == nil)
        #expect(NumberParser.size("99999999999999999999G") == nil)
        #expect(NumberParser.integer("-3") == -3)
    }

    @Test func suggestions() {
        #expect(Suggest.closest("alloc_pgaes", in: CommandTable.standard.allNames) == "alloc_pages")
        #expect(Suggest.closest("zzzzzzzz", in: ["alloc_pages"]) == nil)
    }
}

@Suite struct CompleterTests {
    let shell: Shell
    init() throws { shell = try Shell() }

    @Test func commandNames() {
        let r = shell.complete("alloc_p")
        #expect(r.replaceCount == 7)
        #expect(r.candidates == ["alloc_page", "alloc_pages", "alloc_percpu"])
    }

    @Test func gfpFlagsAnywhereInAnExpression() {
        let r = shell.complete("alloc_pages GFP_KERNEL|__GFP_ZE")
        #expect(r.candidates == ["__GFP_ZERO", "__GFP_ZEROTAGS"])
        #expect(r.replaceCount == 8)
        #expect(shell.complete("p = alloc_pages(GFP_ATO").candidates == ["GFP_ATOMIC"])
    }

    @Test func variablesAfterDollar() throws {
        var s = try Shell()
        _ = s.execute("page1 = alloc_page GFP_KERNEL")
        #expect(s.complete("__free_page $pa").candidates == ["$page1"])
    }

    @Test func procFilesAndHelpTopics() {
        #expect(shell.complete("cat /proc/bud").candidates == ["/proc/buddyinfo"])
        #expect(shell.complete("help gf").candidates.contains("gfp"))
    }
}

@Suite struct ShellBehaviourTests {
    @Test func failedCommandLeavesStateUnchanged() throws {
        var s = try Shell()
        let before = s.session.kernel
        let r = s.execute("alloc_pages GFP_KERNEL banana")
        #expect(!r.succeeded)
        let unchanged = s.session.kernel == before // (a Kernel is too big to print on failure)
        #expect(unchanged)
    }

    @Test func undoRestoresTheKernel() throws {
        var s = try Shell(settings: ShellSettings(undoDepth: 5))
        let before = s.session.kernel
        _ = s.execute("p = alloc_pages GFP_KERNEL 4")
        let changed = s.session.kernel.counters != before.counters && s.session.kernel.freeLists != before.freeLists
        #expect(changed)
        _ = s.execute("undo")
        // The journalled stores and the rest: the whole kernel as it was, the clock aside (undo itself takes time).
        var now = s.session.kernel
        now.clock = before.clock
        let restored = now == before // (a Kernel is too big to print on failure)
        #expect(restored)
        #expect(!s.execute("undo").succeeded)
        var off = try Shell(settings: ShellSettings(undoDepth: 0))
        #expect(off.execute("undo").stderr.contains("nothing to undo"))
    }

    @Test func everyCommandHasHelp() throws {
        var s = try Shell()
        for c in CommandTable.standard.all {
            let r = s.execute("help \(c.name)")
            #expect(r.succeeded, "help \(c.name): \(r.stderr)")
            #expect(r.stdout.contains(c.summary), "help \(c.name) lacks its summary")
        }
        // `help` lists the families in 80 columns; `help FAMILY` lists its commands; `help all` everything.
        let overview = s.execute("help").stdout
        #expect(overview.contains("pages") && overview.contains("alloc_pages"))
        #expect(overview.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(overview)")
        #expect(overview.split(separator: "\n").count < 25)
        #expect(s.execute("help pages").stdout.contains("alloc_pages GFP ORDER"))
        #expect(!s.execute("help pages").stdout.contains("kmalloc SIZE"))
        let all = s.execute("help all").stdout
        #expect(CommandTable.standard.all.allSatisfy { all.contains($0.name) })
        #expect(all.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 || !String($0).contains(" ") }, "\(all)")
        s.session.settings.width = 60
        #expect(s.execute("help").stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 60 })
        var ko = try Shell()
        ko.session.lessons.language = .ko
        #expect(ko.execute("help").stdout.contains("모든 명령"))
    }

    @Test func textReflowsToTheTerminalWidth() throws {
        let text = "Allocate 4 contiguous pages (order 2) from ZONE_DMA with GFP_KERNEL|__GFP_DMA and keep the result\nin a variable named p.\n    p = alloc_pages GFP_KERNEL|__GFP_DMA 2\n\nNext paragraph."
        let r = TextWrap.reflow(text, width: 40)
        // An indented line is a command or a table: it keeps its line even when longer.
        #expect(r.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 || $0.hasPrefix("    ") })
        #expect(r.split(separator: "\n").joined(separator: " ").contains("and keep the result in a variable named p."))
        #expect(r.contains("\n    p = alloc_pages GFP_KERNEL|__GFP_DMA 2\n\nNext paragraph."))
        // Hangul takes two columns each, and wraps at spaces too.
        let ko = TextWrap.reflow("이 블록의 order 2 버디, 즉 expand()가 order 2 리스트에 넣은 블록의 PFN은 무엇입니까?", width: 30)
        #expect(ko.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 30 }, "\(ko)")
        #expect(ko.split(separator: "\n").count > 1)
    }

    /// `help FAMILY` pads the usage column with spaces: wrapping keeps them, so the summaries line up.
    @Test func wrappingKeepsTheSpacesThatAlignColumns() throws {
        let line = "  cat FILE" + String(repeating: " ", count: 19) + "print a /proc file in the kernel's format: buddyinfo, pagetypeinfo"
        let w = TextWrap.wrap(line, width: 60, hanging: String(repeating: " ", count: 29))
        #expect(w.first == "  cat FILE                   print a /proc file in the")
        #expect(w.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 29)) && $0.dropFirst(29).first != " " })
        var sh = try Shell()
        let help = sh.execute("help views").stdout.split(separator: "\n")
        let cat = try #require(help.first { $0.hasPrefix("  cat FILE") })
        let page = try #require(help.first { $0.hasPrefix("  page PAGE") })
        #expect(cat.firstRange(of: "print")?.lowerBound.utf16Offset(in: cat) == page.firstRange(of: "show")?.lowerBound.utf16Offset(in: page))
    }

    @Test func promptShowsContextOnlyWhenItMatters() throws {
        var s = try Shell()
        #expect(s.prompt == "kmemsim> ")
        s.session.kernel = try Kernel(booting: BootParams())
        #expect(s.prompt == "kmemsim> ")
    }

    @Test func bootChangesTheMachineAndRejectsNonsense() throws {
        var s = try Shell()
        #expect(s.execute("boot arch=i386 mem=2G").succeeded)
        #expect(s.session.kernel.arch == .i386)
        #expect(s.session.kernel.zone(.highmem)?.isPopulated == true)
        let r = s.execute("boot arch=vax")
        #expect(!r.succeeded && r.stderr.contains("choose x86_64, i386, sparc64"))
        #expect(s.execute("boot memory=2G").stderr.contains("did you mean mem?"))
        #expect(s.session.kernel.arch == .i386)
    }
}

import Testing
import KernelMM
@testable import MMShell

/// `CMD | grep … | head …`: where a line splits, what each filter keeps (as GNU grep and coreutils do on a pipe),
/// and that the kernel's own reports are never filtered away.
@Suite struct PipeFilterTests {
    static let booted: Shell = {
        var p = BootParams()
        p.memory = 256 << 20
        // A booted machine the tests copy; a failed boot shows as every test's failure below.
        return (try? Shell(params: p)) ?? { fatalError("boot failed") }()
    }()

    // MARK: the regular expressions (grep -E)

    @Test(arguments: [
        ("kmalloc-(64|96)", "kmalloc-96  42", true),
        ("kmalloc-(64|96)", "kmalloc-128", false),
        ("^Node", "Node 0, zone Normal", true),
        ("^Node", " Node 0", false),
        ("kB$", "MemFree:  100 kB", true),
        ("[0-9]{6}", "free 243923", true),
        ("[0-9]{6}", "free 24392", false),
        ("[[:digit:]]+ kB", "Slab: 12 kB", true),
        ("[^a-z ]", "abc def", false),
        ("a.c", "abc", true),
        ("ab?c", "ac", true),
        ("ab+c", "ac", false),
        ("(ab)*c$", "ababc", true),
        ("x{2,3}y", "xxxxy", true),
        ("^x{2,3}y", "xxxxy", false),
        ("\\.", "a.b", true),
        ("\\.", "ab", false),
        ("\\bmin\\b", "  min 123", true),
        ("\\bmin\\b", "  minimum", false),
        ("\\<spanned", "  spanned 1", true),
        ("*abc", "x*abc", true),       // a leading * is a literal, as GNU grep -E reads it
        ("a{", "a{", true),            // so is a { that starts no interval
        ("존", "zone 존 Normal", true), // Hangul, by character
        ("", "anything", true),
    ])
    func extendedRegexMatchesAsGrepE(pattern: String, line: String, expected: Bool) throws {
        #expect(try ExtendedRegex(pattern).matches(line) == expected)
    }

    @Test func optionsShapeTheMatch() throws {
        #expect(try ExtendedRegex("node", ignoreCase: true).matches("Node 0"))
        #expect(try ExtendedRegex("[a-c]+X", ignoreCase: true).matches("ABCx"))
        #expect(try ExtendedRegex("min", wholeWord: true).matches("  min 12"))
        #expect(try !ExtendedRegex("min", wholeWord: true).matches("  minimum 12"))
        #expect(try ExtendedRegex("ab", wholeLine: true).matches("ab"))
        #expect(try !ExtendedRegex("ab", wholeLine: true).matches("abc"))
        #expect(try ExtendedRegex("(0,", literal: true).matches("protection: (0, 1)"))
    }

    @Test func badPatternsSayWhereAndWhat() {
        func problem(_ p: String) -> ExtendedRegex.SyntaxError? {
            do { _ = try ExtendedRegex(p); return nil } catch { return error }
        }
        #expect(problem("(64") == .init(problem: .unmatchedParen, column: 1))
        #expect(problem("64)") == .init(problem: .unmatchedParen, column: 3))
        #expect(problem("a[bc") == .init(problem: .unmatchedBracket, column: 2))
        #expect(problem("[z-a]")?.problem == .badRange)
        #expect(problem("[[:nope:]]")?.problem == .badClass)
        #expect(problem("a{3,2}")?.problem == .badInterval)
        #expect(problem("a{300}")?.problem == .badInterval)
        #expect(problem("ab\\")?.problem == .trailingBackslash)
        #expect(problem("(((a{255}){255}){255})")?.problem == .tooLarge)
    }

    /// A pattern that makes a backtracking matcher take exponential time ends at once here (each character moves
    /// every state one step).
    @Test func nestedRepetitionDoesNotBacktrack() throws {
        let line = String(repeating: "a", count: 20_000) + "!"
        #expect(try !ExtendedRegex("(a+)+$").matches(line.dropLast().appending("b") + "c"))
        #expect(try !ExtendedRegex("(a|aa)*b").matches(line))
        #expect(try ExtendedRegex("(a|aa)*!").matches(line))
    }

    // MARK: where a line splits

    @Test func aPipeIsABarBeforeAFilter() throws {
        #expect(try PipelineParser.split("alloc_pages GFP_KERNEL | __GFP_ZERO 0") == nil)
        #expect(try PipelineParser.split("p = alloc_pages GFP_KERNEL|__GFP_ZERO 0") == nil)
        #expect(try PipelineParser.split("print 1 | 2") == nil)
        #expect(try PipelineParser.split("print x | heap") == nil)       // an expression keeps a near-miss name
        #expect(try PipelineParser.split("cat /proc/slabinfo # | grep x") == nil)
        #expect(try PipelineParser.split("cat a || head") == nil)
        let p = try #require(try PipelineParser.split("cat /proc/slabinfo | grep \"a|b\" | head -2"))
        #expect(p.command == "cat /proc/slabinfo")
        #expect(p.filters == [.grep(.init(pattern: "a|b")), .head(count: 2, allBut: false)])
        let c = try #require(try PipelineParser.split("x = kmalloc(96, GFP_KERNEL|__GFP_ZERO) | wc -l"))
        #expect(c.command == "x = kmalloc(96, GFP_KERNEL|__GFP_ZERO)")
        #expect(c.filters == [.wc(.init(lines: true))])
        let q = try #require(try PipelineParser.split("dmesg | grep 'zone Normal' # a comment"))
        #expect(q.filters == [.grep(.init(pattern: "zone Normal"))])
        let f = try #require(try PipelineParser.split("dmesg | fgrep -c '(0,'"))
        #expect(f.filters == [.grep(.init(pattern: "(0,", fixed: true, count: true))])
    }

    @Test(arguments: [
        ("| grep x", "nothing before '| grep'"),
        ("cat /proc/meminfo | grep", "grep needs a pattern"),
        ("cat /proc/meminfo | grep 'x", "a quote is not closed"),
        ("cat /proc/meminfo | grep x |", "nothing after '|'"),
        ("cat /proc/meminfo | sort", "kmemsim -c 'cat /proc/meminfo' | sort"),
        ("cat /proc/meminfo | grepp x", "did you mean grep?"),
        ("cat /proc/meminfo | grep x | haed", "did you mean head?"),
        ("cat /proc/meminfo | grep -q x", "grep has no option -q; it takes -i, -v"),
        ("cat /proc/meminfo | grep --conut x", "did you mean --count?"),
        ("cat /proc/meminfo | grep -A x y", "grep: -A takes a number of lines, not 'x'"),
        ("cat /proc/meminfo | grep -A", "grep: -A needs a value"),
        ("cat /proc/meminfo | grep x /proc/meminfo", "not a file: drop '/proc/meminfo'"),
        ("cat /proc/meminfo | head -n x", "head: -n takes a number of lines, not 'x'"),
        ("cat /proc/meminfo | tail -n -3", "tail: -n takes a number of lines, not '-3'"),
        ("cat /proc/meminfo | wc -x", "wc has no option -x"),
        ("cat /proc/meminfo | grep '(64'", "a parenthesis at column 1 has no partner"),
    ])
    func badPipesSayWhatToType(line: String, says: String) {
        var s = Self.booted
        let before = s.session.kernel
        let out = s.execute(line)
        #expect(!out.succeeded)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains(says), "\(out.stderr)")
        #expect(s.session.kernel == before)
    }

    // MARK: what the filters keep (GNU semantics on a pipe)

    static let ten = (1...10).map { "line \($0)\n" }.joined()

    @Test func headAndTailCountLines() {
        #expect(OutputFilter.head(count: 2, allBut: false).apply(Self.ten) == "line 1\nline 2\n")
        #expect(OutputFilter.head(count: 8, allBut: true).apply(Self.ten) == "line 1\nline 2\n")
        #expect(OutputFilter.tail(count: 2, fromLine: false).apply(Self.ten) == "line 9\nline 10\n")
        #expect(OutputFilter.tail(count: 9, fromLine: true).apply(Self.ten) == "line 9\nline 10\n")
        #expect(OutputFilter.head(count: 3, allBut: false).apply("") == "")
        #expect(OutputFilter.tail(count: 1, fromLine: false).apply("no newline") == "no newline\n")
    }

    @Test func grepContextSeparatesGroupsAsGrepDoes() throws {
        let g = try PipelineParser.filter("grep", ["-n", "-A1", "line [27]$"])
        #expect(g.apply(Self.ten) == "2:line 2\n3-line 3\n--\n7:line 7\n8-line 8\n")
        let b = try PipelineParser.filter("grep", ["-B", "1", "line (3|4)$"])
        #expect(b.apply(Self.ten) == "line 2\nline 3\nline 4\n")
        #expect(try PipelineParser.filter("grep", ["-vc", "1"]).apply(Self.ten) == "8\n")
        #expect(try PipelineParser.filter("egrep", ["-x", "line 1|line 10"]).apply(Self.ten) == "line 1\nline 10\n")
    }

    @Test func wcPrintsAsOnAPipe() throws {
        #expect(try PipelineParser.filter("wc", []).apply(Self.ten) == "     10      20      71\n")
        #expect(try PipelineParser.filter("wc", ["-l"]).apply(Self.ten) == "10\n")
        #expect(try PipelineParser.filter("wc", ["-wc"]).apply(Self.ten) == "     20      71\n")
        #expect(try PipelineParser.filter("wc", ["-m"]).apply("존 zone\n") == "7\n")
    }

    // MARK: in the shell

    @Test func theCommandRunsAndOnlyItsOutputIsFiltered() {
        var s = Self.booted
        let slab = s.execute("cat /proc/slabinfo | grep -E '^kmalloc-(64|96) '")
        #expect(slab.succeeded)
        #expect(slab.stdout.split(separator: "\n").map { $0.prefix(10) } == ["kmalloc-96", "kmalloc-64"])
        let p = s.execute("x = kmalloc 64 GFP_KERNEL | wc -l")
        #expect(p.stdout == "1\n")
        #expect(s.session.variables["x"] != nil)
        _ = s.execute("kfree $x")
        // The refused double free: the kernel's BUG report and the error stay, whatever the filter keeps.
        let again = s.execute("kfree $x | grep nothing-matches")
        #expect(!again.succeeded)
        #expect(again.stdout.contains("kernel BUG at mm/slub.c"))
        #expect(again.stderr.contains("refused"))
    }

    @Test func aPipedCommandWritesNoColour() throws {
        var p = BootParams()
        p.memory = 256 << 20
        var s = try Shell(params: p, settings: ShellSettings(color: true))
        let plain = s.execute("help | grep -c .")
        #expect(plain.stdout == "\(s.execute("help").stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().filter { !$0.isEmpty }.count)\n")
        #expect(!s.execute("help | head -3").stdout.contains("\u{1B}["))
        #expect(s.session.settings.color)
    }

    @Test func jsonAndKernelCLinesRefuseAPipe() throws {
        var p = BootParams()
        p.memory = 256 << 20
        var j = try Shell(params: p, settings: ShellSettings(json: true))
        let out = j.execute("cat /proc/meminfo | head -2")
        #expect(!out.succeeded)
        #expect(out.stderr.contains("filter the records outside kmemsim (with jq)"))
        var s = Self.booted
        let c = s.execute("void *p = kmalloc(64, GFP_KERNEL); | wc -l")
        #expect(!c.succeeded)
        #expect(c.stderr.contains("a kernel C line cannot be piped"))
    }

    @Test func koreanErrorsAreSentences() {
        var s = Self.booted
        _ = s.execute("lang ko")
        #expect(s.execute("cat /proc/meminfo | grep").stderr.contains("grep에는 찾을 패턴이 필요합니다"))
        #expect(s.execute("cat /proc/meminfo | sort").stderr.contains("sort 명령은 셸에서 실행하세요"))
    }

    @Test func completionOffersFiltersAfterABar() {
        let s = Self.booted
        #expect(s.complete("cat /proc/slabinfo | gr").candidates == ["grep"])
        #expect(s.complete("cat /proc/slabinfo | grep x | h").candidates.contains("head"))
        #expect(!s.complete("alloc_pages GFP_KERNEL|__GFP_Z").candidates.contains("grep"))
    }
}

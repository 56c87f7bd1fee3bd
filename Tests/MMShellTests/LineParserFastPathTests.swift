import Testing
import KernelMM
@testable import MMShell

/// The byte-level reading of common lines gives exactly what the general, Character-by-Character one gives; lines
/// it does not take are left to the general path (so their errors are worded once).
@Suite struct LineParserFastPathTests {
    static let lines = [
        "p = alloc_pages GFP_KERNEL 0", "__free_pages $p 0", "  q=alloc_pages GFP_KERNEL|__GFP_ZERO 3  ;;", "$x = kmalloc 96 GFP_ATOMIC",
        "alloc_pages GFP_KERNEL | __GFP_ZERO 2", "gfp GFP_KERNEL & ~__GFP_RECLAIM", "gfp ~ __GFP_IO", "print (1 + 2) * 3",
        "? zone(\"Normal\").free[3]", "x = ? page($p).order", "answer 0x1000, 0x1004", "kmem_cache_create \"my cache\" 100",
        "cat /proc/buddyinfo # a comment", "# only a comment", "", "   ", "boot arch=i386 mem=2G cpus=2", "memmap --around $p",
        "a == b", "x = ", "= 3", "f(1) (2", "g )", "alloc_pages(GFP_KERNEL, 3);", "echo \"a # b\" c", "slab-top x", "x = y = z",
        "kmalloc 100 GFP_KERNEL|", "w foo(bar baz) qux", "1abc", "_x = 1", "é = 1", "p = alloc_pages\tGFP_KERNEL 0", "answer",
    ]

    @Test(arguments: lines)
    func fastPathAgreesWithTheGeneralOne(_ line: String) {
        let general = Result { () throws(CommandError) in try LineParser.parseGeneral(line) }
        switch LineParser.parseASCII(line) {
        case .general:
            break
        case .empty:
            #expect((try? general.get()) == .some(nil), "\(line)")
        case .line(let fast):
            #expect((try? general.get()) == fast, "\(line)")
        }
    }

    @Test func commonScriptLinesTakeTheFastPath() {
        for line in ["p = alloc_pages GFP_KERNEL 0", "__free_pages $p 0", "kmalloc 96 GFP_KERNEL|__GFP_ZERO"] {
            guard case .line = LineParser.parseASCII(line) else {
                Issue.record("'\(line)' went to the general path")
                continue
            }
        }
    }

    @Test func gfpNamesOnlyAgreesWithTheParser() throws {
        for mask in ["GFP_KERNEL", "GFP_KERNEL|__GFP_ZERO", "__GFP_DMA|__GFP_HIGH|GFP_NOWAIT", "GFP_ATOMIC|__GFP_NOWARN"] {
            let fast = try #require(GFPParser.namesOnly(mask))
            #expect(fast == (try GFPParser.parse(" " + mask + " ")))
        }
        for notNames in ["gfp_kernel", "GFP_KERNEL||__GFP_ZERO", "0xcc0", "GFP_KERNEL | __GFP_ZERO", "~__GFP_IO", "GFP_TEMPORARY", "|GFP_KERNEL"] {
            #expect(GFPParser.namesOnly(notNames) == nil, "\(notNames)")
        }
    }
}

/// The byte-level "is this line C?" agrees with the Character one, on shell lines and C lines alike.
@Suite struct CInputFastPathTests {
    @Test func asciiAgreesWithCharacters() throws {
        var sh = try Shell(params: { var p = BootParams(); p.memory = 64 << 20; return p }())
        _ = sh.execute("int counter = 0;")
        _ = sh.execute("v = alloc_pages GFP_KERNEL 0")
        let lines = LineParserFastPathTests.lines + [
            "kfree(x);", "x = kmalloc(100, GFP_KERNEL);", "x = kmalloc 100 GFP_KERNEL", "p = alloc_pages(GFP_KERNEL, 3);",
            "alloc_pages(GFP_KERNEL, 3)", "alloc_pages(GFP_KERNEL, 3);", "struct dog { int a; };", "unsigned long n = 3;",
            "if (x) {", "for (i = 0; i < 3; i++)", "counter++;", "counter += 2", "page += 1;", "#include <linux/slab.h>",
            "#define N 3", "// note", "/* c */", "++i;", "--i", "*p = 1;", "'a'", "{", "i++", "f(", "x;", "sizeof(long)",
            "static int f(void)", "v", "v + 1", "make_dogs(3);", "printk(\"hi\");", "size_t n = 4;", "$x = 1", "? 1 + 1",
            "\tkfree(x);\t", "x == 3", "x=y", "print 1", "answer (1)", "gfp_t g = GFP_KERNEL;", "return 0;",
        ]
        for line in lines {
            guard let fast = CInput.isCASCII(line, session: sh.session) else {
                #expect(line.unicodeScalars.contains { !$0.isASCII }, "'\(line)' is ASCII but went to the Character path")
                continue
            }
            #expect(fast == CInput.isCCharacters(line, session: sh.session), "'\(line)'")
        }
    }
}

/// A statement left open asks for more; a complete line (every shell command) does not.
@Suite struct NeedsMoreTests {
    @Test(arguments: [("if (x)", true), ("else", true), ("if (a)\n\tx++;\nelse", true), ("} else if (b)", false), ("static int f(void)", true), ("x = 1 + \\", true),
                      ("for (i = 0; i < n; i++)", true), ("{", true), ("kfree(x", true), ("/* open", true),
                      ("p = alloc_pages GFP_KERNEL 0", false), ("kfree(x);", false), ("__free_pages $p 0", false),
                      ("x = kmalloc(100, GFP_KERNEL);", false), ("if (x) kfree(x);", false), ("done", false), ("f()", false)])
    func openStatementsContinue(_ line: String, _ more: Bool) {
        #expect(CInput.needsMore(line) == more, "'\(line)'")
    }
}

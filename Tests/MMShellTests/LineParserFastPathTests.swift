import Testing
import KernelMM
@testable import MMShell

/// The one-name and names-only gfp readings agree with the full mask parser.
@Suite struct GFPFastPathTests {
    @Test func gfpNamesOnlyAgreesWithTheParser() throws {
        for mask in ["GFP_KERNEL", "GFP_KERNEL|__GFP_ZERO", "__GFP_DMA|__GFP_HIGH|GFP_NOWAIT", "GFP_ATOMIC|__GFP_NOWARN"] {
            let fast = try #require(GFPParser.namesOnly(mask))
            #expect(fast == (try GFPParser.parse(" " + mask + " ")))
        }
        for notNames in ["gfp_kernel", "GFP_KERNEL||__GFP_ZERO", "0xcc0", "GFP_KERNEL | __GFP_ZERO", "~__GFP_IO", "GFP_TEMPORARY", "|GFP_KERNEL"] {
            #expect(GFPParser.namesOnly(notNames) == nil, "\(notNames)")
        }
    }

    /// namesOnly looks a whole mask up as it is, which is right only while every name is a word.
    @Test func everyGFPNameIsAWord() {
        for n in GFPNames.all.map(\.name) {
            let b = Array(n.utf8)
            #expect(!b.isEmpty && (b[0] == 0x5F || LineParser.isASCIILetter(b[0])) && b.allSatisfy(LineParser.isASCIIWord), "\(n)")
        }
    }

    /// Plain decimal numbers are read without the general path; everything else still takes it.
    @Test(arguments: ["0", "7", "007", "123456789012345678", "1234567890123456789", "", "-1", "+1", "1_000", "0x10", "1 ", "١"])
    func numbersReadAsBefore(_ s: String) {
        #expect(NumberParser.integer(s) == NumberParser.generalInteger(s), "'\(s)'")
    }
}

/// The byte-level "is this line C?" agrees with the Character one, on shell lines and C lines alike.
@Suite struct CInputFastPathTests {
    @Test func asciiAgreesWithCharacters() throws {
        var sh = try Shell(params: { var p = BootParams(); p.memory = 64 << 20; return p }())
        _ = sh.execute("int counter = 0;")
        _ = sh.execute("v = alloc_pages GFP_KERNEL 0")
        let lines = LineParserReferenceTests.lines + [
            "kfree(x);", "x = kmalloc(100, GFP_KERNEL);", "x = kmalloc 100 GFP_KERNEL", "p = alloc_pages(GFP_KERNEL, 3);",
            "alloc_pages(GFP_KERNEL, 3)", "alloc_pages(GFP_KERNEL, 3);", "struct dog { int a; };", "unsigned long n = 3;",
            "if (x) {", "for (i = 0; i < 3; i++)", "counter++;", "counter += 2", "page += 1;", "#include <linux/slab.h>",
            "#define N 3", "// note", "/* c */", "++i;", "--i", "*p = 1;", "'a'", "{", "i++", "f(", "x;", "sizeof(long)",
            "static int f(void)", "v", "v + 1", "make_dogs(3);", "printk(\"hi\");", "size_t n = 4;", "$x = 1", "? 1 + 1",
            "\tkfree(x);\t", "x == 3", "x=y", "print 1", "answer (1)", "gfp_t g = GFP_KERNEL;", "return 0;",
        ]
        for line in lines {
            var named: CommandSpec?
            guard let fast = CInput.isCASCII(line, session: sh.session, command: &named) else {
                #expect(line.unicodeScalars.contains { !$0.isASCII || ($0.value < 0x20 && $0 != "\t") }, "'\(line)' is printable ASCII but went to the Character path")
                continue
            }
            #expect(fast == CInput.isCCharacters(line, session: sh.session), "'\(line)'")
            // The command the decision noted for a shell line is the one the shell would look up for its word.
            if !fast, let named, let parsed = try? LineParser.parse(line), parsed.command == named.name {
                #expect(CommandTable.standard.lookup(parsed.command) === named, "'\(line)'")
            }
        }
        // Shell.run takes a noted command for a word that is its name only while names find their own commands.
        #expect(CommandTable.standard.namesFindTheirOwn)
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

    /// The quick rejection looks for exactly the bytes the full reading treats specially outside a string.
    @Test func nestingBytesAreTheSevenItReads() {
        let special = Set("\"'()/{}".utf8)
        let named = CInput.nestingBytes
        let looked = Set(UnsafeBufferPointer(start: named.utf8Start, count: named.utf8CodeUnitCount))
        for c in 0...255 { #expect(looked.contains(UInt8(c)) == special.contains(UInt8(c)), "byte \(c)") }
    }
}

import Testing
@testable import kmemsim

/// `Kmemsim.quickParse` reads the common command lines without ArgumentParser: what it gives must be exactly what
/// ArgumentParser gives for them, every option set (none left unparsed, which would trap when read), and every
/// other command line must be left to ArgumentParser.
@Suite struct QuickParseTests {
    /// Each option's stored state, by name, as ArgumentParser's property wrappers describe themselves.
    static func options(_ k: Kmemsim) -> [String] {
        Mirror(reflecting: k).children.map { "\($0.label ?? "?") = \(String(describing: $0.value))" }
    }

    @Test(arguments: [[], ["-c", "quit"], ["-c", "p = alloc_pages GFP_KERNEL 0", "-c", "__free_pages $p 0"], ["-f", "script.txt"],
                      ["-f", "s.txt", "-c", "zones"], ["cat", "/proc/buddyinfo"], ["lesson", "list"], ["-c", ""],
                      ["-c", "quit", "lesson", "run", "01"]])
    func readsAsArgumentParserDoes(_ argv: [String]) throws {
        let quick = try #require(Kmemsim.quickParse(argv), "\(argv) went to ArgumentParser")
        let parsed = try Kmemsim.parse(argv)
        let q = Self.options(quick), p = Self.options(parsed)
        #expect(q.count == p.count)
        for (a, b) in zip(q, p) { #expect(a == b, "\(argv)") }
        // An option Kmemsim declares but quickParse does not set is still a bare definition, and reading it traps:
        // a new option needs its default in quickParse too.
        for line in q { #expect(!line.contains("definition"), "quickParse leaves \(line.prefix(40)) unset; give it its default there") }
    }

    /// The run-time check that keeps a forgotten option from trapping: a fresh Kmemsim() is all definitions.
    @Test func aBareDefinitionIsSeen() throws {
        #expect(!Kmemsim.everyOptionSet(Kmemsim()))
        #expect(Kmemsim.everyOptionSet(try Kmemsim.parse([])))
    }

    @Test(arguments: [["--mem", "64M"], ["-c"], ["-c", "-x"], ["--json", "-c", "quit"], ["-h"], ["--help"], ["--", "cat"],
                      ["-cquit"], ["-f", "a", "-f", "b"], ["cat", "-h"], ["--undo-depth", "0"], ["-x"]])
    func leavesTheRestToArgumentParser(_ argv: [String]) {
        #expect(Kmemsim.quickParse(argv) == nil, "\(argv)")
    }
}

import Testing
@testable import kmemsim

/// `Kmemsim.quickParse` reads the common command lines without ArgumentParser: what it gives must be exactly what
/// ArgumentParser gives for them, and every other command line must be left to ArgumentParser. `RunOptions` must carry
/// every option `Kmemsim` declares, since the run reads only it.
@Suite struct QuickParseTests {
    @Test(arguments: [[], ["-c", "quit"], ["-c", "p = alloc_pages GFP_KERNEL 0", "-c", "__free_pages $p 0"], ["-f", "script.txt"],
                      ["-f", "s.txt", "-c", "zones"], ["cat", "/proc/buddyinfo"], ["lesson", "list"], ["-c", ""],
                      ["-c", "quit", "lesson", "run", "01"]])
    func readsAsArgumentParserDoes(_ argv: [String]) throws {
        let quick = try #require(Kmemsim.quickParse(argv), "\(argv) went to ArgumentParser")
        #expect(quick == (try Kmemsim.parse(argv)).runOptions, "\(argv)")
    }

    /// Every option of `Kmemsim` is a field of RunOptions, or a boot flag (RunOptions.bootFlags), or `--undo` (accepted
    /// for older scripts, and meaning nothing now); a new option must be added to RunOptions to be read at all.
    @Test func runOptionsCarriesEveryOption() throws {
        let fields = Set(Mirror(reflecting: RunOptions()).children.compactMap(\.label))
        let parsed = try Kmemsim.parse([])
        let bootFlagProperties = Set(Mirror(reflecting: parsed).children.compactMap(\.label).map { String($0.dropFirst()) })
            .subtracting(fields).subtracting(["undo"])
        // What is left must be exactly the boot flags, each found by its parameter name.
        #expect(bootFlagProperties.count == parsed.bootFlags.count, "\(bootFlagProperties.sorted())")
        // A flag's value arrives under its parameter's name.
        let withMem = try Kmemsim.parse(["--mem", "64M", "--cpus", "2", "--seed", "7"]).runOptions
        #expect(withMem.bootFlags == ["mem": "64M", "cpus": "2", "seed": "7"])
        #expect(try withMem.bootParams().memory == 64 << 20)
    }

    /// Each option's value lands in its own field.
    @Test func everyOptionArrivesInItsField() throws {
        let argv = ["--bail", "--echo", "--json", "--one-stream", "--fail-on", "bug", "--color", "never", "--ascii", "--undo-depth", "3",
                    "--validate", "--lang", "ko", "--no-skip", "--allow-skip", "--load", "saved.json", "--progress", "p.json",
                    "-f", "script.txt", "-c", "zones", "-c", "quit", "cat", "/proc/zoneinfo"]
        let expected = RunOptions(c: ["zones", "quit"], f: "script.txt", bail: true, echo: true, json: true, oneStream: true, failOn: .bug,
                                  color: .never, ascii: true, undoDepth: 3, validate: true, bootFlags: [:], lang: "ko", noSkip: true,
                                  allowSkip: true, load: "saved.json", progress: "p.json", words: ["cat", "/proc/zoneinfo"])
        #expect(try Kmemsim.parse(argv).runOptions == expected)
    }

    @Test(arguments: [["--mem", "64M"], ["-c"], ["-c", "-x"], ["--json", "-c", "quit"], ["-h"], ["--help"], ["--", "cat"],
                      ["-cquit"], ["-f", "a", "-f", "b"], ["cat", "-h"], ["--undo-depth", "0"], ["-x"]])
    func leavesTheRestToArgumentParser(_ argv: [String]) {
        #expect(Kmemsim.quickParse(argv) == nil, "\(argv)")
    }
}

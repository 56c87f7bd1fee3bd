import Foundation
import Testing

import KmemsimTestSupport

/// Bounded resources through the built binary (issue 17): flags asking for impossible machines and a 100 MB line
/// are refused with an error naming the limit, quickly and without holding the line in memory.
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct BoundedInputEndToEndTests {
    @Test func aPetabyteMachineIsRefusedNamingTheLargest() throws {
        let r = try KmemsimBinary.run(["--mem", "1P", "-c", "quit"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("mem=1 PiB is more than x86_64 supports here (at most 64 GiB); give mem=64G or less"), "\(r.stderr)")
        let ko = try KmemsimBinary.run(["--lang", "ko", "--arch", "i386", "--mem", "1T", "-c", "quit"])
        #expect(ko.status == 2)
        #expect(ko.stderr.contains("(최대 4 GiB). mem=4G 이하로 주세요"), "\(ko.stderr)")
    }

    @Test func aHundredThousandCPUsAreRefusedNamingTheRange() throws {
        let r = try KmemsimBinary.run(["--cpus", "100000", "-c", "quit"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cpus=100000: choose 1 to 64"), "\(r.stderr)")
    }

    /// A 100 MB line is refused by its length and skipped without being kept (the issue measured 2.1 GB for one);
    /// the next line runs. Peak memory of the children is read from getrusage once they are waited for.
    @Test func aHundredMegabyteLineIsRefusedAndTheNextLineRuns() throws {
        let script = "/tmp/kmemsim-100mb-\(getpid()).txt"
        var data = Data(repeating: UInt8(ascii: "A"), count: 100_000_000)
        data.append(Data("\nprint 6 * 7\n".utf8))
        FileManager.default.createFile(atPath: script, contents: data)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let r = try KmemsimBinary.run(["--mem", "64M", "-f", script])
        #expect(r.status == 1)
        #expect(r.stderr == "kmemsim: \(script):1: error: the line is 100000000 bytes long; kmemsim reads lines of at most 1048576 bytes (1 MiB)\n")
        #expect(r.stdout == "42\n")
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        // ru_maxrss is in KiB: the largest child so far, this one included, stayed far below the line's size.
        #expect(usage.ru_maxrss < 200_000, "peak RSS \(usage.ru_maxrss) KiB")
    }
}

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
    /// the next line runs. The run gets 160 MB of address space (`ulimit -v`; the debug binary itself maps about
    /// 100 MB), so a reader that held the line would fail.
    @Test func aHundredMegabyteLineIsRefusedAndTheNextLineRuns() throws {
        let path = try #require(KmemsimBinary.path)
        let script = "/tmp/kmemsim-100mb-\(getpid()).txt"
        FileManager.default.createFile(atPath: script, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let file = try #require(FileHandle(forWritingAtPath: script))
        let chunk = Data(repeating: UInt8(ascii: "A"), count: 1_000_000)
        for _ in 0..<100 { file.write(chunk) }
        file.write(Data("\nprint 6 * 7\n".utf8))
        try file.close()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -v 160000 && exec \"$0\" --mem 64M < \"$1\"", path, script]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1, "\(stderr)")
        #expect(stderr == "kmemsim: <stdin>:1: error: the line is 100000000 bytes long; kmemsim reads lines of at most 1048576 bytes (1 MiB)\n")
        #expect(stdout == "42\n")
    }
}

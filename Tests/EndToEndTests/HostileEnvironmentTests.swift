import Foundation
import Testing

import KmemsimTestSupport

/// The environment is hostile too (issue 17): unwritable output, a directory as the script, a byte-order mark.
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct HostileEnvironmentTests {
    @Test func aDirectoryAsTheScriptIsAnError() throws {
        let r = try KmemsimBinary.run(["-f", "/tmp"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("directory"))
    }

    @Test func aByteOrderMarkDoesNotBreakTheFirstLine() throws {
        let path = "/tmp/kmemsim-bom-\(getpid()).txt"
        FileManager.default.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF] + Array("print 6 * 7\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try KmemsimBinary.run(["-f", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "42\n")
    }

    @Test func writeErrorsOnStandardOutputAreReportedAndExitNonZero() throws {
        let path = try #require(KmemsimBinary.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-c", "cat /proc/buddyinfo"]
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errPipe = Pipe()
        p.standardOutput = full
        p.standardError = errPipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let err = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(err.contains("cannot write standard output"), "\(err)")
    }

    @Test func jsonHelpIsJSON() throws {
        for args in [["--json", "-h"], ["--help", "--json"]] {
            let r = try KmemsimBinary.run(args)
            #expect(r.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let command = object?["command"] as? [String: Any]
            #expect((command?["arguments"] as? [Any])?.isEmpty == false, "\(args): \(r.stdout.prefix(200))")
        }
    }

    /// Output closed early (`kmemsim < big.txt | head -1`): the usual quiet end by SIGPIPE, no error text.
    @Test func aClosedPipeEndsQuietly() throws {
        let path = try #require(KmemsimBinary.path)
        let script = "/tmp/kmemsim-big-\(getpid()).txt"
        FileManager.default.createFile(atPath: script, contents: Data(String(repeating: "cat /proc/buddyinfo\n", count: 20000).utf8))
        defer { try? FileManager.default.removeItem(atPath: script) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--mem", "64M"]
        let output = Pipe(), errors = Pipe()
        p.standardInput = try #require(FileHandle(forReadingAtPath: script))
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        // Take the first bytes, then close our end while kmemsim still has thousands of lines to answer.
        #expect(!output.fileHandleForReading.readData(ofLength: 10).isEmpty)
        try output.fileHandleForReading.close()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGPIPE, "\(p.terminationReason) \(p.terminationStatus)")
        #expect(err.isEmpty, "\(err)")
    }
}

import Foundation

/// The kmemsim executable that SwiftPM builds beside the test runner, run as a teacher's script would run it.
/// Shared by the end-to-end, lesson and pty tests.
public enum KmemsimBinary {
    /// Its path, or nil when it was not built (the tests that need it are then skipped).
    public static var path: String? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // swift test runs an .xctest bundle; the executable sits beside it, a level or two up.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("kmemsim").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    public struct NotBuilt: Error {}

    /// Runs it with `args`, feeding `stdin`; `environment` entries are added to (or replace) the test's own, or with
    /// `inherit: false` are all it gets (no LANG, TERM or NO_COLOR unless given).
    public static func run(_ args: [String], stdin: String = "", environment: [String: String] = [:], inherit: Bool = true) throws -> Result {
        guard let path else { throw NotBuilt() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = inherit ? ProcessInfo.processInfo.environment : [:]
        if inherit { env["NO_COLOR"] = "1" }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: p.terminationStatus)
    }
}

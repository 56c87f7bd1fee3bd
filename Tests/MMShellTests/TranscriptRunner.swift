import KernelMM
@testable import MMShell
#if canImport(Glibc)
import Glibc
#endif

/// Runs a transcript file through the shell in-process and compares the output line by line.
///
/// Format: lines starting with a prompt (`kmemsim> ` or `kmemsim [cpu1 atomic:1]> `) are input; the lines after an
/// input, up to the next input, are its expected output (stdout, then errors as `error: MESSAGE`). An optional first line
/// `# boot: key=value …` chooses the machine; other `#` lines before the first input are comments.
/// `KMEMSIM_RECORD=1` rewrites the file with the actual output instead of comparing.
struct Transcript {
    let path: String
    let header: [String]
    let inputs: [String]
    let boot: [String]

    static func load(_ path: String) -> Transcript? {
        guard let text = FileOutput.read(path) else { return nil }
        var header: [String] = [], inputs: [String] = [], boot: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let input = promptInput(line) {
                inputs.append(input)
            } else if inputs.isEmpty, line.hasPrefix("#") {
                header.append(line)
                if line.hasPrefix("# boot:") { boot = line.dropFirst(7).split(separator: " ").map(String.init) }
            }
        }
        return Transcript(path: path, header: header, inputs: inputs, boot: boot)
    }

    /// The input of a prompt line, or nil.
    static func promptInput(_ line: String) -> String? {
        guard line.hasPrefix("kmemsim") else { return nil }
        if line.hasPrefix("kmemsim> ") { return String(line.dropFirst(9)) }
        if line.hasPrefix("kmemsim>") && line.count == 8 { return "" }
        if line.hasPrefix("kmemsim ["), let end = line.firstIndex(of: "]"), line[end...].hasPrefix("]> ") {
            return String(line[line.index(end, offsetBy: 3)...])
        }
        return nil
    }

    /// What the shell prints for this transcript, in transcript form.
    func run() throws -> String {
        var params = BootParams()
        try BootParamParser.apply(boot, to: &params)
        var shell = try Shell(params: params)
        var out = header.map { $0 + "\n" }.joined()
        for input in inputs {
            out += shell.prompt + input + "\n"
            let r = shell.execute(input)
            out += r.stdout + r.stderr
            if shell.session.wantsExit { break }
        }
        return out
    }

    /// The first line that differs, as a message, or nil when equal.
    static func firstDifference(expected: String, actual: String) -> String? {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of output>"
            if el != al { return "line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return nil
    }
}

enum TranscriptFiles {
    static var directory: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Transcripts"
    }

    static var all: [String] {
        guard let d = opendir(directory) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name.hasSuffix(".txt") { names.append(name) }
        }
        return names.sorted()
    }
}

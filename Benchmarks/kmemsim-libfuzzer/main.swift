import KernelMM
import KmemsimFuzz
import MMShell
#if canImport(Glibc)
import Glibc
#endif

// kmemsim-libfuzzer: libFuzzer over the line parser and the interpreter (issue 17). Each input is up to 32 lines run
// on a fresh 64 MiB machine; after each line the fuzzer's rules must hold (a failed line changed nothing unless
// kernel C ran, a refused one only what a refusal may, every invariant), else the process aborts and libFuzzer keeps
// the input. `Benchmarks/libfuzzer [SECONDS] [address]` builds it with -sanitize=fuzzer (and AddressSanitizer) and
// runs it. Built normally (swift build), it replays the files given as arguments, one input each: a found crash can
// be rerun in a debug build.
//
// Lines that could write files (save, snapshot, export-proc, lesson export, --svg, --force) are skipped: random
// bytes must not reach the file system. Reading (load, insmod, lesson import) stays in, within kmemsim's own limits.

/// The booted machine every input starts from (booting once; each input works on a copy of the value).
nonisolated(unsafe) var fresh: Shell? = nil

func startingShell() -> Shell? {
    if let fresh { return fresh }
    var p = BootParams()
    p.memory = 64 << 20
    p.cpus = 2
    guard var sh = try? Shell(params: p) else { return nil }
    sh.session.lessons.progressPath = nil
    fresh = sh
    return sh
}

let writeWords = ["save", "snapshot", "export", "svg", "force", "lesson"]

/// Fails loudly: libFuzzer saves the input that got here.
func broken(_ what: String, _ line: String) -> Never {
    let text = "kmemsim-libfuzzer: \(what) after: \(line.prefix(300))\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    abort()
}

func runInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0, size <= 64 << 10, var sh = startingShell() else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lastChecked = sh.session.kernel
    for raw in text.split(separator: "\n", maxSplits: 32, omittingEmptySubsequences: true).prefix(32) {
        let line = String(raw)
        let lower = line.lowercased()
        if writeWords.contains(where: { lower.contains($0) }) { continue }
        let before = sh.session.kernel, vars = sh.session.variables
        let r = sh.execute(line)
        if r.refused {
            if let what = ShellFuzzer.refusalOverstep(before: before, after: sh.session.kernel) { broken("refused but \(what)", line) }
        } else if !r.succeeded, !r.ranBeforeFailing, sh.session.kernel != before || sh.session.variables != vars {
            broken("failed but changed the session", line)
        }
        if !ShellFuzzer.sameMemory(sh.session.kernel, lastChecked) {
            let breaks = sh.session.kernel.invariantViolations()
            if !breaks.isEmpty { broken("invariant broken (\(breaks.map { Message.invariant($0).en }.joined(separator: "; ")))", line) }
            lastChecked = sh.session.kernel
        }
        if sh.session.wantsExit { sh.session.wantsExit = false }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { runInput(data, size) }

#if KMEMSIM_LIBFUZZER
// libFuzzer's driver, from the runtime -sanitize=fuzzer links (its own main() is not pulled in: this one is).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { runInput($0, $1) })
#else
// Replay: each argument is a file holding one input.
var status: Int32 = 0
for path in CommandLine.arguments.dropFirst() {
    guard let f = fopen(path, "rb") else {
        _ = "kmemsim-libfuzzer: cannot open \(path)\n".withCString { write(2, $0, strlen($0)) }
        status = 2
        continue
    }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes += buf[0..<n]
    }
    fclose(f)
    _ = bytes.withUnsafeBufferPointer { runInput($0.baseAddress, $0.count) }
    _ = "\(path): ok\n".withCString { write(1, $0, strlen($0)) }
}
exit(status)
#endif

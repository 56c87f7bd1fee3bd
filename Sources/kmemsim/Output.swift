#if canImport(Glibc)
import Glibc
#endif

/// stdout and stderr, written whole: each command's output is built first, then written with one write(2) loop,
/// so stdout and stderr interleave in command order.
///
/// A script's stdout is gathered into one buffer (`buffered`) rather than written command by command: a
/// million-line script was a million write(2) calls. The buffer goes out before anything is written to stderr (so
/// the two still interleave in command order), before the reader waits for more input (so whoever feeds a pipe
/// line by line sees each answer), when it holds 64 KiB, and at exit.
enum Output {
    nonisolated(unsafe) static var buffered = false
    /// The gathered bytes, behind a pointer that never changes: a `static var` array was checked for exclusive
    /// access (a runtime call to begin and one to end) at every append, and every script line appends.
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<[UInt8]> = {
        let p = UnsafeMutablePointer<[UInt8]>.allocate(capacity: 1)
        p.initialize(to: [])
        return p
    }()
    private static let flushAt = 1 << 16

    static func out(_ s: String) {
        guard buffered else { return write(s, to: 1) }
        guard !s.isEmpty else { return }
        // Its bytes in place, copied at once: the generic append of a UTF8View was a loop of its own.
        if s.utf8.withContiguousStorageIfAvailable({ pending.pointee.append(contentsOf: $0) }) == nil {
            pending.pointee.append(contentsOf: s.utf8)
        }
        if pending.pointee.count >= flushAt { flush() }
    }

    static func err(_ s: String) {
        // Nothing for stderr (most lines): the buffer stays, or every line would be a write(2) again.
        guard !s.isEmpty else { return }
        flush()
        write(s, to: 2)
    }

    /// Writes what `out` has gathered.
    static func flush() {
        guard !pending.pointee.isEmpty else { return }
        write(bytes: &pending.pointee, to: 1)
        pending.pointee.removeAll(keepingCapacity: true)
    }

    /// The first error writing standard output (e.g. ENOSPC on /dev/full), if any: the run stops and exits 1,
    /// rather than pretending the output arrived. (A closed pipe ends the process by SIGPIPE, quietly, as usual.)
    nonisolated(unsafe) static var stdoutError: Int32?

    static func write(_ s: String, to fd: Int32) {
        guard !s.isEmpty else { return }
        var bytes = Array(s.utf8)
        write(bytes: &bytes, to: fd)
    }

    private static func write(bytes: inout [UInt8], to fd: Int32) {
        guard !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) } // trap-ok: non-empty array
            if n < 0 {
                if errno == EINTR { continue }
                if fd == 1, stdoutError == nil { stdoutError = errno }
                return
            }
            offset += n
        }
    }
}

/// The width pictures fit: COLUMNS, else the terminal's size (TIOCGWINSZ), else 80.
func terminalColumns() -> Int {
    if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c > 0 { return c }
    var ws = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return 80
}

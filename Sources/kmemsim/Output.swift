#if canImport(Glibc)
import Glibc
#endif
import MMShell

/// stdout and stderr, written whole: each command's output is built first, then written with one write(2) loop,
/// so stdout and stderr interleave in command order.
///
/// A script's stdout is gathered into one buffer (`buffered`) rather than written command by command: a
/// million-line script was a million write(2) calls. The buffer goes out before anything is written to stderr (so
/// the two still interleave in command order), before the reader waits for more input (so whoever feeds a pipe
/// line by line sees each answer), when it holds 64 KiB, and at exit.
enum Output {
    nonisolated(unsafe) static var buffered = false
    /// The gathered bytes, in a buffer that never changes (a `static var` array was checked for exclusive access, a
    /// runtime call to begin and one to end, at every append, and every script line appends). The shell writes a
    /// line's value line here itself (`Shell.execute(_:source:line:stdout:)`), before the line's `out`.
    static let pending = OutputBytes()
    private static let flushAt = 1 << 16

    static func out(_ s: String) {
        guard buffered else { return write(s, to: 1) }
        // Most script lines' own text is empty (the value line went into `pending` already): nothing to append.
        if !s.isEmpty { pending.append(s) }
        if pending.count >= flushAt { flush() }
    }

    static func err(_ s: String) {
        // Nothing for stderr (most lines): the buffer stays, or every line would be a write(2) again.
        guard !s.isEmpty else { return }
        flush()
        write(s, to: 2)
    }

    /// Writes what `out` has gathered.
    static func flush() {
        guard !pending.isEmpty else { return }
        pending.withBytes { write(bytes: $0, to: 1) }
        pending.removeAll()
    }

    /// The first error writing standard output (e.g. ENOSPC on /dev/full), if any: the run stops and exits 1,
    /// rather than pretending the output arrived. (A closed pipe ends the process by SIGPIPE, quietly, as usual.)
    nonisolated(unsafe) static var stdoutError: Int32?

    static func write(_ s: String, to fd: Int32) {
        guard !s.isEmpty else { return }
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { write(bytes: $0, to: fd) }
    }

    private static func write(bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
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

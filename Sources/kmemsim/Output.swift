#if canImport(Glibc)
import Glibc
#endif

/// stdout and stderr, written whole: each command's output is built first, then written with one write(2) loop,
/// so stdout and stderr interleave in command order.
enum Output {
    static func out(_ s: String) { write(s, to: 1) }
    static func err(_ s: String) { write(s, to: 2) }

    static func write(_ s: String, to fd: Int32) {
        guard !s.isEmpty else { return }
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) } // trap-ok: non-empty array
            if n < 0 {
                if errno == EINTR { continue }
                return // a closed pipe: nothing left to tell
            }
            offset += n
        }
        bytes.removeAll()
    }
}

/// The width pictures fit: COLUMNS, else the terminal's size (TIOCGWINSZ), else 80.
func terminalColumns() -> Int {
    if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c > 0 { return c }
    var ws = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return 80
}

// Reads lines from a file descriptor without libedit: for piped standard input and script files.
import Glibc

/// Reads LF-terminated lines from a file descriptor (standard input by default), dropping the
/// terminator and a trailing CR. Returns `.endOfInput` at end of file. Never prints the prompt.
public final class PipeLineReader: LineReader {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Start of the unconsumed bytes in `buffer`.
    private var start = 0
    /// Bytes from `start` up to here are known to hold no LF, so very long lines are scanned once.
    private var scanned = 0
    private var atEnd = false

    private static let chunkSize = 64 * 1024

    /// Reads from `fileDescriptor`, which stays open (the caller owns it).
    public init(fileDescriptor: Int32 = 0) {
        fd = fileDescriptor
        ownsDescriptor = false
    }

    /// Opens the file at `path` for reading; nil if it cannot be opened. Closed on deinit.
    public init?(path: String) {
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        fd = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor {
            _ = Glibc.close(fd)
        }
    }

    public func readLine(prompt: String) -> LineReadResult {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = decodeLine(buffer[start..<newline])
                consume(upTo: newline + 1)
                return .line(line)
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return .endOfInput }
                let line = decodeLine(buffer[start...])
                consume(upTo: buffer.count)
                return .line(line)
            }
            fill()
        }
    }

    public func addHistory(_ line: String) {}

    private func consume(upTo end: Int) {
        start = end
        scanned = end
        // Drop consumed bytes once they dominate, so memory stays proportional to the longest line.
        if start >= Self.chunkSize, start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return
            }
            if count < 0, errno == EINTR {
                continue
            }
            // End of file, or an error we cannot recover from: either way there is no more input.
            atEnd = true
            return
        }
    }
}

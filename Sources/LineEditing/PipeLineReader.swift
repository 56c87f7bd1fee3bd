// Reads lines from a file descriptor without libedit: for piped standard input and script files.
import Glibc

/// Reads LF-terminated lines from a file descriptor (standard input by default), dropping the
/// terminator and a trailing CR. Returns `.endOfInput` at end of file. Never prints the prompt.
public final class PipeLineReader: LineReader {
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Unchecked: the reader is used from one thread and its methods never overlap an access to it, and the
    /// run-time check (a begin and an end call) was made at each of a script line's reads of the buffer.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    /// Start of the unconsumed bytes in `buffer`.
    private var start = 0
    /// Bytes from `start` up to here are known to hold no LF, so very long lines are scanned once.
    private var scanned = 0
    private var atEnd = false
    /// The first line may start with a UTF-8 byte-order mark (editors on Windows write one); it is not input.
    private var atStart = true
    /// Lines longer than this are skipped and reported as `.tooLong`, so `/dev/zero` or a 100 MB line cannot
    /// exhaust memory: the reader never holds more than about this much.
    public let maxLineBytes: Int
    /// Bytes of an over-long line dropped so far (the line is being skipped up to its LF).
    private var skipped = 0

    /// Called before the reader waits for more input (a read(2) that may block): the shell writes out the output
    /// it has gathered, so whoever feeds the pipe a line at a time gets each answer before sending the next line.
    public var willWait: (() -> Void)?

    private static let chunkSize = 64 * 1024
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// 1 MiB: far more than any command, answer or script line needs.
    public static let defaultMaxLineBytes = 1 << 20

    /// Reads from `fileDescriptor`, which stays open (the caller owns it).
    public init(fileDescriptor: Int32 = 0, maxLineBytes: Int = PipeLineReader.defaultMaxLineBytes) {
        fd = fileDescriptor
        ownsDescriptor = false
        self.maxLineBytes = maxLineBytes
    }

    /// Opens the file at `path` for reading; nil if it cannot be opened. Closed on deinit.
    public init?(path: String, maxLineBytes: Int = PipeLineReader.defaultMaxLineBytes) {
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        fd = opened
        ownsDescriptor = true
        self.maxLineBytes = maxLineBytes
    }

    deinit {
        if ownsDescriptor {
            _ = Glibc.close(fd)
        }
    }

    public func readLine(prompt: String) -> LineReadResult {
        while true {
            if atStart {
                // Wait only while what has come could still be the start of a mark (a typed "q" is not).
                if !atEnd, buffer.count < Self.byteOrderMark.count, Self.byteOrderMark.starts(with: buffer) { fill(); continue }
                atStart = false
                if buffer.starts(with: Self.byteOrderMark) { start = Self.byteOrderMark.count; scanned = start }
            }
            if let newline = nextNewline() {
                if skipped > 0 || newline - start > maxLineBytes {
                    let total = skipped + newline - start
                    skipped = 0
                    consume(upTo: newline + 1)
                    return .tooLong(bytes: total)
                }
                let line = buffer.withUnsafeBufferPointer { decodeLine(UnsafeBufferPointer(rebasing: $0[start..<newline])) }
                consume(upTo: newline + 1)
                return .line(line)
            }
            scanned = buffer.count
            if buffer.count - start > maxLineBytes {
                // Too long already: forget what is held and skip to the end of the line.
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if atEnd {
                if skipped > 0 {
                    let total = skipped + buffer.count - start
                    skipped = 0
                    consume(upTo: buffer.count)
                    return .tooLong(bytes: total)
                }
                guard start < buffer.count else { return .endOfInput }
                let line = decodeLine(buffer[start...])
                consume(upTo: buffer.count)
                return .line(line)
            }
            fill()
        }
    }

    public func addHistory(_ line: String) {}

    /// The index of the first LF at or after `scanned`, found by memchr(3): a script line is read once per line,
    /// and the generic search over an array slice was most of what reading a line cost.
    private func nextNewline() -> Int? {
        buffer.withUnsafeBufferPointer { b -> Int? in
            guard scanned < b.count, let base = b.baseAddress,
                  let hit = memchr(base + scanned, 0x0A, b.count - scanned) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

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
        willWait?()
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

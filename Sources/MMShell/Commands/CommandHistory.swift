/// The lines typed or read this session, numbered from 1 as bash numbers them, for `history` (and
/// `history | grep alloc`). Not saved and not undone (bash's history is not part of what a command changes either).
///
/// Bounded both ways: the last `Limits.historyLines` lines, in at most `Limits.historyBytes` (a line longer than
/// `Limits.historyLineBytes` keeps its start). A line is kept as the String it came in (a reference, no copy), in a
/// ring once the line limit is reached.
struct CommandHistory: Sendable {
    /// The kept lines: oldest first from `head` on, around the ring.
    private var lines: [String] = []
    private var head = 0
    /// The UTF-8 bytes of the kept lines.
    private var bytes = 0
    /// How many lines were ever recorded (the newest one's number).
    private(set) var count = 0

    mutating func record(_ line: String) {
        count += 1
        let kept = line.utf8.count <= Limits.historyLineBytes ? line : Self.shortened(line)
        bytes += kept.utf8.count
        if lines.count < Limits.historyLines {
            lines.append(kept)
        } else {
            bytes -= lines[head].utf8.count
            lines[head] = kept
            head = head + 1 == lines.count ? 0 : head + 1
        }
        if bytes > Limits.historyBytes { dropOldest() }
    }

    /// Long lines filled the byte limit: the oldest go until half of it is left (in one go, so that the next lines do
    /// not each pay for it), and the ring starts again in order.
    private mutating func dropOldest() {
        var ordered = Array(lines[head...] + lines[..<head])
        var drop = 0
        while bytes > Limits.historyBytes / 2, drop < ordered.count - 1 {
            bytes -= ordered[drop].utf8.count
            drop += 1
        }
        ordered.removeFirst(drop)
        lines = ordered
        head = 0
    }

    /// A long line's start (cut at a character's first byte) and its length.
    private static func shortened(_ line: String) -> String {
        line.withUTF8Bytes { b in
            var cut = Limits.historyLineBytes
            while cut > 0, b[cut] & 0xC0 == 0x80 { cut -= 1 }
            return String(decoding: b[..<cut], as: UTF8.self) + " … (\(b.count) bytes)"
        }
    }

    mutating func clear() {
        lines = []
        head = 0
        bytes = 0
    }

    /// The last `n` kept lines (all of them when nil), oldest first, with their numbers.
    func last(_ n: Int?) -> [(number: Int, line: String)] {
        let kept = lines.count
        let take = min(n ?? kept, kept)
        return (kept - take..<kept).map { i in (count - kept + i + 1, lines[(head + i) % kept]) }
    }
}

/// The lines typed or read this session, numbered from 1 as bash numbers them, for `history` (and
/// `history | grep alloc`). Bounded: a million-line script keeps its last `Limits.historyLines`.
/// Not saved and not undone (bash's history is not part of what a command changes either).
struct CommandHistory: Sendable {
    /// The kept lines, oldest first: a ring once full.
    private var lines: [String] = []
    /// Where the oldest kept line is in `lines` once the ring is full.
    private var head = 0
    /// How many lines were ever recorded (the newest one's number).
    private(set) var count = 0

    mutating func record(_ line: String) {
        count += 1
        if lines.count < Limits.historyLines {
            lines.append(line)
        } else {
            lines[head] = line
            head = (head + 1) % lines.count
        }
    }

    mutating func clear() {
        lines = []
        head = 0
    }

    /// The last `n` kept lines (all of them when nil), oldest first, with their numbers.
    func last(_ n: Int?) -> [(number: Int, line: String)] {
        let kept = lines.count
        let take = min(n ?? kept, kept)
        return (kept - take..<kept).map { i in (count - kept + i + 1, lines[(head + i) % kept]) }
    }
}

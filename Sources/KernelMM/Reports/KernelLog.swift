/// The kernel ring buffer (dmesg): reports with the simulated time they were logged at. Like the kernel's
/// (log_buf, 2^CONFIG_LOG_BUF_SHIFT bytes) it is bounded: past `capacity` reports the oldest are overwritten.
public struct KernelLog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Codable {
        /// Nanoseconds since boot on the simulated clock.
        public var time: UInt64
        public var report: KernelReport
    }
    /// Reports kept; a million bad frees must not keep a million reports.
    public static let capacity = 5_000
    public private(set) var entries = RingBuffer<Entry>(capacity: KernelLog.capacity)
    /// warn_alloc()'s nopage_rs: DEFAULT_RATELIMIT_INTERVAL (5 s) and DEFAULT_RATELIMIT_BURST (10).
    var nopageRatelimit = Ratelimit(interval: 5_000_000_000, burst: 10)
    /// Reports overwritten since boot (or the last `dmesg -C`).
    public var dropped: Int { entries.dropped }
    /// Reports logged since boot: a mark for "what did this command log" that survives wrapping.
    public var written: Int { entries.written }
    /// The reports logged after `mark` (a value of `written`) that are still held.
    public func entries(since mark: Int) -> [Entry] { entries.since(mark) }
    /// Reports since boot whose kind rate-limits (printk_ratelimited / WARN_ON_ONCE): key → count.
    var onceKeys: Set<String> = []

    public init() {}

    mutating func append(_ report: KernelReport, at time: UInt64) {
        entries.append(Entry(time: time, report: report))
    }

    /// Returns true the first time `key` is seen (WARN_ON_ONCE and friends).
    mutating func firstTime(_ key: String) -> Bool { onceKeys.insert(key).inserted }

    public mutating func clear() { entries.removeAll() }
}

/// The simulated clock: advances by a fixed cost per operation, so timestamps are deterministic.
public struct SimClock: Sendable, Equatable, Codable {
    /// Nanoseconds since boot.
    public var now: UInt64 = 0
    mutating func tick(_ ns: UInt64 = 1_000) { now &+= ns }
}

extension Kernel {
    /// printk() from code the learner runs (a module's pr_info): one informational line in the log.
    public mutating func printk(_ message: String) {
        report(.info(message))
    }
}

extension KernelLog: Codable {
    private enum CodingKeys: String, CodingKey { case entries, onceKeys }

    /// The rate-limit keys are saved sorted, so the same log saves to the same text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entries, forKey: .entries)
        try c.encode(onceKeys.sorted(), forKey: .onceKeys)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entries = try c.decode(RingBuffer<Entry>.self, forKey: .entries)
        onceKeys = Set(try c.decode([String].self, forKey: .onceKeys))
    }
}

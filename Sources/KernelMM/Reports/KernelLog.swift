/// The kernel ring buffer (dmesg): reports with the simulated time they were logged at.
public struct KernelLog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Nanoseconds since boot on the simulated clock.
        public var time: UInt64
        public var report: KernelReport
    }
    public private(set) var entries: [Entry] = []
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
public struct SimClock: Sendable, Equatable {
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

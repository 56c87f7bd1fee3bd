import KernelMM

/// What kind of report a kernel log entry is and how serious, for graders (`--fail-on`, `--json`, the closing
/// summary). The kernel's own words stay in `ReportRenderer`; this is only the label.
public struct ReportClass: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// A plain log line (boot messages, "kswapd0: woken").
        case info
        /// kmemsim's own note where the kernel is silent (a wrong-order free, a leak).
        case note
        /// WARN_ON, warn_alloc (page allocation failure, vmalloc error).
        case warning
        /// BUG, BUG_ON, Bad page state, slab corruption, sleeping in atomic context, panic.
        case bug

        static let order: [Severity] = [.info, .note, .warning, .bug]
        public static func < (a: Severity, b: Severity) -> Bool {
            (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
        }
    }

    /// "BUG", "WARNING", "Bad page state", "allocation failure", "kmemsim note", "info".
    public var kind: String
    public var severity: Severity

    public init(_ report: KernelReport) {
        switch report.kind {
        case .badPageState: kind = "Bad page state"; severity = .bug
        case .slab(let s) where s.level == .info: kind = "info"; severity = .info
        case .slab(let s) where s.level == .warning: kind = "WARNING"; severity = .warning
        case .vmBugOnPage, .kernelBug, .slubBug, .slab, .sleepingInAtomic, .schedulingWhileAtomic,
             .preemptibleCPUAccess, .spinlockBug, .stackGuardPageHit, .pageFault, .panic:
            kind = "BUG"; severity = .bug
        case .warning, .warningMessage: kind = "WARNING"; severity = .warning
        case .pageAllocFailure, .vmallocError: kind = "allocation failure"; severity = .warning
        case .kmemsimOnly: kind = "kmemsim note"; severity = .note
        case .info: kind = "info"; severity = .info
        }
    }
}

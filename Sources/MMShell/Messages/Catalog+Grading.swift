/// What a graded run (`--fail-on`) says when it ends: lines, failures, and the kernel's reports by severity.
extension Message {
    public static func failOnSummary(lines: Int, failed: Int, byFailOn: Int, counts: [ReportClass.Severity: Int]) -> Message {
        func n(_ s: ReportClass.Severity) -> Int { counts[s] ?? 0 }
        func en(_ k: Int, _ noun: String) -> String { "\(k) \(noun)\(k == 1 ? "" : "s")" }
        let enCounts = [en(n(.bug), "bug"), en(n(.warning), "warning"), en(n(.note), "kmemsim note"), en(n(.info), "info line")]
        return Message(en: "kmemsim: \(en(lines, "line")), \(failed) failed (\(byFailOn) by --fail-on); kernel reports: " + enCounts.joined(separator: ", "),
                       ko: "kmemsim: \(lines)줄 실행, \(failed)줄 실패(--fail-on 때문에 \(byFailOn)줄). 커널 보고: BUG \(n(.bug))건, WARNING \(n(.warning))건, kmemsim 안내 \(n(.note))건, 정보 줄 \(n(.info))건")
    }

    /// One line that failed a graded run: what the kernel reported, and the line that made it.
    public static func failOnReport(_ kinds: String, line: String, failOn: String) -> Message {
        Message(en: "\(kinds) reported by '\(line)' (--fail-on=\(failOn))",
                ko: "'\(line)' 줄에서 \(kinds) 보고가 나왔습니다(--fail-on=\(failOn))")
    }
}

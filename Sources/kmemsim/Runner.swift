import KernelMM
import LineEditing
import MMShell

/// Feeds lines from a reader to the shell and writes what they produce; counts failures for the exit status.
@MainActor
final class Runner {
    /// Unchecked: the runner lives on the main actor, and nothing reaches the shell while a line runs on it; the
    /// run-time exclusivity check (a begin and an end call) was made for every line's `shell.execute`.
    @exclusivity(unchecked) var shell: Shell
    let options: RunOptions
    var failures = 0
    /// Lines run and kernel reports seen, by severity (for the closing summary of --fail-on).
    var lines = 0
    var reportCounts: [ReportClass.Severity: Int] = [:]
    var reportFailures = 0

    /// The flags read on every line.
    private let bail: Bool, echo: Bool, failOn: Kmemsim.FailOn?

    init(shell: Shell, options: RunOptions) {
        self.shell = shell
        self.options = options
        bail = options.bail
        echo = options.echo
        failOn = options.failOn
    }

    /// Runs every line a reader gives; returns false when --bail stopped it or quit was typed.
    func run(_ reader: LineReader, source: String, interactive: Bool) -> Bool {
        (reader as? PipeLineReader)?.willWait = { Output.flush() }
        var number = 0
        while true {
            switch reader.readLine(prompt: interactive ? shell.prompt : "") {
            case .interrupted:
                continue
            case .endOfInput:
                // Ctrl-D in a lesson: its place is saved and the learner is told how to come back (a script ending
                // mid-lesson saves it too, silently).
                let paused = shell.session.endOfInput()
                if interactive { Output.out(paused) }
                return true
            case .tooLong(let bytes):
                number += 1
                let outcome = shell.refuseLongLine(bytes: bytes, source: interactive ? nil : source, line: number)
                Output.err(outcome.stderr)
                failures += 1
                if bail && !interactive { return false }
            case .line(let first):
                number += 1
                let startLine = number
                // A C statement open at the end of the line (`{`, `(`, a function header) continues on the next
                // lines, up to the line limit; history keeps the whole statement as one entry.
                var line = first
                // needsMore first: it is false for every shell command line, and reading `shell.session` from this
                // class copies the session (its every field retained) each time it is asked.
                continuation: while CInput.needsMore(line), shell.session.needsMoreInput(line), line.utf8.count <= Limits.lineBytes {
                    switch reader.readLine(prompt: interactive ? "     ...> " : "") {
                    case .line(let more):
                        number += 1
                        line += "\n" + more
                    case .tooLong(let bytes):
                        number += 1
                        line += "\n" + String(repeating: " ", count: min(bytes, Limits.lineBytes))
                        break continuation
                    case .interrupted:
                        line = ""
                        break continuation
                    case .endOfInput:
                        break continuation
                    }
                }
                if interactive {
                    reader.addHistory(line)
                    if let editor = reader as? EditLineReader, let problem = editor.takeHistoryProblem() {
                        Output.err("kmemsim: " + problem.message.text(shell.session.language) + "\n")
                    }
                }
                if echo { Output.out(shell.prompt + line.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n     ...> ") + "\n") }
                // A script's value lines go straight into the gathered output (a terminal's Ctrl-C may drop an outcome).
                let outcome = interactive ? executeInterruptibly(line, line: startLine)
                    : shell.execute(line, source: source, line: startLine, stdout: Output.buffered ? Output.pending : nil)
                Output.out(outcome.stdout)
                Output.err(outcome.stderr)
                lines += 1
                for r in outcome.reports { reportCounts[r.severity, default: 0] += 1 }
                var failed = !outcome.succeeded
                if let failOn, let worst = outcome.reports.max(by: { $0.severity < $1.severity }),
                   worst.severity >= failOn.threshold {
                    // The grader wants to know which line made the kernel complain.
                    let kinds = outcome.reports.filter { $0.severity >= failOn.threshold }.map(\.kind)
                    Output.err("kmemsim: \(source):\(number): " + Message.failOnReport(Self.unique(kinds).joined(separator: ", "), line: line.trimmingWhitespace(), failOn: failOn.rawValue).text(shell.session.lessons.language) + "\n")
                    reportFailures += 1
                    failed = true
                }
                if failed {
                    failures += 1
                    if bail && !interactive { return false }
                }
                if shell.session.wantsExit || Output.stdoutError != nil { return false }
            }
        }
    }

    /// Interactive: Ctrl-C during the command cancels it — the session goes back to how it was. (Only here: a script
    /// keeps no second copy of the shell, which even as an empty Optional cost a 2 KB clear per line.)
    private func executeInterruptibly(_ line: String, line number: Int) -> LineOutcome {
        let before = shell
        Interrupt.begin()
        var outcome = shell.execute(line, source: nil, line: number)
        if Interrupt.end() {
            shell = before
            outcome = LineOutcome()
            outcome.stderr = "^C\n" + Message.commandInterrupted.text(shell.session.lessons.language) + "\n"
            outcome.succeeded = false
        }
        return outcome
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen: [String] = []
        for x in xs where !seen.contains(x) { seen.append(x) }
        return seen
    }

    /// "kmemsim: 12 lines, 2 failed (1 by --fail-on); kernel reports: 1 bug, …", in the session's language.
    func summary() -> String {
        Message.failOnSummary(lines: lines, failed: failures, byFailOn: reportFailures, counts: reportCounts)
            .text(shell.session.lessons.language) + "\n"
    }

    func complete(_ line: String) -> Completion {
        let r = shell.complete(line)
        return Completion(replaceCount: r.replaceCount, candidates: r.candidates)
    }
}

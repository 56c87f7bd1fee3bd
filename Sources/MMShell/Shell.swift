import KernelMM

/// What one input line produced.
public struct LineOutcome: Sendable, Equatable {
    public var stdout: String = ""
    public var stderr: String = ""
    public var succeeded = true
    /// What the simulated kernel reported while the line ran, classified (for `--fail-on` and the closing summary).
    public var reports: [ReportClass] = []
    /// The command ran but the simulated kernel refused the operation (a wrong-order or double free): a failed
    /// command whose memory state is unchanged, though the kernel's log has its report.
    public var refused = false
    /// The line failed after kernel C had already run part of it (a statement before the failing one, a call inside
    /// it, a module's init): what that code did stays done, as in C. A line that fails otherwise has changed nothing.
    public var ranBeforeFailing = false
    /// The command the line ran (nil when it did not get as far as a command).
    var command: CommandSpec?
    /// In JSON mode, the line's record before it is written (the lesson layer adds its text to it).
    var record: [(String, JSONValue)]?
    /// Where the line's stdout may begin, written as bytes (see `Shell.execute(_:source:line:stdout:)`); nil while
    /// the line runs means all of it goes into `stdout`. Not retained: the caller holds it for the line's run.
    unowned(unsafe) var stdoutBytes: OutputBytes?
    /// Where the command's own output begins in `stdout` (UTF-8 offset): what comes before it is the kernel's
    /// reports and the explain narration, which a pipe after the command does not filter.
    var ownOutputStart = 0
    public init() {}

    public static func == (a: LineOutcome, b: LineOutcome) -> Bool {
        a.stdout == b.stdout && a.stderr == b.stderr && a.succeeded == b.succeeded && a.reports == b.reports
    }
}

/// The kmemsim shell: runs command lines against a session and turns results, kernel reports and errors into text
/// (or JSON). No I/O here: the caller writes `LineOutcome`s where they belong.
public struct Shell: Sendable {
    public var session: ShellSession
    public let commands: CommandTable
    /// The last command line's word array, kept for the next line's words (`LineParser.parseLine(_:reusing:)`).
    private var spareWords: [String] = []
    /// The Strings of earlier lines' short words (`LineParser.parseLine(_:reusing:printable:cache:)`).
    private var wordCache = WordCache()

    public init(params: BootParams = BootParams(), settings: ShellSettings = ShellSettings()) throws(CommandError) {
        let kernel: Kernel
        do { kernel = try Kernel(booting: params) } catch { throw .bootFailed(error) }
        session = ShellSession(kernel: kernel, settings: settings)
        commands = CommandTable.standard
    }

    /// The prompt: plain `kmemsim> `, with the CPU and context when they matter (`kmemsim [cpu1 atomic:1]> `).
    public var prompt: String {
        let k = session.kernel
        let cpu = k.cpus[k.currentCPU]
        var parts: [String] = []
        if k.currentCPU != 0 || cpu.inAtomic || cpu.irqsDisabled { parts.append("cpu\(k.currentCPU)") }
        if cpu.inNMI { parts.append("nmi") } else if cpu.inHardirq { parts.append("irq") } else if cpu.inServingSoftirq { parts.append("softirq") } else if cpu.preemptCount & CPUState.softirqMask != 0 { parts.append("bh-off") }
        let depth = cpu.preemptCount & CPUState.preemptMask
        if depth > 0 { parts.append("atomic:\(depth)") }
        if cpu.irqsDisabled { parts.append("irqs-off") }
        return parts.isEmpty ? "kmemsim> " : "kmemsim [\(parts.joined(separator: " "))]> "
    }

    /// Runs one line. `source` and `line` locate errors in scripts (`kmemsim: FILE:LINE: error: …`); pass nil
    /// for interactive use (`error: …`). A lesson or quiz under way sees the line before it runs and its outcome after
    /// (`LessonEngine.around`).
    ///
    /// With `bytes` (the runner's gathered stdout, written before the outcome's `stdout`), the line's stdout may begin
    /// there: a command's value line is written at its end directly, and the outcome's `stdout` holds what follows.
    public mutating func execute(_ text: String, source: String? = nil, line: Int = 0, stdout bytes: OutputBytes? = nil) -> LineOutcome {
        if PipelineParser.mayHoldPipe(text), let piped = executePiped(text, source: source, line: line) { return piped }
        var out = LessonEngine.around(text, source: source, line: line, &self) { sh, t in sh.run(t, source: source, line: line, stdout: bytes) }
        out.stdoutBytes = nil
        if let r = out.record { render(r, into: &out, source: source, line: line) }
        // One exit, returning the one variable: the outcome is built in the caller's slot. A second `return out`
        // made the optimizer copy it there and drop the original (each of its strings and arrays, every line).
        return out
    }

    /// A `--json` line's record as the line's stdout.
    private func render(_ record: [(String, JSONValue)], into out: inout LineOutcome, source: String?, line: Int) {
        var r = record
        if source != nil { r.append(("line", .int(line))) }
        out.stdout = JSONValue.object(r).rendered + "\n"
        out.record = nil
    }

    /// Runs one command line, without the lesson layer.
    /// `history`: the line as typed is kept unless it is blank or a comment, as bash keeps them (`record` false: the
    /// caller kept it, as a piped line's whole text).
    mutating func run(_ text: String, source: String?, line: Int, stdout bytes: OutputBytes? = nil, record: Bool = true) -> LineOutcome {
        // One exit (see `execute`): each way out writes `out`.
        var out = LineOutcome()
        out.stdoutBytes = bytes
        run(text, source: source, line: line, record: record, into: &out)
        return out
    }

    private mutating func run(_ text: String, source: String?, line: Int, record: Bool, into out: inout LineOutcome) {
        if text.utf8.count > Limits.lineBytes { out = refuseLongLine(bytes: text.utf8.count, source: source, line: line); return }
        // The C-or-shell decision looks the command word up; what it found is not looked up again below.
        var named: CommandSpec?
        if CInput.isC(text, session: session, command: &named) {
            if record { session.history.record(text) }
            out = session.executeC(text, source: source, line: line)
            return
        }
        let parsed: ParsedLine
        do {
            // A command `isC` found came from its byte reading, which takes only printable ASCII and tabs.
            parsed = try LineParser.parseLine(text, reusing: &spareWords, printable: named != nil, cache: wordCache.ownTable())
        } catch {
            if record { session.history.record(text) }
            out = fail(error, text: text, source: source, line: line)
            return
        }
        if parsed.command.isEmpty { return }
        if record { session.history.record(text) }
        // A command word that is `named`'s name finds `named` in `commands` (CommandTable.standard, which `isC`
        // asks) when every name there finds its own command; else the word is looked up.
        let found = commands.namesFindTheirOwn ? named.flatMap { $0.name == parsed.command ? $0 : nil } : nil
        guard let spec = found ?? commands.lookup(parsed.command) else {
            let suggestion = Suggest.closest(parsed.command, in: commands.allNames)
            out = fail(CommandError.unknownCommand(parsed.command, suggestion: suggestion), text: text, source: source, line: line)
            return
        }
        session.commandSerial += 1
        if parsed.arguments.contains(where: Self.isHelpWord) {
            out.command = spec
            out.stdout = HelpView.command(spec, style: session.style, lang: session.language) + "\n"
            return
        }
        // Written in place: an outcome returned in a tuple was copied out of it and the tuple dropped (a few strings
        // and arrays retained and released, every line).
        _ = session.invoke(spec, arguments: parsed.arguments, rest: parsed.rest, assignTo: parsed.assignTo, text: text,
                           source: source, line: line, into: &out)
        out.command = spec
        spareWords = parsed.arguments
    }

    /// `--help` or `-h`. Its first byte first: every word of every line is asked, and two String compares per word
    /// cost more than the rest of the check (no other first byte is a `-`, as Characters compare either).
    static func isHelpWord(_ w: String) -> Bool { w.firstUTF8Byte == 0x2D && (w == "--help" || w == "-h") }

    /// The command's `Arguments` hold a reference to the variable table; they die when this returns, so storing
    /// the result in a variable afterwards does not copy the whole table (40,000 variables used to cost seconds).
    static func run(_ spec: CommandSpec, _ raw: [String], _ rest: String, _ text: String, _ extra: [String: ShellValue],
                    _ session: inout ShellSession) throws(CommandError) -> CommandOutput {
        let visible = extra.isEmpty ? session.variables : session.variables.merging(extra) { a, _ in a }
        let args = try ArgumentDecoder.decode(spec, words: raw, rest: rest, line: text, variables: visible, kernel: &session.kernel)
        // A sub-command without its own `run` cannot be chosen by the decoder, nor a bare command that has none.
        guard let run = args.command.run else { throw .missingArgument(command: spec.name, argument: "ACTION", usage: spec.usage) }
        return try run(&session, args)
    }

    /// A line over `Limits.lineBytes`, refused before it is parsed (readers skip such lines without keeping them).
    public func refuseLongLine(bytes: Int, source: String?, line: Int) -> LineOutcome {
        fail(CommandError.other(session.say(.lineTooLong(bytes))), text: "", source: source, line: line)
    }

    func fail(_ error: Error, text: String, source: String?, line: Int) -> LineOutcome {
        session.fail(error, text: text, source: source, line: line)
    }

    /// Completion for a line typed so far (see `Completer`).
    public func complete(_ lineBeforeCursor: String) -> (replaceCount: Int, candidates: [String]) {
        Completer(shell: self).complete(lineBeforeCursor)
    }
}

extension SimClock {
    /// Commands come at a human pace: each one starts a simulated second later, so rate-limited reports
    /// (once per second) show once per command, as they would for someone typing.
    mutating func advanceForCommand() { now = (now / 1_000_000_000 + 1) * 1_000_000_000 }
}

extension ShellSession {
    /// Runs one command with its argument texts: the one path every command takes, typed at the prompt or called
    /// from C (`CCommandAdapter`). `extraVariables` are values C passes by `$name`; `showValue` false leaves out the
    /// text and the `= value` line (C code inside a function shows what the kernel said, not every result).
    mutating func invoke(_ spec: CommandSpec, arguments raw: [String], rest: String, assignTo: String?, text: String,
                         source: String?, line: Int, extraVariables: [String: ShellValue] = [:],
                         showValue: Bool = true, valueName: String? = nil) -> (outcome: LineOutcome, value: ShellValue, error: CommandError?) {
        var out = LineOutcome()
        let (value, error) = invoke(spec, arguments: raw, rest: rest, assignTo: assignTo, text: text, source: source, line: line,
                                    extraVariables: extraVariables, showValue: showValue, valueName: valueName, into: &out)
        return (out, value, error)
    }

    /// `invoke` writing the line's outcome into `out` (a fresh `LineOutcome`), for the shell's own per-line path.
    /// (The empty default is `init()`: the literal `[:]` went through init(dictionaryLiteral:), every line.)
    mutating func invoke(_ spec: CommandSpec, arguments raw: [String], rest: String, assignTo: String?, text: String,
                         source: String?, line: Int, extraVariables: [String: ShellValue] = .init(),
                         showValue: Bool = true, valueName: String? = nil, into out: inout LineOutcome) -> (value: ShellValue, error: CommandError?) {
        let logMark = kernel.log.written
        // Commands check every argument before they touch the kernel, so a failed command has changed nothing but the
        // clock and the narration, which are put back. (Holding a copy of the whole kernel here would make the next
        // change copy every struct page.)
        let clock = kernel.clock
        let narration = kernel.explanation
        // The learner's function: the command's own, unless kernel C already named the function making the call.
        let site = kernel.callSite
        if site == nil { kernel.callSite = .command(commandSerial) }
        kernel.beginCommand()
        kernel.clock.advanceForCommand()
        let undoPoint = openUndo(mutates: spec.mutatesKernel, assigns: assignTo != nil, line: text)
        let result: CommandOutput
        do {
            result = try Shell.run(spec, raw, rest, text, extraVariables, &self)
        } catch {
            // C code that ran before failing (insmod's init) changed the kernel: time stays where it got to.
            let ran = ranCodeBeforeFailing
            if !ran { kernel.clock = clock }
            kernel.callSite = site
            ranCodeBeforeFailing = false
            kernel.restoreExplanation(narration)
            closeUndo(undoPoint, keep: ran, assigned: false)
            out = fail(error, text: text, source: source, line: line)
            out.command = spec
            out.ranBeforeFailing = ran
            return (.none, error)
        }
        if result.value != .none {
            variableStore["_"] = result.value
            if let name = assignTo { variableStore[name] = result.value }
        }
        kernel.callSite = site
        closeUndo(undoPoint, keep: true, assigned: assignTo != nil && result.value != .none, changed: result.changedKernel)
        // After `boot` the log is the new machine's and may be shorter than the mark. Lesson commands (a predicted
        // command, a skipped task) already show the output of what they ran, reports included: not twice. Reports
        // that C code already showed call by call are not shown again for the command that ran it.
        // The log is read once: it lives in the kernel's copy-on-write box (KernelColdState), and each read is a call.
        let written = kernel.log.written
        let since = min(max(logMark, logShownMark), written)
        let inner = spec.family == .lessons
        let reports = inner || since == written ? [] : kernel.log.entries(since: since)
        logShownMark = written
        out.reports = reports.map { ReportClass($0.report) }
        let explanation = kernel.explainEnabled && !inner ? kernel.explanation : []
        let trees = BlockTreePicture.build(explanation)
        if !trees.isEmpty { lastBlockTrees = trees }
        if result.refused {
            // The kernel complained and nothing changed: for a script that is a failed command.
            let f = fail(CommandError.refused(spec.name), text: text, source: source, line: line)
            out.succeeded = false
            out.refused = true
            out.stderr = f.stderr
        }
        if settings.json {
            let k = kernel
            var obj: [(String, JSONValue)] = [("command", .string(text.trimmingWhitespace())), ("ok", .bool(!result.refused))]
            if let name = assignTo { obj.append(("assigned", .string(name))) }
            obj.append(("value", ValueView.json(result.value, kernel: k)))
            if let j = result.shownJSON { obj.append(("data", j)) } else if !result.text.isEmpty { obj.append(("text", .string(result.text))) }
            if !reports.isEmpty {
                obj.append(("kernel", .array(reports.map {
                    let c = ReportClass($0.report)
                    // ReportJSON names the kind and severity in the kernel's terms; the grader's class goes beside them.
                    var fields: [(String, JSONValue)] = []
                    if case .object(let more) = ReportJSON.json($0.report, kernel: k, lang: language) { fields = more }
                    fields.append(("class", .string(c.kind)))
                    fields.append(("grade", .string(c.severity.rawValue)))
                    return .object(fields)
                })))
            }
            if !explanation.isEmpty { obj.append(("explain", .array(ExplainRenderer.lines(explanation, kernel: k, lang: language).map { .string($0) }))) }
            if result.refused { obj.append(("error", .string(CommandError.refused(spec.name).message(language)))) }
            out.record = obj
            validateAfterCommand(&out, source: source, line: line)
            return (result.value, nil)
        }
        // What the allocator did (explain), then what the kernel said about it, then the result. (Read from `kernel`
        // in place: a local copy of the Kernel is a retain of each of its arrays.)
        var shown = explanation.isEmpty ? "" : ExplainRenderer.render(explanation, kernel: kernel, style: style, lang: language)
        if !trees.isEmpty { shown += trees.map { PictureTextRenderer.render($0.picture(language: language), pictureStyle) }.joined() }
        for e in reports {
            shown += ReportRenderer.render(e.report, kernel: kernel, style: style)
            if let n = e.report.note { shown += ReportRenderer.note(say(.note(n)), style: style) }
        }
        out.ownOutputStart = shown.utf8.count
        let text = showValue ? result.shownText : ""
        if !text.isEmpty {
            shown += text
            if !text.hasSuffix("\n") { shown += "\n" }
        } else if result.value != .none && showValue {
            // Nothing before it: the value line can go straight into the caller's bytes (see `Shell.execute`).
            if !shown.isEmpty || out.stdoutBytes.map({ ValueView.appendLine(result.value, name: valueName ?? assignTo, kernel: kernel, lang: language, to: $0) }) != true {
                let value = ValueView.line(result.value, name: valueName ?? assignTo, kernel: kernel, newline: true, lang: language)
                if shown.isEmpty { shown = value } else { shown += value }
            }
        }
        out.stdout = shown
        validateAfterCommand(&out, source: source, line: line)
        return (result.value, nil)
    }

    func fail(_ error: Error, text: String, source: String?, line: Int) -> LineOutcome {
        var out = LineOutcome()
        out.succeeded = false
        let message = (error as? CommandError)?.message(language) ?? String(describing: error)
        if settings.json {
            var obj: [(String, JSONValue)] = [("command", .string(text.trimmingWhitespace())), ("ok", .bool(false)), ("error", .string(message))]
            if let source { obj += [("file", .string(source)), ("line", .int(line))] }
            // --json --one-stream: a grader reads one file, so errors are records on stdout too.
            if settings.jsonOneStream { out.stdout = JSONValue.object(obj).rendered + "\n" } else { out.stderr = JSONValue.object(obj).rendered + "\n" }
        } else if let source {
            out.stderr = "kmemsim: \(source):\(line): error: \(message)\n"
        } else {
            out.stderr = style.paint(say(.errorLabel), .red, bold: true) + message + "\n"
        }
        return out
    }
}

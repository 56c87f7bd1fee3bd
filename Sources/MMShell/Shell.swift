import KernelMM

/// What one input line produced.
public struct LineOutcome: Sendable, Equatable {
    public var stdout: String = ""
    public var stderr: String = ""
    public var succeeded = true
    public init() {}
}

/// The kmemsim shell: runs command lines against a session and turns results, kernel reports and errors into text
/// (or JSON). No I/O here: the caller writes `LineOutcome`s where they belong.
public struct Shell: Sendable {
    public var session: ShellSession
    public let commands: CommandTable

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
    /// for interactive use (`error: …`).
    public mutating func execute(_ text: String, source: String? = nil, line: Int = 0) -> LineOutcome {
        var out = LineOutcome()
        // In a lesson, a line that is not a command answers the question at hand.
        let text = LessonEngine.bareAnswer(text, session, commands) ?? text
        let parsed: ParsedLine
        do {
            guard let p = try LineParser.parse(text) else { return out }
            parsed = p
        } catch {
            return fail(error, text: text, source: source, line: line)
        }
        guard let spec = commands.lookup(parsed.command) else {
            let suggestion = Suggest.closest(parsed.command, in: commands.allNames)
            return fail(CommandError.unknownCommand(parsed.command, suggestion: suggestion), text: text, source: source, line: line)
        }
        if parsed.arguments.contains("--help") || parsed.arguments.contains("-h") {
            out.stdout = HelpView.command(spec, style: session.style, lang: session.language) + "\n"
            return out
        }
        if spec.arguments.count < parsed.arguments.count && !spec.variadic && spec.arguments.last?.kind != .text {
            return fail(CommandError.tooManyArguments(command: spec.name, usage: spec.usage), text: text, source: source, line: line)
        }
        if let e = LessonEngine.forbidden(spec.name, session) { return fail(e, text: text, source: source, line: line) }
        let logMark = session.kernel.log.entries.count
        // Commands check every argument before they touch the kernel, so a failed command has changed nothing but the
        // clock and the narration, which are put back. (Holding a copy of the whole kernel here would make the next
        // change copy every struct page.)
        let clock = session.kernel.clock
        let narration = session.kernel.explanation
        session.kernel.beginCommand()
        session.kernel.clock.advanceForCommand()
        let before = spec.mutatesKernel && session.settings.undoDepth > 0 ? session.kernel : nil
        let args = Arguments(command: spec, raw: parsed.arguments, rest: parsed.rest, variables: session.variables, line: text)
        let result: CommandOutput
        do {
            result = try spec.run(&session, args)
        } catch {
            session.kernel.clock = clock
            session.kernel.restoreExplanation(narration)
            return fail(error, text: text, source: source, line: line)
        }
        if let before, session.kernel.frames != before.frames || session.kernel.zones != before.zones {
            session.undoStack.append(before)
            if session.undoStack.count > session.settings.undoDepth { session.undoStack.removeFirst() }
        }
        if result.value != .none {
            session.variables["_"] = result.value
            if let name = parsed.assignTo { session.variables[name] = result.value }
        }
        // A lesson's task is checked after every command the learner runs.
        let lessonText = spec.family == .lessons ? "" : LessonEngine.afterCommand(&session)
        // After `boot` the log is the new machine's and may be shorter than the mark.
        let reports = Array(session.kernel.log.entries[min(logMark, session.kernel.log.entries.count)...])
        let explanation = session.kernel.explainEnabled ? session.kernel.explanation : []
        let k = session.kernel
        if session.settings.json {
            var obj: [(String, JSONValue)] = [("command", .string(text.trimmingWhitespace())), ("ok", .bool(true))]
            if let name = parsed.assignTo { obj.append(("assigned", .string(name))) }
            obj.append(("value", ValueView.json(result.value, kernel: k)))
            if let j = result.json { obj.append(("data", j)) } else if !result.text.isEmpty { obj.append(("text", .string(result.text))) }
            if !reports.isEmpty {
                obj.append(("kernel", .array(reports.map { ReportJSON.json($0.report, kernel: k, lang: session.language) })))
            }
            if !explanation.isEmpty { obj.append(("explain", .array(ExplainRenderer.lines(explanation, kernel: k, lang: session.language).map { .string($0) }))) }
            if !lessonText.isEmpty { obj.append(("lesson", .string(lessonText))) }
            out.stdout = JSONValue.object(obj).rendered + "\n"
            return out
        }
        // What the allocator did (explain), then what the kernel said about it, then the result.
        var shown = explanation.isEmpty ? "" : ExplainRenderer.render(explanation, kernel: k, style: session.style, lang: session.language)
        shown += BlockTreePicture.build(explanation).map { PictureTextRenderer.render($0.picture(language: session.language), session.pictureStyle) }.joined()
        for e in reports {
            shown += ReportRenderer.render(e.report, kernel: k, style: session.style)
            if let n = e.report.note { shown += ReportRenderer.note(session.say(.note(n)), style: session.style) }
        }
        if !result.text.isEmpty {
            shown += result.text
            if !result.text.hasSuffix("\n") { shown += "\n" }
        } else if result.value != .none {
            shown += ValueView.line(result.value, name: parsed.assignTo, kernel: k) + "\n"
        }
        out.stdout = shown + lessonText
        return out
    }

    func fail(_ error: Error, text: String, source: String?, line: Int) -> LineOutcome {
        var out = LineOutcome()
        out.succeeded = false
        let message = (error as? CommandError)?.message(session.language) ?? String(describing: error)
        if session.settings.json {
            var obj: [(String, JSONValue)] = [("command", .string(text.trimmingWhitespace())), ("ok", .bool(false)), ("error", .string(message))]
            if let source { obj += [("file", .string(source)), ("line", .int(line))] }
            out.stderr = JSONValue.object(obj).rendered + "\n"
        } else if let source {
            out.stderr = "kmemsim: \(source):\(line): error: \(message)\n"
        } else {
            out.stderr = session.style.paint(session.say(.errorLabel), .red, bold: true) + message + "\n"
        }
        return out
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

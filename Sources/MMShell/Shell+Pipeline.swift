/// Lines with a pipe: `cat /proc/slabinfo | grep kmalloc | head -3` (see `PipelineParser`, `OutputFilter`).
extension Shell {
    /// The line run with its filters on the command's own output, or nil when the line has no pipe.
    mutating func executePiped(_ text: String, source: String?, line: Int) -> LineOutcome? {
        if text.utf8.count > Limits.lineBytes { return nil }
        let pipeline: Pipeline
        do throws(CommandError) {
            guard let p = try PipelineParser.split(text) else { return nil }
            pipeline = p
        } catch {
            session.history.record(text)
            return fail(error, text: text, source: source, line: line)
        }
        session.history.record(text)
        if session.settings.json {
            return fail(CommandError.localized(.pipeInJSON(pipeline.filters[0].name)), text: text, source: source, line: line)
        }
        var named: CommandSpec?
        if CInput.isC(pipeline.command, session: session, command: &named) {
            return fail(CommandError.localized(.pipeAfterKernelC), text: text, source: source, line: line)
        }
        // A program writing into a pipe writes no colour codes (they would break the filters' matches too).
        let color = session.settings.color
        session.settings.color = false
        var out = LessonEngine.around(pipeline.command, source: source, line: line, &self) { sh, t in
            var o = sh.run(t, source: source, line: line, record: false)
            o.filter(through: pipeline)
            return o
        }
        session.settings.color = color
        out.stdoutBytes = nil
        return out
    }
}

extension LineOutcome {
    /// The command's own output through the filters; the kernel's reports and the narration before it stay.
    mutating func filter(through pipeline: Pipeline) {
        let u = stdout.utf8
        let start = u.index(u.startIndex, offsetBy: min(ownOutputStart, u.count))
        let kept = String(stdout[..<start])
        stdout = kept + pipeline.apply(String(stdout[start...]))
    }
}

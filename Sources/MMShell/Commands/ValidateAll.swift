import KernelMM

extension SlabCommands {
    /// `validate` with no cache: every invariant check of the simulated machine, one error per broken area. A
    /// break is a kmemsim bug, never the learner's: the error says so.
    static func validateAll(_ s: ShellSession) throws(CommandError) -> CommandOutput {
        let broken = s.kernel.invariantViolations()
        guard broken.isEmpty else { throw .other(s.say(.invariantsBroken(broken))) }
        return CommandOutput(text: s.say(.invariantsHold) + "\n")
    }
}

extension ShellSession {
    /// `--validate`: after every command, the checks of `validate`; a break makes the command count as failed.
    func validateAfterCommand(_ out: inout LineOutcome, source: String?, line: Int) {
        guard settings.validateEachCommand else { return }
        let broken = kernel.invariantViolations()
        guard !broken.isEmpty else { return }
        let f = fail(CommandError.other(say(.invariantsBroken(broken))), text: "validate", source: source, line: line)
        out.stderr += f.stderr
        out.succeeded = false
    }
}

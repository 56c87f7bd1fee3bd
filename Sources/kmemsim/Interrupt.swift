#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while a command runs: SIGINT is caught instead of ending the process (and losing the machine), and the
/// runner puts the session back as it was before the command. At the prompt libedit's own handler cancels the line.
enum Interrupt {
    nonisolated(unsafe) static var seen: sig_atomic_t = 0
    nonisolated(unsafe) static var previous = sigaction()

    /// Catches SIGINT until `end()`.
    static func begin() {
        seen = 0
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in Interrupt.seen = 1 }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(SIGINT, &sa, &previous)
    }

    /// Puts the previous handler back; true when Ctrl-C was pressed in between.
    static func end() -> Bool {
        sigaction(SIGINT, &previous, nil)
        return seen != 0
    }
}

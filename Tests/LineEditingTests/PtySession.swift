// Runs a program on a pseudo-terminal for the smoke test, with a deadline on every wait.
import Glibc

/// A child process whose stdin/stdout/stderr are a pty slave; the test drives the master side.
final class PtySession {
    let pid: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    private var exitStatus: Int32?

    /// Starts `path` (with `arguments`) and `environment` on a pty of `columns`x24. Nil if the pty or the process
    /// cannot be made.
    init?(path: String, arguments: [String] = [], environment: [String: String], columns: UInt16 = 80) {
        // Everything the child touches is built before forkpty: between fork and exec only
        // async-signal-safe calls are allowed, so the child must not allocate.
        let argv = CStringArray([path] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        guard let executable = argv.pointer[0] else {
            argv.free()
            envp.free()
            return nil
        }
        var masterFD: Int32 = -1
        let child = forkpty(&masterFD, nil, nil, &size)
        if child == 0 {
            // The test runner's thread may block signals; Ctrl-C has to reach the program.
            sigprocmask(SIG_SETMASK, &noSignalsBlocked, nil)
            execve(executable, argv.pointer, envp.pointer)
            _exit(127)
        }
        argv.free()
        envp.free()
        guard child > 0 else { return nil }
        pid = child
        master = masterFD
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Everything the program wrote, escapes included, for failure messages.
    var rawOutput: String { rawOutputText.debugDescription }
    /// Everything the program wrote, escapes included.
    var rawOutputText: String { String(decoding: output, as: UTF8.self) }

    /// What the terminal shows now.
    var screen: TerminalScreen { TerminalScreen(replaying: String(decoding: output, as: UTF8.self)) }

    /// Reads output until `condition` holds for the screen, or `seconds` pass, or the child closes the pty.
    @discardableResult
    func waitFor(seconds: Double = 30, _ condition: (TerminalScreen) -> Bool) -> Bool {
        let deadline = now() + seconds
        while true {
            if condition(screen) { return true }
            let remaining = deadline - now()
            guard remaining > 0, readSome(timeoutMilliseconds: Int32(remaining * 1000) + 1) else {
                return condition(screen)
            }
        }
    }

    /// Waits until the program has put the terminal in non-canonical mode, i.e. libedit is reading.
    /// libedit prints the prompt before it switches modes, so keys sent on seeing the prompt alone
    /// could still be echoed by the terminal driver and garble the screen the test inspects.
    @discardableResult
    func waitForEditing(seconds: Double = 30) -> Bool {
        let deadline = now() + seconds
        var settings = termios()
        while now() < deadline {
            // On Linux, tcgetattr on the master reports the slave's settings.
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 {
                return true
            }
            _ = readSome(timeoutMilliseconds: 10)
        }
        return false
    }

    /// Waits for the child to exit; its exit code, or nil if it was killed by a signal or is still running.
    func waitForExit(seconds: Double = 30) -> Int32? {
        let deadline = now() + seconds
        while exitStatus == nil, now() < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exitStatus = status
                break
            }
            // Keep draining output so the child never blocks writing to a full pty.
            _ = readSome(timeoutMilliseconds: 50)
        }
        guard let status = exitStatus, status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }

    /// True if the child has not exited.
    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = status
            return false
        }
        return true
    }

    /// Appends whatever arrives within the timeout. False on timeout, end of file or error.
    private func readSome(timeoutMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, max(timeoutMilliseconds, 0))
        guard ready > 0 else { return ready < 0 && errno == EINTR }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        // Linux reports EIO on the master once the child has closed the slave.
        guard count > 0 else { return false }
        output.append(contentsOf: chunk[0..<count])
        return true
    }

    private func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A NULL-terminated array of C strings, freed explicitly (not in deinit) so the forked child never frees.
private struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            pointer[index] = strdup(string)
        }
        pointer[strings.count] = nil
    }

    func free() {
        for index in 0..<count {
            Glibc.free(pointer[index])
        }
        pointer.deallocate()
    }
}

/// The text of a NUL-terminated C character array (as filled in by mkstemp or mkdtemp).
func string(fromCString characters: [CChar]) -> String {
    String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

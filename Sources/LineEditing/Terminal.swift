// Terminal queries the shell needs to choose a reader.
import CLibEditShims

/// True when `fd` refers to a terminal (so line editing makes sense on it).
public func isTerminal(_ fd: Int32) -> Bool {
    kms_isatty(fd) == 1
}

/// The width of the terminal on `fd` in columns, or nil when it is not a terminal (or does not say).
public func terminalColumns(_ fd: Int32) -> Int? {
    let n = kms_terminal_columns(fd)
    return n > 0 ? Int(n) : nil
}

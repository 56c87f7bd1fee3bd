// Terminal queries the shell needs to choose a reader.
import CLibEditShims

/// True when `fd` refers to a terminal (so line editing makes sense on it).
public func isTerminal(_ fd: Int32) -> Bool {
    kms_isatty(fd) == 1
}

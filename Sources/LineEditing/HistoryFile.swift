// Saving history without ever losing or clobbering a file.
import Glibc

/// Why the history file is not read or saved: facts, worded by the executable (MMShell's catalog) in the session's
/// language.
public enum HistoryProblem: Sendable, Equatable {
    case cannotCheck(path: String, reason: String)
    case notRegularFile(path: String)
    case cannotRead(path: String, reason: String)
    case notHistoryFile(path: String)
    case cannotSaveNextTo(path: String, reason: String)
    /// `reason` is nil when libedit's save failed without an errno worth showing.
    case cannotSave(path: String, reason: String?)
    case cannotCreateDirectory(path: String)
}

/// The history file's safety rules: kmemsim writes only a regular file that is absent or already a libedit history
/// file, and writes it whole to a new temporary file in the same directory that is then renamed over it, so a kill
/// mid-write leaves the old history intact and a symlink planted at a temporary name is never followed.
enum HistoryFile {
    /// libedit's history files start with this line (H_SAVE writes it first).
    static let magic = Array("_HiStOrY_V2_".utf8)

    /// Why `path` must not be written, or nil when it may be.
    static func problem(_ path: String) -> HistoryProblem? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            return errno == ENOENT ? nil : .cannotCheck(path: path, reason: String(cString: strerror(errno)))
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            return .notRegularFile(path: path)
        }
        guard st.st_size > 0 else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { _ = close(fd) }
        var head = [UInt8](repeating: 0, count: magic.count)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n == magic.count, head == magic else {
            return .notHistoryFile(path: path)
        }
        return nil
    }

    /// Writes through `save` (which writes a history file at the path it is given) to a fresh temporary file beside
    /// `path`, then renames it into place. Returns the problem, or nil on success.
    static func replace(_ path: String, save: (String) -> Bool) -> HistoryProblem? {
        if let p = problem(path) { return p }
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = mkstemp(&template) // O_CREAT|O_EXCL, mode 0600: never an existing file or symlink
        guard fd >= 0 else { return .cannotSaveNextTo(path: path, reason: String(cString: strerror(errno))) }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = close(fd)
        guard save(tmp) else {
            unlink(tmp)
            return .cannotSave(path: path, reason: nil)
        }
        let synced = open(tmp, O_RDONLY | O_CLOEXEC)
        if synced >= 0 { _ = fsync(synced); _ = close(synced) }
        guard rename(tmp, path) == 0 else {
            let e = String(cString: strerror(errno))
            unlink(tmp)
            return .cannotSave(path: path, reason: e)
        }
        return nil
    }
}

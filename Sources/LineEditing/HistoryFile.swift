// Saving history without ever losing or clobbering a file.
import Glibc

/// The history file's safety rules: kmemsim writes only a regular file that is absent or already a libedit history
/// file, and writes it whole to a new temporary file in the same directory that is then renamed over it, so a kill
/// mid-write leaves the old history intact and a symlink planted at a temporary name is never followed.
enum HistoryFile {
    /// libedit's history files start with this line (H_SAVE writes it first).
    static let magic = Array("_HiStOrY_V2_".utf8)

    /// Why `path` must not be written, or nil when it may be.
    static func problem(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            return errno == ENOENT ? nil : "cannot check \(path): \(String(cString: strerror(errno)))"
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            return "\(path) is not a regular file; history will not be saved there (set KMEMSIM_HISTORY to a file, or to empty for none)"
        }
        guard st.st_size > 0 else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return "cannot read \(path): \(String(cString: strerror(errno)))" }
        defer { _ = close(fd) }
        var head = [UInt8](repeating: 0, count: magic.count)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n == magic.count, head == magic else {
            return "\(path) is not a kmemsim history file; it is left alone and history will not be saved (set KMEMSIM_HISTORY to another file)"
        }
        return nil
    }

    /// Writes through `save` (which writes a history file at the path it is given) to a fresh temporary file beside
    /// `path`, then renames it into place. Returns an error message, or nil on success.
    static func replace(_ path: String, save: (String) -> Bool) -> String? {
        if let p = problem(path) { return p }
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = mkstemp(&template) // O_CREAT|O_EXCL, mode 0600: never an existing file or symlink
        guard fd >= 0 else { return "cannot save history next to \(path): \(String(cString: strerror(errno)))" }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = close(fd)
        guard save(tmp) else {
            unlink(tmp)
            return "cannot save history to \(path)"
        }
        let synced = open(tmp, O_RDONLY | O_CLOEXEC)
        if synced >= 0 { _ = fsync(synced); _ = close(synced) }
        guard rename(tmp, path) == 0 else {
            let e = String(cString: strerror(errno))
            unlink(tmp)
            return "cannot save history to \(path): \(e)"
        }
        return nil
    }
}

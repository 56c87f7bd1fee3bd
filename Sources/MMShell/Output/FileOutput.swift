#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few files the shell itself writes (export-proc, lesson progress): whole files, written atomically.
enum FileOutput {
    static func makeDirectory(_ path: String) throws(CommandError) {
        var p = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            p += (p.isEmpty && path.hasPrefix("/") ? "" : (p.isEmpty ? "" : "/")) + part
            if p.isEmpty { p = "/"; continue }
            if mkdir(p, 0o755) != 0 && errno != EEXIST {
                throw .localized(.cannotCreateDirectory(p, String(cString: strerror(errno))))
            }
            if p == "/" { p = "" }
        }
    }

    /// What a file kmemsim writes is, so that it can tell its own files (which it may replace) from anyone else's.
    enum Kind {
        /// `save FILE`: a saved session.
        case session
        /// Lesson progress (`lesson export`, the progress file).
        case progress
        /// A file of `export-proc DIR` (the directory carries a marker).
        case procExport
        /// A picture (`--svg FILE`) or a page (`snapshot FILE.html`): kmemsim's own carry `FileOutput.marker`.
        case picture

        /// Whether the text already at the path is one of ours.
        func isOurs(_ text: String, path: String) -> Bool {
            switch self {
            case .session: return text.utf8.prefix(200).count > 0 && String(decoding: text.utf8.prefix(200), as: UTF8.self).contains("\"format\": \"\(SessionDocument.format)\"")
            case .progress: return (try? ProgressFile.parse(text)) != nil
            case .procExport:
                let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                return FileOutput.isRegularFile((dir.isEmpty ? "/" : dir) + "/" + FileOutput.procExportMarker)
            case .picture: return text.utf8.prefix(300).count > 0 && String(decoding: text.utf8.prefix(300), as: UTF8.self).contains(FileOutput.marker)
            }
        }
    }

    /// The comment kmemsim puts near the top of every SVG and HTML file it writes, so that the next `--svg` or
    /// `snapshot` may replace the file and anyone else's file is left alone (unless --force).
    static let marker = "<!-- written by kmemsim -->"

    /// `text` (an SVG or HTML document) with the marker after its first line (`<?xml …?>` or `<!DOCTYPE html>`, where
    /// a comment may follow), or first when it has no such line.
    static func marked(_ text: String) -> String {
        guard text.hasPrefix("<?xml") || text.lowercased().hasPrefix("<!doctype"), let nl = text.firstIndex(of: "\n") else {
            return marker + "\n" + text
        }
        let next = text.index(after: nl)
        return String(text[..<next]) + marker + "\n" + String(text[next...])
    }

    /// export-proc leaves this in its directory: its files may then be replaced by the next export.
    static let procExportMarker = ".kmemsim-export-proc"

    /// Writes a whole file safely: only a regular file is ever replaced (never a device, a directory, a FIFO or a
    /// symlink), an empty or `/` target is refused, a file kmemsim did not write is replaced only with `force`, and
    /// the text goes to PATH.tmp (created afresh, never through a symlink), is flushed to disk, then renamed over PATH,
    /// so a reader — or a crash — never sees half a file.
    static func write(_ text: String, to path: String, kind: Kind = .picture, force: Bool = false,
                      language: Language = .en) throws(CommandError) {
        try checkTarget(path, kind: kind, force: force, language: language)
        let tmp = path + ".tmp"
        var st = stat()
        if lstat(tmp, &st) == 0 {
            // A stale temporary (an earlier write was interrupted) or something planted there: remove the name
            // only (unlink never follows a symlink); a directory there is refused.
            guard st.st_mode & S_IFMT != S_IFDIR, unlink(tmp) == 0 else {
                throw .localized(.fileRefused(tmp, .notRegular))
            }
        }
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .localized(.cannotWrite(path, String(cString: strerror(errno)))) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { systemWrite(fd, $0 + done, b.count - done) } ?? 0 }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        let synced = fsync(fd) == 0
        let closed = close(fd) == 0
        guard done == bytes.count, synced, closed else {
            let e = errno
            unlink(tmp)
            throw .localized(.cannotWrite(path, String(cString: strerror(e))))
        }
        guard rename(tmp, path) == 0 else {
            let e = errno
            unlink(tmp)
            throw .localized(.cannotWrite(path, String(cString: strerror(e))))
        }
    }

    /// The rules of `write` for its target, checked before anything is written.
    static func checkTarget(_ path: String, kind: Kind, force: Bool, language: Language) throws(CommandError) {
        guard !path.isEmpty, path.contains(where: { $0 != "/" }) else { throw .localized(.fileRefused(path, .noName)) }
        guard !path.hasPrefix("--") else { throw .localized(.fileRefused(path, .optionLike)) }
        guard !path.hasSuffix("/") else { throw .localized(.fileRefused(path, .notRegular)) }
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard st.st_mode & S_IFMT == S_IFREG else { throw .localized(.fileRefused(path, .notRegular)) }
        if force { return }
        let existing = (try? readText(path)) ?? ""
        guard st.st_size == 0 || kind.isOurs(existing, path: path) else { throw .localized(.fileRefused(path, .notOurs)) }
    }

    static func read(_ path: String) -> String? { try? readText(path) }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    /// Reads a whole text file, at most `Limits.fileBytes` of it: a bigger file (or `/dev/zero`) is an error naming
    /// the limit, not an endless read; a directory is an error too. A UTF-8 byte-order mark is dropped.
    static func readText(_ path: String, language: LessonLanguage = .en) throws(CommandError) -> String {
        guard let f = fopen(path, "r") else { throw .localized(.cannotRead(path, String(cString: strerror(errno)))) }
        defer { fclose(f) }
        var st = stat()
        if fstat(fileno(f), &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            throw .localized(.cannotRead(path, String(cString: strerror(EISDIR))))
        }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, f) }
            if n <= 0 { break }
            bytes += buf[0..<n]
            if bytes.count > Limits.fileBytes { throw .localized(.fileTooLarge(path)) }
        }
        if ferror(f) != 0 { throw .localized(.cannotRead(path, String(cString: strerror(errno)))) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// write(2), named apart from `FileOutput.write`.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

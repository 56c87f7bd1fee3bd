/// The rules for the whole files the shell reads and writes (saved sessions, progress, pictures, /proc exports), over
/// whichever `FileSystem` the session has: only a regular file is ever replaced, and only one kmemsim wrote unless
/// forced; reads are bounded.
enum FileOutput {
    static func makeDirectory(_ path: String, in fs: any FileSystem = HostFileSystem()) throws(CommandError) {
        do throws(FileSystemFailure) { try fs.makeDirectories(path) } catch {
            throw .localized(.cannotMakeDirectory(error.path ?? path, error.reason))
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
        func isOurs(_ text: String, path: String, in fs: any FileSystem) -> Bool {
            switch self {
            case .session: return text.utf8.prefix(200).count > 0 && String(decoding: text.utf8.prefix(200), as: UTF8.self).contains("\"format\": \"\(SessionDocument.format)\"")
            case .progress: return (try? ProgressFile.parse(text)) != nil
            case .procExport:
                let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                return FileOutput.isRegularFile((dir.isEmpty ? "/" : dir) + "/" + FileOutput.procExportMarker, in: fs)
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
    /// the file system replaces it atomically (PATH.tmp, flushed, renamed over PATH), so a reader — or a crash — never
    /// sees half a file.
    static func write(_ text: String, to path: String, kind: Kind = .picture, force: Bool = false,
                      language: Language = .en, in fs: any FileSystem = HostFileSystem()) throws(CommandError) {
        try checkTarget(path, kind: kind, force: force, language: language, in: fs)
        // A directory where the temporary goes is refused; a stale temporary file the file system replaces.
        if fs.status(path + ".tmp") == .directory { throw .localized(.fileRefused(path + ".tmp", .notRegular)) }
        do throws(FileSystemFailure) { try fs.replace(path, with: Array(text.utf8)) } catch {
            throw .localized(.cannotWrite(error.path ?? path, error.reason))
        }
    }

    /// The rules of `write` for its target, checked before anything is written.
    static func checkTarget(_ path: String, kind: Kind, force: Bool, language: Language, in fs: any FileSystem = HostFileSystem()) throws(CommandError) {
        guard !path.isEmpty, path.contains(where: { $0 != "/" }) else { throw .localized(.fileRefused(path, .noName)) }
        guard !path.hasPrefix("--") else { throw .localized(.fileRefused(path, .optionLike)) }
        guard !path.hasSuffix("/") else { throw .localized(.fileRefused(path, .notRegular)) }
        let size: Int
        switch fs.status(path) {
        case .missing: return
        case .regular(let n): size = n
        case .directory, .other: throw .localized(.fileRefused(path, .notRegular))
        }
        if force { return }
        let existing = (try? readText(path, in: fs)) ?? ""
        guard size == 0 || kind.isOurs(existing, path: path, in: fs) else { throw .localized(.fileRefused(path, .notOurs)) }
    }

    static func read(_ path: String, in fs: any FileSystem = HostFileSystem()) -> String? { try? readText(path, in: fs) }

    static func isRegularFile(_ path: String, in fs: any FileSystem = HostFileSystem()) -> Bool {
        if case .regular = fs.statusFollowingLinks(path) { return true }
        return false
    }

    /// Reads a whole text file, at most `Limits.fileBytes` of it: a bigger file (or `/dev/zero`) is an error naming
    /// the limit, not an endless read; a directory is an error too. A UTF-8 byte-order mark is dropped.
    static func readText(_ path: String, language: LessonLanguage = .en, in fs: any FileSystem = HostFileSystem()) throws(CommandError) -> String {
        var bytes: [UInt8]
        do throws(FileSystemFailure) { bytes = try fs.read(path, limit: Limits.fileBytes) } catch {
            throw .localized(.cannotRead(path, error.reason))
        }
        if bytes.count > Limits.fileBytes { throw .localized(.fileTooLarge(path)) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

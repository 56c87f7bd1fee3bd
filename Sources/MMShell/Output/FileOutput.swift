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
                throw .io("cannot create directory \(p): \(String(cString: strerror(errno)))")
            }
            if p == "/" { p = "" }
        }
    }

    /// Writes to PATH.tmp and renames it over PATH, so a reader never sees half a file.
    static func write(_ text: String, to path: String) throws(CommandError) {
        let tmp = path + ".tmp"
        guard let f = fopen(tmp, "w") else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
        let closed = fclose(f)
        guard n == bytes.count, closed == 0 else {
            unlink(tmp)
            throw .io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(tmp, path) == 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    static func read(_ path: String) -> String? { try? readText(path) }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    /// Reads a whole text file, at most `Limits.fileBytes` of it: a bigger file (or `/dev/zero`) is an error naming
    /// the limit, not an endless read; a directory is an error too. A UTF-8 byte-order mark is dropped.
    static func readText(_ path: String, language: LessonLanguage = .en) throws(CommandError) -> String {
        guard let f = fopen(path, "r") else { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(f) }
        var st = stat()
        if fstat(fileno(f), &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            throw .io("cannot read \(path): \(String(cString: strerror(EISDIR)))")
        }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, f) }
            if n <= 0 { break }
            bytes += buf[0..<n]
            if bytes.count > Limits.fileBytes { throw .io(Message.fileTooLarge(path).text(language)) }
        }
        if ferror(f) != 0 { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

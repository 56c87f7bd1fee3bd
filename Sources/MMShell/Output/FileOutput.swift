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

    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, f) }
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

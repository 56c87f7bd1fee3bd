#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's own file system, through POSIX calls: the one place the shell's file I/O happens. The executable
/// gives it to each session; tests may give a `MemoryFileSystem` instead.
public struct HostFileSystem: FileSystem {
    public init() {}

    public func status(_ path: String) -> FileStatus {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        return Self.kind(st)
    }

    public func statusFollowingLinks(_ path: String) -> FileStatus {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        return Self.kind(st)
    }

    static func kind(_ st: stat) -> FileStatus {
        switch st.st_mode & S_IFMT {
        case S_IFREG: .regular(size: Int(st.st_size))
        case S_IFDIR: .directory
        default: .other
        }
    }

    static var reason: FileSystemFailure { FileSystemFailure(String(cString: strerror(errno))) }

    public func read(_ path: String, limit: Int) throws(FileSystemFailure) -> [UInt8] {
        guard let f = fopen(path, "r") else { throw Self.reason }
        defer { fclose(f) }
        var st = stat()
        if fstat(fileno(f), &st) == 0, st.st_mode & S_IFMT == S_IFDIR { throw FileSystemFailure(String(cString: strerror(EISDIR))) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= limit {
            let n = buf.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, f) }
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        if ferror(f) != 0 { throw Self.reason }
        return bytes
    }

    /// PATH.tmp is created afresh (never through a symlink; a stale one is unlinked, a directory there refused),
    /// written, flushed to disk, then renamed over PATH.
    public func replace(_ path: String, with bytes: [UInt8]) throws(FileSystemFailure) {
        let tmp = path + ".tmp"
        var st = stat()
        if lstat(tmp, &st) == 0 {
            // (A directory there is refused before this by FileOutput; what cannot be unlinked is named.)
            guard st.st_mode & S_IFMT != S_IFDIR else { throw FileSystemFailure(String(cString: strerror(EISDIR)), path: tmp) }
            guard unlink(tmp) == 0 else { throw FileSystemFailure(Self.reason.reason, path: tmp) }
        }
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.reason }
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
            let e = Self.reason
            unlink(tmp)
            throw e
        }
        guard rename(tmp, path) == 0 else {
            let e = Self.reason
            unlink(tmp)
            throw e
        }
    }

    public func makeDirectories(_ path: String) throws(FileSystemFailure) {
        var p = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            p += (p.isEmpty || p == "/" ? "" : "/") + part
            if mkdir(p, 0o755) != 0 && errno != EEXIST { throw FileSystemFailure(Self.reason.reason, path: p) }
        }
    }

    public func list(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public var executablePath: String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// write(2), named apart from the methods called write.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

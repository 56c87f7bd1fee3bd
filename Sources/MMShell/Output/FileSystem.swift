/// What the shell needs of a file system: the few whole files it reads and writes (saved sessions, lesson progress,
/// lessons, the glossary, modules, pictures, /proc exports). Every file the shell touches goes through one of these,
/// so the rules that keep a user's files safe (`FileOutput`) are written once, and a test can give a session a
/// `MemoryFileSystem` and see every byte it would have written.
public protocol FileSystem: Sendable {
    /// What is at `path`, without following a final symlink (lstat): a symlink is `.other`.
    func status(_ path: String) -> FileStatus
    /// The same, following symlinks (stat).
    func statusFollowingLinks(_ path: String) -> FileStatus
    /// The bytes of a regular file, at most `limit + 1` of them (so a caller can tell the file is too big).
    func read(_ path: String, limit: Int) throws(FileSystemFailure) -> [UInt8]
    /// Replaces (or creates) the regular file at `path` atomically: readers see the old file or the new one, never half.
    func replace(_ path: String, with bytes: [UInt8]) throws(FileSystemFailure)
    /// Creates a directory and its parents (mkdir -p).
    func makeDirectories(_ path: String) throws(FileSystemFailure)
    /// The names in a directory (no `.` or `..`), or nil if it cannot be listed.
    func list(_ directory: String) -> [String]?
    /// The running executable's path, for finding the lessons installed beside it.
    var executablePath: String? { get }
}

public enum FileStatus: Sendable, Equatable {
    case missing
    case regular(size: Int)
    case directory
    /// A device, FIFO, socket or symlink: never read as a file nor replaced.
    case other
}

/// Why a file operation failed, as the host said it (strerror's words).
public struct FileSystemFailure: Error, Sendable, Equatable {
    public var reason: String
    /// The path the failure is about when it is not the one asked for (the parent `makeDirectories` could not make).
    public var path: String?
    public init(_ reason: String, path: String? = nil) {
        self.reason = reason
        self.path = path
    }
}

/// A file system in memory: what tests give a session, so that nothing reaches the disk and every write can be read
/// back. A class, so the copies a session makes (undo, lesson dry runs) share one set of files, as on a disk.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    // Touched from one thread at a time (a session is not shared between threads); the lock-free class keeps the
    // protocol's methods non-mutating, as a real file system's are.
    public private(set) var files: [String: [UInt8]] = [:]
    public private(set) var directories: Set<String> = ["/"]

    public init(files: [String: String] = [:]) {
        for (p, t) in files { self.files[p] = Array(t.utf8) }
    }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    public func status(_ path: String) -> FileStatus {
        if let f = files[path] { return .regular(size: f.count) }
        return directories.contains(Self.normal(path)) ? .directory : .missing
    }
    public func statusFollowingLinks(_ path: String) -> FileStatus { status(path) }

    public func read(_ path: String, limit: Int) throws(FileSystemFailure) -> [UInt8] {
        if directories.contains(Self.normal(path)) { throw FileSystemFailure("Is a directory") }
        guard let f = files[path] else { throw FileSystemFailure("No such file or directory") }
        return Array(f.prefix(limit + 1))
    }

    public func replace(_ path: String, with bytes: [UInt8]) throws(FileSystemFailure) {
        if directories.contains(Self.normal(path)) { throw FileSystemFailure("Is a directory") }
        files[path] = bytes
    }

    public func makeDirectories(_ path: String) throws(FileSystemFailure) {
        var p = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            p += "/" + part
            if files[p] != nil { throw FileSystemFailure("Not a directory") }
            directories.insert(Self.normal(p))
        }
    }

    public func list(_ directory: String) -> [String]? {
        let d = Self.normal(directory)
        guard directories.contains(d) else { return nil }
        let prefix = d == "/" ? "/" : d + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    public var executablePath: String? { nil }

    static func normal(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }
}

/// The lessons in a directory: every `*.yaml` file, in file-name order (files are numbered: 01-…, 02-…).
public struct LessonCatalog: Sendable {
    public var directory: String
    public var lessons: [Lesson]
    /// Files that failed to load, with their problems (`lesson check` explains them).
    public var problems: [LessonDiagnostic]

    public static func load(directory: String, in fs: any FileSystem = HostFileSystem()) -> LessonCatalog {
        var lessons: [Lesson] = []
        var problems: [LessonDiagnostic] = []
        for name in yamlFiles(in: directory, fs: fs) {
            let path = directory + "/" + name
            let (lesson, diags) = load(path: path, in: fs)
            if let lesson, diags.isEmpty { lessons.append(lesson) } else { problems += diags }
        }
        return LessonCatalog(directory: directory, lessons: lessons, problems: problems)
    }

    public static func load(path: String, in fs: any FileSystem = HostFileSystem()) -> (Lesson?, [LessonDiagnostic]) {
        let text: String
        do throws(CommandError) { text = try FileOutput.readText(path, in: fs) } catch {
            return (nil, [LessonDiagnostic(file: path, line: 0, message: error.message)])
        }
        return LessonDecoder.decode(text, file: path)
    }

    /// Finds a lesson by id (`buddy-split`), file name (`01-buddy-split`) or number (`1`).
    public func find(_ key: String) -> Lesson? {
        if let l = lessons.first(where: { $0.id == key }) { return l }
        for l in lessons {
            let base = Self.baseName(l.file)
            if base == key || base == key + ".yaml" { return l }
            if let n = Int(key), let prefix = base.split(separator: "-").first, Int(prefix) == n { return l }
        }
        return nil
    }

    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }

    public static func yamlFiles(in directory: String, fs: any FileSystem = HostFileSystem()) -> [String] {
        // The glossary shares the directory but is not a lesson.
        (fs.list(directory) ?? []).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && $0 != Glossary.fileName }.sorted()
    }

    /// The lessons of several directories, searched in order: a lesson id found twice is taken from the first
    /// directory (an author's draft in `$KMEMSIM_LESSONS` shadows the built-in lesson of the same id).
    public static func load(directories: [String], in fs: any FileSystem = HostFileSystem()) -> LessonCatalog {
        var all = LessonCatalog(directory: directories.joined(separator: ":"), lessons: [], problems: [])
        for d in directories {
            let c = load(directory: d, in: fs)
            for l in c.lessons where !all.lessons.contains(where: { $0.id == l.id }) { all.lessons.append(l) }
            all.problems += c.problems
        }
        return all
    }

    /// Where lessons are looked for: each directory of `$KMEMSIM_LESSONS` (colon-separated, like PATH), then the
    /// built-in lessons (`builtInDirectory`).
    public static func searchPath(environment env: (String) -> String? = Environment.get, in fs: any FileSystem = HostFileSystem()) -> [String] {
        var dirs: [String] = []
        if let v = env("KMEMSIM_LESSONS") {
            for d in v.split(separator: ":").map(String.init) where !d.isEmpty && !dirs.contains(d) { dirs.append(d) }
        }
        let builtIn = builtInDirectory(in: fs)
        if !dirs.contains(builtIn) { dirs.append(builtIn) }
        return dirs
    }

    /// The first directory of the search path (where `lesson check` examples point).
    public static func defaultDirectory(environment env: (String) -> String? = Environment.get, in fs: any FileSystem = HostFileSystem()) -> String {
        searchPath(environment: env, in: fs).first ?? builtInDirectory(in: fs)
    }

    /// The built-in lessons: `./lessons`, else a `lessons` directory next to or above the executable (a SwiftPM build
    /// runs from .build/debug/), else /usr/share/kmemsim/lessons.
    public static func builtInDirectory(in fs: any FileSystem = HostFileSystem()) -> String {
        func isDirectory(_ p: String) -> Bool { fs.statusFollowingLinks(p) == .directory }
        if isDirectory("lessons") { return "lessons" }
        if var dir = fs.executablePath {
            for _ in 0..<6 {
                guard let slash = dir.lastIndex(of: "/") else { break }
                dir = String(dir[..<slash])
                if isDirectory(dir + "/lessons") { return dir + "/lessons" }
            }
        }
        return "/usr/share/kmemsim/lessons"
    }
}

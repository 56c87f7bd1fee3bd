import Glibc
import MMShell

/// The repository's lessons/ directory, found from this file's path.
func lessonsDirectory(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3) // Tests/LessonTests/Support.swift
    return parts.joined(separator: "/") + "/lessons"
}

func lessonFiles() -> [String] {
    LessonCatalog.yamlFiles(in: lessonsDirectory()).map { lessonsDirectory() + "/" + $0 }
}

/// The built-in catalog, decoded once for the whole run (the YAML parser is unoptimised in the debug build, and each
/// decode reads every lesson file); tests that check loading itself still call LessonCatalog.load.
let builtInCatalog = LessonCatalog.load(directory: lessonsDirectory())

func loadLesson(_ id: String) throws -> Lesson {
    let catalog = builtInCatalog
    guard let l = catalog.find(id) else { throw TestFailure("no lesson \(id) in \(catalog.directory): \(catalog.problems)") }
    return l
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A scratch directory that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    var template = Array("/tmp/kmemsim-lesson-tests-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
    let dir = String(cString: p)
    defer { _ = system("rm -rf '\(dir)'") }
    return try body(dir)
}

func writeFile(_ path: String, _ text: String) {
    guard let f = fopen(path, "w") else { return }
    fputs(text, f)
    fclose(f)
}

func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "r") else { return nil }
    defer { fclose(f) }
    var out = [UInt8]()
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out += buf[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
}

/// A shell in a lesson, with progress kept in memory (or in `progress` when given).
func lessonShell(_ id: String, progress: String? = nil, language: LessonLanguage = .en) throws -> Shell {
    var sh = try Shell()
    sh.session.lessons.directory = lessonsDirectory()
    sh.session.lessons.progressPath = progress
    sh.session.lessons.language = language
    let o = sh.execute("lesson start \(id)")
    guard o.succeeded else { throw TestFailure(o.stderr) }
    return sh
}

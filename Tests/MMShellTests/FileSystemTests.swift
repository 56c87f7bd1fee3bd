import KernelMM
import Testing
@testable import MMShell

/// Every file a session reads or writes goes through its `FileSystem`: given one in memory, save/load, pictures,
/// snapshots, /proc exports, progress, modules and lessons all work on it and nothing reaches the disk; the rules that
/// keep a user's files safe hold over it the same way.
@Suite struct FileSystemTests {
    static let booted: Shell = {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 1
        return try! Shell(params: p)
    }()

    /// A directory that must not appear on the disk.
    static let root = "/tmp/kmemsim-memfs-\(UInt32.random(in: 0...UInt32.max))"

    /// Tab on a file argument lists that directory's files (hidden ones once a dot is typed); `cat` offers /proc files.
    @Test func completionOffersTheFilesOfThePathTyped() throws {
        let lab = Self.root + "/lab"
        let fs = MemoryFileSystem(files: [lab + "/s1.json": "{}", lab + "/s2.json": "{}", lab + "/.old.json": "{}", lab + "/dog.c": ""])
        try fs.makeDirectories(lab)
        var sh = Self.booted
        sh.session.files = fs
        #expect(sh.complete("load \(lab)/s").candidates == [lab + "/s1.json", lab + "/s2.json"])
        #expect(sh.complete("insmod \(lab)/.").candidates == [lab + "/.old.json"])
        #expect(sh.complete("cat /proc/bu").candidates == ["/proc/buddyinfo"])
        #expect(!sh.complete("save \(lab)/").candidates.contains("/proc/meminfo"))
    }

    @Test func aSessionsFilesAllGoThroughItsFileSystem() {
        let fs = MemoryFileSystem(files: [Self.root + "/hello.c": "static int __init hi(void) { return 0; }\nmodule_init(hi);\n"])
        var sh = Self.booted
        sh.session.files = fs
        for line in ["p = alloc_pages GFP_KERNEL 1", "save \(Self.root)/s.json", "buddy DMA32 --svg \(Self.root)/b.svg",
                     "snapshot \(Self.root)/m.html", "export-proc \(Self.root)/proc", "lesson export \(Self.root)/progress.json",
                     "insmod \(Self.root)/hello.c", "load \(Self.root)/s.json"] {
            let r = sh.execute(line)
            #expect(r.succeeded, "\(line): \(r.stderr)")
        }
        #expect(fs.text(Self.root + "/s.json")?.contains("\"format\"") == true)
        #expect(fs.text(Self.root + "/b.svg")?.contains(FileOutput.marker) == true)
        #expect(fs.text(Self.root + "/m.html")?.hasPrefix("<!DOCTYPE html>") == true)
        #expect(fs.text(Self.root + "/proc/meminfo")?.hasPrefix("MemTotal:") == true)
        #expect(fs.text(Self.root + "/progress.json") != nil)
        #expect(HostFileSystem().status(Self.root) == .missing, "a write reached the disk")
        // Loading the saved session brought back $p.
        #expect(sh.session.variables["p"] != nil)
    }

    @Test func theSafetyRulesHoldOverAnyFileSystem() {
        let mine = Self.root + "/notes.svg"
        let fs = MemoryFileSystem(files: [mine: "my own drawing\n"])
        try? fs.makeDirectories(Self.root + "/adir")
        var sh = Self.booted
        sh.session.files = fs
        let refused = sh.execute("buddy DMA32 --svg \(mine)")
        #expect(refused.stderr.contains("kmemsim did not write it"), "\(refused.stderr)")
        #expect(fs.text(mine) == "my own drawing\n")
        #expect(sh.execute("buddy DMA32 --svg \(mine) --force").succeeded)
        #expect(sh.execute("save \(Self.root)/adir").stderr.contains("not a regular file"))
        #expect(sh.execute("load \(Self.root)/missing.json").stderr.contains("No such file or directory"))
    }

    @Test func lessonsAndProgressComeFromTheFileSystem() throws {
        let lessonDir = Self.root + "/lessons"
        let lesson = try #require(FileOutput.read(LessonCatalog.builtInDirectory() + "/04-buddy-split.yaml"))
        let fs = MemoryFileSystem(files: [lessonDir + "/04-buddy-split.yaml": lesson])
        try fs.makeDirectories(lessonDir)
        var sh = Self.booted
        sh.session.files = fs
        sh.session.lessons.directory = lessonDir
        sh.session.lessons.progressPath = Self.root + "/state/progress.json"
        #expect(sh.execute("lesson list").stdout.contains("buddy-split"))
        #expect(sh.execute("lesson start buddy-split").succeeded)
        _ = sh.execute("lesson quit")
        #expect(fs.text(Self.root + "/state/progress.json")?.contains("buddy-split") == true, "progress was not saved in the session's files")
    }

    /// Inside MMShell every call that reads or writes a file names the file system it uses: a call left on the
    /// default (the host's) would bypass a session's own.
    @Test func noCallInTheShellFallsBackToTheHost() throws {
        let calls = ["FileOutput.write(", "FileOutput.readText(", "FileOutput.read(", "FileOutput.checkTarget(",
                     "FileOutput.makeDirectory(", "FileOutput.isRegularFile(", "LessonCatalog.load(", "ProgressStore.load(",
                     "ProgressStore.save(", "Glossary.load(", "LessonChecker.check(", "LessonCatalog.searchPath(",
                     "LessonCatalog.builtInDirectory(", "yamlFiles("]
        let root = #filePath.components("/Tests/")[0] + "/Sources/MMShell"
        let host = HostFileSystem()
        var files: [String] = []
        func walk(_ d: String) {
            for n in host.list(d) ?? [] {
                let p = d + "/" + n
                if host.status(p) == .directory { walk(p) } else if n.hasSuffix(".swift") { files.append(p) }
            }
        }
        walk(root)
        #expect(files.count > 100)
        for f in files where !f.hasSuffix("/FileOutput.swift") {
            let text = try #require(FileOutput.read(f))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (n, line) in lines.enumerated() {
                // A definition, or a call that passes its file system on (on its line or the next, for a long call).
                guard !line.contains("static func"), calls.contains(where: { line.contains($0) }) else { continue }
                let call = line + (n + 1 < lines.count ? lines[n + 1] : "")
                #expect(call.contains("in: ") || call.contains("fs: "), "\(f):\(n + 1) uses the host's files: \(line)")
            }
        }
    }
}

extension String {
    fileprivate func components(_ separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

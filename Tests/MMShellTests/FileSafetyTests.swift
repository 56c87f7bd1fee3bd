@testable import KernelMM
@testable import MMShell
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The files kmemsim writes (save, export-proc, lesson export): only regular files, never through or over a symlink,
/// a device or a FIFO, never an empty or `/` target, and never over a file kmemsim did not write unless --force.
@Suite struct FileSafetyTests {
    static func shell() throws -> Shell {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 1
        var sh = try Shell(params: p)
        sh.session.lessons.progressPath = nil
        return sh
    }

    static func text(_ path: String) -> String? { try? FileOutput.readText(path) }

    @Test func targetsThatAreNotRegularFilesAreRefused() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        try FileOutput.write("notes\n", to: "\(dir)/notes.txt", force: true)
        #expect(mkfifo("\(dir)/fifo", 0o644) == 0)
        #expect(symlink("\(dir)/notes.txt", "\(dir)/link.json") == 0)
        #expect(mkdir("\(dir)/d", 0o755) == 0)
        for target in ["\(dir)/fifo", "\(dir)/link.json", "\(dir)/d", "/dev/null"] {
            for command in ["save", "lesson export"] {
                let r = sh.execute("\(command) \(target) --force")
                #expect(!r.succeeded, "\(command) \(target)")
                #expect(r.stderr.contains("not a regular file"), "\(command) \(target): \(r.stderr)")
            }
        }
        for target in ["\"\"", "/", "//"] {
            #expect(sh.execute("save \(target)").stderr.contains("is not a file name"), "\(target)")
            #expect(sh.execute("export-proc \(target)").stderr.contains("is not a file name"), "\(target)")
        }
        // Nothing was replaced: the symlink still points at the untouched notes.
        #expect(Self.text("\(dir)/notes.txt") == "notes\n")
        var st = stat()
        #expect(lstat("\(dir)/link.json", &st) == 0 && st.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func filesKmemsimDidNotWriteNeedForce() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        try FileOutput.write("my lesson notes\n", to: "\(dir)/mine.txt", force: true)
        for command in ["save", "lesson export"] {
            let r = sh.execute("\(command) \(dir)/mine.txt")
            #expect(r.stderr.contains("kmemsim did not write it"), "\(command): \(r.stderr)")
            #expect(Self.text("\(dir)/mine.txt") == "my lesson notes\n")
        }
        // Its own files it replaces freely; --force replaces anyone's.
        #expect(sh.execute("save \(dir)/s.json").succeeded)
        #expect(sh.execute("save \(dir)/s.json").succeeded)
        #expect(sh.execute("lesson export \(dir)/p.json").succeeded)
        #expect(sh.execute("lesson export \(dir)/p.json").succeeded)
        #expect(!sh.execute("save \(dir)/p.json").succeeded, "a progress file is not a session")
        #expect(sh.execute("save \(dir)/mine.txt --force").succeeded)
        #expect(Self.text("\(dir)/mine.txt")?.contains("kmemsim-session") == true)
        // Korean.
        _ = sh.execute("lang ko")
        try FileOutput.write("x\n", to: "\(dir)/other.txt", force: true)
        #expect(sh.execute("save \(dir)/other.txt").stderr.contains("--force를 붙여"))
    }

    @Test func exportProcChecksEveryFileFirstAndMarksItsDirectory() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        #expect(sh.execute("export-proc \(dir)/proc").succeeded)
        #expect(FileOutput.isRegularFile("\(dir)/proc/\(FileOutput.procExportMarker)"))
        #expect(sh.execute("export-proc \(dir)/proc").succeeded, "its own export is replaced")
        #expect(mkdir("\(dir)/real", 0o755) == 0)
        try FileOutput.write("real meminfo\n", to: "\(dir)/real/meminfo", force: true)
        let r = sh.execute("export-proc \(dir)/real")
        #expect(r.stderr.contains("kmemsim did not write it"))
        #expect(Self.text("\(dir)/real/meminfo") == "real meminfo\n")
        #expect(Self.text("\(dir)/real/buddyinfo") == nil, "nothing is written when one file is refused")
        #expect(sh.execute("export-proc \(dir)/real --force").succeeded)
    }

    /// A symlink planted at PATH.tmp is removed, never followed; a stale temporary is replaced.
    @Test func temporaryFileIsNeverFollowed() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        #expect(symlink("\(dir)/victim", "\(dir)/s.json.tmp") == 0)
        #expect(sh.execute("save \(dir)/s.json").succeeded)
        #expect(access("\(dir)/victim", F_OK) != 0, "the write went through the symlink")
        #expect(access("\(dir)/s.json.tmp", F_OK) != 0)
        try FileOutput.write("half a fi", to: "\(dir)/p.json.tmp", force: true)
        #expect(sh.execute("lesson export \(dir)/p.json").succeeded)
        #expect(access("\(dir)/p.json.tmp", F_OK) != 0)
    }
}

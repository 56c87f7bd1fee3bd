@testable import KernelMM
@testable import MMShell
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--svg FILE` on every picture command and `snapshot FILE.html` follow the rules of save and export-proc: regular
/// files only, never through a symlink at FILE.tmp, never an empty or `/` target, written atomically, and a file
/// kmemsim did not write is replaced only with --force.
@Suite struct PictureFileSafetyTests {
    /// Every command that takes `--svg`, with arguments that draw something on a small machine.
    static let pictureLines = ["memmap", "memmap DMA --around pfn:0x10", "buddy DMA", "slab kmalloc-64", "vmarea $v", "percpu",
                               "task stacks", "stack 1234", "preempt_count", "vmmap"]

    static func shell() throws -> Shell {
        var sh = try FileSafetyTests.shell()
        #expect(sh.execute("v = vmalloc 8K").succeeded)
        return sh
    }

    static func text(_ path: String) -> String? { try? FileOutput.readText(path) }

    @Test func everyPictureCommandWritesOnlyItsOwnFilesWithoutForce() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        for (i, line) in Self.pictureLines.enumerated() {
            let path = "\(dir)/p\(i).svg"
            #expect(sh.execute("\(line) --svg \(path)").succeeded, "\(line)")
            let svg = Self.text(path) ?? ""
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(FileOutput.marker)\n<svg "), "\(line): \(svg.prefix(120))")
            // Its own file it replaces; someone else's it leaves alone, unless --force.
            #expect(sh.execute("\(line) --svg \(path)").succeeded, "\(line) again")
            try FileOutput.write("<svg>my own drawing</svg>\n", to: path, force: true)
            let r = sh.execute("\(line) --svg \(path)")
            #expect(!r.succeeded && r.stderr.contains("\(path) exists and kmemsim did not write it: choose another name, or add --force to replace it"), "\(line): \(r.stderr)")
            #expect(Self.text(path) == "<svg>my own drawing</svg>\n")
            #expect(sh.execute("\(line) --svg \(path) --force").succeeded, "\(line) --force")
            #expect(Self.text(path)?.contains(FileOutput.marker) == true)
        }
        _ = sh.execute("lang ko")
        try FileOutput.write("notes\n", to: "\(dir)/ko.svg", force: true)
        #expect(sh.execute("memmap --svg \(dir)/ko.svg").stderr.contains("kmemsim이 쓴 파일이 아닙니다. 다른 이름을 고르거나 --force를 붙여 덮어쓰세요"))
    }

    @Test func picturesAndSnapshotsRefuseTargetsThatAreNotRegularFiles() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        try FileOutput.write("notes\n", to: "\(dir)/notes.txt", force: true)
        #expect(mkfifo("\(dir)/fifo.svg", 0o644) == 0)
        #expect(symlink("\(dir)/notes.txt", "\(dir)/link.svg") == 0)
        #expect(symlink("\(dir)/notes.txt", "\(dir)/link.html") == 0)
        #expect(mkdir("\(dir)/d.svg", 0o755) == 0)
        for target in ["\(dir)/fifo.svg", "\(dir)/link.svg", "\(dir)/d.svg", "/dev/null"] {
            for line in Self.pictureLines {
                let r = sh.execute("\(line) --svg \(target) --force")
                #expect(r.stderr.contains("not a regular file"), "\(line) --svg \(target): \(r.stderr)")
            }
        }
        #expect(sh.execute("snapshot \(dir)/link.html --force").stderr.contains("not a regular file"))
        for target in ["\"\"", "/", "//"] {
            #expect(sh.execute("memmap --svg \(target)").stderr.contains("is not a file name"), "\(target)")
        }
        #expect(Self.text("\(dir)/notes.txt") == "notes\n", "nothing was written through a symlink")
        var st = stat()
        #expect(lstat("\(dir)/link.svg", &st) == 0 && st.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func snapshotWritesAtomicallyAndNeedsForceForOtherFiles() throws {
        let dir = SaveLoadTests.tempDir()
        var sh = try Self.shell()
        let page = "\(dir)/machine.html"
        // A symlink planted at FILE.tmp is removed, never followed.
        #expect(symlink("\(dir)/victim", page + ".tmp") == 0)
        #expect(sh.execute("snapshot \(page)").succeeded)
        #expect(access("\(dir)/victim", F_OK) != 0, "the write went through the symlink")
        #expect(access(page + ".tmp", F_OK) != 0)
        #expect(Self.text(page)?.hasPrefix("<!DOCTYPE html>\n\(FileOutput.marker)\n<html") == true)
        #expect(sh.execute("snapshot \(page)").succeeded, "its own page is replaced")
        try FileOutput.write("<html>my report</html>\n", to: "\(dir)/report.html", force: true)
        let r = sh.execute("snapshot \(dir)/report.html")
        #expect(r.stderr.contains("kmemsim did not write it"), "\(r.stderr)")
        #expect(Self.text("\(dir)/report.html") == "<html>my report</html>\n")
        #expect(sh.execute("snapshot \(dir)/report.html --force").succeeded)
        #expect(sh.execute("snapshot \(dir)/x.html --forse").stderr.contains("snapshot has no option --forse; did you mean --force?"))
    }
}

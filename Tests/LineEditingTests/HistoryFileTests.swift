// Saving history never clobbers a file that is not kmemsim's history, and never leaves half a file.
import Glibc
import Testing
@testable import LineEditing

@Suite struct HistoryFileTests {
    func scratch(_ name: String) -> String {
        let dir = "/tmp/kmemsim-histtest-\(getpid())"
        mkdir(dir, 0o700)
        let p = dir + "/" + name
        unlink(p)
        return p
    }

    func write(_ text: String, _ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    func read(_ path: String) -> String {
        guard let f = fopen(path, "r") else { return "" }
        defer { fclose(f) }
        var out: [UInt8] = []
        while true { let c = fgetc(f); if c == EOF { break }; out.append(UInt8(c)) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aFileThatIsNotHistoryIsLeftAlone() {
        let p = scratch("notes.txt")
        write("my thesis\n", p)
        #expect(HistoryFile.problem(p) == .notHistoryFile(path: p))
        #expect(HistoryFile.replace(p) { tmp in self.write("_HiStOrY_V2_\nx\n", tmp); return true } != nil)
        #expect(read(p) == "my thesis\n")
    }

    @Test func aMissingOrHistoryFileIsReplacedWhole() {
        let p = scratch("history")
        #expect(HistoryFile.problem(p) == nil)
        #expect(HistoryFile.replace(p) { tmp in self.write("_HiStOrY_V2_\none\n", tmp); return true } == nil)
        #expect(HistoryFile.replace(p) { tmp in self.write("_HiStOrY_V2_\none\ntwo\n", tmp); return true } == nil)
        #expect(read(p) == "_HiStOrY_V2_\none\ntwo\n")
        // A failed save leaves the old file as it was and no temporary file behind.
        #expect(HistoryFile.replace(p) { tmp in self.write("_HiStOrY_V2_\nhalf", tmp); return false } != nil)
        #expect(read(p) == "_HiStOrY_V2_\none\ntwo\n")
    }

    @Test func nonRegularFilesAndSymlinksAreNeverWritten() {
        #expect(HistoryFile.problem("/dev/null") == .notRegularFile(path: "/dev/null"))
        #expect(HistoryFile.problem("/tmp") == .notRegularFile(path: "/tmp"))
        let target = scratch("target")
        write("_HiStOrY_V2_\n", target)
        let link = scratch("link")
        symlink(target, link)
        #expect(HistoryFile.problem(link) == .notRegularFile(path: link))
    }
}

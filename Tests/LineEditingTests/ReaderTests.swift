// The non-interactive readers: scripted (for shell tests), string (for -f) and pipe (for stdin).
import Glibc
import Testing
@testable import LineEditing

@Suite struct ScriptedLineReaderTests {
    @Test func returnsLinesThenEndAndRecordsPrompts() {
        let reader = ScriptedLineReader(lines: ["a", "", "b"])
        #expect(reader.readLine(prompt: "p1> ") == .line("a"))
        #expect(reader.readLine(prompt: "p2> ") == .line(""))
        #expect(reader.readLine(prompt: "p3> ") == .line("b"))
        #expect(reader.readLine(prompt: "p4> ") == .endOfInput)
        #expect(reader.readLine(prompt: "p5> ") == .endOfInput)
        #expect(reader.prompts == ["p1> ", "p2> ", "p3> ", "p4> ", "p5> "])
    }

    @Test func scriptsInterruptsAndRecordsHistory() {
        let reader = ScriptedLineReader(results: [.interrupted, .line("x")])
        #expect(reader.readLine(prompt: "") == .interrupted)
        #expect(reader.readLine(prompt: "") == .line("x"))
        reader.addHistory("x")
        #expect(reader.history == ["x"])
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }
}

@Suite struct StringLineReaderTests {
    private func readAll(_ reader: LineReader) -> [String] {
        var lines: [String] = []
        while case .line(let line) = reader.readLine(prompt: "") {
            lines.append(line)
        }
        return lines
    }

    @Test func crlfAndLastLineWithoutNewline() {
        #expect(readAll(StringLineReader(contents: "one\r\ntwo\nthree")) == ["one", "two", "three"])
    }

    @Test func emptyLinesKeptAndFinalNewlineAddsNothing() {
        #expect(readAll(StringLineReader(contents: "a\n\n\nb\n")) == ["a", "", "", "b"])
        #expect(readAll(StringLineReader(contents: "\n")) == [""])
        #expect(readAll(StringLineReader(contents: "")) == [])
    }

    @Test func onlyOneTrailingCarriageReturnIsDropped() {
        #expect(readAll(StringLineReader(contents: "x\r\r\ny\r")) == ["x\r", "y"])
    }

    @Test func utf8Survives() {
        #expect(readAll(StringLineReader(contents: "héllo\r\n日本\n")) == ["héllo", "日本"])
    }
}

@Suite struct PipeLineReaderTests {
    private func readAll(_ reader: PipeLineReader) -> [String] {
        var lines: [String] = []
        while case .line(let line) = reader.readLine(prompt: "ignored> ") {
            lines.append(line)
        }
        return lines
    }

    /// Sends `bytes` through a real pipe. Kept under the pipe's 64 KiB buffer so no writer thread is needed.
    private func readThroughPipe(_ bytes: [UInt8]) -> [String] {
        var fds: [Int32] = [0, 0]
        guard bytes.count < 60_000, pipe(&fds) == 0 else { return ["setup failed"] }
        let written = write(fds[1], bytes, bytes.count)
        close(fds[1])
        defer { close(fds[0]) }
        guard written == bytes.count else { return ["write failed"] }
        return readAll(PipeLineReader(fileDescriptor: fds[0]))
    }

    /// Writes `bytes` to a temporary file and returns its path (the caller unlinks it).
    private func temporaryFile(_ bytes: [UInt8]) -> String? {
        var template = Array("/tmp/kmemsim-pipe-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { return nil }
            offset += written
        }
        return string(fromCString: template)
    }

    @Test func splitsLinesLikeStringReader() {
        #expect(readThroughPipe(Array("one\r\n\ntwo\nthree".utf8)) == ["one", "", "two", "three"])
        #expect(readThroughPipe([]) == [])
    }

    @Test func veryLongLines() throws {
        let long = String(repeating: "x", count: 1_000_000)
        let path = try #require(temporaryFile(Array((long + "\nshort\n" + long).utf8)))
        defer { unlink(path) }
        let lines = readAll(try #require(PipeLineReader(path: path)))
        #expect(lines.count == 3)
        #expect(lines.first?.count == 1_000_000)
        #expect(lines.dropFirst().first == "short")
        #expect(lines.last?.count == 1_000_000)
    }

    @Test func linesPastTheLimitAreSkippedWithoutBeingKept() throws {
        let long = String(repeating: "y", count: 3 * PipeLineReader.defaultMaxLineBytes)
        let path = try #require(temporaryFile(Array((long + "\nshort\n" + long).utf8)))
        defer { unlink(path) }
        let reader = try #require(PipeLineReader(path: path))
        #expect(reader.readLine(prompt: "") == .tooLong(bytes: long.utf8.count))
        #expect(reader.readLine(prompt: "") == .line("short"))
        #expect(reader.readLine(prompt: "") == .tooLong(bytes: long.utf8.count))
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }

    @Test func invalidUtf8IsRepairedNotFatal() {
        #expect(readThroughPipe([0x61, 0xFF, 0x62, 0x0A]) == ["a\u{FFFD}b"])
    }

    @Test func readsAFileByPath() throws {
        let path = try #require(temporaryFile(Array("first\nsecond".utf8)))
        defer { unlink(path) }
        let reader = try #require(PipeLineReader(path: path))
        #expect(reader.readLine(prompt: "") == .line("first"))
        #expect(reader.readLine(prompt: "") == .line("second"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
        #expect(PipeLineReader(path: path + "-missing") == nil)
    }
}

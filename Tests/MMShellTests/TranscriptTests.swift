import Testing
@testable import MMShell
#if canImport(Glibc)
import Glibc
#endif

/// Every transcript in Transcripts/ must produce exactly its recorded output.
@Suite struct TranscriptTests {
    @Test(arguments: TranscriptFiles.all)
    func transcript(_ name: String) throws {
        let path = TranscriptFiles.directory + "/" + name
        let t = try #require(Transcript.load(path), "cannot read \(path)")
        let expected = try #require(FileOutput.read(path))
        let actual = try t.run()
        if getenv("KMEMSIM_RECORD") != nil {
            try FileOutput.write(actual, to: path, force: true) // re-recording replaces the golden file on purpose
            return
        }
        let diff = Transcript.firstDifference(expected: expected, actual: actual)
        #expect(diff == nil, "\(name): \(diff ?? "")")
    }

    @Test func thereAreTranscripts() {
        #expect(TranscriptFiles.all.count >= 1)
    }

    @Test func promptLinesAreRecognised() {
        #expect(Transcript.promptInput("kmemsim> alloc_pages GFP_KERNEL 3") == "alloc_pages GFP_KERNEL 3")
        #expect(Transcript.promptInput("kmemsim [cpu1 atomic:1]> get_cpu") == "get_cpu")
        #expect(Transcript.promptInput("Node 0, zone DMA") == nil)
    }
}

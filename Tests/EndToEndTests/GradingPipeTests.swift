import Foundation
import Testing

import KmemsimTestSupport

/// A teacher's piped script (issue 12): refused operations fail the line, --fail-on marks kernel reports,
/// a closing summary counts them, and --json records carry line numbers, report kinds and severities.
@Suite(.enabled(if: KmemsimBinary.path != nil, "kmemsim binary not built next to the tests"))
struct GradingPipeTests {
    let misuse = """
    p = alloc_pages GFP_KERNEL 1
    __free_pages $p 2
    get_cpu
    k = kmalloc 64 GFP_KERNEL
    put_cpu
    """

    @Test func aRefusedFreeIsAFailedCommand() throws {
        let r = try KmemsimBinary.run([], stdin: misuse)
        #expect(r.status == 1)
        #expect(r.stderr == "kmemsim: <stdin>:2: error: __free_pages: the kernel refused it (see its report above); nothing changed\n")
    }

    @Test func failOnNamesTheLineAndSummarises() throws {
        let clean = try KmemsimBinary.run(["--fail-on=bug"], stdin: "p = alloc_pages GFP_KERNEL 1\n__free_pages $p 1\n")
        #expect(clean.status == 0)
        #expect(clean.stderr == "kmemsim: 2 lines, 0 failed (0 by --fail-on); kernel reports: 0 bugs, 0 warnings, 0 kmemsim notes, 0 info lines\n")
        let bug = try KmemsimBinary.run(["--fail-on=bug"], stdin: "get_cpu\nk = kmalloc 64 GFP_KERNEL\nput_cpu\n")
        #expect(bug.status == 1)
        #expect(bug.stderr.contains("kmemsim: <stdin>:2: BUG reported by 'k = kmalloc 64 GFP_KERNEL' (--fail-on=bug)\n"))
        #expect(bug.stderr.hasSuffix("kmemsim: 3 lines, 1 failed (1 by --fail-on); kernel reports: 1 bug, 0 warnings, 0 kmemsim notes, 0 info lines\n"))
        // Without --fail-on the same script exits 0: the report is on stdout, nothing marks it.
        #expect(try KmemsimBinary.run([], stdin: "get_cpu\nk = kmalloc 64 GFP_KERNEL\nput_cpu\n").status == 0)
    }

    @Test func failOnAnyCountsKmemsimNotes() throws {
        // A leak by a too-small order: the kernel is silent, kmemsim notes it.
        let script = "p = alloc_pages GFP_KERNEL 2\n__free_pages $p 1\n"
        #expect(try KmemsimBinary.run(["--fail-on=warning"], stdin: script).status == 0)
        let any = try KmemsimBinary.run(["--fail-on=any"], stdin: script)
        #expect(any.status == 1)
        #expect(any.stderr.contains("<stdin>:2: kmemsim note reported by '__free_pages $p 1' (--fail-on=any)"), "\(any.stderr)")
    }

    @Test func jsonRecordsCarryLinesKindsAndOneStream() throws {
        let r = try KmemsimBinary.run(["--json", "--one-stream"], stdin: misuse + "\nnope\n")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let records = try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(records.map { $0["line"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(records[1]["ok"] as? Bool == false)
        let kernel = try #require(records[3]["kernel"] as? [[String: Any]])
        #expect(kernel.first?["kind"] as? String == "sleeping_in_atomic")
        #expect(kernel.first?["severity"] as? String == "BUG")
        #expect(kernel.first?["class"] as? String == "BUG")
        #expect(kernel.first?["grade"] as? String == "bug")
        #expect(records[5]["ok"] as? Bool == false)
        #expect((records[5]["error"] as? String)?.contains("unknown command 'nope'") == true)
    }
}

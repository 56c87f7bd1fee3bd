import Foundation
import Testing

import KmemsimTestSupport

typealias Binary = KmemsimBinary

@Suite(.enabled(if: Binary.path != nil, "kmemsim binary not built next to the tests"))
struct PipeTests {
    let script = """
    p = alloc_pages GFP_KERNEL 3
    cat /proc/buddyinfo
    __free_pages $p 3
    gfp GFP_ATOMIC
    """

    @Test func aPipedScriptSucceedsWithNoPromptOrBanner() throws {
        let r = try Binary.run([], stdin: script)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(!r.stdout.contains("kmemsim>"))
        #expect(r.stdout.contains("Node 0, zone   Normal"))
        #expect(r.stdout.contains("GFP_ATOMIC = 0x820"))
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let a = try Binary.run(["--echo"], stdin: script + "\nexplain on\nalloc_pages GFP_KERNEL 5\ntrace on\nalloc_page GFP_ATOMIC\ntrace show\ndmesg\n")
        let b = try Binary.run(["--echo"], stdin: script + "\nexplain on\nalloc_pages GFP_KERNEL 5\ntrace on\nalloc_page GFP_ATOMIC\ntrace show\ndmesg\n")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("kmemsim> cat /proc/buddyinfo"))
    }

    @Test func errorsGoToStderrWithFileAndLineAndExitOne() throws {
        let r = try Binary.run([], stdin: "zones\nalloc_pages GFP_KERNL 0\nzones\n")
        #expect(r.status == 1)
        #expect(r.stderr == "kmemsim: <stdin>:2: error: unknown gfp flag 'GFP_KERNL'; did you mean GFP_KERNEL?\n")
        #expect(r.stdout.components(separatedBy: "zone      start_pfn").count == 3) // both zones commands ran
    }

    @Test func bailStopsAtTheFirstError() throws {
        let r = try Binary.run(["--bail"], stdin: "frob\nzones\n")
        #expect(r.status == 1)
        #expect(!r.stdout.contains("start_pfn"))
    }

    @Test func dashCRunsCommandsAndExits() throws {
        let r = try Binary.run(["-c", "a = __get_free_page GFP_KERNEL", "-c", "free_page $a", "--arch", "i386", "--mem", "1G"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("$a = 0xc"))
    }

    @Test func wordsRunAsOneCommand() throws {
        let r = try Binary.run(["cat", "/proc/buddyinfo"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Node 0, zone      DMA"))
    }

    @Test func jsonGivesOneObjectPerCommand() throws {
        let r = try Binary.run(["--json"], stdin: "p = alloc_pages GFP_KERNEL 0\nnope\n")
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(obj?["ok"] as? Bool == true)
        #expect((obj?["value"] as? [String: Any])?["type"] as? String == "page")
        let err = try JSONSerialization.jsonObject(with: Data(r.stderr.utf8)) as? [String: Any]
        #expect(err?["ok"] as? Bool == false)
        #expect(err?["line"] as? Int == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Binary.run(["--no-such-flag"]).status == 2)
        #expect(try Binary.run(["--arch", "vax"]).status == 2)
        #expect(try Binary.run(["--mem", "1T"]).status == 2)
        #expect(try Binary.run(["--help"]).status == 0)
    }

    @Test func fileFlagNamesTheFileInErrors() throws {
        let path = NSTemporaryDirectory() + "kmemsim-e2e-\(getpid()).txt"
        try "zones\nbogus_cmd\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Binary.run(["-f", path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("kmemsim: \(path):2: error: unknown command 'bogus_cmd'"))
    }
}

@Suite(.enabled(if: Binary.path != nil, "kmemsim binary not built next to the tests"))
struct LanguageTests {
    @Test func langKoSpeaksKoreanButTheKernelStaysEnglish() throws {
        let r = try Binary.run(["--lang", "ko"], stdin: "kmaloc 4\nfree_pages 0x1001 0\n")
        // The refused free is a failed command too, and says so in Korean.
        #expect(r.stderr == "kmemsim: <stdin>:1: error: 없는 명령입니다: 'kmaloc'. kmalloc 명령을 찾으셨나요?\n"
                + "kmemsim: <stdin>:2: error: free_pages: 커널이 이 작업을 거부했습니다(위의 보고 참고). 바뀐 것은 없습니다\n")
        #expect(r.stdout.contains("kernel BUG at mm/page_alloc.c:4526!"))
        #expect(r.stdout.contains("kmemsim: 0x1001: 직접 매핑(lowmem) 주소가 아니어서"))
    }

    @Test func theLocaleChoosesWhenThereIsNoFlag() throws {
        let ko = try Binary.run([], stdin: "kmaloc 4\n", environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "ko_KR.UTF-8"])
        #expect(ko.stderr.contains("없는 명령입니다"))
        let en = try Binary.run(["--lang", "en"], stdin: "kmaloc 4\n", environment: ["LANG": "ko_KR.UTF-8"])
        #expect(en.stderr.contains("unknown command 'kmaloc'"))
    }
}

@testable import KernelMM
@testable import MMShell
import Testing

/// Issue 10: the boot parameters are one table (`BootParameter.all`); `boot`, its summary, completion, lesson
/// `machine:` blocks, `help boot`, the kmemsim flags (EndToEndTests) and README read it.
@Suite struct BootParameterTests {
    static var small: BootParams { var p = BootParams(); p.memory = 64 << 20; p.cpus = 1; return p }

    @Test func everyDefaultIsWhatBootTakesBack() throws {
        #expect(Set(BootParameter.names).count == BootParameter.all.count)
        for p in BootParameter.all {
            guard let d = p.defaultValue else {
                #expect(p.derivedDefault != nil, "\(p.name) has no default and no words for the derived one")
                continue
            }
            var params = BootParams()
            try p.apply(d, to: &params)
            #expect(params == BootParams(), "\(p.name)=\(d) is not the default")
        }
        // A value set through the table reads back the same.
        var q = BootParams()
        for (k, v) in [("arch", "i386"), ("mem", "2G"), ("cpus", "2"), ("slab", "slab"), ("min_free_kbytes", "2048"), ("pcp", "off"),
                       ("slab_debug", "on"), ("vmap_stack", "off"), ("4kstacks", "on"), ("irq_stacks", "off"), ("seed", "42")] {
            let p = try #require(BootParameter.named(k))
            try p.apply(v, to: &q)
            #expect(p.value(in: q) == v, "\(k)")
        }
        // The kernel's older name still works.
        var r = BootParams()
        try BootParamParser.apply(["slub_debug=FZ"], to: &r)
        #expect(r.slabDebug == "FZ")
    }

    @Test func bootSummaryCompletionAndHelpListEveryParameter() throws {
        let boot = try #require(CommandTable.standard.lookup("boot"))
        let sh = try Shell(params: Self.small)
        let completed = Completer(shell: sh).complete("boot ").candidates
        for p in BootParameter.all {
            #expect(boot.summary.contains(" " + p.name + "="), "boot's summary lacks \(p.name)")
            #expect(Message.commandSummary(boot).ko.contains(" " + p.name + "="), "boot's Korean summary lacks \(p.name)")
            #expect(completed.contains(p.name + "="), "completion lacks \(p.name)=")
        }
        var s = sh
        // Help lines wrap at 80 columns under a six-space indent: read them unwrapped.
        func unwrapped(_ t: String) -> String { t.replacingOccurrences(of: "\n      ", with: " ") }
        let en = unwrapped(s.execute("help boot").stdout)
        s.session.language = .ko
        let ko = unwrapped(s.execute("help boot").stdout)
        for p in BootParameter.all {
            for text in [en, ko] { #expect(text.contains("  " + p.name + "=") && text.contains("--" + p.flag), "help boot lacks \(p.name)") }
            #expect(en.contains(p.help.en) && ko.contains(p.help.ko))
        }
        #expect(en.contains("default: 4G") && ko.contains("기본값: 4G"))
    }

    @Test func aLessonMachineTakesEveryParameterByName() throws {
        let yaml = """
        id: m
        title: {en: "Machine", ko: "머신"}
        summary: {en: "A machine.", ko: "머신 하나."}
        machine: {arch: i386, mem: 256M, cpus: 2, pcp: off, irq_stacks: off, options: [seed=7]}
        steps:
          - id: a
            kind: read
            text: {en: "Hi.", ko: "안녕."}
        recap: {en: "Done.", ko: "끝."}
        """
        let (lesson, diags) = LessonDecoder.decode(yaml, file: "m.yaml")
        #expect(diags.isEmpty, "\(diags)")
        let p = try #require(lesson).bootParams()
        #expect(p.arch == .i386 && p.memory == 256 << 20 && p.cpus == 2 && !p.pcpLists && !p.irqStacks && p.seed == 7)
        let (_, bad) = LessonDecoder.decode(yaml.replacingOccurrences(of: "irq_stacks: off", with: "irq_stack: off"), file: "m.yaml")
        #expect(bad.contains { $0.message.contains("unknown key 'irq_stack' in machine; did you mean irq_stacks?") }, "\(bad)")
    }

    /// README's table of boot parameters, as the table says it (a failure prints the block to paste).
    @Test func readmeListsTheTable() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        let path = (parts + ["README.md"]).joined(separator: "/")
        let readme = try FileOutput.readText(path)
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var block = "| parameter | flag | values | default | what it sets |\n|---|---|---|---|---|\n"
        for p in BootParameter.all {
            let d = p.defaultValue.map { $0.isEmpty ? "off" : $0 } ?? (p.derivedDefault?.en ?? "")
            block += "| `\(p.name)=` | `--\(p.flag)` | \(cell(Message.bootValues(p.kind).en)) | \(d) | \(cell(p.help.en)) |\n"
        }
        #expect(readme.contains(block), "README's boot parameter table should read:\n\(block)")
    }
}

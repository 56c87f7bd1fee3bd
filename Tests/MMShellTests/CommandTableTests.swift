import KmemsimFuzz
import KernelMM
import Testing
@testable import MMShell

/// The command table is the whole truth about a command's line: the decoder reads every argument by its declared kind
/// before the command runs, options and sub-commands included, and a command that reads an argument as another kind
/// fails with `argumentKindMismatch` (a bug in kmemsim). These tests run every command with well-formed arguments of
/// its declared kinds, so no such mismatch is left, and pin the decoder's errors.
@Suite struct CommandTableTests {
    static let directory = ShellFuzzer.temporaryDirectory()

    /// A small machine with one of everything a command may name: a page ($p), a kmalloc address ($a), a vmalloc area
    /// ($v), a cache ($c), a per-CPU variable (x) and a task.
    static let booted: Shell = {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        var sh = try! Shell(params: p)
        for line in ["p = alloc_pages GFP_KERNEL 1", "a = kmalloc 64 GFP_KERNEL", "v = vmalloc 8192", "c = kmem_cache_create tcache 96",
                     "DEFINE_PER_CPU int x", "task create worker"] {
            _ = sh.execute(line)
        }
        return sh
    }()

    /// A well-formed word of `kind` for `command`.
    static func sample(_ kind: ArgumentKind, _ command: String, _ index: Int) -> String {
        switch kind {
        case .gfp: "GFP_KERNEL"
        case .order: "1"
        case .size: "64"
        case .number: command == "task exit" ? "2000" : "1"
        case .address: "$a"
        case .addressOrPage, .page: "$p"
        case .name:
            switch command {
            case "export-proc": directory + "/proc"
            case "lesson export", "lesson import": directory + "/progress.json"
            case "lesson start", "lesson summary": "buddy-split"
            case "kmem_cache_create": "tnew"
            case "help": "alloc_pages"
            default: "x"
            }
        case .cacheName: "tcache"
        case .zone: "DMA32"
        case .cacheSetting(.align): "8"
        case .cacheSetting(.flags): "SLAB_HWCACHE_ALIGN"
        case .cacheSetting(.ctor): "ctor"
        case .stackOwner: "irq"
        case .word(let words): words[0]
        case .procFile: "/proc/meminfo"
        case .path:
            switch command {
            case "snapshot": directory + "/machine.html"
            case "insmod": directory + "/missing.c"
            default: directory + "/session.json"
            }
        case .keyValue: "mem=64M"
        case .text: "1 + 2"
        }
    }

    static var everyCommand: [CommandSpec] {
        CommandTable.standard.all.flatMap { [$0] + $0.subcommands }.filter { $0.name != "quit" }
    }

    /// The words of `spec`'s line: its sub-command word, then `count` arguments.
    static func line(_ spec: CommandSpec, arguments count: Int) -> String {
        let args = (0..<count).map { sample(ArgumentDecoder.spec(spec, $0).kind, spec.name, $0) }
        return ([spec.name] + args).joined(separator: " ")
    }

    @Test func everyCommandReadsItsArgumentsAsDeclared() {
        var lines: [String] = []
        for spec in Self.everyCommand where spec.run != nil {
            let required = spec.arguments.filter { !$0.optional }.count
            for n in required...spec.arguments.count { lines.append(Self.line(spec, arguments: n)) }
            for o in spec.options {
                let value = o.value.map { v in
                    switch o.name {
                    case "--svg": Self.directory + "/p.svg"
                    case "--width": "40"
                    case "--around": "$p"
                    case "--from": "0"
                    case "--to": "16"
                    default: Self.sample(v.kind, spec.name, 0)
                    }
                }
                lines.append(Self.line(spec, arguments: spec.arguments.count) + " " + o.name + (value.map { " " + $0 } ?? ""))
            }
        }
        #expect(lines.count > 150)
        for line in lines {
            var sh = Self.booted
            let r = sh.execute(line)
            #expect(!r.stderr.contains("kmemsim bug"), "\(line): \(r.stderr)")
        }
    }

    @Test func aCommandReadingAnotherKindIsCaught() throws {
        let wrong = CommandSpec("wrong", family: .session, arguments: [.init("size", .size)], summary: "reads its SIZE as a gfp mask") { _, a throws(CommandError) in
            _ = try a.gfp(0)
            return CommandOutput()
        }
        var s = Self.booted.session
        #expect(throws: CommandError.argumentKindMismatch(command: "wrong", argument: "SIZE", declared: "size", read: "gfp")) {
            _ = try Shell.run(wrong, ["64"], "64", "wrong 64", [:], &s)
        }
    }

    @Test func optionsComeAnywhereAndAreChecked() {
        var sh = Self.booted
        #expect(sh.execute("buddy --ascii DMA32 --picture").succeeded)
        #expect(sh.execute("quiz --seed 3 gfp --reveal").succeeded)
        let unknown = sh.execute("buddy DMA32 --pictur")
        #expect(unknown.stderr.contains("buddy has no option --pictur; did you mean --picture?"), "\(unknown.stderr)")
        #expect(sh.execute("quiz gfp --seed").stderr.contains("--seed needs a value: --seed N"))
        #expect(sh.execute("quiz gfp --seed x").stderr.contains("'x' is not a valid seed"))
        #expect(sh.execute("help quiz").stdout.contains("quiz TOPIC [--seed N] [--reveal]"))
        #expect(sh.execute("help buddy").stdout.contains("--picture, --ascii, --svg FILE, --force"))
    }

    @Test func subcommandsAreDeclaredAndSuggested() {
        var sh = Self.booted
        let typo = sh.execute("task craete w")
        #expect(typo.stderr.contains("task 'craete': use one of create, exit, list, stacks; did you mean create?"), "\(typo.stderr)")
        #expect(sh.execute("task").stderr.contains("task: missing ACTION; usage: task create|exit|list|stacks"))
        #expect(sh.execute("task create").stderr.contains("task create: missing NAME; usage: task create NAME"))
        #expect(sh.execute("explain tree extra").stderr.contains("explain tree: too many arguments"))
        let help = sh.execute("help lesson").stdout
        #expect(help.contains("lesson start ID") && help.contains("lesson export FILE [--force]"), "\(help)")
        #expect(sh.complete("lesson st").candidates == ["start"])
        #expect(sh.complete("task create w --").candidates.isEmpty)
        #expect(sh.complete("buddy DMA32 --pi").candidates == ["--picture"])
        #expect(sh.complete("quiz g").candidates == ["gfp"])
    }

    @Test func aRefusedLineChangesNothing() {
        var sh = Self.booted
        let before = sh.session.kernel, vars = sh.session.variables
        for line in ["alloc_pages GFP_KERNEL -1", "kmalloc 64 GFP_KERNL", "trace sideways", "stack use irq", "vmarea $v --svg"] {
            let r = sh.execute(line)
            #expect(!r.succeeded, "\(line)")
            var after = sh.session.kernel
            after.clock = before.clock
            #expect(after == before && sh.session.variables == vars, "\(line) changed the session")
        }
    }
}

/// A view counts what it was asked to render.
final class RenderCount: @unchecked Sendable {
    var text = 0, json = 0
}

struct CountingView: CommandView {
    let count: RenderCount
    var text: String { count.text += 1; return "the text\n" }
    var json: JSONValue { count.json += 1; return .object([("n", .int(1))]) }
}

@Suite struct OneRendererTests {
    /// The shell renders a view once, in the one format the session shows: text at the prompt, data under --json.
    @Test func aViewIsRenderedOnlyAsShown() throws {
        let count = RenderCount()
        let spec = CommandSpec("counted", family: .views, summary: "a view that counts its renderings") { _, _ throws(CommandError) in
            CommandOutput(view: CountingView(count: count))
        }
        var s = CommandTableTests.booted.session
        let text = s.invoke(spec, arguments: [], rest: "", assignTo: nil, text: "counted", source: nil, line: 0).outcome
        #expect(text.stdout == "the text\n" && count.text == 1 && count.json == 0)
        s.settings.json = true
        let json = s.invoke(spec, arguments: [], rest: "", assignTo: nil, text: "counted", source: nil, line: 0).outcome
        #expect(json.record.map { JSONValue.object($0).rendered }?.contains("\"data\":{\"n\":1}") == true, "\(String(describing: json.record))")
        #expect(count.text == 1 && count.json == 1)
    }

    /// Trace events are typed in KernelMM: `trace show --json` gives each event's fields as data, and the text is the
    /// kernel's line.
    @Test func traceEventsAreData() throws {
        var sh = CommandTableTests.booted
        for line in ["trace on", "a2 = kmalloc 100 GFP_KERNEL", "kfree $a2", "v2 = vmalloc 8192"] { _ = sh.execute(line) }
        #expect(sh.execute("trace show").stdout.contains("kmalloc: call_site="))
        sh.session.settings.json = true
        let record = sh.execute("trace show").stdout
        #expect(record.contains("\"event\":\"kmalloc\"") && record.contains("\"bytes_req\":100") && record.contains("\"bytes_alloc\":128"), "\(record.prefix(600))")
        #expect(record.contains("\"event\":\"kfree\"") && record.contains("\"event\":\"alloc_vmap_area\""))
    }

    @Test func trimmingKeepsItsMeaningOnTheFastPath() {
        #expect("alloc_pages GFP_KERNEL 0".trimmingWhitespace() == "alloc_pages GFP_KERNEL 0")
        #expect("  x = 1\t\n".trimmingWhitespace() == "x = 1")
        #expect("\u{00A0}kfree $p\u{2003}".trimmingWhitespace() == "kfree $p")
        #expect("print \"한글\"".trimmingWhitespace() == "print \"한글\"")
        #expect("".trimmingWhitespace().isEmpty && " ".trimmingWhitespace().isEmpty)
    }
}

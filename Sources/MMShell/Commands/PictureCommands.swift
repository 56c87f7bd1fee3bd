import KernelMM

/// Commands that exist for their pictures: `preempt_count` and `snapshot FILE.html`.
enum PictureCommands {
    static let all: [CommandSpec] = [
        CommandSpec("preempt_count", family: .cpu, arguments: [.init("cpu", .number, optional: true)], options: PictureOptions.options([.picture, .ascii, .svg]),
                    summary: "this CPU's preempt_count (PREEMPT 0xff, SOFTIRQ 0xff00, HARDIRQ 0xf0000, NMI 0xf00000); --picture draws the bit fields",
                    c: "static __always_inline int preempt_count(void);", header: "include/linux/preempt.h",
                    contexts: CPUCommands.anyContext, examples: ["preempt_count", "preempt_count --picture", "preempt_count 1 --svg pc.svg"]) { s, a throws(CommandError) in
            let o = try PictureOptions.parse(a)
            let cpu = try o.arguments.int(0, default: s.kernel.currentCPU)
            guard cpu >= 0, cpu < s.kernel.cpus.count else {
                throw .badArgument(argument: "CPU", value: String(cpu), reason: "this machine has CPUs 0…\(s.kernel.cpus.count - 1)")
            }
            let m = PreemptCountPicture.build(s.kernel, cpu: cpu)
            let json = JSONValue.object([("cpu", .int(cpu)), ("preempt_count", .int(Int(m.count))),
                                         ("fields", .object(m.fields.map { ($0.name, .int(Int($0.value))) }))])
            if o.wantsPicture { return try o.output(m.picture(language: s.lessons.language), s, json: json) }
            return CommandOutput(value: .int(Int(m.count)))
        },
        CommandSpec("snapshot", family: .views, arguments: [.init("file", .path)], options: [OptionSpec("--force")],
                    summary: "write one self-contained HTML page with this machine's pictures and key numbers (for a handout or a report); --force replaces a file kmemsim did not write",
                    examples: ["snapshot machine.html", "snapshot machine.html --force"]) { s, a throws(CommandError) in
            let path = try a.string(0)
            let force = a.has(option: "--force")
            guard path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm") else {
                throw .badArgument(argument: "FILE", value: path, reason: "the snapshot is an HTML page; name it e.g. machine.html")
            }
            let page = SnapshotPage.render(s)
            try FileOutput.write(FileOutput.marked(page.html), to: path, kind: .picture, force: force, language: s.language, in: s.files)
            let l = s.lessons.language
            return CommandOutput(text: Message(en: "wrote \(path): \(page.pictures) pictures, \(page.html.utf8.count) bytes, no external resources\n", ko: "\(path)에 저장했습니다: 그림 \(page.pictures)개, \(page.html.utf8.count)바이트, 외부 자원 없음\n").text(l),
                                 json: .object([("file", .string(path)), ("pictures", .int(page.pictures)), ("bytes", .int(page.html.utf8.count))]))
        },
    ]
}

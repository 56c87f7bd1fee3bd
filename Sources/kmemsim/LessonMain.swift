import LineEditing
import MMShell

/// `kmemsim lesson list | run ID | check FILE…`: lessons without a prompt, for teachers, autograders and authors.
enum LessonMain {
    /// Returns the exit status: 0 fine; run: 3 when a check fails or the lesson does not complete; 1 when it cannot run or a checked file has problems.
    static func run(_ words: [String], options: LessonRunOptions) -> Int32 {
        let language = options.language
        switch words.first {
        case "list":
            var shell: Shell
            do { shell = try Shell() } catch {
                Output.err("kmemsim: \(error.message)\n")
                return 1
            }
            shell.session.lessons.language = language
            shell.session.lessons.progressPath = ProgressStore.defaultPath()
            let o = shell.execute("lesson list")
            Output.out(o.stdout)
            Output.err(o.stderr)
            return o.succeeded ? 0 : 1
        case "run":
            guard words.count == 2 else {
                Output.err("kmemsim: usage: kmemsim lesson run ID|FILE.yaml < answers.txt\n")
                return 1
            }
            let host = HostFileSystem()
            let catalog = LessonCatalog.load(directories: LessonCatalog.searchPath(in: host), in: host)
            var found = catalog.find(words[1])
            if found == nil, words[1].hasSuffix(".yaml") {
                let (l, diags) = LessonCatalog.load(path: words[1], in: host)
                for d in diags { Output.err("\(d)\n") }
                guard let l, diags.isEmpty else { return 1 }
                found = l
            }
            guard let lesson = found else {
                Output.err("kmemsim: no lesson '\(words[1])' in \(catalog.directory); lessons: \(catalog.lessons.map(\.id).joined(separator: " "))\n")
                for p in catalog.problems { Output.err("kmemsim: \(p)\n") }
                return 1
            }
            var lines: [String] = []
            let reader = PipeLineReader()
            // An over-long line is kept as an empty answer so the line numbers stay right.
            readLines: while true {
                switch reader.readLine(prompt: "") {
                case .line(let l): lines.append(l)
                case .tooLong(let bytes):
                    Output.err("kmemsim: <stdin>:\(lines.count + 1): error: " + Message.lineTooLong(bytes).text(language) + "\n")
                    lines.append("")
                case .interrupted: continue
                case .endOfInput: break readLines
                }
            }
            let r = LessonRunner.run(lesson, input: lines, options: options)
            Output.out(r.stdout)
            Output.err(r.stderr)
            return r.exitCode
        case "check":
            let files = Array(words.dropFirst())
            guard !files.isEmpty else {
                Output.err("kmemsim: usage: kmemsim lesson check FILE…\n")
                return 1
            }
            var problems = 0
            for f in files {
                let diags = LessonChecker.check(path: f)
                for d in diags { Output.err("\(d)\n") }
                problems += diags.count
                if diags.isEmpty { Output.out("\(f): ok\n") }
            }
            return problems == 0 ? 0 : 1
        default:
            Output.err("kmemsim: lesson list | lesson run ID | lesson check FILE…\n")
            return 1
        }
    }
}

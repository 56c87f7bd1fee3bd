import ArgumentParser
import KernelMM
import LineEditing
import MMShell
#if canImport(Glibc)
import Glibc
#endif

/// Everything runs inside a function: locals, not top-level globals, hold the shell.
@MainActor
func kmemsimMain() -> Int32 {
    // Parse flags ourselves so that a usage error exits with 2 (ArgumentParser's default is 64).
    let options: RunOptions
    var arguments = Array(CommandLine.arguments.dropFirst())
    // `--help` in Korean: ArgumentParser's page is English only.
    if !arguments.contains("--json"), KoreanUsage.asksForHelp(arguments),
       KoreanUsage.language(arguments, environment: { getenv($0).map { String(cString: $0) } }) == .ko {
        Output.out(KoreanUsage.page())
        return 0
    }
    // `--json -h`: the help as JSON (swift-argument-parser's help dump: every option, its kind, names and text).
    if arguments.contains("--json"), arguments.contains(where: { $0 == "-h" || $0 == "--help" }) {
        arguments = ["--experimental-dump-help"]
    }
    do {
        options = try Kmemsim.quickParse(arguments) ?? Kmemsim.parse(arguments).runOptions
    } catch {
        if Kmemsim.exitCode(for: error) == .success {
            Output.out(Kmemsim.fullMessage(for: error) + "\n")
            return 0
        }
        Output.err("kmemsim: " + Kmemsim.fullMessage(for: error) + "\n")
        return 2
    }

    let scripted = !options.c.isEmpty || options.f != nil || !options.words.isEmpty
    let interactive = !scripted && isTerminal(0) && isTerminal(1)
    let language: Language
    do { language = try options.language() } catch {
        Output.err("kmemsim: \(error.message)\n")
        return 2
    }
    // The runner is the shell's only owner: a second live copy would make the first command that changes the kernel
    // copy every struct page (at 64 GiB, 270 MB and 0.15 s).
    let runner: Runner
    do {
        runner = Runner(shell: try Shell(params: options.bootParams(),
                                         settings: ShellSettings(json: options.json, color: options.colorEnabled(),
                                                                 undoDepth: Int(min(options.undoDepth, 1000)),
                                                                 unicode: options.unicodePictures(), columns: terminalColumns(),
                                                                 validateEachCommand: options.validate, jsonOneStream: options.oneStream)),
                        options: options)
    } catch {
        Output.err("kmemsim: \(error.message(language))\n")
        return 2
    }

    if options.words.first == "lesson", options.words.count >= 2, ["list", "run", "check"].contains(options.words[1]) {
        let run = LessonRunOptions(language: language, noSkip: options.noSkip, allowSkip: options.allowSkip,
                                   progressPath: options.progress, json: options.json)
        return LessonMain.run(Array(options.words.dropFirst()), options: run)
    }
    // Lesson text and help fit the terminal they are shown on (pipes get the text as written).
    if isTerminal(1) { runner.shell.session.settings.width = terminalColumns(1) }
    runner.shell.session.lessons.language = language
    runner.shell.session.lessons.noSkip = options.noSkip
    runner.shell.session.lessons.progressPath = ProgressStore.defaultPath()
    // The machine's own files: every read and write of the session goes through this (a test gives another).
    runner.shell.session.files = HostFileSystem()
    if let file = options.load {
        do throws(CommandError) { try runner.shell.session.load(from: file) } catch {
            Output.err("kmemsim: \(error.message(language))\n")
            return 2
        }
    }

    if interactive {
        Output.out(BootParamParser.banner(runner.shell.session.kernel, language: language) + "\n"
                   + Message.welcome.text(language) + "\n")
        if let editor = EditLineReader(completionProvider: { runner.complete($0) }) {
            _ = runner.run(editor, source: "<tty>", interactive: true)
            editor.close()
        } else {
            _ = runner.run(PipeLineReader(), source: "<stdin>", interactive: true)
        }
        return 0
    }

    // A script's output is written in large pieces (see Output); a terminal's as each command finishes.
    Output.buffered = true
    var keepGoing = true
    if let file = options.f {
        var st = stat()
        if stat(file, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            Output.err("kmemsim: " + Message.scriptIsDirectory(file).text(language) + "\n")
            return 2
        }
        guard let reader = PipeLineReader(path: file) else {
            Output.err("kmemsim: " + Message.cannotOpen(file, String(cString: strerror(errno))).text(language) + "\n")
            return 2
        }
        keepGoing = runner.run(reader, source: file, interactive: false)
    }
    if keepGoing, !options.c.isEmpty {
        keepGoing = runner.run(StringLineReader(contents: options.c.joined(separator: "\n")), source: "-c", interactive: false)
    }
    if keepGoing, !options.words.isEmpty {
        keepGoing = runner.run(StringLineReader(contents: options.words.joined(separator: " ")), source: "<command line>", interactive: false)
    }
    if !scripted {
        _ = runner.run(PipeLineReader(), source: "<stdin>", interactive: false)
    }
    Output.flush()
    if options.failOn != nil { Output.err(runner.summary()) }
    if let e = Output.stdoutError {
        Output.err("kmemsim: " + Message.cannotWriteStandardOutput(String(cString: strerror(e))).text(language) + "\n")
        return 1
    }
    // Exit with the machine still alive: tearing down millions of frames and every cache only to exit was ~7% of
    // a short script's run. Output is flushed above and written with write(2), so nothing is lost.
    exit(runner.failures == 0 ? 0 : 1)
}

exit(MainActor.assumeIsolated { kmemsimMain() })

import MMShell

/// `kmemsim --help` under `--lang ko` (or a Korean LANG): the page ArgumentParser prints, in Korean. Every option of
/// `Kmemsim` has its line here (EndToEndTests compares the two pages' option names); the boot flags' words come from
/// the boot-parameter table.
enum KoreanUsage {
    /// The options before the boot flags, then after them, as ArgumentParser orders them.
    static let before: [(String, String)] = [
        ("<words>", "실행할 명령 하나. 예: cat /proc/buddyinfo. 또는 lesson list | lesson run ID < answers.txt | lesson check FILE…"),
        ("-c <command>", "명령 하나를 실행하고 끝냅니다 (여러 번 쓸 수 있습니다)."),
        ("-f <file>", "파일에 든 명령을 실행하고 끝냅니다."),
        ("--bail", "처음 실패한 명령에서 멈춥니다."),
        ("--echo", "입력 줄마다 프롬프트 뒤에 다시 적어, 출력을 기록처럼 읽을 수 있게 합니다."),
        ("--json", "명령마다 JSON 객체 하나를 stdout에 씁니다 (입력 줄 번호 포함). 오류는 JSON으로 stderr에 씁니다."),
        ("--one-stream", "--json과 함께 쓰면 오류 기록도 stdout에 씁니다 (\"ok\": false). 채점기는 파일 하나만 읽으면 됩니다."),
        ("--fail-on <bug|warning|any>", "모의 커널이 BUG(bug), WARNING 이상(warning), 또는 kmemsim의 오용 안내까지 포함한 모든 보고(any)를 내면 종료 코드 1로 끝냅니다. 해당 줄은 stderr에 적히고, 끝에 보고 개수 요약이 나옵니다."),
        ("--color <when>", "색: auto(터미널이고 NO_COLOR가 없으며 TERM=dumb가 아닐 때), always, never."),
        ("--ascii", "그림을 ASCII 글자로만 그립니다 (TERM=dumb이거나 NO_COLOR가 있거나 출력이 터미널이 아닐 때도 그렇습니다)."),
        ("--undo-depth <N>", "'undo'로 되돌릴 수 있는 명령 수 (0이면 끕니다)."),
        ("--validate", "명령마다 모든 불변식 검사('validate')를 돌립니다. 깨지면 오류입니다."),
    ]
    static let after: [(String, String)] = [
        ("--lang <en|ko>", "레슨과 메시지의 언어: en 또는 ko (기본값은 LANG을 따르고, 번역이 없는 글은 영어로 나옵니다)."),
        ("--no-skip", "레슨: 'skip'을 거부합니다."),
        ("--allow-skip", "lesson run: 건너뛴 단계가 있어도 실행을 실패로 치지 않습니다 (기본으로는 종료 코드 3으로 끝납니다)."),
        ("--load <file>", "'save FILE'로 저장한 세션에서 시작합니다 (먼저 전부 검사하며, 부트 옵션은 무시됩니다)."),
        ("--progress <file>", "lesson run: 실행의 진행 상황을 FILE에 기록합니다 (기본으로는 아무것도 기록하지 않습니다)."),
        ("-h, --help", "이 도움말을 보여 줍니다."),
    ]

    /// The page, wrapped to `width` display columns (Hangul takes two), option texts under their column.
    static func page(width: Int = 80) -> String {
        var t = "개요: 모의 Linux 6.6 메모리 관리자 위의 셸입니다. alloc_pages, kmalloc, vmalloc… 을 이름으로 호출합니다.\n\n"
        t += "사용법: kmemsim [<words> ...] [-c <command> ...] [-f <file>] [옵션]\n\n"
        t += "stdin과 stdout이 터미널이면 대화형입니다 (기록, Ctrl-R, Tab 자동 완성). 아니면 stdin, -f FILE 또는 -c CMD에서 "
        t += "명령을 읽어 결과는 stdout에, 오류는 stderr에 FILE:LINE: error: MESSAGE 형식으로 씁니다. 종료 코드는 모든 명령이 "
        t += "성공하면 0, 하나라도 실패하면 1 (순서가 틀린 해제처럼 거부된 작업도 실패이고, --fail-on을 주면 그 심각도의 커널 "
        t += "보고도 실패입니다), 사용법 오류면 2입니다. 옵션 뒤의 낱말은 명령 하나로 실행됩니다: kmemsim cat /proc/buddyinfo\n"
        t += "레슨을 터미널 없이: 'kmemsim lesson list', 'kmemsim lesson run ID < answers.txt' (stdin의 줄을 차례로 레슨에 입력하고, "
        t += "모든 검사를 통과해 건너뛴 단계 없이 끝나면 0, 검사 실패나 건너뛴 단계가 있거나 끝나지 않으면 3, 레슨을 실행할 수 없으면 1), "
        t += "'kmemsim lesson check FILE…' (레슨 파일 검사, file:line 오류).\n"
        var out = t.split(separator: "\n", omittingEmptySubsequences: false).map { TextWrap.wrap(String($0), width: width).joined(separator: "\n") }
            .joined(separator: "\n") + "\n옵션:\n"
        var rows = before
        rows += BootParameter.all.map { p in ("--\(p.flag) <\(BootParameter.valueName(p.kind))>", BootParameter.argumentHelpText(p.name, .ko)) }
        rows += after
        let column = String(repeating: " ", count: 26)
        for (name, help) in rows {
            let head = name.count > 22 ? "  " + name + "\n" + column : "  " + name + String(repeating: " ", count: 24 - name.count)
            let body = TextWrap.wrap(column + help, width: width, hanging: column).joined(separator: "\n")
            out += head + body.dropFirst(column.count) + "\n"
        }
        return out
    }

    /// `-h`/`--help` among the arguments (not as the value of -c or -f).
    static func asksForHelp(_ args: [String]) -> Bool {
        var i = 0
        while i < args.count {
            if args[i] == "-c" || args[i] == "-f" { i += 2; continue }
            if args[i] == "-h" || args[i] == "--help" { return true }
            i += 1
        }
        return false
    }

    /// The language the page is asked in: `--lang X` among the arguments, else the environment's.
    static func language(_ args: [String], environment: (String) -> String?) -> Language {
        if let i = args.firstIndex(of: "--lang"), i + 1 < args.count { return Language(rawValue: args[i + 1].lowercased()) ?? .en }
        return Language.fromEnvironment(environment)
    }
}

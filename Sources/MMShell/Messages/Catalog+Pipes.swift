/// What is wrong with a pipe after a command (`cat /proc/slabinfo | grep kmalloc`), and `help pipe`, in both languages.
extension Message {
    /// A tool kmemsim has no filter for: the way to run it on the command's output from the user's own shell.
    static func pipeUnknownTool(_ tool: String, command: String) -> Message {
        let tool = Suggest.shown(tool)
        let cmd = command.isEmpty ? "cat /proc/slabinfo" : Suggest.shown(command)
        let quoted = cmd.contains("'") ? "\"\(cmd)\"" : "'\(cmd)'"
        return Message(
            en: "kmemsim's pipes know grep, egrep, fgrep, head, tail and wc, not \(tool); run \(tool) from your own shell: kmemsim -c \(quoted) | \(tool)",
            ko: "kmemsim 안의 파이프에는 grep, egrep, fgrep, head, tail, wc만 쓸 수 있고 \(tool) 명령은 쓸 수 없습니다. \(tool) 명령은 셸에서 실행하세요: kmemsim -c \(quoted) | \(tool)")
    }

    static func pipeNotAFilter(_ name: String, suggestion: String?) -> Message {
        let name = Suggest.shown(name)
        if let s = suggestion {
            return Message(en: "'\(name)' after '|' is not a filter; did you mean \(s)? (kmemsim's pipes know grep, egrep, fgrep, head, tail and wc)",
                           ko: "'|' 뒤의 '\(name)' 명령은 필터가 아닙니다. \(s) 명령을 찾으셨나요? (쓸 수 있는 필터: grep, egrep, fgrep, head, tail, wc)")
        }
        return Message(en: "'\(name)' after '|' is not a filter; kmemsim's pipes know grep, egrep, fgrep, head, tail and wc",
                       ko: "'|' 뒤의 '\(name)' 명령은 필터가 아닙니다. 쓸 수 있는 필터는 grep, egrep, fgrep, head, tail, wc입니다")
    }

    static let pipeEmptyStage = Message(
        en: "nothing after '|': name a filter, as in 'cat /proc/slabinfo | grep kmalloc'",
        ko: "'|' 뒤에 아무것도 없습니다. 'cat /proc/slabinfo | grep kmalloc'처럼 필터를 쓰세요")

    static func pipeNothingBefore(_ filter: String) -> Message {
        Message(en: "nothing before '| \(filter)': a pipe filters a command's output, as in 'cat /proc/slabinfo | \(filter) …'",
                ko: "'| \(filter)' 앞에 명령이 없습니다. 파이프는 명령의 출력을 거르는 것이므로 'cat /proc/slabinfo | \(filter) …'처럼 씁니다")
    }

    static func pipeUnterminatedQuote(_ text: String) -> Message {
        let text = Suggest.shown(text)
        return Message(en: "a quote is not closed in '\(text)'", ko: "'\(text)'에서 따옴표가 닫히지 않았습니다")
    }

    static func pipeInJSON(_ filter: String) -> Message {
        Message(en: "with --json each line's output is one JSON record: filter the records outside kmemsim (with jq), not with '| \(filter)'",
                ko: "--json에서는 한 줄의 출력이 JSON 레코드 하나입니다. '| \(filter)' 대신 kmemsim 밖에서 (jq 등으로) 레코드를 거르세요")
    }

    static let pipeAfterKernelC = Message(
        en: "a kernel C line cannot be piped; pipe a shell command instead, as in 'cat /proc/slabinfo | grep kmalloc'",
        ko: "커널 C 줄에는 파이프를 쓸 수 없습니다. 'cat /proc/slabinfo | grep kmalloc'처럼 셸 명령에 쓰세요")

    static func filterOptionNeedsValue(tool: String, option: String) -> Message {
        let example = tool == "grep" || tool == "egrep" || tool == "fgrep" ? "\(tool) \(option) 2 kmalloc" : "\(tool) \(option) 5"
        return Message(en: "\(tool): \(option) needs a value, as in '\(example)'", ko: "\(tool): \(option) 옵션에는 값이 필요합니다. 예: '\(example)'")
    }

    static func filterBadCount(tool: String, option: String, value: String) -> Message {
        let value = Suggest.shown(value)
        return Message(en: "\(tool): \(option) takes a number of lines, not '\(value)', as in '\(tool) -n 5'",
                       ko: "\(tool): \(option) 옵션에는 줄 수를 숫자로 써야 하는데 '\(value)' 값이 왔습니다. 예: '\(tool) -n 5'")
    }

    static func filterNeedsPattern(tool: String) -> Message {
        Message(en: "\(tool) needs a pattern, as in 'cat /proc/slabinfo | \(tool) kmalloc'",
                ko: "\(tool)에는 찾을 패턴이 필요합니다. 예: 'cat /proc/slabinfo | \(tool) kmalloc'")
    }

    static func filterTakesNoFile(tool: String, word: String) -> Message {
        let word = Suggest.shown(word)
        return Message(en: "\(tool) here reads the command's output, not a file: drop '\(word)' (quote a pattern with spaces: grep 'zone Normal')",
                       ko: "여기서 \(tool) 명령은 파일이 아니라 명령의 출력을 읽습니다. '\(word)' 부분을 빼세요 (공백이 든 패턴은 따옴표로 묶습니다: grep 'zone Normal')")
    }

    static func filterBadPattern(tool: String, pattern: String, error e: ExtendedRegex.SyntaxError) -> Message {
        let p = Suggest.shown(pattern), col = e.column
        let (en, ko): (String, String)
        switch e.problem {
        case .unmatchedParen: (en, ko) = ("a parenthesis at column \(col) has no partner", "\(col)번째 글자의 괄호와 짝이 맞는 괄호가 없습니다")
        case .unmatchedBracket: (en, ko) = ("the '[' at column \(col) is not closed by ']'", "\(col)번째 글자의 '['를 닫는 ']'가 없습니다")
        case .badClass: (en, ko) = ("unknown character class at column \(col) (use [:alpha:], [:digit:], [:alnum:], [:upper:], [:lower:], [:space:], [:punct:] or [:xdigit:])",
                                    "\(col)번째 글자에 모르는 문자 클래스가 있습니다 ([:alpha:], [:digit:], [:alnum:], [:upper:], [:lower:], [:space:], [:punct:], [:xdigit:] 가운데 하나를 쓰세요)")
        case .badRange: (en, ko) = ("the range at column \(col) ends before it starts", "\(col)번째 글자의 범위가 끝이 시작보다 앞섭니다")
        case .badInterval: (en, ko) = ("the interval at column \(col) is not {n}, {n,} or {n,m} with n ≤ m ≤ 255", "\(col)번째 글자의 반복 횟수가 {n}, {n,}, {n,m} (n ≤ m ≤ 255) 꼴이 아닙니다")
        case .tooLarge: (en, ko) = ("the pattern is too large (its repetitions multiply it past \(ExtendedRegex.maxProgram) steps)", "패턴이 너무 큽니다 (반복을 펼치면 \(ExtendedRegex.maxProgram)단계를 넘습니다)")
        case .trailingBackslash: (en, ko) = ("it ends with a lone backslash", "패턴이 백슬래시 하나로 끝납니다")
        }
        return Message(en: "\(tool): cannot read the pattern '\(p)': \(en) (patterns are extended regular expressions, as grep -E reads them; -F takes it literally)",
                       ko: "\(tool): 패턴을 읽을 수 없습니다: '\(p)'. \(ko) (패턴은 grep -E와 같은 확장 정규식이고, -F를 주면 글자 그대로 찾습니다)")
    }
}

/// `help pipe`: paragraphs that `TextWrap.reflow` fits to the terminal, and rows it keeps whole.
enum PipeHelp {
    static func render(_ lang: Language, width: Int) -> String { TextWrap.reflow(text.text(lang), width: width) + "\n" }

    static let text = Message(
        en: """
        Pipes filter a command's output as a shell would: cat /proc/slabinfo | grep kmalloc | head -3

          grep [OPTIONS] PATTERN      lines matching PATTERN; options -i -v -c -n -w -x
                                      -o (the matches only), -F (literal), -A/-B/-C N
                                      (context lines), -e PATTERN
          egrep, fgrep                grep -E and grep -F
          head [-n N | -N | -n -N]    first N lines (10); -n -N: all but the last N
          tail [-n N | -N | -n +N]    last N lines (10); -n +N: from line N on
          wc [-l] [-w] [-c] [-m]      lines, words and bytes; -m counts characters

        PATTERN is an extended regular expression, as grep -E reads it: kmalloc-(64|96), ^Node, [0-9]+ kB$. Quote it
        when it holds a space or a |.

        Only the command's own output is filtered: the kernel's reports (BUG, WARNING) and explain's steps still show,
        as the console shows them. A piped command writes no colours, as any program writing into a pipe.

        Pipes filter text: with --json, filter the records outside kmemsim (with jq).

        Examples:
          dmesg | grep -A 3 BUG        trace show | grep -c mm_page_alloc
          memmap | head -5             vars | wc -l
        """,
        ko: """
        파이프는 셸에서처럼 명령의 출력을 거릅니다: cat /proc/slabinfo | grep kmalloc | head -3

          grep [OPTIONS] PATTERN      PATTERN에 맞는 줄. 옵션 -i -v -c -n -w -x
                                      -o(맞는 부분만), -F(글자 그대로), -A/-B/-C N(앞뒤 줄),
                                      -e PATTERN
          egrep, fgrep                grep -E, grep -F와 같습니다
          head [-n N | -N | -n -N]    처음 N줄(기본 10). -n -N: 마지막 N줄을 뺀 전부
          tail [-n N | -N | -n +N]    마지막 N줄(기본 10). -n +N: N번째 줄부터 끝까지
          wc [-l] [-w] [-c] [-m]      줄 수, 단어 수, 바이트 수. -m은 문자 수를 셉니다

        PATTERN은 grep -E와 같은 확장 정규식입니다: kmalloc-(64|96), ^Node, [0-9]+ kB$. 공백이나 |가 들어가면
        따옴표로 묶으세요.

        거르는 것은 명령 자신의 출력뿐입니다. 커널의 보고(BUG, WARNING)와 explain의 단계는 콘솔에서처럼 그대로
        보입니다. 출력이 파이프로 가는 여느 프로그램처럼, 파이프로 넘기는 명령은 색을 쓰지 않습니다.

        파이프는 텍스트를 거릅니다. --json에서는 kmemsim 밖에서 (jq 등으로) 레코드를 거르세요.

        예:
          dmesg | grep -A 3 BUG        trace show | grep -c mm_page_alloc
          memmap | head -5             vars | wc -l
        """)
}

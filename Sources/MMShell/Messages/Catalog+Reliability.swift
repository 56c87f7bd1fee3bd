import KernelMM

/// What kmemsim says when a limit is reached or a file is refused (issue 17).
extension Message {
    static var queryTooDeep: Message {
        Message(en: "the expression is nested too deeply (more than \(Limits.queryNesting) levels of brackets or operators); split it with variables: x = print …",
            ko: "식이 너무 깊게 중첩되어 있습니다(괄호나 연산자가 \(Limits.queryNesting)단계를 넘습니다). 변수로 나누어 쓰세요: x = print …")
    }
    static var queryTooLong: Message {
        Message(en: "the expression is too long (more than \(Limits.queryNodes) operators and calls); split it with variables: x = print …",
            ko: "식이 너무 깁니다(연산자와 함수 호출이 \(Limits.queryNodes)개를 넘습니다). 변수로 나누어 쓰세요: x = print …")
    }
    static var gfpTooDeep: Message {
        Message(en: "nested too deeply (more than \(Limits.gfpNesting) levels of '(' or '~')",
            ko: "너무 깊게 중첩되어 있습니다('('나 '~'가 \(Limits.gfpNesting)단계를 넘습니다)")
    }
    static var yamlTooDeep: Message {
        Message(en: "the YAML is nested more than \(Limits.yamlNesting) levels deep; no lesson or progress file needs that many",
            ko: "YAML이 \(Limits.yamlNesting)단계보다 깊게 중첩되어 있습니다. 레슨 파일이나 진행 파일에는 그렇게 깊은 구조가 필요 없습니다")
    }
    public static func lineTooLong(_ bytes: Int) -> Message {
        Message(en: "the line is \(bytes) bytes long; kmemsim reads lines of at most \(Limits.lineBytes) bytes (1 MiB)",
            ko: "줄 길이가 \(bytes)바이트입니다. kmemsim은 한 줄을 최대 \(Limits.lineBytes)바이트(1 MiB)까지 읽습니다")
    }
    static func fileTooLarge(_ path: String) -> Message {
        Message(en: "\(path) is larger than \(Limits.fileBytes >> 20) MiB, the most kmemsim reads from one file",
            ko: "\(path)의 크기가 \(Limits.fileBytes >> 20) MiB를 넘습니다. kmemsim이 파일 하나에서 읽는 최대 크기입니다")
    }
    public static func logDropped(_ n: Int) -> Message {
        Message(en: "kmemsim: \(n) older report\(n == 1 ? " was" : "s were") dropped: the log keeps the newest \(KernelLog.capacity), as the kernel's ring buffer overwrites its oldest lines",
            ko: "kmemsim: 오래된 보고 \(n)개가 버려졌습니다. 커널의 링 버퍼가 가장 오래된 줄부터 덮어쓰듯, 로그는 최근 \(KernelLog.capacity)개만 보관합니다")
    }

    static func forkFailed(_ name: String) -> Message {
        Message(en: "task create \(name): kernel_clone() returned -ENOMEM: no kernel stack could be allocated (see the report above); copy_process() gave back the task_struct and everything else it had taken",
            ko: "task create \(name): kernel_clone()의 반환값은 -ENOMEM입니다. 커널 스택을 할당하지 못했습니다(위의 보고를 보세요). copy_process()는 task_struct를 비롯해 그때까지 잡은 것을 모두 돌려주었습니다")
    }
}

/// `validate` with no cache, and `--validate`.
extension Message {
    static var invariantsHold: Message {
        Message(en: "all invariants hold: frames, free lists and counters, pcp lists, CPUs and tasks, vmalloc areas, slab caches",
                ko: "모든 불변식이 성립합니다: 프레임, 프리 리스트와 카운터, pcp 리스트, CPU와 태스크, vmalloc 영역, 슬랩 캐시")
    }
    static func invariantsBroken(_ breaks: [String]) -> Message {
        Message(en: "kmemsim's own state is inconsistent (a kmemsim bug, not yours; please report it with the commands that led here):\n  " + breaks.joined(separator: "\n  "),
                ko: "kmemsim 내부 상태가 일관되지 않습니다(여러분의 실수가 아니라 kmemsim의 버그입니다. 여기까지 온 명령들과 함께 알려 주세요):\n  " + breaks.joined(separator: "\n  "))
    }
}

/// `undo`.
extension Message {
    static var nothingToUndo: Message {
        Message(en: "nothing to undo: no command has changed the kernel or a variable since the session started (or since the last boot)",
                ko: "되돌릴 것이 없습니다. 세션을 시작한 뒤(또는 마지막 boot 뒤) 커널이나 변수를 바꾼 명령이 없습니다")
    }
    static func undid(_ lines: [String], asked: Int) -> Message {
        let list = lines.reversed().map { "  " + $0 }.joined(separator: "\n")
        let short = asked > lines.count
        return Message(en: (lines.count == 1 ? "undid 1 command:\n" : "undid \(lines.count) commands, newest first:\n") + list
                           + (short ? "\n(only \(lines.count) kept; nothing older can be undone)" : ""),
                       ko: (lines.count == 1 ? "명령 1개를 되돌렸습니다:\n" : "명령 \(lines.count)개를 최근 것부터 되돌렸습니다:\n") + list
                           + (short ? "\n(보관된 것이 \(lines.count)개뿐이라 더 이전으로는 되돌릴 수 없습니다)" : ""))
    }
}

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

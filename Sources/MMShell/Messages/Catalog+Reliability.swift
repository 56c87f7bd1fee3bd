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

    static func tooManyCaches(_ name: String, known: Int) -> Message {
        Message(en: "kmem_cache_create \(name): kmemsim keeps at most \(Limits.slabCaches) slab caches and aliases, and there are \(known); destroy some with kmem_cache_destroy first",
            ko: "kmem_cache_create \(name): kmemsim은 슬랩 캐시와 별칭을 합쳐 최대 \(Limits.slabCaches)개까지 둘 수 있는데, 이미 \(known)개가 있습니다. 먼저 kmem_cache_destroy로 몇 개를 없애세요")
    }

    static func forkThreadsMax(_ name: String, running: Int, max: Int) -> Message {
        Message(en: "task create \(name): kernel_clone() returned -EAGAIN: \(running) tasks already run and this machine allows max_threads = \(max) (kernel/fork.c set_max_threads(): RAM / (8 × THREAD_SIZE)); end some with 'task exit PID' or boot with more memory",
            ko: "task create \(name): kernel_clone()의 반환값은 -EAGAIN입니다. 이미 태스크 \(running)개가 실행 중이고, 이 머신이 허용하는 최대치는 max_threads = \(max)입니다(kernel/fork.c set_max_threads(): RAM / (8 × THREAD_SIZE)). 'task exit PID'로 몇 개를 끝내거나 메모리를 늘려 부팅하세요")
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
    static func invariantsBroken(_ breaks: [InvariantViolation]) -> Message {
        let m = breaks.map(Message.invariant)
        return Message(en: "kmemsim's own state is inconsistent (a kmemsim bug, not yours; please report it with the commands that led here):\n  " + m.map(\.en).joined(separator: "\n  "),
                       ko: "kmemsim 내부 상태가 일관되지 않습니다(여러분의 실수가 아니라 kmemsim의 버그입니다. 여기까지 온 명령들과 함께 알려 주세요):\n  " + m.map(\.ko).joined(separator: "\n  "))
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

/// Why a file is not written (`save`, `export-proc`, `lesson export`, pictures).
enum FileRefusal: Equatable {
    case noName, notRegular, notOurs
    /// A name that starts with "--": an option (`save --force` without a file), not a file to create.
    case optionLike
}

/// `save` / `load` and the file rules.
extension Message {
    static func fileRefused(_ path: String, _ why: FileRefusal) -> Message {
        switch why {
        case .noName:
            return Message(en: "'\(path)' is not a file name: give a file to write, such as session.json",
                           ko: "'\(path)': 파일 이름이 아닙니다. session.json처럼 쓸 파일 이름을 주세요")
        case .notRegular:
            return Message(en: "\(path) is not a regular file (a directory, a device, a FIFO or a symlink): kmemsim writes and replaces only regular files; choose another name",
                           ko: "\(path): 일반 파일이 아닙니다(디렉터리, 장치, FIFO, 심볼릭 링크). kmemsim은 일반 파일만 쓰고 바꿉니다. 다른 이름을 고르세요")
        case .optionLike:
            return Message(en: "'\(path)' looks like an option, not a file name: give the file first (save FILE --force); for a file that really starts with '--', write ./\(path)",
                           ko: "'\(path)': 파일 이름이 아니라 옵션처럼 보입니다. 파일 이름을 먼저 주세요 (save FILE --force). 정말 '--'로 시작하는 파일이라면 ./\(path)처럼 쓰세요")
        case .notOurs:
            return Message(en: "\(path) exists and kmemsim did not write it: choose another name, or add --force to replace it",
                           ko: "\(path): 이미 있는 파일이며 kmemsim이 쓴 파일이 아닙니다. 다른 이름을 고르거나 --force를 붙여 덮어쓰세요")
        }
    }

    static func saved(_ path: String, bytes: Int) -> Message {
        Message(en: "saved the session to \(path) (\(bytes) bytes); 'load \(path)' or 'kmemsim --load \(path)' brings it back",
                ko: "세션을 저장했습니다: \(path) (\(bytes)바이트). 되살리려면 'load \(path)' 또는 'kmemsim --load \(path)' 명령을 쓰세요")
    }

    static func loaded(_ path: String, _ k: Kernel, variables: Int) -> Message {
        Message(en: "loaded \(path): \(k.arch.rawValue), \(k.params.memory >> 20) MiB, \(k.params.cpus) CPUs, \(k.params.slab.rawValue), clock at \(k.clock.now / 1_000_000_000) s, \(variables) variable(s)",
                ko: "불러왔습니다: \(path) — \(k.arch.rawValue), \(k.params.memory >> 20) MiB, CPU \(k.params.cpus)개, \(k.params.slab.rawValue), 시계 \(k.clock.now / 1_000_000_000)초, 변수 \(variables)개")
    }

    static func loadRefused(_ path: String, _ p: SessionDocument.Problem) -> Message {
        let kept = Message(en: "nothing was changed: the session is as it was", ko: "아무것도 바뀌지 않았습니다. 세션은 그대로입니다")
        let why: Message
        switch p {
        case .unreadable(let e):
            why = Message(en: e, ko: e)
        case .syntax(let e):
            let what: Message
            switch e.problem {
            case .empty: what = Message(en: "the file is empty", ko: "파일이 비어 있습니다")
            case .unexpectedEnd: what = Message(en: "the file ends in the middle of the document (was it cut short?)", ko: "문서 중간에서 파일이 끝납니다(잘린 파일인가요?)")
            case .unexpected(let c): what = Message(en: "unexpected '\(c)'", ko: "예상하지 못한 '\(c)'")
            case .badNumber: what = Message(en: "a number that is not a whole number kmemsim can hold", ko: "kmemsim이 담을 수 없는 수(정수가 아니거나 너무 큽니다)")
            case .badEscape: what = Message(en: "a bad escape in a string", ko: "문자열 안의 잘못된 이스케이프")
            case .tooDeep(let n): what = Message(en: "nested more than \(n) levels deep", ko: "\(n)단계보다 깊게 중첩되어 있습니다")
            case .trailing: what = Message(en: "text after the end of the document", ko: "문서가 끝난 뒤에 글이 더 있습니다")
            }
            why = Message(en: "it is not valid JSON at line \(e.line), column \(e.column): \(what.en)",
                          ko: "\(e.line)번째 줄 \(e.column)번째 칸에서 올바른 JSON이 아닙니다: \(what.ko)")
        case .notASession:
            why = Message(en: "it is not a kmemsim session (no \"format\": \"\(SessionDocument.format)\"); 'save FILE' writes one",
                          ko: "kmemsim 세션 파일이 아닙니다(\"format\": \"\(SessionDocument.format)\"이 없습니다). 'save FILE'로 만드세요")
        case .otherVersion(let v):
            why = Message(en: "it was saved in format version \(v); this kmemsim reads version \(SessionDocument.version) only",
                          ko: "이 파일의 저장 형식 버전: \(v). 이 kmemsim은 버전 \(SessionDocument.version)만 읽습니다")
        case .schema(let path, let detail):
            why = Message(en: "\(path) is missing or malformed (\(detail))", ko: "\(path) 항목이 없거나 형식이 잘못되었습니다(\(detail))")
        case .boot(let e):
            let t = Message.bootError(e)
            why = Message(en: "its boot parameters cannot boot: \(t.en)", ko: "저장된 부트 매개변수로 부팅할 수 없습니다: \(t.ko)")
        case .layout(let l):
            switch l {
            case .layout(let part, let saved, let booted):
                why = Message(en: "\(part) does not match the machine its boot parameters describe (saved \(saved), booting gives \(booted))",
                              ko: "\(part) 값이 부트 매개변수가 뜻하는 머신과 맞지 않습니다(저장된 값 \(saved), 부팅하면 \(booted))")
            case .outOfRange(let part, let value, let lower, let limit):
                why = Message(en: "\(part) holds \(value), outside its range (\(lower) to \(limit - 1))",
                              ko: "\(part)의 값(\(value))이 범위(\(lower)부터 \(limit - 1)까지)를 벗어납니다")
            case .frameRuns(let pfn):
                why = Message(en: "the frame runs do not cover the frames exactly (gap or overlap at pfn 0x\(String(pfn, radix: 16)))",
                              ko: "프레임 구간들이 프레임을 정확히 덮지 않습니다(pfn 0x\(String(pfn, radix: 16))에서 빈틈이나 겹침)")
            case .unknownName(let part, let name):
                why = Message(en: "\(part) has the unknown value '\(name)'", ko: "\(part)에 알 수 없는 값이 있습니다: '\(name)'")
            }
        case .inconsistent(let breaks):
            let m = breaks.prefix(5).map(Message.invariant)
            why = Message(en: "the machine it describes is inconsistent (was it edited by hand?):" + m.map { "\n  " + $0.en }.joined(),
                          ko: "파일이 나타내는 머신의 상태가 일관되지 않습니다(손으로 고친 파일인가요?):" + m.map { "\n  " + $0.ko }.joined())
        }
        return Message(en: "cannot load \(path): \(why.en); \(kept.en)", ko: "불러올 수 없습니다: \(path) — \(why.ko). \(kept.ko)")
    }
}

/// Ctrl-C while a command runs (interactive sessions).
extension Message {
    public static var commandInterrupted: Message {
        Message(en: "kmemsim: interrupted: the command was cancelled and the session is as it was before it",
                ko: "kmemsim: 중단했습니다. 명령을 취소했고 세션은 명령 전 상태 그대로입니다")
    }
}

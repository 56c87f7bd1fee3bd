import KernelMM

/// Command errors in both languages: what is wrong, then how to fix it (`CommandError.message(_:)`).
///
/// Korean sentences put every particle on a fixed noun ('명령을', '값이') or end a slot with a colon or '입니다', never a
/// particle chosen by the slot's last letter, so no `(으)로`/`을(를)` join is needed.
extension Message {
    static func unknownCommand(_ c: String, suggestion: String?) -> Message {
        let c = Suggest.shown(c)
        if let s = suggestion {
            return Message(en: "unknown command '\(c)'; did you mean \(s)?", ko: "없는 명령입니다: '\(c)'. \(s) 명령을 찾으셨나요?")
        }
        return Message(en: "unknown command '\(c)'; type 'help' for the list",
                       ko: "없는 명령입니다: '\(c)'. 'help'를 입력하면 명령 목록이 나옵니다")
    }

    static func unknownGFPFlag(_ f: String, suggestion: String?) -> Message {
        let f = Suggest.shown(f)
        if let s = suggestion {
            return Message(en: "unknown gfp flag '\(f)'; did you mean \(s)?", ko: "없는 gfp 플래그입니다: '\(f)'. \(s) 플래그를 찾으셨나요?")
        }
        return Message(en: "unknown gfp flag '\(f)'; 'help gfp' lists them",
                       ko: "없는 gfp 플래그입니다: '\(f)'. 'help gfp'에 전체 목록이 있습니다")
    }

    static func badGFPExpression(_ e: String, detail: Message) -> Message {
        Message(en: "cannot read gfp mask '\(e)': \(detail.en)", ko: "gfp 마스크를 읽을 수 없습니다: '\(e)': \(detail.ko)")
    }

    static func badNumber(_ t: String, what: String) -> Message {
        let ko = numberNounKorean(what)
        if what.contains("size") {
            return Message(en: "'\(t)' is not a valid \(what) (e.g. 4096, 0x1000, 4K, 2M)",
                           ko: "올바른 \(ko) 값이 아닙니다: '\(t)' (예: 4096, 0x1000, 4K, 2M)")
        }
        return Message(en: "'\(t)' is not a valid \(what) (decimal or 0x hex)",
                       ko: "올바른 \(ko) 값이 아닙니다: '\(t)' (10진수 또는 0x로 시작하는 16진수)")
    }

    /// The nouns `badNumber` is thrown with, in Korean (kernel names stay as they are).
    static func numberNounKorean(_ what: String) -> String {
        switch what {
        case "size": "크기"
        case "memory size": "메모리 크기"
        case "offset": "오프셋"
        case "address": "주소"
        case "CPU count": "CPU 개수"
        case "seed": "시드"
        case "gfp mask number": "gfp 마스크 숫자"
        case "number": "숫자"
        case "order": "order"
        case "page (a $variable, a PFN, or a struct page address)": "페이지($변수, PFN, struct page 주소)"
        default: what
        }
    }

    static func missingArgument(command c: String, argument a: String, usage u: String) -> Message {
        Message(en: "\(c): missing \(a); usage: \(u)", ko: "\(c): \(a) 인자가 빠졌습니다. 사용법: \(u)")
    }

    static func tooManyArguments(command c: String, usage u: String) -> Message {
        Message(en: "\(c): too many arguments; usage: \(u)", ko: "\(c): 인자가 너무 많습니다. 사용법: \(u)")
    }

    static func unknownVariable(_ v: String, known: [String]) -> Message {
        if known.isEmpty {
            return Message(en: "no variable $\(v); name a result with 'p = alloc_pages GFP_KERNEL 0'",
                           ko: "$\(v) 변수는 없습니다. 'p = alloc_pages GFP_KERNEL 0'처럼 결과에 이름을 붙이세요")
        }
        if known.count <= Limits.variablesListed {
            let list = known.map { "$" + $0 }.joined(separator: " ")
            return Message(en: "no variable $\(v); defined: " + list, ko: "$\(v) 변수는 없습니다. 정의된 변수: " + list)
        }
        // A grading script can define thousands: name the few nearest, not a line of kilobytes.
        let list = Suggest.nearest(v, in: known, count: Limits.variablesListed).map { "$" + $0 }.joined(separator: " ")
        return Message(en: "no variable $\(v); the nearest of \(known.count) defined: \(list) ('vars' lists them all)",
                       ko: "$\(v) 변수는 없습니다. 정의된 변수 \(known.count)개 가운데 이름이 가장 비슷한 것은 \(list)입니다. 전체 목록은 'vars'로 볼 수 있습니다")
    }

    static func wrongValueType(argument a: String, expected e: Message, got g: Message) -> Message {
        Message(en: "\(a) must be \(e.en), but the value is \(g.en)", ko: "\(a) 자리에는 \(e.ko) 와야 하는데 주어진 값은 \(g.ko)")
    }

    static func badArgument(_ a: String, value v: String, reason r: Message) -> Message {
        let label = argumentLabel(a)
        return Message(en: "\(label.en) '\(v)': \(r.en)", ko: "\(label.ko) '\(v)': \(r.ko)")
    }

    static func unbalanced(_ l: String) -> Message {
        Message(en: "unbalanced parentheses in '\(l)'", ko: "'\(l)'의 괄호 짝이 맞지 않습니다")
    }

    static func unknownProcFile(_ f: String, known: [String]) -> Message {
        let list = known.joined(separator: " ")
        return Message(en: "no such file '\(f)'; kmemsim has: " + list, ko: "없는 파일입니다: '\(f)'. kmemsim에 있는 파일: " + list)
    }

    static func unknownHelpTopic(_ t: String, suggestion: String?) -> Message {
        if let s = suggestion {
            return Message(en: "no help for '\(t)'; did you mean \(s)?", ko: "'\(t)'에 대한 도움말은 없습니다. \(s) 항목을 찾으셨나요?")
        }
        return Message(en: "no help for '\(t)'; type 'help' for the list",
                       ko: "'\(t)'에 대한 도움말은 없습니다. 'help'를 입력하면 목록이 나옵니다")
    }

    static func badQuery(_ m: Message, column c: Int) -> Message {
        Message(en: "\(m.en) (column \(c))", ko: "\(m.ko) (\(c)번째 글자)")
    }

    static func bootFailed(_ e: BootError) -> Message {
        let m = bootError(e)
        return Message(en: "cannot boot: " + m.en, ko: "부팅할 수 없습니다: " + m.ko)
    }

    static func bootError(_ e: BootError) -> Message {
        switch e {
        case .memoryTooSmall(let r, let m):
            Message(en: "mem=\(Format.bytes(r)) is too small; kmemsim needs at least \(Format.bytes(m))",
                    ko: "mem=\(Format.bytes(r)): 너무 작습니다. kmemsim에는 최소 \(Format.bytes(m))가 필요합니다")
        case .memoryTooLarge(let r, let m, let a):
            Message(en: "mem=\(Format.bytes(r)) is more than \(a.rawValue) supports here (at most \(Format.bytes(m))); give mem=\(Format.sizeArgument(m)) or less",
                    ko: "mem=\(Format.bytes(r)): 여기서 \(a.rawValue) 아키텍처가 지원하는 범위를 넘습니다 (최대 \(Format.bytes(m))). mem=\(Format.sizeArgument(m)) 이하로 주세요")
        case .memoryNotPageAligned(let r, let p):
            Message(en: "mem=\(r) is not a multiple of the \(p)-byte page size",
                    ko: "mem=\(r): 페이지 크기(\(p)바이트)의 배수가 아닙니다")
        case .badCPUCount(let n, let m):
            Message(en: "cpus=\(n): choose 1 to \(m)", ko: "cpus=\(n): 1에서 \(m) 사이로 고르세요")
        case .badMinFreeKbytes(let n):
            Message(en: "min_free_kbytes=\(n): the kernel accepts 128 to 262144",
                    ko: "min_free_kbytes=\(n): 커널은 128에서 262144 사이의 값만 받습니다")
        case .badSlabDebug(let v, .slab):
            Message(en: "slab_debug=\(v): SLAB knows only on/off (CONFIG_DEBUG_SLAB)",
                    ko: "slab_debug=\(v): SLAB은 on/off만 받습니다(CONFIG_DEBUG_SLAB)")
        case .badSlabDebug(let v, .slub):
            Message(en: "slab_debug=\(v): use the slub_debug letters F Z P U T (or on/off)",
                    ko: "slab_debug=\(v): slub_debug 글자 F Z P U T(또는 on/off)를 쓰세요")
        }
    }
}

extension CommandError {
    /// The error as a catalog message: every case in both languages.
    public var catalogMessage: Message {
        switch self {
        case .unknownCommand(let c, let s): .unknownCommand(c, suggestion: s)
        case .unknownGFPFlag(let f, let s): .unknownGFPFlag(f, suggestion: s)
        case .removedGFPFlag(let f): .removedGFPFlag(f)
        case .badGFPExpression(let e, let d): .badGFPExpression(e, detail: d)
        case .badNumber(let t, let w): .badNumber(t, what: w)
        case .missingArgument(let c, let a, let u): .missingArgument(command: c, argument: a, usage: u)
        case .tooManyArguments(let c, let u): .tooManyArguments(command: c, usage: u)
        case .unknownVariable(let v, let k): .unknownVariable(v, known: k)
        case .wrongValueType(let a, let e, let g): .wrongValueType(argument: a, expected: e, got: g)
        case .badArgument(let a, let v, let r): .badArgument(a, value: v, reason: r)
        case .unbalanced(let l): .unbalanced(l)
        case .unknownProcFile(let f, let k): .unknownProcFile(f, known: k)
        case .unknownHelpTopic(let t, let s): .unknownHelpTopic(t, suggestion: s)
        case .bootFailed(let e): .bootFailed(e)
        case .badQuery(let m, let c): .badQuery(m, column: c)
        case .io(let m), .other(let m): Message(verbatim: m)
        case .localized(let m): m
        case .notOneOf(let a, let v, let c, let s): .notOneOf(argument: a, value: v, choices: c, suggestion: s)
        case .unknownOption(let c, let o, let a, let s): .unknownOption(command: c, option: o, allowed: a, suggestion: s)
        case .optionNeedsValue(let o, let u): .optionNeedsValue(option: o, usage: u)
        case .badOrder(let n, .negative):
            Message(en: "ORDER '\(n)': an order is 0 or more (2^order pages)", ko: "ORDER '\(n)': order는 0 이상입니다 (2^order개의 페이지)")
        case .badOrder(let n, .tooLarge):
            Message(en: "ORDER '\(n)': 2^\(n) pages is more than any machine has; orders go 0…10",
                    ko: "ORDER '\(n)': 2^\(n)개의 페이지는 어떤 기계에도 없습니다. order는 0…10입니다")
        case .argumentKindMismatch(let c, let a, let d, let r):
            Message(en: "kmemsim bug: \(c) reads \(a) as \(r), but its table declares \(d); please report it",
                    ko: "kmemsim 버그: \(c) 명령은 \(a) 인자를 \(r) 종류로 읽지만, 명령 표에는 \(d) 종류로 선언되어 있습니다. 알려 주세요")
        case .refused(let c): Message(en: "\(c): the kernel refused it (see its report above); nothing changed",
                                      ko: "\(c): 커널이 이 작업을 거부했습니다(위의 보고 참고). 바뀐 것은 없습니다")
        }
    }

    /// What is wrong and how to fix it, in `lang`.
    public func message(_ lang: Language) -> String { catalogMessage.text(lang) }
}

extension Message {
    static func notOneOf(argument a: String, value v: String, choices: [String], suggestion: String?) -> Message {
        let v = Suggest.shown(v), list = choices.joined(separator: ", ")
        if let s = suggestion {
            return Message(en: "\(a) '\(v)': use one of \(list); did you mean \(s)?",
                           ko: "\(a) '\(v)': 다음 중 하나를 쓰세요: \(list). \(s) 값을 찾으셨나요?")
        }
        return Message(en: "\(a) '\(v)': use one of \(list)", ko: "\(a) '\(v)': 다음 중 하나를 쓰세요: \(list)")
    }

    static func unknownOption(command c: String, option o: String, allowed: [String], suggestion: String?) -> Message {
        let o = Suggest.shown(o), list = allowed.joined(separator: ", ")
        if let s = suggestion {
            return Message(en: "\(c) has no option \(o); did you mean \(s)? (it takes \(list))",
                           ko: "\(c) 명령에는 \(o) 옵션이 없습니다. \(s) 옵션을 찾으셨나요? (받는 옵션: \(list))")
        }
        return Message(en: "\(c) has no option \(o); it takes \(list)", ko: "\(c) 명령에는 \(o) 옵션이 없습니다. 받는 옵션: \(list)")
    }

    static func optionNeedsValue(option o: String, usage u: String) -> Message {
        Message(en: "\(o) needs a value: \(u)", ko: "\(o) 옵션에는 값이 필요합니다: \(u)")
    }

    /// The label before an error at the prompt (scripts keep the compiler-style `FILE:LINE: error:` that tools grep).
    static let errorLabel = Message(en: "error: ", ko: "오류: ")
}

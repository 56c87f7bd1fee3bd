import KernelMM

/// `help boot`: the boot parameter table (Commands/BootParameter.swift) in the session's language.
extension Message {
    static var bootParametersTitle: Message {
        Message(en: "Boot parameters: boot KEY=VALUE at the prompt, kmemsim --FLAG VALUE on the command line, KEY: VALUE in a lesson's machine: block.",
                ko: "부트 매개변수: 프롬프트에서는 boot KEY=VALUE, 명령줄에서는 kmemsim --FLAG VALUE, 레슨 파일의 machine: 블록에서는 KEY: VALUE로 씁니다.")
    }

    static func bootDefault(_ value: String) -> Message { Message(en: "default: \(value)", ko: "기본값: \(value)") }
    static var bootDefaultEmpty: Message { Message(en: "default: off (empty)", ko: "기본값: off (빈 값)") }

    /// What a parameter accepts.
    static func bootValues(_ k: BootParameter.Kind) -> Message {
        switch k {
        case .choice(let words): return Message(verbatim: words.joined(separator: " | "))
        case .size:
            let max = Architecture.allCases.map { "\($0.rawValue) \(Format.sizeArgument($0.maxMemory))" }.joined(separator: ", ")
            return Message(en: "a size, \(Format.sizeArgument(BootParams.minMemory)) or more; at most \(max)",
                           ko: "크기, \(Format.sizeArgument(BootParams.minMemory)) 이상; 최대 \(max)")
        case .integer(let r): return Message(en: "a number, \(r.lowerBound) to \(r.upperBound)", ko: "수, \(r.lowerBound)~\(r.upperBound)")
        case .onOff: return Message(verbatim: "on | off")
        case .slabDebug: return Message(en: "letters FZPUT[,cache…] | on | off", ko: "글자 FZPUT[,캐시…] | on | off")
        case .seed: return Message(en: "a number (0 to 2^64-1)", ko: "수 (0~2^64-1)")
        }
    }
}

enum BootHelp {
    /// Each parameter: `name=` with its flag, what it takes, its default, and what it changes.
    static func render(_ lang: Language, width: Int = 80) -> String {
        var out = TextWrap.wrap(Message.bootParametersTitle.text(lang), width: width).joined(separator: "\n") + "\n"
        for p in BootParameter.all {
            let d: Message = p.defaultValue.map { $0.isEmpty ? .bootDefaultEmpty : .bootDefault($0) }
                ?? .bootDefault(p.derivedDefault?.text(lang) ?? "")
            out += "  " + Format.left(p.name + "=", 17) + " " + Format.left("--" + p.flag, 19) + " " + d.text(lang) + "\n"
            let what = "      " + p.help.text(lang) + " (" + Message.bootValues(p.kind).text(lang) + ")"
            out += TextWrap.wrap(what, width: width, hanging: "      ").joined(separator: "\n") + "\n"
        }
        return out
    }
}

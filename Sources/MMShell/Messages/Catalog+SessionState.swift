/// What the session says when the machine under it changes (reset, a lesson's own machine, the way back), in both
/// languages.
extension Message {
    static func variableList(_ names: [String]) -> String { names.map { "$" + $0 }.joined(separator: " ") }

    static func rebooted(dropped: [String]) -> Message {
        if dropped.isEmpty {
            return Message(en: "rebooted with the same parameters: a fresh machine", ko: "같은 매개변수로 다시 부팅했습니다: 새 머신입니다")
        }
        let vars = variableList(dropped)
        return Message(en: "rebooted with the same parameters: a fresh machine; the variables pointed into the old one and are gone (\(vars))",
                       ko: "같은 매개변수로 다시 부팅했습니다: 새 머신입니다. 변수는 이전 머신을 가리켰으므로 지웠습니다 (\(vars))")
    }

    static func machinePutAside(_ names: [String]) -> Message {
        if names.isEmpty {
            return Message(en: "(this lesson boots its own machine; yours is put aside and 'lesson quit' gives it back)",
                           ko: "(이 레슨은 레슨용 머신을 부팅합니다. 지금 머신은 보관해 두었다가 'lesson quit' 때 돌려드립니다)")
        }
        let vars = variableList(names)
        return Message(en: "(this lesson boots its own machine; yours is put aside with its variables \(vars), and 'lesson quit' gives them back)",
                       ko: "(이 레슨은 레슨용 머신을 부팅합니다. 지금 머신과 변수(\(vars))를 보관해 두었다가 'lesson quit' 때 돌려드립니다)")
    }

    static func machineBack(_ names: [String]) -> Message {
        if names.isEmpty { return Message(en: "your machine is back, as you left it", ko: "원래 머신으로 돌아왔습니다. 떠날 때 그대로입니다") }
        let vars = variableList(names)
        return Message(en: "your machine is back, as you left it, with \(vars)", ko: "원래 머신으로 돌아왔습니다. 떠날 때 그대로이고 변수 \(vars)도 있습니다")
    }

    static let quizClosed = Message(en: "(the quiz under way was closed)", ko: "(진행 중이던 퀴즈는 닫았습니다)")
}

/// What the session commands say about state that changes (reset, undo, a lesson's machine), in both languages.
/// (To move into the message catalog.)
enum SessionStrings {
    static func t(_ lang: LessonLanguage, _ en: String, _ ko: String) -> String { lang == .ko ? ko : en }

    static func vars(_ names: [String]) -> String { names.map { "$" + $0 }.joined(separator: " ") }

    static func reset(dropped: [String], _ lang: LessonLanguage) -> String {
        if dropped.isEmpty { return t(lang, "rebooted with the same parameters: a fresh machine\n", "같은 매개변수로 다시 부팅했습니다: 새 머신입니다\n") }
        return t(lang, "rebooted with the same parameters: a fresh machine; the variables pointed into the old one and are gone (\(vars(dropped)))\n",
                 "같은 매개변수로 다시 부팅했습니다: 새 머신입니다. 변수는 이전 머신을 가리켰으므로 지웠습니다 (\(vars(dropped)))\n")
    }

    static func undone(left: Int, _ lang: LessonLanguage) -> String {
        t(lang, "undone: the kernel is as it was before the last command that changed it (\(left) more undo step\(left == 1 ? "" : "s") kept)\n",
          "되돌렸습니다: 커널 상태가 마지막으로 상태를 바꾼 명령 전으로 돌아갔습니다 (남은 되돌리기 \(left)번)\n")
    }

    static func machinePutAside(_ names: [String], _ lang: LessonLanguage) -> String {
        if names.isEmpty {
            return t(lang, "(this lesson boots its own machine; yours is put aside and 'lesson quit' gives it back)\n",
                     "(이 레슨은 레슨용 머신을 부팅합니다. 지금 머신은 보관해 두었다가 'lesson quit' 때 돌려드립니다)\n")
        }
        return t(lang, "(this lesson boots its own machine; yours is put aside with its variables \(vars(names)), and 'lesson quit' gives them back)\n",
                 "(이 레슨은 레슨용 머신을 부팅합니다. 지금 머신과 변수(\(vars(names)))를 보관해 두었다가 'lesson quit' 때 돌려드립니다)\n")
    }

    static func machineBack(_ names: [String], _ lang: LessonLanguage) -> String {
        if names.isEmpty { return t(lang, "your machine is back, as you left it\n", "원래 머신으로 돌아왔습니다. 떠날 때 그대로입니다\n") }
        return t(lang, "your machine is back, as you left it, with \(vars(names))\n", "원래 머신으로 돌아왔습니다. 떠날 때 그대로이고 변수 \(vars(names))도 있습니다\n")
    }

    static func quizClosed(_ lang: LessonLanguage) -> String {
        t(lang, "(the quiz under way was closed)\n", "(진행 중이던 퀴즈는 닫았습니다)\n")
    }
}

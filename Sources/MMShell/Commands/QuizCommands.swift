import KernelMM

/// `quiz buddy|gfp [--seed N] [--reveal]`: generated problems checked against the simulator.
enum QuizCommands {
    static let all: [CommandSpec] = [
        CommandSpec("quiz", family: .lessons, arguments: [.init("topic", .word(["buddy", "gfp", "slab"]))],
                    options: [OptionSpec("--seed", value: ArgumentSpec("seed", .number), placeholder: "N"), OptionSpec("--reveal")],
                    summary: "generated problems: 'quiz buddy' (alloc/free sequences), 'quiz gfp' (masks), 'quiz slab' (cache geometry); --seed N repeats one, --reveal shows the answers",
                    details: "Answer with 'answer X' (or just X), one question at a time. Without --seed each quiz is a new one, drawn from the boot seed and the number of quizzes you have taken; its first line prints the seed, so 'quiz TOPIC --seed N' replays it. The buddy quiz runs on its own fresh 1 GiB machine in ZONE_DMA, the slab quiz on a copy of yours; your machine is not touched.",
                    examples: ["quiz buddy", "quiz buddy --seed 7 --reveal", "quiz gfp --seed 3", "quiz slab --reveal"]) { s, a throws(CommandError) in
            var chosen: UInt64?
            if let n = a.optionNumber("--seed") {
                guard n >= 0 else { throw .badArgument(argument: "--seed", value: String(n), reason: .giveNumber(example: "--seed 7")) }
                chosen = UInt64(n)
            }
            let reveal = a.has(option: "--reveal")
            // Without --seed each quiz is a new one: its seed comes from the boot seed and the number of quizzes taken
            // (kept in the progress file), and the intro prints it, so 'quiz TOPIC --seed N' replays it.
            var warning = ""
            if chosen == nil {
                LessonEngine.loadProgress(&s)
                chosen = QuizMaker.seed(boot: s.kernel.params.seed, taken: s.lessons.progress.quizzes)
                s.lessons.progress.quizzes += 1
                warning = LessonEngine.save(&s)
            }
            let seed = chosen ?? 1
            let made: (intro: Message, quiz: Quiz)
            switch try a.string(0) {
            case "buddy": made = try QuizMaker.buddy(seed: seed)
            case "gfp": made = try QuizMaker.gfp(seed: seed, kernel: s.kernel)
            case "slab": made = try QuizMaker.slab(seed: seed, session: s)
            default: throw .notOneOf(argument: "TOPIC", value: try a.string(0), choices: ["buddy", "gfp", "slab"], suggestion: nil)
            }
            let lang = s.lessons.language
            var t = warning + made.intro.text(lang)
            if reveal {
                for (n, q) in made.quiz.questions.enumerated() {
                    t += "Q\(n + 1). \(q.text.text(lang))\n    A: \(LessonEngine.shown(q.expected, q.kind, lang))\n"
                }
                s.lessons.quiz = nil
                return CommandOutput(text: t)
            }
            s.lessons.quiz = made.quiz
            t += LessonEngine.quizQuestion(made.quiz, lang)
            t += Message.quizHowToAnswer.text(lang)
            return CommandOutput(text: t)
        },
    ]
}

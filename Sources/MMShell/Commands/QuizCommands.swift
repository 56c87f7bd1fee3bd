import KernelMM

/// `quiz buddy|gfp [--seed N] [--reveal]`: generated problems checked against the simulator.
enum QuizCommands {
    static let all: [CommandSpec] = [
        CommandSpec("quiz", family: .lessons, arguments: [.init("topic", .word(["buddy", "gfp", "slab"])), .init("option", .word(["--seed", "--reveal"]), optional: true)],
                    variadic: true,
                    summary: "generated problems: 'quiz buddy' (alloc/free sequences), 'quiz gfp' (masks), 'quiz slab' (cache geometry); --seed N repeats one, --reveal shows the answers",
                    details: "Answer with 'answer X' (or just X), one question at a time. The seed defaults to the boot seed (boot seed=N). The buddy quiz runs on its own fresh 1 GiB machine in ZONE_DMA, the slab quiz on a copy of yours; your machine is not touched.",
                    examples: ["quiz buddy", "quiz buddy --seed 7 --reveal", "quiz gfp --seed 3", "quiz slab --reveal"]) { s, a throws(CommandError) in
            var seed = s.kernel.params.seed
            var reveal = false
            var i = 1
            while a.has(i) {
                let w = try a.string(i)
                switch w {
                case "--reveal": reveal = true
                case "--seed":
                    guard a.has(i + 1), let n = NumberParser.unsigned(try a.string(i + 1)) else {
                        throw .badArgument(argument: "--seed", value: a.has(i + 1) ? try a.string(i + 1) : "", reason: "give a number, e.g. --seed 7")
                    }
                    seed = n
                    i += 1
                default: throw .badArgument(argument: "OPTION", value: w, reason: "use --seed N or --reveal")
                }
                i += 1
            }
            let made: (intro: Message, quiz: Quiz)
            switch try a.string(0) {
            case "buddy": made = try QuizMaker.buddy(seed: seed)
            case "gfp": made = try QuizMaker.gfp(seed: seed, kernel: s.kernel)
            case "slab": made = try QuizMaker.slab(seed: seed, session: s)
            case let other: throw .badArgument(argument: "TOPIC", value: other, reason: "use buddy, gfp or slab")
            }
            let lang = s.lessons.language
            var t = made.intro.text(lang)
            if reveal {
                for (n, q) in made.quiz.questions.enumerated() {
                    t += "Q\(n + 1). \(q.text.text(lang))\n    A: \(LessonEngine.shown(q.expected, q.kind, lang))\n"
                }
                s.lessons.quiz = nil
                return CommandOutput(text: t)
            }
            s.lessons.quiz = made.quiz
            t += LessonEngine.quizQuestion(made.quiz, lang)
            t += LessonStrings.t(lang, "(answer with 'answer X' or just X)\n", "('answer X' 또는 X만 입력해 답하세요)\n")
            return CommandOutput(text: t)
        },
    ]
}

import KernelMM

/// A generated quiz (`quiz buddy|gfp [--seed N] [--reveal]`): OSTEP-style — a seeded random sequence of operations
/// or masks, then questions whose answers come from running them on the simulator.
public struct Quiz: Sendable {
    public struct Question: Sendable {
        public var text: Message
        public var kind: AnswerKind
        public var expected: QueryValue
        /// Why the answer is what it is, worked from the quiz's own machine (shown after a wrong answer or a skip).
        public var why: Message?
    }
    public var topic: String
    public var seed: UInt64
    public var questions: [Question]
    public var index = 0
    public var correct = 0
    public var skipped = 0
    public var done: Bool { index >= questions.count }
}


enum QuizMaker {
    /// The seed of the next quiz without --seed: a mix of the boot seed and the count, kept short enough to type.
    static func seed(boot: UInt64, taken: Int) -> UInt64 {
        var r = SeededRandom(state: boot &+ UInt64(taken) &* 0x9e37_79b9_7f4a_7c15)
        return 1 + r.next() % 99_999
    }

    static let buddyMachine = ["arch=x86_64", "mem=1G", "cpus=1", "pcp=off"]

    /// A random run of alloc_pages / __free_pages in ZONE_DMA (left alone by boot, so small and readable).
    static func buddy(seed: UInt64) throws(CommandError) -> (intro: Message, quiz: Quiz) {
        var rng = SeededRandom(state: seed)
        var p = BootParams()
        try BootParamParser.apply(buddyMachine, to: &p)
        var s = ShellSession(kernel: try BootParamParser.boot(p))
        let start = QueryValue.list(s.kernel.zone(.dma).map { s.kernel.freeArea(zone: $0.index) }?.map { .int($0.nrFree) } ?? []).rendered
        let head = Message.quizBuddyIntro(seed: seed, machine: buddyMachine.joined(separator: " "), start: start)
        var intro = ""
        var live: [(name: String, order: Int)] = []
        var freed: [(name: String, pfn: Int, order: Int)] = []
        var n = 0
        for _ in 0..<(5 + rng.below(3)) {
            let line: String
            if !live.isEmpty && rng.below(3) == 0 {
                let i = rng.below(live.count)
                let v = live.remove(at: i)
                if case .page(let pfn)? = s.variables[v.name] { freed.append((v.name, pfn.raw, v.order)) }
                line = "__free_pages $\(v.name) \(v.order)"
            } else {
                n += 1
                let order = rng.below(5)
                live.append(("a\(n)", order))
                line = "a\(n) = alloc_pages GFP_KERNEL|__GFP_DMA \(order)"
            }
            let o = LessonEngine.runInner(line, &s)
            guard o.succeeded else { throw .localized(.quizLineFailed(line, o.stderr)) }
            intro += "    \(line)\n"
        }
        var qs: [(Message, AnswerKind, String, Message?)] = []
        let nrFree = s.kernel.zone(.dma).map { s.kernel.freeArea(zone: $0.index) }?.map(\.nrFree) ?? []
        let order = rng.below(10)
        qs.append((.quizFreeBlocksAtOrder(order), .number, "zone(\"DMA\").free[\(order)]",
                   .quizWhyFreeBlocks(order: order, lists: QueryValue.list(nrFree.map { .int($0) }).rendered)))
        if let v = live.last, case .page(let pfn)? = s.variables[v.name] {
            qs.append((.quizStartPFN(v.name), .hex, "$\(v.name).pfn", .quizWhyStartPFN(v.name, pfn: pfn.raw, order: v.order)))
            qs.append((.quizBuddyPFN(v.name, order: v.order), .hex, "$\(v.name).pfn ^ (1 << \(v.order))",
                       .quizWhyBuddy(pfn: pfn.raw, order: v.order)))
        }
        // Only while the freed pages are still free: a later allocation may have taken them again.
        if let f = freed.last, let block = s.kernel.freeBlock(containing: f.pfn) {
            qs.append((.quizFreedBlockOrder(f.name, pfn: f.pfn), .number, "page(\(f.pfn)).order",
                       .quizWhyFreedOrder(pfn: f.pfn, freedOrder: f.order, head: block.head, order: block.order)))
        }
        qs.append((.quizFreePagesInDMA, .number, "zone(\"DMA\").free", .quizWhyFreePages(nrFree)))
        var quiz = Quiz(topic: "buddy", seed: seed, questions: [])
        for (text, kind, q, why) in qs {
            let v: QueryValue
            do { v = try QueryEvaluator.evaluate(q, in: QueryContext(session: s)) } catch { throw .localized(.quizQueryFailed(q, error.text)) }
            quiz.questions.append(.init(text: text, kind: kind, expected: v, why: why))
        }
        return (Message(en: head.en + "\n" + intro, ko: head.ko + "\n" + intro), quiz)
    }

    static let gfpBases = ["GFP_KERNEL", "GFP_ATOMIC", "GFP_NOWAIT", "GFP_NOIO", "GFP_NOFS", "GFP_USER", "GFP_DMA",
                           "GFP_DMA32", "GFP_HIGHUSER_MOVABLE", "GFP_KERNEL_ACCOUNT"]
    static let gfpExtras = ["", "", "__GFP_ZERO", "__GFP_NOWARN", "__GFP_HIGH", "__GFP_DMA32", "__GFP_MOVABLE", "__GFP_RECLAIMABLE"]

    /// Random masks on the current machine's architecture: value, sleeping, zone, mobility, reserves.
    static func gfp(seed: UInt64, kernel k: Kernel) throws(CommandError) -> (intro: Message, quiz: Quiz) {
        var rng = SeededRandom(state: seed)
        var quiz = Quiz(topic: "gfp", seed: seed, questions: [])
        let head = Message.quizGFPIntro(seed: seed, arch: k.arch.rawValue)
        var intro = ""
        let ctx = QueryContext(kernel: k)
        var used: [String] = []
        for _ in 0..<4 {
            var mask = ""
            // Four different masks (a few redraws at most; the pool holds 80).
            for _ in 0..<8 where mask.isEmpty || used.contains(mask) {
                let base = gfpBases[rng.below(gfpBases.count)]
                let extra = gfpExtras[rng.below(gfpExtras.count)]
                mask = extra.isEmpty ? base : base + "|" + extra
            }
            used.append(mask)
            intro += "    \(mask)\n"
            let asks = Message.quizGFPQuestions(mask)
            let a = asks[rng.below(asks.count)]
            let v: QueryValue
            do { v = try QueryEvaluator.evaluate("gfp(\"\(mask)\").\(a.2)", in: ctx) } catch { throw .localized(.quizQueryFailed(nil, error.text)) }
            quiz.questions.append(.init(text: a.0, kind: a.1, expected: v, why: gfpWhy(mask, field: a.2, kernel: k)))
        }
        return (Message(en: head.en + "\n" + intro, ko: head.ko + "\n" + intro), quiz)
    }
}

extension QuizMaker {
    /// The lines of `gfp MASK` that answer the asked field (the decoder's own rows, from the same machine's model),
    /// in each language.
    static func gfpWhy(_ mask: String, field: String, kernel k: Kernel) -> Message? {
        guard let g = try? GFPParser.parse(mask) else { return nil }
        let m = GFPModel(g, typed: mask, kernel: k)
        func lines(_ lang: Language) -> [String]? {
            switch field {
            case "value": Array(m.lines(lang).prefix(3))
            case "may_sleep": [m.header(lang)] + [m.row(.maySleep, lang)].compactMap { $0 }
            case "zone": [m.header(lang)] + [m.row(.zone, lang)].compactMap { $0 }
            case "migratetype": [m.header(lang)] + [m.row(.mobility, lang)].compactMap { $0 }
            case "min_reserve": [m.header(lang)] + [m.row(.reserves, lang)].compactMap { $0 }
            default: nil
            }
        }
        guard let en = lines(.en), let ko = lines(.ko) else { return nil }
        return .quizWhyGFP(mask, lines: en, ko: ko)
    }

    static let slabSizes = [24, 40, 56, 100, 120, 136, 200, 264, 320, 500, 700, 1000, 1500, 2100, 3000]

    /// Random kmem_cache_create() calls on a copy of the learner's machine (so the CPU count and SLAB/SLUB are theirs):
    /// object size after alignment, objects per slab, slab order.
    static func slab(seed: UInt64, session: ShellSession) throws(CommandError) -> (intro: Message, quiz: Quiz) {
        var rng = SeededRandom(state: seed)
        var s = session
        s.lessons = LessonState()
        let k = s.kernel
        let head = Message.quizSlabIntro(seed: seed, slab: k.params.slab.rawValue.uppercased(), cpus: k.params.cpus, pageKiB: k.pageSize / 1024)
        var intro = ""
        var quiz = Quiz(topic: "slab", seed: seed, questions: [])
        for n in 1...3 {
            let size = slabSizes[rng.below(slabSizes.count)]
            let align = rng.below(3) == 0
            let name = "quiz\(n)"
            let line = "kmem_cache_create \(name) \(size)" + (align ? " 0 SLAB_HWCACHE_ALIGN" : "")
            let o = LessonEngine.runInner(line, &s)
            guard o.succeeded else { throw .localized(.quizLineFailed(line, o.stderr)) }
            intro += "    \(line)\n"
            let asks = Message.quizSlabQuestions(name)
            let a = asks[rng.below(asks.count)]
            let v: QueryValue
            do { v = try QueryEvaluator.evaluate("cache(\"\(name)\").\(a.1)", in: QueryContext(session: s)) } catch { throw .localized(.quizQueryFailed(nil, error.text)) }
            // The geometry kmem_cache_create worked out, from the cache's model, in both languages; a merged cache has
            // the geometry of the one it joined.
            func geometry(_ lang: Language) -> String {
                SlabCacheModel(name, s.kernel).map { m in
                    m.mergedName == nil ? m.summary(lang) : SlabCacheModel.mergedLine(name, into: m.name, lang) + "; " + m.summary(lang)
                } ?? ""
            }
            let geometryText = Message(en: geometry(.en), ko: geometry(.ko))
            quiz.questions.append(.init(text: a.0, kind: .number, expected: v, why: .quizWhySlab(geometryText)))
        }
        return (Message(en: head.en + "\n" + intro, ko: head.ko + "\n" + intro), quiz)
    }
}

extension LessonEngine {
    static func quizQuestion(_ q: Quiz, _ lang: Language) -> String {
        "Q\(q.index + 1)/\(q.questions.count). \(q.questions[q.index].text.text(lang))\n"
    }

    /// Answers the pending quiz question, shows the right answer when wrong, then the next question or the score.
    static func quizAnswer(_ raw: String, _ s: inout ShellSession) throws(CommandError) -> String {
        guard var q = s.lessons.quiz, !q.done else { throw .localized(.noQuiz) }
        let lang = s.lessons.language
        let question = q.questions[q.index]
        let want = AnswerMatcher.expected(question.expected, question.kind)
        let got = AnswerMatcher.normalize(raw, question.kind)
        var t: String
        if got != nil && got == want {
            q.correct += 1
            t = "✓ " + Message.answerCorrect(shown(question.expected, question.kind, lang)).text(lang) + "\n"
        } else {
            t = "✗ " + Message.quizSimulatorSays(shown(question.expected, question.kind, lang)).text(lang) + "\n"
            if let why = question.why { t += why.text(lang) + "\n" }
        }
        q.index += 1
        t += quizNext(q, lang)
        s.lessons.quiz = q
        return t
    }

    /// `skip` at a quiz question: the answer is shown and the skip counted in the score line.
    static func quizSkip(_ s: inout ShellSession) throws(CommandError) -> String {
        guard var q = s.lessons.quiz, !q.done else { throw .localized(.noQuizUnderWay) }
        let lang = s.lessons.language
        let question = q.questions[q.index]
        var t = Message.quizSkipped(shown(question.expected, question.kind, lang)).text(lang) + "\n"
        if let why = question.why { t += why.text(lang) + "\n" }
        q.skipped += 1
        q.index += 1
        t += quizNext(q, lang)
        s.lessons.quiz = q
        return t
    }

    /// The next question, or the score when the quiz is over.
    static func quizNext(_ q: Quiz, _ lang: LessonLanguage) -> String {
        guard q.done else { return quizQuestion(q, lang) }
        let n = q.questions.count
        return Message.quizScore(q.correct, of: n, skipped: q.skipped).text(lang)
    }
}

/// The generated quizzes' introductions and questions, in English and Korean.
extension Message {
    static func quizBuddyIntro(seed: UInt64, machine: String, start: String) -> Message {
        Message(en: "quiz buddy --seed \(seed): on a fresh 'boot \(machine)', ZONE_DMA's free lists by order are \(start)",
                ko: "quiz buddy --seed \(seed): 새로 'boot \(machine)'한 머신에서 ZONE_DMA의 order별 빈 목록은 \(start)입니다")
    }

    static func quizFreeBlocksAtOrder(_ order: Int) -> Message {
        Message(en: "How many free blocks are on ZONE_DMA's order-\(order) lists now?",
                ko: "지금 ZONE_DMA의 order-\(order) 목록에는 빈 블록이 몇 개 있습니까?")
    }

    static func quizStartPFN(_ v: String) -> Message {
        Message(en: "At which PFN does $\(v) start?", ko: "$\(v) 블록은 어느 PFN에서 시작합니까?")
    }

    static func quizBuddyPFN(_ v: String, order: Int) -> Message {
        Message(en: "What is the PFN of the order-\(order) buddy of $\(v)?", ko: "$\(v)의 order-\(order) 버디의 PFN은 무엇입니까?")
    }

    static func quizFreedBlockOrder(_ v: String, pfn: Int) -> Message {
        Message(en: "$\(v) was freed. What is the order of the free block that now holds its first page (PFN \(Format.hex(pfn)))?",
                ko: "$\(v) 블록은 해제되었습니다. 지금 그 첫 페이지(PFN \(Format.hex(pfn)))를 담고 있는 빈 블록의 order는 얼마입니까?")
    }

    static let quizFreePagesInDMA = Message(en: "How many pages of ZONE_DMA are free now?", ko: "지금 ZONE_DMA의 빈 페이지는 몇 개입니까?")

    static func quizGFPIntro(seed: UInt64, arch: String) -> Message {
        Message(en: "quiz gfp --seed \(seed) (\(arch)): decode these masks without the 'gfp' command.",
                ko: "quiz gfp --seed \(seed) (\(arch)): 'gfp' 명령 없이 다음 마스크를 풀어 보세요.")
    }

    static func quizGFPQuestions(_ m: String) -> [(Message, AnswerKind, String)] {
        [
            (Message(en: "What is the value of \(m)? (hex)", ko: "\(m)의 값은 무엇입니까? (16진수)"), .hex, "value"),
            (Message(en: "May an allocation with \(m) sleep?", ko: "\(m) 마스크로 한 할당은 잠들 수 있습니까?"), .yesNo, "may_sleep"),
            (Message(en: "Which zone does gfp_zone(\(m)) pick?", ko: "gfp_zone(\(m))은 어느 존을 고릅니까?"), .name, "zone"),
            (Message(en: "From which migrate type's free lists does \(m) take pages?", ko: "\(m) 마스크는 어느 이동 유형(migrate type)의 빈 목록에서 페이지를 가져갑니까?"), .name, "migratetype"),
            (Message(en: "May \(m) go below the min watermark (ALLOC_MIN_RESERVE)?", ko: "\(m) 마스크는 min 워터마크 아래로 내려갈 수 있습니까 (ALLOC_MIN_RESERVE)?"), .yesNo, "min_reserve"),
        ]
    }

    static func quizSlabIntro(seed: UInt64, slab: String, cpus: Int, pageKiB: Int) -> Message {
        Message(en: "quiz slab --seed \(seed) (\(slab), \(cpus) CPUs, \(pageKiB) KiB pages): work out each cache's geometry.",
                ko: "quiz slab --seed \(seed) (\(slab), CPU \(cpus)개, 페이지 \(pageKiB) KiB): 캐시마다 구조를 계산해 보세요.")
    }

    static func quizSlabQuestions(_ name: String) -> [(Message, String)] {
        [
            (Message(en: "How many bytes does each object of \(name) take in its slab (its size)?",
                     ko: "\(name) 캐시의 객체 하나는 slab에서 몇 바이트를 차지합니까 (size)?"), "size"),
            (Message(en: "How many objects fit in one slab of \(name)?", ko: "\(name) 캐시의 slab 하나에는 객체가 몇 개 들어갑니까?"), "objs_per_slab"),
            (Message(en: "What is the page order of \(name)'s slabs?", ko: "\(name) 캐시 slab의 페이지 order는 얼마입니까?"), "order"),
        ]
    }

    static let noQuiz = Message(en: "no quiz under way: 'quiz buddy' or 'quiz gfp' starts one",
                                ko: "진행 중인 퀴즈가 없습니다: 'quiz buddy'나 'quiz gfp'로 시작하세요")
}

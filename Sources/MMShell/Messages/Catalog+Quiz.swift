/// The generated quizzes' introductions and questions, in English and Korean.
extension Message {
    static func quizBuddyIntro(seed: UInt64, machine: String, start: String) -> Message {
        Message(en: "quiz buddy --seed \(seed): on a fresh 'boot \(machine)', ZONE_DMA's free lists by order are \(start)",
                ko: "quiz buddy --seed \(seed): 새로 'boot \(machine)'한 머신에서 ZONE_DMA의 order별 free 리스트 길이는 \(start)입니다")
    }

    static func quizFreeBlocksAtOrder(_ order: Int) -> Message {
        Message(en: "How many free blocks are on ZONE_DMA's order-\(order) lists now?",
                ko: "지금 ZONE_DMA의 order-\(order) free 리스트에는 빈 블록이 몇 개 있습니까?")
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
            (Message(en: "From which migrate type's free lists does \(m) take pages?", ko: "\(m) 마스크는 어느 migrate type의 free 리스트에서 페이지를 가져갑니까?"), .name, "migratetype"),
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

    // Why an answer is what it is: worked from the quiz's machine, shown after a wrong answer or a skip.

    static func quizWhyFreeBlocks(order: Int, lists: String) -> Message {
        Message(en: "ZONE_DMA's nr_free by order is now \(lists); order \(order) is entry \(order), counting from 0 (the same numbers as the DMA line of /proc/buddyinfo).",
                ko: "지금 ZONE_DMA의 order별 nr_free는 \(lists)입니다. order \(order)의 값은 0부터 세어 \(order)번째입니다(/proc/buddyinfo의 DMA 줄과 같은 숫자입니다).")
    }

    static func quizWhyStartPFN(_ v: String, pfn: Int, order: Int) -> Message {
        let last = Format.hex(pfn + (1 << order) - 1)
        return Message(en: "$\(v) is an order-\(order) block: PFN \(Format.hex(pfn))–\(last), \(1 << order) page\(order == 0 ? "" : "s"). alloc_pages takes the first block of the smallest free list that is big enough and splits it, keeping the lower half each time; 'page $\(v)' shows it.",
                       ko: "$\(v) 블록은 order-\(order) 블록으로 PFN \(Format.hex(pfn))부터 \(last)까지 \(1 << order)페이지입니다. alloc_pages는 충분히 큰 free 리스트 가운데 가장 작은 것에서 첫 블록을 꺼내 쪼개며, 매번 아래쪽 절반을 가집니다. 'page $\(v)' 명령으로 확인할 수 있습니다.")
    }

    static func quizWhyBuddy(pfn: Int, order: Int) -> Message {
        let buddy = pfn ^ (1 << order)
        return Message(en: "buddy = pfn ^ (1 << order) = \(Format.hex(pfn)) ^ \(Format.hex(1 << order)) = \(Format.hex(buddy)): the block of the same order beside it; together they would make the order-\(order + 1) block at \(Format.hex(min(pfn, buddy))).",
                       ko: "버디 = pfn ^ (1 << order) = \(Format.hex(pfn)) ^ \(Format.hex(1 << order)) = \(Format.hex(buddy))입니다. 바로 옆에 있는 같은 order의 블록이며, 둘이 합쳐지면 \(Format.hex(min(pfn, buddy)))에서 시작하는 order-\(order + 1) 블록이 됩니다.")
    }

    static func quizWhyFreedOrder(pfn: Int, freedOrder: Int, head: Int, order: Int) -> Message {
        if order == freedOrder {
            let buddy = pfn ^ (1 << freedOrder)
            return Message(en: "Its buddy at PFN \(Format.hex(buddy)) (pfn ^ (1 << \(freedOrder))) was not a free order-\(freedOrder) block, so nothing merged: the block went back on the order-\(freedOrder) free list as it was.",
                           ko: "버디(PFN \(Format.hex(buddy)), pfn ^ (1 << \(freedOrder)))가 비어 있는 order-\(freedOrder) 블록이 아니어서 합쳐지지 않았습니다. 블록은 그대로 order-\(freedOrder) free 리스트로 돌아갔습니다.")
        }
        return Message(en: "Freeing merged the order-\(freedOrder) block with each buddy that was free too, one order at a time: PFN \(Format.hex(pfn)) now lies in the free order-\(order) block that starts at \(Format.hex(head)).",
                       ko: "해제할 때 order-\(freedOrder) 블록은 버디가 비어 있으면 한 order씩 차례로 합쳐집니다. 그래서 PFN \(Format.hex(pfn)) 페이지는 지금 \(Format.hex(head))에서 시작하는 order-\(order) 빈 블록 안에 있습니다.")
    }

    static func quizWhyFreePages(_ nrFree: [Int]) -> Message {
        let terms = nrFree.enumerated().filter { $0.element > 0 }.map { "\($0.element)×\(1 << $0.offset)" }
        let total = nrFree.enumerated().reduce(0) { $0 + $1.element << $1.offset }
        let sum = (terms.isEmpty ? "0" : terms.joined(separator: " + ")) + " = \(total)"
        return Message(en: "Each order-n free block holds 2^n pages, so the free pages are the sum of nr_free × 2^order: \(sum).",
                       ko: "order-n 빈 블록 하나에는 2^n 페이지가 있으므로, 빈 페이지 수는 order마다 nr_free × 2^order를 더한 값입니다: \(sum).")
    }

    /// `lines` and `ko` are the same lines of `gfp MASK` in each language.
    static func quizWhyGFP(_ mask: String, lines: [String], ko: [String]) -> Message {
        Message(en: "'gfp \(mask)' decodes it:\n" + lines.joined(separator: "\n"),
                ko: "'gfp \(mask)' 명령으로 풀어 보면 이렇습니다:\n" + ko.joined(separator: "\n"))
    }

    static func quizWhySlab(_ geometry: Message) -> Message {
        Message(en: "kmem_cache_create worked it out as: " + geometry.en + " (size = the object rounded up to its alignment, plus any debug metadata; objects per slab = as many of them as fit in the slab's 2^order pages).",
                ko: "kmem_cache_create가 계산한 결과는 이렇습니다: " + geometry.ko + " (size는 객체 크기를 정렬 단위로 올린 값에 디버그 정보를 더한 것이고, slab당 객체 수는 slab의 2^order 페이지에 들어가는 만큼입니다).")
    }
}

/// `compare SIZE`'s own words (kmalloc beside vmalloc on copies of the machine), in both languages. Kernel names
/// (KMALLOC_MAX_SIZE, SUnreclaim, GFP_KERNEL, vm_struct) stay as they are.
extension Message {
    static func compareTitle(size: Int, gfp: String, arch: String) -> Message {
        Message(en: "kmalloc(\(size), \(gfp)) versus vmalloc(\(size)) on \(arch) — a dry run on copies of the machine",
                ko: "\(arch)에서 kmalloc(\(size), \(gfp)) 대 vmalloc(\(size)): 기계의 복사본에서 해 본 비교입니다")
    }
    static let compareAddress = Message(en: "address", ko: "주소")
    static let compareRegion = Message(en: "region", ko: "영역")
    static let comparePhysical = Message(en: "phys. contiguous", ko: "물리적 연속")
    static let comparePages = Message(en: "pages", ko: "페이지")
    static let compareWaste = Message(en: "waste", ko: "낭비")
    static let compareZones = Message(en: "zones", ko: "zone")
    static let compareFrames = Message(en: "frames", ko: "프레임")
    static let compareSleeps = Message(en: "may sleep", ko: "잠들 수 있나")
    static let compareCost = Message(en: "cost", ko: "비용")
    static let compareLargest = Message(en: "largest", ko: "최대 크기")

    static let compareDirectMap = Message(en: "direct map (PAGE_OFFSET + phys)", ko: "직접 매핑 (PAGE_OFFSET + 물리 주소)")
    static func compareSlabObject(pfn: String) -> Message {
        Message(en: "yes: one object inside slab page(s) at pfn \(pfn)", ko: "예: pfn \(pfn)의 슬랩 페이지 안에 있는 객체 하나")
    }
    static func compareSlabShare(pages: Int, objects: Int, size: Int) -> Message {
        Message(en: "a share of a slab of \(pages) page\(pages == 1 ? "" : "s") (\(objects) objects of \(size) B)",
                ko: "\(pages)페이지짜리 슬랩의 일부 (\(size) B 객체 \(objects)개)")
    }
    static func compareSlabWaste(bytes: Int, cache: String) -> Message {
        Message(en: "\(bytes) B (size class \(cache))", ko: "\(bytes) B (크기 등급 \(cache))")
    }
    static func compareBlock(pages: Int, pfn: String) -> Message {
        Message(en: "yes: one block of \(pages) contiguous pages at pfn \(pfn)", ko: "예: pfn \(pfn)부터 연속된 \(pages)페이지 블록 하나")
    }
    static func compareLargePages(pages: Int, order: Int) -> Message {
        Message(en: "\(pages) (order-\(order) compound page, counted as SUnreclaim)", ko: "\(pages) (order-\(order) 복합 페이지, SUnreclaim으로 집계)")
    }
    static func compareLargeWaste(bytes: Int, order: Int) -> Message {
        Message(en: "\(bytes) B (rounded up to 2^\(order) pages)", ko: "\(bytes) B (2^\(order)페이지로 올림)")
    }
    static func compareTooLarge(max: String) -> Message {
        Message(en: "impossible: above KMALLOC_MAX_SIZE (\(max))", ko: "불가능: KMALLOC_MAX_SIZE(\(max))보다 큽니다")
    }
    static let compareNoBlock = Message(en: "no contiguous block found", ko: "연속된 블록을 찾지 못했습니다")
    static func compareSleepsKmalloc(gfp: String, blocking: Bool) -> Message {
        blocking ? Message(en: "yes with \(gfp) (process context only)", ko: "예: \(gfp) 마스크로는 잠듭니다 (프로세스 문맥에서만)")
                 : Message(en: "no with \(gfp): usable in atomic context", ko: "아니요: \(gfp) 마스크로는 잠들지 않아 원자적 문맥에서도 쓸 수 있습니다")
    }
    static let compareCostKmalloc = Message(en: "a slab object or one buddy block; no page tables", ko: "슬랩 객체 하나 또는 버디 블록 하나, 페이지 테이블 없음")
    static func compareVmallocArea(start: String, end: String) -> Message {
        Message(en: "vmalloc area \(start)-\(end)", ko: "vmalloc 영역 \(start)-\(end)")
    }
    static let compareOnePage = Message(en: "one page", ko: "한 페이지")
    static func compareAdjacentByChance(pages: Int) -> Message {
        Message(en: "by chance: the \(pages) pages happen to be adjacent", ko: "우연히: \(pages)페이지가 마침 붙어 있습니다")
    }
    static func compareScattered(pages: Int, runs: Int) -> Message {
        Message(en: "no: \(pages) pages in \(runs) separate runs; contiguous only virtually",
                ko: "아니요: \(pages)페이지가 \(runs)개의 조각으로 흩어져 있고, 가상 주소로만 연속입니다")
    }
    static func compareVmallocPages(pages: Int, guardPages: Int) -> Message {
        Message(en: "\(pages) page\(pages == 1 ? "" : "s") + \(guardPages) guard page of address space + vm_struct/vmap_area",
                ko: "\(pages)페이지 + 주소 공간의 가드 페이지 \(guardPages)개 + vm_struct/vmap_area")
    }
    static func compareVmallocWaste(bytes: Int) -> Message {
        Message(en: "\(bytes) B (rounded up to whole pages)", ko: "\(bytes) B (페이지 단위로 올림)")
    }
    static let compareHighmemAllowed = Message(en: " (HIGHMEM allowed)", ko: " (HIGHMEM 허용)")
    static let compareVmallocFailed = Message(en: "no area: vmalloc failed", ko: "영역 없음: vmalloc이 실패했습니다")
    static let compareSleepsVmalloc = Message(en: "always (GFP_KERNEL inside); never in interrupt context",
                                              ko: "항상 (안에서 GFP_KERNEL을 씁니다). 인터럽트 문맥에서는 절대 안 됩니다")
    static let compareCostVmalloc = Message(en: "one page allocation per page, page-table updates, a TLB flush when freed",
                                            ko: "페이지마다 페이지 할당 한 번, 페이지 테이블 갱신, 해제할 때 TLB 플러시")
    static let compareVmallocLargest = Message(en: "the vmalloc area, or RAM", ko: "vmalloc 영역 또는 RAM의 크기")
}

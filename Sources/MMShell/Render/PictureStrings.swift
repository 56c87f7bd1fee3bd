/// The pictures' words in English and Korean, kept together so they can move into the message catalog whole.
/// Kernel identifiers stay English in both languages.
enum PictureStrings {
    static func t(_ lang: LessonLanguage, _ en: String, _ ko: String) -> String { lang == .ko ? ko : en }

    /// The legend's words for a mark.
    static func legend(_ m: PictureMark, _ l: LessonLanguage) -> String {
        switch m {
        case .free0, .free1, .free2, .free3, .free4, .free5, .free6, .free7, .free8, .free9, .free10:
            let o = m.freeOrder ?? 0
            return t(l, "free, in an order-\(o) block", "빈 페이지 (order-\(o) 블록)")
        case .pcp: return t(l, "free on a per-CPU list", "per-CPU 리스트의 빈 페이지")
        case .pageAlloc: return t(l, "alloc_pages", "alloc_pages로 할당")
        case .kmallocLarge: return t(l, "large kmalloc", "큰 kmalloc")
        case .slab: return t(l, "slab", "slab")
        case .vmalloc: return t(l, "vmalloc", "vmalloc")
        case .kernelStack: return t(l, "kernel stack", "커널 스택")
        case .percpu: return t(l, "per-CPU chunk", "per-CPU 청크")
        case .reserved: return t(l, "reserved (memblock)", "예약됨 (memblock)")
        case .leaked: return t(l, "leaked", "누수")
        case .hole: return t(l, "hole (no RAM)", "구멍 (RAM 없음)")
        case .objAllocated: return t(l, "object in use", "사용 중인 객체")
        case .objectBytes: return t(l, "the object's own bytes", "객체 자신의 바이트")
        case .objCached: return t(l, "free, in a per-CPU array cache", "per-CPU array cache에 있는 빈 객체")
        case .objFree: return t(l, "free object", "빈 객체")
        case .objPoisoned: return t(l, "free object, poisoned", "빈 객체 (poison)")
        case .redZone: return t(l, "red zone", "red zone")
        case .freePointer: return t(l, "free pointer", "free pointer")
        case .slabColour: return t(l, "colour offset", "colour offset")
        case .slabManagement: return t(l, "freelist index array", "freelist 인덱스 배열")
        case .slabLeftover: return t(l, "padding, debug data or left over", "패딩, 디버그 정보 또는 남는 공간")
        case .guardPage: return t(l, "guard page (unmapped)", "가드 페이지 (매핑 없음)")
        case .mapped: return t(l, "mapped page", "매핑된 페이지")
        case .unmapped: return t(l, "not mapped", "매핑 안 됨")
        case .otherFree: return t(l, "free frame", "빈 프레임")
        case .otherUsed: return t(l, "frame used by something else", "다른 곳에서 쓰는 프레임")
        case .staticArea: return t(l, "static (the kernel's .data..percpu)", "정적 영역 (커널의 .data..percpu)")
        case .reservedArea: return t(l, "reserved for modules, free", "모듈용 예약 영역, 비어 있음")
        case .dynamicUsed: return t(l, "allocated (alloc_percpu, DEFINE_PER_CPU)", "할당됨 (alloc_percpu, DEFINE_PER_CPU)")
        case .dynamicFree: return t(l, "dynamic, free", "동적 영역, 비어 있음")
        case .threadInfo: return t(l, "thread_info", "thread_info")
        case .stackUsed: return t(l, "stack in use", "사용 중인 스택")
        case .stackFree: return t(l, "stack not used yet", "아직 안 쓴 스택")
        case .irqStack: return t(l, "IRQ stack", "IRQ 스택")
        case .directMap: return t(l, "direct map (all RAM)", "직접 매핑 (모든 RAM)")
        case .firmware: return t(l, "firmware (OpenBoot PROM)", "펌웨어 (OpenBoot PROM)")
        case .vmallocRange: return t(l, "vmalloc/ioremap", "vmalloc/ioremap")
        case .vmemmap: return t(l, "vmemmap (struct pages)", "vmemmap (struct page 배열)")
        case .kernelText: return t(l, "kernel text", "커널 코드")
        case .modules: return t(l, "modules", "모듈")
        case .fixmap: return t(l, "fixmap", "fixmap")
        case .pkmap: return t(l, "pkmap (kmap)", "pkmap (kmap)")
        case .cpuEntry: return t(l, "cpu_entry_area", "cpu_entry_area")
        case .userSpace: return t(l, "user space", "사용자 공간")
        case .unusedRange: return t(l, "unused / guard hole", "쓰지 않는 구간 / 가드 구멍")
        case .taken: return t(l, "the half handed out", "내어 준 절반")
        case .restOfBlock: return t(l, "rest of the merged block", "합쳐진 블록의 나머지")
        case .bitSet: return t(l, "bit set", "1인 비트")
        case .bitClear: return t(l, "bit clear", "0인 비트")
        }
    }

    static func majority(_ l: LessonLanguage) -> String {
        t(l, "a cell of several pages shows the state most of them are in", "여러 페이지를 담은 칸은 그중 가장 많은 상태로 그립니다")
    }
    static func legendWord(_ l: LessonLanguage) -> String { t(l, "legend", "범례") }
    static func mine(_ l: LessonLanguage) -> String { t(l, "^ marks what you asked about", "^ 표시는 지정한 대상입니다") }
    static func mineSVG(_ l: LessonLanguage) -> String { t(l, "outlined: what you asked about", "굵은 테두리: 지정한 대상") }
    static func pagesPerCell(_ n: Int, _ l: LessonLanguage) -> String {
        n == 1 ? t(l, "one cell = one page", "한 칸 = 한 페이지")
            : t(l, "one cell = \(n) pages", "한 칸 = \(n)페이지")
    }
}

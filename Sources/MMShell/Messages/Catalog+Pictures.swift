/// The pictures' words (legends, markers, scales) in the catalog: whole sentences in English and Korean; kernel
/// identifiers stay English in both.
extension Message {
    /// The legend's words for a mark.
    static func pictureLegend(_ m: PictureMark) -> Message {
        switch m {
        case .free0, .free1, .free2, .free3, .free4, .free5, .free6, .free7, .free8, .free9, .free10:
            let o = m.freeOrder ?? 0
            return Message(en: "free, in an order-\(o) block", ko: "빈 페이지 (order-\(o) 블록)")
        case .pcp: return Message(en: "free on a per-CPU list", ko: "per-CPU 리스트의 빈 페이지")
        case .pageAlloc: return Message(en: "alloc_pages", ko: "alloc_pages로 할당")
        case .kmallocLarge: return Message(en: "large kmalloc", ko: "큰 kmalloc")
        case .slab: return Message(en: "slab", ko: "slab")
        case .vmalloc: return Message(en: "vmalloc", ko: "vmalloc")
        case .kernelStack: return Message(en: "kernel stack", ko: "커널 스택")
        case .pageTable: return Message(en: "page table", ko: "페이지 테이블")
        case .percpu: return Message(en: "per-CPU chunk", ko: "per-CPU 청크")
        case .reserved: return Message(en: "reserved (memblock)", ko: "예약됨 (memblock)")
        case .leaked: return Message(en: "leaked", ko: "누수")
        case .hole: return Message(en: "hole (no RAM)", ko: "구멍 (RAM 없음)")
        case .objAllocated: return Message(en: "object in use", ko: "사용 중인 객체")
        case .objectBytes: return Message(en: "the object's own bytes", ko: "객체 자신의 바이트")
        case .objCached: return Message(en: "free, in a per-CPU array cache", ko: "per-CPU array cache에 있는 빈 객체")
        case .objFree: return Message(en: "free object", ko: "빈 객체")
        case .objPoisoned: return Message(en: "free object, poisoned", ko: "빈 객체 (poison)")
        case .redZone: return Message(en: "red zone", ko: "red zone")
        case .freePointer: return Message(en: "free pointer", ko: "free pointer")
        case .slabColour: return Message(en: "colour offset", ko: "colour offset")
        case .slabManagement: return Message(en: "freelist index array", ko: "freelist 인덱스 배열")
        case .slabLeftover: return Message(en: "padding, debug data or left over", ko: "패딩, 디버그 정보 또는 남는 공간")
        case .guardPage: return Message(en: "guard page (unmapped)", ko: "가드 페이지 (매핑 없음)")
        case .mapped: return Message(en: "mapped page", ko: "매핑된 페이지")
        case .unmapped: return Message(en: "not mapped", ko: "매핑 안 됨")
        case .otherFree: return Message(en: "free frame", ko: "빈 프레임")
        case .otherUsed: return Message(en: "frame used by something else", ko: "다른 곳에서 쓰는 프레임")
        case .staticArea: return Message(en: "static (the kernel's .data..percpu)", ko: "정적 영역 (커널의 .data..percpu)")
        case .reservedArea: return Message(en: "reserved for modules, free", ko: "모듈용 예약 영역, 비어 있음")
        case .dynamicUsed: return Message(en: "allocated (alloc_percpu, DEFINE_PER_CPU)", ko: "할당됨 (alloc_percpu, DEFINE_PER_CPU)")
        case .dynamicFree: return Message(en: "dynamic, free", ko: "동적 영역, 비어 있음")
        case .threadInfo: return Message(en: "thread_info", ko: "thread_info")
        case .stackUsed: return Message(en: "stack in use", ko: "사용 중인 스택")
        case .stackFree: return Message(en: "stack not used yet", ko: "아직 안 쓴 스택")
        case .irqStack: return Message(en: "IRQ stack", ko: "IRQ 스택")
        case .directMap: return Message(en: "direct map (all RAM)", ko: "직접 매핑 (모든 RAM)")
        case .firmware: return Message(en: "firmware (OpenBoot PROM)", ko: "펌웨어 (OpenBoot PROM)")
        case .vmallocRange: return Message(en: "vmalloc/ioremap", ko: "vmalloc/ioremap")
        case .vmemmap: return Message(en: "vmemmap (struct pages)", ko: "vmemmap (struct page 배열)")
        case .kernelText: return Message(en: "kernel text", ko: "커널 코드")
        case .modules: return Message(en: "modules", ko: "모듈")
        case .fixmap: return Message(en: "fixmap", ko: "fixmap")
        case .pkmap: return Message(en: "pkmap (kmap)", ko: "pkmap (kmap)")
        case .cpuEntry: return Message(en: "cpu_entry_area", ko: "cpu_entry_area")
        case .userSpace: return Message(en: "user space", ko: "사용자 공간")
        case .unusedRange: return Message(en: "unused / guard hole", ko: "쓰지 않는 구간 / 가드 구멍")
        case .taken: return Message(en: "the half handed out", ko: "내어 준 절반")
        case .restOfBlock: return Message(en: "rest of the merged block", ko: "합쳐진 블록의 나머지")
        case .bitSet: return Message(en: "bit set", ko: "1인 비트")
        case .bitClear: return Message(en: "bit clear", ko: "0인 비트")
        }
    }

    static var pictureMajority: Message {
        Message(en: "a cell of several pages shows the state most of them are in", ko: "여러 페이지를 담은 칸은 그중 가장 많은 상태로 그립니다")
    }
    static var pictureLegendWord: Message { Message(en: "legend", ko: "범례") }
    static var pictureMine: Message { Message(en: "^ marks what you asked about", ko: "^ 표시는 지정한 대상입니다") }
    static var pictureMineSVG: Message { Message(en: "outlined: what you asked about", ko: "굵은 테두리: 지정한 대상") }
    static func picturePagesPerCell(_ n: Int) -> Message {
        n == 1 ? Message(en: "one cell = one page", ko: "한 칸 = 한 페이지")
            : Message(en: "one cell = \(Format.pages(n))", ko: "한 칸 = \(n)페이지")
    }
}

import KernelMM

/// `kmem ADDR`'s own lines (what kmemsim found at the address), in both languages. Kernel names (CACHE, SLAB, OBJECT,
/// chunk, unit, offset, pfn) stay as the kernel spells them; the block summary is Message.pageBlock.
extension Message {
    static func kmemCacheLine(cache: String, objectSize: Int, stride: Int) -> Message {
        Message(en: "CACHE \(cache)  (object size \(objectSize), stride \(stride))",
                ko: "CACHE \(cache)  (객체 크기 \(objectSize), stride \(stride))")
    }

    static func kmemObjectState(_ s: ObjectState) -> Message {
        switch s {
        case .allocated: Message(en: "[allocated]", ko: "[할당됨]")
        case .cached: Message(en: "free (in a per-CPU array cache)", ko: "비어 있음(CPU별 array cache에 있음)")
        case .free: Message(en: "free", ko: "비어 있음")
        }
    }

    static func kmemObjectLine(index: Int, address: UInt64, state: Message, offset: Int?) -> Message {
        let a = Format.hex(address)
        return Message(en: "OBJECT \(index) at \(a) \(state.en)" + (offset.map { ", address is \($0) bytes into it" } ?? ""),
                       ko: "OBJECT \(index) (\(a)) \(state.ko)" + (offset.map { ", 주소는 객체 시작에서 \($0)바이트 안쪽입니다" } ?? ""))
    }

    static let kmemNotInsideObject = Message(en: "not inside an object (colour, freelist or leftover space)",
                                             ko: "객체 안이 아닙니다(colour, freelist 또는 남는 공간)")

    static func kmemPercpuLine(address: UInt64, chunk: Int, unit: Int, offset: Int) -> Message {
        let a = Format.hex(address)
        return Message(en: "per-CPU address \(a): chunk \(chunk), unit \(unit) (cpu\(unit)'s copy), offset \(offset)",
                       ko: "per-CPU 주소 \(a): chunk \(chunk), unit \(unit) (cpu\(unit)의 사본), offset \(offset)")
    }

    static func kmemPercpuSameOffset(unitSize: Int) -> Message {
        Message(en: "; the same offset in every unit is another CPU's copy (+\(unitSize) per CPU)",
                ko: "; 다른 unit의 같은 offset에는 다른 CPU의 사본이 있습니다(CPU마다 +\(unitSize))")
    }

    static func kmemPercpuAllocation(size: Int, caller: String) -> Message {
        Message(en: "\(size)-byte allocation by \(caller)", ko: "\(size)바이트 할당 영역(할당한 곳: \(caller))")
    }

    static let kmemPercpuStatic = Message(en: "the kernel's static per-CPU data (.data..percpu)",
                                          ko: "커널의 정적 per-CPU 데이터(.data..percpu)")
    static let kmemPercpuFreeReserved = Message(en: "free, in the reserved area for modules' static per-CPU variables",
                                                ko: "비어 있음, 모듈의 정적 per-CPU 변수를 위한 예약 영역")
    static let kmemPercpuFreeDynamic = Message(en: "free, in the dynamic area (alloc_percpu)",
                                               ko: "비어 있음, 동적 영역(alloc_percpu)")
    static let kmemPageNotPopulated = Message(en: "page not populated yet", ko: "페이지가 아직 채워지지 않았습니다")

    static func kmemVmallocHole(_ address: UInt64) -> Message {
        let a = Format.hex(address)
        return Message(en: "vmalloc address \(a): in the vmalloc range but in no area (not mapped)",
                       ko: "vmalloc 주소 \(a): vmalloc 범위 안이지만 어느 영역에도 속하지 않습니다(매핑 없음)")
    }

    static func kmemVmallocLine(address: UInt64, purpose: Message, start: UInt64, caller: String) -> Message {
        let a = Format.hex(address), s = Format.hex(start)
        return Message(en: "vmalloc address \(a): \(purpose.en) at \(s) (caller \(caller))",
                       ko: "vmalloc 주소 \(a): \(s)에 있는 \(purpose.ko) (caller \(caller))")
    }

    static let kmemVmallocGuard = Message(en: "guard page after the area: not mapped, any access faults",
                                          ko: "영역 뒤의 guard 페이지: 매핑되지 않아 어떤 접근이든 폴트가 납니다")

    static func kmemVmallocPageNotPopulated(_ page: Int) -> Message {
        Message(en: "page \(page): not populated yet", ko: "페이지 \(page): 아직 채워지지 않았습니다")
    }

    static func kmemVmallocPage(page: Int, pages: Int, offset: UInt64, pfn: Int, phys: UInt64) -> Message {
        let tail = "offset \(Format.hex(offset)) → pfn \(Format.hex(pfn)) phys \(Format.hex(phys))"
        return Message(en: "page \(page) of \(pages), " + tail, ko: "페이지 \(page)/\(pages), " + tail)
    }

    static func kmemDirectMap(address: UInt64, phys: UInt64) -> Message {
        let a = Format.hex(address), p = Format.hex(phys)
        return Message(en: "direct-map address \(a) = phys \(p)", ko: "direct-map 주소 \(a) = phys \(p)")
    }

    static func kmemStructPage(pfn: Int) -> Message {
        let p = Format.hex(pfn)
        return Message(en: "struct page of pfn \(p)", ko: "pfn \(p)의 struct page")
    }

    static func kmemPhysical(_ address: UInt64) -> Message {
        let a = Format.hex(address)
        return Message(en: "physical address \(a)", ko: "물리 주소 \(a)")
    }

    /// `, held by slab cache kmalloc-64` after a block summary.
    static func heldBy(_ o: FrameOwner) -> Message {
        let who = Message.ownerName(o)
        return Message(en: ", held by " + who.en, ko: ", 소유: " + who.ko)
    }

    /// What a vmalloc area is for (the `vmarea` and `kmem` views; /proc/vmallocinfo has only the caller).
    static func vmallocPurpose(_ p: VMAreaPurpose) -> Message {
        switch p {
        case .vmalloc: Message(en: "vmalloc() area", ko: "vmalloc() 영역")
        case .taskStack(let pid?): Message(en: "kernel stack of pid \(pid)", ko: "pid \(pid)의 커널 스택")
        case .taskStack(nil): Message(en: "cached kernel stack (kept for the next task on this CPU)",
                                      ko: "캐시된 커널 스택(이 CPU의 다음 태스크를 위해 남겨 둠)")
        case .irqStack(let c): Message(en: "IRQ stack of CPU \(c) (vmap of its per-CPU backing store)",
                                       ko: "CPU \(c)의 IRQ 스택(그 CPU의 per-CPU 저장 공간을 vmap한 것)")
        case .percpuChunk(let id): Message(en: "per-CPU chunk \(id)", ko: "per-CPU chunk \(id)")
        case .pagesArray: Message(en: "page array (vm->pages) of a larger vmalloc area", ko: "더 큰 vmalloc 영역의 페이지 배열(vm->pages)")
        case .ioremap: Message(en: "ioremap() of device memory", ko: "장치 메모리의 ioremap()")
        }
    }
}

/// `page PFN`'s lines after dump_page(): where the frame is and what holds it.
extension Message {
    static func pageAddressLine(pfn: Int, phys: UInt64, zone: String?, structPage: UInt64) -> Message {
        let head = "pfn \(Format.hex(pfn))  phys \(Format.hex(phys))  zone ", sp = Format.hex(structPage)
        return Message(en: head + (zone ?? "none") + "  struct page at " + sp,
                       ko: head + (zone ?? "없음") + "  struct page 주소 " + sp)
    }

    static func pageVirtual(_ v: UInt64) -> Message {
        Message(en: "virtual (direct map) \(Format.hex(v))", ko: "가상 주소(direct map) \(Format.hex(v))")
    }

    static func pageVirtualPkmap(_ v: UInt64, entry: Int) -> Message {
        Message(en: "virtual (kmap, pkmap entry \(entry)) \(Format.hex(v))", ko: "가상 주소(kmap, pkmap 항목 \(entry)) \(Format.hex(v))")
    }

    static let pageNoKernelAddress = Message(en: "no permanent kernel address (HIGHMEM)", ko: "고정된 커널 주소가 없습니다(HIGHMEM)")

    static func pageState(_ summary: String) -> Message { Message(en: "state: " + summary, ko: "상태: " + summary) }

    static func pageMigratetype(_ mt: String, pageblock: String) -> Message {
        Message(en: "migratetype \(mt); pageblock \(pageblock)", ko: "migratetype \(mt); pageblock \(pageblock)")
    }

    static let pageZeroed = Message(en: "contents: zeroed (__GFP_ZERO)", ko: "내용: 0으로 채워짐(__GFP_ZERO)")

    static func pageTableUse(pte: Bool, start: UInt64, end: UInt64) -> Message {
        let level = pte ? "PTE" : "PMD", range = Format.hex(start) + "-" + Format.hex(end)
        return Message(en: "\(level) table of init_mm for \(range)", ko: "init_mm의 \(level) 테이블(매핑 범위 \(range))")
    }
}

/// `vmarea ADDR`'s own lines (the column names stay, as the kernel's struct fields).
extension Message {
    static func vmAreaHeading(start: UInt64, last: UInt64, size: Int, pages: Int, guardPages: Int, purpose: Message, caller: String) -> Message {
        let range = Format.hex(start) + "-" + Format.hex(last)
        return Message(en: "vmalloc area \(range): \(size) bytes = \(pages) page\(pages == 1 ? "" : "s") + \(guardPages) guard, \(purpose.en), caller \(caller)",
                       ko: "vmalloc 영역 \(range): \(size)바이트 = 페이지 \(pages)개 + guard \(guardPages)개, \(purpose.ko), caller \(caller)")
    }

    static let vmAreaDeviceMemory = Message(en: "(device memory: no struct page)", ko: "(장치 메모리: struct page 없음)")
    static let vmAreaNotPopulated = Message(en: "(not populated)", ko: "(아직 채워지지 않음)")
    static let vmAreaGuardPage = Message(en: "guard page (not mapped: an overrun faults here)",
                                         ko: "guard 페이지(매핑되지 않음: 넘쳐 쓰면 여기서 폴트가 납니다)")

    static func vmAreaHugeMapping(chunks: Int, order: Int) -> Message {
        Message(en: "huge mapping: \(chunks) order-\(order) chunks (split into single pages), one PMD entry each, no PTE table",
                ko: "huge 매핑: order-\(order) 덩어리 \(chunks)개(낱장 페이지로 쪼갬), 덩어리마다 PMD 엔트리 하나, PTE 테이블 없음")
    }

    static let vmAreaContiguous = Message(en: "physically contiguous (by chance: each page was allocated on its own)",
                                          ko: "물리적으로 연속입니다(우연입니다: 페이지마다 따로 할당했습니다)")

    static func vmAreaScattered(runs: Int) -> Message {
        Message(en: "physically scattered: \(runs) separate runs of frames behind one contiguous virtual range",
                ko: "물리적으로 흩어져 있습니다: 연속된 가상 범위 하나 뒤에 따로 떨어진 프레임 묶음 \(runs)개")
    }

    static let vmAreaPageTablesLabel = Message(en: "page tables: ", ko: "페이지 테이블: ")
}

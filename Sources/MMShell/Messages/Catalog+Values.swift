import KernelMM

/// What a value is, in the brackets after it (`$p = … [order-3 block, zone Normal]`), and the block summary that
/// `page` and `kmem` print: kmemsim's words, so Korean under `--lang ko`. Zone names and orders stay as the kernel
/// names them. The English side is also written byte by byte in PageBlock.write(into:) for the allocation fast path;
/// `theValueLineIsTheSameInBothWritings` keeps the two equal.
extension Message {
    static func pageBlock(_ b: PageBlock) -> Message {
        func zone(_ z: String?) -> Message { Message(en: z.map { "zone " + $0 } ?? "zone no zone", ko: z.map { "zone " + $0 } ?? "zone 없음") }
        switch b {
        case .allocated(let order, let z, let compoundHead):
            let zn = zone(z)
            return Message(en: "order-\(order) block, \(zn.en)" + (compoundHead ? ", compound head" : ""),
                           ko: "order-\(order) 블록, \(zn.ko)" + (compoundHead ? ", compound 헤드 페이지" : ""))
        case .free(let order, let z):
            let zn = zone(z)
            return Message(en: "free order-\(order) block, \(zn.en)", ko: "빈 order-\(order) 블록, \(zn.ko)")
        case .pcp(let z):
            let zn = zone(z)
            return Message(en: "on a per-CPU free list, \(zn.en)", ko: "CPU별 빈 페이지 목록(pcp)에 있음, \(zn.ko)")
        case .reserved(let z):
            let zn = zone(z)
            return Message(en: "reserved, \(zn.en)", ko: "예약됨, \(zn.ko)")
        case .absent:
            return Message(en: "not RAM", ko: "RAM이 아님")
        case .inAllocated(let index, let order, let head, let z):
            let zn = zone(z), h = Format.hex(head)
            return Message(en: "page \(index) of the order-\(order) block at \(h), \(zn.en)",
                           ko: "\(h)에서 시작하는 order-\(order) 블록의 페이지 \(index), \(zn.ko)")
        case .inFree(let order, let head, let z):
            let zn = zone(z), h = Format.hex(head)
            return Message(en: "inside the free order-\(order) block at \(h), \(zn.en)",
                           ko: "\(h)에서 시작하는 빈 order-\(order) 블록 안, \(zn.ko)")
        case .tail(let z):
            return zone(z)
        }
    }

    /// `[object 3 of kmalloc-64, slab at pfn 0x1234]`: an address inside a slab object.
    static func slabObjectValue(index: Int, cache: String, slabPFN: Int) -> Message {
        let pfn = Format.hex(slabPFN)
        return Message(en: "object \(index) of \(cache), slab at pfn \(pfn)", ko: "\(cache)의 객체 \(index), 슬랩은 pfn \(pfn)")
    }

    static let vmallocAreaValue = Message(en: "vmalloc area", ko: "vmalloc 영역")
}

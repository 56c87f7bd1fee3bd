import KernelMM

/// `explain on` narration: each step the allocator recorded, in English and Korean.
extension Message {
    static func explain(_ s: ExplainStep, kernel k: Kernel) -> Message {
        let hex = Format.hex as (Int) -> String
        switch s {
        case .zonelist(let gfp, let preferred, let list, let mt, let collapsed, let invalid):
            let mask = gfp.pGg.isEmpty ? "0" : gfp.pGg
            let zl = list.isEmpty ? nil : list.map(\.procName).joined(separator: " → ")
            var en = "gfp_zone(\(mask)) = \(preferred.kernelName)"
            var ko = en
            if let c = collapsed {
                en += " (\(c.kernelName) is not configured on \(k.arch.rawValue), so the table gives ZONE_NORMAL)"
                ko += " (\(k.arch.rawValue)에는 \(c.kernelName) 존이 없어서 표가 ZONE_NORMAL을 줍니다)"
            }
            if invalid { en += " (an invalid combination)"; ko += " (잘못된 조합)" }
            en += "; zonelist " + (zl ?? "(empty)") + "; migratetype \(mt.procName)"
            ko += "; zonelist " + (zl ?? "(비어 있음)") + "; migratetype \(mt.procName)"
            return Message(en: en, ko: ko)
        case .watermarkCheck(let zone, let order, let name, let mark, let eff, let reserve, let free, let unusable, let ok, let verdict):
            let z = zone.procName
            let why = watermarkWhy(verdict, order: order, mark: mark, effective: eff, reserve: reserve, free: free, unusable: unusable)
            let adjEn = eff != mark ? " (reserve access lowers it to \(eff))" : ""
            let adjKo = eff != mark ? " (예비 메모리 접근으로 \(eff)까지 낮아짐)" : ""
            return Message(en: "\(z): watermark \(name) = \(mark)\(adjEn), order \(order): \(why.en) → \(ok ? "ok" : "skip this zone")",
                           ko: "\(z): 워터마크 \(name) = \(mark)\(adjKo), order \(order): \(why.ko) → \(ok ? "통과" : "이 존은 건너뜀")")
        case .pcpHit(let zone, let cpu, let order, let mt, let pfn):
            return Message(en: "\(zone.procName): took pfn \(hex(pfn)) from cpu\(cpu)'s per-CPU list (order \(order), \(mt.procName))",
                           ko: "\(zone.procName): cpu\(cpu)의 CPU별 목록에서 pfn \(hex(pfn)) 페이지를 가져왔습니다 (order \(order), \(mt.procName))")
        case .pcpRefill(let zone, let cpu, let order, let mt, let count, let batch):
            return Message(en: "\(zone.procName): cpu\(cpu)'s per-CPU list (order \(order), \(mt.procName)) was empty: rmqueue_bulk moved \(count) of \(batch) blocks from the buddy lists",
                           ko: "\(zone.procName): cpu\(cpu)의 CPU별 목록(order \(order), \(mt.procName))이 비어 있었습니다: rmqueue_bulk가 버디 목록에서 블록 \(batch)개 중 \(count)개를 옮겼습니다")
        case .foundBlock(let zone, let order, let found, let mt, let pfn):
            let z = zone.procName
            return found == order
                ? Message(en: "\(z): __rmqueue_smallest found a free order-\(found) \(mt.procName) block at pfn \(hex(pfn))",
                          ko: "\(z): __rmqueue_smallest가 pfn \(hex(pfn))에서 order-\(found) \(mt.procName) 빈 블록을 찾았습니다")
                : Message(en: "\(z): no free \(mt.procName) block of order \(order)…\(found - 1); took the order-\(found) block at pfn \(hex(pfn)) to split",
                          ko: "\(z): order \(order)…\(found - 1)에는 빈 \(mt.procName) 블록이 없어서, 쪼개려고 pfn \(hex(pfn))의 order-\(found) 블록을 가져왔습니다")
        case .split(_, let pfn, let order, let buddy):
            return Message(en: "  expand: keep \(hex(pfn)), its order-\(order) buddy \(hex(buddy)) (= \(hex(pfn)) + 2^\(order)) goes on the order-\(order) free list",
                           ko: "  expand: 앞쪽 절반(\(hex(pfn)))은 남기고, 그 order-\(order) 버디(\(hex(buddy)) = \(hex(pfn)) + 2^\(order))는 order-\(order) 빈 목록에 들어갑니다")
        case .fallback(let zone, let order, let from, let to, let whole, let claimed):
            let z = zone.procName, f = from.procName, t = to.procName
            let restEn = claimed ? " and claimed its pageblock for \(t)" : whole ? " (the pageblock stays \(f))" : " (only that block)"
            let restKo = claimed ? " 그 pageblock은 이제 \(t) 유형입니다" : whole ? " (pageblock은 \(f) 그대로입니다)" : " (그 블록만)"
            return Message(en: "\(z): no \(t) block left: fell back to a \(f) order-\(order) block" + restEn,
                           ko: "\(z): \(t) 블록이 남지 않아 \(f) order-\(order) 블록으로 대체했습니다" + (claimed ? "." + restKo : restKo))
        case .merge(let pfn, let buddy, let order, let merged):
            return Message(en: "merge: \(hex(pfn)) ^ 2^\(order) = buddy \(hex(buddy)) is free with order \(order) → order-\(order + 1) block at \(hex(merged))",
                           ko: "병합: \(hex(pfn)) ^ 2^\(order) = 버디 \(hex(buddy)) (order \(order) 빈 블록) → \(hex(merged))의 order-\(order + 1) 블록")
        case .mergeStop(let pfn, let order, let reason):
            let r = mergeStopReason(reason, order: order)
            return Message(en: "no merge at order \(order) for \(hex(pfn)): \(r.en)", ko: "order \(order)에서 병합이 멈춥니다(\(hex(pfn))): \(r.ko)")
        case .freedTo(let zone, let pfn, let order, let mt, let tail):
            let z = zone.procName
            return Message(en: "\(z): order-\(order) block \(hex(pfn)) goes on the \(mt.procName) free list at the \(tail ? "tail (a bigger merge looks likely soon)" : "head")",
                           ko: "\(z): order-\(order) 블록(\(hex(pfn)))이 \(mt.procName) 빈 목록의 \(tail ? "꼬리에 들어갑니다 (곧 더 큰 병합이 일어날 듯함)" : "머리에 들어갑니다")")
        case .freeToPCP(let zone, let cpu, let pfn, let order, let count, let high):
            let flush = count >= high
            return Message(en: "\(zone.procName): freed \(hex(pfn)) (order \(order)) onto cpu\(cpu)'s per-CPU list: count \(count), high \(high)" + (flush ? " → flushing a batch to the buddy lists" : " (not counted as free until flushed)"),
                           ko: "\(zone.procName): 페이지(\(hex(pfn)), order \(order))를 cpu\(cpu)의 CPU별 목록에 해제했습니다: count \(count), high \(high)" + (flush ? " → 한 묶음을 버디 목록으로 내보냅니다" : " (내보내기 전까지는 빈 페이지로 세지 않습니다)"))
        case .pcpDrain(let zone, let cpu, let pages):
            return Message(en: "\(zone.procName): \(Format.pages(pages)) went from cpu\(cpu)'s per-CPU lists back to the buddy allocator",
                           ko: "\(zone.procName): 페이지 \(pages)개가 cpu\(cpu)의 CPU별 목록에서 버디 할당자로 돌아갔습니다")
        case .slowpath(let step): return slowpath(step)
        case .slab(let step): return slab(step)
        case .kmalloc(let step): return kmalloc(step)
        }
    }

    static func watermarkWhy(_ v: WatermarkVerdict, order: Int, mark: Int, effective eff: Int, reserve: Int, free: Int, unusable: Int) -> Message {
        switch v {
        case .fastCheck:
            let t = "free \(free) > \(mark) + lowmem_reserve \(reserve)"
            return Message(en: "order-0 fast check: " + t, ko: "order-0 빠른 검사: " + t)
        case .passed:
            let t = "free \(free) - unusable \(unusable) > \(eff) + lowmem_reserve \(reserve)"
            return order > 0 ? Message(en: t + ", and a free block of order ≥ \(order) exists", ko: t + ", 그리고 order ≥ \(order)인 빈 블록이 있습니다")
                             : Message(verbatim: t)
        case .belowMark:
            return Message(verbatim: "free \(free) - unusable \(unusable) ≤ \(eff) + lowmem_reserve \(reserve)")
        case .noBlock:
            return Message(en: "enough free pages, but no free block of order ≥ \(order) on a list this request may use",
                           ko: "빈 페이지는 충분하지만, 이 요청이 쓸 수 있는 목록에 order ≥ \(order)인 빈 블록이 없습니다")
        }
    }

    static func mergeStopReason(_ r: MergeStopReason, order: Int) -> Message {
        let h = { (n: Int) in "0x" + String(n, radix: 16) }
        switch r {
        case .outsideZone(let b, let z):
            return Message(en: "buddy \(h(b)) is outside zone \(z.procName)", ko: "버디 \(h(b)): \(z.procName) 존 밖에 있습니다")
        case .buddyOtherOrder(let b, let o):
            return Message(en: "buddy \(h(b)) is free but as an order-\(o) block, not order \(order)",
                           ko: "버디 \(h(b)): 비어 있지만 order-\(o) 블록입니다(합치려면 order-\(order) 블록이어야 합니다)")
        case .buddyAllocated(let b):
            return Message(en: "buddy \(h(b)) is allocated", ko: "버디 \(h(b)): 할당되어 있습니다")
        case .buddyOnPCP(let b):
            return Message(en: "buddy \(h(b)) sits on a per-CPU list (allocated as far as the buddy allocator knows)",
                           ko: "버디 \(h(b)): CPU별 목록에 있습니다 (버디 할당자가 보기에는 할당된 것)")
        case .buddyReserved(let b):
            return Message(en: "buddy \(h(b)) is reserved (PG_reserved)", ko: "버디 \(h(b)): 예약되어 있습니다 (PG_reserved)")
        case .buddyNotRAM(let b):
            return Message(en: "buddy \(h(b)) is not RAM", ko: "버디 \(h(b)): RAM이 아닙니다")
        case .partOfFreeBlock(let b, let o, let head):
            return Message(en: "buddy \(h(b)) is part of a free order-\(o) block at \(h(head))",
                           ko: "버디 \(h(b)): \(h(head))에서 시작하는 order-\(o) 빈 블록의 일부입니다")
        case .partOfAllocatedBlock(let b):
            return Message(en: "buddy \(h(b)) is part of an allocated block", ko: "버디 \(h(b)): 할당된 블록의 일부입니다")
        case .pageblockTypes(let buddy, let own):
            return Message(en: "buddy's pageblock is \(buddy.procName), which does not merge with \(own.procName)",
                           ko: "버디의 pageblock 유형은 \(buddy.procName)입니다. \(own.procName) 유형과는 병합되지 않습니다")
        }
    }
}

import KernelMM

/// kmemsim's notes on high-memory mappings (`HighmemNote`) and the words of the kmap commands, in English and Korean.
extension Message {
    static func highmemNote(_ n: HighmemNote) -> Message {
        let h = { (v: Int) in "0x" + String(v, radix: 16) }
        let a = { (v: UInt64) in Format.hex(v) }
        switch n {
        case .kunmapNotMapped(let pfn, let slot):
            if let slot {
                return Message(en: "pfn \(h(pfn)) is not mapped by kmap(): kmap_local_page() mapped it (slot \(slot)), and kunmap() looks the page up in the pkmap table only, where it has no address, so it hits BUG_ON(!vaddr). Undo a kmap_local_page() with kunmap_local(ADDR). The machine would have died; nothing changed.",
                               ko: "pfn \(h(pfn)) 페이지는 kmap()으로 매핑된 것이 아닙니다. kmap_local_page()가 매핑했습니다(슬롯 \(slot)). kunmap()은 pkmap 표에서만 페이지를 찾는데 거기에는 주소가 없어서 BUG_ON(!vaddr)에 걸립니다. kmap_local_page()는 kunmap_local(ADDR)로 풀어야 합니다. 머신이 죽었을 것입니다. 아무것도 바뀌지 않았습니다.")
            }
            return Message(en: "pfn \(h(pfn)) is a HIGHMEM page that kmap() has not mapped (never, or its last kunmap() already ran): it has no pkmap address, so kunmap_high() hits BUG_ON(!vaddr). Call kunmap() once for each kmap(). The machine would have died; nothing changed.",
                           ko: "pfn \(h(pfn)) 페이지는 kmap()이 매핑하지 않은 HIGHMEM 페이지입니다(매핑한 적이 없거나 마지막 kunmap()이 이미 끝났습니다). pkmap 주소가 없으므로 kunmap_high()가 BUG_ON(!vaddr)에 걸립니다. kunmap()은 kmap() 한 번에 한 번씩만 부르세요. 머신이 죽었을 것입니다. 아무것도 바뀌지 않았습니다.")
        case .kunmapTooOften(let pfn, let entry):
            return Message(en: "pfn \(h(pfn)) still sits in pkmap entry \(entry), but nobody holds it: every kmap() was already matched by a kunmap(). One more would take pkmap_count[\(entry)] to 0 without the TLB flush, which is BUG(). The machine would have died; nothing changed.",
                           ko: "pfn \(h(pfn)) 페이지는 아직 pkmap 항목 \(entry)에 있지만 잡고 있는 쪽이 없습니다. 모든 kmap()에 kunmap()이 이미 짝지어졌습니다. 한 번 더 부르면 TLB 플러시 없이 pkmap_count[\(entry)]가 0이 되므로 BUG()입니다. 머신이 죽었을 것입니다. 아무것도 바뀌지 않았습니다.")
        case .pkmapExhausted(let entries):
            return Message(en: "all \(entries) pkmap entries are held by kmap() callers. kmap() would now sleep on pkmap_map_wait until a kunmap() frees one; in kmemsim nothing else runs to call it, so the call would never return. kmemsim refuses it: kunmap() a page first (or use kmap_local_page(), which does not use the pkmap table). Nothing changed.",
                           ko: "pkmap 항목 \(entries)개가 모두 kmap() 호출자에게 잡혀 있습니다. 이제 kmap()은 누군가 kunmap()으로 항목을 비울 때까지 pkmap_map_wait에서 잠듭니다. kmemsim에는 그 kunmap()을 부를 다른 실행 흐름이 없으므로 호출은 끝나지 않습니다. 그래서 kmemsim은 이 호출을 거부합니다. 먼저 페이지 하나를 kunmap()하거나 pkmap 표를 쓰지 않는 kmap_local_page()를 쓰세요. 아무것도 바뀌지 않았습니다.")
        case .kmapLocalTooDeep(let held):
            return Message(en: "this task already holds \(held) temporary mappings. KM_MAX_IDX is \(HighmemState.kmMaxIdx) slots per CPU, and kmap_local_idx_push() checks the count after adding one, so the \(held + 1)th hits BUG_ON(idx >= KM_MAX_IDX). Unmap what you no longer use (kunmap_local, newest first). The machine would have died; nothing changed.",
                           ko: "이 태스크는 이미 임시 매핑을 \(held)개 잡고 있습니다. KM_MAX_IDX는 CPU마다 \(HighmemState.kmMaxIdx)슬롯이고 kmap_local_idx_push()는 하나를 더한 뒤에 개수를 검사하므로, \(held + 1)번째 매핑이 BUG_ON(idx >= KM_MAX_IDX)에 걸립니다. 더 쓰지 않는 매핑을 가장 최근 것부터 kunmap_local로 푸세요. 머신이 죽었을 것입니다. 아무것도 바뀌지 않았습니다.")
        case .kunmapLocalNothingMapped(let addr):
            return Message(en: "\(a(addr)) is a kmap_local slot address, but this task holds no temporary mapping: it was unmapped already (or mapped by another task or CPU). The index would go to -1: the kernel warns about the address, then hits BUG_ON in kmap_local_idx_pop(). The machine would have died; nothing changed.",
                           ko: "\(a(addr))는 kmap_local 슬롯 주소이지만 이 태스크에는 임시 매핑이 하나도 없습니다. 이미 풀었거나 다른 태스크나 CPU가 매핑한 것입니다. 인덱스가 -1이 되므로 커널은 주소에 대해 경고한 뒤 kmap_local_idx_pop()의 BUG_ON에 걸립니다. 머신이 죽었을 것입니다. 아무것도 바뀌지 않았습니다.")
        case .kunmapLocalOutOfOrder(let addr, let slot, let top, let topAddress, let topPFN, let warned):
            let which = slot.map { " (slot \($0))" } ?? " (it maps nothing now: its slot was cleared already)"
            let whichKo = slot.map { "(슬롯 \($0))" } ?? "(지금은 아무것도 매핑하지 않습니다. 슬롯이 이미 지워졌습니다)"
            let silent = warned ? "" : " The kernel warns only once (WARN_ON_ONCE), so a real kernel says nothing this time."
            let silentKo = warned ? "" : " 커널은 한 번만 경고하므로(WARN_ON_ONCE) 이번에는 실제 커널이 아무 말도 하지 않습니다."
            return Message(en: "temporary mappings must be undone in reverse order, newest first. \(a(addr))\(which) is not the newest; slot \(top) at \(a(topAddress)) (pfn \(h(topPFN))) is. kunmap_local_indexed() does not search: it clears the newest slot anyway. So \(a(topAddress)) is now unmapped although you may still use it, and \(a(addr)) stays mapped. kmemsim did the same.\(silent)",
                           ko: "임시 매핑은 만든 순서의 반대로, 가장 최근 것부터 풀어야 합니다. \(a(addr))\(whichKo)는 가장 최근 매핑이 아닙니다. 가장 최근 것은 슬롯 \(top)의 \(a(topAddress))(pfn \(h(topPFN)))입니다. kunmap_local_indexed()는 찾아보지 않고 가장 최근 슬롯을 그냥 지웁니다. 그래서 아직 쓰고 있을지 모르는 \(a(topAddress))의 매핑이 사라졌고 \(a(addr))는 매핑된 채로 남았습니다. kmemsim도 똑같이 했습니다.\(silentKo)")
        case .kunmapLocalOfPkmap(let addr, let entry):
            return Message(en: "\(a(addr)) is pkmap entry \(entry), a kmap() address: kunmap_local() and kunmap_atomic() only undo kmap_local_page() and kmap_atomic(), so nothing was unmapped (the kernel does not say so). Release a kmap() with kunmap(page).",
                           ko: "\(a(addr))는 pkmap 항목 \(entry), 즉 kmap()이 준 주소입니다. kunmap_local()과 kunmap_atomic()은 kmap_local_page()와 kmap_atomic()만 풀기 때문에 아무것도 풀리지 않았습니다(커널은 알려 주지 않습니다). kmap()은 kunmap(page)로 푸세요.")
        case .kunmapLocalNotKernel(let addr):
            return Message(en: "\(a(addr)) is below PAGE_OFFSET: a user-space address, never a kmap. kunmap_local_indexed() warns once and does nothing.",
                           ko: "\(a(addr))는 PAGE_OFFSET 아래, 즉 사용자 공간 주소라서 kmap 주소일 수 없습니다. kunmap_local_indexed()는 한 번 경고하고 아무것도 하지 않습니다.")
        case .kunmapLocalNotMapped(let addr):
            return Message(en: "\(a(addr)) is not an address kmap_local_page() or kmap_atomic() gives: neither a kmap_local slot nor the direct map. kunmap_local() returns without unmapping anything, and the real kernel does not say so. Pass the address the map call returned.",
                           ko: "\(a(addr))는 kmap_local_page()나 kmap_atomic()이 주는 주소가 아닙니다. kmap_local 슬롯도 직접 매핑도 아닙니다. kunmap_local()은 아무것도 풀지 않고 돌아오며, 실제 커널은 이를 알려 주지 않습니다. 매핑 호출이 돌려준 주소를 넘기세요.")
        case .kmapLocalHardirqIRQsOn:
            return Message(en: "kmap_local_page() in a hard interrupt handler that turned interrupts back on: another interrupt could now nest and push its own slot in the middle of this one's. The kernel warns once and carries on.",
                           ko: "인터럽트를 다시 켠 하드 인터럽트 핸들러에서 kmap_local_page()를 불렀습니다. 이제 다른 인터럽트가 중첩되어 이 핸들러의 슬롯 사이에 자기 슬롯을 넣을 수 있습니다. 커널은 한 번 경고하고 계속합니다.")
        case .kunmapAtomicWithoutKmapAtomic:
            return Message(en: "kunmap_atomic() without a kmap_atomic(): pagefault_enable() takes current->pagefault_disabled below zero, and preempt_enable() undoes a preempt_disable() that someone else made. The real kernel does not check; kmemsim left the page-fault count at 0. Pair kunmap_atomic() with kmap_atomic(), and kunmap_local() with kmap_local_page().",
                           ko: "kmap_atomic() 없이 kunmap_atomic()을 불렀습니다. pagefault_enable()이 current->pagefault_disabled를 0 아래로 내리고, preempt_enable()은 다른 누군가가 한 preempt_disable()을 풀어 버립니다. 실제 커널은 검사하지 않습니다. kmemsim은 페이지 폴트 카운트를 0으로 두었습니다. kunmap_atomic()은 kmap_atomic()과, kunmap_local()은 kmap_local_page()와 짝을 맞추세요.")
        case .freedWhileMapped(let pfn, let entry, let slots):
            var en: [String] = [], ko: [String] = []
            if let entry { en.append("pkmap entry \(entry) (kmap)"); ko.append("pkmap 항목 \(entry)(kmap)") }
            if slots > 0 { en.append("\(slots) kmap_local slot\(slots == 1 ? "" : "s")"); ko.append("kmap_local 슬롯 \(slots)개") }
            return Message(en: "the block at pfn \(h(pfn)) was freed while it is still mapped (\(en.joined(separator: ", "))): writes through that address now land in a free page, which the allocator may hand to someone else. The real kernel does not check. Unmap before you free.",
                           ko: "pfn \(h(pfn)) 블록을 매핑이 남아 있는 채로 해제했습니다. 남은 매핑: \(ko.joined(separator: ", ")). 이제 그 주소로 쓰면 빈 페이지에 쓰게 되고, 할당자는 그 페이지를 다른 쪽에 내줄 수 있습니다. 실제 커널은 검사하지 않습니다. 해제하기 전에 매핑을 푸세요.")
        }
    }

    /// What a kmap address maps, for the value line: `pkmap entry 3 → pfn 0x3f000, 1 kmap user`.
    static func kmapValue(_ t: KmapTarget) -> Message {
        switch t {
        case .pkmap(let e, let pfn?, let count):
            let users = count - 1
            if users == 0 {
                return Message(en: "pkmap entry \(e) → pfn \(Format.hex(pfn)), no kmap user left (cleared at the next flush)",
                               ko: "pkmap 항목 \(e) → pfn \(Format.hex(pfn)), 남은 kmap 사용자 없음(다음 플러시 때 지워짐)")
            }
            return Message(en: "pkmap entry \(e) → pfn \(Format.hex(pfn)), \(users) kmap user\(users == 1 ? "" : "s")",
                           ko: "pkmap 항목 \(e) → pfn \(Format.hex(pfn)), kmap 사용자 \(users)개")
        case .pkmap(let e, nil, _):
            return Message(en: "pkmap entry \(e), maps nothing", ko: "pkmap 항목 \(e), 매핑 없음")
        case .local(let cpu, let slot, _, let pfn?):
            return Message(en: "kmap_local slot \(slot) of cpu\(cpu) → pfn \(Format.hex(pfn))",
                           ko: "cpu\(cpu)의 kmap_local 슬롯 \(slot) → pfn \(Format.hex(pfn))")
        case .local(let cpu, let slot, _, nil):
            return Message(en: "kmap_local slot \(slot) of cpu\(cpu), maps nothing", ko: "cpu\(cpu)의 kmap_local 슬롯 \(slot), 매핑 없음")
        }
    }

    /// After kunmap() / kunmap_local(): what was dropped.
    static func kunmapped(_ how: KmapHow) -> Message {
        switch how {
        case .directMap:
            return Message(en: "the page is in the direct map (lowmem), which maps it for good: there was nothing to unmap",
                           ko: "이 페이지는 직접 매핑(lowmem)에 있어 늘 매핑되어 있습니다. 풀 매핑이 없었습니다")
        case .pkmap(let e, let users):
            if users == 0 {
                return Message(en: "pkmap entry \(e): no kmap user left; the entry keeps its PTE until the search for a free entry wraps and flush_all_zero_pkmaps() clears it (page_address() still answers it until then)",
                               ko: "pkmap 항목 \(e): 남은 kmap 사용자가 없습니다. 빈 항목 찾기가 한 바퀴 돌아 flush_all_zero_pkmaps()가 지울 때까지 항목은 PTE를 유지합니다(그때까지 page_address()도 이 주소를 돌려줍니다)")
            }
            return Message(en: "pkmap entry \(e): \(users) kmap user\(users == 1 ? "" : "s") left", ko: "pkmap 항목 \(e): 남은 kmap 사용자 \(users)개")
        case .local(let slot, let cpu):
            return Message(en: "kmap_local slot \(slot) of cpu\(cpu) unmapped", ko: "cpu\(cpu)의 kmap_local 슬롯 \(slot) 매핑을 풀었습니다")
        }
    }

    /// `kmem ADDR` on a kmap address: which mapping it is, and where it points.
    static func kmemKmapLine(address: UInt64, target: KmapTarget) -> Message {
        let a = Format.hex(address)
        switch target {
        case .pkmap(let e, nil, _):
            return Message(en: "pkmap address \(a): entry \(e) of the kmap() table, no PTE (free, or cleared by the last flush)",
                           ko: "pkmap 주소 \(a): kmap() 표의 항목 \(e), PTE 없음(비어 있거나 지난 플러시 때 지워짐)")
        case .pkmap(let e, _?, let count):
            let users = count - 1
            return Message(en: "pkmap address \(a): entry \(e) of the kmap() table, pkmap_count \(count) (\(users) kmap user\(users == 1 ? "" : "s"))",
                           ko: "pkmap 주소 \(a): kmap() 표의 항목 \(e), pkmap_count \(count)(kmap 사용자 \(users)개)")
        case .local(let cpu, let slot, let pid?, _?):
            return Message(en: "kmap_local address \(a): fixmap slot \(slot) of cpu\(cpu), held by pid \(pid)",
                           ko: "kmap_local 주소 \(a): cpu\(cpu)의 fixmap 슬롯 \(slot), pid \(pid)가 잡고 있음")
        case .local(let cpu, let slot, _, _):
            return Message(en: "kmap_local address \(a): fixmap slot \(slot) of cpu\(cpu), not mapped by the task running there",
                           ko: "kmap_local 주소 \(a): cpu\(cpu)의 fixmap 슬롯 \(slot), 거기서 도는 태스크가 매핑하지 않음")
        }
    }

    static func kmapFlushed(_ n: Int) -> Message {
        Message(en: "flush_all_zero_pkmaps(): \(n) unused pkmap entr\(n == 1 ? "y" : "ies") cleared", ko: "flush_all_zero_pkmaps(): 쓰이지 않는 pkmap 항목 \(n)개를 지웠습니다")
    }
}

/// The words of the `kmaps` view.
extension Message {
    static func kmapsNoHighmem(arch: String) -> Message {
        Message(en: "this \(arch) kernel has no CONFIG_HIGHMEM: every page is in the direct map, kmap() and kmap_local_page() return page_address() and map nothing (boot arch=i386 to see the pkmap table)",
                ko: "이 \(arch) 커널에는 CONFIG_HIGHMEM이 없습니다. 모든 페이지가 직접 매핑에 있으므로 kmap()과 kmap_local_page()는 page_address()를 돌려줄 뿐 아무것도 매핑하지 않습니다(pkmap 표를 보려면 boot arch=i386으로 부팅하세요)")
    }

    static func kmapsPkmapSummary(start: UInt64, end: UInt64, inUse: Int, held: Int, lastNr: Int, flushes: Int) -> Message {
        Message(en: "pkmap: \(HighmemState.lastPkmap) entries at \(Format.hex(start))-\(Format.hex(end)); \(inUse) in use, \(held) held by kmap(); last_pkmap_nr \(lastNr); \(flushes) flush\(flushes == 1 ? "" : "es")",
                ko: "pkmap: \(Format.hex(start))-\(Format.hex(end))에 항목 \(HighmemState.lastPkmap)개. 사용 중 \(inUse)개, 그중 kmap()이 잡은 것 \(held)개. last_pkmap_nr \(lastNr). 플러시 \(flushes)번")
    }

    /// Column heads, `|`-separated: entry, address, pfn, users.
    static let kmapsEntryColumns = Message(en: "entry|address|pfn|kmap users", ko: "항목|주소|pfn|kmap 사용자")
    static let kmapsUnusedEntry = Message(en: "0 (unused: cleared at the next flush)", ko: "0 (안 쓰임: 다음 플러시 때 지워짐)")

    static func kmapsLocalSummary(tasks: Int) -> Message {
        if tasks == 0 {
            return Message(en: "kmap_local: no task holds a temporary mapping (\(HighmemState.kmMaxIdx) slots per CPU)",
                           ko: "kmap_local: 임시 매핑을 잡은 태스크가 없습니다(CPU마다 슬롯 \(HighmemState.kmMaxIdx)개)")
        }
        return Message(en: "kmap_local: \(tasks) task\(tasks == 1 ? "" : "s") with temporary mappings (\(HighmemState.kmMaxIdx) slots per CPU, newest last)",
                       ko: "kmap_local: 임시 매핑을 잡은 태스크 \(tasks)개(CPU마다 슬롯 \(HighmemState.kmMaxIdx)개, 가장 최근 것이 맨 아래)")
    }

    static func kmapsTaskLine(pid: Int, comm: String, cpu: Int, running: Bool, slots: Int, pagefaultDisabled: Int) -> Message {
        let atomicEn = pagefaultDisabled > 0 ? ", \(pagefaultDisabled) kmap_atomic (page faults disabled)" : ""
        let atomicKo = pagefaultDisabled > 0 ? ", kmap_atomic \(pagefaultDisabled)개(페이지 폴트 꺼짐)" : ""
        return Message(en: "pid \(pid) (\(comm)) on cpu\(cpu)\(running ? "" : ", switched out"): \(slots) slot\(slots == 1 ? "" : "s")\(atomicEn)",
                       ko: "pid \(pid) (\(comm)), cpu\(cpu)\(running ? "" : ", 실행 중 아님"): 슬롯 \(slots)개\(atomicKo)")
    }

    static func kmapsSlotLine(slot: Int, address: UInt64, pfn: Int) -> Message {
        Message(en: "slot \(slot)  \(Format.hex(address)) → pfn \(Format.hex(pfn))", ko: "슬롯 \(slot)  \(Format.hex(address)) → pfn \(Format.hex(pfn))")
    }
}

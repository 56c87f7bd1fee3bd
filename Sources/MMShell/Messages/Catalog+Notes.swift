import KernelMM

/// kmemsim's notes on misuse (`KmemsimNote`), in English and Korean. The kernel's own report above a note stays in
/// the kernel's English.
extension Message {
    static func note(_ n: KmemsimNote) -> Message {
        let h = { (v: Int) in "0x" + String(v, radix: 16) }
        switch n {
        case .highmem(let h):
            return highmemNote(h)
        case .freeNotRAM(let pfn):
            return Message(en: "pfn \(h(pfn)) is not RAM: there is no struct page to free. Nothing changed.",
                           ko: "pfn \(h(pfn)): RAM이 아닙니다. 해제할 struct page가 없습니다. 아무것도 바뀌지 않았습니다.")
        case .freeOrderOutOfRange(let order, let maxOrder):
            return Message(en: "order \(order) is outside 0...\(maxOrder); no block of that size can exist. The kernel would not check and would corrupt the free lists. Nothing changed.",
                           ko: "order \(order): 0...\(maxOrder) 범위 밖입니다. 그런 크기의 블록은 있을 수 없습니다. 커널은 검사하지 않고 빈 목록을 망가뜨렸을 것입니다. 아무것도 바뀌지 않았습니다.")
        case .freeReserved(let pfn):
            return Message(en: "pfn \(h(pfn)) is reserved (PG_reserved): boot code kept it and the buddy allocator never owned it. The kernel refuses to free it; nothing changed.",
                           ko: "pfn \(h(pfn)): 예약된 페이지입니다(PG_reserved). 부트 코드가 잡아 두었고 버디 할당자가 가진 적이 없습니다. 커널은 해제를 거부합니다. 아무것도 바뀌지 않았습니다.")
        case .doubleFreeBuddyHead(let pfn, let order):
            return Message(en: "pfn \(h(pfn)) is already free (the head of a free order-\(order) block): a double free. \(refcountZeroWithoutDebugVM.en) \(freedInBetween.en) Nothing changed.",
                           ko: "pfn \(h(pfn)): 이미 비어 있습니다(order-\(order) 빈 블록의 머리). 이중 해제입니다. \(refcountZeroWithoutDebugVM.ko) \(freedInBetween.ko) 아무것도 바뀌지 않았습니다.")
        case .doubleFreeOnPCP(let pfn, let cpu):
            return Message(en: "pfn \(h(pfn)) is already free: it sits on CPU \(cpu)'s per-CPU free list. A double free. \(refcountZeroWithoutDebugVM.en) \(freedInBetween.en) Nothing changed.",
                           ko: "pfn \(h(pfn)): 이미 비어 있습니다. CPU \(cpu)의 CPU별 빈 목록에 있습니다. 이중 해제입니다. \(refcountZeroWithoutDebugVM.ko) \(freedInBetween.ko) 아무것도 바뀌지 않았습니다.")
        case .freeInsideFreeBlock(let pfn, let order, let head):
            return Message(en: "pfn \(h(pfn)) is inside a free order-\(order) block at \(h(head)): it is not allocated (a double free, or a pointer that was never allocated). \(refcountZeroWithoutDebugVM.en) Nothing changed.",
                           ko: "pfn \(h(pfn)): \(h(head))에서 시작하는 order-\(order) 빈 블록 안에 있습니다. 할당된 페이지가 아닙니다(이중 해제이거나 할당된 적 없는 포인터). \(refcountZeroWithoutDebugVM.ko) 아무것도 바뀌지 않았습니다.")
        case .freeTailPage(let pfn, let index, let order, let head):
            return Message(en: "pfn \(h(pfn)) is page \(index) of the order-\(order) block whose head is pfn \(h(head)). Only the head holds the reference: free the head with order \(order). \(refcountZeroWithoutDebugVM.en) Nothing changed.",
                           ko: "pfn \(h(pfn)): 머리가 pfn \(h(head))인 order-\(order) 블록의 \(index)번째 페이지입니다. 참조는 머리만 가집니다: 머리를 order \(order) 값으로 해제하세요. \(refcountZeroWithoutDebugVM.ko) 아무것도 바뀌지 않았습니다.")
        case .freeNotBlockStart(let pfn):
            return Message(en: "pfn \(h(pfn)) is not the start of an allocated block. \(refcountZeroWithoutDebugVM.en) Nothing changed.",
                           ko: "pfn \(h(pfn)): 할당된 블록의 시작이 아닙니다. \(refcountZeroWithoutDebugVM.ko) 아무것도 바뀌지 않았습니다.")
        case .freeSlabPage(let pfn):
            return Message(en: "pfn \(h(pfn)) belongs to a slab (PG_slab): the slab allocator owns it; objects in it are freed with kfree/kmem_cache_free. Nothing changed.",
                           ko: "pfn \(h(pfn)): slab에 속한 페이지입니다(PG_slab). 주인은 slab 할당자이고, 그 안의 객체는 kfree/kmem_cache_free로 해제합니다. 아무것도 바뀌지 않았습니다.")
        case .freeOtherOwner(let pfn, let owner):
            let o = ownerName(owner)
            return Message(en: "pfn \(h(pfn)) is held by \(o.en), not by a page-allocator caller. The kernel would free it without noticing, leaving \(o.en) using a free page (use after free). kmemsim refused; nothing changed.",
                           ko: "pfn \(h(pfn)): 주인은 페이지 할당자 호출자가 아니라 \(o.ko)입니다. 커널은 모른 채 해제하고, \(o.ko) 쪽은 빈 페이지를 계속 쓰게 됩니다(해제 후 사용). kmemsim이 거부했습니다. 아무것도 바뀌지 않았습니다.")
        case .compoundOrderMismatch(let allocOrder, let order):
            return Message(en: "This compound page has order \(allocOrder); it was freed with order \(order). CONFIG_DEBUG_VM catches this for compound pages only. Nothing changed.",
                           ko: "이 compound 페이지의 order는 \(allocOrder)인데 order \(order) 값으로 해제했습니다. CONFIG_DEBUG_VM은 compound 페이지에서만 이것을 잡습니다. 아무것도 바뀌지 않았습니다.")
        case .freeOrderTooLarge(let pfn, let allocOrder, let order):
            return Message(en: "The block at pfn \(h(pfn)) was allocated with order \(allocOrder) (\(Format.pages(1 << allocOrder))) but freed with order \(order) (\(Format.pages(1 << order))). The real kernel does not check the order: it would put \(Format.pages((1 << order) - (1 << allocOrder))) it does not own on the free list, corrupting memory that someone else may be using. kmemsim refused; nothing changed.",
                           ko: "pfn \(h(pfn))의 블록은 order \(allocOrder)(페이지 \(1 << allocOrder)개)로 할당했는데 order \(order)(페이지 \(1 << order)개)로 해제했습니다. 실제 커널은 order를 검사하지 않습니다: 자기 것이 아닌 페이지 \((1 << order) - (1 << allocOrder))개를 빈 목록에 넣어, 다른 누군가 쓰고 있을 메모리를 망가뜨립니다. kmemsim이 거부했습니다. 아무것도 바뀌지 않았습니다.")
        case .freeOrderTooSmall(let pfn, let allocOrder, let order, let leaked):
            return Message(en: "The block at pfn \(h(pfn)) was allocated with order \(allocOrder) but freed with order \(order). The real kernel does not notice: it frees the first \(1 << order) pages and the other \(leaked) leak forever. kmemsim did the same so you can see the leak (`kmem` shows them as leaked).",
                           ko: "pfn \(h(pfn))의 블록: 할당할 때 order \(allocOrder), 해제할 때 order \(order). 실제 커널은 알아채지 못합니다: 앞의 페이지 \(1 << order)개만 해제하고 나머지 \(leaked)개는 영영 샙니다. 누수를 볼 수 있도록 kmemsim도 똑같이 했습니다(`kmem`이 leaked로 보여 줍니다).")
        case .freePagesBadAddress(let addr, let problem):
            let a = Format.hex(addr)
            switch problem {
            case .highmem:
                return Message(en: "\(a) would be the address of a HIGHMEM page, but HIGHMEM has no permanent kernel address: free HIGHMEM pages with __free_pages(page, order). Nothing changed.",
                               ko: "\(a): HIGHMEM 페이지의 주소일 텐데, HIGHMEM에는 고정된 커널 주소가 없습니다. HIGHMEM 페이지는 __free_pages(page, order)로 해제하세요. 아무것도 바뀌지 않았습니다.")
            case .notPageAligned:
                return Message(en: "\(a) is not page-aligned: free_pages() wants the address __get_free_pages() returned. Nothing changed.",
                               ko: "\(a): 페이지 경계에 맞지 않습니다. free_pages()에는 __get_free_pages()가 돌려준 주소를 넘겨야 합니다. 아무것도 바뀌지 않았습니다.")
            case .notDirectMap:
                return Message(en: "\(a) is not a direct-map (lowmem) address, so virt_to_page() cannot find its struct page. Nothing changed.",
                               ko: "\(a): 직접 매핑(lowmem) 주소가 아니어서 virt_to_page()가 struct page를 찾지 못합니다. 아무것도 바뀌지 않았습니다.")
            case .vmallocAddress:
                return Message(en: "\(a) is not a direct-map (lowmem) address, so virt_to_page() cannot find its struct page — it is a vmalloc address: free it with vfree(). Nothing changed.",
                               ko: "\(a): 직접 매핑(lowmem) 주소가 아니어서 virt_to_page()가 struct page를 찾지 못합니다. vmalloc 주소이니 vfree()로 해제하세요. 아무것도 바뀌지 않았습니다.")
            }
        case .orderAboveMax(let order, let maxOrder):
            return Message(en: "order \(order) is above MAX_ORDER (\(maxOrder)): the largest block the buddy allocator has is 2^\(maxOrder) pages. The kernel warns once per boot and returns NULL.",
                           ko: "order \(order): MAX_ORDER(\(maxOrder))보다 큽니다. 버디 할당자의 가장 큰 블록은 2^\(maxOrder)개의 페이지입니다. 커널은 부팅마다 한 번 경고하고 NULL을 돌려줍니다.")
        case .vmallocDropsComp(let gfp):
            return Message(en: "\(gfp.pGg) has __GFP_COMP, which vmalloc has no use for. 6.6 passes it to the order-9 chunks of a huge mapping, making compound pages that split_page() cannot split (a VM_BUG_ON_PAGE with CONFIG_DEBUG_VM, wrong page counts without it); kmemsim leaves it out. Do not pass __GFP_COMP to kvmalloc or vmalloc.",
                           ko: "마스크 \(gfp.pGg)에는 vmalloc에 쓸모없는 __GFP_COMP가 들어 있습니다. 6.6은 이것을 큰 매핑의 order-9 덩어리에 그대로 넘겨 split_page()가 쪼갤 수 없는 compound 페이지를 만듭니다 (CONFIG_DEBUG_VM이면 VM_BUG_ON_PAGE, 아니면 페이지 참조 수가 틀어짐). kmemsim은 이 플래그를 빼고 할당합니다. kvmalloc이나 vmalloc에는 __GFP_COMP를 넘기지 마세요.")
        case .pickOneZoneModifier(let gfp, let zone):
            return Message(en: "gfp_zone(\(gfp.pGg)) is an invalid zone combination (GFP_ZONE_BAD). A kernel built with CONFIG_DEBUG_VM hits VM_BUG_ON here; a distribution kernel says nothing and the request silently gets zone \(zone.procName). Pick one zone modifier: __GFP_DMA, __GFP_DMA32 or __GFP_HIGHMEM (with __GFP_MOVABLE at most).",
                           ko: "gfp_zone(\(gfp.pGg))의 결과는 잘못된 존 조합입니다(GFP_ZONE_BAD). CONFIG_DEBUG_VM으로 빌드한 커널은 여기서 VM_BUG_ON에 걸리지만, 배포판 커널은 아무 말 없이 요청을 \(zone.procName) 존으로 처리합니다. 존 지정자는 하나만 고르세요: __GFP_DMA, __GFP_DMA32, __GFP_HIGHMEM 중 하나 (덧붙일 수 있는 것은 __GFP_MOVABLE뿐).")
        case .failedCannotSleep:
            return Message(en: "The mask cannot sleep (no __GFP_DIRECT_RECLAIM), so the allocator could not reclaim memory and gave up at once.",
                           ko: "이 마스크로는 잠들 수 없으므로(__GFP_DIRECT_RECLAIM 없음) 할당자는 메모리를 회수하지 못하고 곧바로 포기했습니다.")
        case .failedNoretry:
            return Message(en: "__GFP_NORETRY: after one light round of reclaim the allocator gives up without invoking the OOM killer.",
                           ko: "__GFP_NORETRY: 가벼운 회수를 한 번 해 본 뒤 할당자는 OOM killer를 부르지 않고 포기합니다.")
        case .failedCostly:
            return Message(en: "Orders above 3 are 'costly': without __GFP_RETRY_MAYFAIL the allocator does not retry reclaim or call the OOM killer for them.",
                           ko: "order가 3보다 크면 '비싼' 요청입니다: __GFP_RETRY_MAYFAIL이 없으면 할당자는 회수를 다시 시도하지도, OOM killer를 부르지도 않습니다.")
        case .failedRetryMayfail(let retries):
            return Message(en: "__GFP_RETRY_MAYFAIL: reclaim was retried \(retries) times and made no further progress; such requests fail instead of invoking the OOM killer.",
                           ko: "__GFP_RETRY_MAYFAIL: 회수를 \(retries)번 다시 했지만 더 나아지지 않았습니다. 이런 요청은 OOM killer를 부르지 않고 실패합니다.")
        case .failedOOM(let verdict, let reclaimed):
            let v: Message = switch verdict {
            case .costly: Message(en: "The OOM killer does not help orders above 3.", ko: "OOM killer는 order가 3보다 큰 요청을 돕지 않습니다.")
            case .lowZone: Message(en: "The OOM killer is not used for requests limited to zones below NORMAL (lowmem).",
                                   ko: "NORMAL보다 낮은 존(lowmem)으로 제한된 요청에는 OOM killer를 쓰지 않습니다.")
            case .noFS: Message(en: "Without __GFP_FS the OOM killer is not invoked; a real kernel would report progress and keep looping here (order ≤ 3 requests \"never fail\"). kmemsim stops the loop and returns NULL.",
                                ko: "__GFP_FS가 없으면 OOM killer를 부르지 않습니다. 실제 커널은 진전이 있다고 보고 여기서 계속 돌 것입니다(order ≤ 3 요청은 \"실패하지 않음\"). kmemsim은 반복을 멈추고 NULL을 돌려줍니다.")
            case .wouldKill: Message(en: "A real kernel would now run the OOM killer, kill the task with the largest memory footprint and retry; order ≤ 3 GFP_KERNEL requests are \"too small to fail\". kmemsim has no user processes to kill, so the allocation fails.",
                                     ko: "실제 커널이라면 이제 OOM killer를 돌려 메모리를 가장 많이 쓰는 태스크를 죽이고 다시 시도할 것입니다. order ≤ 3인 GFP_KERNEL 요청은 \"실패하기엔 너무 작은\" 요청입니다. kmemsim에는 죽일 사용자 프로세스가 없으므로 할당이 실패합니다.")
            }
            return reclaimed > 0
                ? Message(en: v.en + " (Reclaim freed \(Format.pages(reclaimed)), not enough.)", ko: v.ko + " (회수로 페이지 \(reclaimed)개를 비웠지만 모자랍니다.)")
                : Message(en: v.en + " (Reclaim found nothing to free.)", ko: v.ko + " (회수할 것을 찾지 못했습니다.)")
        case .nofailWithoutReclaim:
            return Message(en: "__GFP_NOFAIL without __GFP_DIRECT_RECLAIM cannot be honoured: the allocator may not sleep to wait for memory.",
                           ko: "__GFP_DIRECT_RECLAIM 없는 __GFP_NOFAIL은 지킬 수 없습니다: 할당자가 잠들어 메모리를 기다릴 수 없기 때문입니다.")
        case .nofailCostly:
            return Message(en: "WARN_ON_ONCE_GFP(costly_order): __GFP_NOFAIL should not be used for orders above 3.",
                           ko: "WARN_ON_ONCE_GFP(costly_order): order가 3보다 큰 요청에는 __GFP_NOFAIL을 쓰면 안 됩니다.")
        case .nofailAboveOrder1(let order):
            return Message(en: "__GFP_NOFAIL promises the caller never sees NULL, so the allocator would retry forever; for an order-\(order) block (\(Format.pages(1 << order)) in a row) that can mean waiting for memory that fragmentation never gives back. 6.6 warns once, whether or not the allocation succeeds. Use __GFP_NOFAIL only for order 0 or 1, or handle the failure.",
                           ko: "__GFP_NOFAIL은 호출자가 NULL을 받지 않는다고 약속하므로, 할당자는 끝없이 다시 시도합니다. order-\(order) 블록(연속된 \(1 << order)페이지)이라면 단편화 때문에 끝내 생기지 않을 메모리를 기다릴 수도 있습니다. 6.6은 할당이 성공하든 실패하든 한 번 경고합니다. __GFP_NOFAIL은 order 0이나 1에만 쓰거나, 실패를 처리하세요.")
        case .nofailWouldLoop:
            return Message(en: "__GFP_NOFAIL: a real kernel never returns NULL here — it would loop in the allocator until memory appears (a hang on this machine). kmemsim returns NULL instead; nothing changed.",
                           ko: "__GFP_NOFAIL: 실제 커널은 여기서 절대 NULL을 돌려주지 않습니다. 메모리가 생길 때까지 할당자 안에서 돕니다(이 머신에서는 멈춤). kmemsim은 대신 NULL을 돌려줍니다. 아무것도 바뀌지 않았습니다.")
        case .preemptNestedTooDeep(let depth):
            return Message(en: "preempt_disable nested \(depth) deep: the 8-bit PREEMPT field would overflow into the softirq bits. Nothing changed.",
                           ko: "preempt_disable이 \(depth)단계 중첩되었습니다: 8비트 PREEMPT 필드가 넘쳐 softirq 비트를 침범할 것입니다. 아무것도 바뀌지 않았습니다.")
        case .preemptUnderflow(let caller, let count, let by):
            return Message(en: "\(caller) without a matching disable: preempt_count is \(hex8(count)) and cannot drop by \(by). CONFIG_DEBUG_PREEMPT catches it and leaves the count alone; without it the count would go negative and preemption would stay broken.",
                           ko: "짝이 되는 disable 없는 \(caller): preempt_count 값(\(hex8(count)))에서 \(by)만큼 줄일 수 없습니다. CONFIG_DEBUG_PREEMPT가 이를 잡고 값을 그대로 둡니다. 이 옵션이 없으면 값이 음수가 되어 선점이 계속 망가진 채로 남습니다.")
        case .preemptAlreadyZero(let caller, let count):
            return Message(en: "\(caller) without a matching disable: the PREEMPT field of preempt_count (\(hex8(count))) is already 0. Nothing changed.",
                           ko: "짝이 되는 disable 없는 \(caller): preempt_count(\(hex8(count)))의 PREEMPT 필드가 이미 0입니다. 아무것도 바뀌지 않았습니다.")
        case .softirqCountUnbalanced(let caller, let softirq, let count):
            return Message(en: "\(caller) drops the softirq-disable count, but it is \(softirq) here (preempt_count \(hex8(count))): bottom halves were not disabled by the matching lock or local_bh_disable. Nothing changed.",
                           ko: "\(caller): softirq-disable 카운트를 줄이려 하지만 지금 값은 \(softirq)입니다(preempt_count \(hex8(count))). 짝이 되는 락이나 local_bh_disable이 bottom half를 끈 적이 없습니다. 아무것도 바뀌지 않았습니다.")
        case .preemptFieldBorrow(let caller, let field, let count):
            return Message(en: "\(caller) lowers the \(field) field of preempt_count (\(hex8(count))) by more than it holds: the subtraction would borrow from the field above and scramble the count. The real kernel does not check this for combined values; kmemsim left the count alone.",
                           ko: "\(caller) 호출이 preempt_count(\(hex8(count)))의 \(field) 필드를 그 값보다 많이 줄이려 합니다. 이대로 빼면 위 필드에서 빌려 와 카운트가 엉망이 됩니다. 실제 커널은 이런 합친 값을 검사하지 않습니다. kmemsim은 카운트를 그대로 두었습니다.")
        case .gfpMovableAndReclaimable:
            return Message(en: "__GFP_MOVABLE and __GFP_RECLAIMABLE together: a page is either movable or reclaimable, never both. gfp_migratetype() warns (VM_WARN_ON, CONFIG_DEBUG_VM) and returns 3, MIGRATE_HIGHATOMIC, which is not a per-CPU list type: the real kernel would put the page on the list of another order and corrupt the pcp lists. kmemsim allocates it as MIGRATE_UNMOVABLE instead. Pick one of the two flags (or use GFP_KERNEL_ACCOUNT, GFP_HIGHUSER_MOVABLE).",
                           ko: "__GFP_MOVABLE과 __GFP_RECLAIMABLE을 함께 썼습니다. 페이지는 이동 가능하거나 회수 가능하거나 둘 중 하나이지, 둘 다일 수는 없습니다. gfp_migratetype()은 경고를 내고(VM_WARN_ON, CONFIG_DEBUG_VM) 3, 즉 MIGRATE_HIGHATOMIC을 돌려주는데, 이것은 per-CPU 리스트의 타입이 아닙니다. 실제 커널이라면 페이지를 다른 order의 리스트에 넣어 pcp 리스트를 망가뜨립니다. kmemsim은 대신 MIGRATE_UNMOVABLE로 할당합니다. 두 플래그 중 하나만 고르세요(또는 GFP_KERNEL_ACCOUNT, GFP_HIGHUSER_MOVABLE).")
        case .warnAllocRatelimited(let inner):
            let m = inner.map(note) ?? Message(en: "", ko: "")
            return Message(en: "The allocation failed, but warn_alloc() printed nothing: it reports at most 10 failures every 5 seconds (nopage_rs, DEFAULT_RATELIMIT_BURST), and the kernel says 'warn_alloc: N callbacks suppressed' when the next window opens." + (m.en.isEmpty ? "" : " " + m.en),
                           ko: "할당은 실패했지만 warn_alloc()은 아무것도 출력하지 않았습니다. 5초마다 최대 10번만 보고하기 때문입니다(nopage_rs, DEFAULT_RATELIMIT_BURST). 다음 구간이 열리면 커널은 'warn_alloc: N callbacks suppressed'라고 알립니다." + (m.ko.isEmpty ? "" : " " + m.ko))
        case .debugLocksOff(let inner):
            let m = note(inner)
            return Message(en: m.en + " (The kernel is silent now: the first DEBUG_LOCKS_WARN_ON turned debug_locks off.)",
                           ko: m.ko + " (이제 커널은 조용합니다: 첫 DEBUG_LOCKS_WARN_ON이 debug_locks를 껐습니다.)")
        case .irqsEnabledInHardirq:
            return Message(en: "Interrupts enabled inside a hard interrupt handler: another interrupt can now nest on this IRQ stack. Handlers run with interrupts off; leave them off.",
                           ko: "하드 인터럽트 핸들러 안에서 인터럽트를 켰습니다: 이제 이 IRQ 스택 위에 다른 인터럽트가 중첩될 수 있습니다. 핸들러는 인터럽트를 끈 채로 실행됩니다. 끈 채로 두세요.")
        case .bhNestedTooDeep(let depth):
            return Message(en: "local_bh_disable nested \(depth) deep: one more would carry into the HARDIRQ bits of preempt_count. Nothing changed.",
                           ko: "local_bh_disable이 \(depth)단계 중첩되었습니다: 한 번 더 하면 preempt_count의 HARDIRQ 비트로 넘어갑니다. 아무것도 바뀌지 않았습니다.")
        case .bhEnableInHardirq:
            return Message(en: "local_bh_enable() in a hard interrupt handler: it could run softirqs here, inside the handler.",
                           ko: "하드 인터럽트 핸들러 안의 local_bh_enable(): 여기서, 핸들러 안에서 softirq를 실행할 수도 있습니다.")
        case .bhEnableWithoutDisable:
            return Message(en: "local_bh_enable without local_bh_disable: the softirq-disable count is 0. Nothing changed.",
                           ko: "local_bh_disable 없는 local_bh_enable: softirq-disable 카운트가 0입니다. 아무것도 바뀌지 않았습니다.")
        case .nmiNestedTooDeep:
            return Message(en: "NMIs nested 15 deep fill preempt_count's NMI field. The machine would have died; kmemsim leaves the state as it was.",
                           ko: "NMI가 15단계 중첩되어 preempt_count의 NMI 필드가 가득 찼습니다. 실제 머신이라면 죽었을 것입니다. kmemsim은 상태를 그대로 둡니다.")
        case .scheduleInInterrupt:
            return Message(en: "schedule() from interrupt context: there is no task to put to sleep here. A real kernel would most likely hang or crash; kmemsim leaves the state as it was.",
                           ko: "인터럽트 문맥에서 schedule(): 여기에는 재울 태스크가 없습니다. 실제 커널은 십중팔구 멈추거나 죽습니다. kmemsim은 상태를 그대로 둡니다.")
        case .scheduleWhileAtomic(let count):
            return Message(en: "schedule() with preemption disabled (preempt_count \(hex8(count))). After the report the kernel resets preempt_count (schedule_debug: preempt_count_set(PREEMPT_DISABLED)) and switches tasks anyway, so the matching preempt_enable/put_cpu/spin_unlock later will underflow.",
                           ko: "선점이 꺼진 채 schedule()을 불렀습니다(preempt_count \(hex8(count))). 보고 뒤 커널은 preempt_count를 되돌리고(schedule_debug: preempt_count_set(PREEMPT_DISABLED)) 어쨌든 태스크를 바꿉니다. 그래서 나중에 짝이 되는 preempt_enable/put_cpu/spin_unlock이 값을 0 아래로 떨어뜨립니다.")
        case .scheduleWithIRQsOff:
            return Message(en: "schedule() with interrupts disabled is not caught by a check, but the task comes back with interrupts enabled (the runqueue unlock turns them on).",
                           ko: "인터럽트를 끈 채 부른 schedule()은 검사에 걸리지 않지만, 태스크는 인터럽트가 켜진 채로 돌아옵니다(runqueue unlock이 켭니다).")
        case .preemptibleCPUAccess(let what):
            // __this_cpu_inc/dec are macros over __this_cpu_add, which is the name the kernel's check prints.
            let alias = what == "__this_cpu_add()"
            return Message(en: "\(what) in preemptible code: the task may be moved to another CPU right after, so the answer (or the per-CPU copy it picks) may already be wrong. Use get_cpu()/put_cpu() (or this_cpu_* ops) around it."
                               + (alias ? " (__this_cpu_inc and __this_cpu_dec are __this_cpu_add(var, ±1), so the report says add.)" : ""),
                           ko: "선점 가능한 코드의 \(what): 태스크가 바로 다음 순간 다른 CPU로 옮겨질 수 있어서, 답(또는 고른 CPU별 사본)이 이미 틀렸을 수 있습니다. get_cpu()/put_cpu()(또는 this_cpu_* 연산)로 감싸세요."
                               + (alias ? " (__this_cpu_inc와 __this_cpu_dec는 __this_cpu_add(var, ±1)이므로 보고에는 add로 나옵니다.)" : ""))
        case .sleepingCallInAtomic(let caller, let why, let call):
            let en: String, ko: String
            switch why {
            case .interrupt: (en, ko) = ("in interrupt context", "인터럽트 문맥에서")
            case .irqsDisabled: (en, ko) = ("interrupts are disabled", "인터럽트가 꺼진 상태에서")
            case .preemptDisabled: (en, ko) = ("preemption is disabled", "선점이 꺼진 상태에서")
            }
            switch call {
            case .vmalloc:
                return Message(en: "vmalloc() was called while \(en). vmalloc takes no gfp mask: it allocates its vm_struct, page tables and pages with GFP_KERNEL and may sleep, so it cannot be used in atomic context at all (GFP_NOWAIT is not supported). Allocate before the atomic section, or use kmalloc(size, GFP_ATOMIC) for a small buffer.",
                               ko: "\(ko) vmalloc()을 불렀습니다. vmalloc은 gfp 마스크를 받지 않습니다. vm_struct, 페이지 테이블, 페이지를 모두 GFP_KERNEL로 할당하고 잠들 수 있으므로 원자적 문맥에서는 아예 쓸 수 없습니다(GFP_NOWAIT도 지원하지 않습니다). 원자적 구간에 들어가기 전에 할당하거나, 작은 버퍼라면 kmalloc(size, GFP_ATOMIC)을 쓰세요.")
            case .sleepingLock(let lock):
                return Message(en: "\(caller)() takes \(lock), which may sleep, while \(en). It has no gfp mask to change: create and destroy caches in process context (module init and exit), outside any spinlock or preempt_disable() section.",
                               ko: "\(ko) \(caller)()가 잠들 수 있는 \(lock) 잠금을 잡습니다. 바꿀 gfp 마스크가 없으니, 캐시는 스핀락이나 preempt_disable() 구간 밖의 프로세스 문맥(모듈 init과 exit)에서 만들고 없애세요.")
            case .kmap(let name):
                return Message(en: "\(name)() may sleep (kmap() waits for a free pkmap entry when all are in use, and both take kmap_lock), and here \(en). In atomic context map the page with kmap_local_page() (or the older kmap_atomic()), which never sleeps.",
                               ko: "\(name)()는 잠들 수 있는데(kmap()은 pkmap 항목이 모두 쓰이고 있으면 빈 항목을 기다리고, 둘 다 kmap_lock을 잡습니다), 지금은 \(ko) 불렀습니다. 원자적 문맥에서는 잠들지 않는 kmap_local_page()(또는 예전의 kmap_atomic())로 페이지를 매핑하세요.")
            case .vfree:
                return Message(en: "vfree() may sleep when it is not called from interrupt context (it unmaps the area and frees its pages), and here \(en). Call it after the atomic section ends, or use vfree_atomic(), which defers the free to a work item.",
                               ko: "vfree()는 인터럽트 문맥이 아닐 때 잠들 수 있는데(영역의 매핑을 풀고 페이지를 해제합니다), 지금은 \(ko) 불렀습니다. 원자적 구간이 끝난 뒤에 부르거나, 해제를 작업 항목으로 미루는 vfree_atomic()을 쓰세요.")
            }
        case .sleepInAtomic(let caller, let why):
            let en: String, ko: String
            switch why {
            case .interrupt: (en, ko) = ("in interrupt context", "인터럽트 문맥에서")
            case .irqsDisabled: (en, ko) = ("interrupts are disabled", "인터럽트가 꺼진 상태에서")
            case .preemptDisabled: (en, ko) = ("preemption is disabled", "선점이 꺼진 상태에서")
            }
            return Message(en: "\(caller) was called with a mask that may sleep (__GFP_DIRECT_RECLAIM) while \(en). Use GFP_ATOMIC (or GFP_NOWAIT with a fallback) here, or move the allocation out of the atomic section.",
                           ko: "\(ko) 잠들 수 있는 마스크(__GFP_DIRECT_RECLAIM)로 \(caller) 함수를 불렀습니다. 여기서는 GFP_ATOMIC(또는 대안을 갖춘 GFP_NOWAIT)을 쓰거나, 할당을 원자적 구간 밖으로 옮기세요.")
        case .spinlockSelfDeadlock(let lock, let variant):
            return Message(en: "\(lock) is already held by this task: the second \(variant.rawValue) would spin forever waiting for itself (a self-deadlock). kmemsim did not take it again.",
                           ko: "\(lock): 이 태스크가 이미 잡고 있습니다. 두 번째 \(variant.rawValue) 호출은 자기 자신을 기다리며 영원히 돕니다(자기 교착). kmemsim은 다시 잡지 않았습니다.")
        case .spinlockHeldElsewhere(let lock, let cpu):
            return Message(en: "\(lock) is held on CPU \(cpu): this CPU would spin until that CPU unlocks it. kmemsim did not take it.",
                           ko: "\(lock): CPU \(cpu)에서 잡고 있습니다. 이 CPU는 그 CPU가 풀 때까지 돌며 기다릴 것입니다. kmemsim은 잡지 않았습니다.")
        case .spinlockNotHeld(let lock):
            return Message(en: "\(lock) is not held: unlocking it again would let two CPUs into the critical section. Nothing changed.",
                           ko: "\(lock): 잡혀 있지 않습니다. 다시 풀면 두 CPU가 임계 구역에 들어갈 수 있게 됩니다. 아무것도 바뀌지 않았습니다.")
        case .spinlockOtherCPU(let lock, let cpu):
            return Message(en: "\(lock) was locked on CPU \(cpu), not here. Nothing changed.",
                           ko: "\(lock): 여기가 아니라 CPU \(cpu)에서 잡은 락입니다. 아무것도 바뀌지 않았습니다.")
        case .spinlockVariantMismatch(let lock, let locked, let unlocked):
            return Message(en: "\(lock) was locked with the \(locked) variant and unlocked with the \(unlocked) one: the unlock undoes what it did not do (interrupts or bottom halves end up in the wrong state). The kernel does not check this pairing.",
                           ko: "\(lock): \(locked) 방식으로 잡고 \(unlocked) 방식으로 풀었습니다. unlock이 lock이 하지 않은 일을 되돌립니다(인터럽트나 bottom half가 엉뚱한 상태가 됩니다). 커널은 이 짝을 검사하지 않습니다.")
        case .vmallocInInterrupt:
            return Message(en: "vmalloc() in interrupt context: BUG_ON(in_interrupt()) fires before any allocation. On a real machine this oops in an interrupt handler ends in \"Kernel panic - not syncing: Fatal exception in interrupt\" — the machine would have died. kmemsim leaves the state as it was. vmalloc may sleep (it allocates page tables and pages with GFP_KERNEL); in an interrupt handler use kmalloc(GFP_ATOMIC) or preallocate.",
                           ko: "인터럽트 문맥의 vmalloc(): 할당하기도 전에 BUG_ON(in_interrupt())가 터집니다. 실제 머신에서는 인터럽트 핸들러 안의 이 oops가 \"Kernel panic - not syncing: Fatal exception in interrupt\"로 끝납니다. 머신이 죽었을 것입니다. kmemsim은 상태를 그대로 둡니다. vmalloc은 잠들 수 있습니다(GFP_KERNEL로 페이지 테이블과 페이지를 할당합니다). 인터럽트 핸들러에서는 kmalloc(GFP_ATOMIC)을 쓰거나 미리 할당해 두세요.")
        case .vmallocZero:
            return Message(en: "vmalloc(0): WARN_ON_ONCE(!size), then NULL.", ko: "vmalloc(0): WARN_ON_ONCE(!size) 뒤에 NULL.")
        case .vmallocLargerThanRAM:
            return Message(en: "The size is larger than all of RAM. Nothing was allocated.", ko: "크기가 RAM 전체보다 큽니다. 아무것도 할당하지 않았습니다.")
        case .vmallocMorePagesThanRAM(let pages, let managed):
            return Message(en: "\(Format.pages(pages)) asked for, but the machine manages only \(managed). Nothing was allocated.",
                           ko: "페이지 \(pages)개를 요청했지만 이 머신이 관리하는 페이지는 \(managed)개뿐입니다. 아무것도 할당하지 않았습니다.")
        case .vmallocNoGap(let bytes, let start, let end):
            return Message(en: "No gap of \(bytes) bytes is left in the vmalloc range [\(Format.hex(start))-\(Format.hex(end))). Nothing was allocated.",
                           ko: "vmalloc 범위 [\(Format.hex(start))-\(Format.hex(end)))에 \(bytes)바이트짜리 빈틈이 남아 있지 않습니다. 아무것도 할당하지 않았습니다.")
        case .vmallocPartialPages(let got, let wanted):
            return Message(en: "Only \(got) of \(wanted) pages could be allocated (the size printed is what was obtained, area->nr_pages × PAGE_SIZE). All \(got) were given back and the range released: nothing is left behind.",
                           ko: "페이지 \(wanted)개 중 \(got)개만 할당할 수 있었습니다(출력된 크기는 얻은 양, area->nr_pages × PAGE_SIZE입니다). \(got)개를 모두 돌려주고 범위도 풀었습니다. 남은 것은 없습니다.")
        case .vfreeInNMI:
            return Message(en: "vfree() in NMI context: BUG_ON(in_nmi()). An NMI may interrupt anything, even the code that queues deferred frees, so nothing may be freed there. The machine would have died; kmemsim leaves the state as it was.",
                           ko: "NMI 문맥의 vfree(): BUG_ON(in_nmi()). NMI는 미룬 해제를 큐에 넣는 코드까지 포함해 무엇이든 끊을 수 있으므로, 거기서는 아무것도 해제하면 안 됩니다. 머신이 죽었을 것입니다. kmemsim은 상태를 그대로 둡니다.")
        case .vfreeNotAligned(let addr, let start):
            return Message(en: "\(Format.hex(addr)) is not page-aligned: vfree() wants the address vmalloc() returned" + (start.map { " (the area starts at \(Format.hex($0)))" } ?? "") + ". Nothing changed.",
                           ko: "\(Format.hex(addr)): 페이지 경계에 맞지 않습니다. vfree()에는 vmalloc()이 돌려준 주소를 넘겨야 합니다" + (start.map { " (영역은 \(Format.hex($0))에서 시작합니다)" } ?? "") + ". 아무것도 바뀌지 않았습니다.")
        case .vfreeInsideArea(let addr, let start):
            return Message(en: "\(Format.hex(addr)) is inside the area at \(Format.hex(start)), not its start. Nothing changed.",
                           ko: "\(Format.hex(addr)): \(Format.hex(start))에서 시작하는 영역의 안쪽이지, 시작 주소가 아닙니다. 아무것도 바뀌지 않았습니다.")
        case .vfreeNotVmallocArea(let addr, let purpose):
            let p = purposeName(purpose)
            return Message(en: "the area at \(Format.hex(addr)) is not a vmalloc() area (\(p.en)); it is not yours to vfree. Nothing changed.",
                           ko: "\(Format.hex(addr))의 영역은 vmalloc() 영역이 아닙니다(\(p.ko)). 여러분이 vfree할 영역이 아닙니다. 아무것도 바뀌지 않았습니다.")
        case .vfreeNoArea(let addr):
            return Message(en: "no vmalloc area at \(Format.hex(addr)): already freed, or never allocated (a double vfree?). Nothing changed.",
                           ko: "\(Format.hex(addr))에는 vmalloc 영역이 없습니다: 이미 해제했거나 할당한 적이 없습니다(이중 vfree?). 아무것도 바뀌지 않았습니다.")
        case .vfreeOutsideRange(let addr, let directMap):
            return directMap
                ? Message(en: "\(Format.hex(addr)) is not in the vmalloc range; it is a direct-map address: kfree()/free_pages() it instead. Nothing changed.",
                          ko: "\(Format.hex(addr)): vmalloc 범위 밖입니다. 직접 매핑 주소이니 대신 kfree()/free_pages()로 해제하세요. 아무것도 바뀌지 않았습니다.")
                : Message(en: "\(Format.hex(addr)) is not in the vmalloc range. Nothing changed.",
                          ko: "\(Format.hex(addr)): vmalloc 범위 밖입니다. 아무것도 바뀌지 않았습니다.")
        case .percpuBadSize(let max):
            return Message(en: "Per-CPU allocations are 1 byte to \(max) bytes (PCPU_MIN_UNIT_SIZE), aligned to a power of two up to PAGE_SIZE.",
                           ko: "CPU별 할당은 1바이트에서 \(max)바이트(PCPU_MIN_UNIT_SIZE)까지이고, 정렬은 PAGE_SIZE 이하의 2의 거듭제곱입니다.")
        case .percpuReservedFull(let kib):
            return Message(en: "The \(kib) KiB reserved area for modules' static per-CPU variables is full.",
                           ko: "모듈의 정적 CPU별 변수를 위한 \(kib) KiB 예약 영역이 가득 찼습니다.")
        case .percpuNoChunk:
            return Message(en: "Every chunk is full and no vmalloc space is left for another.",
                           ko: "모든 청크가 가득 찼고 새 청크를 만들 vmalloc 공간도 남지 않았습니다.")
        case .percpuCannotPopulate:
            return Message(en: "No free page to back the new per-CPU area on every CPU; the pages taken were given back.",
                           ko: "모든 CPU에서 새 CPU별 영역을 뒷받침할 빈 페이지가 없습니다. 가져온 페이지는 돌려줬습니다.")
        case .freePercpuNotLive(let addr):
            return Message(en: "\(Format.hex(addr)) is not the start of a live alloc_percpu() area. The kernel would clear bits that were never set (or belong to someone else) in the chunk's bitmap without noticing. Nothing changed.",
                           ko: "\(Format.hex(addr)): 살아 있는 alloc_percpu() 영역의 시작이 아닙니다. 커널은 모른 채 청크 비트맵에서 켜진 적 없는(또는 남의) 비트를 지울 것입니다. 아무것도 바뀌지 않았습니다.")
        case .kvmallocAboveIntMax:
            return Message(en: "kvmalloc() refuses sizes above INT_MAX: WARN_ON_ONCE and NULL.", ko: "kvmalloc()은 INT_MAX보다 큰 크기를 거부합니다: WARN_ON_ONCE 뒤에 NULL.")
        case .kfreeNotDirectMap(let addr, let vmalloc):
            let a = Format.hex(addr)
            return vmalloc
                ? Message(en: "\(a) is a vmalloc address: free it with vfree() (or kvfree()). virt_to_folio() computes a bogus struct page for it and the kernel oopses (with CONFIG_DEBUG_VIRTUAL it warns first). Nothing changed.",
                          ko: "\(a): vmalloc 주소입니다. vfree()(또는 kvfree())로 해제하세요. virt_to_folio()가 엉터리 struct page를 계산해 커널이 oops를 냅니다(CONFIG_DEBUG_VIRTUAL이면 먼저 경고합니다). 아무것도 바뀌지 않았습니다.")
                : Message(en: "\(a) is not a direct-map address. virt_to_folio() computes a bogus struct page for it and the kernel oopses (with CONFIG_DEBUG_VIRTUAL it warns first). Nothing changed.",
                          ko: "\(a): 직접 매핑 주소가 아닙니다. virt_to_folio()가 엉터리 struct page를 계산해 커널이 oops를 냅니다(CONFIG_DEBUG_VIRTUAL이면 먼저 경고합니다). 아무것도 바뀌지 않았습니다.")
        case .kfreeInsideLargeBlock(let addr, let head):
            return Message(en: "\(Format.hex(addr)) points into a large kmalloc block that starts at \(Format.hex(head)); kfree() finds the head page and frees the whole block anyway, as the kernel does.",
                           ko: "\(Format.hex(addr)): \(Format.hex(head))에서 시작하는 큰 kmalloc 블록의 안쪽을 가리킵니다. 커널과 마찬가지로 kfree()는 머리 페이지를 찾아 어쨌든 블록 전체를 해제합니다.")
        case .kfreeNotKmalloc(let addr, let owner):
            let a = Format.hex(addr)
            if let owner {
                let o = ownerName(owner)
                return Message(en: "\(a) is held by \(o.en), not a kmalloc allocation. kmemsim refused the free; nothing changed.",
                               ko: "\(a): kmalloc 할당이 아니라 \(o.ko)의 것입니다. kmemsim이 해제를 거부했습니다. 아무것도 바뀌지 않았습니다.")
            }
            return Message(en: "\(a) is not allocated memory, not a kmalloc allocation. kmemsim refused the free; nothing changed.",
                           ko: "\(a): 할당된 메모리가 아니고 kmalloc 할당도 아닙니다. kmemsim이 해제를 거부했습니다. 아무것도 바뀌지 않았습니다.")
        case .cacheSizeOutOfRange(let size, let min, let max):
            return Message(en: "size \(size) is outside \(min)…\(max) (sizeof(void *) … KMALLOC_MAX_SIZE): kmem_cache_create() returns NULL with -EINVAL.",
                           ko: "크기 \(size): \(min)…\(max)(sizeof(void *) … KMALLOC_MAX_SIZE) 범위 밖입니다. kmem_cache_create()는 -EINVAL과 함께 NULL을 돌려줍니다.")
        case .cacheNoOrderFits(let size):
            return Message(en: "no slab order up to MAX_ORDER holds an object of \(size) bytes.",
                           ko: "MAX_ORDER까지의 어떤 slab order에도 \(size)바이트 객체가 들어가지 않습니다.")
        case .slabPanic:
            return Message(en: "SLAB_PANIC turns a failed kmem_cache_create() into a panic; a real machine stops here.",
                           ko: "SLAB_PANIC은 실패한 kmem_cache_create()를 panic으로 바꿉니다. 실제 머신은 여기서 멈춥니다.")
        case .cacheStillInUse(let cache, let live):
            return Message(en: "\(live) object(s) of \(cache) are still allocated: the kernel warns and keeps the cache (its slabs leak). Free them first.",
                           ko: "\(cache) 캐시의 객체 \(live)개가 아직 할당되어 있습니다: 커널은 경고하고 캐시를 남깁니다(그 slab은 샙니다). 먼저 해제하세요.")
        case .kmallocZoneBitsDropped:
            return Message(en: "slab pages and kmalloc come from the direct map: there are no DMA32 or HIGHMEM kmalloc caches, so the kernel drops those bits (use __GFP_DMA / dma-kmalloc, or the page allocator).",
                           ko: "slab 페이지와 kmalloc은 직접 매핑에서 나옵니다: DMA32나 HIGHMEM용 kmalloc 캐시가 없으므로 커널은 그 비트를 버립니다(__GFP_DMA / dma-kmalloc이나 페이지 할당자를 쓰세요).")
        case .ctorWithZero:
            return Message(en: "WARN_ON_ONCE(s->ctor && (flags & __GFP_ZERO)): the constructor already initialised the objects; zeroing would undo it.",
                           ko: "WARN_ON_ONCE(s->ctor && (flags & __GFP_ZERO)): 생성자가 이미 객체를 초기화했습니다. 0으로 채우면 그것을 되돌립니다.")
        case .freeNotInSlab(let addr, let api):
            return Message(en: "\(Format.hex(addr)) is not inside any slab: \(api) finds no cache for it and returns without freeing anything.",
                           ko: "\(Format.hex(addr)): 어느 slab 안에도 없습니다. \(api) 함수는 이 주소의 캐시를 찾지 못하고 아무것도 해제하지 않은 채 돌아갑니다.")
        case .freedIntoRealCache(let cache):
            return Message(en: "The object belongs to \(cache). cache_from_obj() warns and frees it into its real cache, as the kernel does.",
                           ko: "이 객체는 \(cache) 캐시의 것입니다. 커널과 마찬가지로 cache_from_obj()가 경고하고 객체를 원래 캐시에 해제합니다.")
        case .invalidObjectPointer(let addr, let object, let offset, let cache, let size, let check):
            let a = Format.hex(addr)
            let what: Message = object.map {
                Message(en: "\(a) is \(offset) bytes into object \($0) of \(cache) (objects are \(size) bytes apart), not the pointer the allocation returned",
                        ko: "\(a): \(cache) 캐시의 \($0)번 객체 안으로 \(offset)바이트 들어간 주소입니다(객체 간격 \(size)바이트). 할당이 돌려준 포인터가 아닙니다")
            } ?? Message(en: "\(a) is in a slab of \(cache) but outside every object (colour, freelist or leftover bytes)",
                         ko: "\(a): \(cache) 캐시의 slab 안이지만 어느 객체에도 속하지 않습니다(colour, freelist, 남는 바이트)")
            switch check {
            case .slubConsistency:
                return Message(en: what.en + ". SLUB's consistency checks (F) refuse the free.", ko: what.ko + ". SLUB의 일관성 검사(F)가 해제를 거부합니다.")
            case .slabDebug:
                return Message(en: what.en + ": BUG_ON(objp != index_to_obj(cachep, slab, objnr)).", ko: what.ko + ": BUG_ON(objp != index_to_obj(cachep, slab, objnr)).")
            case .unchecked:
                return Message(en: what.en + ". A kernel without slab debugging would not check: the bad pointer would go on the freelist and a later allocation would overlap two objects. kmemsim refused; nothing changed.",
                               ko: what.ko + ". slab 디버깅이 없는 커널은 검사하지 않습니다: 잘못된 포인터가 freelist에 들어가고, 나중의 할당이 두 객체를 겹치게 합니다. kmemsim이 거부했습니다. 아무것도 바뀌지 않았습니다.")
            }
        case .doubleFreeObject(let index, let cache, let cached, let check):
            let whereEn = cached ? "it sits free in a per-CPU array cache" : "it is on its slab's freelist"
            let whereKo = cached ? "CPU별 array cache에 빈 채로 있습니다" : "slab의 freelist에 있습니다"
            switch check {
            case .slubOnFreelist:
                return Message(en: "object \(index) of \(cache) was already free (\(whereEn)). on_freelist() found it and the free was refused; nothing changed.",
                               ko: "\(cache) 캐시의 \(index)번 객체는 이미 비어 있었습니다(\(whereKo)). on_freelist()가 찾아내 해제가 거부되었습니다. 아무것도 바뀌지 않았습니다.")
            case .slubFreelistHead:
                return Message(en: "CONFIG_SLAB_FREELIST_HARDENED: BUG_ON(object == fp) — the object is the head of its freelist, so freeing it again would point it at itself. Only an immediate double free is caught this way. Nothing changed.",
                               ko: "CONFIG_SLAB_FREELIST_HARDENED: BUG_ON(object == fp) — 객체가 freelist의 머리라서, 다시 해제하면 자기 자신을 가리키게 됩니다. 이 방법으로는 곧바로 이어진 이중 해제만 잡힙니다. 아무것도 바뀌지 않았습니다.")
            case .slubUnchecked:
                return Message(en: "object \(index) of \(cache) is already free (\(whereEn)). SLUB without slub_debug=F does not notice a double free that is not immediate: the object would be on the freelist twice and later handed to two callers. Boot with --slab-debug F to see the kernel's report. kmemsim refused; nothing changed.",
                               ko: "\(cache) 캐시의 \(index)번 객체는 이미 비어 있습니다(\(whereKo)). slub_debug=F가 없는 SLUB은 곧바로 이어지지 않은 이중 해제를 알아채지 못합니다: 객체가 freelist에 두 번 들어가 나중에 두 호출자에게 나뉘어 갑니다. 커널의 보고를 보려면 --slab-debug F로 부팅하세요. kmemsim이 거부했습니다. 아무것도 바뀌지 않았습니다.")
            case .slabRedzone:
                return Message(en: "both red zones still read RED_INACTIVE, so the object was already free (\(whereEn)). The kernel only reports it; kmemsim refused the free so the state stays consistent.",
                               ko: "두 red zone이 아직 RED_INACTIVE이므로 객체는 이미 비어 있었습니다(\(whereKo)). 커널은 보고만 합니다. 상태가 일관되도록 kmemsim이 해제를 거부했습니다.")
            case .slabUnchecked:
                return Message(en: "object \(index) of \(cache) is already free (\(whereEn)). SLAB without CONFIG_DEBUG_SLAB does not check: the pointer would enter the array cache twice and be handed out twice. Boot with --slab-debug on to see the kernel's report. kmemsim refused; nothing changed.",
                               ko: "\(cache) 캐시의 \(index)번 객체는 이미 비어 있습니다(\(whereKo)). CONFIG_DEBUG_SLAB이 없는 SLAB은 검사하지 않습니다: 포인터가 array cache에 두 번 들어가 두 번 나눠집니다. 커널의 보고를 보려면 --slab-debug on으로 부팅하세요. kmemsim이 거부했습니다. 아무것도 바뀌지 않았습니다.")
            }
        case .slubWriteAfterFree:
            return Message(en: "the object was written after it was freed (or past its end). SLUB restored the bytes, gave up on this slab (all its objects are now counted as used and never handed out) and took another object.",
                           ko: "해제된 뒤에(또는 끝을 넘어) 객체에 쓰기가 있었습니다. SLUB은 바이트를 되돌리고 이 slab을 포기한 뒤(모든 객체를 사용 중으로 세어 다시는 내주지 않습니다) 다른 객체를 가져갔습니다.")
        case .slubOverflowOnFree:
            return Message(en: "bytes around the object were overwritten while it was allocated (a buffer overflow). SLUB restored them and refused the free: the object stays allocated.",
                           ko: "할당된 동안 객체 주변 바이트가 덮어써졌습니다(버퍼 오버플로). SLUB은 그 바이트를 되돌리고 해제를 거부했습니다: 객체는 할당된 채로 남습니다.")
        case .slabPoisonChanged:
            return Message(en: "the free object's poison (0x6b, last byte 0xa5) was changed while it was free: a write after free. SLAB reports it and still hands the object out.",
                           ko: "빈 객체의 poison(0x6b, 마지막 바이트 0xa5)이 비어 있는 동안 바뀌었습니다: 해제 후 쓰기입니다. SLAB은 보고하고도 객체를 그대로 내줍니다.")
        case .slabRedzoneOverwritten:
            return Message(en: "a red zone word next to the object no longer reads RED_ACTIVE: something wrote past the object's end (or before its start).",
                           ko: "객체 옆의 red zone 워드가 더 이상 RED_ACTIVE가 아닙니다: 무언가 객체 끝을 넘어(또는 시작 앞에) 썼습니다.")
        case .validateFoundDamage(let object, let pfn):
            return Message(en: "validate found object \(object) of the slab at pfn \(h(pfn)) damaged; the bytes were restored. validate_slab() stops at the first damaged object of each slab.",
                           ko: "validate가 pfn \(h(pfn))에 있는 slab의 \(object)번 객체가 망가진 것을 찾았습니다. 바이트는 되돌렸습니다. validate_slab()은 slab마다 처음 망가진 객체에서 멈춥니다.")
        case .slabValidatePoison:
            return Message(en: "kmemsim's validate for SLAB: a free object's poison was changed (SLAB itself would notice at the next allocation of this object).",
                           ko: "SLAB용 kmemsim validate: 빈 객체의 poison이 바뀌었습니다(SLAB 자신은 이 객체를 다음에 할당할 때 알아챕니다).")
        case .taskStackGuardPageHit, .taskStackEndCorrupted, .irqStackGuardPageHit, .irqStackOverwrote, .irqOverflowedTaskStack:
            return stackNote(n) ?? Message(verbatim: "")
        }
    }

    /// "%#010x", as the kernel prints preempt_count.
    static func hex8(_ v: UInt32) -> String { CPUCommands.hex8(v) }

    /// What a vmalloc area is for (the vmallocinfo caller column says it in the kernel's words).
    static func purposeName(_ p: VMAreaPurpose) -> Message {
        switch p {
        case .vmalloc: Message(en: "a vmalloc area", ko: "vmalloc 영역")
        case .taskStack(let pid?): Message(en: "the kernel stack of pid \(pid)", ko: "pid \(pid)의 커널 스택")
        case .taskStack(nil): Message(en: "a cached kernel stack", ko: "캐시된 커널 스택")
        case .irqStack(let c): Message(en: "the IRQ stack of CPU \(c)", ko: "CPU \(c)의 IRQ 스택")
        case .percpuChunk(let id): Message(en: "per-CPU chunk \(id)", ko: "CPU별 청크 \(id)")
        case .pagesArray: Message(en: "the page array (vm->pages) of a larger vmalloc area, freed with that area", ko: "더 큰 vmalloc 영역의 페이지 배열(vm->pages)로, 그 영역과 함께 해제됩니다")
        case .ioremap: Message(en: "an ioremap() of device memory", ko: "장치 메모리의 ioremap() 영역")
        }
    }

    /// What __free_pages() does, without CONFIG_DEBUG_VM, to a page whose refcount is already 0 (mm/page_alloc.c:4510):
    /// put_page_testzero() is false, and a non-head page's range past the first page is freed piece by piece.
    static let refcountZeroWithoutDebugVM = Message(
        en: "The report above is what a kernel built with CONFIG_DEBUG_VM prints; without it (a distribution kernel) nothing is checked here: put_page_testzero() takes the refcount from 0 to -1, so this page itself is not freed, but with an order above 0 __free_pages() goes on to free the rest of the range (its upper half, then the quarter below that, and so on) whatever those pages hold.",
        ko: "위의 보고는 CONFIG_DEBUG_VM으로 빌드한 커널이 출력하는 것입니다. 그 옵션이 없는 커널(배포판 커널)은 여기서 아무것도 검사하지 않습니다. put_page_testzero()가 refcount를 0에서 -1로 내리므로 이 페이지 자체는 해제되지 않지만, order가 0보다 크면 __free_pages()는 이어서 범위의 나머지(위쪽 절반, 그 아래 4분의 1, … 순서)를 그 페이지들이 무엇을 담고 있든 해제합니다.")

    /// The double free no check can see: the page was handed out again between the two frees.
    static let freedInBetween = Message(
        en: "Had the page been handed out again between the two frees, the second free would have taken it from its new owner, and neither kmemsim nor the kernel could tell.",
        ko: "두 해제 사이에 이 페이지가 다시 할당되었다면, 두 번째 해제는 새 주인에게서 페이지를 빼앗았을 것이고 kmemsim도 커널도 그것을 알아챌 수 없습니다.")

    /// Who holds a block, as a note names it.
    static func ownerName(_ o: FrameOwner) -> Message {
        switch o {
        case .none: Message(en: "nobody", ko: "아무도 아님")
        case .pageAlloc: Message(en: "a page-allocator caller", ko: "페이지 할당자 호출자")
        case .slab: Message(en: "the slab allocator", ko: "slab 할당자")
        case .vmalloc: Message(en: "a vmalloc area", ko: "vmalloc 영역")
        case .kernelStack: Message(en: "a task's kernel stack", ko: "태스크의 커널 스택")
        case .percpu: Message(en: "the per-CPU allocator", ko: "CPU별 할당자")
        case .kmallocLarge: Message(en: "a large kmalloc (use kfree)", ko: "큰 kmalloc 블록(kfree로 해제)")
        case .leaked: Message(en: "nobody (leaked by a wrong-order free)", ko: "아무도 아님(잘못된 order로 해제해서 샌 페이지)")
        case .pageTable: Message(en: "the kernel page tables (never freed)", ko: "커널 페이지 테이블(해제하지 않음)")
        }
    }
}

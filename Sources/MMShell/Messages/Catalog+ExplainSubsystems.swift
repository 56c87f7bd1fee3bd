import KernelMM

/// `explain on` narration of the slow path, slab, kmalloc, vmalloc, per-CPU and stack steps.
extension Message {
    static func slowpath(_ s: SlowpathStep) -> Message {
        switch s {
        case .entered(let reserve):
            let en = "fast path failed: entering the slow path (__alloc_pages_slowpath) with the min watermark"
            let ko = "빠른 경로가 실패했습니다: min 워터마크로 느린 경로(__alloc_pages_slowpath)에 들어갑니다"
            switch reserve {
            case .none: return Message(en: en, ko: ko)
            case .high: return Message(en: en + ", __GFP_HIGH: half of min", ko: ko + ". __GFP_HIGH: min의 절반")
            case .highNonBlocking: return Message(en: en + ", __GFP_HIGH and no sleeping: 37.5% of min", ko: ko + ". __GFP_HIGH이고 잠들 수 없음: min의 37.5%")
            }
        case .memallocNoWatermarks:
            return Message(en: "__GFP_MEMALLOC: retrying with no watermarks at all (ALLOC_NO_WATERMARKS)",
                           ko: "__GFP_MEMALLOC: 워터마크 없이 다시 시도합니다 (ALLOC_NO_WATERMARKS)")
        case .cannotSleep:
            return Message(en: "the mask has no __GFP_DIRECT_RECLAIM: the allocation may not sleep, so it fails here",
                           ko: "마스크에 __GFP_DIRECT_RECLAIM이 없습니다: 이 할당은 잠들 수 없으므로 여기서 실패합니다")
        case .drainedAllPages:
            return Message(en: "drained every CPU's per-CPU page lists back to the buddy allocator (drain_all_pages)",
                           ko: "모든 CPU의 CPU별 페이지 목록을 버디 할당자로 비웠습니다 (drain_all_pages)")
        case .noretryGaveUp:
            return Message(en: "__GFP_NORETRY: one round of reclaim was all this request allowed",
                           ko: "__GFP_NORETRY: 이 요청에는 회수 한 번만 허용됩니다")
        case .costlyNoRetry(let order):
            return Message(en: "order \(order) is costly (> PAGE_ALLOC_COSTLY_ORDER = 3) and the mask lacks __GFP_RETRY_MAYFAIL: no retries, no OOM killer",
                           ko: "order \(order): 비싼 요청(> PAGE_ALLOC_COSTLY_ORDER = 3)이고 마스크에 __GFP_RETRY_MAYFAIL이 없습니다: 재시도도 OOM killer도 없습니다")
        case .nofailMinReserveSucceeded:
            return Message(en: "__GFP_NOFAIL: a last try with ALLOC_MIN_RESERVE (half of min) succeeded",
                           ko: "__GFP_NOFAIL: ALLOC_MIN_RESERVE(min의 절반)로 한 마지막 시도가 성공했습니다")
        case .nofailWouldLoop:
            return Message(en: "__GFP_NOFAIL: the kernel would now retry forever", ko: "__GFP_NOFAIL: 커널은 이제 끝없이 다시 시도할 것입니다")
        case .directReclaim(let freed):
            return freed == 0
                ? Message(en: "direct reclaim (the caller sleeps while it reclaims): freed \(Format.pages(freed)) — nothing reclaimable",
                          ko: "직접 회수(호출자가 회수하는 동안 잠듦): 페이지 \(freed)개 해제 — 회수할 것이 없습니다")
                : Message(en: "direct reclaim (the caller sleeps while it reclaims): freed \(Format.pages(freed))",
                          ko: "직접 회수(호출자가 회수하는 동안 잠듦): 페이지 \(freed)개 해제")
        case .noListToTakeFrom(let zone, let highAtomic):
            return Message(en: "\(zone.procName): enough free pages, but none on a list this request may take from (its own type, its fallbacks" + (highAtomic ? ", HighAtomic" : "") + ")",
                           ko: "\(zone.procName): 빈 페이지는 충분하지만, 이 요청이 가져갈 수 있는 목록(자기 유형, 그 대체 유형" + (highAtomic ? ", HighAtomic" : "") + ")에는 없습니다")
        case .retryWithoutNoFragment:
            return Message(en: "no zone had a whole free pageblock to fall back into; retrying without ALLOC_NOFRAGMENT",
                           ko: "대체할 통째로 빈 pageblock이 있는 존이 없습니다: ALLOC_NOFRAGMENT 없이 다시 시도합니다")
        case .reservedHighatomic(let pfn):
            return Message(en: "reserved the pageblock at pfn 0x\(String(pfn, radix: 16)) for high-order atomic allocations (MIGRATE_HIGHATOMIC)",
                           ko: "pfn 0x\(String(pfn, radix: 16))의 pageblock을 고차 원자적 할당용으로 예약했습니다 (MIGRATE_HIGHATOMIC)")
        case .kswapdWoken(let zone, let reason, let freed, let target):
            let why: Message = switch reason {
            case .belowLow(let free, let low, let reserve):
                Message(verbatim: "free \(free) ≤ low \(low) + lowmem_reserve \(reserve)")
            case .fallbackBoost:
                Message(en: "a fallback boosted the watermarks", ko: "대체 할당이 워터마크를 올렸음")
            }
            let none = freed == 0 && target > 0
            return Message(en: "kswapd0 woken for \(zone.procName) (\(why.en)): reclaimed \(Format.pages(freed))" + (none ? " (nothing reclaimable)" : "") + "; watermark boost cleared",
                           ko: "kswapd0이 \(zone.procName) 존 때문에 깨어났습니다 (\(why.ko)): 페이지 \(freed)개 회수" + (none ? " (회수할 것이 없음)" : "") + ". 워터마크 boost를 지웠습니다")
        case .orderTooLarge(let order, let maxOrder):
            return Message(en: "order \(order) > MAX_ORDER (\(maxOrder)): no such block exists; __alloc_pages returns NULL at once",
                           ko: "order \(order) > MAX_ORDER (\(maxOrder)): 그런 블록은 없습니다. __alloc_pages는 곧바로 NULL을 돌려줍니다")
        }
    }

    static func slab(_ s: SlabStep) -> Message {
        let h = { (n: Int) in "0x" + String(n, radix: 16) }
        switch s {
        case .arrayCacheHit(let c, let cpu, let n, let limit):
            return Message(en: "\(c): object from CPU \(cpu)'s array cache (\(n) available, limit \(limit))",
                           ko: "\(c): CPU \(cpu)의 array cache에서 객체를 꺼냈습니다 (남은 \(n)개, limit \(limit))")
        case .refilledFromShared(let c, let cpu, let n):
            return Message(en: "\(c): refilled CPU \(cpu)'s array with \(n) objects from the shared array",
                           ko: "\(c): shared array에서 객체 \(n)개로 CPU \(cpu)의 array를 채웠습니다")
        case .partialSlabFound(let c, let pfn):
            return Message(en: "\(c): partial slab found at pfn \(h(pfn))", ko: "\(c): pfn \(h(pfn))에서 partial slab을 찾았습니다")
        case .freeSlabUsed(let c, let pfn):
            return Message(en: "\(c): no partial slab, using a free slab at pfn \(h(pfn))",
                           ko: "\(c): partial slab이 없어 pfn \(h(pfn))의 free slab을 씁니다")
        case .growing(let c):
            return Message(en: "\(c): no partial or free slab: growing the cache", ko: "\(c): partial slab도 free slab도 없습니다: 캐시를 키웁니다")
        case .pushedOnArrayCache(let c, let cpu, let n, let limit):
            return Message(en: "\(c): object pushed on CPU \(cpu)'s array cache (\(n)/\(limit))",
                           ko: "\(c): 객체를 CPU \(cpu)의 array cache에 넣었습니다 (\(n)/\(limit))")
        case .arrayFullToShared(let c, let cpu, let n):
            return Message(en: "\(c): CPU \(cpu)'s array is full: \(n) objects moved to the shared array",
                           ko: "\(c): CPU \(cpu)의 array가 가득 찼습니다: 객체 \(n)개를 shared array로 옮겼습니다")
        case .arrayFullFreeBlock(let c, let cpu, let n):
            return Message(en: "\(c): CPU \(cpu)'s array is full: \(n) objects returned to their slabs (free_block)",
                           ko: "\(c): CPU \(cpu)의 array가 가득 찼습니다: 객체 \(n)개를 제 slab으로 돌려보냈습니다 (free_block)")
        case .aboveFreeLimit(let c, let limit, let n):
            return Message(en: "\(c): free objects above free_limit \(limit): \(n) free slab(s) given back to the page allocator",
                           ko: "\(c): 빈 객체가 free_limit \(limit)보다 많습니다: free slab \(n)개를 페이지 할당자에 돌려줬습니다")
        case .fastPathAlloc(let c, let cpu, let pfn):
            return Message(en: "\(c): fast path, object from CPU \(cpu)'s slab at pfn \(h(pfn))",
                           ko: "\(c): 빠른 경로, pfn \(h(pfn))에 있는 CPU \(cpu)의 slab에서 객체를 꺼냈습니다")
        case .cpuSlabFullUnfrozen(let c, let cpu, let pfn):
            return Message(en: "\(c): CPU \(cpu)'s slab at pfn \(h(pfn)) is full; it is unfrozen onto no list",
                           ko: "\(c): pfn \(h(pfn))에 있는 CPU \(cpu)의 slab이 가득 찼습니다. 어느 목록에도 넣지 않고 unfreeze합니다")
        case .fromCPUPartial(let c, let cpu, let pfn):
            return Message(en: "\(c): took a slab from CPU \(cpu)'s per-CPU partial list (pfn \(h(pfn)))",
                           ko: "\(c): CPU \(cpu)의 CPU별 partial 목록에서 slab을 가져왔습니다 (pfn \(h(pfn)))")
        case .newSlabNeeded(let c):
            return Message(en: "\(c): no CPU partial, no node partial slab: allocating a new slab",
                           ko: "\(c): CPU partial도 node partial slab도 없습니다: 새 slab을 할당합니다")
        case .partialFromNode(let c, let cpu, let n):
            return n > 0
                ? Message(en: "\(c): partial slab found on the node list: 1 became CPU \(cpu)'s slab, \(n) moved to its per-CPU partial list",
                          ko: "\(c): node 목록에서 partial slab을 찾았습니다: 1개는 CPU \(cpu)의 slab이 되고 \(n)개는 CPU별 partial 목록으로 옮겼습니다")
                : Message(en: "\(c): partial slab found on the node list: 1 became CPU \(cpu)'s slab",
                          ko: "\(c): node 목록에서 partial slab을 찾았습니다: 1개가 CPU \(cpu)의 slab이 되었습니다")
        case .debugAllocFromPartial(let c, let idx, let pfn):
            return Message(en: "\(c) (debug): object \(idx) from the partial slab at pfn \(h(pfn))",
                           ko: "\(c) (debug): pfn \(h(pfn))의 partial slab에서 \(idx)번 객체를 꺼냈습니다")
        case .freedToCPUSlab(let c, let cpu, let remote):
            return remote
                ? Message(en: "\(c): object back on CPU \(cpu)'s slab (a remote free onto a frozen slab)",
                          ko: "\(c): 객체가 CPU \(cpu)의 slab으로 돌아갔습니다 (frozen slab에 대한 원격 해제)")
                : Message(en: "\(c): fast path, object back on CPU \(cpu)'s slab", ko: "\(c): 빠른 경로, 객체가 CPU \(cpu)의 slab으로 돌아갔습니다")
        case .freedToCPUPartialSlab(let c, let cpu):
            return Message(en: "\(c): object back on a slab of CPU \(cpu)'s partial list (frozen)",
                           ko: "\(c): 객체가 CPU \(cpu)의 partial 목록에 있는 slab으로 돌아갔습니다 (frozen)")
        case .fullSlabFrozen(let c, let pfn, let cpu):
            return Message(en: "\(c): the slab at pfn \(h(pfn)) was full; it is frozen onto CPU \(cpu)'s partial list",
                           ko: "\(c): pfn \(h(pfn))의 slab은 가득 차 있었습니다. freeze해서 CPU \(cpu)의 partial 목록에 넣습니다")
        case .emptySlabDiscarded(let c, let pfn, let n, let minPartial):
            return Message(en: "\(c): the slab at pfn \(h(pfn)) is empty and the node already has \(n) partial slabs (min_partial \(minPartial)): discarded",
                           ko: "\(c): pfn \(h(pfn))의 slab이 비었고 node에는 이미 partial slab이 \(n)개 있습니다 (min_partial \(minPartial)): 버립니다")
        case .cpuPartialFull(let c, let cpu, let n, let max):
            return Message(en: "\(c): CPU \(cpu)'s partial list is full (\(n) slabs, cpu_partial_slabs \(max)): moved to the node",
                           ko: "\(c): CPU \(cpu)의 partial 목록이 가득 찼습니다 (slab \(n)개, cpu_partial_slabs \(max)): node로 옮겼습니다")
        case .poisonWithoutChecks(let c):
            return Message(en: "\(c): SLAB_POISON without consistency checks (F): the object is re-poisoned at allocation without being checked, so a write after free goes unnoticed",
                           ko: "\(c): 일관성 검사(F) 없는 SLAB_POISON: 할당할 때 검사 없이 다시 poison을 채우므로 해제 후 쓰기를 알아채지 못합니다")
        case .tuned(let c, let limit, let batch, let shared):
            return Message(en: "\(c): array caches emptied into their slabs; limit \(limit) batchcount \(batch) shared \(shared)",
                           ko: "\(c): array cache를 비워 객체를 slab으로 돌려보냈습니다. limit \(limit) batchcount \(batch) shared \(shared)")
        case .shrunk(let c, let slabs, let pages):
            return Message(en: "\(c): shrink gave back \(slabs) empty slab(s), \(pages) page(s)",
                           ko: "\(c): shrink가 빈 slab \(slabs)개, 페이지 \(pages)개를 돌려줬습니다")
        case .reclaimShrank(let zone, let caches):
            let en = caches.map { "\($0.cache): \($0.slabs) slab(s), \($0.pages) page(s)" }.joined(separator: "; ")
            let ko = caches.map { "\($0.cache): slab \($0.slabs)개, 페이지 \($0.pages)개" }.joined(separator: "; ")
            return Message(en: "reclaim shrank slab caches in zone \(zone.procName): " + en,
                           ko: "회수가 \(zone.procName) 존의 slab 캐시를 줄였습니다: " + ko)
        case .noretryRetryAtMinOrder(let order, let minOrder):
            return Message(en: "order-\(order) slab not available with __GFP_NORETRY; retrying at the minimum order \(minOrder) (s->min) with the caller's flags",
                           ko: "__GFP_NORETRY로는 order-\(order) slab을 얻지 못했습니다. 호출자의 플래그로 최소 order \(minOrder)(s->min)에서 다시 시도합니다")
        case .newSlab(let c, let order, let zone, let pfn, let n, let colour, let ctor):
            let z = "ZONE_" + (zone?.procName ?? "?").uppercased()
            var en = "growing \(c): order-\(order) block from \(z) at pfn \(h(pfn)), \(n) objects"
            var ko = "\(c) 캐시를 키웁니다: \(z)의 pfn \(h(pfn))에서 order-\(order) 블록, 객체 \(n)개"
            if let colour { en += ", colour offset \(colour) bytes"; ko += ", colour 오프셋 \(colour)바이트" }
            if ctor { en += "; the constructor runs on every object now"; ko += ". 이제 모든 객체에 생성자가 실행됩니다" }
            return Message(en: en, ko: ko)
        case .merged(let name, let size, let into, let objectSize):
            return Message(en: "merged: \(name) (\(size) bytes) is an alias of \(into) (object size \(objectSize)); no new cache, no own /proc/slabinfo line",
                           ko: "병합됨: \(name) 캐시(\(size)바이트)는 \(into) 캐시의 별칭입니다 (객체 크기 \(objectSize)). 새 캐시도, /proc/slabinfo의 자기 줄도 없습니다")
        case .created(let name, let size, let objectSize, let align, let order, let n, let leftover, let colouring):
            var en = "created cache \(name): object \(size) → size \(objectSize) (align \(align)), order \(order), \(n) objects per slab, \(leftover) bytes left over"
            var ko = "캐시를 만들었습니다(\(name)): 객체 \(size) → 크기 \(objectSize) (align \(align)), order \(order), slab당 객체 \(n)개, 남는 공간 \(leftover)바이트"
            if let col = colouring {
                en += ", \(col.colours) colours of \(col.colourOff) bytes, freelist \(col.freelist)"
                ko += ", \(col.colourOff)바이트 colour \(col.colours)개, freelist \(col.freelist)"
            }
            return Message(en: en, ko: ko)
        case .aliasDropped(let name, let cache, let refcount):
            return Message(en: "\(name) was an alias of \(cache): its reference was dropped (refcount now \(refcount))",
                           ko: "\(name): \(cache) 캐시의 별칭이었습니다. 그 참조를 놓았습니다 (이제 refcount \(refcount))")
        case .stillUsedThroughMerging(let name, let refcount):
            return Message(en: "\(name) still has \(refcount) user(s) through merging: refcount dropped, cache kept",
                           ko: "\(name): 병합 때문에 이 캐시에는 아직 사용자가 \(refcount)명 있습니다: refcount만 줄이고 캐시는 남깁니다")
        case .destroyed(let name):
            return Message(en: "destroyed \(name)", ko: "캐시를 없앴습니다: \(name)")
        }
    }

    static func kmalloc(_ s: KmallocStep) -> Message {
        switch s {
        case .zeroSize:
            return Message(en: "kmalloc(0) returns ZERO_SIZE_PTR (0x10): a unique non-NULL pointer that faults on use",
                           ko: "kmalloc(0)은 ZERO_SIZE_PTR(0x10)를 돌려줍니다: NULL은 아니지만 쓰면 폴트가 나는 유일한 포인터입니다")
        case .sizeClass(let size, let cache, let cls, let objectSize):
            let apartEn = objectSize != cls ? "; objects are \(objectSize) bytes apart in the slab" : ""
            let apartKo = objectSize != cls ? ". slab 안에서 객체는 \(objectSize)바이트 간격입니다" : ""
            return Message(en: "kmalloc(\(size)) → \(cache) (kmalloc_index: class \(cls)); \(cls - size) byte(s) wasted" + apartEn,
                           ko: "kmalloc(\(size)) → \(cache) (kmalloc_index: 클래스 \(cls)). \(cls - size)바이트 낭비" + apartKo)
        case .large(let size, let maxCache, let order, let wasted):
            return Message(en: "kmalloc(\(size)) is above KMALLOC_MAX_CACHE_SIZE (\(maxCache)): order-\(order) pages straight from the page allocator" + (wasted.map { ", \($0) bytes wasted" } ?? ""),
                           ko: "kmalloc(\(size)): KMALLOC_MAX_CACHE_SIZE(\(maxCache))보다 큽니다: 페이지 할당자에서 바로 order-\(order) 페이지를 받습니다" + (wasted.map { ". \($0)바이트 낭비" } ?? ""))
        case .arrayOverflow(let n, let size):
            return Message(en: "\(n) × \(size) overflows size_t: kmalloc_array returns NULL without allocating (check_mul_overflow)",
                           ko: "\(n) × \(size): size_t를 넘칩니다. kmalloc_array는 할당하지 않고 NULL을 돌려줍니다 (check_mul_overflow)")
        case .kreallocFits(let newSize, let ks):
            return Message(en: "krealloc: \(newSize) bytes still fit in the \(ks) usable bytes of the object; same pointer returned",
                           ko: "krealloc: \(newSize)바이트가 객체의 쓸 수 있는 \(ks)바이트에 아직 들어갑니다. 같은 포인터를 돌려줍니다")
        case .kreallocMoved(let newSize, let ks):
            return Message(en: "krealloc: \(newSize) > ksize \(ks): new object allocated, \(ks) bytes copied, old one freed",
                           ko: "krealloc: \(newSize) > ksize \(ks): 새 객체를 할당하고 \(ks)바이트를 복사한 뒤 옛 객체를 해제했습니다")
        case .kmapLowmem(let pfn, let address):
            return Message(en: "pfn \(Format.hex(pfn)) is lowmem: it is always mapped in the direct map, so the answer is page_address() = \(Format.hex(address)) and nothing is mapped",
                           ko: "pfn \(Format.hex(pfn))는 lowmem이라 직접 매핑에 늘 매핑되어 있습니다. 그래서 답은 page_address() = \(Format.hex(address))이고 아무것도 매핑하지 않습니다")
        case .kmapReusedEntry(let entry, let users):
            return Message(en: "kmap_high(): the page already has pkmap entry \(entry) (page_address() found it); pkmap_count goes up: \(users) users now",
                           ko: "kmap_high(): 페이지에 이미 pkmap 항목 \(entry)가 있습니다(page_address()가 찾았습니다). pkmap_count가 올라가 이제 사용자는 \(users)개입니다")
        case .kmapNewEntry(let from, let entry, let flushed):
            let wrapEn = flushed.map { " The search wrapped to entry 0 first, so flush_all_zero_pkmaps() cleared \($0) unused entr\($0 == 1 ? "y" : "ies") with one TLB flush." } ?? ""
            let wrapKo = flushed.map { " 찾기가 먼저 항목 0으로 한 바퀴 돌았으므로 flush_all_zero_pkmaps()가 안 쓰이는 항목 \($0)개를 TLB 플러시 한 번으로 지웠습니다." } ?? ""
            return Message(en: "map_new_virtual(): the page has no entry; searching after last_pkmap_nr \(from), the first free one is \(entry) (pkmap_count 0). Its PTE now maps the page, at \(Format.hex(HighmemState.pkmapAddress(entry))), pkmap_count 2 = one user.\(wrapEn)",
                           ko: "map_new_virtual(): 페이지에 항목이 없습니다. last_pkmap_nr \(from) 다음부터 찾으니 처음 나오는 빈 항목(pkmap_count 0)은 \(entry)입니다. 이제 그 PTE가 페이지를 \(Format.hex(HighmemState.pkmapAddress(entry)))에 매핑하고 pkmap_count는 2(사용자 하나)입니다.\(wrapKo)")
        case .kunmapEntry(let entry, let users):
            if users == 0 {
                return Message(en: "kunmap_high(): pkmap_count of entry \(entry) drops to 1: no user left, but the PTE stays until the next flush_all_zero_pkmaps() (it saves a TLB flush per kunmap)",
                               ko: "kunmap_high(): 항목 \(entry)의 pkmap_count가 1로 내려갑니다. 사용자는 없지만 PTE는 다음 flush_all_zero_pkmaps()까지 남습니다(kunmap마다 TLB 플러시를 하지 않으려는 것입니다)")
            }
            return Message(en: "kunmap_high(): pkmap_count of entry \(entry) goes down: \(users) user\(users == 1 ? "" : "s") left",
                           ko: "kunmap_high(): 항목 \(entry)의 pkmap_count가 내려갑니다. 남은 사용자 \(users)개")
        case .kmapLocalSlot(let slot, let cpu, let index, let address, let atomic):
            let pre = atomic ? "kmap_atomic(): preempt_disable() and pagefault_disable(), then " : ""
            let preKo = atomic ? "kmap_atomic(): preempt_disable()과 pagefault_disable()을 한 뒤, " : ""
            return Message(en: "\(pre)__kmap_local_pfn_prot(): migrate_disable(); the task's next slot is \(slot), fixmap index FIX_KMAP_BEGIN + \(index) on cpu\(cpu) (KM_MAX_IDX × cpu + slot), at \(Format.hex(address)); its PTE now maps the page",
                           ko: "\(preKo)__kmap_local_pfn_prot(): migrate_disable()을 부릅니다. 태스크의 다음 슬롯은 \(slot)이고, cpu\(cpu)의 fixmap 인덱스 FIX_KMAP_BEGIN + \(index)(KM_MAX_IDX × cpu + 슬롯), 주소 \(Format.hex(address))입니다. 이제 그 PTE가 페이지를 매핑합니다")
        case .kunmapLocalSlot(let slot, let cpu, let atomic):
            let post = atomic ? ", then pagefault_enable() and preempt_enable()" : ""
            let postKo = atomic ? " 그다음 pagefault_enable()과 preempt_enable()을 부릅니다" : ""
            return Message(en: "kunmap_local_indexed(): the newest slot, \(slot) on cpu\(cpu), loses its PTE (a local TLB flush of one page) and migrate_enable()\(post)",
                           ko: "kunmap_local_indexed(): 가장 최근 슬롯(cpu\(cpu)의 \(slot))의 PTE를 지우고(이 CPU에서 한 페이지만 TLB 플러시) migrate_enable()을 부릅니다.\(postKo)")
        case .vmapAreaFirstFit(let bytes, let pages, let guardPages, let at):
            return Message(en: "alloc_vmap_area(): first fit for \(bytes) bytes (\(Format.pages(pages)) + \(guardPages) guard) at \(Format.hex(at))",
                           ko: "alloc_vmap_area(): \(bytes)바이트(페이지 \(pages)개 + 가드 \(guardPages)개)가 처음 맞는 자리: \(Format.hex(at))")
        case .vmallocPagesMapped(let pages, let pfns):
            let list = pfns.map { "0x" + String($0, radix: 16) }.joined(separator: " ") + (pages > 16 ? " …" : "")
            return Message(en: "__vmalloc_area_node(): \(pages) single pages mapped: pfn " + list,
                           ko: "__vmalloc_area_node(): 낱장 페이지 \(pages)개를 매핑했습니다: pfn " + list)
        case .vmallocHugeMapped(let chunks, let order, let pfns):
            let list = pfns.map { "0x" + String($0, radix: 16) }.joined(separator: " ") + (chunks > 16 ? " …" : "")
            return Message(en: "__vmalloc_area_node(): huge mapping: \(chunks) order-\(order) chunks, each split into single pages (split_page) and mapped by one PMD entry, no PTE table: pfn " + list,
                           ko: "__vmalloc_area_node(): 큰 매핑: order-\(order) 덩어리 \(chunks)개를 낱장 페이지로 쪼개고(split_page) 덩어리마다 PMD 엔트리 하나로 매핑했습니다. PTE 테이블은 쓰지 않습니다: pfn " + list)
        case .vmallocHugeFallback(let order):
            return Message(en: "the huge pass (order-\(order) chunks) failed; __vmalloc_node_range() tries again with single pages",
                           ko: "큰 페이지 시도(order-\(order) 덩어리)가 실패했습니다. __vmalloc_node_range()가 낱장 페이지로 다시 시도합니다")
        case .pageTableAllocated(let level, let pfn, let start, let end):
            let span = "\(Format.hex(start))–\(Format.hex(end))"
            return level == .pte
                ? Message(en: "vmap_pages_range(): no PTE table yet for \(span); __pte_alloc_kernel() took pfn \(Format.hex(UInt64(pfn))) (GFP_PGTABLE_KERNEL, never freed)",
                          ko: "vmap_pages_range(): \(span) 구간에는 아직 PTE 테이블이 없어서 __pte_alloc_kernel()이 페이지 하나(pfn \(Format.hex(UInt64(pfn))))를 받았습니다 (GFP_PGTABLE_KERNEL, 해제하지 않음)")
                : Message(en: "vmap_pages_range(): no PMD table yet for \(span); __pmd_alloc() took pfn \(Format.hex(UInt64(pfn))) (counted in PageTables, never freed)",
                          ko: "vmap_pages_range(): \(span) 구간에는 아직 PMD 테이블이 없어서 __pmd_alloc()이 페이지 하나(pfn \(Format.hex(UInt64(pfn))))를 받았습니다 (PageTables에 잡히고, 해제하지 않음)")
        case .vfreeDeferred(let addr):
            return Message(en: "vfree() in interrupt context → vfree_atomic(): \(Format.hex(addr)) queued; the work item frees it in process context",
                           ko: "인터럽트 문맥의 vfree() → vfree_atomic(): \(Format.hex(addr)) 영역을 큐에 넣었습니다. work item이 프로세스 문맥에서 해제합니다")
        case .kvmallocTriesKmalloc(let size, let gfp):
            return Message(en: "kvmalloc(\(size)): kmalloc first with \(gfp.pGg) (no warning, no hard retry: vmalloc is the fallback)",
                           ko: "kvmalloc(\(size)): 먼저 \(gfp.pGg) 마스크로 kmalloc을 시도합니다 (경고도 끈질긴 재시도도 없음: vmalloc이 대안)")
        case .kvmallocCannotSleep:
            return Message(en: "kmalloc failed and the mask cannot sleep: vmalloc is not allowed, kvmalloc returns NULL",
                           ko: "kmalloc이 실패했고 마스크는 잠들 수 없습니다: vmalloc을 쓸 수 없으므로 kvmalloc은 NULL을 돌려줍니다")
        case .kvmallocFallsBack(let size):
            return Message(en: "kmalloc could not find \(size) contiguous bytes: falling back to vmalloc (__vmalloc_node_range)",
                           ko: "kmalloc이 연속된 \(size)바이트를 찾지 못했습니다: vmalloc으로 넘어갑니다 (__vmalloc_node_range)")
        case .percpuAlloc(let chunk, let offset, let size, let align, let units, let unitSize):
            return Message(en: "pcpu_alloc(): chunk \(chunk) offset \(offset) size \(size) align \(align), one copy in each of \(units) units \(unitSize) bytes apart",
                           ko: "pcpu_alloc(): 청크 \(chunk), 오프셋 \(offset), 크기 \(size), align \(align). \(unitSize)바이트 간격의 유닛 \(units)개에 사본이 하나씩 있습니다")
        case .reusedCachedStack(let cpu, let at):
            return Message(en: "alloc_thread_stack_node(): reused a cached stack of CPU \(cpu) at \(Format.hex(at)) (no new pages, memset to 0)",
                           ko: "alloc_thread_stack_node(): \(Format.hex(at))에 있는 CPU \(cpu)의 캐시된 스택을 다시 썼습니다 (새 페이지 없음, 0으로 memset)")
        case .irqOnTaskStack(let bytes, let pid, let depth, let total, let size):
            return Message(en: "no IRQ stacks: the handler's \(bytes) bytes go on pid \(pid)'s stack below its \(depth) bytes: \(total) of \(size)",
                           ko: "IRQ 스택이 없습니다: 핸들러의 \(bytes)바이트가 pid \(pid)의 스택에서 이미 쓴 \(depth)바이트 아래에 쌓입니다: \(size) 중 \(total)")
        }
    }
}

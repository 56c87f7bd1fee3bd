import KernelMM

/// A broken invariant in words (KernelMM/Machine/InvariantViolation.swift): `validate`, `--validate` and `load` list
/// them. They name kmemsim's own structures, so kernel names (NR_FREE_PAGES, nr_free, THREAD_SIZE) stay as they are.
extension Message {
    public static func invariant(_ v: InvariantViolation) -> Message {
        switch v {
        case .pageAlloc(let p): pageAllocInvariant(p)
        case .cpu(let c): cpuInvariant(c)
        case .vmalloc(let m): vmallocInvariant(m)
        case .slab(let s): slabInvariant(s)
        }
    }

    private static func x(_ v: some BinaryInteger) -> String { "0x" + String(v, radix: 16) }

    static func pageAllocInvariant(_ v: PageAllocViolation) -> Message {
        switch v {
        case .tailOutsideBlock(let pfn):
            Message(en: "pfn \(x(pfn)) is a tail page outside any block",
                    ko: "pfn \(x(pfn)) 프레임은 어느 블록에도 속하지 않은 tail 페이지입니다")
        case .misalignedBlock(let pfn, let o):
            Message(en: "block at \(x(pfn)) has order \(o) and is misaligned",
                    ko: "\(x(pfn))의 블록은 order \(o)인데 그 크기에 맞게 정렬되어 있지 않습니다")
        case .blockCrossesZone(let pfn, let o):
            Message(en: "block at \(x(pfn)) order \(o) crosses a zone boundary",
                    ko: "\(x(pfn))의 order \(o) 블록이 zone 경계를 넘습니다")
        case .zonesOverlap(let z, let lower):
            Message(en: "zone \(z.procName) overlaps zone \(lower.procName)",
                    ko: "zone \(z.procName)의 범위가 zone \(lower.procName)의 범위와 겹칩니다")
        case .blockContainsFrame(let pfn, let o, let frame, let state):
            Message(en: "block at \(x(pfn)) order \(o) contains frame \(x(frame)) in state \(state)",
                    ko: "\(x(pfn))의 order \(o) 블록 안에 상태가 \(state)인 프레임이 있습니다(\(x(frame)))")
        case .unmergedBuddies(let pfn, let b, let o):
            Message(en: "free buddies \(x(pfn)) and \(x(b)) of order \(o) were not merged",
                    ko: "order \(o)의 빈 버디 두 블록(\(x(pfn)), \(x(b)))이 합쳐지지 않았습니다")
        case .freeListEntry(let z, let o, let t, let pfn, let state, let eo):
            Message(en: "zone \(z.procName) order \(o) \(t.procName) list holds pfn \(x(pfn)) in state \(state) order \(eo)",
                    ko: "zone \(z.procName)의 order \(o) \(t.procName) 리스트에 상태 \(state), order \(eo)인 프레임이 있습니다(pfn \(x(pfn)))")
        case .badPrevLink(let pfn):
            Message(en: "bad prev link at pfn \(x(pfn))", ko: "pfn \(x(pfn))의 prev 링크가 잘못되었습니다")
        case .freeListCycle:
            Message(en: "cycle in a free list", ko: "free 리스트가 순환합니다")
        case .freeListTail(let z, let o, let t):
            Message(en: "zone \(z.procName) order \(o) \(t.procName): tail pointer is wrong",
                    ko: "zone \(z.procName) order \(o) \(t.procName): tail 포인터가 잘못되었습니다")
        case .freeListCount(let z, let o, let t, let count, let listed):
            Message(en: "zone \(z.procName) order \(o) \(t.procName): count \(count) but \(listed) on the list",
                    ko: "zone \(z.procName) order \(o) \(t.procName): 개수는 \(count)인데 리스트에는 \(listed)개가 있습니다")
        case .nrFree(let z, let o, let nrFree, let listed):
            Message(en: "zone \(z.procName) order \(o): nr_free \(nrFree) but \(listed) blocks listed",
                    ko: "zone \(z.procName) order \(o): nr_free는 \(nrFree)인데 리스트의 블록은 \(listed)개입니다")
        case .nrFreePages(let z, let counter, let listed, let heads):
            Message(en: "zone \(z.procName): NR_FREE_PAGES \(counter), listed \(listed), buddy heads cover \(heads)",
                    ko: "zone \(z.procName): NR_FREE_PAGES는 \(counter), 리스트의 페이지는 \(listed), 버디 head가 덮는 페이지는 \(heads)입니다")
        case .pcpEntry(let cpu, let z, let pfn, let state):
            Message(en: "cpu \(cpu) pcp list of zone \(z.procName) holds pfn \(x(pfn)) in state \(state)",
                    ko: "cpu \(cpu)의 zone \(z.procName) pcp 리스트에 상태가 \(state)인 프레임이 있습니다(pfn \(x(pfn)))")
        case .pcpCount(let cpu, let z, let count, let listed):
            Message(en: "cpu \(cpu) zone \(z.procName): pcp count \(count) but lists hold \(listed)",
                    ko: "cpu \(cpu) zone \(z.procName): pcp count는 \(count)인데 리스트에는 \(listed)페이지가 있습니다")
        case .pcpListTail(let cpu, let z, let list):
            Message(en: "cpu \(cpu) zone \(z.procName): the tail pointer of pcp list \(list) is wrong",
                    ko: "cpu \(cpu) zone \(z.procName): pcp 리스트 \(list)의 tail 포인터가 잘못되었습니다")
        case .managedPages(let z, let managed, let free, let pcp, let allocated):
            Message(en: "zone \(z.procName): managed \(managed) ≠ free \(free) + pcp \(pcp) + allocated \(allocated)",
                    ko: "zone \(z.procName): managed \(managed) ≠ free \(free) + pcp \(pcp) + allocated \(allocated)")
        }
    }

    static func cpuInvariant(_ v: CPUViolation) -> Message {
        switch v {
        case .hardirqNesting(let cpu, let count, let saved):
            Message(en: "cpu \(cpu): hardirq count \(count) but \(saved) saved IRQ flags",
                    ko: "cpu \(cpu): hardirq count는 \(count)인데 저장된 IRQ 플래그는 \(saved)개입니다")
        case .spinlockHeldTwice(let lock):
            Message(en: "spinlock \(lock) held twice", ko: "spinlock \(lock): 같은 락을 두 번 잡고 있습니다")
        case .runsMissingTask(let cpu, let pid):
            Message(en: "cpu \(cpu) runs pid \(pid), which is not a task",
                    ko: "cpu \(cpu)에서 실행 중인 pid \(pid) 항목은 태스크가 아닙니다")
        case .taskOnTwoCPUs(let pid):
            Message(en: "pid \(pid) runs on two CPUs", ko: "pid \(pid) 태스크가 두 CPU에서 동시에 실행 중입니다")
        case .stackSize(let pid, let size, let threadSize):
            Message(en: "pid \(pid): stack of \(size) bytes, THREAD_SIZE is \(threadSize)",
                    ko: "pid \(pid): 스택은 \(size)바이트인데 THREAD_SIZE는 \(threadSize)입니다")
        case .vmappedStackNotOwn(let pid, let area):
            Message(en: "pid \(pid): vmapped stack area \(area) is missing or not its own",
                    ko: "pid \(pid): vmap된 스택 영역(\(area))이 없거나 이 태스크의 것이 아닙니다")
        case .stackAreaUsedTwice(let area):
            Message(en: "stack area \(area) used twice", ko: "스택 영역 하나가 두 번 쓰이고 있습니다(영역 \(area))")
        case .stackBlock(let pid, let pfn, let state, let owner, let order):
            Message(en: "pid \(pid): stack block at pfn \(x(pfn)) is \(state) owner \(owner) order \(order)",
                    ko: "pid \(pid): pfn \(x(pfn))의 스택 블록이 상태 \(state), 소유자 \(owner), order \(order)입니다")
        case .stackMissing(let pid):
            Message(en: "pid \(pid): stack with neither area nor pages",
                    ko: "pid \(pid): 스택에 vmalloc 영역도 페이지도 없습니다")
        case .pkmapEntry(let entry, let count, let pfn):
            Message(en: "pkmap entry \(entry): count \(count) with pfn \(pfn) (count 0 must mean no page, and a page must be HIGHMEM)",
                    ko: "pkmap 항목 \(entry): count \(count), pfn \(pfn)입니다(count 0이면 페이지가 없어야 하고, 페이지는 HIGHMEM이어야 합니다)")
        case .pkmapPageTwice(let pfn):
            Message(en: "pfn \(x(pfn)) is in two pkmap entries", ko: "pfn \(x(pfn)) 페이지가 pkmap 항목 두 개에 들어 있습니다")
        case .kmapLocal(let pid, let slots):
            Message(en: "pid \(pid): kmap_local state with \(slots) slots does not fit the task (missing task, too many slots, or a page that is not HIGHMEM)",
                    ko: "pid \(pid): 슬롯이 \(slots)개인 kmap_local 상태가 태스크와 맞지 않습니다(없는 태스크, 너무 많은 슬롯, 또는 HIGHMEM이 아닌 페이지)")
        case .kmapHeldCount(let counted, let actual):
            Message(en: "the count of held kmaps is \(counted), the tables hold \(actual)",
                    ko: "잡힌 kmap 수는 \(counted)인데 표에는 \(actual)개가 있습니다")
        case .tooManyCachedStacks(let cpu, let count):
            Message(en: "cpu \(cpu) caches \(count) stacks", ko: "cpu \(cpu): 캐시된 스택이 \(count)개입니다")
        case .cachedStackArea(let area):
            Message(en: "cached stack area \(area) is missing or in use",
                    ko: "캐시된 스택 영역(\(area))이 없거나 사용 중입니다")
        case .orphanStackArea(let a):
            Message(en: "stack area at \(x(a)) belongs to no task and no cache",
                    ko: "\(x(a))의 스택 영역은 어느 태스크에도, 캐시에도 속하지 않습니다")
        case .percpuAllocationOutOfPlace(let chunk, let offset, let size):
            Message(en: "per-CPU chunk \(chunk): allocation at \(offset) size \(size) is out of place",
                    ko: "per-CPU chunk \(chunk): 오프셋 \(offset), 크기 \(size)인 할당이 있어야 할 자리를 벗어났습니다")
        case .percpuPageNotPopulated(let chunk, let page):
            Message(en: "per-CPU chunk \(chunk): page \(page) is used but not populated",
                    ko: "per-CPU chunk \(chunk): 페이지 \(page)번이 쓰이고 있는데 populate되지 않았습니다")
        case .percpuChunkWithoutArea(let chunk):
            Message(en: "per-CPU chunk \(chunk) has no vmalloc area",
                    ko: "per-CPU chunk \(chunk): vmalloc 영역이 없습니다")
        case .percpuMappingDisagrees(let chunk, let page):
            Message(en: "per-CPU chunk \(chunk): page \(page) mapping disagrees with populated map",
                    ko: "per-CPU chunk \(chunk): 페이지 \(page)의 매핑이 populated 맵과 맞지 않습니다")
        case .percpuForeignFrame(let chunk, let page):
            Message(en: "per-CPU chunk \(chunk): page \(page) maps a frame not held by the per-CPU allocator",
                    ko: "per-CPU chunk \(chunk): 페이지 \(page)번이 per-CPU 할당자가 갖고 있지 않은 프레임을 매핑합니다")
        case .percpuEmptyChunkKept(let chunk):
            Message(en: "per-CPU chunk \(chunk) is empty but was kept",
                    ko: "per-CPU chunk \(chunk): 비었는데도 해제되지 않았습니다")
        case .percpuVariableCopies(let name, let copies):
            Message(en: "per-CPU variable \(name) has \(copies) copies",
                    ko: "per-CPU 변수 \(name)의 사본이 \(copies)개입니다")
        }
    }

    static func vmallocInvariant(_ v: VmallocViolation) -> Message {
        switch v {
        case .areaOutOfPlace(let start):
            Message(en: "vmalloc area at \(x(start)) overlaps, is misaligned or outside the range",
                    ko: "\(x(start))의 vmalloc 영역이 다른 영역과 겹치거나, 정렬되지 않았거나, 범위를 벗어났습니다")
        case .areaSize(let start, let size, let pages):
            Message(en: "vmalloc area at \(x(start)): size \(size) ≠ \(pages) pages + guard",
                    ko: "\(x(start))의 vmalloc 영역: 크기 \(size) ≠ \(pages)페이지 + guard")
        case .pageArrayNotOwnArea(let area, let address):
            Message(en: "vmalloc area \(area): its page array at \(x(address)) is not an area of its own",
                    ko: "vmalloc 영역 \(area): \(x(address))에 있는 페이지 배열이 독립된 영역이 아닙니다")
        case .orphanPageArray(let area):
            Message(en: "page array area \(area) belongs to no area",
                    ko: "페이지 배열 영역 \(area)의 주인 영역이 없습니다")
        case .areaFrame(let area, let pfn, let state, let owner, let tag):
            Message(en: "vmalloc area \(area) maps pfn \(x(pfn)) in state \(state) owner \(owner) tag \(tag)",
                    ko: "vmalloc 영역 \(area): 상태 \(state), 소유자 \(owner), tag \(tag)인 프레임을 매핑합니다(pfn \(x(pfn)))")
        case .percpuAreaFrame(let pfn):
            Message(en: "per-CPU chunk area maps pfn \(x(pfn)) not held by it",
                    ko: "per-CPU chunk 영역이 자기 것이 아닌 프레임을 매핑합니다(pfn \(x(pfn)))")
        case .ioremapMapsRAM(let start):
            Message(en: "ioremap area at \(x(start)) maps a RAM frame",
                    ko: "\(x(start))의 ioremap 영역이 RAM 프레임을 매핑합니다")
        case .irqStackFrame(let pfn):
            Message(en: "IRQ stack area maps pfn \(x(pfn)) outside the per-CPU first chunk",
                    ko: "IRQ 스택 영역이 per-CPU first chunk 밖의 프레임을 매핑합니다(pfn \(x(pfn)))")
        case .frameMappedTwice(let pfn):
            Message(en: "pfn \(x(pfn)) is mapped twice in vmalloc space",
                    ko: "pfn \(x(pfn)) 프레임이 vmalloc 공간에 두 번 매핑되어 있습니다")
        case .nrPages(let area, let nr, let pages):
            Message(en: "vmalloc area \(area): nr_pages \(nr) ≠ \(pages)", ko: "vmalloc 영역 \(area): nr_pages \(nr) ≠ \(pages)")
        case .lazyRangeOverlaps(let start):
            Message(en: "lazily freed range at \(x(start)) overlaps a live area or another range",
                    ko: "\(x(start))의 지연 해제 범위가 살아 있는 영역이나 다른 범위와 겹칩니다")
        case .lazyCount(let nr, let pages):
            Message(en: "vmap_lazy_nr \(nr) ≠ \(pages) pages on the purge list",
                    ko: "vmap_lazy_nr \(nr) ≠ purge 리스트의 \(pages)페이지")
        case .heldFrames(let held, let mapped):
            Message(en: "\(held) frames are held by vmalloc but areas map \(mapped)",
                    ko: "vmalloc이 가진 프레임은 \(held)개인데 영역들이 매핑한 것은 \(mapped)개입니다")
        case .deferredFreesLeft:
            Message(en: "deferred vfree()s left after leaving interrupt context",
                    ko: "인터럽트 컨텍스트를 벗어났는데 미뤄 둔 vfree()가 남아 있습니다")
        case .pageTablesOutOfOrder(let i):
            Message(en: "kernel page tables out of order at \(i)",
                    ko: "커널 페이지 테이블의 순서가 \(i)번째에서 어긋납니다")
        case .pageTableLevelUnused(let level, let arch):
            Message(en: "a \(level) table on \(arch), which allocates none",
                    ko: "\(level) 테이블이 있습니다. \(arch) 아키텍처는 이 테이블을 할당하지 않습니다")
        case .pageTableFrameInvalid(let pfn):
            Message(en: "page table frame \(pfn) is invalid or used twice",
                    ko: "페이지 테이블 프레임(\(pfn))이 잘못되었거나 두 번 쓰였습니다")
        case .pageTableFrame(let pfn, let state, let owner):
            Message(en: "page table pfn \(x(pfn)) is in state \(state) owner \(owner)",
                    ko: "페이지 테이블 pfn \(x(pfn))의 상태가 \(state), 소유자가 \(owner)입니다")
        case .pageTableCount(let held, let tables):
            Message(en: "\(held) frames are held as page tables but \(tables) tables exist",
                    ko: "페이지 테이블로 잡힌 프레임은 \(held)개인데 테이블은 \(tables)개입니다")
        case .missingPageTable(let address, let level):
            Message(en: "\(x(address)) is mapped without a \(level) table",
                    ko: "주소 \(x(address)): \(level) 테이블 없이 매핑되어 있습니다")
        }
    }

    static func slabInvariant(_ v: SlabViolation) -> Message {
        let m: Message
        switch v {
        case .cacheOrder(let cache):
            m = Message(en: "cache ids out of creation order at \(cache)",
                        ko: "\(cache)에서 캐시 id가 생성 순서와 어긋납니다")
        case .nameIndexEntry(let name, let id):
            m = Message(en: "name index: \(name) does not lead to cache \(id)",
                        ko: "이름 색인: 이름 \(name)에서 캐시 \(id)에 이르지 못합니다")
        case .nameIndexCount(let count, let names):
            m = Message(en: "name index holds \(count) names for \(names)",
                        ko: "이름 색인에 이름이 \(count)개 있는데 \(names)개여야 합니다")
        case .onTwoLists(let c, let pfn):
            m = Message(en: "\(c): slab \(x(pfn)) is on two lists", ko: "\(c): slab \(x(pfn)) 하나가 두 리스트에 있습니다")
        case .listMismatch(let c, let pfn, let says, let on):
            m = Message(en: "\(c): slab \(x(pfn)) says \(says.rawValue) but is on \(on.rawValue)",
                        ko: "\(c): slab \(x(pfn))의 기록은 \(says.rawValue) 리스트인데 실제로는 \(on.rawValue) 리스트에 있습니다")
        case .notSlabBlock(let c, let pfn):
            m = Message(en: "\(c): slab \(x(pfn)) is not an allocated slab block of this cache",
                        ko: "\(c): slab \(x(pfn)) 블록은 이 캐시가 할당한 slab 블록이 아닙니다")
        case .freelistMismatch(let c, let pfn):
            m = Message(en: "\(c): slab \(x(pfn)) freelist does not match its free objects",
                        ko: "\(c): slab \(x(pfn))의 freelist가 빈 객체들과 맞지 않습니다")
        case .freelistHoldsUsed(let c):
            m = Message(en: "\(c): freelist holds a used object", ko: "\(c): freelist에 사용 중인 객체가 있습니다")
        case .inuse(let c, let pfn, let inuse, let counted):
            m = Message(en: "\(c): slab \(x(pfn)) inuse \(inuse) but \(counted) objects in use",
                        ko: "\(c): slab \(x(pfn))의 inuse는 \(inuse)인데 사용 중인 객체는 \(counted)개입니다")
        case .fullWithFree(let c):
            m = Message(en: "\(c): full slab with free objects", ko: "\(c): full slab에 빈 객체가 있습니다")
        case .freeWithUsed(let c):
            m = Message(en: "\(c): free slab with objects in use", ko: "\(c): free slab에 사용 중인 객체가 있습니다")
        case .partialNotPartial(let c):
            m = Message(en: "\(c): partial slab that is full or empty", ko: "\(c): partial slab이 가득 찼거나 비어 있습니다")
        case .nodePartialWithoutFree(let c):
            m = Message(en: "\(c): node partial slab without a free object", ko: "\(c): 노드 partial slab에 빈 객체가 없습니다")
        case .unlistedWithFree(let c):
            m = Message(en: "\(c): a slab on no list still has free objects",
                        ko: "\(c): 어느 리스트에도 없는 slab에 아직 빈 객체가 있습니다")
        case .fullListWithFree(let c):
            m = Message(en: "\(c): full-list slab with free objects", ko: "\(c): full 리스트의 slab에 빈 객체가 있습니다")
        case .cpuSlabNotHeld(let c, let cpu):
            m = Message(en: "\(c): CPU slab not held by CPU \(cpu)", ko: "\(c): CPU slab이 CPU \(cpu)의 것이 아닙니다")
        case .arrayOverLimit(let c, let cpu, let count, let limit):
            m = Message(en: "\(c): CPU \(cpu) array holds \(count) > limit \(limit)",
                        ko: "\(c): CPU \(cpu)의 array에 \(count)개가 있습니다(limit \(limit) 초과)")
        case .sharedArrayOverLimit(let c):
            m = Message(en: "\(c): shared array over its limit", ko: "\(c): shared array가 한도를 넘었습니다")
        case .arrayEntries(let c, let entries, let cached):
            m = Message(en: "\(c): \(entries) array entries but \(cached) cached objects",
                        ko: "\(c): array 항목은 \(entries)개인데 cached 상태 객체는 \(cached)개입니다")
        case .arrayEntryNotCached(let c, let a):
            m = Message(en: "\(c): array entry \(x(a)) is not a cached object",
                        ko: "\(c): array 항목 \(x(a)): cached 상태의 객체가 아닙니다")
        case .slubArrayCache(let c):
            m = Message(en: "\(c): SLUB has no array caches", ko: "\(c): SLUB에는 array cache가 없습니다")
        case .slabBlocks(let inMemory, let known):
            m = Message(en: "\(inMemory) slab blocks in memory but caches know \(known)",
                        ko: "메모리에 slab 블록이 \(inMemory)개 있는데 캐시들이 아는 것은 \(known)개입니다")
        }
        return Message(en: "slab: " + m.en, ko: "slab: " + m.ko)
    }
}

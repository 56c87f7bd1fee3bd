import KernelMM

/// What commands say about their result (a free that was queued, a size class, a stack's use), in both languages.
/// Kernel names (vfree_atomic(), SLAB_MERGE_DEFAULT, THREAD_SIZE) stay as they are in both.
extension Message {
    // MARK: pages and addresses

    static func highmemHasNoAddress(_ pfn: PFN) -> Message {
        Message(en: "pfn \(Format.hex(pfn.raw)) is in ZONE_HIGHMEM: it has no permanent kernel address; the kernel maps it temporarily with kmap_local_page().",
                ko: "pfn \(Format.hex(pfn.raw)) 페이지는 ZONE_HIGHMEM에 있어 고정된 커널 주소가 없습니다. 커널은 kmap_local_page()로 잠시 매핑해서 씁니다.")
    }

    static let getFreePagesDropsHighmem = Message(
        en: "__get_free_pages() drops __GFP_HIGHMEM: a HIGHMEM page would have no address to return.",
        ko: "__get_free_pages()는 __GFP_HIGHMEM을 떼어 냅니다. HIGHMEM 페이지에는 돌려줄 주소가 없기 때문입니다.")

    // MARK: kmalloc

    static func kmallocRoundupClass(_ n: Int, cache: String, classSize c: Int) -> Message {
        Message(en: "\(n) → \(cache): \(c) bytes, \(c - n) wasted",
                ko: "\(n) → \(cache): \(c)바이트, \(c - n)바이트 낭비")
    }

    static func kmallocRoundupPages(_ n: Int, order: Int, bytes r: Int) -> Message {
        Message(en: "\(n) → order-\(order) pages from the page allocator: \(r) bytes, \(r - n) wasted",
                ko: "\(n) → 페이지 할당자의 order-\(order) 페이지: \(r)바이트, \(r - n)바이트 낭비")
    }

    // MARK: vmalloc

    static func vfreeFreed(_ n: Int) -> Message {
        Message(en: "freed \(n) page\(n == 1 ? "" : "s") and the range", ko: "페이지 \(n)개와 주소 범위를 해제했습니다")
    }

    static let vfreeDeferred = Message(
        en: "vfree_atomic(): queued; the pages are freed by a work item once this CPU is back in process context",
        ko: "vfree_atomic(): 대기열에 넣었습니다. 이 CPU가 프로세스 문맥으로 돌아오면 work item이 페이지를 해제합니다")

    static func deferredVfreesDone(_ n: Int) -> Message {
        Message(en: "free_work(): \(n) deferred vfree() done", ko: "free_work(): 미뤄 둔 vfree() \(n)개를 처리했습니다")
    }

    // MARK: CPUs and stacks

    static func irqStackLine(from lo: UInt64, to hi: UInt64, kib: Int) -> Message {
        Message(en: "handler runs on the IRQ stack \(Format.hex(lo))-\(Format.hex(hi)) (\(kib) KiB)",
                ko: "핸들러는 IRQ 스택 \(Format.hex(lo))-\(Format.hex(hi))(\(kib) KiB) 위에서 돕니다")
    }

    /// The parts of `cpuN: preempt_count …` after the count: words in `lang`, kernel names as they are.
    static let servingSoftirq = Message(en: "serving a softirq", ko: "softirq 처리 중")
    static func bhDisabled(_ n: Int) -> Message { Message(en: "bh disabled ×\(n)", ko: "bh 꺼짐 ×\(n)") }
    static func irqsState(disabled: Bool) -> Message {
        disabled ? Message(en: "irqs disabled", ko: "인터럽트 꺼짐") : Message(en: "irqs enabled", ko: "인터럽트 켜짐")
    }
    static func holdingLocks(_ names: [String]) -> Message {
        let list = names.joined(separator: ", ")
        return Message(en: "holding " + list, ko: "잡은 락: " + list)
    }

    static func irqStackUse(cpu: Int, used: Int, left: Int) -> Message {
        Message(en: "handler on cpu\(cpu)'s IRQ stack: \(used) bytes used, \(left) left; the interrupted task's stack is untouched",
                ko: "핸들러가 cpu\(cpu)의 IRQ 스택을 씁니다: \(used)바이트 사용, \(left)바이트 남음. 끼어든 태스크의 스택은 그대로입니다")
    }

    static func taskStackUseInIRQ(pid: Int, used: Int, left: Int) -> Message {
        Message(en: "handler on pid \(pid)'s own stack (no IRQ stacks): \(used) bytes in use there, \(left) left",
                ko: "핸들러가 pid \(pid)의 스택을 그대로 씁니다(IRQ 스택 없음): 그 스택에서 \(used)바이트 사용 중, \(left)바이트 남음")
    }

    static func stackFits(pid: Int, used: Int, left: Int, size: Int) -> Message {
        Message(en: "pid \(pid): \(used) bytes used, \(left) left of \(size)",
                ko: "pid \(pid): \(size)바이트 중 \(used)바이트 사용, \(left)바이트 남음")
    }

    // MARK: per-CPU data

    static func perCPUDefined(type: String, name: String, size: Int, offset: Int, cpu0: UInt64, unitSize: Int) -> Message {
        Message(en: "\(type) \(name): \(size) bytes at offset \(offset) of each unit; cpu0's copy at \(Format.hex(cpu0)), cpuN's at + N × \(unitSize)",
                ko: "\(type) \(name): 각 유닛의 오프셋 \(offset)에 \(size)바이트. cpu0의 사본은 \(Format.hex(cpu0)), cpuN의 사본은 + N × \(unitSize)에 있습니다")
    }

    static func perCPUReservedFull(_ name: String) -> Message {
        Message(en: "DEFINE_PER_CPU \(name): the reserved per-CPU area is full (the module load would fail with -ENOMEM)",
                ko: "DEFINE_PER_CPU \(name): 예약된 per-CPU 영역이 가득 찼습니다(모듈 적재가 -ENOMEM으로 실패합니다)")
    }

    // MARK: slab caches

    static func cacheMerged(_ name: String, into: String) -> Message {
        Message(en: "\(name): merged with \(into) (SLAB_MERGE_DEFAULT): same geometry, no cache of its own",
                ko: "\(name): \(into) 캐시와 병합되었습니다(SLAB_MERGE_DEFAULT). 모양이 같아서 따로 캐시를 만들지 않습니다")
    }

    /// kmem_cache_create's line: the geometry the kernel worked out.
    static func cacheGeometry(_ name: String, object: Int, size: Int, align: Int, num: Int, order: Int, slabBytes: Int, left: Int) -> Message {
        let slab = Format.bytes(UInt64(slabBytes))
        return Message(en: "\(name): object \(object) → \(size) bytes (align \(align)), \(num) object\(num == 1 ? "" : "s") per order-\(order) slab (\(slab)), \(left) bytes left over",
                       ko: "\(name): 객체 \(object) → \(size)바이트 (정렬 \(align)), order-\(order) slab(\(slab))당 객체 \(num)개, 남는 바이트 \(left)")
    }

    static func validateNoDebugFlags(_ name: String) -> Message {
        Message(en: "\(name) has no debug flags (slab_debug / SLAB_POISON / SLAB_RED_ZONE): there are no poison or red-zone bytes to check.",
                ko: "\(name) 캐시에는 디버그 플래그(slab_debug / SLAB_POISON / SLAB_RED_ZONE)가 없어서 검사할 poison이나 red zone 바이트가 없습니다.")
    }

    static func validateNoDamage(_ name: String) -> Message {
        Message(en: "\(name): no damage found", ko: "\(name): 손상을 찾지 못했습니다")
    }

    static func writeUnwatched(_ len: UInt64, at addr: UInt64) -> Message {
        Message(en: "\(len) byte(s) written at \(Format.hex(addr)). kmemsim keeps no contents for this memory (no slab debugging here), so nothing can notice — as on a kernel without debugging.",
                ko: "\(Format.hex(addr))에 \(len)바이트를 썼습니다. kmemsim은 이 메모리의 내용을 보관하지 않으므로(여기는 slab 디버깅이 없습니다) 아무도 알아채지 못합니다. 디버깅 없는 커널에서와 같습니다.")
    }

    static func wroteBytes(_ n: Int, byte: UInt8, at addr: UInt64) -> Message {
        let b = Format.hex(UInt64(byte), digits: 2)
        return Message(en: "wrote \(n) byte(s) of \(b) at \(Format.hex(addr))", ko: "\(Format.hex(addr))에 \(b) 바이트 \(n)개를 썼습니다")
    }

    // MARK: session

    static let noVariablesYet = Message(en: "no variables yet: 'p = alloc_pages GFP_KERNEL 0' names a result",
                                        ko: "아직 변수가 없습니다. 'p = alloc_pages GFP_KERNEL 0'처럼 결과에 이름을 붙이세요")

    static func wroteFiles(_ files: [String]) -> Message {
        let list = files.joined(separator: " ")
        return Message(en: "wrote " + list, ko: "파일을 썼습니다: " + list)
    }

    static let printNeedsExpression = Message(en: "print needs an expression, e.g. print zone(\"Normal\").free",
                                              ko: "print에는 식이 필요합니다. 예: print zone(\"Normal\").free")
}

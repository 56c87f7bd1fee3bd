import KernelMM

/// kmemsim's own words in `cpus`, `task list` and `percpu` (column headers mirror the kernel's fields and stay).
extension Message {
    // MARK: cpus

    static func cpuIdleTask(_ cpu: Int) -> Message { Message(en: "swapper/\(cpu) (idle)", ko: "swapper/\(cpu) (유휴)") }
    static let cpuIrqsEnabled = Message(en: "enabled", ko: "켜짐")
    static let cpuIrqsDisabled = Message(en: "disabled", ko: "꺼짐")
    static let cpuNoIRQStack = Message(en: "none", ko: "없음")
    static let cpuHolding = Message(en: "holding: ", ko: "잡고 있는 락: ")

    static func cpuPreemptDisabledAt(_ at: String) -> Message {
        Message(en: "preemption disabled at: \(at)", ko: "선점을 끈 곳: \(at)")
    }

    static let cpuLegend = Message(
        en: "in_atomic() = preempt_count != 0; in_interrupt() = softirq|hardirq|nmi fields; sleeping is allowed only with preempt_count 0 and irqs enabled",
        ko: "in_atomic() = preempt_count != 0; in_interrupt() = softirq|hardirq|nmi 필드; 잠들 수 있는 것은 preempt_count가 0이고 인터럽트가 켜져 있을 때뿐입니다")
    static let cpuStackVmapped = Message(en: ", vmapped over the per-CPU area, guard page", ko: ", per-CPU 영역 위에 vmap됨, guard 페이지 있음")
    static let cpuStackInPercpu = Message(en: ", in the per-CPU area", ko: ", per-CPU 영역 안")

    static func cpuSoftirqStack(pfn: Int) -> Message {
        Message(en: ", softirq stack pfn \(Format.hex(pfn))", ko: ", softirq 스택 pfn \(Format.hex(pfn))")
    }

    // MARK: task list

    static let taskInitStack = Message(en: "init_stack in the kernel image", ko: "커널 이미지 안의 init_stack")

    static func taskStackCache(cpu: Int) -> Message { Message(en: "cpu\(cpu) stack cache: ", ko: "cpu\(cpu) 스택 캐시: ") }

    static func taskFooter(threadSize: Int, order: Int, vmapStack: Bool, kernelStackKB: Int) -> Message {
        let head = "THREAD_SIZE \(threadSize) (order \(order)), ", tail = "; KernelStack: \(kernelStackKB) kB; * = "
        return Message(en: head + (vmapStack ? "vmapped stacks (CONFIG_VMAP_STACK)" : "stacks from the page allocator") + tail + "running",
                       ko: head + (vmapStack ? "vmap 스택(CONFIG_VMAP_STACK)" : "페이지 할당자에서 받은 스택") + tail + "실행 중")
    }

    static let taskStackGuard = Message(en: ", guard page", ko: ", guard 페이지 있음")

    static func taskStackPages(order: Int, pfn: Int, zone: String) -> Message {
        let p = Format.hex(pfn)
        return Message(en: " pages, order-\(order) block at pfn \(p) (\(zone)), no guard",
                       ko: " 페이지, pfn \(p)의 order-\(order) 블록 (\(zone)), guard 없음")
    }

    static func taskStackDeepest(_ bytes: Int) -> Message { Message(en: ", deepest use \(bytes)", ko: ", 가장 깊이 쓴 양 \(bytes)") }

    // MARK: percpu

    static func percpuFirstChunk(units: Int, unitSize: Int) -> Message {
        Message(en: "chunk 0 (first, embedded in the direct map): \(units) units of \(unitSize) bytes",
                ko: "chunk 0 (첫 chunk, direct map 안에 내장): \(unitSize)바이트 unit \(units)개")
    }

    static func percpuVmallocChunk(id: Int, units: Int, unitSize: Int, populated: Int, pagesPerUnit: Int) -> Message {
        Message(en: "chunk \(id) (vmalloc space): \(units) units of \(unitSize) bytes, \(populated) of \(pagesPerUnit) pages per unit populated",
                ko: "chunk \(id) (vmalloc 공간): \(unitSize)바이트 unit \(units)개, unit마다 \(pagesPerUnit)페이지 중 \(populated)페이지 채워짐")
    }

    static func percpuAllocationCount(_ n: Int, bytesPerUnit: Int) -> Message {
        Message(en: "\(n) allocation\(n == 1 ? "" : "s"), \(bytesPerUnit) bytes per unit", ko: "할당 \(n)개, unit마다 \(bytesPerUnit)바이트")
    }
}

/// `slab CACHE`'s own lines (the geometry line is Message.cacheGeometry; the field names stay).
extension Message {
    static func slabAllocatedWith(_ allocflags: String?) -> Message {
        Message(en: "; slabs allocated with " + (allocflags.map { "the caller's gfp + " + $0 } ?? "the caller's gfp only"),
                ko: "; 슬랩 할당에 쓰는 gfp: " + (allocflags.map { "호출자의 gfp + " + $0 } ?? "호출자의 gfp 그대로"))
    }

    static func slabUseCount(slabs: Int, live: Int, total: Int) -> Message {
        Message(en: "\(slabs) slab\(slabs == 1 ? "" : "s"), \(live) object\(live == 1 ? "" : "s") in use of \(total)",
                ko: "슬랩 \(slabs)개, 객체 \(total)개 중 \(live)개 사용 중")
    }
}

extension Message {
    static func slubFreePointer(_ offset: Int) -> Message {
        Message(en: "free pointer at offset \(offset)", ko: "free pointer 위치 offset \(offset)")
    }

    static let slabObjectsLegend = Message(en: "(# allocated, . free, c in an array cache)", ko: "(# 할당됨, . 비어 있음, c array cache에 있음)")
}

/// The zones, buddy, slab and percpu views' remaining words (the column headings mirror the kernel's fields and stay).
extension Message {
    static func zonesMachineLine(arch: String, memory: String, cpus: Int, pageKiB: Int, maxOrder: Int, pageblockOrder: Int, minFreeKbytes: Int) -> Message {
        Message(en: "\(arch), \(memory) RAM, \(cpus) CPU\(cpus == 1 ? "" : "s"), \(pageKiB) KiB pages, MAX_ORDER \(maxOrder), pageblock order \(pageblockOrder), min_free_kbytes \(minFreeKbytes)",
                ko: "\(arch), RAM \(memory), CPU \(cpus)개, 페이지 \(pageKiB) KiB, MAX_ORDER \(maxOrder), pageblock order \(pageblockOrder), min_free_kbytes \(minFreeKbytes)")
    }
    static func freeAreaHeading(zone: String, free: Int, pcp: Int) -> Message {
        Message(en: "zone \(zone): \(free) free pages in the buddy lists, \(pcp) on per-CPU lists",
                ko: "zone \(zone): buddy 리스트에 빈 페이지 \(free)개, per-CPU 리스트에 \(pcp)개")
    }
    static func slabMergedInto(_ name: String) -> Message {
        Message(en: " (\(name) is merged into it)", ko: " (\(name) 캐시가 이 캐시에 병합됨)")
    }
    static let slabAliases = Message(en: "  aliases: ", ko: "  별칭: ")
    static let slabConstructor = Message(en: ", constructor", ko: ", 생성자 있음")
    static func percpuUnitAt(_ unit: Int, address: String) -> Message {
        Message(en: "  unit \(unit) (cpu\(unit)) at \(address)", ko: "  unit \(unit) (cpu\(unit)): \(address)")
    }
    static let percpuVariablesHeading = Message(en: "variables:", ko: "변수:")
}

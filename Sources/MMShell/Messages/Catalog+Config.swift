import KernelMM

/// The words of `help config`, `help arch` and the per-CPU first chunk's layout notes: which kernel configuration
/// kmemsim models and where its machines differ from a real 6.6 build.
enum ConfigStrings {
    static let configTitle = Message(
        en: "The kernel configuration kmemsim models (the CONFIG_ options its memory manager reads; 'config' lists them for the booted machine as .config lines):",
        ko: "kmemsim이 모델링하는 커널 설정입니다 (메모리 관리자가 읽는 CONFIG_ 옵션들이며, 'config'는 부팅한 머신의 값을 .config 형식으로 보여 줍니다):")

    static func archSummary(_ a: Architecture) -> Message {
        switch a {
        case .x86_64:
            return Message(
                en: "x86_64: built like a distribution kernel (Debian's amd64): SLUB, transparent hugepages (CONFIG_TRANSPARENT_HUGEPAGE=y), no CMA, NUMA with one node, 4-level page tables, kernel stacks in vmalloc space (CONFIG_VMAP_STACK).",
                ko: "x86_64: 배포판 커널(Debian amd64)처럼 빌드했습니다. SLUB, transparent hugepage(CONFIG_TRANSPARENT_HUGEPAGE=y), CMA 없음, 노드 하나인 NUMA, 4단계 페이지 테이블, vmalloc 공간의 커널 스택(CONFIG_VMAP_STACK)입니다.")
        case .i386:
            return Message(
                en: "i386: the textbook 32-bit machine: 3G/1G split (CONFIG_VMSPLIT_3G), HIGHMEM without PAE (CONFIG_HIGHMEM4G), 2-level page tables, at most 8 CPUs (CONFIG_NR_CPUS, which also sizes the fixmap and cpu_entry_area and so where lowmem ends), no transparent hugepages.",
                ko: "i386: 교과서의 32비트 머신입니다. 3G/1G 분할(CONFIG_VMSPLIT_3G), PAE 없는 HIGHMEM(CONFIG_HIGHMEM4G), 2단계 페이지 테이블, CPU는 8개까지(CONFIG_NR_CPUS: 이 값으로 fixmap과 cpu_entry_area의 크기가, 따라서 lowmem이 끝나는 곳이 정해집니다)이며 transparent hugepage는 없습니다.")
        case .sparc64:
            return Message(
                en: "sparc64: the 64-bit machine with 8 KiB pages, one ZONE_NORMAL, no transparent hugepages; MAX_ORDER stays 10 (the real default of CONFIG_ARCH_FORCE_MAX_ORDER is 12).",
                ko: "sparc64: 8 KiB 페이지를 쓰는 64비트 머신으로, ZONE_NORMAL 하나에 transparent hugepage는 없습니다. MAX_ORDER는 10으로 둡니다(실제 CONFIG_ARCH_FORCE_MAX_ORDER 기본값은 12입니다).")
        }
    }

    static let thpEffects = Message(
        en: "With transparent hugepages, 6.6 keeps whole pageblocks free for huge pages: set_recommended_min_free_kbytes() (mm/khugepaged.c) raises min_free_kbytes to 2 + 3 × 3 = 11 pageblocks per zone up to ZONE_NORMAL (at most 5 % of lowmem), so a 1 GiB x86_64 machine has min_free_kbytes 45056 and a 4 GiB one 67584, as Debian's kernels do; the per-CPU page lists gain one list for order-9 blocks (NR_PCP_THP), so an order-9 block freed goes to the CPU's list first. A min_free_kbytes given at boot stands for a sysctl written after boot and is kept.",
        ko: "transparent hugepage가 켜져 있으면 6.6은 huge page를 위해 pageblock 단위로 메모리를 비워 둡니다. set_recommended_min_free_kbytes()(mm/khugepaged.c)가 min_free_kbytes를 ZONE_NORMAL까지의 존마다 pageblock 2 + 3 × 3 = 11개로 올리므로(lowmem의 5 %까지), Debian 커널과 같이 1 GiB x86_64 머신은 min_free_kbytes가 45056, 4 GiB 머신은 67584가 됩니다. per-CPU 페이지 리스트에는 order-9 블록용 리스트가 하나 더 생겨서(NR_PCP_THP), 해제한 order-9 블록은 먼저 CPU의 리스트로 갑니다. 부팅 때 min_free_kbytes를 주면 부팅 뒤에 sysctl로 쓴 값으로 보고 그대로 둡니다.")

    static let differences = Message(
        en: "Not modelled, though Debian sets them: SLAB_FREELIST_RANDOM (objects are handed out in address order), SLAB_FREELIST_HARDENED, KFENCE, DEFERRED_STRUCT_PAGE_INIT (every struct page is initialised at boot). No build here has CMA, so /proc/pagetypeinfo has no CMA column and /proc/meminfo no CmaTotal.",
        ko: "Debian은 켜지만 kmemsim은 모델링하지 않는 옵션: SLAB_FREELIST_RANDOM(객체를 주소 순서로 내줍니다), SLAB_FREELIST_HARDENED, KFENCE, DEFERRED_STRUCT_PAGE_INIT(부팅 때 모든 struct page를 초기화합니다). 어느 빌드에도 CMA가 없으므로 /proc/pagetypeinfo에는 CMA 열이, /proc/meminfo에는 CmaTotal이 없습니다.")

    static func noSuchOption(_ match: String) -> Message {
        Message(en: "no CONFIG_ option kmemsim models contains '\(match)'; 'config' lists them all",
                ko: "kmemsim이 모델링하는 CONFIG_ 옵션 가운데 '\(match)' 문자열을 포함하는 것이 없습니다. 'config'가 전부 보여 줍니다")
    }

    static let archTitle = Message(en: "Architectures (boot arch=NAME):", ko: "아키텍처 (boot arch=이름):")

    static func archLine(_ a: Architecture) -> Message {
        let zones = a.configuredZones.map(\.procName).joined(separator: ", ")
        return Message(
            en: "\(a.pageSize / 1024) KiB pages, struct page \(a.structPageSize) bytes, THREAD_SIZE \(a.threadSize / 1024) KiB, zones: \(zones)",
            ko: "페이지 \(a.pageSize / 1024) KiB, struct page \(a.structPageSize)바이트, THREAD_SIZE \(a.threadSize / 1024) KiB, 존: \(zones)")
    }

    static var i386Lowmem: Message {
        let end = "0x" + String(Architecture.i386LowmemLimit, radix: 16)
        return Message(
            en: "i386: lowmem (ZONE_NORMAL) ends at MAXMEM = VMALLOC_END − PAGE_OFFSET − __VMALLOC_RESERVE (128 MiB) = \(end), about 880 MiB, as 6.6 computes it: VMALLOC_END lies below the PKMAP, LDT, cpu_entry_area and fixmap areas at the top of the address space. Textbooks say 896 MiB (1 GiB − 128 MiB, as if vmalloc space reached the top). Memory above lowmem is HIGHMEM; vmalloc space starts 8 MiB past lowmem's end, so VmallocTotal is 120 MiB (122880 kB) once RAM fills lowmem, more on a smaller machine.",
            ko: "i386: lowmem(ZONE_NORMAL)은 6.6이 계산하는 대로 MAXMEM = VMALLOC_END − PAGE_OFFSET − __VMALLOC_RESERVE(128 MiB) = \(end), 약 880 MiB에서 끝납니다. VMALLOC_END가 주소 공간 꼭대기의 PKMAP, LDT, cpu_entry_area, fixmap 영역 아래에 있기 때문입니다. 교재는 896 MiB라고 합니다(vmalloc 공간이 꼭대기까지 닿는 것처럼 1 GiB − 128 MiB로 센 값입니다). lowmem 위의 메모리는 HIGHMEM입니다. vmalloc 공간은 lowmem 끝에서 8 MiB 뒤에 시작하므로, RAM이 lowmem을 다 채우면 VmallocTotal은 120 MiB(122880 kB)이고 더 작은 머신에서는 더 큽니다.")
    }

    static let sparcMaxOrder = Message(
        en: "sparc64 is the 64-bit architecture with 8 KiB pages; its real kernel raises MAX_ORDER (ARCH_FORCE_MAX_ORDER), kmemsim keeps 10 everywhere.",
        ko: "sparc64는 8 KiB 페이지를 쓰는 64비트 아키텍처입니다. 실제 커널은 MAX_ORDER를 올리지만(ARCH_FORCE_MAX_ORDER) kmemsim은 어디서나 10을 씁니다.")

    static let seeConfig = Message(
        en: "'help config' says which kernel configuration each machine models; 'config' lists its CONFIG_ options.",
        ko: "'help config'는 머신마다 어떤 커널 설정을 모델링하는지, 'config'는 그 CONFIG_ 옵션들을 보여 줍니다.")
}

extension ConfigStrings {
    static let freedAfterBoot = Message(en: "(freed after boot)", ko: "(부팅 뒤 해제됨)")
}

/// The per-CPU first chunk's layout, worded.
enum PercpuStrings {
    /// pcpu_embed_first_chunk() gives each unit's tail past the first chunk back to memblock.
    static func unitTailReturned(firstChunkSize: Int) -> Message {
        Message(
            en: "past byte \(firstChunkSize) a first-chunk unit is not per-CPU memory: pcpu_embed_first_chunk() gave that part of each unit back to memblock, and the page allocator has it now",
            ko: "첫 청크의 유닛에서 \(firstChunkSize)바이트 뒤는 per-CPU 메모리가 아닙니다. pcpu_embed_first_chunk()가 각 유닛의 그 부분을 memblock에 돌려주었고, 지금은 페이지 할당자가 가지고 있습니다")
    }
}

import KernelMM

/// The gfp flags in words: what each `__GFP_*` bit and `GFP_*` type means (include/linux/gfp_types.h), what became of
/// the flags older kernels had, and the lines of the `gfp MASK` view. KernelMM/GFP/GFPNames.swift holds the facts
/// (names, values, groups); `help gfp` and `gfp` read these.
extension Message {
    static func gfpGroupTitle(_ g: GFPName.Group) -> Message {
        switch g {
        case .zone: Message(en: "zone modifiers", ko: "존 지정자")
        case .mobility: Message(en: "page mobility and placement", ko: "페이지 이동성과 배치")
        case .watermark: Message(en: "watermark modifiers", ko: "워터마크 지정자")
        case .reclaim: Message(en: "reclaim modifiers", ko: "회수(reclaim) 지정자")
        case .action: Message(en: "action modifiers", ko: "동작 지정자")
        case .type: Message(en: "useful gfp types", ko: "자주 쓰는 gfp 타입")
        }
    }

    static var gfpRemovedTitle: Message {
        Message(en: "removed (older kernels and textbooks):", ko: "없어진 플래그 (옛 커널과 교재):")
    }

    /// One line of `help gfp` for each entry of `GFPNames.all`; nil for a name the catalog does not know (a test
    /// checks there is none).
    static func gfpSummary(_ name: String) -> Message? {
        switch name {
        case "__GFP_DMA": Message(en: "allocate from ZONE_DMA", ko: "ZONE_DMA에서 할당합니다")
        case "__GFP_HIGHMEM": Message(en: "ZONE_HIGHMEM allowed", ko: "ZONE_HIGHMEM도 쓸 수 있습니다")
        case "__GFP_DMA32": Message(en: "allocate from ZONE_DMA32", ko: "ZONE_DMA32에서 할당합니다")
        case "__GFP_MOVABLE":
            Message(en: "page can be migrated; with __GFP_HIGHMEM → ZONE_MOVABLE",
                    ko: "옮길 수 있는 페이지입니다. __GFP_HIGHMEM과 함께 쓰면 ZONE_MOVABLE")
        case "__GFP_RECLAIMABLE": Message(en: "slab page that a shrinker can free", ko: "shrinker가 해제할 수 있는 slab 페이지입니다")
        case "__GFP_HIGH": Message(en: "high priority: may use part of the min reserve", ko: "높은 우선순위: min 예비분의 일부를 쓸 수 있습니다")
        case "__GFP_IO": Message(en: "reclaim may start physical I/O", ko: "회수 중에 물리 I/O를 시작해도 됩니다")
        case "__GFP_FS": Message(en: "reclaim may call into filesystems", ko: "회수 중에 파일시스템을 불러도 됩니다")
        case "__GFP_ZERO": Message(en: "return zeroed memory", ko: "0으로 채운 메모리를 돌려줍니다")
        case "__GFP_DIRECT_RECLAIM": Message(en: "may enter direct reclaim, so may sleep", ko: "직접 회수에 들어갈 수 있으므로 잠들 수 있습니다")
        case "__GFP_KSWAPD_RECLAIM": Message(en: "wake kswapd when the low watermark is reached", ko: "low 워터마크에 닿으면 kswapd를 깨웁니다")
        case "__GFP_WRITE": Message(en: "the page will be dirtied (spread across nodes)", ko: "이 페이지에 곧 쓰기가 일어납니다(노드에 고르게 퍼뜨림)")
        case "__GFP_NOWARN": Message(en: "no allocation-failure report", ko: "할당 실패 보고를 내지 않습니다")
        case "__GFP_RETRY_MAYFAIL": Message(en: "try hard, may fail, never OOM-kill", ko: "끈질기게 시도하지만 실패할 수 있고, OOM killer는 부르지 않습니다")
        case "__GFP_NOFAIL": Message(en: "retry forever; the caller cannot handle failure", ko: "끝없이 다시 시도합니다. 호출한 쪽이 실패를 처리할 수 없을 때 씁니다")
        case "__GFP_NORETRY": Message(en: "one light attempt at reclaim, no OOM kill", ko: "회수를 가볍게 한 번만 시도하고, OOM kill은 하지 않습니다")
        case "__GFP_MEMALLOC": Message(en: "ignore watermarks (for freeing memory)", ko: "워터마크를 무시합니다(메모리를 풀어 주는 작업용)")
        case "__GFP_COMP": Message(en: "compound page: head and tail pages", ko: "compound 페이지: head와 tail 페이지")
        case "__GFP_NOMEMALLOC": Message(en: "never use reserves; beats __GFP_MEMALLOC", ko: "예비 메모리를 절대 쓰지 않습니다. __GFP_MEMALLOC보다 우선합니다")
        case "__GFP_HARDWALL": Message(en: "enforce the cpuset memory policy", ko: "cpuset 메모리 정책을 강제합니다")
        case "__GFP_THISNODE": Message(en: "this node only, no fallback", ko: "이 노드에서만 할당하고 다른 노드로 넘어가지 않습니다")
        case "__GFP_ACCOUNT": Message(en: "charge to the memory cgroup (kmemcg)", ko: "메모리 cgroup(kmemcg)에 사용량을 청구합니다")
        case "__GFP_ZEROTAGS": Message(en: "zero MTE tags too (with __GFP_ZERO)", ko: "MTE 태그도 0으로 채웁니다(__GFP_ZERO와 함께)")
        case "__GFP_RECLAIM": Message(verbatim: "__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM")
        case "__GFP_SKIP_ZERO", "__GFP_SKIP_KASAN": Message(en: "0 unless CONFIG_KASAN_HW_TAGS", ko: "CONFIG_KASAN_HW_TAGS가 아니면 0")
        case "__GFP_NOLOCKDEP": Message(en: "0 unless CONFIG_LOCKDEP", ko: "CONFIG_LOCKDEP가 아니면 0")
        case "GFP_ATOMIC":
            Message(en: "cannot sleep, may use reserves (interrupt handlers that must succeed)",
                    ko: "잠들 수 없고 예비 메모리를 쓸 수 있습니다(꼭 성공해야 하는 인터럽트 핸들러)")
        case "GFP_KERNEL": Message(en: "the usual kernel allocation; may sleep", ko: "보통의 커널 할당입니다. 잠들 수 있습니다")
        case "GFP_KERNEL_ACCOUNT":
            Message(en: "GFP_KERNEL charged to kmemcg (untrusted, user-triggered)",
                    ko: "kmemcg에 청구되는 GFP_KERNEL(사용자가 일으킨, 믿을 수 없는 할당)")
        case "GFP_NOWAIT":
            Message(en: "cannot sleep, no reserves (atomic context with a fallback)",
                    ko: "잠들 수 없고 예비 메모리도 쓰지 않습니다(대안이 있는 atomic 컨텍스트)")
        case "GFP_NOIO":
            Message(en: "may sleep, no I/O in reclaim (legacy: use memalloc_noio_save)",
                    ko: "잠들 수 있지만 회수 중 I/O는 하지 않습니다(옛 방식: memalloc_noio_save를 쓰세요)")
        case "GFP_NOFS":
            Message(en: "may sleep, no filesystem calls in reclaim (legacy: memalloc_nofs_save)",
                    ko: "잠들 수 있지만 회수 중 파일시스템을 부르지 않습니다(옛 방식: memalloc_nofs_save)")
        case "GFP_USER": Message(en: "user-space memory the kernel also accesses", ko: "커널도 접근하는 사용자 공간 메모리")
        case "GFP_DMA": Message(en: "ZONE_DMA, no reclaim bits (legacy: use dma_alloc_*)", ko: "ZONE_DMA, 회수 비트 없음(옛 방식: dma_alloc_*를 쓰세요)")
        case "GFP_DMA32": Message(en: "ZONE_DMA32, no reclaim bits", ko: "ZONE_DMA32, 회수 비트 없음")
        case "GFP_HIGHUSER": Message(en: "user memory, HIGHMEM allowed", ko: "사용자 메모리, HIGHMEM도 쓸 수 있음")
        case "GFP_HIGHUSER_MOVABLE": Message(en: "user memory that can be migrated", ko: "옮길 수 있는 사용자 메모리")
        case "GFP_TRANSHUGE_LIGHT": Message(en: "THP allocation without reclaim", ko: "회수 없이 하는 THP 할당")
        case "GFP_TRANSHUGE": Message(en: "THP allocation with direct reclaim", ko: "직접 회수까지 하는 THP 할당")
        default: nil
        }
    }

    /// What to use instead of a flag Linux no longer has (`GFPNames.removed`); nil for a name the catalog does not
    /// know (a test checks there is none).
    static func removedGFPReplacement(_ name: String) -> Message? {
        switch name {
        case "__GFP_WAIT":
            Message(en: "__GFP_DIRECT_RECLAIM (\"may sleep\"); 4.4 split it into __GFP_DIRECT_RECLAIM and __GFP_KSWAPD_RECLAIM",
                    ko: "__GFP_DIRECT_RECLAIM(\"잠들 수 있음\"). 4.4에서 __GFP_DIRECT_RECLAIM과 __GFP_KSWAPD_RECLAIM으로 나뉘었습니다")
        case "__GFP_REPEAT": Message(en: "__GFP_RETRY_MAYFAIL (since 4.13)", ko: "__GFP_RETRY_MAYFAIL(4.13부터)")
        case "__GFP_COLD":
            Message(en: "nothing: removed in 4.15, the per-CPU lists no longer keep cold pages",
                    ko: "대신할 것 없음: 4.15에서 없어졌습니다. per-CPU 리스트는 이제 cold 페이지를 따로 두지 않습니다")
        case "__GFP_NOTRACK": Message(en: "nothing: kmemcheck was removed in 4.15", ko: "대신할 것 없음: kmemcheck가 4.15에서 없어졌습니다")
        case "__GFP_ATOMIC":
            Message(en: "nothing: removed in 6.3; reserve access now comes from __GFP_HIGH and not being able to sleep",
                    ko: "대신할 것 없음: 6.3에서 없어졌습니다. 이제 예비 메모리 사용은 __GFP_HIGH와 잠들 수 없다는 사실로 정해집니다")
        case "__GFP_NO_KSWAPD":
            Message(en: "GFP_TRANSHUGE_LIGHT or clearing __GFP_KSWAPD_RECLAIM",
                    ko: "GFP_TRANSHUGE_LIGHT, 또는 __GFP_KSWAPD_RECLAIM 빼기")
        case "__GFP_OTHER_NODE": Message(en: "nothing: removed in 4.11", ko: "대신할 것 없음: 4.11에서 없어졌습니다")
        case "__GFP_NOACCOUNT":
            Message(en: "nothing: accounting is opt-in with __GFP_ACCOUNT",
                    ko: "대신할 것 없음: 이제 청구는 __GFP_ACCOUNT를 줄 때만 합니다")
        case "GFP_TEMPORARY": Message(en: "GFP_KERNEL (removed in 4.14)", ko: "GFP_KERNEL(4.14에서 없어짐)")
        case "GFP_NOWAIT_NOWARN": Message(verbatim: "GFP_NOWAIT | __GFP_NOWARN")
        case "GFP_IOFS": Message(verbatim: "__GFP_IO | __GFP_FS")
        case "__GFP_HIGHMEN": Message(en: "__GFP_HIGHMEM (the M is an M)", ko: "__GFP_HIGHMEM(마지막 글자는 N이 아니라 M)")
        default: nil
        }
    }

    /// The error for a removed flag: whole sentences per language around the replacement phrase.
    static func removedGFPFlag(_ f: String) -> Message {
        let r = removedGFPReplacement(f) ?? Message(verbatim: "?")
        return Message(en: "\(f) no longer exists in Linux 6.6; use \(r.en)",
                       ko: "\(f) 플래그는 Linux 6.6에 더 이상 없습니다. 대신 쓸 것: \(r.ko)")
    }
}

/// The `gfp MASK` view's lines (the values in them are the kernel's names).
enum GFPViewStrings {
    /// The view's row labels, padded to one column (13 terminal columns; Hangul counts two).
    enum Label {
        case zone, zonelist, mobility, maySleep, reserves, kswapd, onFailure, contents, compound
        var message: Message {
            switch self {
            case .zone: Message(en: "zone:", ko: "존:")
            case .zonelist: Message(verbatim: "zonelist:")
            case .mobility: Message(en: "mobility:", ko: "이동성:")
            case .maySleep: Message(en: "may sleep:", ko: "수면 가능:")
            case .reserves: Message(en: "reserves:", ko: "예비 메모리:")
            case .kswapd: Message(verbatim: "kswapd:")
            case .onFailure: Message(en: "on failure:", ko: "실패하면:")
            case .contents: Message(en: "contents:", ko: "내용:")
            case .compound: Message(verbatim: "compound:")
            }
        }
    }
    static func row(_ l: Label, _ value: String, _ lang: Language) -> String { "  " + Format.left(l.message.text(lang), 13) + value }
    static var noName: Message { Message(en: "(none)", ko: "(없음)") }

    static var invalidCombination: Message {
        Message(en: " — invalid combination (GFP_ZONE_BAD): a CONFIG_DEBUG_VM kernel BUGs",
                ko: " — 잘못된 조합(GFP_ZONE_BAD): CONFIG_DEBUG_VM 커널이면 BUG가 납니다")
    }
    static func collapsed(_ asked: String, arch: String) -> Message {
        Message(en: " (asked for \(asked), which \(arch) does not have)",
                ko: " (요청한 존 \(asked): \(arch) 아키텍처에는 없음)")
    }
    static var noPopulatedZone: Message { Message(en: "(no populated zone)", ko: "(메모리가 있는 존 없음)") }
    static var sleepsYes: Message {
        Message(en: "yes (__GFP_DIRECT_RECLAIM): process context only", ko: "예(__GFP_DIRECT_RECLAIM): 프로세스 컨텍스트에서만 씁니다")
    }
    static var sleepsNo: Message {
        Message(en: "no: safe in atomic and interrupt context", ko: "아니요: atomic 컨텍스트와 인터럽트 컨텍스트에서도 안전합니다")
    }
    static var reserveAll: Message { Message(en: "all of it: __GFP_MEMALLOC ignores watermarks", ko: "전부: __GFP_MEMALLOC은 워터마크를 무시합니다") }
    static var reserveNonBlock: Message {
        Message(en: "down to 37.5% of the min watermark (__GFP_HIGH, cannot sleep)", ko: "min 워터마크의 37.5%까지(__GFP_HIGH, 잠들 수 없음)")
    }
    static var reserveHigh: Message { Message(en: "down to 50% of the min watermark (__GFP_HIGH)", ko: "min 워터마크의 50%까지(__GFP_HIGH)") }
    static var reserveNone: Message { Message(en: "none: stops at the min watermark", ko: "없음: min 워터마크에서 멈춥니다") }
    static var kswapdWoken: Message { Message(en: "woken below the low watermark", ko: "low 워터마크 아래로 내려가면 깨웁니다") }
    static var kswapdNotWoken: Message { Message(en: "not woken", ko: "깨우지 않습니다") }
    static var neverFails: Message { Message(en: "never fails (__GFP_NOFAIL)", ko: "실패하지 않습니다(__GFP_NOFAIL)") }
    static var oneLightAttempt: Message {
        Message(en: "one light reclaim attempt (__GFP_NORETRY)", ko: "가벼운 회수를 한 번만 시도합니다(__GFP_NORETRY)")
    }
    static var retriesHard: Message {
        Message(en: "retries hard, then fails without the OOM killer (__GFP_RETRY_MAYFAIL)",
                ko: "끈질기게 다시 시도한 뒤 OOM killer 없이 실패합니다(__GFP_RETRY_MAYFAIL)")
    }
    static var noReport: Message { Message(en: "no failure report (__GFP_NOWARN)", ko: "실패 보고를 내지 않습니다(__GFP_NOWARN)") }
    static var zeroed: Message { Message(en: "zeroed", ko: "0으로 채워집니다") }
    static var compoundPages: Message { Message(en: "head + tail pages (__GFP_COMP)", ko: "head + tail 페이지(__GFP_COMP)") }
}

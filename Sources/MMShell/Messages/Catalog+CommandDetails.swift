/// `help CMD` in Korean: each command's longer explanation (`CommandSpec.details`, keyed by command name) and where the
/// kernel allows the call (`CommandSpec.contexts`, keyed by its English text: the table reuses a few phrases).
///
/// The English stays beside its command in the table; a test checks that every command with English details or a
/// context has its Korean here.
extension Message {
    static func commandDetails(_ c: CommandSpec) -> Message {
        Message(en: c.details, ko: koreanDetails[c.name] ?? c.details)
    }

    /// nil when the command declares no context.
    static func commandContexts(_ c: CommandSpec) -> Message? {
        c.contexts.map { Message(en: $0, ko: koreanContexts[$0] ?? $0) }
    }

    /// Korean for each distinct `contexts:` phrase of the table.
    static let koreanContexts: [String: String] = [
        "any": "어디서나",
        "any context": "어느 문맥에서나",
        "any context but NMI": "NMI를 뺀 모든 문맥",
        "process context": "프로세스 문맥",
        "process context, preemptible": "프로세스 문맥, 선점 가능한 상태",
        "process context (it may sleep)": "프로세스 문맥 (잠들 수 있습니다)",
        "process context (takes a mutex, may sleep)": "프로세스 문맥 (뮤텍스를 잡으므로 잠들 수 있습니다)",
        "process context (the vmalloc fallback may sleep)": "프로세스 문맥 (vmalloc으로 넘어가면 잠들 수 있습니다)",
        "process context (vfree may defer)": "프로세스 문맥 (vfree는 해제를 미룰 수 있습니다)",
        "process context; interrupt context (deferred); never NMI": "프로세스 문맥. 인터럽트 문맥에서는 해제가 미뤄지고, NMI에서는 절대 안 됩니다",
        "process context with a mask that may sleep (GFP_KERNEL); any context with GFP_ATOMIC or GFP_NOWAIT":
            "잠들 수 있는 마스크(GFP_KERNEL)는 프로세스 문맥에서만, GFP_ATOMIC이나 GFP_NOWAIT은 어느 문맥에서나",
        "process context only (may sleep); in interrupt context vmalloc() hits BUG_ON(in_interrupt())":
            "프로세스 문맥에서만 (잠들 수 있습니다). 인터럽트 문맥에서 vmalloc()을 부르면 BUG_ON(in_interrupt())에 걸립니다",
        "process context only (may sleep); use kmap_local_page() elsewhere":
            "프로세스 문맥에서만 (잠들 수 있습니다). 그 밖의 곳에서는 kmap_local_page()를 쓰세요",
        "process context only (may sleep)": "프로세스 문맥에서만 (잠들 수 있습니다)",
        "any context (the caller is atomic until kunmap_atomic)": "어느 문맥에서나 (kunmap_atomic까지 호출자는 원자적 문맥에 있습니다)",
        "preemption disabled": "선점이 꺼진 상태",
        "preemption or interrupts disabled": "선점이나 인터럽트가 꺼진 상태",
        "interrupts enabled": "인터럽트가 켜진 상태",
        "hard interrupt": "하드 인터럽트 안",
        "softirq": "softirq 안",
        "NMI": "NMI 안",
        "declaration": "선언 (파일 범위)",
    ]

    /// Korean details by command name, in the order `help` lists the commands.
    static let koreanDetails: [String: String] = [
        "alloc_pages":
            "gfp_zone(gfp)에서 시작해 zonelist를 따라 내려가며 각 존의 low 워터마크를 확인하고, CPU별 목록(order 0-3)이나 버디 free list에서 블록을 가져옵니다. 필요하면 더 큰 블록을 쪼갭니다. 실패하면 느린 경로(kswapd, min 워터마크, 예비 페이지, 직접 회수)로 갑니다. 'explain on'을 켜면 단계마다 볼 수 있습니다.",
        "__get_free_pages":
            "alloc_pages(gfp & ~__GFP_HIGHMEM, order) 다음 page_address()를 부릅니다. HIGHMEM 페이지에는 고정된 주소가 없으므로 이 플래그는 떼어 냅니다.",
        "__free_pages":
            "낮은 order는 먼저 CPU별 목록으로 갑니다. 나머지는 비어 있는 버디(buddy = pfn ^ (1 << order))와 할 수 있는 만큼 합쳐집니다. 커널은 order를 검사하지 않지만 kmemsim은 검사하고, 커널이라면 어떻게 했을지 알려 줍니다.",
        "drain_all_pages":
            "CPU별 목록에 있는 페이지는 그 CPU에게는 비어 있지만 free로 세지 않습니다(MemFree, buddyinfo). 직접 회수는 포기하기 전에 이 목록을 비웁니다. 이 명령도 같은 일을 합니다.",
        "kmem_cache_create":
            "커널과 같은 방식으로 구조를 계산합니다(정렬, 객체 간격, slab order, slab당 객체 수. SLAB이면 colour와 tunables도). ctor도 디버그 플래그도 없는 호환 캐시가 있으면 그 캐시를 다시 씁니다(병합). 결과는 `slab CACHE`로 봅니다. ALIGN, FLAGS, `ctor`는 생략할 수 있고 순서도 자유롭습니다. 숫자는 정렬, `ctor`는 (흉내 낸) 생성자를 붙이고, 나머지는 SLAB_HWCACHE_ALIGN|SLAB_POISON 같은 플래그 식으로 읽습니다.",
        "kmem_cache_alloc":
            "SLAB: CPU의 array cache에서 꺼내고, 모자라면 shared array, slabs_partial, slabs_free, 새 slab 순으로 채웁니다. SLUB: CPU slab의 freelist, CPU의 partial slab, 노드의 partial 목록, 새 slab 순입니다. 어느 경로로 갔는지는 `explain on`이 알려 줍니다.",
        "kmem_cache_free":
            "이중 해제, 객체 중간을 가리키는 포인터, 다른 캐시의 객체, 어느 slab에도 속하지 않는 주소에는 커널의 보고가 나옵니다(디버그 커널이 할 말, 또는 커널이 알아채지 못하는 경우 kmemsim의 설명). 상태는 바뀌지 않습니다.",
        "kmem_cache_shrink":
            "먼저 CPU별 캐시(SLAB의 array cache, SLUB의 CPU slab과 partial 목록)를 비우고, 빈 slab을 모두 해제합니다. SLUB은 partial 목록도 가장 찬 slab이 앞에 오도록 정렬합니다.",
        "slabinfo_write":
            "SLAB 전용입니다(SLUB의 /proc/slabinfo는 읽기만 됩니다). do_tune_cpucache()가 CPU별 array cache를 slab으로 비우고 새 limit, batchcount, shared를 설치합니다. 노드의 free_limit은 (1 + CPU 수) × batchcount + slab당 객체 수가 됩니다. 'limit 1 batchcount 1'로 하면 SLAB이 교과서 설명처럼 거의 곧바로 slab 목록에서 객체를 가져옵니다.",
        "validate":
            "디버그 플래그가 있는 SLUB 캐시는 모든 객체의 red zone, poison, padding을 검사하고 덮어쓴 곳을 보고합니다. SLAB에는 이런 파일이 없지만, CONFIG_DEBUG_SLAB에서는 kmemsim이 같은 방식으로 free 객체의 poison을 검사합니다. 디버깅이 없으면 검사할 것이 없습니다. 캐시를 주지 않으면 `validate`는 시뮬레이터의 모든 불변식 검사(프레임마다 한 상태, free 개수와 목록, 합쳐진 버디, slab 목록, vmalloc 영역, per-CPU 청크, preempt count, 태스크와 스택)를 돌리고 깨진 곳을 하나하나 오류로 보고합니다.",
        "write":
            "일부러 객체를 망가뜨릴 때 씁니다. 해제한 객체에 쓰거나(use after free) 할당한 객체의 끝을 넘겨 씁니다(overflow). 캐시가 디버그 중이면 다음 검사(할당, 해제, validate)가 이를 보고합니다. 디버그 바이트가 있는 slab 메모리만 쓰기를 기록합니다.",
        "slab":
            "crash의 `kmem -s` / `kmem -S`와 비슷합니다. 객체 크기와 간격, slab당 객체 수, order, colour와 tunables(SLAB) 또는 min_partial과 cpu_partial(SLUB), 모든 slab의 목록·주소·사용 개수, 객체 그림(# 할당됨, . 비어 있음, c CPU별 array cache 안)을 보여 줍니다.",
        "kmalloc":
            "KMALLOC_MAX_CACHE_SIZE(4 KiB 페이지에서 8 KiB)까지는 요청을 kmalloc-N 캐시로 올림합니다(__GFP_RECLAIMABLE이면 kmalloc-rcl-N, __GFP_DMA이면 dma-kmalloc-N, __GFP_ACCOUNT이면 kmalloc-cg-N). 그보다 크면 __GFP_COMP로 페이지 할당자에서 바로 페이지를 받습니다(SUnreclaim으로 셉니다). KMALLOC_MAX_SIZE(4 MiB)를 넘으면 경고하고 실패합니다. kmalloc(0)은 ZERO_SIZE_PTR을 돌려줍니다. `explain on`은 크기 클래스와 낭비를 보여 줍니다.",
        "kfree":
            "주소 뒤의 페이지에서 slab(또는 큰 kmalloc 블록)을 찾습니다. 이중 해제, 객체 안을 가리키는 포인터, vmalloc 주소, kmalloc이 주지 않은 페이지에는 커널의 보고가 나옵니다. 상태는 바뀌지 않습니다.",
        "kvmalloc":
            "한 페이지보다 크면 먼저 조용히(__GFP_NOWARN, __GFP_NORETRY) kmalloc을 시도하고, 실패하면 vmalloc이 이어받습니다. vmalloc에는 잠들 수 있는 마스크가 필요합니다. 해제는 kvfree로 합니다.",
        "compare":
            "머신의 사본에서 kmalloc(SIZE, GFP)와 vmalloc(SIZE)를 각각 실행해, 어디에 할당되는지 보여 줍니다. 물리적 연속성, 쓴 페이지 수, 낭비, 존, 잠들 수 있는지, 비용을 나란히 비교합니다.",
        "memmap":
            "옵션: --around ADDR|$var (그 블록 주변을 한 칸에 한 페이지로 보여 주고 ^로 표시), --from PFN --to PFN, --width N (한 줄의 칸 수), --ascii, --svg FILE.",
        "buddy":
            "--picture(또는 --svg FILE)를 주면 free area를 그립니다. free 블록마다 한 칸이고, order별 전체 free 페이지 막대도 함께 나옵니다. 'explain on'이면 쪼개기나 합치기를 할 때마다 지나간 블록 트리도 그립니다.",
        "explain":
            "explain tree는 마지막으로 설명한 명령의 블록 트리(쪼개기와 합치기)를 다시 그립니다. --svg FILE로 파일에 저장합니다.",
        "print":
            "숫자(4096, 0x1000, 4K), 문자열, $변수, + - * / % << >> & |, 비교, and/or/not, 함수(count, sum, min, max, log2, get_order, hex, len)와 상태를 쓸 수 있습니다: zone(\"Normal\").free[3], page($p).order, meminfo.MemFree, vmstat.pgalloc_normal, buddyinfo.Normal, kernel.page_size, cpu(0).preempt_count, cache(\"kmalloc-64\").objs_per_slab, task(1).stack_size, vmalloc($v).nr_pages, per_cpu(\"name\", 1), last. 'help query'에 모든 루트와 필드가 있습니다.",
        "boot":
            "이름을 주지 않은 매개변수는 지금 값을 그대로 씁니다. 변수는 지워집니다. 이전 머신을 가리키고 있었기 때문입니다.",
        "save":
            "파일은 원자적으로 씁니다(임시 파일에 쓴 뒤 이름을 바꿉니다). 커널 C 정의와 되돌리기 기록은 저장하지 않습니다.",
        "cpu":
            "셸은 CPU 위에서 태스크(insmod, pid 1234)로 돕니다. 다른 CPU로 옮기는 것은 선점이 허락하는 일이고 preempt_disable()이 막는 일입니다. 선점이나 인터럽트가 꺼져 있으면 태스크는 제자리에 있어야 합니다.",
        "spin_lock":
            "락 이름은 학습자가 정합니다. 스핀락 디버깅(CONFIG_DEBUG_SPINLOCK)은 재귀 잠금과 잡지 않은 락의 해제를 보고합니다.",
        "spin_lock_irq":
            "락 이름은 학습자가 정합니다. 스핀락 디버깅(CONFIG_DEBUG_SPINLOCK)은 재귀 잠금과 잡지 않은 락의 해제를 보고합니다.",
        "spin_lock_irqsave":
            "락 이름은 학습자가 정합니다. 스핀락 디버깅(CONFIG_DEBUG_SPINLOCK)은 재귀 잠금과 잡지 않은 락의 해제를 보고합니다.",
        "spin_lock_bh":
            "락 이름은 학습자가 정합니다. 스핀락 디버깅(CONFIG_DEBUG_SPINLOCK)은 재귀 잠금과 잡지 않은 락의 해제를 보고합니다.",
        "irq_enter":
            "preempt_count에 HARDIRQ_OFFSET(0x10000)을 더합니다. 그 안에서는 in_interrupt()가 참입니다. 잠드는 할당은 버그이고, vmalloc()은 BUG_ON에 걸리며, vfree()는 미뤄집니다. irq_exit로 빠져나옵니다.",
        "schedule":
            "잠드는 모든 것(뮤텍스, 회수를 해야 하는 GFP_KERNEL 할당, msleep)은 결국 schedule()에 이릅니다. 선점이 꺼져 있으면 스케줄러가 버그를 보고하고 preempt_count를 되돌린 뒤 그래도 전환합니다.",
        "DEFINE_PER_CPU":
            "모듈의 정적 per-CPU 변수는 첫 청크의 8 KiB 예약 영역(PERCPU_MODULE_RESERVE)에 있습니다. CPU마다 자기 유닛 안의 같은 오프셋에 사본이 있습니다.",
        "alloc_percpu":
            "먼저 첫 청크의 동적 영역에서, 다음으로 뒤의 청크에서 first fit으로 찾습니다. 모두 가득 차면 vmalloc 공간에 새 청크를 만들고, 할당이 필요로 할 때마다 페이지를 채워 넣습니다(한 번에 CPU마다 한 페이지).",
        "task":
            "태스크마다 THREAD_SIZE 크기의 커널 스택이 있습니다(x86-64 16 KiB, i386 8 KiB, sparc64 16 KiB = 8 KiB 페이지 2개). vmap_stack이 켜져 있으면(x86-64 기본값, CONFIG_VMAP_STACK) 가드 페이지가 붙은 vmalloc에서, 아니면 페이지 할당자에서 2^THREAD_SIZE_ORDER 페이지(THREADINFO_GFP)를 받습니다. 태스크가 끝나면 스택을 해제하거나, 다음 태스크를 위해 CPU의 스택 캐시(2개)에 남겨 둡니다.",
        "stack":
            "vmap 스택 아래에는 매핑되지 않은 가드 페이지가 있어서 넘치는 순간 폴트가 납니다(\"BUG: TASK stack guard page was hit\"). 페이지 할당자에서 받은 스택 아래에는 다른 메모리밖에 없어서, 넘치면 그 메모리를 조용히 망가뜨리고 schedule()의 STACK_END_MAGIC 검사만이 뒤늦게 알아챕니다.",
        "vmalloc":
            "vmalloc 공간에서 맞는 가장 낮은 빈 범위를 찾고(주소 순으로 놓인 영역들에서 first fit), 페이지 할당자에서 GFP_KERNEL | __GFP_HIGHMEM으로 페이지를 하나씩 받아 커널 페이지 테이블에 매핑합니다. 'vmarea $v'는 그 뒤의 페이지를, 'cat /proc/vmallocinfo'는 모든 영역을 보여 줍니다.",
        "kmap":
            "kmap_high()는 페이지에 이미 pkmap 항목이 있으면 그 항목을 다시 쓰고(사용자를 하나 더 셉니다), 없으면 last_pkmap_nr 다음의 빈 항목을 잡습니다. 이 찾기가 항목 0으로 한 바퀴 돌면 먼저 안 쓰이는 항목을 모두 지웁니다(flush_all_zero_pkmaps, TLB 플러시 한 번). 잠들 수 있습니다. 1024개 항목이 모두 잡혀 있으면 kunmap()을 기다립니다. 'kmaps'가 표를 보여 줍니다.",
        "kmap_local_page":
            "태스크마다 슬롯이 KM_MAX_IDX(16)개 있습니다. CPU c의 슬롯 i는 fixmap 페이지 FIX_KMAP_BEGIN + i + 16×c입니다. 매핑은 그 태스크만 쓰고 선점되어도 살아남지만(문맥 전환 때 슬롯을 저장하고 되살립니다), 풀기 전까지 태스크는 다른 CPU로 옮겨 갈 수 없습니다. lowmem 페이지는 슬롯을 쓰지 않고 직접 매핑 주소를 돌려줍니다.",
        "vmarea":
            "--picture(또는 --svg FILE)는 가상 범위와 가드 페이지, 그 뒤에 흩어진 프레임을 물리 메모리 지도 위에 그립니다.",
        "insmod":
            "#include 줄은 받되 무시하고, #define NAME VALUE는 동작하며, MODULE_LICENSE를 읽습니다(없으면 커널이 tainted 상태가 됩니다). init 함수는 insmod 태스크의 프로세스 문맥에서 돌고, 프롬프트에 입력한 C처럼 시뮬레이션된 커널을 부릅니다. 0이 아닌 값을 돌려주면 적재가 실패합니다. 'rmmod NAME'은 exit 함수를 실행하고 모듈 코드가 남긴 할당을 보고합니다.",
        "rmmod":
            "모듈 코드가 할당하고 해제하지 않은 모든 것(페이지, slab 객체, vmalloc 영역, per-CPU 할당)을 할당한 호출과 줄 번호와 함께 보여 줍니다. kmemleak은 slab, vmalloc, per-CPU 객체를 보고하지만 페이지 할당자는 추적하지 않습니다. 해당하는 곳에서는 kmemsim이 그 점을 알려 줍니다.",
        "ptype":
            "이 머신의 아키텍처에 맞춰 배치합니다. x86_64와 sparc64는 LP64, i386은 ILP32입니다(i386에서는 구조체 안의 long long이 4바이트 정렬입니다). kmemsim의 부팅 캐시가 대신하는 커널 구조체(task_struct, inode, dentry, mm_struct …)는 그 캐시의 객체 크기로 압니다.",
        "lesson":
            "레슨은 자기 머신을 부팅하고 답을 그 머신의 현재 상태와 비교해 확인합니다. 진행 기록은 $XDG_STATE_HOME/kmemsim/progress.json에 남습니다(KMEMSIM_PROGRESS로 바꿀 수 있습니다).",
        "glossary":
            "용어는 두 언어 어느 쪽으로도, 커널 식별자(free_area)로도, 이름의 일부로도 찾을 수 있습니다. 목록은 모든 레슨이 함께 쓰는 lessons/glossary.yaml에 있습니다.",
        "quiz":
            "한 번에 한 문제씩 'answer X'(또는 그냥 X)로 답합니다. --seed가 없으면 부팅 시드와 지금까지 푼 퀴즈 수로 매번 새 퀴즈를 만듭니다. 첫 줄에 시드가 나오므로 'quiz TOPIC --seed N'으로 같은 퀴즈를 다시 풀 수 있습니다. buddy 퀴즈는 ZONE_DMA에 새로 부팅한 1 GiB 머신에서, slab 퀴즈는 지금 머신의 사본에서 돌고, 지금 머신은 건드리지 않습니다.",
    ]
}

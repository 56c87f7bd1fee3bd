/// `help` in Korean: each command's one-line summary, the family titles and the argument kinds.
///
/// The English summary stays beside its command in the table (`CommandSpec.summary`); this is its Korean side, keyed
/// by command name. A test checks that every command in the table has one.
extension Message {
    static func commandSummary(_ c: CommandSpec) -> Message {
        Message(en: c.summary, ko: koreanSummaries[c.name] ?? koreanSubcommandSummaries[c.name] ?? c.summary)
    }

    static func family(_ f: CommandFamily) -> Message {
        let ko = switch f {
        case .pageAlloc: "페이지 할당자 (include/linux/gfp.h)"
        case .addresses: "주소와 struct page"
        case .slab: "slab 캐시 (include/linux/slab.h)"
        case .kmalloc: "kmalloc 계열"
        case .vmalloc: "vmalloc 계열 (include/linux/vmalloc.h)"
        case .cpu: "CPU, 선점, 인터럽트"
        case .highmem: "하이 메모리 매핑 (include/linux/highmem.h)"
        case .percpu: "CPU별 데이터 (include/linux/percpu.h)"
        case .tasks: "태스크와 커널 스택"
        case .views: "메모리 보기"
        case .kernelC: "커널 C와 모듈"
        case .lessons: "레슨과 퀴즈"
        case .session: "세션"
        }
        return Message(en: f.rawValue, ko: ko)
    }

    static func argumentKind(_ k: ArgumentKind) -> Message {
        switch k {
        case .gfp: Message(en: "a gfp mask: GFP_KERNEL, GFP_ATOMIC|__GFP_ZERO, GFP_KERNEL & ~__GFP_RECLAIM, 0xcc0",
                           ko: "gfp 마스크: GFP_KERNEL, GFP_ATOMIC|__GFP_ZERO, GFP_KERNEL & ~__GFP_RECLAIM, 0xcc0")
        case .order: Message(en: "an order: 2^order pages (0…10)", ko: "order: 2^order개의 페이지 (0…10)")
        case .size: Message(en: "a size in bytes: 4096, 0x1000, 4K, 2M", ko: "바이트 단위 크기: 4096, 0x1000, 4K, 2M")
        case .number: Message(en: "a number (decimal or 0x hex)", ko: "숫자 (10진수 또는 0x로 시작하는 16진수)")
        case .address: Message(en: "an address: $addr or a number", ko: "주소: $addr 같은 변수나 숫자")
        case .page: Message(en: "a struct page *: $p, a PFN, pfn:0x1000, or a struct page address",
                            ko: "struct page *: $p, PFN, pfn:0x1000, 또는 struct page 주소")
        case .name: Message(en: "a name", ko: "이름")
        case .cacheName: Message(en: "a slab cache name", ko: "slab 캐시 이름")
        case .addressOrPage: Message(en: "an address ($addr or a number), or a struct page * ($p)",
                                     ko: "주소($addr 같은 변수나 숫자) 또는 struct page *($p)")
        case .zone: Message(en: "a zone: DMA, DMA32, Normal or HighMem (the populated ones of this machine)",
                            ko: "zone: DMA, DMA32, Normal, HighMem 중 이 기계에 있는 것")
        case .cacheSetting(.align): Message(en: "the alignment (0 or a power of two); at the prompt ALIGN, FLAGS and ctor may come in any order",
                                            ko: "정렬(0 또는 2의 거듭제곱). 프롬프트에서는 ALIGN, FLAGS, ctor를 어떤 순서로 써도 됩니다")
        case .cacheSetting(.flags): Message(en: "slab flags: SLAB_HWCACHE_ALIGN|SLAB_POISON, or 0",
                                            ko: "slab 플래그: SLAB_HWCACHE_ALIGN|SLAB_POISON 또는 0")
        case .cacheSetting(.ctor): Message(en: "the word ctor: give the cache a (simulated) constructor",
                                           ko: "ctor라는 낱말: 캐시에 (모의) 생성자를 줍니다")
        case .stackOwner: Message(en: "a pid, or irq for an interrupt handler on this CPU", ko: "pid, 또는 이 CPU의 인터럽트 핸들러를 뜻하는 irq")
        case .word(let w): Message(en: "one of: " + w.joined(separator: ", "), ko: "다음 중 하나: " + w.joined(separator: ", "))
        case .path: Message(en: "a file's path", ko: "파일 경로")
        case .procFile: Message(en: "a /proc file", ko: "/proc 파일")
        case .keyValue: Message(en: "key=value", ko: "key=value 형식")
        case .text: Message(en: "an expression", ko: "식")
        }
    }

    static let optionalArgument = Message(en: " (optional)", ko: " (생략 가능)")
    static let helpAlso = Message(en: "also", ko: "별칭")
    static let helpContext = Message(en: "context:  ", ko: "문맥:     ")
    static let helpOptions = Message(en: "options:  ", ko: "옵션:     ")
    static let helpExamples = Message(en: "examples: ", ko: "예:       ")

    /// Korean summaries by command name, in the order `help` lists them.
    static let koreanSummaries: [String: String] = [
        // Page allocator
        "alloc_pages": "물리적으로 연속된 2^order개의 페이지를 할당합니다. 첫 struct page나 NULL을 돌려줍니다",
        "alloc_page": "페이지 하나를 할당합니다: alloc_pages(gfp, 0)",
        "__get_free_pages": "2^order개의 페이지를 할당하고 그 커널 가상 주소를 돌려줍니다 (실패하면 0)",
        "__get_free_page": "페이지 하나를 주소로 받습니다: __get_free_pages(gfp, 0)",
        "get_zeroed_page": "0으로 채운 페이지 하나를 주소로 받습니다: __get_free_page(gfp | __GFP_ZERO)",
        "__get_dma_pages": "ZONE_DMA의 페이지를 주소로 받습니다: __get_free_pages(gfp | GFP_DMA, order)",
        "__free_pages": "struct page에서 시작하는 2^order개의 페이지를 해제합니다 (order는 할당할 때와 같아야 합니다)",
        "__free_page": "페이지 하나를 해제합니다: __free_pages(page, 0)",
        "free_pages": "커널 가상 주소로 2^order개의 페이지를 해제합니다 (0은 무시됩니다)",
        "free_page": "주소로 페이지 하나를 해제합니다: free_pages(addr, 0)",
        "drain_all_pages": "모든 CPU의 CPU별 페이지 목록을 버디 할당자에 돌려줍니다",
        // Addresses
        "page_address": "페이지의 커널 가상 주소 (매핑되지 않은 HIGHMEM 페이지는 NULL)",
        "virt_to_page": "직접 매핑(lowmem) 주소의 struct page",
        "page_to_pfn": "struct page의 페이지 프레임 번호",
        "pfn_to_page": "페이지 프레임 번호의 struct page",
        "virt_to_phys": "직접 매핑 주소의 물리 주소",
        "phys_to_virt": "물리 주소의 직접 매핑 주소 (lowmem만)",
        // Slab
        "kmem_cache_create": "SIZE바이트 객체의 캐시를 만듭니다. 그 캐시(또는 병합된 기존 캐시)를 돌려줍니다",
        "kmem_cache_alloc": "캐시에서 객체 하나를 할당합니다. 주소나 NULL을 돌려줍니다",
        "kmem_cache_zalloc": "0으로 채운 객체 하나를 할당합니다: kmem_cache_alloc(cache, flags | __GFP_ZERO)",
        "kmem_cache_free": "객체를 그 캐시에 돌려줍니다",
        "kmem_cache_shrink": "캐시의 빈 slab을 페이지 할당자에 돌려줍니다. slab이 하나도 남지 않으면 0을 돌려줍니다",
        "kmem_cache_destroy": "캐시를 없앱니다 (할당된 객체가 남아 있으면 경고하고 캐시를 남깁니다)",
        "validate": "캐시의 모든 객체를 지금 검사합니다 (echo 1 > /sys/kernel/slab/CACHE/validate)",
        "write": "잘못된 코드의 엉뚱한 쓰기를 흉내 냅니다: memset(ADDR, BYTE, LEN) (BYTE의 기본값은 0)",
        "slab": "캐시의 구조, slab과 그 목록, 객체마다 할당/해제 상태를 보여 줍니다",
        "slabinfo_write": "SLAB 캐시의 array cache tunables를 바꿉니다: echo \"CACHE LIMIT BATCHCOUNT SHARED\" > /proc/slabinfo",
        "slabtop": "캐시를 사용 메모리 순으로 보여 줍니다 (slabtop(1)처럼)",
        // kmalloc
        "kmalloc": "물리적으로 연속된 SIZE바이트를 할당합니다. 주소나 NULL을 돌려줍니다",
        "kzalloc": "__GFP_ZERO를 붙인 kmalloc: 메모리가 0으로 채워집니다",
        "kmalloc_array": "SIZE바이트 원소 N개짜리 배열을 할당합니다. N × SIZE가 넘치면 NULL",
        "kcalloc": "__GFP_ZERO를 붙인 kmalloc_array. N × SIZE가 넘치면 NULL",
        "krealloc": "할당 크기를 바꿉니다: SIZE가 아직 들어가면(ksize) 같은 포인터, 아니면 새 포인터 (옛것은 해제)",
        "kfree": "kmalloc으로 받은 메모리를 해제합니다 (NULL과 ZERO_SIZE_PTR은 무시됩니다)",
        "ksize": "할당이 실제로 가진 바이트 수 (크기 클래스나 페이지 크기)",
        "kmalloc_size_roundup": "kmalloc(SIZE)가 실제로 주는 크기",
        "kvmalloc": "되면 kmalloc, 안 되면 vmalloc: 물리적 연속성이 필요 없을 때 씁니다",
        "kvzalloc": "__GFP_ZERO를 붙인 kvmalloc",
        "kvfree": "kvmalloc, kmalloc, vmalloc으로 받은 메모리를 해제합니다 (주소를 보고 고릅니다)",
        "compare": "같은 SIZE의 kmalloc과 vmalloc을 나란히 비교합니다 (시험 실행: 아무것도 할당하지 않습니다)",
        // vmalloc
        "vmalloc": "가상으로 연속된 SIZE바이트를 할당합니다 (페이지는 HIGHMEM을 포함해 어디서든) + 가드 페이지",
        "vzalloc": "0으로 채운 페이지의 vmalloc (GFP_KERNEL | __GFP_ZERO)",
        "vmalloc_user": "사용자 공간에 매핑할 수 있는, 0으로 채운 vmalloc 메모리 (VM_USERMAP)",
        "vfree": "vmalloc 영역을 해제합니다. 인터럽트 문맥에서는 해제가 미뤄지고(vfree_atomic) NMI에서는 BUG입니다",
        "vmalloc_to_page": "vmalloc 주소 뒤의 struct page (페이지 테이블을 따라갑니다). 매핑되지 않았으면 NULL",
        "is_vmalloc_addr": "주소가 [VMALLOC_START, VMALLOC_END) 안에 있으면 true",
        "vmarea": "vmalloc 영역의 페이지: 가상 페이지마다 그 뒤의 프레임과 존. ADDR가 없으면 vmalloc 범위 전체",
        // high memory
        "kmap": "원하는 만큼 오래 쓰는 매핑: HIGHMEM 페이지는 pkmap 항목을 받고, lowmem 페이지는 직접 매핑 주소를 돌려줍니다",
        "kunmap": "페이지의 kmap() 사용자를 하나 줄입니다 (주소가 아니라 페이지를 받습니다). 항목은 다음 플러시까지 매핑된 채로 남습니다",
        "kmap_local_page": "이 태스크의 다음 fixmap 슬롯에 만드는 짧은 매핑: 잠들지 않고, 태스크를 CPU에 묶으며, 가장 최근 것부터 풉니다",
        "kunmap_local": "가장 최근의 kmap_local_page()를 풉니다 (그 페이지 안의 어느 주소든 됩니다). 오래된 것을 먼저 풀면 WARNING입니다",
        "kmap_atomic": "예전의 임시 매핑: 선점과 페이지 폴트를 끈 kmap_local_page() (더 이상 권장하지 않습니다)",
        "kunmap_atomic": "kmap_atomic()을 풉니다: 가장 최근 슬롯을 풀고 pagefault_enable()과 preempt_enable()을 부릅니다",
        "kmap_flush_unused": "kmap() 사용자가 없는 pkmap 항목을 모두 지웁니다 (flush_all_zero_pkmaps). 찾기가 한 바퀴 돌 때를 기다리지 않습니다",
        "kmap_to_page": "kmap 주소 뒤의 struct page (pkmap 항목, kmap_local 슬롯, 또는 직접 매핑)",
        "kmaps": "pkmap 표(사용 중인 항목, last_pkmap_nr, 플러시 횟수)와 태스크마다의 kmap_local 슬롯",
        // CPU
        "cpu": "현재 CPU를 보여 주거나, 현재 태스크를 CPU N으로 옮깁니다 (선점이 꺼져 있거나 kmap_local 매핑을 잡고 있으면 거절)",
        "cpus": "모든 CPU: preempt_count 필드, IRQ 플래그, 실행 중인 태스크, 잡은 락, IRQ 스택",
        "preempt_disable": "이 CPU에서 선점을 끕니다 (preempt_count += 1)",
        "preempt_enable": "선점을 다시 켭니다 (preempt_count -= 1). 짝이 안 맞는 enable은 DEBUG_PREEMPT가 잡습니다",
        "local_irq_disable": "이 CPU에서 인터럽트를 끕니다 (cli)",
        "local_irq_enable": "이 CPU에서 인터럽트를 켭니다 (sti)",
        "local_irq_save": "인터럽트 플래그를 저장하고 인터럽트를 끕니다. local_irq_restore에 넘길 플래그를 돌려줍니다",
        "local_irq_restore": "local_irq_save가 저장한 인터럽트 플래그를 되돌립니다",
        "local_bh_disable": "이 CPU에서 softirq를 끕니다 (preempt_count += 0x200)",
        "local_bh_enable": "softirq를 다시 켭니다 (preempt_count -= 0x200)",
        "spin_lock": "스핀락을 잡습니다: 선점이 꺼집니다",
        "spin_unlock": "spin_lock으로 잡은 스핀락을 놓습니다",
        "spin_lock_irq": "스핀락을 잡습니다: 인터럽트와 선점이 꺼지고, unlock은 인터럽트를 무조건 켭니다",
        "spin_unlock_irq": "spin_lock_irq로 잡은 스핀락을 놓습니다",
        "spin_lock_irqsave": "스핀락을 잡습니다: 인터럽트 플래그를 저장하고 인터럽트와 선점을 끄며, unlock이 플래그를 되돌립니다",
        "spin_unlock_irqrestore": "spin_lock_irqsave로 잡은 스핀락을 놓습니다",
        "spin_lock_bh": "스핀락을 잡습니다: softirq(bottom half)와 선점이 꺼집니다",
        "spin_unlock_bh": "spin_lock_bh로 잡은 스핀락을 놓습니다",
        "irq_enter": "하드 인터럽트가 들어옵니다: 이후 명령은 이 CPU의 IRQ 스택에서, 인터럽트가 꺼진 채 핸들러로 실행됩니다",
        "irq_exit": "하드 인터럽트 핸들러를 떠납니다. 미뤄진 vfree()는 프로세스 문맥으로 돌아오면 실행됩니다",
        "nmi_enter": "마스크할 수 없는 인터럽트(NMI)가 들어옵니다 (인터럽트가 꺼져 있어도)",
        "nmi_exit": "NMI 핸들러를 떠납니다",
        "softirq_enter": "인터럽트에서 나오는 길처럼 softirq 핸들러를 실행하기 시작합니다 (preempt_count += SOFTIRQ_OFFSET)",
        "softirq_exit": "softirq 핸들러를 끝냅니다",
        "in_atomic": "preempt_count가 0이 아니면 1 (잠들 수 없음)",
        "in_interrupt": "하드 인터럽트, softirq, NMI 문맥이거나 bottom half가 꺼져 있으면 1",
        "in_irq": "하드 인터럽트 핸들러 안이면 1 (in_hardirq)",
        "in_nmi": "NMI 핸들러 안이면 1",
        "irqs_disabled": "이 CPU에서 인터럽트가 꺼져 있으면 1",
        "preempt_count": "이 CPU의 preempt_count (PREEMPT 0xff, SOFTIRQ 0xff00, HARDIRQ 0xf0000, NMI 0xf00000)",
        "schedule": "CPU를 양보합니다. 원자적 문맥에서 부르면 'BUG: scheduling while atomic'이 납니다",
        "get_cpu": "선점을 끄고 이 CPU의 번호를 돌려줍니다 (put_cpu와 짝)",
        "put_cpu": "get_cpu 뒤에 선점을 다시 켭니다. 짝이 안 맞는 put_cpu는 경고합니다",
        "smp_processor_id": "이 CPU의 번호. 검사합니다(CONFIG_DEBUG_PREEMPT): 선점 가능한 호출자는 BUG 보고를 받습니다",
        "raw_smp_processor_id": "검사 없이 이 CPU의 번호 (선점 가능하면 곧바로 틀린 값이 될 수 있음)",
        // Per-CPU
        "DEFINE_PER_CPU": "CPU별 변수를 (모듈처럼) 정의합니다: 첫 청크의 예약 영역에 CPU마다 0으로 채운 사본 하나",
        "per_cpu": "CPU N의 CPU별 변수 사본을 읽습니다",
        "get_cpu_var": "선점을 끄고 이 CPU의 사본을 읽습니다 (put_cpu_var와 짝)",
        "put_cpu_var": "get_cpu_var 뒤에 선점을 다시 켭니다",
        "this_cpu_read": "이 CPU의 사본을 선점과 IRQ에 안전한 명령 하나로 읽습니다",
        "__this_cpu_read": "이 CPU의 사본을 읽습니다. 선점이 꺼져 있어야 합니다 (CONFIG_DEBUG_PREEMPT로 검사)",
        "this_cpu_write": "이 CPU의 사본을 선점과 IRQ에 안전한 명령 하나로 씁니다",
        "__this_cpu_write": "이 CPU의 사본을 씁니다. 선점이 꺼져 있어야 합니다 (CONFIG_DEBUG_PREEMPT로 검사)",
        "this_cpu_add": "이 CPU의 사본에 선점과 IRQ에 안전한 명령 하나로 더합니다",
        "__this_cpu_add": "이 CPU의 사본에 더합니다. 선점이 꺼져 있어야 합니다 (CONFIG_DEBUG_PREEMPT로 검사)",
        "this_cpu_inc": "이 CPU의 사본을 선점과 IRQ에 안전한 명령 하나로 1 늘립니다",
        "__this_cpu_inc": "이 CPU의 사본을 1 늘립니다. 선점이 꺼져 있어야 합니다 (CONFIG_DEBUG_PREEMPT로 검사)",
        "this_cpu_dec": "이 CPU의 사본을 선점과 IRQ에 안전한 명령 하나로 1 줄입니다",
        "__this_cpu_dec": "이 CPU의 사본을 1 줄입니다. 선점이 꺼져 있어야 합니다 (CONFIG_DEBUG_PREEMPT로 검사)",
        "alloc_percpu": "CPU마다 SIZE바이트를 할당합니다 (유닛마다 사본 하나). CPU 0 사본의 포인터를 돌려줍니다",
        "free_percpu": "CPU별 할당(모든 사본)을 해제합니다. 비게 된 추가 청크는 돌려줍니다",
        "per_cpu_ptr": "CPU N 사본의 주소: ptr + N × 유닛 크기",
        "percpu": "CPU별 청크: 유닛, static/reserved/dynamic 영역, 각 영역에 들어 있는 것",
        // Tasks
        "task": "task create NAME | task exit PID | task list: 태스크와 그 THREAD_SIZE 커널 스택",
        "stack": "'stack use PID BYTES': 태스크의 커널 스택을 BYTES만큼 쓰는 호출 사슬 ('stack use irq BYTES': 인터럽트 핸들러). 넘치면 커널처럼 잡아냅니다",
        // Views
        "cat": "/proc 파일을 커널 형식으로 출력합니다: buddyinfo, pagetypeinfo, zoneinfo, meminfo, vmstat, slabinfo, vmallocinfo",
        "export-proc": "kmemsim이 만드는 모든 /proc 파일을 DIR에 씁니다 (실제 머신과 diff하려고)",
        "page": "struct page를 dump_page()처럼 보여 주고, 그 프레임에 대해 kmemsim이 아는 것을 덧붙입니다",
        "kmem": "주소의 주인: 빈 블록, 할당된 블록, 예약 영역, slab 객체…",
        "insmod": "C로 쓴 모듈을 올립니다: 전역 변수, 도우미 함수, module_init/module_exit. init 함수를 실행합니다",
        "rmmod": "모듈을 내립니다: exit 함수를 실행한 뒤 새는 메모리를 보고합니다(kmemleak의 unreferenced object)",
        "lsmod": "올라간 모듈 목록 (Size는 C 소스의 바이트 수입니다. kmemsim에는 목적 코드가 없습니다)",
        "ptype": "타입의 크기와, struct라면 구멍과 패딩까지 보이는 배치 (pahole 형식)",
        "glossary": "과정에 나오는 용어를 영어와 한국어로 보여 줍니다: 'glossary'는 목록을, 'glossary TERM'은 한 용어의 뜻을 보여 줍니다",
        "memmap": "물리 메모리를 존과 상태별로 그린 그림 (mem_map: 프레임마다 struct page 하나)",
        "vmmap": "이 아키텍처의 커널 가상 주소 배치를, 여러분의 주소($p, $v…)를 표시해 보여 줍니다",
        "snapshot": "이 머신의 그림과 주요 숫자를 담은 HTML 페이지 하나를 씁니다 (배포 자료나 보고서용)",
        "memblock": "버디 할당자가 넘겨받기 전에 부트 코드가 예약한 메모리",
        "config": "부팅한 머신의 커널 설정을 .config 줄로 보여 줍니다(zcat /proc/config.gz처럼). MATCH를 주면 그 글자가 든 줄만 남깁니다",
        "zones": "존마다: 범위, 빈 페이지, 워터마크, lowmem_reserve, CPU별 페이지",
        "buddy": "존의 빈 목록을 order와 이동 유형별로, 각 목록의 첫 블록과 함께 보여 줍니다",
        "gfp": "gfp 마스크를 풀어 봅니다: 값, 그룹별 비트, 존, 잠들 수 있는지, 예비 메모리 접근",
        "dmesg": "타임스탬프가 붙은 커널 로그 (-c는 출력한 뒤 지웁니다)",
        "trace": "ftrace kmem 이벤트: on, off, show (버퍼), clear",
        "explain": "연산마다 단계를 설명합니다: 고른 존, 워터마크 숫자, 분할, 병합",
        "print": "시뮬레이터 상태에 대한 식을 계산해 값만 출력합니다 ('? 식'도 됩니다)",
        // Lessons
        "lesson": "레슨: 'lesson list', 'lesson start ID', 'lesson'(지금 위치), 'lesson quit', 'lesson summary [ID]', 'lesson export|import FILE'",
        "next": "다음 단계로 갑니다 (읽은 뒤, 또는 단계를 마친 뒤)",
        "back": "이전 단계를 다시 보여 줍니다 (머신은 그대로)",
        "hint": "이 단계의 다음 힌트 (힌트는 단계별로 나옵니다)",
        "check": "지금 과제를 검사합니다",
        "answer": "단계의 질문에 답합니다 (질문 단계에서는 답만 입력해도 됩니다)",
        "goal": "현재 단계의 과제나 질문을 다시 보여 줍니다",
        "solution": "이 단계의 모범 답안을 보여 줍니다 (진행 기록에 남습니다)",
        "skip": "이 단계를 건너뜁니다 (모범 답안이 적용됩니다). --no-skip이면 거절됩니다",
        "restart": "새 머신에서 레슨을 처음부터 다시 시작합니다",
        "quiz": "생성된 문제: 'quiz buddy'(할당/해제 순서), 'quiz gfp'(마스크), 'quiz slab'(캐시 구조). --seed N은 같은 문제를, --reveal은 답을 보여 줍니다",
        // Session
        "help": "명령을 계열별로 나열합니다. 'help 명령'은 명령 하나, 'help gfp', 'help arch'는 주제",
        "boot": "새 매개변수로 재부팅합니다: " + BootParameter.summaryList,
        "reset": "같은 매개변수로 재부팅합니다 (새 머신)",
        "undo": "커널 상태를, 상태를 바꾼 마지막 명령 이전으로 되돌립니다",
        "vars": "이름 붙인 결과 ($p, $addr, $_)",
        "history": "이 세션에서 실행한 줄을 bash처럼 번호와 함께 보여 줍니다 (history N: 마지막 N줄, history -c: 지우기)",
        "save": "세션 전체(머신, 변수, 로그, 시계)를 버전이 붙은 JSON 파일로 저장합니다. 남의 파일은 --force가 있어야 덮어씁니다",
        "load": "save로 저장한 세션을 불러옵니다. 파일 전체를 검사한 뒤에만 지금 세션을 바꿉니다",
        "quit": "kmemsim을 끝냅니다",
        "lang": "kmemsim이 쓰는 언어를 바꿉니다: lang en | lang ko (커널 메시지는 영어 그대로)",
    ]
}

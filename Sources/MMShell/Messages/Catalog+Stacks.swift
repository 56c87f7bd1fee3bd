import KernelMM

/// kmemsim's notes on stack overflows (task stacks, IRQ stacks), in English and Korean.
extension Message {
    static func stackNote(_ n: KmemsimNote) -> Message? {
        switch n {
        case .taskStackGuardPageHit(let pid, let bytes, let size, let base, let below):
            let en: String, ko: String
            switch below {
            case .guardPage(let start): en = "the guard page of the area at \(Format.hex(start))"; ko = "\(Format.hex(start)) 영역의 가드 페이지"
            case .unmappedGap: en = "an unmapped gap"; ko = "매핑되지 않은 빈 곳"
            }
            return Message(en: "pid \(pid) needed \(bytes) bytes of its \(size)-byte stack. The first push below \(Format.hex(base)) touched \(en), which has no page behind it: a page fault, which cannot be handled on the overflowed stack, becomes a double fault on its own IST stack, and the kernel reports the overflow and dies. Nothing beside the stack was damaged — that is what the guard page is for. The machine would have died; kmemsim leaves the state as it was.",
                           ko: "pid \(pid) 태스크는 \(size)바이트 스택에서 \(bytes)바이트가 필요했습니다. \(Format.hex(base)) 아래로 처음 push한 곳은 \(ko)이고, 그 뒤에는 페이지가 없습니다. 넘친 스택 위에서는 페이지 폴트를 처리할 수 없으므로 자기 IST 스택 위의 이중 폴트(double fault)가 되고, 커널은 오버플로를 보고하고 멈춥니다. 스택 옆의 메모리는 하나도 망가지지 않았습니다. 가드 페이지가 바로 그 일을 합니다. 실제 머신은 멈췄을 것이고, kmemsim은 상태를 그대로 둡니다.")
        case .taskStackEndCorrupted(let pid, let bytes, let size, let beside):
            let (en, ko) = overrun(beside)
            return Message(en: "pid \(pid) used \(bytes) bytes of its \(size)-byte page-allocated stack. There is no guard page: the writes went on into \(en). Nothing notices until the task next calls schedule(), where CONFIG_SCHED_STACK_END_CHECK finds STACK_END_MAGIC changed and panics. By then the damage is done. The machine would have died; kmemsim leaves the state as it was.",
                           ko: "pid \(pid) 태스크는 페이지 할당자에서 받은 \(size)바이트 스택 중 \(bytes)바이트를 썼습니다. 가드 페이지가 없어서 쓰기가 계속 이어졌습니다. 덮어쓴 곳: \(ko). 태스크가 다음에 schedule()을 부를 때까지 아무도 알아채지 못하고, 그때 CONFIG_SCHED_STACK_END_CHECK가 STACK_END_MAGIC이 바뀐 것을 보고 패닉합니다. 그때는 이미 피해가 난 뒤입니다. 실제 머신은 멈췄을 것이고, kmemsim은 상태를 그대로 둡니다.")
        case .irqStackGuardPageHit(let bytes, let cpu, let size):
            return Message(en: "The interrupt handler needed \(bytes) bytes of CPU \(cpu)'s \(size)-byte IRQ stack and ran into the guard page below it. The machine would have died; kmemsim leaves the state as it was.",
                           ko: "인터럽트 핸들러가 CPU \(cpu)의 \(size)바이트 IRQ 스택에서 \(bytes)바이트가 필요해서 그 아래의 가드 페이지에 부딪혔습니다. 실제 머신은 멈췄을 것이고, kmemsim은 상태를 그대로 둡니다.")
        case .irqStackOverwrote(let bytes, let cpu, let size, let beside):
            let (en, ko) = overrun(beside)
            return Message(en: "The interrupt handler needed \(bytes) bytes of CPU \(cpu)'s \(size)-byte IRQ stack. It has no guard page and no end check: the handler silently overwrote \(en). kmemsim leaves the state as it was.",
                           ko: "인터럽트 핸들러가 CPU \(cpu)의 \(size)바이트 IRQ 스택에서 \(bytes)바이트가 필요했습니다. 이 스택에는 가드 페이지도 끝 검사도 없어서 핸들러가 아무 말 없이 덮어썼습니다. 덮어쓴 곳: \(ko). kmemsim은 상태를 그대로 둡니다.")
        case .irqOverflowedTaskStack(let taskBytes, let irqBytes, let size):
            return Message(en: "The task itself used only \(taskBytes) bytes; the interrupt handler's \(irqBytes) bytes on top of them overflowed the \(size)-byte stack. A task cannot know how much an interrupt will need: that is why separate per-CPU IRQ stacks came with 4 KiB stacks (boot irq_stacks=on).",
                           ko: "태스크 자신은 \(taskBytes)바이트만 썼는데, 그 위에 인터럽트 핸들러의 \(irqBytes)바이트가 얹혀 \(size)바이트 스택이 넘쳤습니다. 태스크는 인터럽트가 얼마나 쓸지 알 수 없습니다. 그래서 4 KiB 스택과 함께 CPU마다 따로 두는 IRQ 스택이 생겼습니다 (boot irq_stacks=on).")
        default:
            return nil
        }
    }

    /// Where an overflow's writes went, as a phrase for the sentences above.
    static func overrun(_ t: StackOverrunTarget) -> (en: String, ko: String) {
        switch t {
        case .onlyStackEndMagic:
            return ("nothing else: only STACK_END_MAGIC (0x57ac6e9d) at the bottom of the stack was overwritten",
                    "스택 맨 아래의 STACK_END_MAGIC(0x57ac6e9d)뿐이고 다른 곳은 없습니다")
        case .below(let bytes, let pfn, let frame):
            let f = frame.map(frameWords)
            return ("\(bytes) bytes below the stack, in pfn \(Format.hex(pfn))" + (f.map { ": " + $0.en } ?? ""),
                    "스택 아래 \(bytes)바이트, pfn \(Format.hex(pfn))" + (f.map { " (" + $0.ko + ")" } ?? ""))
        case .frameBelow(let pfn, let frame):
            let f = frameWords(frame)
            return ("pfn \(Format.hex(pfn)): " + f.en, "pfn \(Format.hex(pfn)) (" + f.ko + ")")
        case .memoryBelow:
            return ("the memory below", "그 아래의 메모리")
        }
    }

    static func frameWords(_ f: FrameFact) -> (en: String, ko: String) {
        switch f {
        case .allocated(let o): return ("allocated, held by " + ownerName(o).en, "할당된 메모리, 주인: " + ownerName(o).ko)
        case .freeBlock: return ("a free block (the free-list links in it are now garbage)", "빈 블록, 그 안의 free list 연결은 이제 쓰레기 값")
        case .pcpPage: return ("a free page on a per-CPU list", "CPU별 목록에 있는 빈 페이지")
        case .reserved: return ("memory reserved at boot", "부팅 때 예약된 메모리")
        case .noRAM: return ("no RAM", "RAM이 아님")
        case .insideAllocated(let o): return ("inside an allocated block held by " + ownerName(o).en, "할당된 블록의 안쪽, 주인: " + ownerName(o).ko)
        case .insideFree: return ("inside a free block", "빈 블록의 안쪽")
        }
    }
}

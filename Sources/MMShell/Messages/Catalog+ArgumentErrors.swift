import KernelMM

/// Why one argument's value is refused (`CommandError.badArgument(argument:value:reason:)`), in both languages.
///
/// The shell prints `ARG 'value': reason`; each reason here is a whole clause per language, built from the facts the
/// command found (a suggestion, the valid range, the known names). Kernel names stay as they are in both.
extension Message {
    // MARK: choices and options

    /// `use a, b or c`: the words an option or action takes.
    public static func useOneOf(_ words: [String]) -> Message {
        Message(en: "use " + Self.orList(words), ko: "다음 중 하나를 쓰세요: " + words.joined(separator: ", "))
    }

    /// `a, b or c` (English only; Korean lists with commas).
    static func orList(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }

    static let onOffI386Only = Message(en: "use on or off (i386 only)", ko: "on 또는 off를 쓰세요(i386 전용)")
    static let onOff = Message(en: "use on or off", ko: "on 또는 off를 쓰세요")

    static func chooseArchitecture(_ names: [String]) -> Message {
        let list = names.joined(separator: ", ")
        return Message(en: "choose " + list, ko: "다음 중에서 고르세요: " + list)
    }

    static let chooseSlabAllocator = Message(en: "choose slab or slub", ko: "slab 또는 slub 중에서 고르세요")

    static func giveNumber(example: String) -> Message {
        Message(en: "give a number, e.g. \(example)", ko: "숫자를 주세요. 예: \(example)")
    }

    static let svgNeedsFileName = Message(en: "give a file name, e.g. --svg picture.svg",
                                          ko: "파일 이름을 주세요. 예: --svg picture.svg")
    static let widthRange = Message(en: "cells per row, 8…512", ko: "한 줄의 칸 수는 8…512입니다")
    static let snapshotIsHTML = Message(en: "the snapshot is an HTML page; name it e.g. machine.html",
                                        ko: "스냅숏은 HTML 페이지입니다. machine.html처럼 이름을 붙이세요")
    static let undoCountAtLeastOne = Message(en: "undo takes back 1 or more commands", ko: "undo는 명령을 1개 이상 되돌립니다")
    static let historyCountNotNegative = Message(en: "history shows the last N lines, N 0 or more", ko: "history는 마지막 N줄을 보여 주며, N은 0 이상이어야 합니다")

    // MARK: boot parameters

    static func bootParameterNotKeyValue(keys: [String]) -> Message {
        let list = keys.joined(separator: " ")
        return Message(en: "write key=value; keys: " + list, ko: "key=value 꼴로 쓰세요. 키 목록: " + list)
    }

    static func unknownBootParameter(suggestion: String?, keys: [String]) -> Message {
        if let s = suggestion {
            return Message(en: "unknown; did you mean \(s)?", ko: "없는 매개변수입니다. \(s) 매개변수를 찾으셨나요?")
        }
        let list = keys.joined(separator: " ")
        return Message(en: "unknown; keys: " + list, ko: "없는 매개변수입니다. 키 목록: " + list)
    }

    // MARK: numbers and ranges

    static func noSuchCPU(cpus: Int, bootHint: Bool) -> Message {
        bootHint
            ? Message(en: "this machine has CPUs 0…\(cpus - 1) (boot cpus=N for more)",
                      ko: "이 머신의 CPU는 0…\(cpus - 1)입니다(더 필요하면 boot cpus=N)")
            : Message(en: "this machine has CPUs 0…\(cpus - 1)", ko: "이 머신의 CPU는 0…\(cpus - 1)입니다")
    }

    static func cpusAre(_ cpus: Int) -> Message {
        Message(en: "CPUs are 0…\(cpus - 1)", ko: "CPU 번호는 0…\(cpus - 1)입니다")
    }

    static func framesAre(last: Int) -> Message {
        Message(en: "this machine's frames are 0…\(Format.hex(UInt64(last)))", ko: "이 머신의 프레임 번호는 0…\(Format.hex(UInt64(last)))입니다")
    }

    static func notAPFN(last: Int) -> Message {
        let hex = "0x" + String(last, radix: 16)
        return Message(en: "not a PFN of this machine (0…\(hex))", ko: "이 머신의 PFN이 아닙니다(0…\(hex))")
    }

    static func neitherPFNNorStructPage(last: Int) -> Message {
        let hex = "0x" + String(last, radix: 16)
        return Message(en: "neither a PFN of this machine (0…\(hex)) nor a struct page address",
                       ko: "이 머신의 PFN(0…\(hex))도 struct page 주소도 아닙니다")
    }

    static let largerThanSizeT = Message(en: "larger than size_t", ko: "size_t보다 큽니다")
    static let cacheSizeTooLarge = Message(en: "unsigned int size: at most 4 MiB (KMALLOC_MAX_SIZE) is accepted by the kernel",
                                           ko: "크기는 unsigned int이고, 커널은 최대 4 MiB(KMALLOC_MAX_SIZE)까지 받습니다")
    static let alignNotPowerOfTwo = Message(en: "alignment is 0 or a power of two", ko: "정렬 값은 0이거나 2의 거듭제곱이어야 합니다")
    static let atMostOneMiB = Message(en: "at most 1 MiB", ko: "최대 1 MiB입니다")
    static let notAByte = Message(en: "a byte is 0…255", ko: "바이트 값은 0…255입니다")
    static let moreThanAnyStack = Message(en: "more than any stack", ko: "어떤 스택보다도 큽니다")
    static let moreThanAnyStackHint = Message(en: "more than any stack; try a few KiB past THREAD_SIZE",
                                              ko: "어떤 스택보다도 큽니다. THREAD_SIZE보다 몇 KiB 더 큰 값을 써 보세요")

    // MARK: pages and addresses

    static let noPage = Message(en: "no page", ko: "페이지가 없습니다")
    static let nullHasNoPFN = Message(en: "NULL has no PFN", ko: "NULL에는 PFN이 없습니다")
    static let freePagesNull = Message(en: "__free_pages(NULL, …) dereferences NULL in the kernel; only free what an allocation returned",
                                       ko: "커널에서 __free_pages(NULL, …)는 NULL을 역참조합니다. 할당이 돌려준 것만 해제하세요")
    static let freePageNull = Message(en: "__free_page(NULL) dereferences NULL in the kernel",
                                      ko: "커널에서 __free_page(NULL)는 NULL을 역참조합니다")
    static let vmallocNotDirectMap = Message(en: "a vmalloc address: virt_to_page() only works on the direct map; use vmalloc_to_page()",
                                             ko: "vmalloc 주소입니다. virt_to_page()는 직접 매핑 영역에서만 동작하니 vmalloc_to_page()를 쓰세요")

    static func notInDirectMap(lowmemStart: UInt64) -> Message {
        Message(en: "not in the direct map (lowmem starts at \(Format.hex(lowmemStart)))",
                ko: "직접 매핑 영역에 있지 않습니다(lowmem은 \(Format.hex(lowmemStart))에서 시작합니다)")
    }

    static let notDirectMapAddress = Message(en: "not a direct-map address", ko: "직접 매핑 주소가 아닙니다")

    static func beyondDirectMap(highmem: Bool) -> Message {
        highmem
            ? Message(en: "beyond the direct map (HIGHMEM has no permanent mapping)",
                      ko: "직접 매핑 영역을 벗어납니다(HIGHMEM에는 고정 매핑이 없습니다)")
            : Message(en: "beyond the direct map", ko: "직접 매핑 영역을 벗어납니다")
    }

    static let notDirectMapRAM = Message(en: "not a direct-map address of RAM; writing there would fault",
                                         ko: "RAM의 직접 매핑 주소가 아닙니다. 그곳에 쓰면 폴트가 납니다")
    static let unknownAddress = Message(en: "kmemsim knows nothing at this address (not the direct map, a struct page, a physical address of RAM, or a vmalloc area)",
                                        ko: "kmemsim이 이 주소에 대해 아는 것이 없습니다(직접 매핑, struct page, RAM의 물리 주소, vmalloc 영역 어디에도 속하지 않습니다)")
    /// A direct-map address whose frame is not RAM: the holes of the firmware's memory map.
    static func directMapHole(pfn: Int) -> Message {
        Message(en: "the direct map's address of pfn \(Format.hex(pfn)), which is not RAM (a hole in the firmware's memory map: page 0, the ROM area from 640 KiB to 1 MiB, or the PCI hole below 4 GiB); 'memblock' lists the RAM ranges",
                ko: "pfn \(Format.hex(pfn))의 직접 매핑 주소인데, 그 프레임은 RAM이 아닙니다 (펌웨어 메모리 맵의 빈 곳입니다: 0번 페이지, 640 KiB부터 1 MiB까지의 ROM 영역, 4 GiB 아래의 PCI 구멍). RAM 범위는 'memblock'으로 볼 수 있습니다")
    }

    /// Past the last frame the direct map covers (all RAM on 64-bit; lowmem on i386).
    static func pastDirectMap(end: UInt64) -> Message {
        Message(en: "past the end of the direct map, which ends at \(Format.hex(end)) on this machine (RAM ends there, or lowmem on i386)",
                ko: "직접 매핑의 끝을 지난 주소입니다. 이 머신의 직접 매핑은 \(Format.hex(end))에서 끝납니다 (RAM의 끝, i386에서는 lowmem의 끝)")
    }

    static let notVmallocAddress = Message(en: "not a vmalloc address (vmalloc_to_page only walks vmalloc space; use virt_to_page for the direct map)",
                                           ko: "vmalloc 주소가 아닙니다(vmalloc_to_page는 vmalloc 공간만 따라갑니다. 직접 매핑 주소에는 virt_to_page를 쓰세요)")
    static let notKmapAddress = Message(en: "not a kmap address: neither a pkmap entry, a kmap_local slot nor the direct map ('kmaps' lists what is mapped)",
                                        ko: "kmap 주소가 아닙니다. pkmap 항목도, kmap_local 슬롯도, 직접 매핑도 아닙니다('kmaps'에 매핑 목록이 있습니다)")
    static let noVmallocArea = Message(en: "no vmalloc area contains it; 'cat /proc/vmallocinfo' lists them",
                                       ko: "이 주소를 담은 vmalloc 영역이 없습니다. 'cat /proc/vmallocinfo'에 영역 목록이 있습니다")

    static func populatedZones(_ names: [String]) -> Message {
        let list = names.joined(separator: ", ")
        return Message(en: "populated zones here: " + list, ko: "이 머신에서 페이지가 있는 존: " + list)
    }

    // MARK: memmap's range

    static let aroundOrFromTo = Message(en: "use either --around or --from/--to, not both",
                                        ko: "--around와 --from/--to 중 하나만 쓰세요")
    static let giveBothFromTo = Message(en: "give both: --from PFN --to PFN", ko: "둘 다 주세요: --from PFN --to PFN")

    static func toBelowFrom(_ lo: Int) -> Message {
        Message(en: "--to must not be below --from (\(Format.hex(lo)))", ko: "--to는 --from(\(Format.hex(lo)))보다 작으면 안 됩니다")
    }

    static let aroundNotAnAddress = Message(en: "not a direct-map, vmalloc, struct page or physical address of this machine; for a frame number write pfn:N",
                                            ko: "이 머신의 직접 매핑, vmalloc, struct page, 물리 주소 어느 것도 아닙니다. 프레임 번호는 pfn:N으로 쓰세요")

    // MARK: tasks

    static let noSuchTask = Message(en: "no such task; 'task list' shows them", ko: "없는 태스크입니다. 'task list'에 태스크 목록이 있습니다")
    static let taskIsRunning = Message(en: "the task is running on a CPU (the shell runs as it); create another task and exit that",
                                       ko: "이 태스크는 CPU에서 실행 중입니다(셸이 이 태스크로 돕니다). 다른 태스크를 만들어 그 태스크를 끝내세요")
    static let idleTaskNeverExits = Message(en: "an idle task (swapper) never exits and uses a stack from the kernel image",
                                            ko: "idle 태스크(swapper)는 끝나지 않으며 커널 이미지 안의 스택을 씁니다")

    static func runsOnInitStack(_ comm: String) -> Message {
        Message(en: "\(comm) runs on init_stack in the kernel image, not an allocated stack",
                ko: "\(comm) 태스크는 할당된 스택이 아니라 커널 이미지 안의 init_stack에서 돕니다")
    }

    // MARK: slab caches and per-CPU variables

    static func noSuchCache(suggestion: String?) -> Message {
        if let s = suggestion {
            return Message(en: "no such cache; did you mean \(s)?", ko: "없는 캐시입니다. \(s) 캐시를 찾으셨나요?")
        }
        return Message(en: "no such cache; see cat /proc/slabinfo", ko: "없는 캐시입니다. cat /proc/slabinfo에 캐시 목록이 있습니다")
    }

    static let noSuchCacheShort = Message(en: "no such cache", ko: "없는 캐시입니다")
    static let cacheNameOneWord = Message(en: "a cache name is one word", ko: "캐시 이름은 한 단어여야 합니다")
    static let cacheNameTaken = Message(en: "a cache with this name already exists (the kernel would allow it, but kmemsim names caches uniquely); pick another name",
                                        ko: "같은 이름의 캐시가 이미 있습니다(커널은 허용하지만 kmemsim은 캐시 이름이 겹치지 않게 합니다). 다른 이름을 고르세요")

    static func kernelOwnCache(_ name: String) -> Message {
        Message(en: "\(name) is one of the kernel's own caches; kmemsim only destroys caches you created",
                ko: "\(name) 캐시는 커널이 직접 만든 캐시입니다. kmemsim은 사용자가 만든 캐시만 없앱니다")
    }

    static func notSlabFlag(suggestion: String?, all: [String]) -> Message {
        if let s = suggestion {
            return Message(en: "not a slab flag; did you mean \(s)?", ko: "slab 플래그가 아닙니다. \(s) 플래그를 찾으셨나요?")
        }
        let list = all.joined(separator: " ")
        return Message(en: "not a slab flag; flags: " + list, ko: "slab 플래그가 아닙니다. 플래그 목록: " + list)
    }

    static func noPerCPUVariable(_ name: String, known: [String]) -> Message {
        if known.isEmpty {
            return Message(en: "no per-CPU variable by that name; define one with 'DEFINE_PER_CPU int \(name)'",
                           ko: "이 이름의 per-CPU 변수는 없습니다. 'DEFINE_PER_CPU int \(name)' 명령으로 정의하세요")
        }
        let list = known.joined(separator: ", ")
        return Message(en: "no per-CPU variable by that name; defined: " + list, ko: "이 이름의 per-CPU 변수는 없습니다. 정의된 변수: " + list)
    }

    static func usePercpuType(_ types: [String]) -> Message {
        let list = types.joined(separator: ", ")
        return Message(en: "use one of " + list, ko: "다음 중 하나를 쓰세요: " + list)
    }

    static let notCIdentifier = Message(en: "a C identifier (letters, digits, _)", ko: "C 식별자(글자, 숫자, _)여야 합니다")
    static let alreadyDefined = Message(en: "already defined", ko: "이미 정의되어 있습니다")

    // MARK: lessons

    static func noSuchLesson(ids: [String], directory: String) -> Message {
        if ids.isEmpty {
            return Message(en: "no such lesson; no lessons found in \(directory)", ko: "없는 레슨입니다. \(directory)에서 레슨을 찾지 못했습니다")
        }
        let list = ids.joined(separator: " ")
        return Message(en: "no such lesson; lessons: " + list, ko: "없는 레슨입니다. 레슨 목록: " + list)
    }

    static let noSuchLessonListHint = Message(en: "no such lesson; 'lesson list' shows them", ko: "없는 레슨입니다. 'lesson list'에 레슨 목록이 있습니다")

    /// The label an error names an argument by: placeholders (CPU, PID, --to) stay; the two words are translated.
    static func argumentLabel(_ a: String) -> Message {
        switch a {
        case "boot parameter": Message(en: a, ko: "부팅 매개변수")
        case "lesson": Message(en: a, ko: "레슨")
        default: Message(verbatim: a)
        }
    }
}

/// What an argument must be and what it was (`CommandError.wrongValueType`): `expected` is a noun phrase ("a number"),
/// `got` a whole clause in Korean (it ends the sentence, sometimes with a hint).
extension Message {
    static let expectedNumber = Message(en: "a number", ko: "숫자 값이")
    static let expectedSize = Message(en: "a size", ko: "크기 값이")
    static let expectedAddressVariableBeforePlus = Message(en: "an address variable before +", ko: "+ 앞에 주소 변수가")
    static let expectedAddress = Message(en: "an address (void *)", ko: "주소(void *) 값이")
    static let expectedStructPage = Message(en: "a struct page *", ko: "struct page * 값이")
    static let expectedCache = Message(en: "a cache (struct kmem_cache *)", ko: "캐시(struct kmem_cache *) 값이")
    static let expectedGFPMask = Message(en: "a gfp mask (a number)", ko: "gfp 마스크(숫자) 값이")
    static let expectedPageOrAddress = Message(en: "a struct page * or an address", ko: "struct page * 또는 주소 값이")

    /// A value's C type in words ("number", "struct page *"); `ShellValue.typeName` is the English.
    static func valueType(_ v: ShellValue) -> Message {
        switch v {
        case .int: Message(en: v.typeName, ko: "숫자")
        case .address: Message(en: v.typeName, ko: "주소")
        case .string: Message(en: v.typeName, ko: "문자열")
        case .none, .null, .page, .bool: Message(verbatim: v.typeName)
        }
    }

    /// `got`: the value's type, as the end of the sentence.
    static func gotValue(_ v: ShellValue) -> Message {
        let t = valueType(v)
        return Message(en: t.en, ko: t.ko + "입니다")
    }

    /// `got`: the text that was given (`$p` before a `+`).
    static func gotText(_ t: String) -> Message { Message(en: t, ko: t + "입니다") }

    static let gotPageWantAddress = Message(en: "struct page *; use page_address() to get its address",
                                            ko: "struct page *입니다. 그 주소는 page_address()로 얻으세요")

    static func gotAddressWantPage(_ a: UInt64) -> Message {
        Message(en: "an address (0x\(String(a, radix: 16))); use virt_to_page() to get its page",
                ko: "주소(0x\(String(a, radix: 16)))입니다. 그 페이지는 virt_to_page()로 얻으세요")
    }
}

extension Message {
    static let stackPictureOrUse = Message(en: "use 'stack PID --picture' or 'stack use PID BYTES'",
                                           ko: "'stack PID --picture' 또는 'stack use PID BYTES'로 쓰세요")
}

import KernelMM

/// What each memblock reservation of early boot holds (`memblock`, `kmem` of a reserved page).
extension Message {
    static func memblockPurpose(_ p: MemblockPurpose) -> Message {
        switch p {
        case .firstMegabyte:
            Message(en: "first 1 MiB (BIOS, EBDA, real-mode trampoline)", ko: "처음 1 MiB (BIOS, EBDA, real-mode 트램펄린)")
        case .openBootPROM: Message(verbatim: "OpenBoot PROM")
        case .kernelImage(let part):
            switch part {
            case .text: Message(en: "kernel image (text)", ko: "커널 이미지 (text)")
            case .rodata: Message(en: "kernel image (rodata)", ko: "커널 이미지 (rodata)")
            case .rodataDataGap: Message(en: "kernel image (rodata/data gap)", ko: "커널 이미지 (rodata와 data 사이 빈틈)")
            case .data: Message(en: "kernel image (data)", ko: "커널 이미지 (data)")
            case .initSections: Message(en: "kernel image (init)", ko: "커널 이미지 (init)")
            case .bssDecrypted: Message(en: "kernel image (.bss..decrypted)", ko: "커널 이미지 (.bss..decrypted)")
            case .bss: Message(en: "kernel image (bss)", ko: "커널 이미지 (bss)")
            }
        case .memMap: Message(en: "mem_map (struct page array)", ko: "mem_map (struct page 배열)")
        case .swiotlb: Message(en: "software IO TLB (swiotlb bounce buffers)", ko: "소프트웨어 IO TLB (swiotlb 바운스 버퍼)")
        case .percpuFirstChunk: Message(en: "per-CPU first chunk", ko: "per-CPU 첫 청크")
        case .earlyAllocations:
            Message(en: "early page tables, ACPI tables, boot allocations", ko: "초기 페이지 테이블, ACPI 테이블, 부트 중 할당")
        }
    }
}

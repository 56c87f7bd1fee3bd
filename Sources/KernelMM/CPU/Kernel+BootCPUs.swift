/// The CPU side of boot: the first per-CPU chunk, each CPU's IRQ stack (arch/x86/kernel/irq_64.c / irq_32.c),
/// the idle tasks of the secondary CPUs (fork_idle) and the kernel stacks of the tasks that exist at boot.
extension Kernel {
    mutating func bootCPUs() {
        cachedStacks = Array(repeating: [], count: params.cpus)
        setupFirstPercpuChunk()
        for c in cpus.indices {
            cpus[c].irqStack = allocIRQStack(cpu: c)
            if c == 0 { bootIoremaps() }
        }
        for c in 1..<max(params.cpus, 1) {
            var idle = Task(pid: 0, comm: "swapper/\(c)")
            idle.cpu = c
            idle.stack = allocThreadStack(pid: 0)
            tasks.append(idle)
        }
        for i in tasks.indices where tasks[i].pid != 0 {
            tasks[i].stack = allocThreadStack(pid: tasks[i].pid)
        }
        // The boot allocations above went through CPU 0's per-CPU page lists; hand what is left there back to the
        // buddy allocator, so that a fresh machine starts with every free page visible in buddyinfo and MemFree.
        drainAllPages()
    }

    /// The device and firmware mappings a PC's boot leaves in vmalloc space (x86: the HPET registers, mapped by ACPI
    /// and by hpet_enable(), and the BIOS area memremap()ed for the MP/SMBIOS tables), as the capture's vmallocinfo
    /// shows them after CPU 0's IRQ stack. (Its ACPI-table mappings need e820's ACPI ranges, which kmemsim's RAM map
    /// leaves out.)
    mutating func bootIoremaps() {
        guard arch.isPC else { return }
        ioremap(phys: 0xfed0_0000, pages: 1, caller: "hpet_enable+0xef/0x46d")
        ioremap(phys: 0xfed0_0000, pages: 1, caller: "acpi_os_map_iomem+0x1b6/0x1d0")
        ioremap(phys: 0x000f_5000, pages: 1, caller: "memremap+0x159/0x210")
    }

    /// x86-64: the 16 KiB irq_stack_backing_store in the CPU's static per-CPU area, mapped with vmap() so that a
    /// guard page sits beside it (CONFIG_VMAP_STACK), or used in place. i386 (and sparc64 here): a hardirq and a
    /// softirq stack of THREAD_SIZE from the page allocator.
    mutating func allocIRQStack(cpu c: Int) -> IRQStack? {
        guard params.irqStacks else { return nil }
        let size = arch.irqStackInPercpuArea ? arch.x86IRQStackSize : threadSize
        if arch.irqStackInPercpuArea {
            let offset = pageSize // the page-aligned part of .data..percpu
            guard let pfn0 = firstChunkPFN(cpu: c, offset: offset) else { return nil }
            let pfns = (0..<(size / pageSize)).map { Int32(pfn0 + $0) }
            if vmapStack, let area = vmap(pfns, caller: "irq_init_percpu_irqstack+0x114/0x170", purpose: .irqStack(cpu: c)) {
                return IRQStack(base: area.start, size: size, vmapArea: area.id)
            }
            return IRQStack(base: pageAddress(pfn0) ?? 0, size: size)
        }
        guard let hard = allocPages(Self.threadinfoGFP, order: threadSizeOrder, owner: .kernelStack, tag: UInt32(0x8000_0000 | c),
                                    caller: "irq_init_percpu_irqstack"),
              let soft = allocPages(Self.threadinfoGFP, order: threadSizeOrder, owner: .kernelStack, tag: UInt32(0x8000_0000 | c),
                                    caller: "irq_init_percpu_irqstack") else { return nil }
        return IRQStack(base: pageAddress(hard.raw) ?? 0, size: size, pfn: hard.raw, softirqPFN: soft.raw)
    }
}

extension Architecture {
    /// IRQ_STACK_SIZE: 16 KiB on x86-64 (asm/page_64_types.h), THREAD_SIZE elsewhere.
    public var x86IRQStackSize: Int { self == .x86_64 ? 16 << 10 : threadSize }
}

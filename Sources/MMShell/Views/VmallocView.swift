import KernelMM

/// /proc/vmallocinfo (mm/vmalloc.c s_show) and pictures of vmalloc areas.
enum VmallocView {
    @Sendable static func vmallocinfo(_ k: Kernel) -> String { VmallocInfoModel(k).text }

    static func purpose(_ p: VMAreaPurpose) -> String {
        switch p {
        case .vmalloc: "vmalloc() area"
        case .taskStack(let pid?): "kernel stack of pid \(pid)"
        case .taskStack(nil): "cached kernel stack (kept for the next task on this CPU)"
        case .irqStack(let c): "IRQ stack of CPU \(c) (vmap of its per-CPU backing store)"
        case .percpuChunk(let id): "per-CPU chunk \(id)"
        case .pagesArray: "page array (vm->pages) of a larger vmalloc area"
        case .ioremap: "ioremap() of device memory"
        }
    }

    /// `kmem ADDR` for vmalloc addresses: which area, which page, which frame.
    @Sendable static func kmem(_ s: ShellSession, _ addr: UInt64) -> String? {
        let k = s.kernel
        guard k.isVmallocAddr(addr) else { return nil }
        guard let i = k.vmalloc.index(containing: addr) else {
            return "vmalloc address \(Format.hex(addr)): in the vmalloc range but in no area (not mapped)\n"
        }
        let a = k.vmalloc.areas[i]
        let n = Int((addr - a.start) / UInt64(k.pageSize))
        let off = (addr - a.start) % UInt64(k.pageSize)
        var t = "vmalloc address \(Format.hex(addr)): \(purpose(a.purpose)) at \(Format.hex(a.start)) (caller \(a.caller))\n"
        if n >= a.pages.count {
            return t + "  guard page after the area: not mapped, any access faults\n"
        }
        guard a.pages[n] >= 0 else { return t + "  page \(n): not populated yet\n" }
        let pfn = Int(a.pages[n])
        t += "  page \(n) of \(a.pages.count), offset \(Format.hex(off)) → pfn \(Format.hex(pfn)) phys \(Format.hex(k.physAddr(pfn) + off))\n"
        t += "  pfn \(Format.hex(pfn)): " + ValueView.blockSummary(pfn, k) + "\n"
        return t
    }
}

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
}

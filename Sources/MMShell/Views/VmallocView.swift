import KernelMM

/// /proc/vmallocinfo (mm/vmalloc.c s_show) and pictures of vmalloc areas.
enum VmallocView {
    @Sendable static func vmallocinfo(_ k: Kernel) -> String { VmallocInfoModel(k).text }

    static func purpose(_ p: VMAreaPurpose) -> String { Message.vmallocPurpose(p).en }
}

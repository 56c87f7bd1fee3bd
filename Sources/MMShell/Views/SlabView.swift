import KernelMM

/// /proc/slabinfo, slabtop and the `slab CACHE` picture.
enum SlabView {
    /// "my_cache: object 100 → 104 bytes (align 8), 39 objects per order-0 slab (4 KiB), 40 bytes left over".
    static func summary(_ name: String, _ k: Kernel, _ lang: Language = .en) -> String { SlabCacheModel(name, k)?.summary(lang) ?? name }

    /// /proc/slabinfo of the booted kernel.
    @Sendable static func slabinfo(_ k: Kernel) -> String { SlabInfoModel(k).slabinfoText }

    static func kb(_ bytes: Int) -> String {
        let hundredths = (bytes * 100 + 512) / 1024
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)K"
    }
}

/// /proc/slabinfo.
enum SlabProcFiles {
    static let all: [ProcFile] = [ProcFile("/proc/slabinfo", render: SlabView.slabinfo, json: { SlabInfoModel($0).slabinfoJSON })]
}

import KernelMM

/// /proc/slabinfo, slabtop and the `slab CACHE` picture.
enum SlabView {
    /// "my_cache: object 100 → 104 bytes (align 8), 39 objects per order-0 slab (4 KiB), 40 bytes left over".
    static func summary(_ name: String, _ k: Kernel) -> String { SlabCacheModel(name, k)?.summary ?? name }

    /// /proc/slabinfo of the booted kernel.
    @Sendable static func slabinfo(_ k: Kernel) -> String { SlabInfoModel(k).slabinfoText }

    static func kb(_ bytes: Int) -> String {
        let hundredths = (bytes * 100 + 512) / 1024
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)K"
    }

    /// `kmem ADDR` for slab memory: cache, slab and object index.
    @Sendable static func resolve(_ s: ShellSession, _ addr: UInt64) -> String? {
        let k = s.kernel
        guard let loc = k.locateSlabObject(addr) else { return nil }
        let c = k.slab.caches[loc.cacheIndex]
        guard let sl = c.slabs[loc.slabPFN] else { return nil }
        var t = "CACHE \(c.name)  (object size \(c.objectSize), stride \(c.size))\n"
        t += "  SLAB \(Format.hex(k.pageAddress(loc.slabPFN) ?? 0))  pfn \(Format.hex(loc.slabPFN))  order \(k.frames[loc.slabPFN].order)  list \(sl.list.rawValue)  inuse \(sl.inuse)/\(sl.objects.count)\n"
        if let i = loc.index {
            let obj = k.objectAddress(c, sl, index: i)
            let state: String
            switch sl.objects[i] {
            case .allocated: state = "[allocated]"
            case .cached: state = "free (in a per-CPU array cache)"
            case .free: state = "free"
            }
            t += "  OBJECT \(i) at \(Format.hex(obj)) \(state)" + (loc.exact ? "" : ", address is \(loc.offsetInObject) bytes into it") + "\n"
        } else {
            t += "  not inside an object (colour, freelist or leftover space)\n"
        }
        return t
    }
}

/// /proc/slabinfo.
enum SlabProcFiles {
    static let all: [ProcFile] = [ProcFile("/proc/slabinfo", render: SlabView.slabinfo, json: { SlabInfoModel($0).slabinfoJSON })]
}

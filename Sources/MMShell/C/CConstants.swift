import KernelMM

/// Names C code may use without declaring them: the kernel's constants as 6.6 defines them on this architecture.
enum CConstants {
    /// errno values (include/uapi/asm-generic/errno-base.h).
    static let errno: [(String, Int)] = [("EPERM", 1), ("ENOENT", 2), ("EIO", 5), ("EAGAIN", 11), ("ENOMEM", 12),
                                         ("EFAULT", 14), ("EBUSY", 16), ("EEXIST", 17), ("ENODEV", 19), ("EINVAL", 22),
                                         ("ENOSPC", 28)]

    /// Slab flags that 6.6 no longer has: the book's listings still use them. Read as 0, with a note.
    /// SLAB_ flags older kernels had and 6.6 does not: read as 0, with a note (the catalog says what became of each).
    static let removedSlabFlags = ["SLAB_NOTRACK", "SLAB_DESTROY_BY_RCU", "SLAB_DEBUG_FREE", "SLAB_MUST_HWCACHE_ALIGN"]

    static func value(_ name: String, kernel k: Kernel) -> CValue? {
        let arch = k.arch
        switch name {
        case "NULL": return .null
        case "true": return .int(1, .bool)
        case "false": return .int(0, .bool)
        case "PAGE_SIZE": return .int(arch.pageSize, .unsignedLong)
        case "PAGE_SHIFT": return .int(arch.pageShift)
        case "PAGE_MASK": return .int(~(arch.pageSize - 1), .unsignedLong)
        case "MAX_ORDER": return .int(arch.maxOrder)
        case "THREAD_SIZE": return .int(arch.threadSize, .unsignedLong)
        case "L1_CACHE_BYTES", "SMP_CACHE_BYTES": return .int(k.cacheLineSize)
        // arch/x86/include/asm/processor.h: __alignof__(union fpregs_state), 64; other architectures leave it 0.
        case "ARCH_MIN_TASKALIGN": return .int(arch.minTaskAlignIsCacheLine ? k.cacheLineSize : 0)
        case "KMALLOC_MAX_SIZE": return .int(arch.pageSize << (arch.maxOrder + 1), .unsignedLong)
        case "nr_cpu_ids", "NR_CPUS": return .int(k.cpus.count, .unsignedInt)
        default: break
        }
        if let e = errno.first(where: { $0.0 == name }) { return .int(e.1) }
        if let g = GFPNames.lookup(name) { return .int(Int(g.flags.rawValue), .unsignedInt) }
        if let f = SlabFlags.names.first(where: { $0.0 == name }) { return .int(Int(f.1.rawValue), .unsignedInt) }
        return nil
    }

    /// Every constant name, for suggestions.
    static func allNames(kernel k: Kernel) -> [String] {
        ["NULL", "true", "false", "PAGE_SIZE", "PAGE_SHIFT", "PAGE_MASK", "MAX_ORDER", "THREAD_SIZE", "L1_CACHE_BYTES",
         "ARCH_MIN_TASKALIGN", "KMALLOC_MAX_SIZE", "nr_cpu_ids"] + errno.map(\.0) + GFPNames.all.map(\.name) + SlabFlags.names.map(\.0)
    }
}

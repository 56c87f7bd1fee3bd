/// enum kmalloc_cache_type (include/linux/slab.h, 6.6 without RANDOM_KMALLOC_CACHES).
public enum KmallocType: Int, CaseIterable, Sendable {
    case normal, reclaim, dma, cgroup

    /// The cache name prefix (mm/slab_common.c kmalloc_info[] / KMALLOC_*_NAME).
    public var prefix: String {
        switch self {
        case .normal: "kmalloc-"
        case .reclaim: "kmalloc-rcl-"
        case .dma: "dma-kmalloc-"
        case .cgroup: "kmalloc-cg-"
        }
    }
}

/// ZERO_SIZE_PTR: what kmalloc(0) returns ((void *)16).
public let zeroSizePointer: UInt64 = 16

extension Kernel {
    /// KMALLOC_MIN_SIZE: 8 for SLUB (KMALLOC_SHIFT_LOW 3), 32 for SLAB (5).
    public var kmallocMinSize: Int { params.slab == .slub ? 8 : 32 }
    /// KMALLOC_MAX_CACHE_SIZE = 1 << (PAGE_SHIFT + 1): 8 KiB with 4 KiB pages.
    public var kmallocMaxCacheSize: Int { pageSize << 1 }
    /// KMALLOC_MAX_SIZE = 1 << (MAX_ORDER + PAGE_SHIFT): 4 MiB with 4 KiB pages.
    public var kmallocMaxSize: Int { pageSize << maxOrder }

    /// The kmalloc size classes: powers of two from KMALLOC_MIN_SIZE, plus 96 and 192 where the minimum allows.
    public var kmallocClasses: [Int] {
        var c: [Int] = []
        var s = kmallocMinSize
        while s <= kmallocMaxCacheSize { c.append(s); s <<= 1 }
        if kmallocMinSize <= 32 { c.append(96) }
        if kmallocMinSize <= 64 { c.append(192) }
        return c.sorted()
    }

    /// kmalloc_index() / kmalloc_slab(): the class a request of `size` bytes uses, or nil for 0 and above
    /// KMALLOC_MAX_CACHE_SIZE (which go to ZERO_SIZE_PTR and the page allocator).
    public func kmallocClassSize(_ size: Int) -> Int? {
        guard size > 0, size <= kmallocMaxCacheSize else { return nil }
        // The first of `kmallocClasses` that fits, without building the table on every kmalloc().
        if kmallocMinSize <= 32, size > 64, size <= 96 { return 96 }
        if kmallocMinSize <= 64, size > 128, size <= 192 { return 192 }
        var s = kmallocMinSize
        while s < size { s <<= 1 }
        return s
    }

    /// kmalloc_type(): DMA > RECLAIMABLE > ACCOUNT (no dma-kmalloc caches without ZONE_DMA).
    public func kmallocType(_ gfp: GFPFlags) -> KmallocType {
        if gfp.intersection([.reclaimable, .dma, .account]).isEmpty { return .normal }
        if gfp.contains(.dma) && arch.configuredZones.contains(.dma) { return .dma }
        if gfp.contains(.reclaimable) { return .reclaim }
        return gfp.contains(.account) ? .cgroup : .normal
    }

    /// "kmalloc-96", "kmalloc-rcl-1k", "dma-kmalloc-8k".
    public func kmallocCacheName(classSize: Int, type: KmallocType) -> String {
        if let slot = Self.kmallocNameSlot(classSize) { return Self.kmallocCacheNames[type.rawValue][slot] }
        return Self.makeKmallocCacheName(classSize, type)
    }

    /// Every kmalloc() names its cache: the names of the size classes are made once (powers of two by their
    /// shift, then 96 and 192), not built again on each call.
    private static let kmallocCacheNames: [[String]] = KmallocType.allCases.map { type in
        (0..<30).map { makeKmallocCacheName(1 << $0, type) } + [makeKmallocCacheName(96, type), makeKmallocCacheName(192, type)]
    }

    private static func kmallocNameSlot(_ classSize: Int) -> Int? {
        if classSize == 96 { return 30 }
        if classSize == 192 { return 31 }
        guard classSize > 0, classSize & (classSize - 1) == 0, classSize < 1 << 30 else { return nil }
        return classSize.trailingZeroBitCount
    }

    private static func makeKmallocCacheName(_ classSize: Int, _ type: KmallocType) -> String {
        type.prefix + (classSize >= 1024 ? "\(classSize / 1024)k" : "\(classSize)")
    }

    /// kmalloc_size_roundup(): what kmalloc(size) really provides.
    public func kmallocSizeRoundup(_ size: Int) -> Int {
        if let c = kmallocClassSize(size) { return c }
        if size > 0 && size <= kmallocMaxSize { return pageSize << getOrder(size) }
        return size
    }

    /// mm/slab_common.c: create_kmalloc_caches() — every type and size at boot.
    mutating func createKmallocCaches() {
        for type in KmallocType.allCases {
            if type == .dma && !arch.configuredZones.contains(.dma) { continue }
            for size in kmallocClasses {
                var flags: SlabFlags = [.kmalloc]
                if slab.kind == .slab { flags.insert(.hwcacheAlign) } // ARCH_KMALLOC_FLAGS for SLAB
                switch type {
                case .normal: flags.insert(.noMerge)
                case .reclaim: flags.insert(.reclaimAccount)
                case .dma: flags.insert(.cacheDMA)
                case .cgroup: flags.insert(.account)
                }
                createCache(name: kmallocCacheName(classSize: size, type: type), size: size, flags: flags,
                                usercopy: true, bootCache: true)
            }
        }
    }
}

/// Geometry of a cache: alignment, object stride, slab order and objects per slab, as mm/slab.c and mm/slub.c
/// compute them. Pure functions of the request and the machine, so tests can check them against the kernel's tables.
public struct SlabGeometry: Sendable, Equatable, Codable {
    public var size: Int
    public var align: Int
    public var order: Int
    public var num: Int
    public var flags: SlabFlags
    public var layout: SlabLayout
    public var colour = 0, colourOff = 0, freelistSize = 0
    public var objOffset = 0
    public var freePointerOffset = 0, inuse = 0
    public var allocflags: GFPFlags = []
    public var leftover = 0
}

extension Kernel {
    /// cache_line_size(): 64 bytes on every architecture kmemsim models.
    public var cacheLineSize: Int { 64 }
    var wordSize: Int { arch.is64Bit ? 8 : 4 }

    /// mm/slab_common.c: calculate_alignment() — HWCACHE_ALIGN halves the line while the object fits in half.
    public func calculateAlignment(flags: SlabFlags, align: Int, size: Int) -> Int {
        var align = align
        if flags.contains(.hwcacheAlign) {
            var ralign = cacheLineSize
            while size <= ralign / 2 { ralign /= 2 }
            align = max(align, ralign)
        }
        align = max(align, 8) // ARCH_SLAB_MINALIGN = __alignof__(unsigned long long)
        return Self.alignUp(align, wordSize)
    }

    static func alignUp(_ v: Int, _ a: Int) -> Int { a <= 1 ? v : (v + a - 1) / a * a }

    /// get_order(): the smallest order whose block holds `size` bytes.
    public func getOrder(_ size: Int) -> Int {
        var o = 0
        // Past the top bit the shift gives 0: stop there rather than loop for ever on a huge size.
        while o < Int.bitWidth - 1 - arch.pageShift, (pageSize << o) < size { o += 1 }
        return o
    }

    /// The geometry for the current allocator.
    public func slabGeometry(objectSize: Int, align: Int, flags: SlabFlags, ctor: Bool) -> SlabGeometry? {
        slab.kind == .slab ? slabCacheGeometry(objectSize: objectSize, align: align, flags: flags, ctor: ctor)
                           : slubCacheGeometry(objectSize: objectSize, align: align, flags: flags, ctor: ctor)
    }

    // MARK: SLAB

    /// sizeof(freelist_idx_t): one byte while PAGE_SIZE / 256 ≤ SLAB_OBJ_MIN_SIZE (16), else two.
    var slabFreelistIndexSize: Int { (pageSize >> 8) <= 16 ? 1 : 2 }

    /// mm/slab.c: cache_estimate() — objects in a slab of `order` and the bytes left over.
    func cacheEstimate(order: Int, size: Int, onSlabFreelist: Bool) -> (num: Int, left: Int) {
        let slabSize = pageSize << order
        let per = onSlabFreelist ? size + slabFreelistIndexSize : size
        return (slabSize / per, slabSize % per)
    }

    enum SlabPlacement { case onSlab, offSlab, objFreelist }

    /// mm/slab.c: calculate_slab_order() — from order 0 up, stop at the first acceptable fit: always for
    /// RECLAIM_ACCOUNT, at slab_max_order, or when the leftover is at most 1/8 of the slab.
    func calculateSlabOrder(size: Int, flags: SlabFlags, placement: SlabPlacement, cacheSize: Int) -> (num: Int, order: Int, left: Int) {
        var best = (num: 0, order: 0, left: 0)
        let maxNum = (1 << (8 * slabFreelistIndexSize)) - 1 // SLAB_OBJ_MAX_NUM
        for order in 0...maxOrder {
            let (num, left) = cacheEstimate(order: order, size: size, onSlabFreelist: placement == .onSlab)
            if num == 0 { continue }
            if num > maxNum { break }
            if placement == .offSlab {
                let freelistSize = num * slabFreelistIndexSize
                let freelistCacheSize: Int
                if freelistSize > kmallocMaxCacheSize {
                    freelistCacheSize = pageSize << getOrder(freelistSize)
                } else {
                    // kmalloc_slab(freelist_size): the class the off-slab freelist would come from.
                    freelistCacheSize = kmallocClassSize(freelistSize) ?? freelistSize
                }
                if freelistCacheSize > cacheSize / 2 { continue }
            }
            best = (num, order, left)
            if flags.contains(.reclaimAccount) { break }
            if order >= slab.slabMaxOrder { break }
            if left * 8 <= (pageSize << order) { break }
        }
        return best
    }

    /// mm/slab.c: __kmem_cache_create() — debug padding (CONFIG_DEBUG_SLAB), alignment, then the first freelist
    /// placement that works: inside a free object (OBJFREELIST), off-slab, on-slab.
    func slabCacheGeometry(objectSize: Int, align requested: Int, flags inFlags: SlabFlags, ctor: Bool) -> SlabGeometry? {
        var flags = inFlags
        var size = objectSize
        if slab.debug.debugSlab {
            // FORCED_DEBUG: red zone + last user unless it pushes a large object past the next power of two.
            func fls(_ x: Int) -> Int { x == 0 ? 0 : Int.bitWidth - x.leadingZeroBitCount }
            if size < 4096 || fls(size - 1) == fls(size - 1 + 8 + 16) { flags.formUnion([.redZone, .storeUser]) }
            if !flags.contains(.typesafeByRCU) { flags.insert(.poison) }
        } else {
            // Without CONFIG_DEBUG_SLAB, SLAB_DEBUG_FLAGS is 0 and CACHE_CREATE_MASK drops the debug flags.
            flags.subtract([.redZone, .poison, .storeUser, .consistencyChecks, .trace])
        }
        var align = calculateAlignment(flags: flags, align: requested, size: objectSize)
        size = Self.alignUp(size, wordSize)
        var ralign = wordSize
        if flags.contains(.redZone) {
            ralign = 8 // REDZONE_ALIGN
            size = Self.alignUp(size, 8)
        }
        if ralign < align { ralign = align }
        if ralign > 8 { flags.subtract([.redZone, .storeUser]) }
        align = ralign
        let colourOff = max(cacheLineSize, align)
        var objOffset = 0
        if flags.contains(.redZone) {
            objOffset += 8
            size += 16
        }
        if flags.contains(.storeUser) { size += flags.contains(.redZone) ? 8 : wordSize }
        size = Self.alignUp(size, align)
        let minSize = 16 // SLAB_OBJ_MIN_SIZE
        if slabFreelistIndexSize == 1 && size < minSize { size = Self.alignUp(minSize, align) }

        var g = SlabGeometry(size: size, align: align, order: 0, num: 0, flags: flags, layout: .onSlab)
        g.colourOff = colourOff
        g.objOffset = objOffset
        // set_objfreelist_slab_cache()
        var placed = false
        if !ctor && !flags.contains(.typesafeByRCU) {
            let r = calculateSlabOrder(size: size, flags: flags, placement: .objFreelist, cacheSize: objectSize)
            if r.num > 0 && r.num * slabFreelistIndexSize <= objectSize {
                (g.num, g.order, g.leftover, g.layout) = (r.num, r.order, r.left, .objFreelist)
                placed = true
            }
        }
        // set_off_slab_cache(): only worth it when the leftover cannot hold the freelist.
        if !placed && !flags.contains(.noLeakTrace) {
            let r = calculateSlabOrder(size: size, flags: flags, placement: .offSlab, cacheSize: objectSize)
            if r.num > 0 && r.left < r.num * slabFreelistIndexSize {
                (g.num, g.order, g.leftover, g.layout) = (r.num, r.order, r.left, .offSlab)
                placed = true
            }
        }
        if !placed {
            let r = calculateSlabOrder(size: size, flags: flags, placement: .onSlab, cacheSize: objectSize)
            guard r.num > 0 else { return nil }
            (g.num, g.order, g.leftover, g.layout) = (r.num, r.order, r.left, .onSlab)
        }
        g.colour = g.leftover / colourOff
        g.freelistSize = g.num * slabFreelistIndexSize
        g.allocflags = .comp
        if flags.contains(.cacheDMA) { g.allocflags.insert(.dma) }
        if flags.contains(.cacheDMA32) { g.allocflags.insert(.dma32) }
        if flags.contains(.reclaimAccount) { g.allocflags.insert(.reclaimable) }
        g.inuse = objectSize
        return g
    }

    /// mm/slab.c: enable_cpucache() — limit by object size, batchcount half of it, shared 8 on SMP.
    func slabTunables(size: Int) -> (limit: Int, batch: Int, shared: Int) {
        var limit: Int
        if size > 131_072 { limit = 1 } else if size > pageSize { limit = 8 } else if size > 1024 { limit = 24 }
        else if size > 256 { limit = 54 } else { limit = 120 }
        let shared = size <= pageSize && params.cpus > 1 ? 8 : 0
        if slab.debug.debugSlab && limit > 32 { limit = 32 }
        return (limit, (limit + 1) / 2, shared)
    }

    // MARK: SLUB

    /// SLUB's min_objects: 4 × (fls(num_present_cpus()) + 1).
    public var slubMinObjects: Int {
        let n = slab.cpus
        let fls = n == 0 ? 0 : Int.bitWidth - n.leadingZeroBitCount
        return 4 * (fls + 1)
    }

    /// mm/slub.c: calc_slab_order().
    func calcSlabOrder(size: Int, minObjects: Int, maxOrder maxO: Int, fractLeftover: Int) -> Int {
        let minOrder = slab.slubMinOrder
        if (pageSize << minOrder) / size > 32767 { return getOrder(size * 32767) - 1 }
        var order = max(minOrder, getOrder(minObjects * size))
        while order <= maxO {
            let slabSize = pageSize << order
            if slabSize % size <= slabSize / fractLeftover { break }
            order += 1
        }
        return order
    }

    /// mm/slub.c: calculate_order() — as many objects as min_objects asks, with waste under 1/16, 1/8, 1/4 in turn,
    /// fewer objects when nothing fits, and finally any order that holds one object.
    public func slubCalculateOrder(size: Int) -> Int? {
        let maxO = slab.slubMaxOrder
        var minObjects = min(slubMinObjects, (pageSize << maxO) / size)
        while minObjects > 1 {
            var fraction = 16
            while fraction >= 4 {
                let order = calcSlabOrder(size: size, minObjects: minObjects, maxOrder: maxO, fractLeftover: fraction)
                if order <= maxO { return order }
                fraction /= 2
            }
            minObjects -= 1
        }
        var order = calcSlabOrder(size: size, minObjects: 1, maxOrder: maxO, fractLeftover: 1)
        if order <= maxO { return order }
        order = calcSlabOrder(size: size, minObjects: 1, maxOrder: maxOrder, fractLeftover: 1)
        return order <= maxOrder ? order : nil
    }

    /// mm/slub.c: calculate_sizes() — word alignment, red zones, where the free pointer goes, tracking, order.
    func slubCacheGeometry(objectSize: Int, align requested: Int, flags inFlags: SlabFlags, ctor: Bool) -> SlabGeometry? {
        let flags = inFlags
        let ptr = wordSize
        let align = calculateAlignment(flags: flags, align: requested, size: objectSize)
        var size = Self.alignUp(objectSize, ptr)
        if flags.contains(.redZone) && size == objectSize { size += ptr }
        let inuse = size
        var offset: Int
        let origSize = flags.contains(.storeUser) && flags.contains(.kmalloc)
        if origSize || !flags.intersection([.typesafeByRCU, .poison]).isEmpty
            || (flags.contains(.redZone) && objectSize < ptr) || ctor {
            offset = size
            size += ptr
        } else {
            offset = (objectSize / 2) / ptr * ptr
        }
        if flags.contains(.storeUser) {
            size += 2 * (arch.is64Bit ? 32 : 20) // 2 × struct track
            if flags.contains(.kmalloc) { size += 4 }
        }
        var redLeftPad = 0
        if flags.contains(.redZone) {
            size += ptr
            redLeftPad = Self.alignUp(ptr, align)
            size += redLeftPad
        }
        size = Self.alignUp(size, align)
        guard let order = slubCalculateOrder(size: size) else { return nil }
        var g = SlabGeometry(size: size, align: align, order: order, num: (pageSize << order) / size, flags: flags,
                             layout: .freePointer)
        g.leftover = (pageSize << order) % size
        g.freePointerOffset = offset
        g.inuse = inuse
        g.objOffset = redLeftPad
        if order > 0 { g.allocflags.insert(.comp) }
        if flags.contains(.cacheDMA) { g.allocflags.insert(.dma) }
        if flags.contains(.cacheDMA32) { g.allocflags.insert(.dma32) }
        if flags.contains(.reclaimAccount) { g.allocflags.insert(.reclaimable) }
        return g
    }
}

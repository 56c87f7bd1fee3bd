/// Explain steps of the page allocator's slow path and fallbacks (mm/page_alloc.c), recorded as facts.
public enum SlowpathStep: Sendable, Equatable, Codable {
    /// __alloc_pages_slowpath() entered; `reserve` is the access the mask earns at the min watermark.
    case entered(reserve: ReserveAccess)
    case memallocNoWatermarks
    case cannotSleep
    case drainedAllPages
    case noretryGaveUp
    case costlyNoRetry(order: Int)
    case nofailMinReserveSucceeded
    case nofailWouldLoop
    /// __alloc_pages_direct_reclaim(): pages the caller reclaimed for itself.
    case directReclaim(freed: Int)
    /// get_page_from_freelist(): the watermark passed but no list this request may take from had a block.
    case noListToTakeFrom(zone: ZoneType, highAtomic: Bool)
    case retryWithoutNoFragment
    /// reserve_highatomic_pageblock().
    case reservedHighatomic(pageblockPFN: Int)
    /// wakeup_kswapd() and kswapd's balance_pgdat(): `freed` of the `target` pages it wanted.
    case kswapdWoken(zone: ZoneType, reason: KswapdReason, freed: Int, target: Int)
    /// __alloc_pages(): order > MAX_ORDER.
    case orderTooLarge(order: Int, maxOrder: Int)

    public enum KswapdReason: Sendable, Equatable, Codable {
        /// The zone is at or below low + lowmem_reserve.
        case belowLow(free: Int, low: Int, lowmemReserve: Int)
        /// steal_suitable_fallback() boosted the watermarks.
        case fallbackBoost
    }

    /// What the min watermark becomes for the mask (gfp_to_alloc_flags()).
    public enum ReserveAccess: Sendable, Equatable, Codable {
        case none, high, highNonBlocking
    }
}

/// Explain steps of SLAB and SLUB (mm/slab.c, mm/slub.c, mm/slab_common.c).
public enum SlabStep: Sendable, Equatable, Codable {
    // SLAB (mm/slab.c)
    case arrayCacheHit(cache: String, cpu: Int, available: Int, limit: Int)
    case refilledFromShared(cache: String, cpu: Int, objects: Int)
    case partialSlabFound(cache: String, pfn: Int)
    case freeSlabUsed(cache: String, pfn: Int)
    case growing(cache: String)
    case pushedOnArrayCache(cache: String, cpu: Int, count: Int, limit: Int)
    case arrayFullToShared(cache: String, cpu: Int, objects: Int)
    case arrayFullFreeBlock(cache: String, cpu: Int, objects: Int)
    case aboveFreeLimit(cache: String, freeLimit: Int, slabsDestroyed: Int)
    // SLUB (mm/slub.c)
    case fastPathAlloc(cache: String, cpu: Int, pfn: Int)
    case cpuSlabFullUnfrozen(cache: String, cpu: Int, pfn: Int)
    case fromCPUPartial(cache: String, cpu: Int, pfn: Int)
    case newSlabNeeded(cache: String)
    case partialFromNode(cache: String, cpu: Int, toCPUPartial: Int)
    case debugAllocFromPartial(cache: String, object: Int, pfn: Int)
    /// do_slab_free() onto a CPU slab; `remote` when it is another CPU's.
    case freedToCPUSlab(cache: String, cpu: Int, remote: Bool)
    case freedToCPUPartialSlab(cache: String, cpu: Int)
    case fullSlabFrozen(cache: String, pfn: Int, cpu: Int)
    case emptySlabDiscarded(cache: String, pfn: Int, partialSlabs: Int, minPartial: Int)
    case cpuPartialFull(cache: String, cpu: Int, slabs: Int, cpuPartialSlabs: Int)
    case poisonWithoutChecks(cache: String)
    /// slabinfo_write → do_tune_cpucache(): the array caches were drained and resized.
    case tuned(cache: String, limit: Int, batchcount: Int, shared: Int)
    // Both
    case shrunk(cache: String, slabs: Int, pages: Int)
    case reclaimShrank(zone: ZoneType, caches: [ShrunkCache])
    case noretryRetryAtMinOrder(order: Int, minOrder: Int)
    /// allocate_slab(): a new slab; `colourOffset` is SLAB's, nil for SLUB.
    case newSlab(cache: String, order: Int, zone: ZoneType?, pfn: Int, objects: Int, colourOffset: Int?, constructor: Bool)
    case merged(name: String, size: Int, into: String, objectSize: Int)
    /// kmem_cache_create(); `slabColours` is SLAB's colouring and freelist layout, nil for SLUB.
    case created(name: String, size: Int, objectSize: Int, align: Int, order: Int, objects: Int, leftover: Int,
                 slabColours: SlabColouring?)
    case aliasDropped(name: String, cache: String, refcount: Int)
    case stillUsedThroughMerging(name: String, refcount: Int)
    case destroyed(name: String)

    public struct ShrunkCache: Sendable, Equatable, Codable {
        public var cache: String
        public var slabs: Int
        public var pages: Int
    }

    public struct SlabColouring: Sendable, Equatable, Codable {
        public var colours: Int
        public var colourOff: Int
        public var freelist: String
    }
}

/// Explain steps of kmalloc, vmalloc, per-CPU allocations and stacks.
public enum KmallocStep: Sendable, Equatable, Codable {
    case zeroSize
    case sizeClass(size: Int, cache: String, classSize: Int, objectSize: Int)
    case large(size: Int, maxCacheSize: Int, order: Int, wasted: Int?)
    case arrayOverflow(n: UInt64, size: UInt64)
    case kreallocFits(newSize: Int, ksize: Int)
    case kreallocMoved(newSize: Int, ksize: Int)
    // vmalloc (mm/vmalloc.c)
    case vmapAreaFirstFit(bytes: UInt64, pages: Int, guardPages: UInt64, at: UInt64)
    case vmallocPagesMapped(pages: Int, pfns: [Int])
    /// A huge vmalloc: `chunks` blocks of 2^order pages, each split into single pages and mapped by one PMD entry.
    case vmallocHugeMapped(chunks: Int, order: Int, pfns: [Int])
    /// The huge pass failed (no room, no order-`order` block, or no page table): vmalloc tries again with single pages.
    case vmallocHugeFallback(order: Int)
    /// A kernel page table allocated to map part of [start, end) (vmap_pages_range()).
    case pageTableAllocated(level: KernelPageTables.Level, pfn: Int, start: UInt64, end: UInt64)
    case vfreeDeferred(address: UInt64)
    // kvmalloc (mm/util.c kvmalloc_node())
    case kvmallocTriesKmalloc(size: Int, gfp: GFPFlags)
    case kvmallocCannotSleep
    case kvmallocFallsBack(size: Int)
    // per-CPU (mm/percpu.c)
    case percpuAlloc(chunk: Int, offset: Int, size: Int, align: Int, units: Int, unitSize: Int)
    // kernel/fork.c, IRQ stacks
    case reusedCachedStack(cpu: Int, at: UInt64)
    case irqOnTaskStack(bytes: Int, pid: Int, depth: Int, total: Int, size: Int)
    // high memory (mm/highmem.c)
    /// kmap()/kmap_local_page() of a lowmem page: page_address(), nothing mapped.
    case kmapLowmem(pfn: Int, address: UInt64)
    /// kmap_high(): the page already has pkmap entry `entry`; now `users` kmap() users.
    case kmapReusedEntry(entry: Int, users: Int)
    /// map_new_virtual(): searched from last_pkmap_nr `from` + 1 and took `entry`; `flushed` unused entries were
    /// cleared when the search wrapped to 0 (nil: it did not wrap).
    case kmapNewEntry(from: Int, entry: Int, flushed: Int?)
    /// kunmap_high(): entry `entry` left with `users` users (0: keeps its PTE until the next flush).
    case kunmapEntry(entry: Int, users: Int)
    /// __kmap_local_pfn_prot(): the task's slot `slot` is fixmap index FIX_KMAP_BEGIN + `index` on `cpu`.
    case kmapLocalSlot(slot: Int, cpu: Int, index: Int, address: UInt64, atomic: Bool)
    /// kunmap_local_indexed(): the newest slot `slot` cleared.
    case kunmapLocalSlot(slot: Int, cpu: Int, atomic: Bool)
}

/// Why __free_one_page() stopped merging at an order.
public enum MergeStopReason: Sendable, Equatable, Codable {
    case outsideZone(buddy: Int, zone: ZoneType)
    case buddyOtherOrder(buddy: Int, order: Int)
    case buddyAllocated(buddy: Int)
    case buddyOnPCP(buddy: Int)
    case buddyReserved(buddy: Int)
    case buddyNotRAM(buddy: Int)
    case partOfFreeBlock(buddy: Int, order: Int, head: Int)
    case partOfAllocatedBlock(buddy: Int)
    /// The pageblocks' migrate types must stay apart (HighAtomic).
    case pageblockTypes(buddy: MigrateType, own: MigrateType)
}

/// How a watermark check in get_page_from_freelist() came out (zone_watermark_fast()).
public enum WatermarkVerdict: Sendable, Equatable, Codable {
    /// The order-0 shortcut passed.
    case fastCheck
    case passed
    case belowMark
    /// Enough free pages, but no block of the order on a list the request may use.
    case noBlock
}

/// One ftrace event (include/trace/events/kmem.h), recorded when tracing is on.
public struct TraceEvent: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable {
        /// mm_page_alloc: page=%p pfn=0x%lx order=%d migratetype=%d gfp_flags=%s
        case mmPageAlloc(pfn: Int, order: Int, migratetype: Int, gfp: GFPFlags)
        /// mm_page_free: page=%p pfn=0x%lx order=%d
        case mmPageFree(pfn: Int, order: Int)
        /// mm_page_alloc_zone_locked: page=%p pfn=0x%lx order=%u migratetype=%d percpu_refill=%d
        case mmPageAllocZoneLocked(pfn: Int, order: Int, migratetype: Int, percpuRefill: Bool)
        /// mm_page_pcpu_drain: page=%p pfn=0x%lx order=%d migratetype=%d
        case mmPagePcpuDrain(pfn: Int, order: Int, migratetype: Int)
        /// mm_page_alloc_extfrag: fallback into another migrate type's pageblock.
        case mmPageAllocExtfrag(pfn: Int, allocOrder: Int, fallbackOrder: Int, allocMigratetype: Int,
                                fallbackMigratetype: Int, changeOwnership: Bool)
        /// kmalloc: call_site=%pS ptr=%p bytes_req=%zu bytes_alloc=%zu gfp_flags=%s node=%d accounted=%s
        /// (include/trace/events/kmem.h). `callSite` is the %pS symbol, as the slab tracks keep it.
        case kmalloc(callSite: String, ptr: UInt64, bytesReq: Int, bytesAlloc: Int, gfp: GFPFlags, accounted: Bool)
        /// kmem_cache_alloc: the same fields as kmalloc.
        case kmemCacheAlloc(callSite: String, ptr: UInt64, bytesReq: Int, bytesAlloc: Int, gfp: GFPFlags, accounted: Bool)
        /// kfree: call_site=%pS ptr=%p
        case kfree(callSite: String, ptr: UInt64)
        /// kmem_cache_free: call_site=%pS ptr=%p name=%s
        case kmemCacheFree(callSite: String, ptr: UInt64, cache: String)
        /// alloc_vmap_area: va_start: %lu size=%lu align=%lu vstart=0x%lx vend=0x%lx failed=%d
        /// (include/trace/events/vmalloc.h).
        case allocVmapArea(vaStart: UInt64, size: UInt64, align: UInt64, vstart: UInt64, vend: UInt64)
        /// free_vmap_area_noflush: va_start=%lu nr_lazy=%lu nr_lazy_max=%ld
        case freeVmapAreaNoflush(vaStart: UInt64, nrLazy: Int, nrLazyMax: Int)
    }
    public var time: UInt64
    public var comm: String
    public var pid: Int
    public var cpu: Int
    /// The preempt/irq columns of the trace line ("....." when all clear).
    public var flags: String
    public var kind: Kind
    /// struct page address (vmemmap) for the page events, so the renderer can print the hashed %p.
    public var pageAddress: UInt64
}

/// The trace buffer: on/off and what was recorded.
public struct TraceBuffer: Sendable, Equatable, Codable {
    public var enabled = false
    /// Bounded like the kernel's ring buffer: the oldest events are overwritten, in O(1) per event.
    public static let capacity = 100_000
    public var events = RingBuffer<TraceEvent>(capacity: TraceBuffer.capacity)
    /// Events recorded since the buffer was cleared, overwritten ones included ("entries-written").
    public var written: Int { events.written }

    public init() {}

    mutating func record(_ e: TraceEvent) {
        guard enabled else { return }
        events.append(e)
    }
}

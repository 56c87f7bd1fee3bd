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
        /// Other subsystems' events, already in their TP_printk form after the event name.
        case other(name: String, fields: String)
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

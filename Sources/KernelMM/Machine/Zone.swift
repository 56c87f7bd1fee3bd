/// The watermarks of a zone (enum zone_watermarks), in pages.
public struct Watermarks: Sendable, Equatable, Codable {
    public var min = 0, low = 0, high = 0, promo = 0
}

/// struct zone: a range of physical memory and its watermarks. Its free lists, per-CPU lists and the counters each
/// allocation moves (NR_FREE_PAGES, numa_hit…) are the kernel's `freeLists`, `pcpLists` and `counters`, indexed by
/// the zone's index.
public struct Zone: Sendable, Equatable, Codable {
    public let type: ZoneType
    /// Index in the architecture's configured zones (zone_idx()).
    public let index: Int
    public var startPFN: Int = 0
    /// zone_start_pfn + spanned_pages = one past the last frame (holes included).
    public var spannedPages: Int = 0
    /// Frames that are RAM (spanned minus holes).
    public var presentPages: Int = 0
    /// Frames the buddy allocator manages (present minus boot reservations).
    public var managedPages: Int = 0
    public var watermark = Watermarks()
    /// watermark_boost: raised when an allocation falls back to another migrate type, cleared by kswapd.
    public var watermarkBoost: Int = 0
    /// ZONE_BOOSTED_WATERMARK: a boost happened and kswapd should be woken by the next rmqueue.
    public var boostedWatermarkPending = false
    /// lowmem_reserve[]: pages kept back from requests that could have used a higher zone (index = that zone).
    public var lowmemReserve: [Int] = []
    /// nr_reserved_highatomic: pages in pageblocks set aside for high-order atomic allocations.
    public var nrReservedHighatomic: Int = 0
    /// Migrate type of each pageblock of the zone, by (pfn - startPFN) >> pageblock_order.
    public var pageblockType: [UInt8] = []

    public init(type: ZoneType, index: Int) {
        self.type = type
        self.index = index
    }

    public var endPFN: Int { startPFN + spannedPages }
    public var isPopulated: Bool { presentPages > 0 }
    public func contains(_ pfn: Int) -> Bool { pfn >= startPFN && pfn < endPFN }
    public var isHighmem: Bool { type == .highmem }

    /// *_wmark_pages(): the watermark plus the boost.
    public var minWmark: Int { watermark.min + watermarkBoost }
    public var lowWmark: Int { watermark.low + watermarkBoost }
    public var highWmark: Int { watermark.high + watermarkBoost }

    /// The mark a request checks (ALLOC_WMARK_*), boost included.
    @inline(__always) func watermarkPages(_ level: Kernel.WatermarkLevel) -> Int {
        switch level {
        case .min: minWmark
        case .low: lowWmark
        case .high: highWmark
        }
    }
}

/// ALLOC_* flags of mm/internal.h (6.6): how hard get_page_from_freelist() may dig.
public struct AllocFlags: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The watermark in the low bits: ALLOC_WMARK_MIN 0, LOW 1, HIGH 2.
    public static let wmarkLow = AllocFlags(rawValue: 0x01)
    public static let wmarkHigh = AllocFlags(rawValue: 0x02)
    public static let wmarkMask = AllocFlags(rawValue: 0x03)
    public static let noWatermarks = AllocFlags(rawValue: 0x04)  // ALLOC_NO_WATERMARKS
    public static let oom = AllocFlags(rawValue: 0x08)           // ALLOC_OOM
    public static let nonBlock = AllocFlags(rawValue: 0x10)      // ALLOC_NON_BLOCK
    public static let minReserve = AllocFlags(rawValue: 0x20)    // ALLOC_MIN_RESERVE (= __GFP_HIGH)
    public static let cpuset = AllocFlags(rawValue: 0x40)        // ALLOC_CPUSET
    public static let noFragment = AllocFlags(rawValue: 0x100)   // ALLOC_NOFRAGMENT
    public static let highAtomic = AllocFlags(rawValue: 0x200)   // ALLOC_HIGHATOMIC
    public static let kswapd = AllocFlags(rawValue: 0x800)       // ALLOC_KSWAPD (= __GFP_KSWAPD_RECLAIM)
    /// ALLOC_RESERVES: any of these lets a request use reserves. Built from raw values, as `highAtomicOrOOM`: an
    /// OptionSet's array literal is an array allocation wherever the optimizer does not fold it, and in the
    /// allocator's fast path it stopped folding once the path grew.
    public static var reserves: AllocFlags { AllocFlags(rawValue: 0x10 | 0x20 | 0x200 | 0x08) }
    /// ALLOC_HIGHATOMIC | ALLOC_OOM: either lets a request take the high-atomic reserve.
    static var highAtomicOrOOM: AllocFlags { AllocFlags(rawValue: 0x200 | 0x08) }

    public var watermark: Kernel.WatermarkLevel {
        switch rawValue & 3 {
        case 1: .low
        case 2: .high
        default: .min
        }
    }

    /// gfp_to_alloc_flags(): the slow path's flags for a mask.
    public static func slowPath(gfp: GFPFlags, order: Int) -> AllocFlags {
        var f: AllocFlags = [.cpuset]
        if gfp.contains(.high) { f.insert(.minReserve) }
        if gfp.contains(.kswapdReclaim) { f.insert(.kswapd) }
        if !gfp.contains(.directReclaim) {
            if !gfp.contains(.nomemalloc) {
                f.insert(.nonBlock)
                if order > 0 { f.insert(.highAtomic) }
            }
            if f.contains(.minReserve) { f.remove(.cpuset) }
        }
        return f
    }
}

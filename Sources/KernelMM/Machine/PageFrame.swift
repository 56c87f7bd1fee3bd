/// What a page frame is doing. One state per frame, so an invariant can check that every frame is accounted for.
public enum FrameState: UInt8, Sendable, Codable {
    /// Inside a block whose first frame (the head) carries the state; the kernel calls these tail pages.
    case tail = 0
    /// PG_reserved: memblock kept it (firmware, kernel image, mem_map); never in the buddy allocator.
    case reserved
    /// The head of a free buddy block (PageBuddy, page->private = order), on a free_area list.
    case buddy
    /// On a per-CPU page list (pcp): allocated from the buddy's point of view, free from the caller's.
    case pcp
    /// The head of an allocated block of 2^order frames.
    case allocated
    /// A frame beyond the end of memory or in a hole (no struct page is valid there).
    case absent
}

// Written out rather than derived: `!=` on an enum is otherwise Equatable's generic default, and a debug build
// calls both it and `rawValue` (a switch) as functions, while the invariant checks compare millions of frame
// states. A payload-free enum is stored as its case index, so the bytes compare as the cases do.
extension FrameState {
    @inline(__always) public static func == (a: FrameState, b: FrameState) -> Bool {
        unsafeBitCast(a, to: UInt8.self) == unsafeBitCast(b, to: UInt8.self)
    }
    @inline(__always) public static func != (a: FrameState, b: FrameState) -> Bool { !(a == b) }
}

extension FrameOwner {
    @inline(__always) public static func == (a: FrameOwner, b: FrameOwner) -> Bool {
        unsafeBitCast(a, to: UInt8.self) == unsafeBitCast(b, to: UInt8.self)
    }
    @inline(__always) public static func != (a: FrameOwner, b: FrameOwner) -> Bool { !(a == b) }
}

/// Who holds an allocated block, so `kmem ADDR` and `page PFN` can say what a frame is for.
public enum FrameOwner: UInt8, Sendable, Codable {
    case none = 0, pageAlloc, slab, vmalloc, kernelStack, percpu, kmallocLarge, leaked
    /// A kernel page table (PTE or PMD table) mapping vmalloc space; tag = KernelPageTables.Level.
    case pageTable
}

/// Page flags kmemsim models, in a compact byte; `PageFlags.kernelBits` maps them to include/linux/page-flags.h.
public struct FrameFlags: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let head = FrameFlags(rawValue: 1 << 0)      // PG_head: first page of a compound page
    public static let compoundTail = FrameFlags(rawValue: 1 << 1) // tail of a compound page (compound_head = head|1)
    public static let slab = FrameFlags(rawValue: 1 << 2)      // PG_slab
    public static let zeroed = FrameFlags(rawValue: 1 << 3)    // contents known to be zero (__GFP_ZERO); not a kernel flag
    // PG_reserved is the .reserved state, not a bit here: the byte's high nibble holds the owner.
}

/// One struct page, compact: 16 bytes per frame so that millions of frames fit in one contiguous array.
///
/// The free-list links are frame numbers (intrusive lists, as the kernel's page->buddy_list); `order` is
/// page->private for buddy heads and the allocation order for allocated heads; `owner`/`tag` say who holds it.
///
/// All-zero bytes are a present frame that nobody holds yet (a tail, no links): the links are stored plus one, so
/// that boot can take zeroed memory from the system and write only the frames that differ (holes, reservations,
/// the heads of free blocks); the pages of the struct page array nobody writes are never touched.
public struct PageFrame: Sendable, Equatable {
    /// next + 1 and prev + 1: 0 is "no link" (-1).
    var nextLink: Int32
    var prevLink: Int32
    /// For allocated blocks: an owner-specific number (slab cache id, vmalloc area id, task pid, allocation serial).
    public var tag: UInt32
    public var state: FrameState
    public var order: UInt8
    /// Migrate type of the block (buddy and pcp heads) or the type it was allocated as.
    public var migratetype: UInt8
    /// Low nibble: FrameFlags bits; high nibble: FrameOwner.
    public var packed: UInt8

    public init(next: Int32, prev: Int32, tag: UInt32, state: FrameState, order: UInt8, migratetype: UInt8, packed: UInt8) {
        nextLink = next &+ 1
        prevLink = prev &+ 1
        self.tag = tag
        self.state = state
        self.order = order
        self.migratetype = migratetype
        self.packed = packed
    }

    /// The next frame on the list this head is on, or -1.
    @inline(__always) public var next: Int32 {
        get { nextLink &- 1 }
        set { nextLink = newValue &+ 1 }
    }
    /// The previous frame on the list, or -1.
    @inline(__always) public var prev: Int32 {
        get { prevLink &- 1 }
        set { prevLink = newValue &+ 1 }
    }

    public static var absent: PageFrame {
        PageFrame(next: -1, prev: -1, tag: 0, state: .absent, order: 0, migratetype: 0, packed: 0)
    }

    public var flags: FrameFlags {
        get { FrameFlags(rawValue: packed & 0x0f) }
        set { packed = (packed & 0xf0) | (newValue.rawValue & 0x0f) }
    }
    /// The `packed` byte of `flags` and `owner`: both nibbles in one store.
    @inline(__always) static func packed(flags: FrameFlags, owner: FrameOwner) -> UInt8 {
        // The owner stored as its case index, which is its raw value (0…8 in declaration order).
        (flags.rawValue & 0x0f) | (unsafeBitCast(owner, to: UInt8.self) << 4)
    }
    public var owner: FrameOwner {
        // The cases are 0…8 in declaration order, stored as their index: init(rawValue:) without its call.
        get { packed >> 4 <= FrameOwner.pageTable.rawValue ? unsafeBitCast(packed >> 4, to: FrameOwner.self) : .none }
        set { packed = (packed & 0x0f) | (newValue.rawValue << 4) }
    }
}

/// One slab (struct slab, mm/slab.h): a block of 2^order pages from the page allocator, cut into objects.
public struct Slab: Sendable, Equatable, Codable {
    /// The first frame of the block (slab_page()).
    public var pfn: Int
    public var list: SlabList
    /// The CPU holding it when `list` is `.cpu` or `.cpuPartial`.
    public var cpu: Int = -1
    /// Bytes from the page start to the first object: the colour (SLAB), plus an on-slab freelist (SLAB).
    public var firstObjectOffset: Int
    /// slab->active (SLAB) / slab->inuse (SLUB): objects not on the slab's freelist.
    public var inuse: Int = 0
    /// Free object indices; the last element is handed out next (both allocators use their freelist as a stack).
    public var freelist: [Int32]
    public var objects: [ObjectState]
    /// The bytes of the slab, kept only when a debug option needs them (poison, red zones).
    public var bytes: [UInt8] = []
    /// Who allocated / freed each object (SLAB_STORE_USER); empty otherwise.
    public var tracks: [ObjectTrack] = []

    public var isEmpty: Bool { inuse == 0 }

    /// Takes the next object off the freelist as `state`: its index, or nil when the slab is full.
    mutating func take(_ state: ObjectState) -> Int? {
        guard let idx = freelist.popLast() else { return nil }
        objects[Int(idx)] = state
        inuse += 1
        return Int(idx)
    }
}

/// struct track (mm/slub.c): where an object was last allocated and freed.
public struct ObjectTrack: Sendable, Equatable, Codable {
    /// t->addr as %pS prints it (the learner's function), and the allocator function it called (the stack
    /// depot's record between them).
    public var allocCaller = "", allocAPI = "", allocPID = 0, allocCPU = 0, allocTime: UInt64 = 0
    public var freeCaller = "", freeAPI = "", freePID = 0, freeCPU = 0, freeTime: UInt64 = 0
    /// kmalloc caches with SLAB_STORE_USER keep the size the caller asked for (set_orig_size()).
    public var origSize = 0
    public init() {}
}

/// SLAB's freelist placement (mm/slab.c CFLGS_OBJFREELIST_SLAB / CFLGS_OFF_SLAB / on-slab).
public enum SlabLayout: String, Sendable, Codable {
    case onSlab = "on-slab"
    case offSlab = "off-slab"
    case objFreelist = "OBJFREELIST"
    /// SLUB keeps the free pointer inside each free object.
    case freePointer = "free pointer"
}

/// A range of physical memory that boot code reserved through memblock before the buddy allocator took over.
public struct MemblockRegion: Sendable, Equatable, Codable {
    public var start: UInt64
    public var size: UInt64
    /// What it holds ("kernel image", "mem_map (struct page array)", …).
    public var name: String
    public var end: UInt64 { start + size }
}

/// A range of RAM in the firmware's memory map (e820 on x86).
public struct RAMRange: Sendable, Equatable, Codable {
    public var start: UInt64
    public var end: UInt64
}

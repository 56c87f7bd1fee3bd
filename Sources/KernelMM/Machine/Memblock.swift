/// A range of physical memory that boot code reserved through memblock before the buddy allocator took over.
public struct MemblockRegion: Sendable, Equatable, Codable {
    public var start: UInt64
    public var size: UInt64
    /// What it holds (MMShell names it: Messages/Catalog+Memblock.swift).
    public var purpose: MemblockPurpose
    public var end: UInt64 { start + size }
}

/// What a memblock reservation of early boot holds.
public enum MemblockPurpose: Sendable, Equatable, Codable {
    /// x86 since 5.13: all of the first 1 MiB (BIOS, EBDA, real-mode trampoline).
    case firstMegabyte
    /// sparc64: the firmware's (OpenBoot PROM) low memory.
    case openBootPROM
    /// One part of the kernel image as vmlinux.lds lays it out.
    case kernelImage(KernelImagePart.Kind)
    /// mem_map: the struct page array.
    case memMap
    /// The software IO TLB (swiotlb bounce buffers) below 4 GiB.
    case swiotlb
    /// The per-CPU first chunk (pcpu_embed_first_chunk()), one region per CPU.
    case percpuFirstChunk
    /// Early page tables, ACPI tables and other boot allocations, as one region.
    case earlyAllocations
}

/// A range of RAM in the firmware's memory map (e820 on x86).
public struct RAMRange: Sendable, Equatable, Codable {
    public var start: UInt64
    public var end: UInt64
}

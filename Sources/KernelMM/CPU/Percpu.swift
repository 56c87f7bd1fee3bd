/// One dynamic (or reserved-area) per-CPU allocation: the same offset in every unit of its chunk.
public struct PercpuAllocation: Sendable, Equatable, Codable {
    public var offset: Int
    public var size: Int
    public var align: Int
    public var caller: String
    /// From the reserved (module) area of the first chunk.
    public var reserved: Bool
}

/// A per-CPU chunk (mm/percpu-internal.h struct pcpu_chunk): one unit per CPU, laid out back to back, so that
/// per_cpu_ptr(p, cpu) = p + cpu × unit size.
public struct PercpuChunk: Sendable, Equatable, Codable {
    public var id: Int
    /// Address of unit 0 (the first chunk is embedded in the direct map; later chunks live in vmalloc space).
    public var base: UInt64
    /// The vmalloc area of a non-first chunk.
    public var vmArea: UInt32?
    /// Allocations in offset order.
    public var allocations: [PercpuAllocation] = []
    /// Which pages of each unit are backed by frames (the first chunk is fully populated at boot).
    public var populated: [Bool]

    public var isFirst: Bool { vmArea == nil }
}

/// A per-CPU variable defined at the prompt (DEFINE_PER_CPU in a module: its copy lives in the reserved area).
public struct PercpuVariable: Sendable, Equatable, Codable {
    public var name: String
    public var type: String
    public var size: Int
    /// Offset of the variable in the first chunk's units.
    public var offset: Int
    /// One copy per CPU.
    public var values: [Int64]
}

/// The per-CPU allocator (mm/percpu.c): the first chunk's layout and every chunk, allocation and variable.
public struct PercpuState: Sendable, Equatable, Codable {
    /// Unit size (u), static area (s), reserved module area (r), dynamic area (d): "percpu: Embedded … s r d u".
    /// The first chunk covers s + r + d of each unit; the rest of a first-chunk unit went back to memblock
    /// (pcpu_embed_first_chunk() frees it), and later chunks use whole units.
    public internal(set) var unitSize = 0
    public internal(set) var staticSize = 0
    public internal(set) var reservedSize = 0
    public internal(set) var dynamicSize = 0
    /// Bytes of each unit the first chunk covers (size_sum = s + r + d, page-aligned).
    public var firstChunkSize: Int { staticSize + reservedSize + dynamicSize }
    public internal(set) var chunks: [PercpuChunk] = []
    public internal(set) var variables: [PercpuVariable] = []
    var nextChunkID = 1
    public init() {}

    /// PCPU_MIN_UNIT_SIZE: the largest single per-CPU allocation.
    public static let maxAllocSize = 32 << 10
    /// PERCPU_MODULE_RESERVE.
    public static let moduleReserve = 8 << 10
    /// PCPU_MIN_ALLOC_SIZE: allocations are made in 4-byte granules.
    public static let granule = 4
}

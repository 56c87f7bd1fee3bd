/// Why a machine could not boot with the given parameters.
public enum BootError: Error, Sendable, Equatable {
    case memoryTooSmall(requested: UInt64, minimum: UInt64)
    case memoryTooLarge(requested: UInt64, maximum: UInt64, arch: Architecture)
    case memoryNotPageAligned(UInt64, pageSize: Int)
    case badCPUCount(Int, maximum: Int)
    case badMinFreeKbytes(Int)
    /// slab_debug= that the booted allocator cannot read: `allocator` says which (SLAB takes only on/off).
    case badSlabDebug(String, allocator: SlabAllocatorKind)
}

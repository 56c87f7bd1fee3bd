/// Which slab allocator the kernel was built with (CONFIG_SLAB or CONFIG_SLUB; 6.6 defaults to SLUB).
public enum SlabAllocatorKind: String, Sendable, CaseIterable, Codable { case slab, slub }

/// Boot parameters: the machine and the kernel command line knobs kmemsim understands.
public struct BootParams: Sendable, Equatable, Codable {
    public var arch: Architecture = .x86_64
    /// Installed RAM in bytes.
    public var memory: UInt64 = 4 << 30
    public var cpus: Int = 4
    public var slab: SlabAllocatorKind = .slub
    /// min_free_kbytes; nil = the kernel's formula (init_per_zone_wmark_min).
    public var minFreeKbytes: Int? = nil
    /// Per-CPU page lists (pcp) for orders 0...3. Off makes every allocation visible in buddyinfo at once.
    public var pcpLists: Bool = true
    /// vm.watermark_scale_factor (default 10 = 0.1% of the zone).
    public var watermarkScaleFactor: Int = 10
    /// slub_debug letters or "on" for SLAB's CONFIG_DEBUG_SLAB; empty = off.
    public var slabDebug: String = ""
    /// CONFIG_VMAP_STACK: kernel stacks from vmalloc (x86-64 default).
    public var vmapStack: Bool? = nil
    /// CONFIG_4KSTACKS on i386: one-page kernel stacks (removed in 2.6.37); ignored elsewhere.
    public var fourKStacks: Bool = false
    /// Separate per-CPU IRQ stacks. Off: interrupt handlers run on whatever task stack they interrupt.
    public var irqStacks: Bool = true
    /// Seed for anything random (quizzes, random workloads).
    public var seed: UInt64 = 1

    public init() {}

    public static let minMemory: UInt64 = 64 << 20
    public static let maxCPUs = 64
}

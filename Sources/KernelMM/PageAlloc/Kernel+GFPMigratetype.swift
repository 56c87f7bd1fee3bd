extension Kernel {
    /// gfp_migratetype() (include/linux/gfp.h) as the allocator calls it. __GFP_MOVABLE|__GFP_RECLAIMABLE together
    /// (GFP_MOVABLE_MASK, also set by numeric masks like ~0) is a caller's bug: with CONFIG_DEBUG_VM the kernel warns
    /// (VM_WARN_ON at gfp.h:18) and returns 3, MIGRATE_HIGHATOMIC, which the per-CPU lists then index past their own
    /// lists. kmemsim reports the warning and goes on with MIGRATE_UNMOVABLE so its lists stay consistent.
    @inline(__always)
    mutating func allocMigratetype(_ gfp: GFPFlags, caller: String) -> MigrateType {
        guard gfp.isSuperset(of: .movableMask) else { return gfp.migratetype }
        return movableAndReclaimable(caller: caller)
    }

    /// The warning for a mask with both mobility bits, out of line: no allocation that asks sensibly pays for it.
    @inline(never)
    mutating func movableAndReclaimable(caller: String) -> MigrateType {
        report(.warning(file: "include/linux/gfp.h", line: 18, function: "__alloc_pages"), taint: "W",
               callTrace: ["__alloc_pages", caller],
               note: .gfpMovableAndReclaimable)
        return .unmovable
    }
}

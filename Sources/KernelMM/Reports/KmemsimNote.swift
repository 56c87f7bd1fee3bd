/// What kmemsim adds to a report as a teacher: facts the shell words in English or Korean (`Catalog+Notes.swift`).
///
/// The kernel would not say these; they explain what happened, what the real kernel would do and that kmemsim kept
/// the state consistent.
public enum KmemsimNote: Sendable, Equatable, Codable {
    // Page allocator: __free_pages() misuse (mm/page_alloc.c)
    case freeNotRAM(pfn: Int)
    case freeOrderOutOfRange(order: Int, maxOrder: Int)
    case freeReserved(pfn: Int)
    case doubleFreeBuddyHead(pfn: Int, order: Int)
    case doubleFreeOnPCP(pfn: Int, cpu: Int)
    case freeInsideFreeBlock(pfn: Int, order: Int, head: Int)
    case freeTailPage(pfn: Int, index: Int, order: Int, head: Int)
    case freeNotBlockStart(pfn: Int)
    case freeSlabPage(pfn: Int)
    case freeOtherOwner(pfn: Int, owner: FrameOwner)
    case compoundOrderMismatch(allocOrder: Int, order: Int)
    case freeOrderTooLarge(pfn: Int, allocOrder: Int, order: Int)
    case freeOrderTooSmall(pfn: Int, allocOrder: Int, order: Int, leaked: Int)
    /// free_pages(addr) with an address that has no struct page behind it.
    case freePagesBadAddress(address: UInt64, problem: FreePagesAddressProblem)
    // Page allocator: allocation (mm/page_alloc.c)
    case orderAboveMax(order: Int, maxOrder: Int)
    /// __GFP_MOVABLE|__GFP_RECLAIMABLE: gfp_migratetype() would return MIGRATE_HIGHATOMIC (3).
    case gfpMovableAndReclaimable
    /// gfp_zone() of a mask with more than one zone modifier: GFP_ZONE_BAD. The zone it silently got.
    case pickOneZoneModifier(gfp: GFPFlags, zone: ZoneType)
    case failedCannotSleep
    case failedNoretry
    case failedCostly
    case failedRetryMayfail(retries: Int)
    case failedOOM(OOMVerdict, reclaimed: Int)
    case nofailWithoutReclaim
    case nofailCostly
    /// __GFP_NOFAIL above order 1: rmqueue() warns once even when the allocation succeeds.
    case nofailAboveOrder1(order: Int)
    case nofailWouldLoop
    // Preemption and interrupts (kernel/sched/core.c, kernel/softirq.c, include/linux/hardirq.h)
    case preemptNestedTooDeep(depth: Int)
    case preemptUnderflow(caller: String, preemptCount: UInt32, by: UInt32)
    case preemptAlreadyZero(caller: String, preemptCount: UInt32)
    case softirqCountUnbalanced(caller: String, softirqCount: UInt32, preemptCount: UInt32)
    /// A combined preempt_count_sub() value whose PREEMPT/HARDIRQ/NMI field is larger than the count's (the kernel
    /// does not check combined values; kmemsim refuses).
    case preemptFieldBorrow(caller: String, field: String, preemptCount: UInt32)
    /// After the first DEBUG_LOCKS_WARN_ON the kernel is silent (debug_locks off): the note, plus that.
    indirect case debugLocksOff(KmemsimNote)
    /// warn_alloc()'s report was rate-limited away (nopage_rs: 10 per 5 s); the inner note explains the failure.
    indirect case warnAllocRatelimited(KmemsimNote?)
    case irqsEnabledInHardirq
    case bhNestedTooDeep(depth: UInt32)
    case bhEnableInHardirq
    case bhEnableWithoutDisable
    case nmiNestedTooDeep
    case scheduleInInterrupt
    case scheduleWhileAtomic(preemptCount: UInt32)
    case scheduleWithIRQsOff
    case preemptibleCPUAccess(what: String)
    /// might_sleep() in atomic context: `why` says which.
    case sleepInAtomic(caller: String, why: AtomicReason)
    /// might_sleep() in atomic context from a call that has no gfp mask to change (vmalloc, a sleeping lock, vfree).
    case sleepingCallInAtomic(caller: String, why: AtomicReason, call: SleepingCall)
    // High memory mappings (mm/highmem.c)
    case highmem(HighmemNote)
    // Spinlocks (kernel/locking/spinlock_debug.c)
    case spinlockSelfDeadlock(lock: String, variant: HeldLock.Variant)
    case spinlockHeldElsewhere(lock: String, cpu: Int)
    case spinlockNotHeld(lock: String)
    case spinlockOtherCPU(lock: String, cpu: Int)
    case spinlockVariantMismatch(lock: String, locked: HeldLock.Variant, unlocked: HeldLock.Variant)
    // vmalloc (mm/vmalloc.c)
    case vmallocInInterrupt
    case vmallocZero
    /// __GFP_COMP given to a huge vmalloc: kmemsim drops it (the kernel would make compound chunks it cannot split).
    case vmallocDropsComp(gfp: GFPFlags)
    case vmallocLargerThanRAM
    case vmallocMorePagesThanRAM(pages: Int, managed: Int)
    case vmallocNoGap(bytes: UInt64, start: UInt64, end: UInt64)
    case vmallocPartialPages(got: Int, wanted: Int)
    case vfreeInNMI
    case vfreeNotAligned(address: UInt64, areaStart: UInt64?)
    case vfreeInsideArea(address: UInt64, areaStart: UInt64)
    case vfreeNotVmallocArea(address: UInt64, purpose: VMAreaPurpose)
    case vfreeNoArea(address: UInt64)
    case vfreeOutsideRange(address: UInt64, directMap: Bool)
    // per-CPU (mm/percpu.c)
    case percpuBadSize(maxSize: Int)
    case percpuReservedFull(kib: Int)
    case percpuNoChunk
    case percpuCannotPopulate
    case freePercpuNotLive(address: UInt64)
    // kmalloc and caches (mm/slab_common.c, mm/util.c)
    case kvmallocAboveIntMax
    case kfreeNotDirectMap(address: UInt64, vmalloc: Bool)
    case kfreeInsideLargeBlock(address: UInt64, head: UInt64)
    case kfreeNotKmalloc(address: UInt64, owner: FrameOwner?)
    case cacheSizeOutOfRange(size: Int, min: Int, max: Int)
    case cacheNoOrderFits(size: Int)
    case slabPanic
    case cacheStillInUse(cache: String, live: Int)
    case kmallocZoneBitsDropped
    case ctorWithZero
    // Slab frees (mm/slab.c, mm/slub.c)
    case freeNotInSlab(address: UInt64, api: String)
    case freedIntoRealCache(cache: String)
    /// A pointer into a slab that is not an object's start; `object` nil when it is outside every object.
    case invalidObjectPointer(address: UInt64, object: Int?, offset: Int, cache: String, objectSize: Int, check: InvalidPointerCheck)
    /// A second free; `cached` when the object sits in a per-CPU array cache (SLAB), else on its slab's freelist.
    case doubleFreeObject(object: Int, cache: String, cached: Bool, check: DoubleFreeCheck)
    // Slab debugging (mm/slub.c check_object(), mm/slab.c CONFIG_DEBUG_SLAB)
    case slubWriteAfterFree
    case slubOverflowOnFree
    case slabPoisonChanged
    case slabRedzoneOverwritten
    case validateFoundDamage(object: Int, pfn: Int)
    case slabValidatePoison
    // Stack overflows (kernel/fork.c stacks, IRQ stacks)
    case taskStackGuardPageHit(pid: Int, bytes: Int, size: Int, base: UInt64, below: StackGuardBelow)
    case taskStackEndCorrupted(pid: Int, bytes: Int, size: Int, beside: StackOverrunTarget)
    case irqStackGuardPageHit(bytes: Int, cpu: Int, size: Int)
    case irqStackOverwrote(bytes: Int, cpu: Int, size: Int, beside: StackOverrunTarget)
    case irqOverflowedTaskStack(taskBytes: Int, irqBytes: Int, size: Int)

    public enum InvalidPointerCheck: Sendable, Equatable, Codable {
        case slubConsistency, slabDebug, unchecked
    }

    public enum DoubleFreeCheck: Sendable, Equatable, Codable {
        case slubOnFreelist, slubFreelistHead, slubUnchecked, slabRedzone, slabUnchecked
    }

    public enum AtomicReason: Sendable, Equatable, Codable {
        case interrupt, irqsDisabled, preemptDisabled
    }

    /// What may sleep when the caller chose no mask: vmalloc() (always GFP_KERNEL inside), a sleeping lock taken by
    /// kmem_cache_create/destroy, vfree() outside interrupt context.
    public enum SleepingCall: Sendable, Equatable, Codable {
        case vmalloc
        case sleepingLock(String)
        case vfree
        /// kmap() or kunmap() (might_sleep(): kmap() waits for a free pkmap entry, and both take kmap_lock).
        case kmap(String)
    }

    public enum FreePagesAddressProblem: Sendable, Equatable, Codable {
        case highmem, notPageAligned, notDirectMap, vmallocAddress
    }

    /// Why __alloc_pages_may_oom() did not save the request.
    public enum OOMVerdict: Sendable, Equatable, Codable {
        case costly, lowZone, noFS, wouldKill
    }
}


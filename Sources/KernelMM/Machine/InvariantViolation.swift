/// A broken invariant of the simulated machine, as a fact: which check failed and the values it saw. A break is a
/// kmemsim bug, never the learner's; MMShell words it (Messages/Catalog+Invariants.swift) for `validate`, `--validate`
/// and `load`. One case per distinct check, grouped by the area whose check found it.
public enum InvariantViolation: Error, Sendable, Equatable {
    case pageAlloc(PageAllocViolation)
    case cpu(CPUViolation)
    case vmalloc(VmallocViolation)
    case slab(SlabViolation)
}

/// The page allocator's checks (`checkPageAllocInvariants`): frames, free lists, pcp lists, counters.
public enum PageAllocViolation: Sendable, Equatable {
    case tailOutsideBlock(pfn: Int)
    case misalignedBlock(pfn: Int, order: Int)
    case blockCrossesZone(pfn: Int, order: Int)
    /// Two populated zones share frames (page_zone() would be ambiguous; the allocator looks the highest up first).
    case zonesOverlap(zone: ZoneType, lower: ZoneType)
    case blockContainsFrame(pfn: Int, order: Int, frame: Int, state: FrameState)
    case unmergedBuddies(pfn: Int, buddy: Int, order: Int)
    case freeListEntry(zone: ZoneType, order: Int, type: MigrateType, pfn: Int, state: FrameState, entryOrder: Int)
    case badPrevLink(pfn: Int)
    case freeListCycle
    case freeListTail(zone: ZoneType, order: Int, type: MigrateType)
    case freeListCount(zone: ZoneType, order: Int, type: MigrateType, count: Int, listed: Int)
    case nrFree(zone: ZoneType, order: Int, nrFree: Int, listed: Int)
    case nrFreePages(zone: ZoneType, counter: Int, listed: Int, buddyHeads: Int)
    case pcpEntry(cpu: Int, zone: ZoneType, pfn: Int, state: FrameState)
    case pcpCount(cpu: Int, zone: ZoneType, count: Int, listed: Int)
    case pcpListTail(cpu: Int, zone: ZoneType, list: Int)
    case managedPages(zone: ZoneType, managed: Int, free: Int, pcp: Int, allocated: Int)
}

/// CPUs, tasks, kernel stacks and per-CPU memory (`checkCPUInvariants`).
public enum CPUViolation: Sendable, Equatable {
    case hardirqNesting(cpu: Int, count: Int, savedFlags: Int)
    case spinlockHeldTwice(lock: String)
    case runsMissingTask(cpu: Int, pid: Int)
    case taskOnTwoCPUs(pid: Int)
    case stackSize(pid: Int, size: Int, threadSize: Int)
    case vmappedStackNotOwn(pid: Int, area: UInt32)
    case stackAreaUsedTwice(area: UInt32)
    case stackBlock(pid: Int, pfn: Int, state: FrameState, owner: FrameOwner, order: Int)
    case stackMissing(pid: Int)
    case tooManyCachedStacks(cpu: Int, count: Int)
    case cachedStackArea(area: UInt32)
    case orphanStackArea(address: UInt64)
    case percpuAllocationOutOfPlace(chunk: Int, offset: Int, size: Int)
    case percpuPageNotPopulated(chunk: Int, page: Int)
    case percpuChunkWithoutArea(chunk: Int)
    case percpuMappingDisagrees(chunk: Int, page: Int)
    case percpuForeignFrame(chunk: Int, page: Int)
    case percpuEmptyChunkKept(chunk: Int)
    case percpuVariableCopies(name: String, copies: Int)
    /// The pkmap table's shape, or an entry whose count and page disagree (count 0 ⇔ no page), or whose page is
    /// not a HIGHMEM frame.
    case pkmapEntry(entry: Int, count: Int, pfn: Int)
    /// One frame in two pkmap entries (set_page_address() keeps one address per page).
    case pkmapPageTwice(pfn: Int)
    /// A task's kmap_local slots: a task that does not exist, more than KM_MAX_IDX - 1 slots, a frame that is not
    /// HIGHMEM, or a pagefault_disabled count without a task.
    case kmapLocal(pid: Int, slots: Int)
    /// The count of held mappings the free path reads is not the table's.
    case kmapHeldCount(counted: Int, actual: Int)
}

/// vmalloc space and the kernel page tables (`checkVmallocInvariants`, `checkPageTableInvariants`).
public enum VmallocViolation: Sendable, Equatable {
    case areaOutOfPlace(start: UInt64)
    case areaSize(start: UInt64, size: Int, pages: Int)
    case pageArrayNotOwnArea(area: UInt32, address: UInt64)
    case orphanPageArray(area: UInt32)
    case areaFrame(area: UInt32, pfn: Int, state: FrameState, owner: FrameOwner, tag: UInt32)
    case percpuAreaFrame(pfn: Int)
    case ioremapMapsRAM(start: UInt64)
    case irqStackFrame(pfn: Int)
    case frameMappedTwice(pfn: Int)
    case nrPages(area: UInt32, nrPages: Int, pages: Int)
    case lazyRangeOverlaps(start: UInt64)
    case lazyCount(lazyNr: Int, pages: Int)
    case heldFrames(held: Int, mapped: Int)
    case deferredFreesLeft
    case pageTablesOutOfOrder(index: Int)
    case pageTableLevelUnused(level: KernelPageTables.Level, arch: Architecture)
    case pageTableFrameInvalid(pfn: Int32)
    case pageTableFrame(pfn: Int32, state: FrameState, owner: FrameOwner)
    case pageTableCount(held: Int, tables: Int)
    case missingPageTable(address: UInt64, level: KernelPageTables.Level)
}

/// The slab layer (`checkSlabInvariants`).
public enum SlabViolation: Sendable, Equatable {
    case cacheOrder(cache: String)
    case nameIndexEntry(name: String, cacheID: UInt32)
    case nameIndexCount(count: Int, names: Int)
    case onTwoLists(cache: String, slab: Int)
    case listMismatch(cache: String, slab: Int, says: SlabList, on: SlabList)
    case notSlabBlock(cache: String, slab: Int)
    case freelistMismatch(cache: String, slab: Int)
    case freelistHoldsUsed(cache: String)
    case inuse(cache: String, slab: Int, inuse: Int, counted: Int)
    case fullWithFree(cache: String)
    case freeWithUsed(cache: String)
    case partialNotPartial(cache: String)
    case nodePartialWithoutFree(cache: String)
    case unlistedWithFree(cache: String)
    case fullListWithFree(cache: String)
    case cpuSlabNotHeld(cache: String, cpu: Int)
    case arrayOverLimit(cache: String, cpu: Int, count: Int, limit: Int)
    case sharedArrayOverLimit(cache: String)
    case arrayEntries(cache: String, entries: Int, cached: Int)
    case arrayEntryNotCached(cache: String, address: UInt64)
    case slubArrayCache(cache: String)
    case slabBlocks(inMemory: Int, known: Int)
}

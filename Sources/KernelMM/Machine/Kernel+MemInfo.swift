/// The numbers of /proc/meminfo that the simulation drives, in pages unless the name says kB.
public struct MemInfo: Sendable, Equatable {
    public var totalRAM = 0, freeRAM = 0, available = 0
    public var totalHigh = 0, freeHigh = 0
    public var slabReclaimable = 0, slabUnreclaimable = 0
    public var kernelStackKB = 0
    public var pageTables = 0
    public var vmallocTotalKB = 0
    public var vmallocUsed = 0
    public var percpu = 0
    public var pcpFree = 0
    /// Pages leaked by wrong-order frees (kmemsim's own line; not in /proc/meminfo).
    public var leaked = 0
}

extension Kernel {
    /// si_meminfo() + si_mem_available() + the node counters, computed from the frames.
    public func memInfo() -> MemInfo {
        var m = MemInfo()
        for z in zones {
            m.totalRAM += z.managedPages
            m.freeRAM += nrFreePages(zone: z.index)
            m.pcpFree += pcpPages(zone: z.index)
            if z.isHighmem {
                m.totalHigh += z.managedPages
                m.freeHigh += nrFreePages(zone: z.index)
            }
        }
        for f in frames where f.state == .allocated {
            let pages = 1 << Int(f.order)
            switch f.owner {
            case .slab: m.slabUnreclaimable += pages
            case .kernelStack: break // counted per task below (IRQ stacks are not in KernelStack)
            case .vmalloc: m.vmallocUsed += pages
            case .percpu: m.percpu += pages
            case .kmallocLarge: m.slabUnreclaimable += pages // large kmalloc counts as SUnreclaim (NR_SLAB_UNRECLAIMABLE_B)
            case .leaked: m.leaked += pages
            case .none, .pageAlloc: break
            case .pageTable: break // only PMD tables pass pagetable_pmd_ctor(): counted below
            }
        }
        // SLAB_RECLAIM_ACCOUNT caches count as NR_SLAB_RECLAIMABLE_B.
        let reclaimableSlab = slabReclaimablePages
        m.slabReclaimable += reclaimableSlab
        m.slabUnreclaimable -= reclaimableSlab
        m.kernelStackKB = kernelStackKB
        // NR_PAGETABLE: pmd_alloc_one() runs the ctor that counts it; kernel PTE tables (__pte_alloc_one_kernel) do not.
        m.pageTables = vmalloc.pageTables.count(.pmd)
        // The first per-CPU chunk is carved from memblock at boot.
        for unit in memblock where unit.purpose == .percpuFirstChunk { m.percpu += Int(unit.size) / pageSize }
        let r = vmallocRange
        // x86-64's VMALLOC_END is the last byte (…e8ffffffffff), so the kernel's difference is one short of 32 TiB.
        m.vmallocTotalKB = Int((r.end - r.start - (arch.vmallocEndIsInclusive ? 1 : 0)) >> 10)
        // si_mem_available(): free minus the reserves the kernel keeps, plus what reclaim could get back.
        let totalReserve = totalReservePages
        let wmarkLow = zones.reduce(0) { $0 + $1.lowWmark }
        var avail = m.freeRAM - totalReserve
        let reclaimable = m.slabReclaimable
        avail += reclaimable - min(reclaimable / 2, wmarkLow)
        m.available = max(0, avail)
        return m
    }

    /// calculate_totalreserve_pages() (mm/page_alloc.c:5567): per zone, its largest lowmem_reserve plus its high
    /// watermark as set up (no boost), capped at the zone's managed pages — a small DMA zone under a big machine's
    /// reserve cannot hold back more than it has.
    var totalReservePages: Int {
        zones.reduce(0) { $0 + min($1.managedPages, ($1.lowmemReserve.max() ?? 0) + $1.watermark.high) }
    }
}

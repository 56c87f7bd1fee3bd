/// vm_struct flags (include/linux/vmalloc.h).
public struct VMFlags: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let ioremap = VMFlags(rawValue: 0x1)   // VM_IOREMAP
    public static let alloc = VMFlags(rawValue: 0x2)     // VM_ALLOC: vmalloc()
    public static let map = VMFlags(rawValue: 0x4)       // VM_MAP: vmap()
    public static let usermap = VMFlags(rawValue: 0x8)   // VM_USERMAP: may be mapped to user space (vmalloc_user)
    public static let noGuard = VMFlags(rawValue: 0x40)  // VM_NO_GUARD
    public static let allowHugeVmap = VMFlags(rawValue: 0x400) // VM_ALLOW_HUGE_VMAP: kvmalloc(), vmalloc_huge()
}

/// Who asked for a vmalloc-space area, so views can say what lives there.
public enum VMAreaPurpose: Sendable, Equatable, Codable {
    /// vmalloc()/vzalloc()/vmalloc_user() from the shell.
    case vmalloc
    /// A task's kernel stack (CONFIG_VMAP_STACK); `pid` is the task, nil while it sits in the per-CPU stack cache.
    case taskStack(pid: Int?)
    /// A CPU's IRQ stack mapped with vmap() over its per-CPU backing store (x86-64).
    case irqStack(cpu: Int)
    /// A per-CPU chunk beyond the first (pcpu_get_vm_areas).
    case percpuChunk(id: Int)
    /// vm->pages of the area with this id, vmalloc'd itself because it is more than a page of pointers
    /// (__vmalloc_area_node()); freed with its area (kvfree(vm->pages) in vfree()).
    case pagesArray(of: UInt32)
    /// Device or firmware memory mapped at boot with ioremap()/memremap() (VM_IOREMAP): no struct page behind it.
    case ioremap
}

/// One vmalloc-space area: vmap_area + vm_struct (mm/vmalloc.c) together.
///
/// `pages` is the area's page table: entry i is the frame mapped at `start + i × PAGE_SIZE` (vmap_pages_range()
/// wrote one PTE per page); the guard page after the last entry is never mapped.
public struct VMArea: Sendable, Equatable, Codable {
    public var id: UInt32
    /// va_start = vm->addr.
    public var start: UInt64
    /// vm->size in bytes, including the guard page (as /proc/vmallocinfo prints it).
    public var size: Int
    public var flags: VMFlags
    /// The page table: frame number per virtual page.
    public var pages: [Int32]
    /// vm->nr_pages: pages vmalloc allocated for this area (0 for vmap() and per-CPU chunks, which map pages the
    /// area does not own in that sense); this is what VmallocUsed counts.
    public var nrPages: Int
    /// vm->caller, as %pS prints it.
    public var caller: String
    /// The size the caller asked for.
    public var requested: Int
    public var purpose: VMAreaPurpose
    /// vm_area_page_order(): 0, or 9 when the area is mapped with 2 MiB PMD entries (huge vmalloc); its pages are
    /// then order-9 chunks split into single pages.
    public var pageOrder = 0
    /// Where vm->pages lives when it was vmalloc'd (is_vmalloc_addr(v->pages): vmallocinfo says "vpages"); nil
    /// when the kernel would have kmalloc'd it.
    public var pagesArray: UInt64? = nil
    /// vm->phys_addr: the physical address an ioremap() area maps (0 otherwise).
    public var phys: UInt64 = 0

    public var end: UInt64 { start + UInt64(size) }
    public var guardPages: Int { flags.contains(.noGuard) ? 0 : 1 }
}

/// The vmalloc allocator's state: the busy areas in address order (the kernel's busy rbtree, walked in order) and
/// the frees deferred from interrupt context (vfree_atomic's per-CPU llist).
/// A range of vmalloc space: [start, start + size).
public struct VMRange: Sendable, Equatable, Codable {
    public var start: UInt64
    public var size: Int
    public var end: UInt64 { start + UInt64(size) }
}

public struct VmallocState: Sendable, Equatable, Codable {
    public internal(set) var areas: [VMArea] = []
    /// Addresses handed to vfree() in interrupt context, freed by the work item once back in process context.
    public internal(set) var deferredFrees: [UInt64] = []
    /// Freed ranges not yet given back to the free space (mm/vmalloc.c purge_vmap_area_list), in address order:
    /// vfree() unmaps at once but purges lazily, so /proc/vmallocinfo shows them as "unpurged vm_area".
    public internal(set) var purgeList: [VMRange] = []
    /// vmap_lazy_nr: pages (guard pages included) on the purge list.
    public internal(set) var lazyPages = 0
    /// The page tables that map vmalloc space (allocated on first use, never freed).
    public internal(set) var pageTables = KernelPageTables()
    var nextID: UInt32 = 1
    public init() {}

    /// The area containing `addr` (including its guard page), by binary search over the ordered areas.
    public func index(containing addr: UInt64) -> Int? {
        let i = areas.partitioningIndex { $0.end <= addr }
        guard i < areas.count, areas[i].start <= addr, addr < areas[i].end else { return nil }
        return i
    }

    public func area(id: UInt32) -> VMArea? { areas.first { $0.id == id } }
}

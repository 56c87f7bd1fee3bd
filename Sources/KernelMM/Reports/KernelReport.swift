/// Something the simulated kernel said: a BUG, a WARNING, a failure report, or an informational line.
///
/// Reports are data; MMShell renders them in the kernel's wording (see `ReportRenderer`). `note` carries
/// what kmemsim adds as a teacher and the kernel would not say (e.g. that a real kernel would not have noticed).
public struct KernelReport: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable {
        /// warn_alloc(): "<comm>: page allocation failure: order:N, mode:0x…(…)" with a Mem-Info summary.
        case pageAllocFailure(order: Int, gfp: GFPFlags, memInfo: MemInfoSnapshot)
        /// bad_page(): "BUG: Bad page state in process <comm>  pfn:%05lx" with the page dump and reason.
        case badPageState(PageDump, reason: String)
        /// VM_BUG_ON_PAGE(): the page dump, "page dumped because: VM_BUG_ON_PAGE(<cond>)" and a kernel BUG.
        case vmBugOnPage(PageDump, condition: String, file: String, line: Int?)
        /// BUG_ON()/VM_BUG_ON(): "kernel BUG at FILE:LINE!" and an oops. `line` is nil where kmemsim could not
        /// confirm the 6.6 line number; the report then names the file only.
        case kernelBug(file: String, line: Int?, function: String)
        /// WARN_ON()/WARN_ON_ONCE(): "WARNING: CPU: n PID: p at FILE:LINE FUNCTION".
        case warning(file: String, line: Int?, function: String)
        /// SLUB's slab_bug() block: "BUG <cache> (<taint>): <headline>", trailer, hex dump, FIX lines.
        case slubBug(SlubBugReport)
        /// The slab allocators' other reports (SLAB's slab_error() and check_poison_obj(), SLUB's trace and
        /// out-of-memory lines, kmalloc_fix_flags(), kmem_cache_create() failures), as facts.
        case slab(SlabReport)
        /// "BUG: sleeping function called from invalid context at FILE:LINE".
        case sleepingInAtomic(file: String, line: Int, context: ContextSnapshot)
        /// kernel/sched/core.c __schedule_bug(): "BUG: scheduling while atomic: comm/pid/0x%08x".
        case schedulingWhileAtomic(preemptCount: UInt32, preemptDisabledAt: CodeAddress?)
        /// lib/smp_processor_id.c check_preemption_disabled(): "BUG: using WHAT in preemptible [%08x] code: comm/pid"
        /// then "caller is CALLER".
        case preemptibleCPUAccess(what: String, preemptCount: UInt32, caller: String)
        /// WARN(1, fmt…) / DEBUG_LOCKS_WARN_ON(): the message line before "WARNING: CPU: …"; "%p" in it is `pointer`, hashed.
        case warningMessage(message: String, pointer: UInt64? = nil, file: String, line: Int?, function: String)
        /// kernel/locking/spinlock_debug.c spin_bug(): "BUG: spinlock MSG on CPU#n, comm/pid" and the lock line.
        case spinlockBug(message: String, lock: String, ownerComm: String, ownerPID: Int, ownerCPU: Int)
        /// arch/x86/kernel/traps.c handle_stack_overflow(): "BUG: TASK stack guard page was hit at … (stack is …)".
        case stackGuardPageHit(stack: String, address: UInt64, start: UInt64, end: UInt64)
        /// A kernel-mode read of an unmapped address (x86 page_fault_oops()): "BUG: unable to handle page fault".
        case pageFault(address: UInt64, function: String)
        /// panic(): "Kernel panic - not syncing: MESSAGE".
        case panic(String)
        /// warn_alloc() from vmalloc: "comm: vmalloc error: size N, REASON, mode:…" with the Mem-Info summary.
        case vmallocError(message: String, gfp: GFPFlags, memInfo: MemInfoSnapshot)
        /// A plain kernel log line (e.g. "kswapd0: woken", boot messages).
        case info(String)
        /// What only kmemsim says: the kernel is silent here (wrong order on free, a leak).
        case kmemsimOnly
    }

    public var kind: Kind
    /// The task that was running: comm and pid as the kernel prints them.
    public var comm: String
    public var pid: Int
    public var cpu: Int
    /// Taint letters after this report (e.g. "B" for bad page, "W" for a warning).
    public var taint: String
    /// The call chain the report would show, innermost first (function names only).
    public var callTrace: [String]
    /// kmemsim's explanation for the learner (not kernel output), as facts; nil when there is none.
    public var note: KmemsimNote?

    public init(kind: Kind, comm: String, pid: Int, cpu: Int, taint: String, callTrace: [String] = [],
                note: KmemsimNote? = nil) {
        self.kind = kind
        self.comm = comm
        self.pid = pid
        self.cpu = cpu
        self.taint = taint
        self.callTrace = callTrace
        self.note = note
    }
}

/// The fields dump_page() (mm/debug.c) prints for one struct page.
public struct PageDump: Sendable, Equatable, Codable {
    public var pfn: Int
    public var structPageAddress: UInt64
    public var refcount: Int
    public var mapcount: Int
    /// page_type when the page is a typed page (buddy: 0xffffff7f), else nil.
    public var pageType: UInt32?
    public var flags: UInt64
    public var flagNames: [String]
    public var zoneIndex: Int
    public var compoundHead: Int?
    public var order: Int?
}

/// The state of the current CPU when a context check fired (include/linux/preempt.h fields).
public struct ContextSnapshot: Sendable, Equatable, Codable {
    public var preemptCount: UInt32
    public var irqsDisabled: Bool
    public var inAtomic: Bool
    public var preemptDisabledAt: CodeAddress?
}

/// What show_free_areas() prints in a failure report, captured when it happened.
public struct MemInfoSnapshot: Sendable, Equatable, Codable {
    public struct ZoneLine: Sendable, Equatable, Codable {
        public var name: String
        public var freeKB: Int, minKB: Int, lowKB: Int, highKB: Int
        public var presentKB: Int, managedKB: Int, pcpKB: Int
        public var protection: [Int]
        /// nr[order] and the migrate types present at each order.
        public var blocks: [Int]
        public var types: [[MigrateType]]
    }
    public var zones: [ZoneLine]
    public var pageSizeKB: Int
    /// __show_free_areas()'s global and node lines, __show_mem()'s totals (pages unless kB).
    public var slabReclaimable = 0, slabUnreclaimable = 0, pageTables = 0, kernelStackKB = 0
    public var freePages = 0, freePcp = 0
    public var presentPages = 0, reservedPages = 0, highmemPages = 0
    /// hugetlb_show_meminfo_node(): one line per huge page size the architecture registers.
    public var hugepageSizesKB: [Int] = []
}

/// The pieces of a SLUB debug report (mm/slub.c slab_bug(), print_trailer(), print_section(), slab_fix()).
public struct SlubBugReport: Sendable, Equatable, Codable {
    public var cache: String
    /// What slab_bug() names in the header line.
    public var problem: SlubProblem
    /// check_bytes_and_report()'s line between the header and the trailer: the damaged run and its first byte.
    public var badBytes: SlubBadBytes?
    public var track: ObjectTrack?
    public var slabAddress: UInt64 = 0
    public var objects = 0, used = 0
    public var freelist: UInt64 = 0
    public var pageFlags: UInt64 = 0
    /// %pGp of the slab's page flags: "slab|node=0|zone=2|lastcpupid=0x1fffff".
    public var pageFlagNames = ""
    public var objectAddress: UInt64 = 0
    public var objectOffset = 0
    public var objectFreePointer: UInt64 = 0
    /// Hex dump sections in print order: label ("Redzone ", "Object ", "Padding ") , start address, bytes.
    public var sections: [DumpSection] = []
    /// slab_fix() lines, "FIX <cache>: …".
    public var fixes: [SlubFix] = []
    /// list_slab_objects(): the objects still allocated, printed after the stack dump ("Object 0x… @offset=…").
    public var remaining: [SlubRemainingObject] = []
    /// print_tainted() as it read when the report started (before this report adds "B").
    public var taintBefore = ""
    public init(cache: String, problem: SlubProblem) {
        self.cache = cache
        self.problem = problem
    }
}

/// The header of a SLUB report: "BUG <cache> (<taint>): <problem>".
public enum SlubProblem: Sendable, Equatable, Codable {
    /// check_bytes_and_report(): "<area> overwritten".
    case overwritten(SlubCheckedArea)
    /// check_object(): "Freepointer corrupt".
    case freepointerCorrupt
    /// free_consistency_checks(): "Invalid object pointer 0x<hashed>".
    case invalidObjectPointer(address: UInt64)
    /// free_consistency_checks(): "Object already free".
    case objectAlreadyFree
    /// list_slab_objects() from __kmem_cache_shutdown(): "Objects remaining in <cache> on __kmem_cache_shutdown()".
    case objectsRemaining(cache: String)
}

/// The bytes check_object() checks, as check_bytes_and_report() names them.
public enum SlubCheckedArea: Sendable, Equatable, Codable {
    case leftRedzone, rightRedzone, kmallocRedzone, alignmentPadding, poison, endPoison, objectPadding
}

/// check_bytes_and_report(): the damaged run [from, to] (addresses), its offset in the slab, the first wrong byte.
public struct SlubBadBytes: Sendable, Equatable, Codable {
    public var from: UInt64, to: UInt64
    public var offset: Int
    public var found: UInt8, expected: UInt8
}

/// slab_fix(): what SLUB did about it.
public enum SlubFix: Sendable, Equatable, Codable {
    /// restore_bytes(): "Restoring <area> 0x<from>-0x<to>=0x<value>".
    case restoring(SlubCheckedArea, from: UInt64, to: UInt64, value: UInt8)
    /// alloc_debug_processing() gave up on the slab: "Marking all objects used".
    case markingAllObjectsUsed
    /// free_debug_processing(): "Object at 0x<hashed> not freed".
    case objectNotFreed(address: UInt64)
}

/// One object list_slab_objects() prints: its address and offset in the slab.
public struct SlubRemainingObject: Sendable, Equatable, Codable {
    public var address: UInt64
    public var offset: Int
}

/// One labelled run of bytes in a slab report.
public struct DumpSection: Sendable, Equatable, Codable {
    public var label: String
    public var address: UInt64
    public var bytes: [UInt8]
    public init(label: String, address: UInt64, bytes: [UInt8]) {
        self.label = label
        self.address = address
        self.bytes = bytes
    }
}

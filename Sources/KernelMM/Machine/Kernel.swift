/// The simulated machine and its memory manager: the whole state, as one value.
///
/// Copying a Kernel is cheap (its arrays are copy-on-write), which gives `undo`, lesson dry runs and state
/// comparison in tests for free. Every operation is a mutating method named after the kernel function it mirrors.
public struct Kernel: Sendable, Equatable {
    public let params: BootParams
    /// params.arch, and the few of its numbers the hot paths read, kept as stored values: a computed property
    /// read inside a mutating method makes a copy of the whole Kernel to call its getter.
    public let arch: Architecture
    public let maxOrder: Int
    public let pageblockOrder: Int
    public let pageSize: Int

    /// One struct page per frame from PFN 0 to the last frame of RAM; holes are `.absent`.
    public internal(set) var frames: FrameStore
    /// Every zone's free_area[] lists (flat, see `FreeLists`).
    public internal(set) var freeLists = FreeLists()
    /// Every zone's per_cpu_pages of every CPU (flat, see `PCPLists`).
    public internal(set) var pcpLists = PCPLists()
    /// Each zone's NR_FREE_PAGES and allocation counters, and vmstat's pgalloc/pgfree (flat, see `ZoneCounters`).
    public internal(set) var counters = ZoneCounters()
    // The four journalled stores above are side by side, as are the clock, the caller and the next tag below:
    // `isUndoSnapshot` compares the bytes around them, and three runs are fewer compares than seven.
    /// The configured zones in zone_idx order (populated or not).
    public internal(set) var zones: [Zone]
    /// The zonelist for each highest zone index (see `zonelist(highest:)`), built at boot.
    var zonelists: [ZoneList] = []
    /// Each zone's [start, end) PFN span, kept apart from `zones` so hot paths never copy a Zone to ask.
    var zoneSpans: [ZoneSpan] = []
    /// The populated zones' spans, highest zone first, for page_zone() (`zoneIndex(ofPFN:)`): empty zones (Movable
    /// and Device on most machines) cost every free a test each when searched with the rest.
    var zoneLookup: [ZoneLookupEntry] = []
    /// zones[i].type, for the same reason.
    var zoneTypes: [ZoneType] = []
    /// gfp_zone()'s answers for this architecture (see `buildGFPZoneTable`), built at boot.
    var gfpZoneTable: UInt64 = 0
    /// What most commands only read, behind one reference (see `KernelColdState`); the properties below reach it.
    @usableFromInline var cold = CopyOnWriteBox(KernelColdState())
    @inlinable public internal(set) var ram: [RAMRange] {
        _read { yield cold.value.ram }
        _modify { yield &cold.value.ram }
    }
    @inlinable public internal(set) var memblock: [MemblockRegion] {
        _read { yield cold.value.memblock }
        _modify { yield &cold.value.memblock }
    }
    /// min_free_kbytes in force.
    @inlinable public internal(set) var minFreeKbytes: Int {
        get { cold.value.minFreeKbytes }
        _modify { yield &cold.value.minFreeKbytes }
    }

    @inlinable public internal(set) var cpus: [CPUState] {
        _read { yield cold.value.cpus }
        _modify { yield &cold.value.cpus }
    }
    /// The CPU the shell's commands run on.
    public internal(set) var currentCPU: Int = 0
    @inlinable public internal(set) var tasks: [Task] {
        _read { yield cold.value.tasks }
        _modify { yield &cold.value.tasks }
    }

    /// vmalloc space: areas in address order, deferred frees (Vmalloc/).
    @inlinable public internal(set) var vmalloc: VmallocState {
        _read { yield cold.value.vmalloc }
        _modify { yield &cold.value.vmalloc }
    }
    /// Per-CPU memory: chunks, allocations, variables (CPU/Percpu*).
    @inlinable public internal(set) var percpu: PercpuState {
        _read { yield cold.value.percpu }
        _modify { yield &cold.value.percpu }
    }
    /// kmap()'s pkmap table and the tasks' kmap_local slots (Highmem/).
    public internal(set) var highmem: HighmemState {
        _read { yield cold.value.highmem }
        _modify { yield &cold.value.highmem }
    }
    /// Next pid for `task create`, and the per-CPU caches of freed vmapped stacks (kernel/fork.c cached_stacks).
    var nextPID: Int {
        get { cold.value.nextPID }
        _modify { yield &cold.value.nextPID }
    }
    @inlinable public internal(set) var cachedStacks: [[UInt32]] {
        _read { yield cold.value.cachedStacks }
        _modify { yield &cold.value.cachedStacks }
    }

    @inlinable public var log: KernelLog {
        _read { yield cold.value.log }
        _modify { yield &cold.value.log }
    }
    public var trace = TraceBuffer()
    /// When on, operations record their steps in `explanation`.
    public var explainEnabled = false
    public var clock = SimClock()
    /// The learner's function the current command runs in: set by the shell for the length of one command (so it is
    /// nil between commands and never part of the saved state); nil at boot and in kernel work.
    public var callSite: CallSite?
    /// Serial numbers for allocations, so each block can be told apart (`PageFrame.tag`).
    var nextTag: UInt32 = 1
    public internal(set) var explanation: [ExplainStep] = []
    public internal(set) var vmEvents = VMEvents()
    /// Taint flags accumulated by reports ("B" bad page, "W" warning, "D" died).
    @inlinable public internal(set) var taint: Set<Character> {
        _read { yield cold.value.taint }
        _modify { yield &cold.value.taint }
    }
    /// The slab layer: caches, slabs, per-CPU caches (Slab/).
    public internal(set) var slab = SlabState()

    public var pageblockPages: Int { 1 << pageblockOrder }

    public var currentTask: Task {
        let pid = cpus[currentCPU].currentPID
        return tasks.first { $0.pid == pid } ?? tasks[0]
    }

    /// Clears what the previous command explained; the shell calls it before each command.
    public mutating func beginCommand() {
        // Only when there is something to clear: even an empty removeAll is a write, which copies the array's
        // storage when undo's snapshot shares it.
        if !explanation.isEmpty { explanation.removeAll(keepingCapacity: true) }
    }

    /// Puts back the previous command's narration when a command fails before doing anything.
    public mutating func restoreExplanation(_ steps: [ExplainStep]) { explanation = steps }

    /// Records a step when `explain` is on. Hot paths test `explainEnabled` first so that no step is built.
    /// A step whose payload reads the kernel (a zone's type: a checked array read) is built before the test, on
    /// every call; the hot paths write `if explainEnabled { appendExplanation(…) }` instead.
    @inline(__always) mutating func explain(_ step: ExplainStep) {
        if explainEnabled { appendExplanation(step) }
    }

    /// The append itself, out of line: inline, its growth path was code on every hot path that explains.
    @inline(never) mutating func appendExplanation(_ step: ExplainStep) { explanation.append(step) }

    /// Adds a kernel report to the log at the current simulated time.
    /// `task` names the task the report is about when it is not the current one (`stack use PID` overflows that
    /// task's stack, so the kernel would be running it).
    mutating func report(_ kind: KernelReport.Kind, taint letter: Character? = nil, callTrace: [String] = [],
                         note: KmemsimNote? = nil, task: Int? = nil) {
        // warn_alloc() prints through __ratelimit(&nopage_rs) (mm/page_alloc.c, lib/ratelimit.c).
        switch kind {
        case .pageAllocFailure, .vmallocError:
            if let suppressed = log.nopageRatelimit.check(now: clock.now) { report(.info("warn_alloc: \(suppressed) callbacks suppressed")) }
            if !log.nopageRatelimit.allowed {
                report(.kmemsimOnly, note: .warnAllocRatelimited(note))
                return
            }
        default: break
        }
        // Reports add their taint after printing (add_taint() follows dump_stack(), SLUB's too: mm/slub.c:992), so they
        // show the taint from before.
        let taintBefore = taintString
        if let letter { taint.insert(letter) }
        // A command named like the kernel function it calls appears once in the trace, not twice.
        var callTrace = callTrace
        if callTrace.count >= 2, callTrace[callTrace.count - 1] == callTrace[callTrace.count - 2] { callTrace.removeLast() }
        // The learner's function called the API: it is the trace's outermost frame.
        if !callTrace.isEmpty, task == nil, let site = callSite { callTrace.append(site.symbol(.other)) }
        let t = task.flatMap { i in tasks.indices.contains(i) ? tasks[i] : nil } ?? currentTask
        let r = KernelReport(kind: kind, comm: t.comm, pid: t.pid, cpu: currentCPU, taint: taintBefore,
                             callTrace: callTrace, note: note)
        log.append(r, at: clock.now)
    }

    /// print_tainted(): "Not tainted" or "Tainted: G    B   W …" compressed to the letters set.
    public var taintString: String {
        taint.isEmpty ? "" : String(taint.sorted())
    }

    /// Out of line: the hot paths call it only when tracing is on.
    @inline(never)
    mutating func traceEvent(_ kind: TraceEvent.Kind, pageAddress: UInt64 = 0) {
        guard trace.enabled else { return }
        let t = currentTask
        let c = cpus[currentCPU]
        trace.record(TraceEvent(time: clock.now, comm: t.comm, pid: t.pid, cpu: currentCPU,
                                flags: Self.traceFlags(c), kind: kind, pageAddress: pageAddress))
    }

    /// The irqs-off / need-resched / hardirq-softirq / preempt-depth columns of an ftrace line.
    static func traceFlags(_ c: CPUState) -> String {
        let irq: Character = c.irqsDisabled ? "d" : "."
        let ctx: Character = c.inNMI ? "Z" : c.inHardirq ? "h" : (c.preemptCount & CPUState.softirqMask) != 0 ? "s" : "."
        let depth = c.preemptCount & CPUState.preemptMask
        let d: Character = depth == 0 ? "." : depth < 16 ? Character(String(depth, radix: 16)) : "f"
        return String([irq, ".", ctx, d, "."])
    }

    mutating func newTag() -> UInt32 {
        defer { nextTag &+= 1 }
        return nextTag
    }
}

/// /proc/vmstat event counters that the simulation drives (pgalloc and pgfree, which every operation moves, are in
/// `ZoneCounters`).
public struct VMEvents: Sendable, Equatable, Codable {
    public var allocstall = 0
    public var kswapdWakeups = 0
    public var pgstealDirect = 0
    public var pgstealKswapd = 0
    public var compactStall = 0
    public var extfragFallbacks = 0
    public var oomKill = 0
}

/// A zone's [start, end) PFN range.
struct ZoneSpan: Sendable, Equatable, Codable {
    var start: Int
    var end: Int
}

/// A populated zone's span and its index (see `Kernel.zoneLookup`).
struct ZoneLookupEntry: Sendable, Equatable {
    var start: Int
    var end: Int
    var zone: Int
}

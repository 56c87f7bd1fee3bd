/// The whole machine as a Codable value, for `save`/`load` (MMShell writes it as JSON; KernelMM does no I/O).
///
/// What booting the same parameters rebuilds (zonelists, zone spans and types) is not saved: decoding boots a fresh
/// machine from the saved `BootParams`, takes those from it, and checks that the saved RAM map, memblock, zones and
/// CPUs agree with it (`checkSavedLayout`). Frames are saved as runs of identical struct pages, so a 4 GiB machine
/// is a few thousand records, not a million.
extension Kernel: Codable {
    enum CodingKeys: String, CodingKey {
        case params, minFreeKbytes, ram, memblock, zones, freeLists, pcpLists, frames, cpus, currentCPU, tasks, vmalloc, percpu, nextPID
        case cachedStacks, log, clock, trace, explainEnabled, explanation, vmEvents, taint, slab, nextTag, highmem
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(params, forKey: .params)
        try c.encode(minFreeKbytes, forKey: .minFreeKbytes)
        try c.encode(ram, forKey: .ram)
        try c.encode(memblock, forKey: .memblock)
        try c.encode(zones.map { SavedZone($0, counters: counters) }, forKey: .zones)
        try c.encode(freeLists, forKey: .freeLists)
        try c.encode(pcpLists, forKey: .pcpLists)
        try c.encode(FrameRun.runs(of: frames), forKey: .frames)
        try c.encode(cpus, forKey: .cpus)
        try c.encode(currentCPU, forKey: .currentCPU)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(vmalloc, forKey: .vmalloc)
        try c.encode(percpu, forKey: .percpu)
        try c.encode(nextPID, forKey: .nextPID)
        try c.encode(cachedStacks, forKey: .cachedStacks)
        try c.encode(log, forKey: .log)
        try c.encode(clock, forKey: .clock)
        try c.encode(trace, forKey: .trace)
        try c.encode(explainEnabled, forKey: .explainEnabled)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(SavedVMEvents(vmEvents, counters: counters), forKey: .vmEvents)
        try c.encode(taintString, forKey: .taint)
        try c.encode(slab, forKey: .slab)
        try c.encode(nextTag, forKey: .nextTag)
        try c.encode(highmem, forKey: .highmem)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let params = try c.decode(BootParams.self, forKey: .params)
        // Boot parameters the boot would refuse are refused here too (BootError), before anything else is read.
        let booted = try Kernel(booting: params)
        self = booted
        minFreeKbytes = try c.decode(Int.self, forKey: .minFreeKbytes)
        ram = try c.decode([RAMRange].self, forKey: .ram)
        memblock = try c.decode([MemblockRegion].self, forKey: .memblock)
        let savedZones = try c.decode([SavedZone].self, forKey: .zones)
        zones = savedZones.map(\.zone)
        freeLists = try c.decode(FreeLists.self, forKey: .freeLists)
        pcpLists = try c.decode(PCPLists.self, forKey: .pcpLists)
        frames = FrameStore(try FrameRun.frames(from: c.decode([FrameRun].self, forKey: .frames), count: booted.frames.count))
        cpus = try c.decode([CPUState].self, forKey: .cpus)
        currentCPU = try c.decode(Int.self, forKey: .currentCPU)
        tasks = try c.decode([Task].self, forKey: .tasks)
        vmalloc = try c.decode(VmallocState.self, forKey: .vmalloc)
        percpu = try c.decode(PercpuState.self, forKey: .percpu)
        nextPID = try c.decode(Int.self, forKey: .nextPID)
        cachedStacks = try c.decode([[UInt32]].self, forKey: .cachedStacks)
        log = try c.decode(KernelLog.self, forKey: .log)
        clock = try c.decode(SimClock.self, forKey: .clock)
        trace = try c.decode(TraceBuffer.self, forKey: .trace)
        explainEnabled = try c.decode(Bool.self, forKey: .explainEnabled)
        explanation = try c.decode([ExplainStep].self, forKey: .explanation)
        let savedEvents = try c.decode(SavedVMEvents.self, forKey: .vmEvents)
        vmEvents = savedEvents.events
        counters = ZoneCounters(zones: savedZones.count)
        for z in savedZones where z.index >= 0 && z.index < savedZones.count {
            counters.set(zone: z.index, nrFreePages: z.nrFreePages, stats: z.stats)
        }
        counters.setVM(pgalloc: savedEvents.pgalloc, pgfree: savedEvents.pgfree)
        taint = Set(try c.decode(String.self, forKey: .taint))
        slab = try c.decode(SlabState.self, forKey: .slab)
        nextTag = try c.decode(UInt32.self, forKey: .nextTag)
        // Saves from before kmap was modelled have no table: the booted machine's (nothing mapped) stands.
        if let h = try c.decodeIfPresent(HighmemState.self, forKey: .highmem) {
            highmem = h
            highmem.recount()
        }
        try checkSavedLayout(against: booted)
    }
}

/// A run of identical struct pages: `count` frames from `pfn` on, each equal to the fields given.
struct FrameRun: Codable, Equatable {
    var pfn: Int
    var count: Int
    var state: String
    var order: UInt8
    var migratetype: UInt8
    var flags: UInt8
    var owner: String
    var tag: UInt32
    var next: Int32
    var prev: Int32

    static let stateNames: [(FrameState, String)] = [
        (.tail, "tail"), (.reserved, "reserved"), (.buddy, "buddy"), (.pcp, "pcp"), (.allocated, "allocated"), (.absent, "absent"),
    ]
    static let ownerNames: [(FrameOwner, String)] = [
        (.none, "none"), (.pageAlloc, "page_alloc"), (.slab, "slab"), (.vmalloc, "vmalloc"), (.kernelStack, "kernel_stack"),
        (.percpu, "percpu"), (.kmallocLarge, "kmalloc_large"), (.leaked, "leaked"), (.pageTable, "page_table"),
    ]

    init(pfn: Int, frame f: PageFrame) {
        self.pfn = pfn
        count = 1
        state = Self.stateNames.first { $0.0 == f.state }?.1 ?? "absent"
        order = f.order
        migratetype = f.migratetype
        flags = f.flags.rawValue
        owner = Self.ownerNames.first { $0.0 == f.owner }?.1 ?? "none"
        tag = f.tag
        next = f.next
        prev = f.prev
    }

    func frame() throws(SavedStateProblem) -> PageFrame {
        guard let s = Self.stateNames.first(where: { $0.1 == state })?.0 else { throw .unknownName(part: "frames.state", name: state) }
        guard let o = Self.ownerNames.first(where: { $0.1 == owner })?.0 else { throw .unknownName(part: "frames.owner", name: owner) }
        guard flags < 0x20 else { throw .outOfRange(part: "frames.flags", value: Int(flags), lower: 0, limit: 0x20) }
        var f = PageFrame(next: next, prev: prev, tag: tag, state: s, order: order, migratetype: migratetype, packed: 0)
        f.flags = FrameFlags(rawValue: flags)
        f.owner = o
        return f
    }

    static func runs(of frames: FrameStore) -> [FrameRun] {
        var out: [FrameRun] = []
        var i = 0
        while i < frames.count {
            let f = frames[i]
            var j = i + 1
            while j < frames.count, frames[j] == f { j += 1 }
            var r = FrameRun(pfn: i, frame: f)
            r.count = j - i
            out.append(r)
            i = j
        }
        return out
    }

    /// The frames the runs describe; they must tile 0..<count exactly.
    static func frames(from runs: [FrameRun], count: Int) throws(SavedStateProblem) -> ContiguousArray<PageFrame> {
        var out = ContiguousArray<PageFrame>()
        out.reserveCapacity(count)
        for r in runs {
            guard r.pfn == out.count, r.count > 0, r.count <= count - out.count else { throw .frameRuns(atPFN: r.pfn) }
            let f = try r.frame()
            out.append(contentsOf: repeatElement(f, count: r.count))
        }
        guard out.count == count else { throw .frameRuns(atPFN: out.count) }
        return out
    }
}

import Testing
@testable import KernelMM

/// The frame store's implicit runs (the PCI hole, boot's largest run of free MAX_ORDER blocks, mem_map without a
/// hole): every way of reading a frame sees the frames boot would have written, writes inside a run land, undo and
/// equality treat a run and its written frames alike.
@Suite struct FrameStoreTests {
    /// The default machine (4 GiB x86-64): RAM up to 3 GiB, the PCI hole, then RAM from 4 GiB.
    static let bootResult = Result { () throws(BootError) in try Kernel(booting: BootParams()) }
    static var booted: Kernel { get throws { try bootResult.get() } }

    static var hole: Range<Int> { ((3 << 30) >> 12)..<((4 << 30) >> 12) }

    /// Every frame written out, as a loaded session has them.
    static func written(_ f: FrameStore) -> FrameStore { FrameStore(ContiguousArray(f)) }

    @Test func theHoleAndTheFreeBlocksAreImplicitAndReadAsBootWrote() throws {
        let k = try Self.booted
        let runs = k.frames.implicit.runs
        #expect(runs.count == 2)
        #expect(runs.contains { $0.start == Self.hole.lowerBound && $0.count == Self.hole.count && $0.state == .absent })
        // DMA32's free range (the largest): its MAX_ORDER blocks, the front of that zone's order-10 movable list (the
        // kernel image's init sections, freed later, merged into blocks added at the tail: the run's last block was
        // written then).
        let dma32 = try #require(k.zoneIndex(of: .dma32))
        let free = try #require(runs.first { $0.headOrder == 10 })
        let m = Int(MigrateType.movable.rawValue)
        #expect(free.start == Int(k.freeLists.head(zone: dma32, order: 10, type: m)))
        #expect(free.count >> 10 > 700 && free.count >> 10 < k.freeLists.count(zone: dma32, order: 10, type: m))
        let afterRun = free.start + free.count
        #expect(k.frames[afterRun - 1024].next == Int32(afterRun) && k.frames[afterRun].prev == Int32(afterRun - 1024))
        #expect(!k.frames.isImplicit(afterRun) && k.frames[afterRun].state == .buddy)
        #expect(k.frames[free.start + 1024] == PageFrame(next: Int32(free.start + 2048), prev: Int32(free.start), tag: 0, state: .buddy,
                                                         order: 10, migratetype: UInt8(m), packed: 0))
        #expect(k.frames[free.start + 1025] == PageFrame(next: -1, prev: -1, tag: 0, state: .tail, order: 0, migratetype: 0, packed: 0))
        let memMap = try #require(k.memblock.first { $0.purpose == .memMap })
        let mm = Int(memMap.start >> 12)..<Int((memMap.end + 4095) >> 12)
        for pfn in [Self.hole.lowerBound - 1, Self.hole.upperBound] { #expect(k.frames[pfn].state != .absent, "\(pfn)") }
        for pfn in [Self.hole.lowerBound, Self.hole.lowerBound + 77, Self.hole.upperBound - 1] { #expect(k.frames[pfn] == .absent) }
        for pfn in [mm.lowerBound, mm.upperBound - 1] {
            #expect(k.frames[pfn] == PageFrame(next: -1, prev: -1, tag: 0, state: .reserved, order: 0, migratetype: 0, packed: 0))
        }
        #expect(k.frames[mm.lowerBound - 1].state != .reserved || k.memblock.contains { $0.end == memMap.start })
        // Absent exactly outside RAM.
        for pfn in stride(from: 0, to: k.frames.count, by: 997) {
            let inRAM = k.ram.contains { UInt64(pfn) << 12 >= $0.start && UInt64(pfn) << 12 < $0.end }
            #expect((k.frames[pfn].state == .absent) == !inRAM, "\(pfn)")
        }
        try k.checkInvariants()
    }

    @Test func bulkReadersSeeTheSameFramesAsSubscripts() throws {
        let k = try Self.booted
        let viaSubscript = Self.written(k.frames)
        let viaBuffer = k.frames.withUnsafeBufferPointer { FrameStore(ContiguousArray($0)) }
        #expect(viaBuffer.implicit.isEmpty && viaSubscript.implicit.isEmpty)
        #expect(viaBuffer == viaSubscript)
        // The runs are still implicit for the subscript after a bulk read wrote them out.
        #expect(k.frames.implicit.runs.count == 2)
        #expect(k.frames == viaSubscript && viaSubscript == k.frames)
    }

    @Test func aWriteInsideARunLandsAndLeavesTheOriginalAlone() throws {
        let original = try Self.booted.frames
        var f = original
        let pfn = Self.hole.lowerBound + 5
        let start = f.openJournal(epoch: 1)
        f[pfn].tag = 7
        let end = f.closeJournal(epoch: 1)
        #expect(f[pfn].tag == 7 && f[pfn].state == .absent)
        #expect(f[pfn - 1] == .absent && f[pfn + 1] == .absent && f[Self.hole.upperBound - 1] == .absent)
        #expect(f.implicit.runs.count == 1)
        #expect(original[pfn] == .absent && original.implicit.runs.count == 2)
        #expect(Array(f.journal.writes(from: start)) == [FrameWrite(pfn: Int32(pfn), old: .absent)])
        #expect(end == start + 1 && f.closeJournal(epoch: 2) == nil)
        #expect(f != original && original != f)
        f.revert(from: start, recording: false)
        #expect(f == original && original == f)
        #expect(f.journal.position == start)
        #expect(f.withUnsafeBufferPointer { $0[pfn] } == .absent)
    }

    @Test func equalityLooksInsideRuns() throws {
        let booted = try Self.booted.frames
        var w = Self.written(booted)
        #expect(w == booted)
        w[Self.hole.upperBound - 1].order = 1
        #expect(w != booted && booted != w)
    }

    @Test func aCopyKeepsItsRunsWithoutCopyingThem() throws {
        let booted = try Self.booted.frames
        var f = booted
        let pfn = Self.hole.upperBound // first frame above the hole, present RAM
        let old = f[pfn]
        f[pfn].tag = 9 // copies the buffer
        #expect(f.implicit == booted.implicit)
        #expect(f[Self.hole.lowerBound] == .absent)
        #expect(f.withUnsafeBufferPointer { $0[Self.hole.lowerBound] } == .absent)
        f[pfn] = old
        #expect(f == booted)
    }

    /// Machines with and without the run of free blocks: the same frames, lists and counts, and after the same
    /// allocations and frees (each write inside the run gives storage to a few blocks at one end) still the same.
    @Test(arguments: ["mem=4G", "mem=64M", "mem=2G pcp=off", "arch=i386 mem=1G", "arch=sparc64 mem=2G", "mem=6G cpus=2"])
    func theFreeRunReadsAsWrittenFramesWould(_ line: String) throws {
        var p = BootParams()
        for word in line.split(separator: " ") {
            let kv = word.split(separator: "=")
            switch kv[0] {
            case "mem": p.memory = UInt64(kv[1].dropLast())! << (kv[1].last == "G" ? 30 : 20)
            case "arch": p.arch = Architecture(rawValue: String(kv[1]))!
            case "pcp": p.pcpLists = kv[1] == "on"
            case "cpus": p.cpus = Int(kv[1])!
            default: Issue.record("unknown \(word)")
            }
        }
        var a = try Kernel(booting: p)
        var b = try Kernel(booting: p, freeRun: false)
        #expect(a.frames.implicit.runs.contains { $0.headOrder > 0 })
        #expect(!b.frames.implicit.runs.contains { $0.headOrder > 0 })
        #expect(a.frames == b.frames && a.freeLists == b.freeLists && a == b)
        var rng = SeededRandom(seed: 15)
        var held: [(pfn: PFN, order: Int)] = []
        for step in 0..<400 {
            if held.isEmpty || rng.next() % 3 != 0 {
                let order = [0, 0, 1, 3, 9, a.maxOrder][Int(rng.next() % 6)]
                let gfp: GFPFlags = rng.next() % 2 == 0 ? .kernel : [.kernel, .dma32]
                let x = a.allocPages(gfp, order: order), y = b.allocPages(gfp, order: order)
                #expect(x == y, "step \(step)")
                if let x { held.append((x, order)) }
            } else {
                let (pfn, order) = held.remove(at: Int(rng.next() % UInt64(held.count)))
                a.freePages(pfn, order: order)
                b.freePages(pfn, order: order)
            }
            if step % 50 == 0 { #expect(a.frames == b.frames, "step \(step)") }
        }
        #expect(a.frames == b.frames && a == b)
        try a.checkInvariants()
    }

    @Test func aWriteInsideTheFreeRunWritesOnlyTheNearerEnd() throws {
        var f = try Self.booted.frames
        let run = try #require(f.implicit.runs.first { $0.headOrder == 10 })
        let last = run.start + run.count - 1024
        let before = f[last - 1024]
        f[last].prev = -1
        #expect(f[last].prev == -1 && f[last - 1024] == before)
        let rest = try #require(f.implicit.runs.first { $0.headOrder == 10 })
        #expect(rest.start == run.start && rest.count == run.count - 1024 && rest.nextOfLast == Int32(last))
        f[run.start + 1].tag = 3
        let front = try #require(f.implicit.runs.first { $0.headOrder == 10 })
        #expect(front.start == run.start + 1024 && front.prevOfFirst == Int32(run.start))
        #expect(f[run.start + 1].tag == 3 && f[run.start].state == .buddy && f[run.start + 1024].prev == Int32(run.start))
    }

    @Test func bulkReadsFromManyThreadsAgree() async throws {
        // A machine of its own, whose runs no bulk reader has written out yet.
        let k = try Kernel(booting: BootParams())
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask { k.frames.withUnsafeBufferPointer { b in b.reduce(0) { $0 + ($1.state == .absent ? 1 : 0) } } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(counts).count == 1 && counts[0] >= Self.hole.count)
    }
}

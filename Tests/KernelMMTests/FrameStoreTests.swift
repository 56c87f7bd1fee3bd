import Testing
@testable import KernelMM

/// The frame store's implicit runs (the PCI hole, mem_map): every way of reading a frame sees the frames boot
/// would have written, writes inside a run land, undo and equality treat a run and its written frames alike.
@Suite struct FrameStoreTests {
    /// The default machine (4 GiB x86-64): RAM up to 3 GiB, the PCI hole, then RAM from 4 GiB.
    static let bootResult = Result { () throws(BootError) in try Kernel(booting: BootParams()) }
    static var booted: Kernel { get throws { try bootResult.get() } }

    static var hole: Range<Int> { ((3 << 30) >> 12)..<((4 << 30) >> 12) }

    /// Every frame written out, as a loaded session has them.
    static func written(_ f: FrameStore) -> FrameStore { FrameStore(ContiguousArray(f)) }

    @Test func theHoleAndMemMapAreImplicitAndReadAsBootWrote() throws {
        let k = try Self.booted
        let runs = k.frames.implicit.runs
        #expect(runs.count == 2)
        #expect(runs.contains { $0.start == Self.hole.lowerBound && $0.count == Self.hole.count && $0.state == .absent })
        let memMap = try #require(k.memblock.first { $0.purpose == .memMap })
        let mm = Int(memMap.start >> 12)..<Int((memMap.end + 4095) >> 12)
        #expect(runs.contains { $0.start == mm.lowerBound && $0.count == mm.count && $0.state == .reserved })
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
        f.openJournal(epoch: 1)
        f[pfn].tag = 7
        let writes = f.closeJournal(epoch: 1)
        #expect(f[pfn].tag == 7 && f[pfn].state == .absent)
        #expect(f[pfn - 1] == .absent && f[pfn + 1] == .absent && f[Self.hole.upperBound - 1] == .absent)
        #expect(f.implicit.runs.count == 1)
        #expect(original[pfn] == .absent && original.implicit.runs.count == 2)
        #expect(writes == [FrameWrite(pfn: Int32(pfn), old: .absent)])
        #expect(f != original && original != f)
        f.revert(writes ?? [])
        #expect(f == original && original == f)
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

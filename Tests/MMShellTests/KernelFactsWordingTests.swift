@testable import KernelMM
@testable import MMShell
import Testing

/// Issue 10: KernelMM returns facts (invariant breaks, slab reports, gfp names, memblock purposes) and the shell words
/// them — the kernel's own text byte for byte as before, everything kmemsim says in English and Korean.
@Suite struct KernelFactsWordingTests {
    static var small: BootParams { var p = BootParams(); p.memory = 64 << 20; p.cpus = 2; return p }

    static func hasHangul(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 } }

    /// One value of every check's case.
    static let everyViolation: [InvariantViolation] = [
            .pageAlloc(.tailOutsideBlock(pfn: 7)),
            .pageAlloc(.misalignedBlock(pfn: 7, order: 7)),
            .pageAlloc(.blockCrossesZone(pfn: 7, order: 7)),
            .pageAlloc(.zonesOverlap(zone: .normal, lower: .dma32)),
            .pageAlloc(.blockContainsFrame(pfn: 7, order: 7, frame: 7, state: .buddy)),
            .pageAlloc(.unmergedBuddies(pfn: 7, buddy: 7, order: 7)),
            .pageAlloc(.freeListEntry(zone: .normal, order: 7, type: .movable, pfn: 7, state: .buddy, entryOrder: 7)),
            .pageAlloc(.badPrevLink(pfn: 7)),
            .pageAlloc(.freeListCycle),
            .pageAlloc(.freeListTail(zone: .normal, order: 7, type: .movable)),
            .pageAlloc(.freeListCount(zone: .normal, order: 7, type: .movable, count: 7, listed: 7)),
            .pageAlloc(.nrFree(zone: .normal, order: 7, nrFree: 7, listed: 7)),
            .pageAlloc(.nrFreePages(zone: .normal, counter: 7, listed: 7, buddyHeads: 7)),
            .pageAlloc(.pcpEntry(cpu: 7, zone: .normal, pfn: 7, state: .buddy)),
            .pageAlloc(.pcpCount(cpu: 7, zone: .normal, count: 7, listed: 7)),
            .pageAlloc(.managedPages(zone: .normal, managed: 7, free: 7, pcp: 7, allocated: 7)),
            .cpu(.hardirqNesting(cpu: 7, count: 7, savedFlags: 7)),
            .cpu(.spinlockHeldTwice(lock: "c")),
            .cpu(.runsMissingTask(cpu: 7, pid: 7)),
            .cpu(.taskOnTwoCPUs(pid: 7)),
            .cpu(.stackSize(pid: 7, size: 7, threadSize: 7)),
            .cpu(.vmappedStackNotOwn(pid: 7, area: 3)),
            .cpu(.stackAreaUsedTwice(area: 3)),
            .cpu(.stackBlock(pid: 7, pfn: 7, state: .buddy, owner: .slab, order: 7)),
            .cpu(.stackMissing(pid: 7)),
            .cpu(.tooManyCachedStacks(cpu: 7, count: 7)),
            .cpu(.cachedStackArea(area: 3)),
            .cpu(.orphanStackArea(address: 0x1000)),
            .cpu(.percpuAllocationOutOfPlace(chunk: 7, offset: 7, size: 7)),
            .cpu(.percpuPageNotPopulated(chunk: 7, page: 7)),
            .cpu(.percpuChunkWithoutArea(chunk: 7)),
            .cpu(.percpuMappingDisagrees(chunk: 7, page: 7)),
            .cpu(.percpuForeignFrame(chunk: 7, page: 7)),
            .cpu(.percpuEmptyChunkKept(chunk: 7)),
            .cpu(.percpuVariableCopies(name: "c", copies: 7)),
            .vmalloc(.areaOutOfPlace(start: 0x1000)),
            .vmalloc(.areaSize(start: 0x1000, size: 7, pages: 7)),
            .vmalloc(.pageArrayNotOwnArea(area: 3, address: 0x1000)),
            .vmalloc(.orphanPageArray(area: 3)),
            .vmalloc(.areaFrame(area: 3, pfn: 7, state: .buddy, owner: .slab, tag: 3)),
            .vmalloc(.percpuAreaFrame(pfn: 7)),
            .vmalloc(.ioremapMapsRAM(start: 0x1000)),
            .vmalloc(.irqStackFrame(pfn: 7)),
            .vmalloc(.frameMappedTwice(pfn: 7)),
            .vmalloc(.nrPages(area: 3, nrPages: 7, pages: 7)),
            .vmalloc(.lazyRangeOverlaps(start: 0x1000)),
            .vmalloc(.lazyCount(lazyNr: 7, pages: 7)),
            .vmalloc(.heldFrames(held: 7, mapped: 7)),
            .vmalloc(.deferredFreesLeft),
            .vmalloc(.pageTablesOutOfOrder(index: 7)),
            .vmalloc(.pageTableLevelUnused(level: .pte, arch: .i386)),
            .vmalloc(.pageTableFrameInvalid(pfn: 5)),
            .vmalloc(.pageTableFrame(pfn: 5, state: .buddy, owner: .slab)),
            .vmalloc(.pageTableCount(held: 7, tables: 7)),
            .vmalloc(.missingPageTable(address: 0x1000, level: .pte)),
            .slab(.cacheOrder(cache: "c")),
            .slab(.nameIndexEntry(name: "c", cacheID: 3)),
            .slab(.nameIndexCount(count: 7, names: 7)),
            .slab(.onTwoLists(cache: "c", slab: 7)),
            .slab(.listMismatch(cache: "c", slab: 7, says: .partial, on: .partial)),
            .slab(.notSlabBlock(cache: "c", slab: 7)),
            .slab(.freelistMismatch(cache: "c", slab: 7)),
            .slab(.freelistHoldsUsed(cache: "c")),
            .slab(.inuse(cache: "c", slab: 7, inuse: 7, counted: 7)),
            .slab(.fullWithFree(cache: "c")),
            .slab(.freeWithUsed(cache: "c")),
            .slab(.partialNotPartial(cache: "c")),
            .slab(.nodePartialWithoutFree(cache: "c")),
            .slab(.unlistedWithFree(cache: "c")),
            .slab(.fullListWithFree(cache: "c")),
            .slab(.cpuSlabNotHeld(cache: "c", cpu: 7)),
            .slab(.arrayOverLimit(cache: "c", cpu: 7, count: 7, limit: 7)),
            .slab(.sharedArrayOverLimit(cache: "c")),
            .slab(.arrayEntries(cache: "c", entries: 7, cached: 7)),
            .slab(.arrayEntryNotCached(cache: "c", address: 0x1000)),
            .slab(.slubArrayCache(cache: "c")),
            .slab(.slabBlocks(inMemory: 7, known: 7)),
    ]

    @Test func everyInvariantCheckHasItsOwnWordsInBothLanguages() {
        let m = Self.everyViolation.map(Message.invariant)
        #expect(Set(m.map(\.en)).count == m.count, "two checks share English words")
        #expect(Set(m.map(\.ko)).count == m.count, "two checks share Korean words")
        for x in m {
            // A few are formulas (managed ≠ free + pcp + allocated) and read the same; every other one is Korean.
            #expect(Self.hasHangul(x.ko) || x.ko == x.en, "\(x.ko)")
            for glued in ["(으)", "을(를)", "이(가)", "은(는)", "와(과)"] { #expect(!x.ko.contains(glued), "\(x.ko)") }
        }
        // The English is what validate printed before the checks returned facts.
        #expect(Message.invariant(.pageAlloc(.pcpCount(cpu: 0, zone: .normal, count: 5, listed: 4))).en == "cpu 0 zone Normal: pcp count 5 but lists hold 4")
        #expect(Message.invariant(.slab(.listMismatch(cache: "t", slab: 0x1000, says: .partial, on: .full))).en == "slab: t: slab 0x1000 says partial but is on full")
        #expect(Message.invariant(.vmalloc(.areaSize(start: 0xffffc90000000000, size: 8192, pages: 1))).en
                == "vmalloc area at 0xffffc90000000000: size 8192 ≠ 1 pages + guard")
        #expect(Message.invariant(.cpu(.stackBlock(pid: 3, pfn: 0x20, state: .buddy, owner: .none, order: 2))).en
                == "pid 3: stack block at pfn 0x20 is buddy owner none order 2")
    }

    @Test func validateNamesTheBreakInTheSessionLanguage() throws {
        var sh = try Shell(params: Self.small)
        let z = try #require(sh.session.kernel.zones.firstIndex { $0.type == .normal })
        let count = sh.session.kernel.pcpLists.count(zone: z, cpu: 0)
        sh.session.kernel.pcpLists.addCount(zone: z, cpu: 0, 1)
        let en = sh.execute("validate")
        #expect(!en.succeeded)
        #expect(en.stderr.contains("\n  cpu 0 zone Normal: pcp count \(count + 1) but lists hold \(count)"), "\(en.stderr)")
        sh.session.language = .ko
        let ko = sh.execute("validate")
        #expect(ko.stderr.contains("\n  cpu 0 zone Normal: pcp count는 \(count + 1)인데 리스트에는 \(count)페이지가 있습니다"), "\(ko.stderr)")
    }

    @Test func everyGFPNameHasASummaryInBothLanguages() {
        for n in GFPNames.all {
            let m = Message.gfpSummary(n.name)
            #expect(m != nil, "no words for \(n.name)")
            if let m, n.name != "__GFP_RECLAIM" { #expect(Self.hasHangul(m.ko), "\(n.name): \(m.ko)") }
        }
        for r in GFPNames.removed { #expect(Message.removedGFPReplacement(r.name) != nil, "no replacement for \(r.name)") }
        #expect(Message.gfpSummary("__GFP_NOSUCH") == nil)
    }

    @Test func helpGFPAndTheGFPViewSpeakKorean() throws {
        var sh = try Shell(params: Self.small)
        let en = sh.execute("help gfp").stdout
        #expect(en.contains("zone modifiers:\n") && en.contains("the usual kernel allocation; may sleep"))
        #expect(en.contains("  __GFP_COLD             → nothing: removed in 4.15, the per-CPU lists no longer keep cold pages\n"))
        sh.session.language = .ko
        let ko = sh.execute("help gfp").stdout
        #expect(ko.contains("존 지정자:\n") && ko.contains("보통의 커널 할당입니다. 잠들 수 있습니다"))
        for n in GFPNames.all { #expect(ko.contains("  " + n.name + " "), "\(n.name) missing from help gfp") }
        let view = sh.execute("gfp GFP_KERNEL|__GFP_NOWARN").stdout
        #expect(view.contains("  회수(reclaim) 지정자:"))
        #expect(view.contains("수면 가능:") && view.contains("실패하면:"))
        // The label column is 13 terminal columns wide in both languages (Hangul counts two).
        let rows = view.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") && !$0.contains("지정자") }
        try #require(rows.count >= 6)
        for r in rows {
            let label = String(r.prefix { $0 != ":" }) + ":"
            let after = r.dropFirst(label.count).prefix { $0 == " " }
            #expect(label.displayWidth + after.count == 15, "\(r)")
        }
        sh.session.language = .en
        #expect(sh.execute("alloc_pages __GFP_WAIT 0").stderr.contains("__GFP_WAIT no longer exists in Linux 6.6; use __GFP_DIRECT_RECLAIM"))
        sh.session.language = .ko
        #expect(sh.execute("alloc_pages __GFP_WAIT 0").stderr.contains("__GFP_WAIT 플래그는 Linux 6.6에 더 이상 없습니다. 대신 쓸 것: __GFP_DIRECT_RECLAIM"))
    }

    @Test func memblockRegionsAreNamedInTheSessionLanguage() throws {
        var sh = try Shell(params: Self.small)
        let en = sh.execute("memblock").stdout
        #expect(en.contains("  early page tables, ACPI tables, boot allocations\n") && en.contains("  mem_map (struct page array)\n"))
        #expect(en.contains("kernel image (init)"))
        sh.session.language = .ko
        let ko = sh.execute("memblock").stdout
        #expect(ko.contains("  초기 페이지 테이블, ACPI 테이블, 부트 중 할당\n") && ko.contains("mem_map (struct page 배열)"))
    }

    /// The slab reports no transcript reaches, printed as mm/slub.c and mm/slab_common.c print them.
    @Test func slabLogLinesAreTheKernelsText() throws {
        let sh = try Shell(params: Self.small)
        let k = sh.session.kernel
        func text(_ s: SlabReport, trace: [String] = []) -> String {
            ReportRenderer.render(KernelReport(kind: .slab(s), comm: "insmod", pid: 1234, cpu: 0, taint: "", callTrace: trace), kernel: k)
        }
        let oom = SlubOutOfMemory(gfp: .kernel, cache: "big", objectSize: 4000, size: 4000, order: 3, minOrder: 0, slabs: 5, objects: 40, free: 0)
        #expect(text(.slubOutOfMemory(oom)) == """
            SLUB: Unable to allocate memory on node -1, gfp=0xcc0(GFP_KERNEL)
              cache: big, object size: 4000, buffer size: 4000, default order: 3, min order: 0
              node 0: slabs: 5, objs: 40, free: 0

            """)
        #expect(text(.unexpectedGFP(invalid: .dma32, fixed: .kernel)) == "Unexpected gfp: 0x4 (GFP_DMA32). Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!\n")
        #expect(text(.createFailed(cache: "x", error: -22), trace: ["dump_stack_lvl"]) == "kmem_cache_create(x) failed with error -22\n")
        #expect(text(.slubTrace(cache: "t", alloc: true, object: 0xffff888000001000, inuse: 3, freePointer: nil))
                == "TRACE t alloc 0x\(Format.hashedPointer(0xffff888000001000, is64Bit: true)) inuse=3 fp=0x0000000000000000\n")
        // The JSON carries the facts; a grader's severity words are unchanged.
        #expect(ReportClass(KernelReport(kind: .slab(.unexpectedGFP(invalid: .dma32, fixed: .kernel)), comm: "", pid: 0, cpu: 0, taint: "")).severity == .info)
        #expect(ReportClass(KernelReport(kind: .slab(.wrongCache(named: "a", objectFrom: "b")), comm: "", pid: 0, cpu: 0, taint: "")).severity == .warning)
        let (kind, fields) = ReportJSON.kindAndFields(.slab(.slubOutOfMemory(oom)), is64: true)
        #expect(kind == "slub_out_of_memory" && fields.contains { $0.0 == "min_order" })
    }
}

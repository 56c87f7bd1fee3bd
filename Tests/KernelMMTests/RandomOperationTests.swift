import Testing
@testable import KernelMM

/// Thousands of random allocations and frees (with misuse mixed in); the invariants hold after every step.
@Suite struct RandomOperationTests {
    @Test(arguments: [(Architecture.x86_64, true), (.x86_64, false), (.i386, true), (.sparc64, true)])
    func invariantsHoldAfterEveryOperation(arch: Architecture, pcp: Bool) throws {
        var k = try boot {
            $0.arch = arch
            $0.memory = arch == .sparc64 ? 128 << 20 : 64 << 20
            $0.pcpLists = pcp
            $0.cpus = 2
        }
        var rng = SeededRandom(seed: 88_172_645_463_325_252)
        var live: [(PFN, Int)] = []
        let masks: [GFPFlags] = [.kernel, .atomic, .nowait, .highuserMovable, [.kernel, .reclaimable], .gfpDMA, [.kernel, .comp], [.kernel, .nowarn, .noretry]]
        for step in 0..<2500 {
            let r = rng.next()
            if live.isEmpty || r & 3 < 2 {
                let k16 = Int((r >> 8) % 16)
                let order = k16 < 8 ? 0 : k16 < 11 ? 1 : k16 < 13 ? 2 : k16 < 14 ? 3 : Int((r >> 16) % 11)
                if let p = k.allocPages(masks[rng.below(masks.count)].union(.nowarn), order: order) { live.append((p, order)) }
            } else {
                let i = rng.below(live.count)
                let (p, order) = live[i]
                switch rng.below(20) {
                case 0: k.freePages(p, order: order + 1) // too big: refused
                case 1 where order > 0:
                    // too small: frees the front, leaks the rest
                    k.freePages(p, order: order - 1)
                    live.remove(at: i)
                    continue
                default:
                    break
                }
                #expect(k.freePages(p, order: order) == .freed)
                live.remove(at: i)
                if rng.below(10) == 0 { k.freePages(p, order: order) } // double free: refused
            }
            if rng.below(200) == 0 { k.drainAllPages() }
            if rng.below(97) == 0 { k.currentCPU = rng.below(k.cpus.count) }
            do { try k.checkInvariants() } catch {
                Issue.record("step \(step): \(error)")
                return
            }
        }
        for (p, o) in live { k.freePages(p, order: o) }
        k.drainAllPages()
        try k.checkInvariants()
    }
}

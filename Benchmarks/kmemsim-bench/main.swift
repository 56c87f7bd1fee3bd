// The page allocator benchmark: the trace of ../shared/bench/refbuddy.c (same rng, same op mix, same seed) run on
// kmemsim's allocator through its public entry points (alloc_pages / __free_pages: zonelist walk, watermark checks,
// pcp lists when on, reports on failure suppressed with __GFP_NOWARN).
// Usage: kmemsim-bench [MEMORY_BYTES] [OPS] [SEED]            the page allocator, pcp off then on
//        kmemsim-bench slab [MEMORY_BYTES] [OPS] [SEED]       kmalloc/kfree and kmem_cache_alloc/free on a random trace
//        kmemsim-bench boot [MEMORY_BYTES] [OPS] [SEED]       one machine (pcp off): boot time, and peak RSS of one boot
// Benchmarks/compare runs these beside their references.
import KernelMM
#if canImport(Glibc)
import Glibc
#endif

var args = CommandLine.arguments
let slabMode = args.count > 1 && args[1] == "slab"
let bootMode = args.count > 1 && args[1] == "boot"
if slabMode || bootMode { args.remove(at: 1) }
let memory = args.count > 1 ? UInt64(args[1]) ?? (4 << 30) : 4 << 30
let ops = args.count > 2 ? Int(args[2]) ?? 10_000_000 : 10_000_000
let seed = args.count > 3 ? UInt64(args[3]) ?? 88_172_645_463_325_252 : 88_172_645_463_325_252

/// refbuddy's rng: xorshift64, one draw per operation.
struct XorShift64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

func run(pcp: Bool) -> String {
    var params = BootParams()
    params.memory = memory
    params.pcpLists = pcp
    let clock = ContinuousClock()
    let t0 = clock.now
    guard var k = try? Kernel(booting: params) else { return "boot failed" }
    let t1 = clock.now
    var rng = XorShift64(state: seed)
    // Plain buffers, as refbuddy's malloc()ed arrays: an Array's append and removeLast check uniqueness and capacity
    // on every operation, which is the harness's cost, not the allocator's.
    let live = UnsafeMutablePointer<PFN>.allocate(capacity: max(ops, 1))
    let liveOrder = UnsafeMutablePointer<UInt8>.allocate(capacity: max(ops, 1))
    defer { live.deallocate(); liveOrder.deallocate() }
    var nrLive = 0
    var fails = 0
    let gfp: GFPFlags = [.nowait, .nowarn]
    for _ in 0..<ops {
        let r = rng.next()
        if nrLive == 0 || (r & 3) < 2 {
            let k16 = Int((r >> 8) % 16)
            let order = k16 < 8 ? 0 : k16 < 11 ? 1 : k16 < 13 ? 2 : k16 < 14 ? 3 : Int((r >> 16) % 11)
            if let p = k.allocPages(gfp, order: order) {
                live[nrLive] = p
                liveOrder[nrLive] = UInt8(order)
                nrLive += 1
            } else {
                fails += 1
            }
        } else {
            let i = Int((r >> 8) % UInt64(nrLive))
            let p = live[i], o = Int(liveOrder[i])
            live[i] = live[nrLive - 1]
            liveOrder[i] = liveOrder[nrLive - 1]
            nrLive -= 1
            k.freePages(p, order: o)
        }
    }
    let t2 = clock.now
    func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
    let nsPerOp = ms(t2 - t1) * 1e6 / Double(ops)
    let boot = ms(t1 - t0)
    return "frames=\(k.frames.count) ops=\(ops) fails=\(fails) live=\(nrLive) boot_ms=\(String(format1: boot)) ns_per_op=\(String(format1: nsPerOp)) bytes_per_frame=\(MemoryLayout<PageFrame>.stride) pcp=\(pcp ? "on" : "off")"
}

extension String {
    /// One decimal, without Foundation.
    init(format1 v: Double) {
        let t = Int((v * 10).rounded())
        self = "\(t / 10).\(abs(t % 10))"
    }
}

/// kmalloc/kfree, then kmem_cache_alloc/free on a 192-byte cache, on the same xorshift trace: allocate when nothing
/// is live or (r & 3) < 2 (kmalloc sizes 8…8192 by r), else free a random live object.
func runSlab() -> [String] {
    var params = BootParams()
    params.memory = memory
    guard var k = try? Kernel(booting: params) else { return ["boot failed"] }
    guard case .success = k.kmemCacheCreate(name: "bench_cache", size: 192) else { return ["kmem_cache_create failed"] }
    let sizes = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192]
    let gfp: GFPFlags = [.nowait, .nowarn]
    func trace(_ name: String, alloc: (inout Kernel, UInt64) -> UInt64?, free: (inout Kernel, UInt64) -> Void) -> String {
        var rng = XorShift64(state: seed)
        var live = ContiguousArray<UInt64>()
        live.reserveCapacity(ops / 2)
        var fails = 0
        let clock = ContinuousClock()
        let t0 = clock.now
        for _ in 0..<ops {
            let r = rng.next()
            if live.isEmpty || (r & 3) < 2 {
                if let a = alloc(&k, r) { live.append(a) } else { fails += 1 }
            } else {
                let i = Int((r >> 8) % UInt64(live.count))
                let a = live[i]
                live[i] = live[live.count - 1]
                live.removeLast()
                free(&k, a)
            }
        }
        let d = clock.now - t0
        let ns = (Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9) / Double(ops)
        for a in live { free(&k, a) }
        return "\(name) ops=\(ops) fails=\(fails) ns_per_op=\(String(format1: ns))"
    }
    return [
        trace("kmalloc/kfree", alloc: { k, r in k.kmalloc(sizes[Int((r >> 8) % UInt64(sizes.count))], gfp: gfp) },
              free: { k, a in _ = k.kfree(a) }),
        trace("kmem_cache_alloc/free", alloc: { k, _ in k.kmemCacheAlloc("bench_cache", gfp: gfp) },
              free: { k, a in _ = k.kmemCacheFree("bench_cache", a) }),
    ]
}

if slabMode {
    for line in runSlab() { print(line) }
} else if bootMode {
    print(run(pcp: false))
} else {
    print(run(pcp: false))
    print(run(pcp: true))
}

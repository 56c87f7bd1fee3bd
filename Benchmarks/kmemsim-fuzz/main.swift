import KernelMM
import KmemsimFuzz
#if canImport(Glibc)
import Glibc
#endif

// kmemsim-fuzz [COMMANDS] [SEED]: COMMANDS seeded lines (default 1,000,000) spread over every machine of
// ShellFuzzer.machines, each line checked (failed → unchanged, refused → memory unchanged, invariants after any
// change). Prints the figures; exits 1 on any break. Run it release-built: Benchmarks/fuzz.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Unbuffered, so a long run shows each machine as it finishes.
func say(_ s: String) {
    let t = s + "\n"
    _ = t.withCString { write(1, $0, strlen($0)) }
}

func seconds(_ t: Double) -> String { String(Double(Int(t * 10)) / 10) }

let args = CommandLine.arguments.dropFirst()
let total = args.first.flatMap { Int($0) } ?? 1_000_000
let seed = args.dropFirst().first.flatMap { UInt64($0) } ?? 1
let machines = ShellFuzzer.machines
let dir = ShellFuzzer.temporaryDirectory()
var all = ShellFuzzer.Stats()
let start = now()
for (i, m) in machines.enumerated() {
    let share = total / machines.count + (i < total % machines.count ? 1 : 0)
    let t0 = now()
    do {
        var f = try ShellFuzzer(machine: m, seed: seed &+ UInt64(i), directory: dir, lessonStartOneIn: 5000)
        // Runs in slices: a slice that started lessons or booted bigger machines does not slow the next one.
        var done = 0
        var s = ShellFuzzer.Stats()
        while done < share {
            let n = min(10_000, share - done)
            s = s + f.run(n)
            done += n
        }
        all = all + s
        say("\(m): \(s.commands) lines in \(seconds(now() - t0)) s; ok \(s.succeeded), failed \(s.failed), refused \(s.refused), changed the kernel \(s.changedKernel); invariant breaks \(s.invariantBreaks), failed-but-changed \(s.failedButChanged), refused-but-changed \(s.refusedButChanged)")
    } catch {
        say("\(m): cannot boot: \(error)")
        exit(2)
    }
}
let elapsed = now() - start
say("total: \(all.commands) lines in \(seconds(elapsed)) s (\(Int(Double(all.commands) / elapsed)) lines/s), \(all.validations) full invariant checks, 0 traps, \(all.invariantBreaks) invariant breaks, \(all.failedButChanged) failed lines that changed the session, \(all.refusedButChanged) refused lines that changed memory")
for f in all.findings.prefix(50) { say("  " + f) }
exit(all.clean ? 0 : 1)

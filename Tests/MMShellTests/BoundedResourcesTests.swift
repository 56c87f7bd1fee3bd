import KernelMM
@testable import MMShell
import Testing

/// No command takes unbounded time or memory (issue 17): each of these either works in bounded time or is refused
/// with an error that names the limit, in English and in Korean, and the machine stays consistent.
@Suite struct BoundedResourcesTests {
    static func shell(_ boot: String, lang: Language = .en) throws -> Shell {
        var p = BootParams()
        try BootParamParser.apply(boot.split(separator: " ").map(String.init), to: &p)
        var sh = try Shell(params: p)
        sh.session.language = lang
        return sh
    }

    /// A script that creates 100,000 caches: each lookup by name walks every cache and alias, so kmemsim stops at
    /// Limits.slabCaches and says so; every later line is refused at once with the same words.
    @Test func hundredThousandCachesStopAtTheLimitAndSaySo() throws {
        var sh = try Self.shell("mem=64M cpus=2")
        let boot = sh.session.kernel.slab.caches.reduce(0) { $0 + 1 + $1.aliases.count }
        var created = 0
        var firstRefusal: String?
        for i in 0..<100_000 {
            let r = sh.execute("kmem_cache_create c\(i) \(i % 2 == 0 ? 64 : 200)")
            if r.succeeded { created += 1; continue }
            if firstRefusal == nil { firstRefusal = r.stderr }
            let same = r.stderr.hasSuffix(": kmemsim keeps at most 4096 slab caches and aliases, and there are 4096; destroy some with kmem_cache_destroy first\n")
            #expect(same, "line \(i): \(r.stderr)")
            if !same { break }
        }
        #expect(created == Limits.slabCaches - boot)
        #expect(firstRefusal?.contains("kmemsim keeps at most 4096 slab caches and aliases, and there are 4096; destroy some with kmem_cache_destroy first") == true, "\(firstRefusal ?? "")")
        #expect(sh.session.kernel.invariantViolations().isEmpty)
        // Destroying one (here an alias of c0) makes room for one.
        #expect(sh.execute("kmem_cache_destroy c2").succeeded)
        #expect(sh.execute("kmem_cache_create again 64").succeeded)
        #expect(!sh.execute("kmem_cache_create again2 64").succeeded)
        sh.session.language = .ko
        #expect(sh.execute("kmem_cache_create again3 64").stderr.contains("최대 4096개까지 둘 수 있는데, 이미 4096개가 있습니다"))
    }

    /// 100,000 `task create`: copy_process() stops at max_threads (RAM / (8 × THREAD_SIZE): 512 on 64 MiB of
    /// x86-64 with 16 KiB stacks) with -EAGAIN before allocating anything, as the kernel does.
    /// A grading script with thousands of named results: a mistyped `$name` names the few nearest variables (and
    /// how many there are), in a line of bounded length, not every variable defined.
    @Test func unknownVariableNamesTheNearestFewNotAll() throws {
        var sh = try Self.shell("mem=64M cpus=2")
        for i in 0..<1000 { #expect(sh.execute("v\(i) = print \(i)").succeeded) }
        let r = sh.execute("print $v12x")
        #expect(!r.succeeded)
        #expect(r.stderr.contains("no variable $v12x; the nearest of 1001 defined: $v12 $v120 $v121 $v122 $v123 $v124 $v125 $v126 ("), "\(r.stderr)")
        #expect(r.stderr.contains("('vars' lists them all)"))
        #expect(r.stderr.utf8.count < 200, "\(r.stderr.utf8.count) bytes")
        sh.session.language = .ko
        let k = sh.execute("kfree $v12x")
        #expect(k.stderr.contains("$v12x 변수는 없습니다. 정의된 변수 1001개 가운데 이름이 가장 비슷한 것은 $v12 "), "\(k.stderr)")
        // A few variables are still all listed.
        var few = try Self.shell("mem=64M cpus=2")
        _ = few.execute("p = alloc_pages GFP_KERNEL 0")
        #expect(few.execute("print $q").stderr.contains("no variable $q; defined: $_ $p"))
    }

    @Test func hundredThousandTasksStopAtMaxThreads() throws {
        var sh = try Self.shell("mem=64M cpus=2")
        let k = sh.session.kernel
        let managed = k.zones.reduce(0) { $0 + $1.managedPages }
        #expect(k.maxThreads == managed * 4096 / (8 * 16384))
        let room = k.maxThreads - k.nrThreads
        var created = 0, refused = 0
        var before = sh.session.kernel
        for i in 0..<100_000 {
            let r = sh.execute("t = task create w\(i)")
            #expect(r.succeeded, "\(r.stderr)")
            if case .int(let pid)? = sh.session.variables["t"], pid > 0 { created += 1; before = sh.session.kernel; continue }
            refused += 1
            if refused == 1 {
                #expect(r.stdout.contains("kernel_clone() returned -EAGAIN: \(k.maxThreads) tasks already run and this machine allows max_threads = \(k.maxThreads) (kernel/fork.c set_max_threads(): RAM / (8 × THREAD_SIZE)); end some with 'task exit PID' or boot with more memory"), "\(r.stdout)")
                // Nothing was allocated or logged; only the clock moved.
                #expect(sh.session.kernel.frames == before.frames && sh.session.kernel.slab == before.slab && sh.session.kernel.log == before.log)
            }
        }
        #expect(created == room)
        #expect(sh.session.variables["t"] == .int(-11))
        #expect(sh.session.kernel.invariantViolations().isEmpty)
        sh.session.language = .ko
        #expect(sh.execute("task create more").stdout.contains("kernel_clone()의 반환값은 -EAGAIN입니다"))
    }

    /// vmalloc until the range is full (i386: about 120 MiB of vmalloc space, more HighMem than that behind it):
    /// the kernel's own "vmap allocation … failed: use vmalloc=<size> to increase size", NULL, and a sane machine.
    @Test func vmallocUntilTheRangeIsFull() throws {
        var sh = try Self.shell("arch=i386 mem=1G cpus=1")
        var ok = 0
        var failure: LineOutcome?
        for i in 0..<200 {
            let r = sh.execute("v\(i) = vmalloc 4M")
            if case .address? = sh.session.variables["v\(i)"] { ok += 1; continue }
            failure = r
            break
        }
        #expect(ok > 10 && ok < 40, "\(ok) areas of 4 MiB")
        #expect(failure?.stdout.contains("vmap allocation for size 4198400 failed: use vmalloc=<size> to increase size") == true, "\(failure?.stdout.prefix(300) ?? "")")
        // The range is the booted kernel's (its start follows the boot configuration).
        let said = failure?.stdout ?? ""
        #expect(said.contains("No gap of 4198400 bytes is left in the vmalloc range [0x") && said.contains("). Nothing was allocated."), "\(said.suffix(300))")
        #expect(sh.session.kernel.invariantViolations().isEmpty)
        var ko = sh
        ko.session.language = .ko
        let koSaid = ko.execute("vmalloc 4M").stdout
        #expect(koSaid.contains("vmalloc 범위 [0x") && koSaid.contains(")에 4198400바이트짜리 빈틈이 남아 있지 않습니다"), "\(koSaid.suffix(300))")
        // Freeing one area makes room again.
        #expect(sh.execute("vfree $v0").succeeded)
        #expect(sh.execute("w = vmalloc 4M").stdout.contains("0x"))
    }

    /// `mem=1P` is a size (T and P are suffixes like K, M and G) that no machine here can have: the error names the
    /// largest and the fix, in both languages; `cpus=100000` names the range.
    @Test func hugeMachinesAreRefusedNamingTheLimit() throws {
        #expect(NumberParser.size("1P") == 1 << 50)
        #expect(NumberParser.size("2T") == 2 << 40)
        #expect(NumberParser.size("1TiB") == 1 << 40)
        #expect(NumberParser.size("16384P") == nil, "2^64 overflows")
        var sh = try Self.shell("mem=64M cpus=1")
        let before = sh.session.kernel
        let r = sh.execute("boot mem=1P")
        #expect(r.stderr.contains("cannot boot: mem=1 PiB is more than x86_64 supports here (at most 64 GiB); give mem=64G or less"), "\(r.stderr)")
        #expect(sh.execute("boot arch=i386 mem=1T").stderr.contains("(at most 4 GiB); give mem=4G or less"))
        #expect(sh.execute("boot cpus=100000").stderr.contains("cpus=100000: choose 1 to 64"))
        #expect(sh.session.kernel == before)
        sh.session.language = .ko
        #expect(sh.execute("boot mem=1P").stderr.contains("(최대 64 GiB). mem=64G 이하로 주세요"))
    }
}

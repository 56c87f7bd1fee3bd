import KernelMM
import Testing
@testable import MMShell

/// Kernel C at the prompt and in module files: the book's listings run as written, error paths, modules that leak
/// or sleep in atomic context, and bad code reported with its place.
@Suite struct CInterpreterTests {
    static let base: Shell? = {
        var params = BootParams()
        guard (try? BootParamParser.apply(["arch=x86_64", "mem=256M", "cpus=2"], to: &params)) != nil else { return nil }
        return try? Shell(params: params)
    }()

    static var fixtures: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        parts.removeLast()
        return parts.joined(separator: "/") + "/CFixtures"
    }

    /// Feeds a file to the shell as the executable does: a C statement left open continues on the next lines.
    static func runScript(_ shell: inout Shell, _ text: String, file: String) -> (stdout: String, stderr: String, ok: Bool) {
        var out = "", err = "", ok = true
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let start = i + 1
            var line = lines[i]
            i += 1
            while shell.session.needsMoreInput(line), i < lines.count {
                line += "\n" + lines[i]
                i += 1
            }
            let r = shell.execute(line, source: file, line: start)
            out += r.stdout
            err += r.stderr
            ok = ok && r.succeeded
        }
        return (out, err, ok)
    }

    static func fixture(_ name: String) throws -> String {
        try #require(FileOutput.read(fixtures + "/" + name))
    }

    func allocatedObjects(_ k: Kernel, _ cache: String) -> Int {
        guard let ci = k.slab.index(named: cache) else { return -1 }
        return k.slab.caches[ci].slabs.values.reduce(0) { $0 + $1.objects.filter { $0 == .allocated }.count }
    }

    @Test func getFreePagesListingRunsAndFreesItsPages() throws {
        var sh = try #require(Self.base)
        let r = Self.runScript(&sh, try Self.fixture("book-get-free-pages.c"), file: "book-get-free-pages.c")
        #expect(r.ok, "\(r.stderr)")
        guard case .address(let a)? = sh.session.variables["page"] else { Issue.record("page is not an address"); return }
        #expect(sh.session.c.types["page"] == .unsignedLong)
        let pfn = try #require(sh.session.kernel.directMapPFN(a))
        #expect(sh.session.kernel.frames[pfn].state != .allocated)
        #expect(r.stdout.contains("order-3 block"))
    }

    @Test func allocPagesListingGetsTheDirectMapAddress() throws {
        var sh = try #require(Self.base)
        let r = Self.runScript(&sh, try Self.fixture("book-alloc-pages.c"), file: "book-alloc-pages.c")
        #expect(r.ok, "\(r.stderr)")
        guard case .page(let p)? = sh.session.variables["page"], case .address(let a)? = sh.session.variables["addr"] else {
            Issue.record("page/addr not set: \(sh.session.variables)"); return
        }
        #expect(sh.session.kernel.pageAddress(p.raw) == a)
        #expect(sh.session.kernel.frames[p.raw].state != .allocated)
    }

    @Test func kmallocListingUsesTheRightCachesAndFreesBoth() throws {
        var sh = try #require(Self.base)
        let before64 = allocatedObjects(sh.session.kernel, "kmalloc-64"), before512 = allocatedObjects(sh.session.kernel, "kmalloc-512")
        let r = Self.runScript(&sh, try Self.fixture("book-kmalloc.c"), file: "book-kmalloc.c")
        #expect(r.ok, "\(r.stderr)")
        // struct dog is 48 bytes on x86_64: a kmalloc-64 object.
        #expect(r.stdout.contains("of kmalloc-64"))
        #expect(r.stdout.contains("of kmalloc-512"))
        #expect(allocatedObjects(sh.session.kernel, "kmalloc-64") == before64)
        #expect(allocatedObjects(sh.session.kernel, "kmalloc-512") == before512)
    }

    @Test func slabListingRunsAsWrittenWithANoteForSLAB_NOTRACK() throws {
        var sh = try #require(Self.base)
        let before = allocatedObjects(sh.session.kernel, "task_struct")
        let r = Self.runScript(&sh, try Self.fixture("book-slab.c"), file: "book-slab.c")
        #expect(r.ok, "\(r.stderr)")
        #expect(r.stdout.contains("note: SLAB_NOTRACK was removed in Linux 4.15"))
        #expect(r.stdout.contains("the task_struct cache already exists"))
        #expect(r.stdout.contains("of task_struct"))
        #expect(sh.session.variables["task_struct_cachep"] == .string("task_struct"))
        #expect(allocatedObjects(sh.session.kernel, "task_struct") == before)
    }

    @Test func vmallocAndPercpuListingGiveEverythingBack() throws {
        var sh = try #require(Self.base)
        let areas = sh.session.kernel.vmalloc.areas.count
        let r = Self.runScript(&sh, try Self.fixture("book-vmalloc-percpu.c"), file: "book-vmalloc-percpu.c")
        #expect(r.ok, "\(r.stderr)")
        #expect(sh.session.kernel.vmalloc.areas.count == areas)
        guard case .address(let p)? = sh.session.variables["percpu"] else { Issue.record("percpu not set"); return }
        #expect(sh.session.kernel.percpuAllocation(at: p) == nil)
    }

    @Test func gotoErrorPathsUndoInReverseOrder() throws {
        var sh = try #require(Self.base)
        let before = allocatedObjects(sh.session.kernel, "kmalloc-128")
        let r = Self.runScript(&sh, try Self.fixture("goto-out.c"), file: "goto-out.c")
        #expect(r.ok, "\(r.stderr)")
        #expect(r.stdout.contains("defined int setup_buffers(int fail_second)"))
        #expect(sh.session.variables["ok"] == .int(0))
        #expect(sh.session.variables["err"] == .int(-12))
        #expect(allocatedObjects(sh.session.kernel, "kmalloc-128") == before)
    }

    @Test func bareNamesAndDollarNamesAreTheSameVariables() throws {
        var sh = try #require(Self.base)
        #expect(sh.execute("void *x = kmalloc(100, GFP_KERNEL);").succeeded)
        let r = sh.execute("kfree $x")
        #expect(r.succeeded, "\(r.stderr)")
        #expect(sh.execute("p = alloc_pages GFP_KERNEL 1").succeeded)
        let f = sh.execute("__free_pages(p, 1);")
        #expect(f.succeeded, "\(f.stderr)")
    }

    @Test func arithmeticFollowsTheArchitecture() throws {
        var sh = try #require(Self.base)
        _ = sh.execute("unsigned int u = 0;")
        _ = sh.execute("u = u - 1;")
        #expect(sh.session.variables["u"] == .int(4_294_967_295))
        _ = sh.execute("int n = 7 / 2 + (3 > 2 && !0) - (1 || 0) * 4;")
        #expect(sh.session.variables["n"] == .int(7 / 2 + 1 - 4))
        _ = sh.execute("struct page *pg = alloc_pages(GFP_KERNEL, 1);")
        _ = sh.execute("struct page *next = pg + 1;")
        guard case .page(let a)? = sh.session.variables["pg"], case .page(let b)? = sh.session.variables["next"] else {
            Issue.record("pages not set"); return
        }
        #expect(b.raw == a.raw + 1)
        _ = sh.execute("unsigned long delta = (unsigned long)next - (unsigned long)pg;")
        #expect(sh.session.variables["delta"] == .int(64))
        _ = sh.execute("long *lp = (long *)0x1000; lp = lp + 2;")
        #expect(sh.session.variables["lp"] == .address(0x1010))
    }

    @Test func aRunawayLoopStopsAndKeepsTheStateItReached() throws {
        var sh = try #require(Self.base)
        sh.session.c.stepLimit = 500
        let before = allocatedObjects(sh.session.kernel, "kmalloc-32")
        let r = sh.execute("while (1) kmalloc(32, GFP_KERNEL);")
        #expect(!r.succeeded)
        #expect(r.stderr.contains("stopped after 500 steps"))
        #expect(r.stderr.contains("^"))
        #expect(allocatedObjects(sh.session.kernel, "kmalloc-32") > before + 100)
        #expect(throws: Never.self) { try sh.session.kernel.checkInvariants() }
    }

    @Test func badCodeIsReportedWithItsPlace() throws {
        var sh = try #require(Self.base)
        let cases: [(String, String)] = [
            ("int x = ;", "1:9: error: expected an expression before ';'"),
            ("kfree(y);", "1:7: error: 'y' undeclared (first use here)"),
            ("kmalloc(100, GFP_KERNL);", "did you mean 'GFP_KERNEL'?"),
            ("foo(1);", "kmemsim does not model foo()"),
            ("void *q = kmalloc(8, GFP_KERNEL); *q = 3;", "dereferencing memory is not modelled"),
            ("memset(q, 0, 8);", "memset() reads or writes the bytes of memory"),
            ("sizeof(struct nosuch);", "struct nosuch is not defined"),
            ("kmalloc(100);", "kmalloc() takes 2 arguments, 1 given"),
            ("if (1) { kfree(q);", "expected '}' before end of input"),
        ]
        for (input, expected) in cases {
            let r = sh.execute(input)
            #expect(!r.succeeded, "\(input) succeeded")
            #expect(r.stderr.contains(expected), "\(input): \(r.stderr)")
        }
    }

    @Test func continuationIsAskedForUntilTheStatementCloses() {
        #expect(CInput.needsMore("static int __init dog_init(void)"))
        #expect(CInput.needsMore("if (!page) {"))
        #expect(CInput.needsMore("p = kmalloc(sizeof(struct dog),"))
        #expect(CInput.needsMore("/* a comment"))
        #expect(CInput.needsMore("if (!page)"))
        #expect(!CInput.needsMore("kfree(p);"))
        #expect(!CInput.needsMore("printk(\"{ not a brace\");"))
        #expect(!CInput.needsMore("void *x = kmalloc(100, GFP_KERNEL);"))
    }

    @Test func aLeakyModuleIsCaughtAtRmmod() throws {
        var sh = try #require(Self.base)
        let load = sh.execute("insmod \(Self.fixtures)/leaky.c")
        #expect(load.succeeded, "\(load.stderr)")
        #expect(load.stdout.contains("leaky: running leaky_init() in process context (insmod, pid 1234)"))
        #expect(sh.execute("lsmod").stdout.contains("leaky "))
        let un = sh.execute("rmmod leaky")
        #expect(un.succeeded, "\(un.stderr)")
        // get_buf(64 * 3) kept by init: a kmalloc-192 object, with both functions in its backtrace.
        #expect(un.stdout.contains("(size 192):"))
        #expect(un.stdout.contains("    get_buf() [leaky]\n    leaky_init() [leaky]"))
        #expect(un.stdout.contains("pages never freed"))
        #expect(un.stdout.contains("kmemleak: 2 new suspected memory leaks from leaky"))
        #expect(!un.stdout.contains("__get_free_pages"))  // freed by leaky_exit
        #expect(!sh.execute("lsmod").stdout.contains("leaky "))
        // As in the kernel, what leaked stays allocated.
        #expect(throws: Never.self) { try sh.session.kernel.checkInvariants() }
    }

    @Test func aModuleThatSleepsUnderASpinlockGetsTheKernelsBUG() throws {
        var sh = try #require(Self.base)
        let load = sh.execute("insmod \(Self.fixtures)/atomic.c")
        #expect(load.succeeded, "\(load.stderr)")
        #expect(load.stdout.contains("BUG: sleeping function called from invalid context"))
        // get_lock_parent_ip() skips _raw_spin_lock: the kernel names the module function that took the lock.
        #expect(load.stdout.contains("Preemption disabled at:\n[<ffffffffc0a0b"), "\(load.stdout)")
        #expect(load.stdout.contains("] atomic_init+0x15/0x40 [atomic]\n"), "\(load.stdout)")
        let un = sh.execute("rmmod atomic")
        #expect(un.stdout.contains("atomic: no leaks"))
        #expect(sh.session.kernel.cpus[0].preemptCount == 0)
    }

    @Test func sizesFollowTheArchitecture() throws {
        var params = BootParams()
        try BootParamParser.apply(["arch=i386", "mem=64M", "cpus=1"], to: &params)
        var sh = try Shell(params: params)
        #expect(sh.execute("unsigned long s = sizeof(long) + sizeof(void *) + sizeof(struct page);").succeeded)
        #expect(sh.session.variables["s"] == .int(4 + 4 + 40))
        _ = sh.execute("struct dog { unsigned long weight; char name[20]; struct list_head list; };")
        let pt = sh.execute("ptype struct dog")
        #expect(pt.stdout.contains("/* size: 32, cachelines: 1, members: 3 */"), "\(pt.stdout)")
    }
}

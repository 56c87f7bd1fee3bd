import KernelMM
@testable import MMShell
import Testing

/// The result line of an allocation is written as bytes in English (ValueView's byte path); it must read exactly as
/// the catalog's words composed the general way, for pages and for every kind of address, or `--lang en` and
/// `--lang ko` would drift apart.
@Suite struct ValueLineTests {
    static func shell() throws -> Shell {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        return try Shell(params: p)
    }

    /// The line composed the general way: the catalog's English around the value.
    static func composed(_ v: ShellValue, name: String, _ k: Kernel) -> String {
        guard case .address(let a) = v else { return "$\(name) = " + ValueView.describe(v, kernel: k, lang: .en) }
        var s = "$\(name) = " + Format.hex(a)
        if let loc = k.locateSlabObject(a), let i = loc.index {
            s += "  [" + Message.slabObjectValue(index: i, cache: k.slab.caches[loc.cacheIndex].name, slabPFN: loc.slabPFN).en + "]"
        } else if let pfn = k.directMapPFN(a) {
            s += "  [pfn " + Format.hex(pfn) + ", " + Message.pageBlock(PageBlock(pfn, k)).en + "]"
        } else if k.isVmallocAddr(a) {
            s += "  [" + Message.vmallocAreaValue.en + "]"
        }
        return s
    }

    static func appended(_ v: ShellValue, name: String, _ k: Kernel) -> String? {
        let bytes = OutputBytes()
        guard ValueView.appendLine(v, name: name, kernel: k, lang: .en, to: bytes) else { return nil }
        return bytes.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test func slabObjectAndPageLinesReadAsTheCatalogSaysThem() throws {
        var sh = try Self.shell()
        let cache = String(repeating: "long_cache_name_", count: 6)
        for line in ["a = kmalloc 64 GFP_KERNEL", "b = kmalloc 64 GFP_KERNEL", "c = kmalloc 3000 GFP_KERNEL",
                     "kmem_cache_create \(cache) 200 ctor", "d = kmem_cache_alloc \(cache) GFP_KERNEL",
                     "e = kmem_cache_alloc \(cache) GFP_KERNEL", "p = alloc_pages GFP_KERNEL 2", "v = vmalloc 8K"] {
            #expect(sh.execute(line).succeeded, "\(line)")
        }
        let k = sh.session.kernel
        var values = ["a", "b", "c", "d", "e", "p", "v"].map { ($0, sh.session.variables[$0] ?? .none) }
        // An address inside an object (not its start), the addresses of pfn 0 and of $p's page, and one that no slab,
        // page or vmalloc area holds.
        if case .address(let a)? = sh.session.variables["e"] { values.append(("inside", .address(a + 8))) }
        values.append(("page0", .address(k.pageAddress(0) ?? 0)))
        if case .page(let pg)? = sh.session.variables["p"] { values.append(("pageOfP", .address(k.pageAddress(pg.raw) ?? 0))) }
        values.append(("nowhere", .address(0x1234)))
        var slabLines = 0
        for (name, v) in values {
            let line = ValueView.line(v, name: name, kernel: k, newline: true, lang: .en)
            #expect(line == Self.composed(v, name: name, k) + "\n", "\(name)")
            #expect(line == "$\(name) = " + ValueView.describe(v, kernel: k, lang: .en) + "\n", "\(name)")
            let bytes = try #require(Self.appended(v, name: name, k), "\(name)")
            #expect(bytes == line, "\(name)")
            if line.contains(", slab at pfn ") { slabLines += 1 }
        }
        #expect(slabLines == 6)   // a, b, c, d, e and the address inside e
        #expect(ValueView.line(values.first { $0.0 == "pageOfP" }!.1, name: "x", kernel: k, lang: .en).contains(", order-2 block, zone "))
        #expect(ValueView.line(values.first { $0.0 == "v" }!.1, name: "x", kernel: k, lang: .en).hasSuffix("  [vmalloc area]"))
        #expect(ValueView.line(values[4].1, name: "e", kernel: k, lang: .en).contains("[object 1 of \(cache), slab at pfn 0x"))
        // Korean keeps the catalog's own words.
        #expect(ValueView.line(values[0].1, name: "a", kernel: k, lang: .ko).contains("kmalloc-64의 객체 0, 슬랩은 pfn 0x"))
    }
}

import Testing
#if canImport(Glibc)
import Glibc
#endif

/// KernelMM returns facts; MMShell words them (issue 10). This scans KernelMM's string literals for English sentences
/// (four or more plain words) outside comments.
///
/// No file is exempt: invariant breaks, slab reports, gfp descriptions and memblock names are facts worded in
/// MMShell/Messages; only the kernel's own printk text (`kernelText`) stays in KernelMM.
@Suite struct NoSentencesTests {

    /// Literals that are internal keys, not sentences for a learner.
    static let allowed: Set<String> = [
        "irqs on in hardirq", // log.firstTime key (WARN_ONCE state), never shown
    ]

    /// The kernel's own printk text (mm/percpu.c, mm/vmalloc.c, mm/slab_common.c, mm/slub.c, trace events): it stays
    /// in the kernel's English by design.
    static let kernelText = [
        "percpu: allocation failed", "illegal size (", "call_site=", "vmalloc error: size", "vmap allocation for size",
        "va_start:", "Trying to vfree() ",
        "corrupted stack end detected inside scheduler", // kernel/sched/core.c schedule_debug()
        // The boot log (mm/mm_init.c, mm/page_alloc.c)
        "Freeing ", // mm/page_alloc.c:5507 free_reserved_area(): "Freeing %s memory: %ldK"
        "Movable zone start for each node", "Early memory node ranges", "Initmem setup node ", "pages in unavailable ranges",
        "Built 1 zonelists", "BIOS-provided physical RAM map", "percpu: Embedded ", "On node 0, zone ", "Memory: ",
        // .config menu titles (KernelConfig)
        "Processor type and features", "Memory Management options",
    ]

    static var kernelMMDirectory: String {
        // Tests/KernelMMTests/NoSentencesTests.swift → Sources/KernelMM
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return (parts + ["Sources", "KernelMM"]).joined(separator: "/")
    }

    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func swiftFiles(in dir: String, prefix: String = "") -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let rel = prefix.isEmpty ? name : prefix + "/" + name
            if name.hasSuffix(".swift") { out.append(rel) } else { out += swiftFiles(in: dir + "/" + name, prefix: rel) }
        }
        return out.sorted()
    }

    /// The string literals of one line of Swift, with interpolations blanked (comments skipped).
    static func literals(_ line: Substring) -> [String] {
        let t = line.drop { $0 == " " }
        if t.hasPrefix("//") { return [] }
        var out: [String] = [], cur = "", inString = false, depth = 0
        var it = Array(t).makeIterator()
        while let c = it.next() {
            if !inString {
                if c == "\"" { inString = true; cur = "" } else if c == "/", let n = it.next(), n == "/" { break }
                continue
            }
            if depth > 0 {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth == 0 { cur += " X " } }
                continue
            }
            if c == "\\" {
                guard let n = it.next() else { break }
                if n == "(" { depth = 1 } else { cur.append(n) }
            } else if c == "\"" {
                out.append(cur)
                inString = false
            } else {
                cur.append(c)
            }
        }
        return out
    }

    static func isSentence(_ s: String) -> Bool {
        if allowed.contains(s) || kernelText.contains(where: { s.hasPrefix($0) }) { return false }
        let words = s.split(separator: " ").filter { w in
            var w = Substring(w)
            if let l = w.last, ",.;:".contains(l) { w = w.dropLast() }
            guard let f = w.first, f.isLetter, f.isASCII else { return false }
            return w.dropFirst().allSatisfy { ($0.isLowercase && $0.isASCII) || $0 == "'" }
        }
        return words.count >= 4
    }

    static func filesWithSentences() -> [String: [String]] {
        var found: [String: [String]] = [:]
        for file in swiftFiles(in: kernelMMDirectory) {
            guard let text = read(kernelMMDirectory + "/" + file) else { continue }
            for line in text.split(separator: "\n") {
                for lit in literals(line) where isSentence(lit) { found[file, default: []].append(lit) }
            }
        }
        return found
    }

    @Test func theScannerSeesKernelMM() {
        #expect(Self.swiftFiles(in: Self.kernelMMDirectory).count > 40)
        #expect(Self.isSentence("the object was written after it was freed"))
        #expect(!Self.isSentence("call_site=X+0x1c/0x40 ptr=X"))
        #expect(Self.literals("note: \"pid \\(pid) needed \\(f(x)) bytes\") // a comment \"not this one\"") == ["pid  X  needed  X  bytes"])
    }

    @Test func noNewSentencesInKernelMM() {
        let found = Self.filesWithSentences()
        for (file, lits) in found.sorted(by: { $0.key < $1.key }) {
            Issue.record("\(file) holds English sentences; return facts and word them in MMShell/Messages: \(lits.prefix(3))")
        }
    }
}

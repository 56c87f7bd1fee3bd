import Testing
@testable import MMShell
@testable import KernelMM
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif

/// Small machines for the picture tests, booted once; each test takes a copy.
enum PictureMachines {
    /// 64 MiB x86_64, 2 CPUs, a few allocations of every kind.
    static let busy: Shell? = {
        var p = BootParams()
        p.memory = 64 << 20
        p.cpus = 2
        guard var s = try? Shell(params: p, settings: ShellSettings(columns: 80)) else { return nil }
        for line in ["p = alloc_pages GFP_KERNEL 3", "q = alloc_pages GFP_KERNEL 0", "v = vmalloc 20K", "x = kmalloc 100 GFP_KERNEL",
                     "c = kmem_cache_create my_cache 200", "o1 = kmem_cache_alloc my_cache GFP_KERNEL", "o2 = kmem_cache_alloc my_cache GFP_KERNEL",
                     "task create worker", "DEFINE_PER_CPU int hits", "pc = alloc_percpu 64"] {
            _ = s.execute(line)
        }
        return s
    }()

    static func shell(unicode: Bool = false) throws -> Shell {
        var s = try #require(busy)
        s.session.settings.unicode = unicode
        return s
    }
}

/// Golden pictures in Pictures/ (re-recorded with KMEMSIM_RECORD=1, like the transcripts).
enum Golden {
    static var directory: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Pictures"
    }

    static func check(_ name: String, _ actual: String) throws {
        let path = directory + "/" + name
        if getenv("KMEMSIM_RECORD") != nil {
            try FileOutput.write(actual, to: path, force: true) // re-recording replaces the golden file on purpose
            return
        }
        let expected = try #require(FileOutput.read(path), "no golden file \(path); record with KMEMSIM_RECORD=1")
        let diff = Transcript.firstDifference(expected: expected, actual: actual)
        #expect(diff == nil, "\(name): \(diff ?? "")")
    }
}

/// The checks every exported SVG must pass: well-formed XML with an <svg> root and a <title>, no scripts, links,
/// external fonts or images.
enum SVGCheck {
    static func problems(_ svg: String) -> [String] {
        var found: [String] = []
        do {
            let doc = try XMLDocument(xmlString: svg, options: [])
            guard let root = doc.rootElement() else { return ["no root element"] }
            if root.name != "svg" { found.append("root is \(root.name ?? "?")") }
            if root.elements(forName: "title").first?.stringValue?.isEmpty ?? true { found.append("no <title>") }
            var stack: [XMLElement] = [root]
            while let e = stack.popLast() {
                let name = e.name ?? ""
                if ["script", "foreignObject", "image", "a", "use", "style"].contains(name) { found.append("<\(name)>") }
                for a in e.attributes ?? [] {
                    let n = a.name ?? "", v = a.stringValue ?? ""
                    if n.hasPrefix("on") || n.contains("href") || v.contains("url(") || v.contains("http") && n != "xmlns" { found.append("attribute \(n)=\(v)") }
                }
                stack += e.children?.compactMap { $0 as? XMLElement } ?? []
            }
        } catch {
            found.append("not XML: \(error)")
        }
        return found
    }
}

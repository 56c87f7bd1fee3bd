import KernelMM

/// `snapshot FILE.html`: one self-contained page (inline CSS and SVG; no scripts, fonts, images or links) with the
/// machine's key numbers and its pictures — the same models the picture commands draw.
enum SnapshotPage {
    /// The pictures of a machine, in the page's order.
    static func pictures(_ s: ShellSession) -> [Picture] {
        let k = s.kernel
        let l = s.lessons.language
        var out: [Picture] = [MemmapPicture.build(k, .zones(nil), cellsPerRow: 64).picture(kernel: k, language: l)]
        // Zoomed in (one page a cell) around each of the learner's pages and addresses: the overview merges
        // hundreds of pages a cell, so a small allocation shows only here.
        for (name, value) in s.variables.sorted(by: { $0.key < $1.key }) where name != "_" {
            let pfn: Int?
            switch value {
            case .page(let p): pfn = p.raw
            case .address(let a): pfn = try? MemmapCommand.address(a, name, k)
            default: pfn = nil
            }
            guard let pfn, out.count < 9 else { continue }
            let block = k.allocatedBlock(containing: pfn) ?? k.freeBlock(containing: pfn) ?? (pfn, 0)
            var p = MemmapPicture.build(k, .around(pfn: pfn, head: block.head, pages: 1 << block.order), cellsPerRow: 64, rows: 4)
                .picture(kernel: k, language: l)
            p.title = Message(en: "Physical memory around $\(name) (pfn \(Format.hex(pfn)))", ko: "$\(name) 주변의 물리 메모리 (pfn \(Format.hex(pfn)))").text(l)
            out.append(p)
        }
        out += k.zones.filter(\.isPopulated).map { BuddyPicture.build($0, kernel: k).picture(language: l) }
        // The caches that hold objects, the learner's own first (boot caches are many and mostly alike).
        let inUse = k.slab.caches.filter { $0.liveObjects > 0 }
        let mine = inUse.filter { !$0.isBootCache }, boot = inUse.filter(\.isBootCache)
        out += (mine + boot).prefix(12).compactMap { SlabPicture.build($0.name, kernel: k)?.picture(language: l) }
        out += k.vmalloc.areas.prefix(12).compactMap { VmallocPicture.build($0.start, kernel: k)?.picture(language: l) }
        out.append(PercpuPicture.build(k).picture(language: l))
        out.append(StacksPicture.build(k).picture(language: l))
        out += k.cpus.indices.map { PreemptCountPicture.build(k, cpu: $0).picture(language: l) }
        out.append(VmmapPicture.build(k, variables: s.variables).picture(language: l))
        return out
    }

    static func render(_ s: ShellSession) -> (html: String, pictures: Int) {
        let k = s.kernel
        let l = s.lessons.language
        let e = PictureSVGRenderer.escape
        let title = Message(en: "kmemsim snapshot", ko: "kmemsim 스냅숏").text(l)
        var h = "<!DOCTYPE html>\n<html lang=\"\(l.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(e(title))</title>\n"
        h += "<style>body{font-family:sans-serif;margin:2em;color:#111;max-width:1100px}h2{margin-top:1.6em;border-bottom:1px solid #ccc}"
        h += "table{border-collapse:collapse;margin:0.8em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#f3f3f3}"
        h += "td.l,th.l{text-align:left}figure{margin:1em 0}svg{max-width:100%;height:auto}@media print{h2{page-break-before:auto}figure{page-break-inside:avoid}}</style>\n</head>\n<body>\n"
        h += "<h1>\(e(title))</h1>\n<p>\(e(BootParamParser.banner(k)))</p>\n"
        // Key numbers: /proc/meminfo's memory lines, then each zone.
        h += "<h2>\(e(Message(en: "Key numbers", ko: "주요 수치").text(l)))</h2>\n<table>\n"
        let keys = ["MemTotal", "MemFree", "MemAvailable", "HighTotal", "HighFree", "Slab", "SReclaimable", "SUnreclaim", "KernelStack", "PageTables", "VmallocUsed", "Percpu"]
        for c in PageAllocProcFiles.meminfoCounters(k) where keys.contains(c.name) {
            h += "<tr><th class=\"l\">\(e(c.name))</th><td>\(c.value)\(c.kB ? " kB" : "")</td></tr>\n"
        }
        h += "</table>\n<table>\n<tr><th class=\"l\">zone</th><th>managed</th><th>free</th><th>min</th><th>low</th><th>high</th><th>pcp</th><th class=\"l\">buddyinfo (free blocks by order)</th></tr>\n"
        for z in k.zones where z.isPopulated {
            h += "<tr><td class=\"l\">\(e(z.type.procName))</td><td>\(z.managedPages)</td><td>\(k.nrFreePages(zone: z.index))</td><td>\(z.minWmark)</td><td>\(z.lowWmark)</td><td>\(z.highWmark)</td><td>\(k.pcpPages(zone: z.index))</td>"
            h += "<td class=\"l\">\(k.freeArea(zone: z.index).map { String($0.nrFree) }.joined(separator: " "))</td></tr>\n"
        }
        h += "</table>\n"
        let list = pictures(s)
        for p in list {
            h += "<h2>\(e(p.title))</h2>\n<figure>\n" + inlineSVG(PictureSVGRenderer.render(p, language: l)) + "</figure>\n"
        }
        h += "<p><small>\(e(Message(en: "Made by kmemsim, a simulator of the Linux 6.6 memory manager.", ko: "리눅스 6.6 메모리 관리자 시뮬레이터 kmemsim이 만들었습니다.").text(l)))</small></p>\n</body>\n</html>\n"
        return (h, list.count)
    }

    /// An SVG file's element for inlining in HTML: no XML prolog, and no namespace URL (HTML parsers put <svg> in the
    /// SVG namespace themselves), so the page names no address at all.
    static func inlineSVG(_ svg: String) -> String {
        var lines = svg.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.hasPrefix("<?xml") == true { lines.removeFirst() }
        return lines.joined(separator: "\n").replacingFirst(" xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}

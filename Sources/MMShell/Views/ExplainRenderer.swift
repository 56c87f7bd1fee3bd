import KernelMM

/// Narrates the steps an operation recorded with `explain on`.
enum ExplainRenderer {
    static func render(_ steps: [ExplainStep], kernel k: Kernel, style: Style) -> String {
        lines(steps, kernel: k).map { style.paint("  · " + $0, .gray) }.joined(separator: "\n") + "\n"
    }

    static func hex(_ n: Int) -> String { Format.hex(n) }

    static func lines(_ steps: [ExplainStep], kernel k: Kernel) -> [String] {
        steps.map { s in
            switch s {
            case .zonelist(let gfp, let preferred, let list, let mt, let collapsed, let invalid):
                var t = "gfp_zone(\(gfp.pGg.isEmpty ? "0" : gfp.pGg)) = \(preferred.kernelName)"
                if let c = collapsed { t += " (\(c.kernelName) is not configured on \(k.arch.rawValue), so the table gives ZONE_NORMAL)" }
                if invalid { t += " (an invalid combination)" }
                t += "; zonelist " + (list.isEmpty ? "(empty)" : list.map(\.procName).joined(separator: " → "))
                t += "; migratetype \(mt.procName)"
                return t
            case .watermarkCheck(let zone, let order, let name, let mark, let eff, _, _, _, let ok, let why):
                let adj = eff != mark ? " (reserve access lowers it to \(eff))" : ""
                return "\(zone.procName): watermark \(name) = \(mark)\(adj), order \(order): \(why) → \(ok ? "ok" : "skip this zone")"
            case .pcpHit(let zone, let cpu, let order, let mt, let pfn):
                return "\(zone.procName): took pfn \(hex(pfn)) from cpu\(cpu)'s per-CPU list (order \(order), \(mt.procName))"
            case .pcpRefill(let zone, let cpu, let order, let mt, let count, let batch):
                return "\(zone.procName): cpu\(cpu)'s per-CPU list (order \(order), \(mt.procName)) was empty: rmqueue_bulk moved \(count) of \(batch) blocks from the buddy lists"
            case .foundBlock(let zone, let order, let found, let mt, let pfn):
                return found == order
                    ? "\(zone.procName): __rmqueue_smallest found a free order-\(found) \(mt.procName) block at pfn \(hex(pfn))"
                    : "\(zone.procName): no free \(mt.procName) block of order \(order)…\(found - 1); took the order-\(found) block at pfn \(hex(pfn)) to split"
            case .split(_, let pfn, let order, let buddy):
                return "  expand: keep \(hex(pfn)), its order-\(order) buddy \(hex(buddy)) (= \(hex(pfn)) + (1 << \(order))) goes on the order-\(order) free list"
            case .fallback(let zone, let order, let from, let to, let whole, let claimed):
                return "\(zone.procName): no \(to.procName) block left: fell back to a \(from.procName) order-\(order) block" + (claimed ? " and claimed its pageblock for \(to.procName)" : whole ? " (the pageblock stays \(from.procName))" : " (only that block)")
            case .merge(let pfn, let buddy, let order, let merged):
                return "merge: \(hex(pfn)) ^ (1 << \(order)) = buddy \(hex(buddy)) is free with order \(order) → order-\(order + 1) block at \(hex(merged))"
            case .mergeStop(let pfn, let order, let reason):
                return "no merge at order \(order) for \(hex(pfn)): \(reason)"
            case .freedTo(let zone, let pfn, let order, let mt, let tail):
                return "\(zone.procName): order-\(order) block \(hex(pfn)) goes on the \(mt.procName) free list at the \(tail ? "tail (a bigger merge looks likely soon)" : "head")"
            case .freeToPCP(let zone, let cpu, let pfn, let order, let count, let high):
                return "\(zone.procName): freed \(hex(pfn)) (order \(order)) onto cpu\(cpu)'s per-CPU list: count \(count), high \(high)" + (count >= high ? " → flushing a batch to the buddy lists" : " (not counted as free until flushed)")
            case .pcpDrain(let zone, let cpu, let pages):
                return "\(zone.procName): \(pages) page\(pages == 1 ? "" : "s") went from cpu\(cpu)'s per-CPU lists back to the buddy allocator"
            case .note(let t):
                return t
            }
        }
    }
}

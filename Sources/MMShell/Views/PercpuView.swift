import KernelMM

/// The renderers of `PercpuModel` (`percpu`): the first chunk's layout as pcpu_dump_alloc_info() describes it, every
/// chunk's allocations, and the per-CPU variables with their copies.
extension PercpuModel: LocalizedView {
    var text: String { text(.en) }

    func text(_ lang: Language) -> String {
        func say(_ m: Message) -> String { m.text(lang) }
        var s = "percpu: Embedded \(firstChunkSize / pageSize) pages/cpu s\(staticSize) r\(reservedSize) d\(dynamicSize) u\(unitSize)\n"
        for ch in chunks {
            let used = ch.allocations.reduce(0) { $0 + $1.size }
            if ch.first {
                s += say(.percpuFirstChunk(units: cpus, unitSize: unitSize)) + "\n"
                let reserved = reservedSize > 0 ? " reserved \(staticSize)-\(staticSize + reservedSize - 1) |" : ""
                s += "  | static 0-\(staticSize - 1) |\(reserved) dynamic \(staticSize + reservedSize)-\(firstChunkSize - 1) |"
                s += firstChunkSize < unitSize ? " \(firstChunkSize)-\(unitSize - 1): memblock |\n" : "\n"
            } else {
                s += say(.percpuVmallocChunk(id: ch.id, units: cpus, unitSize: unitSize, populated: ch.populatedPages, pagesPerUnit: ch.pagesPerUnit)) + "\n"
            }
            for c in 0..<cpus {
                s += say(.percpuUnitAt(c, address: Format.hex(unitBase(ch, cpu: c)))) + "\n"
            }
            s += "  " + say(.percpuAllocationCount(ch.allocations.count, bytesPerUnit: used)) + "\n"
            for a in ch.allocations {
                s += "    offset \(Format.right(a.offset, 6)) size \(Format.right(a.size, 5)) align \(Format.right(a.align, 4))  \(a.reserved ? "reserved " : "")\(a.caller)  ptr \(Format.hex(ch.base + UInt64(a.offset)))\n"
            }
        }
        if !variables.isEmpty {
            s += say(.percpuVariablesHeading) + "\n"
            for v in variables {
                s += "  \(v.type) \(v.name) @ offset \(v.offset): " + v.values.enumerated().map { "cpu\($0.offset)=\($0.element)" }.joined(separator: " ") + "\n"
            }
        }
        return s
    }

    var json: JSONValue {
        .object([("unit_size", .int(unitSize)), ("static", .int(staticSize)), ("reserved", .int(reservedSize)), ("dynamic", .int(dynamicSize)),
                 ("first_chunk_size", .int(firstChunkSize)),
                 ("chunks", .array(chunks.map { ch in
                     .object([("id", .int(ch.id)), ("base", .hex(ch.base)), ("first", .bool(ch.first)),
                              ("populated_pages", .int(ch.populatedPages)), ("pages_per_unit", .int(ch.pagesPerUnit)),
                              ("units", .array((0..<cpus).map { .hex(unitBase(ch, cpu: $0)) })),
                              ("allocations", .array(ch.allocations.map { a in
                                  .object([("offset", .int(a.offset)), ("size", .int(a.size)), ("align", .int(a.align)),
                                           ("reserved", .bool(a.reserved)), ("caller", .string(a.caller))])
                              }))])
                 })),
                 ("variables", .array(variables.map { v in
                     .object([("name", .string(v.name)), ("type", .string(v.type)), ("offset", .int(v.offset)),
                              ("values", .array(v.values.map { .int(Int($0)) }))])
                 }))])
    }
}



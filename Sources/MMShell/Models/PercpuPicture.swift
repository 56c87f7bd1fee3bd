import KernelMM

/// `percpu --picture`: every chunk's units, one row per CPU, each unit's bytes as cells: the static area
/// (.data..percpu), the reserved area for modules, the dynamic area, allocated or free, unpopulated pages in later
/// chunks; then what lives at each allocated offset. The same offset in every row is one variable's copies.
struct PercpuPicture: Sendable, Equatable {
    struct Unit: Sendable, Equatable {
        var cpu: Int
        var address: UInt64
    }
    struct Chunk: Sendable, Equatable {
        var id: Int
        var first: Bool
        var units: [Unit]
        var marks: [PictureMark]
        var allocations: [(offset: Int, size: Int, what: String)]
        static func == (a: Chunk, b: Chunk) -> Bool { a.id == b.id && a.marks == b.marks && a.allocations.map(\.offset) == b.allocations.map(\.offset) }
    }
    var unitSize: Int
    var staticSize: Int
    var reservedSize: Int
    var dynamicSize: Int
    var bytesPerCell: Int
    var chunks: [Chunk]
    static let cells = 48

    static func build(_ k: Kernel) -> PercpuPicture {
        let p = k.percpu
        let per = MemmapPicture.powerOfTwo(atLeast: max(1, (p.unitSize + cells - 1) / cells))
        var chunks: [Chunk] = []
        for ch in p.chunks {
            var marks: [PictureMark] = []
            var off = 0
            while off < p.unitSize {
                let range = off..<min(off + per, p.unitSize)
                let used = ch.allocations.contains { $0.offset < range.upperBound && $0.offset + $0.size > range.lowerBound }
                let page = off / k.pageSize
                if !ch.isFirst, page < ch.populated.count, !ch.populated[page] {
                    marks.append(.unmapped)
                } else if ch.isFirst && range.lowerBound >= p.firstChunkSize {
                    marks.append(.otherUsed) // the unit's tail went back to memblock, then to the page allocator
                } else if used {
                    marks.append(.dynamicUsed)
                } else if ch.isFirst && range.lowerBound < p.staticSize {
                    marks.append(.staticArea)
                } else if ch.isFirst && range.lowerBound < p.staticSize + p.reservedSize {
                    marks.append(.reservedArea)
                } else {
                    marks.append(.dynamicFree)
                }
                off += per
            }
            let units = (0..<k.cpus.count).map { Unit(cpu: $0, address: ch.base + UInt64($0 * p.unitSize)) }
            let allocs = ch.allocations.map { a in
                let v = ch.isFirst ? p.variables.first { $0.offset == a.offset } : nil
                let what = v.map { "\($0.type) \($0.name) = " + $0.values.enumerated().map { "cpu\($0.offset):\($0.element)" }.joined(separator: " ") }
                    ?? "\(a.size) bytes, \(a.caller)"
                return (offset: a.offset, size: a.size, what: (a.reserved ? "reserved: " : "") + what)
            }
            chunks.append(Chunk(id: ch.id, first: ch.isFirst, units: units, marks: marks, allocations: allocs))
        }
        return PercpuPicture(unitSize: p.unitSize, staticSize: p.staticSize, reservedSize: p.reservedSize, dynamicSize: p.dynamicSize,
                             bytesPerCell: per, chunks: chunks)
    }

    func picture(language l: LessonLanguage) -> Picture {
        var p = Picture(title: Message(en: "Per-CPU chunks (mm/percpu.c): one unit per CPU", ko: "per-CPU 청크 (mm/percpu.c): CPU마다 유닛 하나").text(l))
        p.facts = [Message(en: "unit \(unitSize) bytes: static \(staticSize), reserved \(reservedSize), dynamic \(dynamicSize); per_cpu_ptr(p, cpu) = p + cpu × \(unitSize)", ko: "유닛 \(unitSize)바이트: 정적 \(staticSize), 예약 \(reservedSize), 동적 \(dynamicSize); per_cpu_ptr(p, cpu) = p + cpu × \(unitSize)").text(l)]
        let chunkSize = staticSize + reservedSize + dynamicSize
        if chunkSize < unitSize { p.facts.append(PercpuStrings.unitTailReturned(firstChunkSize: chunkSize).text(l)) }
        for ch in chunks {
            var b = PictureBlock(heading: ch.first ? Message(en: "chunk 0 (first chunk, embedded in the direct map)", ko: "청크 0 (첫 청크, 직접 매핑 안)").text(l)
                                                   : Message(en: "chunk \(ch.id) (vmalloc space)", ko: "청크 \(ch.id) (vmalloc 공간)").text(l))
            for u in ch.units {
                b.rows.append(PictureRow(label: "cpu\(u.cpu)", cells: ch.marks.map { PictureCell($0) }, note: Format.hex(u.address)))
            }
            for a in ch.allocations {
                b.rows.append(PictureRow(label: "+\(a.offset)", cells: [], note: a.what))
            }
            p.blocks.append(b)
        }
        p.scale = Message(en: "one cell = \(bytesPerCell) bytes of a unit; a cell with any allocation in it is drawn allocated", ko: "한 칸 = 유닛의 \(bytesPerCell)바이트; 조금이라도 할당된 칸은 할당됨으로 그립니다").text(l)
        return p
    }
}

import KernelMM

/// `task stacks --picture` / `stack PID --picture`: each task's THREAD_SIZE kernel stack, lowest address on the left
/// (the stack grows down, from the right end towards end_of_stack on the left), with what lies just below it — an
/// unmapped guard page for a vmapped stack (CONFIG_VMAP_STACK), other memory for a page-allocated one — and
/// each CPU's IRQ stack.
struct StacksPicture: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var label: String
        var base: UInt64
        var size: Int
        var used: Int
        var below: PictureMark
        var above: PictureMark?
        var threadInfoAtBase: Bool
        var mark: PictureMark
        var where_: String
    }
    var threadSize: Int
    var arch: Architecture
    var vmapped: Bool
    var rows: [Row]
    var irqRows: [Row]
    static let granule = 512

    static func build(_ k: Kernel, pid: Int? = nil) -> StacksPicture {
        let ps = UInt64(k.pageSize)
        // What the page just below `base` is: unmapped (guard), or someone's memory.
        func below(_ base: UInt64, vmapped: Bool, pfn: Int?) -> PictureMark {
            if vmapped { return k.vmallocToPage(base &- ps) == nil ? .guardPage : .otherUsed }
            guard let pfn, pfn > 0 else { return .hole }
            let f = k.frames[pfn - 1]
            return f.state == .absent ? .hole : (f.state == .buddy || f.state == .pcp || k.freeBlock(containing: pfn - 1) != nil) ? .otherFree : .otherUsed
        }
        let infoAtBase = k.arch.threadInfoAtStackBase
        var rows: [Row] = []
        for t in k.tasks where pid == nil || t.pid == pid {
            guard let st = t.stack else { continue }
            let vm = st.vmapArea != nil
            let zone = st.pfn.flatMap { k.zoneIndex(ofPFN: $0) }.map { k.zones[$0].type.procName }
            rows.append(Row(label: "\(t.pid) \(t.comm)", base: st.base, size: st.size, used: min(st.size, st.maxUsed),
                            below: below(st.base, vmapped: vm, pfn: st.pfn), above: vm ? .guardPage : nil, threadInfoAtBase: infoAtBase,
                            mark: .stackUsed, where_: vm ? "vmalloc" : "pfn \(Format.hex(st.pfn ?? 0)) \(zone ?? "")"))
        }
        var irq: [Row] = []
        if pid == nil {
            for c in k.cpus {
                guard let s = c.irqStack else { continue }
                let vm = s.vmapArea != nil
                irq.append(Row(label: "cpu\(c.id) IRQ", base: s.base, size: s.size, used: 0, below: below(s.base, vmapped: vm, pfn: s.pfn),
                               above: vm ? .guardPage : nil, threadInfoAtBase: false, mark: .irqStack, where_: vm ? "vmalloc" : "pfn \(Format.hex(s.pfn ?? 0))"))
                if let soft = s.softirqPFN {
                    irq.append(Row(label: "cpu\(c.id) softirq", base: k.pageAddress(soft) ?? k.physAddr(soft), size: s.size, used: 0,
                                   below: below(k.pageAddress(soft) ?? 0, vmapped: false, pfn: soft), above: nil, threadInfoAtBase: false,
                                   mark: .irqStack, where_: "pfn \(Format.hex(soft))"))
                }
            }
        }
        return StacksPicture(threadSize: k.threadSize, arch: k.arch, vmapped: k.vmapStack, rows: rows, irqRows: irq)
    }

    /// One stack's cells: what lies below, the stack from end_of_stack up, what lies above.
    static func cells(_ r: Row) -> [PictureCell] {
        let n = max(1, r.size / granule)
        let usedCells = (r.used + granule - 1) / granule
        var out = [PictureCell(r.below)]
        for i in 0..<n {
            if r.threadInfoAtBase && i == 0 { out.append(PictureCell(.threadInfo)); continue }
            out.append(PictureCell(r.mark == .irqStack ? .irqStack : (i >= n - usedCells ? .stackUsed : .stackFree)))
        }
        if let a = r.above { out.append(PictureCell(a)) }
        return out
    }

    func picture(language l: LessonLanguage) -> Picture {
        var p = Picture(title: Message(en: "Kernel stacks (THREAD_SIZE \(threadSize / 1024) KiB)", ko: "커널 스택 (THREAD_SIZE \(threadSize / 1024) KiB)").text(l))
        p.facts.append(vmapped
            ? Message(en: "vmapped stacks (CONFIG_VMAP_STACK): an overflow runs into an unmapped guard page and faults at once", ko: "vmap 스택 (CONFIG_VMAP_STACK): 넘치면 매핑 없는 가드 페이지에 닿아 곧바로 fault가 납니다").text(l)
            : Message(en: "stacks from the page allocator: nothing guards them; an overflow silently overwrites the memory below", ko: "페이지 할당자에서 받은 스택: 가드가 없어 넘치면 아래 메모리를 조용히 덮어씁니다").text(l))
        p.facts.append(arch.threadInfoAtStackBase
            ? Message(en: "thread_info sits at the bottom of the stack (sparc64 has no THREAD_INFO_IN_TASK); STACK_END_MAGIC just above it", ko: "thread_info는 스택 맨 아래에 있습니다 (sparc64에는 THREAD_INFO_IN_TASK가 없음); 그 바로 위에 STACK_END_MAGIC").text(l)
            : Message(en: "thread_info lives in task_struct (THREAD_INFO_IN_TASK); the lowest word holds STACK_END_MAGIC", ko: "thread_info는 task_struct 안에 있습니다 (THREAD_INFO_IN_TASK); 가장 낮은 워드에 STACK_END_MAGIC").text(l))
        var b = PictureBlock(heading: Message(en: "tasks: low address ← → high; the stack grows down (right to left)", ko: "태스크: 낮은 주소 ← → 높은 주소; 스택은 아래로 (오른쪽에서 왼쪽으로) 자랍니다").text(l))
        for r in rows {
            b.rows.append(PictureRow(label: r.label, cells: Self.cells(r),
                                     note: "\(Format.hex(r.base)) \(r.where_)" + (r.used > 0 ? Message(en: ", deepest \(r.used)", ko: ", 최대 \(r.used)").text(l) : "")))
        }
        p.blocks.append(b)
        if !irqRows.isEmpty {
            var irq = PictureBlock(heading: Message(en: "IRQ stacks, one per CPU", ko: "CPU마다 하나인 IRQ 스택").text(l))
            for r in irqRows { irq.rows.append(PictureRow(label: r.label, cells: Self.cells(r), note: "\(Format.hex(r.base)) \(r.where_)")) }
            p.blocks.append(irq)
        }
        p.scale = Message(en: "one cell = \(Self.granule) bytes; the first cell is the page below the stack", ko: "한 칸 = \(Self.granule)바이트; 첫 칸은 스택 바로 아래 페이지").text(l)
        return p
    }
}

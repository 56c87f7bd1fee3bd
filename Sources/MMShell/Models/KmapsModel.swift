import KernelMM

/// `kmaps` as data: the pkmap table's entries in use and every task's kmap_local slots (mm/highmem.c).
struct KmapsModel: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var nr: Int, address: UInt64, pfn: Int
        /// kmap() users: pkmap_count - 1 (0: mapped, nobody holds it, cleared at the next flush).
        var users: Int
    }
    struct Slot: Sendable, Equatable {
        var slot: Int, address: UInt64, pfn: Int
    }
    struct TaskSlots: Sendable, Equatable {
        var pid: Int, comm: String, cpu: Int, running: Bool
        var slots: [Slot]
        /// kmap_atomic() calls not yet undone (current->pagefault_disabled).
        var pagefaultDisabled: Int
    }

    /// False on a kernel without CONFIG_HIGHMEM (the 64-bit machines): nothing else is filled in.
    var configured: Bool
    var arch: String
    var pkmapStart: UInt64 = 0
    var lastPkmapNr = 0
    var flushes = 0
    var entries: [Entry] = []
    var tasks: [TaskSlots] = []

    init(_ k: Kernel) {
        let h = k.highmem
        configured = h.configured
        arch = k.arch.rawValue
        guard configured else { return }
        pkmapStart = HighmemState.pkmapAddress(0)
        lastPkmapNr = h.lastPkmapNr
        flushes = h.flushes
        entries = h.pkmapCount.indices.filter { h.pkmapCount[$0] > 0 }.map {
            Entry(nr: $0, address: HighmemState.pkmapAddress($0), pfn: Int(h.pkmapPage[$0]), users: Int(h.pkmapCount[$0]) - 1)
        }
        let pids = Set(h.local.keys).union(h.pagefaultDisabled.keys).sorted()
        tasks = pids.map { pid in
            let t = k.tasks.first { $0.pid == pid }
            let cpu = t?.cpu ?? 0
            let slots = (h.local[pid] ?? []).enumerated().map {
                Slot(slot: $0.offset, address: HighmemState.localAddress(slot: $0.offset, cpu: cpu), pfn: Int($0.element))
            }
            return TaskSlots(pid: pid, comm: t?.comm ?? "?", cpu: cpu, running: k.cpus.indices.contains(cpu) && k.cpus[cpu].currentPID == pid,
                             slots: slots, pagefaultDisabled: h.pagefaultDisabled[pid] ?? 0)
        }
    }

    /// The JSON fields of a kmap or kunmap result.
    static func json(_ how: KmapHow) -> [(String, JSONValue)] {
        switch how {
        case .directMap: [("mapping", .string("direct_map"))]
        case .pkmap(let e, let users): [("mapping", .string("pkmap")), ("entry", .int(e)), ("users", .int(users))]
        case .local(let slot, let cpu): [("mapping", .string("kmap_local")), ("slot", .int(slot)), ("cpu", .int(cpu))]
        }
    }
}

/// The parts of the kernel that most commands only read: the RAM map, memblock, CPUs and tasks, vmalloc, per-CPU
/// memory, the log and the taint flags. They live behind one copy-on-write reference (`CopyOnWriteBox`), so that
/// copying a Kernel — undo keeps one before every command — retains one reference for all of them instead of one for
/// each of their arrays, and releases one when the copy is dropped. A command that writes one of them copies the box
/// (as writing a stored array would have copied that array). The page allocator's own numbers stay outside.
struct KernelColdState: Sendable, Equatable {
    var ram: [RAMRange] = []
    var memblock: [MemblockRegion] = []
    var minFreeKbytes = 0
    var cpus: [CPUState] = []
    var tasks: [Task] = []
    var vmalloc = VmallocState()
    var percpu = PercpuState()
    var nextPID = 2000
    var cachedStacks: [[UInt32]] = []
    var log = KernelLog()
    var taint: Set<Character> = []
}

/// A value kept in a class instance and copied on write, as Array keeps its elements.
struct CopyOnWriteBox<Value: Sendable & Equatable>: Sendable, Equatable {
    final class Storage: @unchecked Sendable {
        // Only ever mutated through `value`'s _modify after a uniqueness check, like the storage of an Array.
        // Unchecked exclusivity: the uniqueness check is the guard, and a dynamic check per access cost more than
        // the copy it saves.
        @exclusivity(unchecked) var value: Value
        init(_ v: Value) { value = v }
    }
    private var storage: Storage

    init(_ value: Value) { storage = Storage(value) }

    var value: Value {
        _read { yield storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }

    static func == (a: Self, b: Self) -> Bool { a.storage === b.storage || a.storage.value == b.storage.value }
}

/// The parts of the kernel that most commands only read: the RAM map, memblock, CPUs and tasks, vmalloc, per-CPU
/// memory, the log and the taint flags. They live behind one copy-on-write reference (`CopyOnWriteBox`), so that
/// copying a Kernel — undo keeps one before every command — retains one reference for all of them instead of one for
/// each of their arrays, and releases one when the copy is dropped. A command that writes one of them copies the box
/// (as writing a stored array would have copied that array). The page allocator's own numbers stay outside.
@usableFromInline struct KernelColdState: Sendable, Equatable {
    @usableFromInline var ram: [RAMRange] = []
    @usableFromInline var memblock: [MemblockRegion] = []
    @usableFromInline var minFreeKbytes = 0
    @usableFromInline var cpus: [CPUState] = []
    @usableFromInline var tasks: [Task] = []
    @usableFromInline var vmalloc = VmallocState()
    @usableFromInline var percpu = PercpuState()
    @usableFromInline var nextPID = 2000
    @usableFromInline var cachedStacks: [[UInt32]] = []
    @usableFromInline var log = KernelLog()
    @usableFromInline var taint: Set<Character> = []
    @usableFromInline var highmem = HighmemState()
}

/// A value kept in a class instance and copied on write, as Array keeps its elements.
@usableFromInline struct CopyOnWriteBox<Value: Sendable & Equatable>: Sendable, Equatable {
    @usableFromInline final class Storage: @unchecked Sendable {
        // Only ever mutated through `value`'s _modify after a uniqueness check, like the storage of an Array.
        // Unchecked exclusivity: the uniqueness check is the guard, and a dynamic check per access cost more than
        // the copy it saves.
        @exclusivity(unchecked) @usableFromInline var value: Value
        @usableFromInline init(_ v: Value) { value = v }
    }
    @usableFromInline var storage: Storage

    init(_ value: Value) { storage = Storage(value) }

    // Inlinable, so that the shell reading `kernel.log` is a load, not a call into a coroutine.
    @inlinable var value: Value {
        _read { yield storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }

    @usableFromInline static func == (a: Self, b: Self) -> Bool { a.storage === b.storage || a.storage.value == b.storage.value }
}

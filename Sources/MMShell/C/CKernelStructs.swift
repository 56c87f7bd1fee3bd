import KernelMM

/// The kernel's own structs that C at the prompt can name. Small ones are spelled out member by member as in 6.6
/// (include/linux/types.h, rbtree_types.h, spinlock_types.h without lock debugging); the big ones that kmemsim's boot
/// caches stand for take their size from the cache itself (object_size), so `sizeof(struct task_struct)` is what
/// the task_struct cache hands out on this machine.
enum CKernelStructs {
    static func declared(_ name: String, arch: Architecture) -> CStructDecl? {
        let listHead = CType.pointer(.structure("list_head", isUnion: false))
        switch name {
        case "list_head": return CStructDecl(name: name, isUnion: false, members: [("next", listHead), ("prev", listHead)])
        case "hlist_head": return CStructDecl(name: name, isUnion: false, members: [("first", .pointer(.structure("hlist_node", isUnion: false)))])
        case "hlist_node":
            let n = CType.pointer(.structure("hlist_node", isUnion: false))
            return CStructDecl(name: name, isUnion: false, members: [("next", n), ("pprev", .pointer(n))])
        case "rb_node":
            let n = CType.pointer(.structure("rb_node", isUnion: false))
            return CStructDecl(name: name, isUnion: false, members: [("__rb_parent_color", .unsignedLong), ("rb_right", n), ("rb_left", n)])
        case "rb_root": return CStructDecl(name: name, isUnion: false, members: [("rb_node", .pointer(.structure("rb_node", isUnion: false)))])
        case "callback_head":
            return CStructDecl(name: name, isUnion: false, members: [("next", .pointer(.structure("callback_head", isUnion: false))), ("func", .voidPointer)])
        case "atomic_t": return CStructDecl(name: name, isUnion: false, members: [("counter", .int)])
        case "atomic64_t": return CStructDecl(name: name, isUnion: false, members: [("counter", .integer(.longLong, signed: true))])
        case "kref": return CStructDecl(name: name, isUnion: false, members: [("refcount", .structure("atomic_t", isUnion: false))])
        // arch_spinlock_t is a 4-byte qspinlock; without CONFIG_DEBUG_SPINLOCK/LOCKDEP nothing else is in it.
        case "spinlock": return CStructDecl(name: name, isUnion: false, members: [("rlock", .unsignedInt)])
        default: return nil
        }
    }

    /// Kernel struct → the boot cache whose objects are that struct.
    static let caches: [(structName: String, cache: String)] = [
        ("task_struct", "task_struct"), ("mm_struct", "mm_struct"), ("vm_area_struct", "vm_area_struct"),
        ("inode", "inode_cache"), ("dentry", "dentry"), ("buffer_head", "buffer_head"), ("vmap_area", "vmap_area"),
        ("kmem_cache", "kmem_cache"), ("kmem_cache_node", "kmem_cache_node"),
    ]

    static func opaqueSize(_ name: String, kernel: Kernel) -> (Int, Int)? {
        let ptr = kernel.arch.is64Bit ? 8 : 4
        if name == "page" { return (kernel.arch.structPageSize, ptr) }
        guard let cache = caches.first(where: { $0.structName == name })?.cache,
              let ci = kernel.slab.index(named: cache) else { return nil }
        // task_struct and mm_struct hold ____cacheline_aligned members (the FPU state, the mm's counters).
        let align = name == "task_struct" || name == "mm_struct" ? kernel.cacheLineSize : ptr
        return (kernel.slab.caches[ci].objectSize, align)
    }

    static func knownNames(arch: Architecture) -> [String] {
        ["atomic_t", "callback_head", "hlist_head", "hlist_node", "kref", "list_head", "page", "rb_node", "rb_root", "spinlock"]
            + caches.map(\.structName)
    }

    /// typedef names of include/linux/types.h and friends, as the architecture defines them.
    static func typedef(_ name: String, arch: Architecture) -> CType? {
        (arch.is64Bit ? typedefs64 : typedefs32)[name]
    }

    /// Every typedef name (the same set on each architecture; what some stand for differs).
    static var typedefNames: Dictionary<String, CType>.Keys { typedefs64.keys }

    // Tables, not a switch over strings: every script line asks whether its first word is one of these, and a
    // switch compares the word with each name in turn.
    private static let typedefs64 = typedefTable(is64: true)
    private static let typedefs32 = typedefTable(is64: false)

    private static func typedefTable(is64: Bool) -> [String: CType] {
        var t: [String: CType] = [:]
        func add(_ names: [String], _ type: CType) { for n in names { t[n] = type } }
        add(["size_t", "uintptr_t", "pgoff_t"], .unsignedLong)
        add(["phys_addr_t", "dma_addr_t"], is64 ? .unsignedLong : .unsignedInt)
        add(["u32", "__u32", "uint32_t", "gfp_t", "slab_flags_t", "fmode_t"], .unsignedInt)
        add(["ssize_t", "intptr_t", "ptrdiff_t"], .long)
        add(["loff_t"], is64 ? .long : .integer(.longLong, signed: true))
        add(["s64", "__s64", "int64_t"], .integer(.longLong, signed: true))
        add(["u64", "__u64", "uint64_t"], .integer(.longLong, signed: false))
        add(["u8", "__u8", "uint8_t"], .integer(.char, signed: false))
        add(["s8", "__s8", "int8_t"], .integer(.char, signed: true))
        add(["u16", "__u16", "uint16_t"], .integer(.short, signed: false))
        add(["s16", "__s16", "int16_t"], .integer(.short, signed: true))
        add(["s32", "__s32", "int32_t", "pid_t"], .int)
        add(["bool", "_Bool"], .bool)
        add(["atomic_t"], .structure("atomic_t", isUnion: false))
        add(["atomic64_t"], .structure("atomic64_t", isUnion: false))
        add(["spinlock_t"], .structure("spinlock", isUnion: false))
        return t
    }
}

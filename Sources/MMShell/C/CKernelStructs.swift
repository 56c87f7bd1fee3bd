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
        let is64 = arch.is64Bit
        switch name {
        case "size_t", "uintptr_t", "phys_addr_t" where is64, "dma_addr_t" where is64, "pgoff_t": return .unsignedLong
        case "phys_addr_t", "dma_addr_t", "u32", "__u32", "uint32_t", "gfp_t", "slab_flags_t", "fmode_t": return .unsignedInt
        case "ssize_t", "intptr_t", "loff_t" where is64, "ptrdiff_t": return .long
        case "loff_t", "s64", "__s64", "int64_t": return .integer(.longLong, signed: true)
        case "u64", "__u64", "uint64_t": return .integer(.longLong, signed: false)
        case "u8", "__u8", "uint8_t": return .integer(.char, signed: false)
        case "s8", "__s8", "int8_t": return .integer(.char, signed: true)
        case "u16", "__u16", "uint16_t": return .integer(.short, signed: false)
        case "s16", "__s16", "int16_t": return .integer(.short, signed: true)
        case "s32", "__s32", "int32_t", "pid_t": return .int
        case "bool", "_Bool": return .bool
        case "atomic_t", "atomic64_t": return .structure(name, isUnion: false)
        case "spinlock_t": return .structure("spinlock", isUnion: false)
        default: return nil
        }
    }
}

/// The slab layer's state: the allocator chosen at boot, its debug configuration, and slab_caches.
public struct SlabState: Sendable, Equatable, Codable {
    public var kind: SlabAllocatorKind = .slub
    public var debug = SlabDebugConfig()
    /// slab_caches in creation order (/proc/slabinfo lists the newest first).
    public var caches = CacheList()
    var nextID: UInt32 = 1
    /// Every cache's name and aliases → its id, kept by create, merge and destroy: a lookup by name is a hash and a
    /// binary search, not a walk over ~200 caches comparing strings (kmalloc looks its size class up by name).
    var idsByName: [String: UInt32] = [:]
    /// slab_max_order (SLAB: 1 when RAM > 32 MiB), slub_max_order / slub_min_order (SLUB).
    public var slabMaxOrder = 1
    public var slubMaxOrder = 3
    public var slubMinOrder = 0
    /// The CPU count SLUB's calculate_order() sees (num_present_cpus()).
    public var cpus = 1
    /// check_object() reports waiting to be logged (one check may find several damaged areas).
    var pendingReports: [SlubBugReport] = []
    public init() {}

    public func index(named name: String) -> Int? { idsByName[name].flatMap { index(id: $0) } }

    /// Caches are appended as they are created and ids only grow (`nextID`), so the array is sorted by id: every
    /// kfree() and kmem_cache_free() finds its cache by the slab page's tag in O(log n).
    public func index(id: UInt32) -> Int? {
        let i = caches.partitioningIndex { $0.id < id }
        return i < caches.count && caches[i].id == id ? i : nil
    }
    public func cache(named name: String) -> KmemCache? { index(named: name).map { caches[$0] } }
    /// Every name a learner may use: caches and their aliases, sorted.
    public var allNames: [String] { caches.flatMap { [$0.name] + $0.aliases }.sorted() }
}

/// The boot-time debug configuration: SLUB's `slub_debug=` letters, or SLAB's CONFIG_DEBUG_SLAB (`on`).
public struct SlabDebugConfig: Sendable, Equatable, Codable {
    /// SLUB: flags added to every cache (kmem_cache_flags()); SLAB: CONFIG_DEBUG_SLAB is on.
    public var slubFlags: SlabFlags = []
    public var debugSlab = false
    /// SLUB: the caches the letters apply to (`slub_debug=FZ,kmalloc-64,foo*`); empty = every cache.
    public var slubCaches: [String] = []
    public init() {}

    /// kmem_cache_flags(): the slub_debug flags a cache of this name gets.
    public func slubFlags(for name: String) -> SlabFlags {
        guard !slubCaches.isEmpty else { return slubFlags }
        for pattern in slubCaches {
            if pattern.hasSuffix("*") ? name.hasPrefix(String(pattern.dropLast())) : name == pattern { return slubFlags }
        }
        return []
    }

    /// Parses `slab_debug`: SLUB letters F Z P U T (bare "on"/"1" = FZPU; "-" = off); SLAB "on"/"off".
    public static func parse(_ text: String, kind: SlabAllocatorKind) -> SlabDebugConfig? {
        var c = SlabDebugConfig()
        let t = text.trimmingSpaces
        if t.isEmpty || t == "off" || t == "-" || t == "0" { return c }
        switch kind {
        case .slab:
            guard t == "on" || t == "1" || t.uppercased() == "FZPU" else { return nil }
            c.debugSlab = true
        case .slub:
            var parts = t.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
            guard !parts.isEmpty else { return c }
            let letters = parts.removeFirst()
            c.slubCaches = parts
            let t = letters
            if t == "on" || t == "1" || t.isEmpty {
                c.slubFlags = [.consistencyChecks, .redZone, .poison, .storeUser]
                return c
            }
            for ch in t.uppercased() {
                switch ch {
                case "F": c.slubFlags.insert(.consistencyChecks)
                case "Z": c.slubFlags.insert(.redZone)
                case "P": c.slubFlags.insert(.poison)
                case "U": c.slubFlags.insert(.storeUser)
                case "T": c.slubFlags.insert(.trace)
                default: return nil
                }
            }
        }
        return c
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}


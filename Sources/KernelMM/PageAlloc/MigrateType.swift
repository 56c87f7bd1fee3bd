/// enum migratetype (include/linux/mmzone.h) as configured here: no CMA, no memory isolation.
public enum MigrateType: Int, CaseIterable, Sendable, Comparable, Codable {
    case unmovable = 0, movable = 1, reclaimable = 2, highAtomic = 3

    /// MIGRATE_PCPTYPES: the types that have per-CPU lists.
    public static let pcpTypes = 3

    /// The names used by /proc/pagetypeinfo (migratetype_names[]).
    public var procName: String {
        switch self {
        case .unmovable: "Unmovable"
        case .movable: "Movable"
        case .reclaimable: "Reclaimable"
        case .highAtomic: "HighAtomic"
        }
    }

    /// mm/page_alloc.c fallbacks[]: which types an allocation may steal from when its own lists are empty.
    public var fallbacks: [MigrateType] {
        switch self {
        case .unmovable: [.reclaimable, .movable]
        case .movable: [.reclaimable, .unmovable]
        case .reclaimable: [.unmovable, .movable]
        case .highAtomic: []
        }
    }

    public static func < (a: MigrateType, b: MigrateType) -> Bool { a.rawValue < b.rawValue }

    /// The type a stored byte names, or `fallback`: init(rawValue:) inline (the synthesized one is a call on the free
    /// path). The cases are 0…3 in declaration order, stored as their index (PCPListTests checks the values).
    @inline(__always) static func stored(_ v: UInt8, else fallback: MigrateType) -> MigrateType {
        v < 4 ? unsafeBitCast(v, to: MigrateType.self) : fallback
    }
}

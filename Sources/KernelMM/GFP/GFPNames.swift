/// One named gfp value: a single `__GFP_*` bit or a composite `GFP_*` type.
public struct GFPName: Sendable, Hashable {
    public enum Group: String, Sendable, CaseIterable {
        case zone, mobility, watermark, reclaim, action, type
        public var title: String {
            switch self {
            case .zone: "zone modifiers"
            case .mobility: "page mobility and placement"
            case .watermark: "watermark modifiers"
            case .reclaim: "reclaim modifiers"
            case .action: "action modifiers"
            case .type: "useful gfp types"
            }
        }
    }
    public let name: String
    public let flags: GFPFlags
    public let group: Group
    public let summary: String
}

/// Flags that Linux no longer has, with what replaced them; naming one is an error that says so.
public struct RemovedGFPFlag: Sendable {
    public let name: String
    public let replacement: String
}

public enum GFPNames {
    /// Every bit and type of 6.6 (bits first, in bit order; then the types).
    public static let all: [GFPName] = [
        .init(name: "__GFP_DMA", flags: .dma, group: .zone, summary: "allocate from ZONE_DMA"),
        .init(name: "__GFP_HIGHMEM", flags: .highmem, group: .zone, summary: "ZONE_HIGHMEM allowed"),
        .init(name: "__GFP_DMA32", flags: .dma32, group: .zone, summary: "allocate from ZONE_DMA32"),
        .init(name: "__GFP_MOVABLE", flags: .movable, group: .zone, summary: "page can be migrated; with __GFP_HIGHMEM → ZONE_MOVABLE"),
        .init(name: "__GFP_RECLAIMABLE", flags: .reclaimable, group: .mobility, summary: "slab page that a shrinker can free"),
        .init(name: "__GFP_HIGH", flags: .high, group: .watermark, summary: "high priority: may use part of the min reserve"),
        .init(name: "__GFP_IO", flags: .io, group: .reclaim, summary: "reclaim may start physical I/O"),
        .init(name: "__GFP_FS", flags: .fs, group: .reclaim, summary: "reclaim may call into filesystems"),
        .init(name: "__GFP_ZERO", flags: .zero, group: .action, summary: "return zeroed memory"),
        .init(name: "__GFP_DIRECT_RECLAIM", flags: .directReclaim, group: .reclaim, summary: "may enter direct reclaim, so may sleep"),
        .init(name: "__GFP_KSWAPD_RECLAIM", flags: .kswapdReclaim, group: .reclaim, summary: "wake kswapd when the low watermark is reached"),
        .init(name: "__GFP_WRITE", flags: .write, group: .mobility, summary: "the page will be dirtied (spread across nodes)"),
        .init(name: "__GFP_NOWARN", flags: .nowarn, group: .action, summary: "no allocation-failure report"),
        .init(name: "__GFP_RETRY_MAYFAIL", flags: .retryMayfail, group: .reclaim, summary: "try hard, may fail, never OOM-kill"),
        .init(name: "__GFP_NOFAIL", flags: .nofail, group: .reclaim, summary: "retry forever; the caller cannot handle failure"),
        .init(name: "__GFP_NORETRY", flags: .noretry, group: .reclaim, summary: "one light attempt at reclaim, no OOM kill"),
        .init(name: "__GFP_MEMALLOC", flags: .memalloc, group: .watermark, summary: "ignore watermarks (for freeing memory)"),
        .init(name: "__GFP_COMP", flags: .comp, group: .action, summary: "compound page: head and tail pages"),
        .init(name: "__GFP_NOMEMALLOC", flags: .nomemalloc, group: .watermark, summary: "never use reserves; beats __GFP_MEMALLOC"),
        .init(name: "__GFP_HARDWALL", flags: .hardwall, group: .mobility, summary: "enforce the cpuset memory policy"),
        .init(name: "__GFP_THISNODE", flags: .thisnode, group: .mobility, summary: "this node only, no fallback"),
        .init(name: "__GFP_ACCOUNT", flags: .account, group: .mobility, summary: "charge to the memory cgroup (kmemcg)"),
        .init(name: "__GFP_ZEROTAGS", flags: .zerotags, group: .action, summary: "zero MTE tags too (with __GFP_ZERO)"),
        .init(name: "__GFP_RECLAIM", flags: .reclaim, group: .reclaim, summary: "__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM"),
        .init(name: "__GFP_SKIP_ZERO", flags: [], group: .action, summary: "0 unless CONFIG_KASAN_HW_TAGS"),
        .init(name: "__GFP_SKIP_KASAN", flags: [], group: .action, summary: "0 unless CONFIG_KASAN_HW_TAGS"),
        .init(name: "__GFP_NOLOCKDEP", flags: [], group: .action, summary: "0 unless CONFIG_LOCKDEP"),
        .init(name: "GFP_ATOMIC", flags: .atomic, group: .type, summary: "cannot sleep, may use reserves (interrupt handlers that must succeed)"),
        .init(name: "GFP_KERNEL", flags: .kernel, group: .type, summary: "the usual kernel allocation; may sleep"),
        .init(name: "GFP_KERNEL_ACCOUNT", flags: .kernelAccount, group: .type, summary: "GFP_KERNEL charged to kmemcg (untrusted, user-triggered)"),
        .init(name: "GFP_NOWAIT", flags: .nowait, group: .type, summary: "cannot sleep, no reserves (atomic context with a fallback)"),
        .init(name: "GFP_NOIO", flags: .noio, group: .type, summary: "may sleep, no I/O in reclaim (legacy: use memalloc_noio_save)"),
        .init(name: "GFP_NOFS", flags: .nofs, group: .type, summary: "may sleep, no filesystem calls in reclaim (legacy: memalloc_nofs_save)"),
        .init(name: "GFP_USER", flags: .user, group: .type, summary: "user-space memory the kernel also accesses"),
        .init(name: "GFP_DMA", flags: .gfpDMA, group: .type, summary: "ZONE_DMA, no reclaim bits (legacy: use dma_alloc_*)"),
        .init(name: "GFP_DMA32", flags: .gfpDMA32, group: .type, summary: "ZONE_DMA32, no reclaim bits"),
        .init(name: "GFP_HIGHUSER", flags: .highuser, group: .type, summary: "user memory, HIGHMEM allowed"),
        .init(name: "GFP_HIGHUSER_MOVABLE", flags: .highuserMovable, group: .type, summary: "user memory that can be migrated"),
        .init(name: "GFP_TRANSHUGE_LIGHT", flags: .transhugeLight, group: .type, summary: "THP allocation without reclaim"),
        .init(name: "GFP_TRANSHUGE", flags: .transhuge, group: .type, summary: "THP allocation with direct reclaim"),
    ]

    public static let removed: [RemovedGFPFlag] = [
        .init(name: "__GFP_WAIT", replacement: "__GFP_DIRECT_RECLAIM (\"may sleep\"); 4.4 split it into __GFP_DIRECT_RECLAIM and __GFP_KSWAPD_RECLAIM"),
        .init(name: "__GFP_REPEAT", replacement: "__GFP_RETRY_MAYFAIL (since 4.13)"),
        .init(name: "__GFP_COLD", replacement: "nothing: removed in 4.15, the per-CPU lists no longer keep cold pages"),
        .init(name: "__GFP_NOTRACK", replacement: "nothing: kmemcheck was removed in 4.15"),
        .init(name: "__GFP_ATOMIC", replacement: "nothing: removed in 6.3; reserve access now comes from __GFP_HIGH and not being able to sleep"),
        .init(name: "__GFP_NO_KSWAPD", replacement: "GFP_TRANSHUGE_LIGHT or clearing __GFP_KSWAPD_RECLAIM"),
        .init(name: "__GFP_OTHER_NODE", replacement: "nothing: removed in 4.11"),
        .init(name: "__GFP_NOACCOUNT", replacement: "nothing: accounting is opt-in with __GFP_ACCOUNT"),
        .init(name: "GFP_TEMPORARY", replacement: "GFP_KERNEL (removed in 4.14)"),
        .init(name: "GFP_NOWAIT_NOWARN", replacement: "GFP_NOWAIT | __GFP_NOWARN"),
        .init(name: "GFP_IOFS", replacement: "__GFP_IO | __GFP_FS"),
        .init(name: "__GFP_HIGHMEN", replacement: "__GFP_HIGHMEM (the M is an M)"),
    ]

    public static func lookup(_ name: String) -> GFPName? { byName[name] }

    /// `all` by name (the first entry wins, as a search of `all` would find it): every script line names a mask.
    static let byName: [String: GFPName] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// include/trace/events/mmflags.h __def_gfpflag_names: the order %pGg prints names in (most bits first).
    static let printOrder: [(String, GFPFlags)] = [
        ("GFP_TRANSHUGE", .transhuge), ("GFP_TRANSHUGE_LIGHT", .transhugeLight),
        ("GFP_HIGHUSER_MOVABLE", .highuserMovable), ("GFP_HIGHUSER", .highuser), ("GFP_USER", .user),
        ("GFP_KERNEL_ACCOUNT", .kernelAccount), ("GFP_KERNEL", .kernel), ("GFP_NOFS", .nofs),
        ("GFP_ATOMIC", .atomic), ("GFP_NOIO", .noio), ("GFP_NOWAIT", .nowait), ("GFP_DMA", .gfpDMA),
        ("__GFP_HIGHMEM", .highmem), ("GFP_DMA32", .gfpDMA32), ("__GFP_HIGH", .high), ("__GFP_IO", .io),
        ("__GFP_FS", .fs), ("__GFP_NOWARN", .nowarn), ("__GFP_RETRY_MAYFAIL", .retryMayfail),
        ("__GFP_NOFAIL", .nofail), ("__GFP_NORETRY", .noretry), ("__GFP_COMP", .comp), ("__GFP_ZERO", .zero),
        ("__GFP_NOMEMALLOC", .nomemalloc), ("__GFP_MEMALLOC", .memalloc), ("__GFP_HARDWALL", .hardwall),
        ("__GFP_THISNODE", .thisnode), ("__GFP_RECLAIMABLE", .reclaimable), ("__GFP_MOVABLE", .movable),
        ("__GFP_ACCOUNT", .account), ("__GFP_WRITE", .write), ("__GFP_RECLAIM", .reclaim),
        ("__GFP_DIRECT_RECLAIM", .directReclaim), ("__GFP_KSWAPD_RECLAIM", .kswapdReclaim),
        ("__GFP_ZEROTAGS", .zerotags),
    ]
}

extension GFPFlags: CustomStringConvertible {
    /// The kernel's %pGg spelling (lib/vsprintf.c format_flags over the mmflags.h table): names that match whole,
    /// most bits first, joined by '|'; leftover bits in hex; "none" for 0 (show_gfp_flags).
    public var kernelDescription: String { rawValue == 0 ? "none" : pGg }

    /// %pGg itself prints nothing for an empty mask.
    public var pGg: String {
        var rest = rawValue
        var parts: [String] = []
        for (name, mask) in GFPNames.printOrder where mask.rawValue != 0 && rest & mask.rawValue == mask.rawValue {
            parts.append(name)
            rest &= ~mask.rawValue
        }
        if rest != 0 { parts.append("0x" + String(rest, radix: 16)) }
        return parts.joined(separator: "|")
    }
    /// `0xcc0(GFP_KERNEL)`, as page allocation failure reports print `mode:%#x(%pGg)`.
    public var description: String { "0x" + String(rawValue, radix: 16) + "(" + pGg + ")" }
}

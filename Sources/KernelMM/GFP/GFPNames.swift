/// One named gfp value: a single `__GFP_*` bit or a composite `GFP_*` type.
public struct GFPName: Sendable, Hashable {
    /// include/linux/gfp_types.h's sections; `help gfp` lists them in this order (MMShell words their titles).
    public enum Group: String, Sendable, CaseIterable {
        case zone, mobility, watermark, reclaim, action, type
    }
    public let name: String
    public let flags: GFPFlags
    public let group: Group
}

/// Flags that Linux no longer has; naming one is an error that says what replaced it (MMShell/Messages/Catalog+GFP.swift).
public struct RemovedGFPFlag: Sendable {
    public let name: String
}

public enum GFPNames {
    /// Every bit and type of 6.6 (bits first, in bit order; then the types).
    public static let all: [GFPName] = [
        .init(name: "__GFP_DMA", flags: .dma, group: .zone),
        .init(name: "__GFP_HIGHMEM", flags: .highmem, group: .zone),
        .init(name: "__GFP_DMA32", flags: .dma32, group: .zone),
        .init(name: "__GFP_MOVABLE", flags: .movable, group: .zone),
        .init(name: "__GFP_RECLAIMABLE", flags: .reclaimable, group: .mobility),
        .init(name: "__GFP_HIGH", flags: .high, group: .watermark),
        .init(name: "__GFP_IO", flags: .io, group: .reclaim),
        .init(name: "__GFP_FS", flags: .fs, group: .reclaim),
        .init(name: "__GFP_ZERO", flags: .zero, group: .action),
        .init(name: "__GFP_DIRECT_RECLAIM", flags: .directReclaim, group: .reclaim),
        .init(name: "__GFP_KSWAPD_RECLAIM", flags: .kswapdReclaim, group: .reclaim),
        .init(name: "__GFP_WRITE", flags: .write, group: .mobility),
        .init(name: "__GFP_NOWARN", flags: .nowarn, group: .action),
        .init(name: "__GFP_RETRY_MAYFAIL", flags: .retryMayfail, group: .reclaim),
        .init(name: "__GFP_NOFAIL", flags: .nofail, group: .reclaim),
        .init(name: "__GFP_NORETRY", flags: .noretry, group: .reclaim),
        .init(name: "__GFP_MEMALLOC", flags: .memalloc, group: .watermark),
        .init(name: "__GFP_COMP", flags: .comp, group: .action),
        .init(name: "__GFP_NOMEMALLOC", flags: .nomemalloc, group: .watermark),
        .init(name: "__GFP_HARDWALL", flags: .hardwall, group: .mobility),
        .init(name: "__GFP_THISNODE", flags: .thisnode, group: .mobility),
        .init(name: "__GFP_ACCOUNT", flags: .account, group: .mobility),
        .init(name: "__GFP_ZEROTAGS", flags: .zerotags, group: .action),
        .init(name: "__GFP_RECLAIM", flags: .reclaim, group: .reclaim),
        .init(name: "__GFP_SKIP_ZERO", flags: [], group: .action),
        .init(name: "__GFP_SKIP_KASAN", flags: [], group: .action),
        .init(name: "__GFP_NOLOCKDEP", flags: [], group: .action),
        .init(name: "GFP_ATOMIC", flags: .atomic, group: .type),
        .init(name: "GFP_KERNEL", flags: .kernel, group: .type),
        .init(name: "GFP_KERNEL_ACCOUNT", flags: .kernelAccount, group: .type),
        .init(name: "GFP_NOWAIT", flags: .nowait, group: .type),
        .init(name: "GFP_NOIO", flags: .noio, group: .type),
        .init(name: "GFP_NOFS", flags: .nofs, group: .type),
        .init(name: "GFP_USER", flags: .user, group: .type),
        .init(name: "GFP_DMA", flags: .gfpDMA, group: .type),
        .init(name: "GFP_DMA32", flags: .gfpDMA32, group: .type),
        .init(name: "GFP_HIGHUSER", flags: .highuser, group: .type),
        .init(name: "GFP_HIGHUSER_MOVABLE", flags: .highuserMovable, group: .type),
        .init(name: "GFP_TRANSHUGE_LIGHT", flags: .transhugeLight, group: .type),
        .init(name: "GFP_TRANSHUGE", flags: .transhuge, group: .type),
    ]

    public static let removed: [RemovedGFPFlag] = [
        .init(name: "__GFP_WAIT"),
        .init(name: "__GFP_REPEAT"),
        .init(name: "__GFP_COLD"),
        .init(name: "__GFP_NOTRACK"),
        .init(name: "__GFP_ATOMIC"),
        .init(name: "__GFP_NO_KSWAPD"),
        .init(name: "__GFP_OTHER_NODE"),
        .init(name: "__GFP_NOACCOUNT"),
        .init(name: "GFP_TEMPORARY"),
        .init(name: "GFP_NOWAIT_NOWARN"),
        .init(name: "GFP_IOFS"),
        .init(name: "__GFP_HIGHMEN"),
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

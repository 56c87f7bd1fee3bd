/// enum zone_type (include/linux/mmzone.h), in the kernel's order; raw values are the compiled-in zone index only
/// on x86-64 — use `Architecture.configuredZones` to find a zone's index on a given architecture.
public enum ZoneType: Int, CaseIterable, Sendable, Comparable, Hashable, Codable {
    case dma, dma32, normal, highmem, movable, device

    /// The name in /proc files ("DMA", "DMA32", "Normal", "HighMem", "Movable", "Device").
    public var procName: String {
        switch self {
        case .dma: "DMA"
        case .dma32: "DMA32"
        case .normal: "Normal"
        case .highmem: "HighMem"
        case .movable: "Movable"
        case .device: "Device"
        }
    }

    /// The C name, ZONE_*.
    public var kernelName: String {
        switch self {
        case .dma: "ZONE_DMA"
        case .dma32: "ZONE_DMA32"
        case .normal: "ZONE_NORMAL"
        case .highmem: "ZONE_HIGHMEM"
        case .movable: "ZONE_MOVABLE"
        case .device: "ZONE_DEVICE"
        }
    }

    public static func < (a: ZoneType, b: ZoneType) -> Bool { a.rawValue < b.rawValue }

    public static func named(_ s: String) -> ZoneType? {
        let k = s.lowercased().replacingPrefix("zone_")
        return allCases.first { $0.procName.lowercased() == k }
    }
}

extension String {
    func replacingPrefix(_ p: String) -> String { hasPrefix(p) ? String(dropFirst(p.count)) : self }
}

/// A page frame number. Typed so that a PFN is never mistaken for an order, an address or an index into a list.
public struct PFN: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var raw: Int
    @inlinable public init(_ raw: Int) { self.raw = raw }
    public static func < (a: PFN, b: PFN) -> Bool { a.raw < b.raw }
    public static func + (a: PFN, n: Int) -> PFN { PFN(a.raw + n) }
    /// The kernel prints PFNs in hex (`pfn:%#lx`).
    public var description: String { "0x" + String(raw, radix: 16) }
}

/// A physical address.
public struct PhysAddr: Hashable, Comparable, Sendable, Codable {
    public var raw: UInt64
    public init(_ raw: UInt64) { self.raw = raw }
    public static func < (a: PhysAddr, b: PhysAddr) -> Bool { a.raw < b.raw }
}

/// A kernel virtual address (direct map, vmalloc area, vmemmap).
public struct VirtAddr: Hashable, Comparable, Sendable, Codable {
    public var raw: UInt64
    public init(_ raw: UInt64) { self.raw = raw }
    public static func < (a: VirtAddr, b: VirtAddr) -> Bool { a.raw < b.raw }
}

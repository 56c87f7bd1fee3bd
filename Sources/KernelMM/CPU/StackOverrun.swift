/// What a stack overflow ran into, as facts for its note (the shell words them).
public enum StackOverrunTarget: Sendable, Equatable, Codable {
    /// Only STACK_END_MAGIC, the stack's lowest word, was overwritten.
    case onlyStackEndMagic
    /// `bytes` below the stack, reaching into frame `pfn` (what it held, when the frame exists).
    case below(bytes: Int, pfn: Int, frame: FrameFact?)
    /// The frame right below an IRQ stack (nil: the stack starts at pfn 0).
    case frameBelow(pfn: Int, frame: FrameFact)
    /// An IRQ stack without a frame number: the memory below it.
    case memoryBelow
}

/// What a frame holds, in the terms a stack-overflow note uses.
public enum FrameFact: Sendable, Equatable, Codable {
    case allocated(FrameOwner)
    case freeBlock
    case pcpPage
    case reserved
    case noRAM
    case insideAllocated(FrameOwner)
    case insideFree
}

/// What is below a vmapped stack: the guard page of the area, or a gap that was never mapped.
public enum StackGuardBelow: Sendable, Equatable, Codable {
    case guardPage(areaStart: UInt64)
    case unmappedGap
}

extension Kernel {
    func frameFact(_ pfn: Int) -> FrameFact {
        let f = frames[pfn]
        switch f.state {
        case .allocated: return .allocated(f.owner)
        case .buddy: return .freeBlock
        case .pcp: return .pcpPage
        case .reserved: return .reserved
        case .absent: return .noRAM
        case .tail: return allocatedBlock(containing: pfn).map { .insideAllocated(frames[$0.head].owner) } ?? .insideFree
        }
    }
}

/// What kvfree() did: it frees with vfree() or kfree() depending on the address.
public enum KvfreeOutcome: Sendable, Equatable {
    case kfree(KfreeOutcome)
    case vfree(VfreeOutcome)
}

extension Kernel {
    /// mm/util.c kvmalloc_node(): try kmalloc first (for more than a page: quietly, without retrying hard or the OOM
    /// killer, and without __GFP_NOFAIL, which the vmalloc fallback implements), then fall back to vmalloc —
    /// only for more than a page, and only if the mask may sleep.
    public mutating func kvmalloc(_ size: Int, gfp: GFPFlags, caller: String = "kvmalloc") -> UInt64? {
        var kmallocFlags = gfp
        if size > pageSize {
            kmallocFlags.insert(.nowarn)
            if !kmallocFlags.contains(.retryMayfail) { kmallocFlags.insert(.noretry) }
            kmallocFlags.remove(.nofail)
        }
        if explainEnabled, size > pageSize {
            explanation.append(.kmalloc(.kvmallocTriesKmalloc(size: size, gfp: kmallocFlags)))
        }
        if let p = kmalloc(size, gfp: kmallocFlags, caller: caller) { return p }
        guard size > pageSize else { return nil }
        guard gfp.allowsBlocking else {
            if explainEnabled { explanation.append(.kmalloc(.kvmallocCannotSleep)) }
            return nil
        }
        guard size <= Int(Int32.max) else {
            if !gfp.contains(.nowarn), log.firstTime("kvmalloc INT_MAX") {
                report(.warning(file: "mm/util.c", line: 622, function: "kvmalloc_node"), taint: "W", callTrace: ["kvmalloc_node", caller],
                       note: .kvmallocAboveIntMax)
            }
            return nil
        }
        if explainEnabled { explanation.append(.kmalloc(.kvmallocFallsBack(size: size))) }
        return vmallocNodeRange(size: UInt64(size), gfp: gfp, flags: .allowHugeVmap, caller: caller, site: callSite?.symbol(.alloc))
    }

    /// kvfree(): vfree() for vmalloc addresses, kfree() for everything else.
    @discardableResult
    public mutating func kvfree(_ addr: UInt64, caller: String = "kvfree") -> KvfreeOutcome {
        isVmallocAddr(addr) ? .vfree(vfree(addr, caller: caller)) : .kfree(kfree(addr, caller: caller))
    }
}

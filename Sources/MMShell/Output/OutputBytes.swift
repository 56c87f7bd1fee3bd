#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable run of output bytes that text can be written into in place: the runner's gathered stdout, which a
/// script line's value line (`$p = (struct page *)0x…`) goes straight into (`Shell.execute(_:source:line:stdout:)`)
/// rather than through a String of its own, which was an allocation, a UTF-8 check, a copy into the buffer and a free
/// on every line that allocates.
///
/// One thread uses it (the runner's), so its fields are not checked for exclusive access: a class's stored `var`
/// cost a run-time begin and end call at each use, and every script line uses them.
public final class OutputBytes: @unchecked Sendable {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>?
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var capacity = 0

    public init() {}
    deinit { free(base) }

    public var isEmpty: Bool { count == 0 }

    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        let to = room(bytes.count)
        to.update(from: from, count: bytes.count)
        count += bytes.count
    }

    public func append(_ s: String) {
        s.withUTF8Bytes { append($0) }
    }

    /// Forgets the bytes, keeping the storage.
    public func removeAll() { count = 0 }

    /// The bytes held, for write(2).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Where the next `n` bytes go, with room made for them.
    func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity {
            let grown = max(capacity * 2, count + n, 4096)
            guard let p = realloc(base, grown)?.assumingMemoryBound(to: UInt8.self) else { fatalError("out of memory") } // trap-ok: no memory for output
            base = p
            capacity = grown
        }
        return base! + count // trap-ok: made above
    }

    /// Counts `n` bytes written at `room(_:)` as held.
    func commit(_ n: Int) { count += n }
}

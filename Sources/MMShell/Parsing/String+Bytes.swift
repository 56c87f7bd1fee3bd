extension String {
    /// The String of these UTF-8 bytes, invalid sequences repaired as `String(decoding:as: UTF8.self)` repairs them.
    /// Built in the String's own storage: up to 15 bytes of ASCII fill a small string in place with no validation
    /// pass, where `String(decoding:)` validated the bytes first and copied them after. The parser makes four or
    /// five such words (`p`, `alloc_pages`, `GFP_KERNEL`, `0`) from every script line.
    @inline(__always)
    init(utf8Bytes b: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: b.count) { to in
            guard let from = b.baseAddress, let base = to.baseAddress else { return 0 }
            base.initialize(from: from, count: b.count)
            return b.count
        }
    }

    /// The first UTF-8 byte (nil for ""), read by index: the generic `utf8.first` was a call of forty instructions,
    /// and every word of every line is asked whether it starts with a `-` or a `$`.
    @inline(__always)
    var firstUTF8Byte: UInt8? { utf8.isEmpty ? nil : utf8[utf8.startIndex] }

    /// `body` on the String's UTF-8 bytes: in place where they are contiguous (a native String), else on a copy's
    /// (`withUTF8` alone wants a mutable copy to call on, a retain and release even when it is native).
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var s = self
        return s.withUTF8(body)
    }

    /// The same for a slice of a buffer.
    @inline(__always)
    init(utf8Bytes b: Slice<UnsafeBufferPointer<UInt8>>) { self.init(utf8Bytes: UnsafeBufferPointer(rebasing: b)) }
}

// One definition of "a line" for every non-interactive reader: split on LF, drop one trailing CR.

/// Decodes one line's bytes (LF already removed), dropping a trailing CR so CRLF files read cleanly.
/// Invalid UTF-8 is repaired rather than rejected: a script must not crash the shell.
func decodeLine<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    if bytes.last == 0x0D {
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Splits text into lines. A final line without LF still counts; a final LF does not add an empty line.
func splitLines(_ text: String) -> [String] {
    // Split on bytes, not Characters: Swift treats "\r\n" as a single Character.
    var parts = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
    if parts.last?.isEmpty == true {
        parts.removeLast()
    }
    return parts.map { decodeLine($0) }
}

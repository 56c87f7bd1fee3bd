/// The renderers of `MemblockModel` (`memblock`): region names in the learner's language, addresses as memblock's
/// debug output prints them.
extension MemblockModel {
    func text(_ lang: Language) -> String {
        var t = "RAM (firmware map):\n"
        for r in ram { t += "  [mem \(Format.hex(r.start, digits: 16))-\(Format.hex(r.end - 1, digits: 16))] \(Format.bytes(r.end - r.start))\n" }
        t += "reserved:\n"
        for r in reserved {
            t += "  [mem \(Format.hex(r.start, digits: 16))-\(Format.hex(r.start + r.size - 1, digits: 16))] \(Format.right(Format.bytes(r.size), 9))  \(Message.memblockPurpose(r.purpose).text(lang))"
            // memblock.reserved keeps the record of what the page allocator got back.
            t += r.freedAfterBoot ? "  " + ConfigStrings.freedAfterBoot.text(lang) + "\n" : "\n"
        }
        return t
    }

    var json: JSONValue {
        .object([
            ("ram", .array(ram.map { .object([("start", .hex($0.start)), ("end", .hex($0.end))]) })),
            ("reserved", .array(reserved.map { .object([("start", .hex($0.start)), ("size", .int(Int($0.size))), ("name", .string(Message.memblockPurpose($0.purpose).en)),
                                                        ("freed_after_boot", .bool($0.freedAfterBoot))]) })),
        ])
    }
}

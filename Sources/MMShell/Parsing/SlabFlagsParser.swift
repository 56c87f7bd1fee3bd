import KernelMM

/// Slab flag expressions: `SLAB_HWCACHE_ALIGN|SLAB_POISON`, names without the SLAB_ prefix, numbers, or `0`.
enum SlabFlagsParser {
    static var allNames: [String] { SlabFlags.names.map(\.0) }

    static func parse(_ text: String) throws(CommandError) -> SlabFlags {
        var flags: SlabFlags = []
        for raw in text.split(separator: "|") {
            let w = String(raw).trimmingCharacters(in: " ")
            if w.isEmpty { continue }
            if let n = NumberParser.unsigned(w), n <= UInt64(UInt32.max) {
                flags.insert(SlabFlags(rawValue: UInt32(n)))
                continue
            }
            let upper = w.uppercased()
            let name = upper.hasPrefix("SLAB_") ? upper : "SLAB_" + upper
            guard let f = SlabFlags.names.first(where: { $0.0 == name })?.1 else {
                let s = Suggest.closest(name, in: allNames)
                throw .badArgument(argument: "FLAGS", value: w,
                                   reason: .notSlabFlag(suggestion: s, all: allNames))
            }
            flags.insert(f)
        }
        return flags
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

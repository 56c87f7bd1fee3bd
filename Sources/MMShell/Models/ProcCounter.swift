/// One line of a /proc file of named numbers (meminfo, vmstat): the view model that the text, `--json`, queries and
/// the snapshot page share.
struct ProcCounter: Sendable, Equatable {
    var name: String
    /// The number the file shows (kB for kB lines).
    var value: Int
    var kB: Bool
    /// meminfo's "%-16s%8lu": the label (name and colon) padded to this many columns, the number right-aligned in the
    /// next ones.
    var labelWidth = 16
    var valueWidth = 8

    init(_ name: String, _ value: Int, kB: Bool, labelWidth: Int = 16, valueWidth: Int = 8) {
        self.name = name
        self.value = value
        self.kB = kB
        self.labelWidth = labelWidth
        self.valueWidth = valueWidth
    }

    /// {"MemTotal": 1234, …} in file order.
    static func json(_ rows: [ProcCounter]) -> JSONValue { .object(rows.map { ($0.name, .int($0.value)) }) }

    /// A counter by name: exact first, then ignoring case (`meminfo.memfree`).
    static func find(_ rows: [ProcCounter], _ name: String) -> ProcCounter? {
        rows.first { $0.name == name } ?? rows.first { $0.name.lowercased() == name.lowercased() }
    }
}

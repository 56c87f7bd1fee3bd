/// Every command kmemsim knows, declared once. Each family contributes its list in its own file.
public struct CommandTable: Sendable {
    public let all: [CommandSpec]
    private let index: [String: Int]

    public init(_ specs: [CommandSpec]) {
        all = specs
        var idx: [String: Int] = [:]
        for (i, s) in specs.enumerated() {
            idx[s.name] = i
            for a in s.aliases { idx[a] = i }
        }
        index = idx
    }

    /// The table the shell runs: one list per family, in `help` order.
    public static let standard = CommandTable(
        PageAllocCommands.all + AddressCommands.all + SlabCommands.all + KmallocCommands.all + KvmallocCommands.all + ViewCommands.all + QueryCommands.all
            + SessionCommands.all + CPUCommands.all + PercpuCommands.all + TaskCommands.all + VmallocCommands.all
            + LessonCommands.all + QuizCommands.all + PictureCommands.all
    )

    public func lookup(_ name: String) -> CommandSpec? { index[name].map { all[$0] } }

    /// Names and aliases, for completion and suggestions.
    public var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}

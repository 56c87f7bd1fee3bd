/// Every command kmemsim knows, declared once. Each family contributes its list in its own file.
public struct CommandTable: Sendable {
    public let all: [CommandSpec]
    /// Name or alias → command (every line looks its command up, some twice).
    private let index: WordTable<CommandSpec>

    public init(_ specs: [CommandSpec]) {
        all = specs
        // A later name or alias replaces an earlier one, as assigning into a dictionary in this order did.
        var pairs: [(String, CommandSpec)] = []
        for s in specs.reversed() {
            for a in s.aliases.reversed() { pairs.append((a, s)) }
            pairs.append((s.name, s))
        }
        let index = WordTable(pairs)
        self.index = index
        namesFindTheirOwn = specs.allSatisfy { index[$0.name] === $0 }
    }

    /// Every command's name looks up that command (no alias of another takes it): a name known to be some
    /// command's then names that command, without a lookup (`Shell.run`, after `CInput.isC` found the command).
    let namesFindTheirOwn: Bool

    /// The table the shell runs: one list per family, in `help` order.
    public static let standard = CommandTable(
        PageAllocCommands.all + AddressCommands.all + SlabCommands.all + KmallocCommands.all + KvmallocCommands.all + ViewCommands.all + QueryCommands.all
            + SessionCommands.all + CPUCommands.all + PercpuCommands.all + TaskCommands.all + VmallocCommands.all + HighmemCommands.all
            + ModuleCommands.all + LessonCommands.all + GlossaryCommands.all + QuizCommands.all + PictureCommands.all
    )

    public func lookup(_ name: String) -> CommandSpec? { index[name] }
    /// The same for a name given as ASCII bytes.
    func lookup(bytes: UnsafeBufferPointer<UInt8>) -> CommandSpec? { index.value(bytes: bytes) }

    /// Names and aliases, for completion and suggestions.
    public var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}

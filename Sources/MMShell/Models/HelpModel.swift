/// `help` as data, from the command table: which page was asked for (the families, one family or all, one command,
/// a topic) and each command's usage, summary, C declaration, arguments, options, sub-commands and examples. The text
/// (fitted to the terminal, in the learner's language) and `--json` read it.
struct HelpModel: Sendable {
    struct Argument: Sendable {
        var name: String
        var kind: Message
        var optional: Bool
    }

    /// One command's help (from its `CommandSpec`).
    struct Command: Sendable {
        var name: String
        var usage: String
        var aliases: [String]
        var summary: Message
        var cDeclaration: String?
        var header: String?
        var contexts: Message?
        var details: Message
        var arguments: [Argument]
        var options: [String]
        var subcommands: [(usage: String, summary: Message)]
        var examples: [String]

        init(_ c: CommandSpec) {
            name = c.name
            usage = c.usage
            aliases = c.aliases
            summary = Message.commandSummary(c)
            cDeclaration = c.cDeclaration
            header = c.header
            contexts = Message.commandContexts(c)
            details = Message.commandDetails(c)
            arguments = c.arguments.map { Argument(name: $0.name, kind: Message.argumentKind($0.kind), optional: $0.optional) }
            options = c.options.map(\.usage)
            subcommands = c.subcommands.map { ($0.usage, Message.commandSummary($0)) }
            examples = c.examples
        }
    }

    struct Family: Sendable {
        var family: CommandFamily
        var title: Message
        var commands: [Command]
    }

    enum Page: Sendable {
        /// `help`: every family with its commands' names.
        case overview([Family])
        /// `help FAMILY`, `help all`: each command's usage and summary.
        case families([Family])
        case command(Command)
        /// `help gfp`, `help boot`…: the topic's page, after the command of the same name if there is one.
        case topic(String, command: Command?)
    }

    var page: Page

    /// The page for `help [TOPIC]`, or nil when TOPIC names nothing.
    init?(topic: String?, table: CommandTable) {
        func families(_ fs: [CommandFamily]) -> [Family] {
            fs.compactMap { f in
                let cmds = table.all.filter { $0.family == f }
                return cmds.isEmpty ? nil : Family(family: f, title: Message.family(f), commands: cmds.map(Command.init))
            }
        }
        guard let topic else {
            page = .overview(families(CommandFamily.allCases))
            return
        }
        if topic == "all" { page = .families(families(CommandFamily.allCases)) }
        else if let f = CommandFamily.allCases.first(where: { $0.key == topic }) { page = .families(families([f])) }
        else if HelpView.topicNames.contains(topic) { page = .topic(topic, command: table.lookup(topic).map(Command.init)) }
        else if let c = table.lookup(topic) { page = .command(Command(c)) }
        else { return nil }
    }
}

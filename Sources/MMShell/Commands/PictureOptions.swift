import KernelMM

/// The options every picture command takes after its own arguments: `--svg FILE`, `--ascii`, `--width N`, and for
/// some `--picture`, `--around ADDR|$var`, `--from PFN --to PFN`. Read once, before the command touches anything.
struct PictureOptions: Sendable {
    var svg: String?
    /// `--force`: `--svg FILE` may replace a file kmemsim did not write.
    var force = false
    var ascii = false
    var picture = false
    var width: Int?
    var around: String?
    var from: String?
    var to: String?
    /// The command's own arguments, with the options taken out.
    var arguments: Arguments

    enum Option: String, CaseIterable, Sendable {
        case svg = "--svg", ascii = "--ascii", picture = "--picture", width = "--width"
        case around = "--around", from = "--from", to = "--to", force = "--force"
        var takesValue: Bool { self != .ascii && self != .picture && self != .force }
        var usage: String {
            switch self {
            case .svg: "--svg FILE"
            case .ascii: "--ascii"
            case .picture: "--picture"
            case .width: "--width N"
            case .around: "--around ADDR|$var"
            case .from: "--from PFN"
            case .to: "--to PFN"
            case .force: "--force"
            }
        }
    }

    /// The argument spec that lets a command take these options (the parser counts them as trailing words).
    static func spec(_ options: [Option]) -> ArgumentSpec {
        ArgumentSpec("options", .word(withForce(options).map(\.rawValue)), optional: true)
    }

    /// Wherever `--svg FILE` is taken, `--force` is too (it lets the file replace one kmemsim did not write).
    static func withForce(_ options: [Option]) -> [Option] {
        options.contains(.svg) && !options.contains(.force) ? options + [.force] : options
    }

    static func parse(_ a: Arguments, allowed given: [Option]) throws(CommandError) -> PictureOptions {
        let allowed = withForce(given)
        var o = PictureOptions(arguments: a)
        var rest: [String] = []
        var i = 0
        let list = allowed.map(\.usage).joined(separator: ", ")
        while i < a.raw.count {
            let word = a.raw[i]
            guard word.hasPrefix("--") else { rest.append(word); i += 1; continue }
            guard let opt = Option(rawValue: word), allowed.contains(opt) else {
                throw .badArgument(argument: "OPTION", value: word, reason: .commandTakesOptions(a.command.name, list))
            }
            var value = ""
            if opt.takesValue {
                guard i + 1 < a.raw.count, !a.raw[i + 1].hasPrefix("--") else {
                    throw .badArgument(argument: opt.rawValue, value: "", reason: .giveValue(opt.usage))
                }
                value = a.raw[i + 1]
                i += 1
            }
            switch opt {
            case .svg:
                guard !value.hasPrefix("$") else { throw .badArgument(argument: "--svg", value: value, reason: .svgNeedsFileName) }
                o.svg = value
            case .ascii: o.ascii = true
            case .picture: o.picture = true
            case .width:
                guard let n = NumberParser.integer(value), n >= 8, n <= 512 else {
                    throw .badArgument(argument: "--width", value: value, reason: .widthRange)
                }
                o.width = n
            case .around: o.around = value
            case .from: o.from = value
            case .to: o.to = value
            case .force: o.force = true
            }
            i += 1
        }
        o.arguments = Arguments(command: a.command, raw: rest, rest: a.rest, variables: a.variables, line: a.line)
        return o
    }

    /// --picture, or an option that only makes sense for a picture.
    var wantsPicture: Bool { picture || svg != nil || ascii }

    func terminalStyle(_ s: ShellSession) -> PictureTerminalStyle {
        var style = s.pictureStyle
        if ascii { style.unicode = false; style.color = false }
        return style
    }

    /// Draws the picture: into the SVG file when asked (and says so), else as terminal text.
    func output(_ p: Picture, _ s: ShellSession, json: JSONValue?) throws(CommandError) -> CommandOutput {
        if let svg {
            try FileOutput.write(FileOutput.marked(PictureSVGRenderer.render(p, language: s.lessons.language)), to: svg, kind: .picture,
                                 force: force, language: s.language)
            let said = Message(en: "wrote \(svg) (SVG: \(p.title))", ko: "\(svg)에 저장했습니다 (SVG: \(p.title))").text(s.lessons.language)
            return CommandOutput(text: said + "\n", json: .object([("svg", .string(svg)), ("picture", json ?? .null)]))
        }
        return CommandOutput(text: PictureTextRenderer.render(p, terminalStyle(s)), json: json)
    }
}

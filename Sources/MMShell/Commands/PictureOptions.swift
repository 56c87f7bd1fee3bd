import KernelMM

/// The options every picture command takes after its own arguments: `--svg FILE`, `--ascii`, `--width N`, and for
/// some `--picture`, `--around ADDR|$var`, `--from PFN --to PFN`. Read once, before the command touches anything.
struct PictureOptions: Sendable {
    var svg: String?
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
        case around = "--around", from = "--from", to = "--to"
        var takesValue: Bool { self != .ascii && self != .picture }
        var usage: String {
            switch self {
            case .svg: "--svg FILE"
            case .ascii: "--ascii"
            case .picture: "--picture"
            case .width: "--width N"
            case .around: "--around ADDR|$var"
            case .from: "--from PFN"
            case .to: "--to PFN"
            }
        }
    }

    /// The argument spec that lets a command take these options (the parser counts them as trailing words).
    static func spec(_ options: [Option]) -> ArgumentSpec {
        ArgumentSpec("options", .word(options.map(\.rawValue)), optional: true)
    }

    static func parse(_ a: Arguments, allowed: [Option]) throws(CommandError) -> PictureOptions {
        var o = PictureOptions(arguments: a)
        var rest: [String] = []
        var i = 0
        let list = allowed.map(\.usage).joined(separator: ", ")
        while i < a.raw.count {
            let word = a.raw[i]
            guard word.hasPrefix("--") else { rest.append(word); i += 1; continue }
            guard let opt = Option(rawValue: word), allowed.contains(opt) else {
                throw .badArgument(argument: "OPTION", value: word, reason: "\(a.command.name) takes " + list)
            }
            var value = ""
            if opt.takesValue {
                guard i + 1 < a.raw.count, !a.raw[i + 1].hasPrefix("--") else {
                    throw .badArgument(argument: opt.rawValue, value: "", reason: "give a value: " + opt.usage)
                }
                value = a.raw[i + 1]
                i += 1
            }
            switch opt {
            case .svg:
                guard !value.hasPrefix("$") else { throw .badArgument(argument: "--svg", value: value, reason: "give a file name, e.g. --svg picture.svg") }
                o.svg = value
            case .ascii: o.ascii = true
            case .picture: o.picture = true
            case .width:
                guard let n = NumberParser.integer(value), n >= 8, n <= 512 else {
                    throw .badArgument(argument: "--width", value: value, reason: "cells per row, 8…512")
                }
                o.width = n
            case .around: o.around = value
            case .from: o.from = value
            case .to: o.to = value
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
            try FileOutput.write(PictureSVGRenderer.render(p, language: s.lessons.language), to: svg)
            let said = PictureStrings.t(s.lessons.language, "wrote \(svg) (SVG: \(p.title))", "\(svg)에 저장했습니다 (SVG: \(p.title))")
            return CommandOutput(text: said + "\n", json: .object([("svg", .string(svg)), ("picture", json ?? .null)]))
        }
        return CommandOutput(text: PictureTextRenderer.render(p, terminalStyle(s)), json: json)
    }
}

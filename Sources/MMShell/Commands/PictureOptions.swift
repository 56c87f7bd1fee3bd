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

    /// The options a picture command declares in the table (the decoder takes them out of the line).
    static func options(_ options: [Option]) -> [OptionSpec] {
        withForce(options).map { o in
            switch o {
            case .svg: OptionSpec(o.rawValue, value: ArgumentSpec("file", .path))
            case .width: OptionSpec(o.rawValue, value: ArgumentSpec("width", .number), placeholder: "N")
            case .around: OptionSpec(o.rawValue, value: ArgumentSpec("around", .name), placeholder: "ADDR|$var")
            case .from, .to: OptionSpec(o.rawValue, value: ArgumentSpec("pfn", .name))
            case .ascii, .picture, .force: OptionSpec(o.rawValue)
            }
        }
    }

    /// Wherever `--svg FILE` is taken, `--force` is too (it lets the file replace one kmemsim did not write).
    static func withForce(_ options: [Option]) -> [Option] {
        options.contains(.svg) && !options.contains(.force) ? options + [.force] : options
    }

    /// The picture options the decoder found, checked: a file name for --svg, 8…512 cells for --width.
    static func parse(_ a: Arguments) throws(CommandError) -> PictureOptions {
        var o = PictureOptions(arguments: a)
        if let value = a.optionWord(Option.svg.rawValue) {
            guard !value.hasPrefix("$") else { throw .badArgument(argument: "--svg", value: value, reason: "give a file name, e.g. --svg picture.svg") }
            o.svg = value
        }
        o.ascii = a.has(option: Option.ascii.rawValue)
        o.picture = a.has(option: Option.picture.rawValue)
        o.force = a.has(option: Option.force.rawValue)
        if let n = a.optionNumber(Option.width.rawValue) {
            guard n >= 8, n <= 512 else { throw .badArgument(argument: "--width", value: String(n), reason: "cells per row, 8…512") }
            o.width = n
        }
        o.around = a.optionWord(Option.around.rawValue)
        o.from = a.optionWord(Option.from.rawValue)
        o.to = a.optionWord(Option.to.rawValue)
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
                                 force: force, language: s.language, in: s.files)
            let said = Message(en: "wrote \(svg) (SVG: \(p.title))", ko: "\(svg)에 저장했습니다 (SVG: \(p.title))").text(s.lessons.language)
            return CommandOutput(text: said + "\n", json: .object([("svg", .string(svg)), ("picture", json ?? .null)]))
        }
        return CommandOutput(text: PictureTextRenderer.render(p, terminalStyle(s)), json: json)
    }
}

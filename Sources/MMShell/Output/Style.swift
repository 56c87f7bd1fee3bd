/// Terminal styling. Colour is only ever a second channel: every styled text also reads right without it.
public struct Style: Sendable {
    public var colorEnabled: Bool
    public init(colorEnabled: Bool) { self.colorEnabled = colorEnabled }

    public enum Color: Int, Sendable {
        case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36, white = 37, gray = 90
        case brightRed = 91, brightGreen = 92, brightYellow = 93, brightBlue = 94, brightMagenta = 95, brightCyan = 96
    }

    public func paint(_ s: String, _ c: Color, bold: Bool = false) -> String {
        guard colorEnabled else { return s }
        return "\u{1b}[\(bold ? "1;" : "")\(c.rawValue)m" + s + "\u{1b}[0m"
    }
    public func bold(_ s: String) -> String { colorEnabled ? "\u{1b}[1m" + s + "\u{1b}[0m" : s }
}

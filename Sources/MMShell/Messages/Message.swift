/// One thing kmemsim says, written whole in each language.
///
/// The catalog is the set of `Message` constructors in `Catalog+*.swift` (one file per area: errors, notes, explain,
/// help, lessons…). Each constructor takes the facts as data and writes a complete English sentence and a complete
/// Korean sentence from them; call sites never join fragments (no `(으)로`, no `" is " + x`), so each language keeps
/// its own word order. Kernel identifiers (GFP_KERNEL, kmalloc) stay as they are in both.
///
///     extension Message {
///         static func unknownCommand(_ c: String) -> Message {
///             Message(en: "unknown command '\(c)'", ko: "'\(c)'(이)라는 명령은 없습니다")   // ← not this: glued particle
///         }
///     }
///     shell.say(.unknownCommand("kmaloc"))    // text in the session's language
public struct Message: Sendable, Equatable {
    public let en: String
    public let ko: String

    public init(en: String, ko: String) {
        self.en = en
        self.ko = ko
    }

    /// The same text in both languages (kernel identifiers, numbers, a command line).
    public init(verbatim: String) {
        self.en = verbatim
        self.ko = verbatim
    }

    public func text(_ lang: Language) -> String {
        switch lang {
        case .en: en
        case .ko: ko
        }
    }

    /// Lines of several messages, each in `lang`.
    public static func lines(_ messages: [Message], _ lang: Language) -> String {
        messages.map { $0.text(lang) }.joined(separator: "\n")
    }
}

extension Message: CustomStringConvertible {
    /// English, for debugging and for test failure output only; the shell always picks a language.
    public var description: String { en }
}

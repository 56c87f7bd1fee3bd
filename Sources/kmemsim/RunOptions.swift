import KernelMM
import LineEditing
import MMShell
#if canImport(Glibc)
import Glibc
#endif

/// What a run of kmemsim was asked for: the values of `Kmemsim`'s options, as plain fields. The run reads these, not
/// the `Kmemsim` command: making a `Kmemsim` value builds every option's ArgumentParser definition (names, help,
/// value parsers), which was 7 % of `kmemsim -c quit`, so the common command lines (`quickParse`) never make one.
/// The defaults are `Kmemsim`'s (QuickParseTests compares the two on every command line quickParse reads).
struct RunOptions: Equatable {
    var c: [String] = []
    var f: String?
    var bail = false
    var echo = false
    var json = false
    var oneStream = false
    var failOn: Kmemsim.FailOn?
    var color: Kmemsim.ColorMode = .auto
    var ascii = false
    var undoDepth: UInt = 10
    var validate = false
    /// The boot flags' values by parameter name (absent: not given).
    var bootFlags: [String: String] = [:]
    var lang: String?
    var noSkip = false
    var allowSkip = false
    var load: String?
    var progress: String?
    var words: [String] = []

    /// Boot parameters from the flags, validated by the same parser as `boot` at the prompt, in the table's order.
    func bootParams() throws(CommandError) -> BootParams {
        var p = BootParams()
        for parameter in BootParameter.all {
            if let v = bootFlags[parameter.name] { try parameter.apply(v, to: &p) }
        }
        return p
    }

    /// --lang, else LC_ALL / LC_MESSAGES / LANG (ko_KR… → Korean).
    func language() throws(CommandError) -> Language {
        if let lang {
            guard let l = Language(rawValue: lang.lowercased()) else {
                throw .badArgument(argument: "--lang", value: lang, reason: .useOneOf(["en", "ko"]))
            }
            return l
        }
        return Language.fromEnvironment { name in getenv(name).map { String(cString: $0) } }
    }

    /// Unicode block pictures on a colour terminal whose locale is UTF-8; plain ASCII letters otherwise (TERM=dumb,
    /// `LC_ALL=C`, or no locale at all: such a terminal may not show the blocks).
    func unicodePictures() -> Bool {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return !ascii && colorEnabled() && term != "dumb" && Self.localeIsUTF8 { getenv($0).map { String(cString: $0) } }
    }

    /// The character set of the locale in force (LC_ALL, else LC_CTYPE, else LANG, as setlocale reads them) is UTF-8.
    static func localeIsUTF8(_ env: (String) -> String?) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { env($0) }.first { !$0.isEmpty } ?? ""
        let l = locale.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
    }

    func colorEnabled() -> Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isTerminal(1) && getenv("NO_COLOR") == nil && getenv("TERM").map({ String(cString: $0) }) != "dumb"
        }
    }
}

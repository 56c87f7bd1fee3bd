/// The language kmemsim speaks: `--lang en|ko`, else LC_ALL / LC_MESSAGES / LANG (ko_KR… → Korean).
///
/// Only kmemsim's own words change with it; what the simulated kernel prints (BUG, WARNING, /proc, dmesg) stays in
/// the kernel's English, as a learner will meet it on a real machine.
public enum Language: String, Sendable, CaseIterable {
    case en, ko

    /// From a LANG/LC_ALL value such as "ko_KR.UTF-8"; anything not Korean is English.
    public static func fromLocale(_ value: String?) -> Language {
        guard let v = value?.lowercased() else { return .en }
        return v.hasPrefix("ko") ? .ko : .en
    }

    /// The first non-empty of LC_ALL, LC_MESSAGES, LANG (POSIX precedence), given a lookup so MMShell does no I/O.
    public static func fromEnvironment(_ lookup: (String) -> String?) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = lookup(name), !v.isEmpty { return fromLocale(v) }
        }
        return .en
    }
}

/// Lessons were the first thing with two languages; their name stays for the lesson code.
public typealias LessonLanguage = Language

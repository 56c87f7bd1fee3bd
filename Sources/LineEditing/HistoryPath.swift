// Where the history file lives, and making sure its directory exists.
import Glibc

extension EditLineReader {
    /// The history file for `environment`: `KMEMSIM_HISTORY` if set (empty disables history),
    /// else `$XDG_STATE_HOME/kmemsim/history`, else `$HOME/.local/state/kmemsim/history`;
    /// nil when none applies or history is disabled.
    public static func historyPath(environment: [String: String]) -> String? {
        if let override = environment["KMEMSIM_HISTORY"] {
            return override.isEmpty ? nil : override
        }
        // The XDG spec says relative or empty values are to be ignored.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return joinPath(state, "kmemsim/history")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return joinPath(home, ".local/state/kmemsim/history")
        }
        return nil
    }

    /// `historyPath(environment:)` applied to this process's environment.
    public static func defaultHistoryPath() -> String? {
        var environment: [String: String] = [:]
        for name in ["KMEMSIM_HISTORY", "XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) {
                environment[name] = String(cString: value)
            }
        }
        return historyPath(environment: environment)
    }

    private static func joinPath(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}

/// Creates the directories leading to `path` (like mkdir -p on its parent). True if they exist after.
func createParentDirectory(of path: String) -> Bool {
    guard let slash = path.lastIndex(of: "/") else { return true }
    let parent = String(path[..<slash])
    guard !parent.isEmpty else { return true }
    // Relative paths are built from "." so every prefix stays a valid path.
    var prefix = parent.hasPrefix("/") ? "" : "."
    for component in parent.split(separator: "/") {
        prefix += "/" + component
        // 0700: history can hold whatever the user typed.
        if mkdir(prefix, 0o700) != 0, errno != EEXIST {
            return false
        }
    }
    var info = stat()
    return stat(parent, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

import Yams

/// What a learner did in one lesson: the step reached, steps passed, hints and solutions used, skips.
public struct LessonProgress: Sendable, Equatable {
    public var step: String?
    public var completed = false
    public var passed: [String] = []
    public var hints: [String: Int] = [:]
    public var solutions: [String] = []
    public var skipped: [String] = []
    /// Wrong answers and failed `check`s.
    public var failedChecks = 0
    public init() {}
}

/// The progress file: `{"version": 1, "lessons": {ID: {...}}}`, keys sorted so the file is deterministic.
public struct ProgressFile: Sendable, Equatable {
    public var lessons: [String: LessonProgress] = [:]
    /// Quizzes started without --seed: each draws its seed from this count, so the next quiz is a new one.
    public var quizzes = 0
    public init() {}

    public func rendered() -> String {
        var entries: [(String, JSONValue)] = []
        for id in lessons.keys.sorted() {
            guard let p = lessons[id] else { continue }
            var o: [(String, JSONValue)] = [("completed", .bool(p.completed))]
            o.append(("failed_checks", .int(p.failedChecks)))
            o.append(("hints", .object(p.hints.keys.sorted().map { ($0, .int(p.hints[$0] ?? 0)) })))
            o.append(("passed", .array(p.passed.map { .string($0) })))
            o.append(("skipped", .array(p.skipped.map { .string($0) })))
            o.append(("solutions", .array(p.solutions.map { .string($0) })))
            o.append(("step", p.step.map { .string($0) } ?? .null))
            entries.append((id, .object(o)))
        }
        return JSONValue.object([("version", .int(1)), ("lessons", .object(entries)), ("quizzes", .int(quizzes))]).rendered + "\n"
    }

    /// Reads the file (JSON is YAML, so Yams reads it). Throws a message naming what is wrong.
    public static func parse(_ text: String) throws(CommandError) -> ProgressFile {
        let root: Node?
        if YAMLDepth.tooDeep(text) != nil { throw .other(Message.yamlTooDeep.text(.en)) }
        do { root = try Yams.compose(yaml: text) } catch { throw .other("not JSON: " + LessonDecoder.firstLine(error)) }
        guard let map = root?.mapping else { throw .other("expected an object with \"version\" and \"lessons\"") }
        guard map["version"]?.int == 1 else { throw .other("unknown version (expected \"version\": 1)") }
        guard let lessons = map["lessons"]?.mapping else { throw .other("missing \"lessons\" object") }
        var f = ProgressFile()
        f.quizzes = max(0, map["quizzes"]?.int ?? 0)
        for (k, v) in lessons {
            guard let id = k.string, let m = v.mapping else { throw .other("each lesson entry must be an object") }
            var p = LessonProgress()
            p.completed = m["completed"]?.bool ?? false
            p.failedChecks = m["failed_checks"]?.int ?? 0
            p.step = m["step"]?.scalar.flatMap { $0.string == "null" ? nil : $0.string }
            p.passed = (m["passed"]?.sequence ?? []).compactMap(\.string)
            p.skipped = (m["skipped"]?.sequence ?? []).compactMap(\.string)
            p.solutions = (m["solutions"]?.sequence ?? []).compactMap(\.string)
            for (hk, hv) in m["hints"]?.mapping ?? [:] {
                if let name = hk.string, let n = hv.int { p.hints[name] = n }
            }
            f.lessons[id] = p
        }
        return f
    }
}

/// Where progress lives and how it is written: `$KMEMSIM_PROGRESS`, else `$XDG_STATE_HOME/kmemsim/progress.json`,
/// else `~/.local/state/kmemsim/progress.json`. Written atomically (temp file + rename); a corrupt file is
/// reported and left alone.
public enum ProgressStore {
    public static func defaultPath(environment env: (String) -> String? = Environment.get) -> String? {
        if let p = env("KMEMSIM_PROGRESS"), !p.isEmpty { return p }
        if let x = env("XDG_STATE_HOME"), !x.isEmpty { return x + "/kmemsim/progress.json" }
        if let h = env("HOME"), !h.isEmpty { return h + "/.local/state/kmemsim/progress.json" }
        return nil
    }

    public enum Loaded: Sendable, Equatable {
        case missing
        case loaded(ProgressFile)
        /// The file exists but cannot be read as progress: the reason. It is kept as it is.
        case corrupt(String)
    }

    public static func load(_ path: String, in fs: any FileSystem = HostFileSystem()) -> Loaded {
        guard fs.status(path) != .missing else { return .missing }
        let text: String
        do throws(CommandError) { text = try FileOutput.readText(path, in: fs) } catch { return .corrupt(error.message) }
        do throws(CommandError) {
            return .loaded(try ProgressFile.parse(text))
        } catch {
            return .corrupt(error.message)
        }
    }

    /// Writes progress atomically; a file there that is not a progress file is replaced only with `force`.
    public static func save(_ file: ProgressFile, to path: String, force: Bool = false, language: Language = .en,
                            in fs: any FileSystem = HostFileSystem()) throws(CommandError) {
        try FileOutput.checkTarget(path, kind: .progress, force: force, language: language, in: fs)
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try FileOutput.makeDirectory(String(path[..<slash]), in: fs)
        }
        try FileOutput.write(file.rendered(), to: path, kind: .progress, force: force, language: language, in: fs)
    }
}

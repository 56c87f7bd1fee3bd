import KernelMM
import Yams

/// A problem in a lesson file, at a line (`FILE:LINE: message`).
public struct LessonDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// What is wrong, in both languages (Catalog+LessonDiagnostics.swift).
    public var text: Message
    /// The English text.
    public var message: String { text.en }
    public var description: String { description(.en) }
    /// `FILE:LINE: what is wrong`, in `lang`.
    public func description(_ lang: Language) -> String { "\(file):\(line): \(text.text(lang))" }
    public init(file: String, line: Int, message: Message) {
        self.file = file
        self.line = line
        self.text = message
    }
    /// The lesson checker's replay reports (an English shell's own output) are the same in both languages.
    public init(file: String, line: Int, message: String) {
        self.init(file: file, line: line, message: Message(verbatim: message))
    }
}

/// Reads a lesson file (YAML through Yams) into a `Lesson`, node by node so that every problem names its line.
/// Unknown keys are errors (a typo would otherwise silently drop a hint or a check).
public struct LessonDecoder {
    public let file: String
    public private(set) var diagnostics: [LessonDiagnostic] = []

    public init(file: String) { self.file = file }

    public static func decode(_ yaml: String, file: String) -> (Lesson?, [LessonDiagnostic]) {
        var d = LessonDecoder(file: file)
        let lesson = d.decode(yaml)
        return (lesson, d.diagnostics)
    }

    mutating func error(_ node: Node?, _ message: Message) {
        diagnostics.append(LessonDiagnostic(file: file, line: node?.mark?.line ?? 1, message: message))
    }

    mutating func decode(_ yaml: String) -> Lesson? {
        let root: Node?
        if let line = YAMLDepth.tooDeep(yaml) {
            diagnostics.append(LessonDiagnostic(file: file, line: line, message: .yamlTooDeep))
            return nil
        }
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            diagnostics.append(LessonDiagnostic(file: file, line: Self.line(of: error), message: .lessonNotValidYAML(Self.firstLine(error))))
            return nil
        }
        guard let root, let map = root.mapping else {
            error(root, .lessonNotAMapping)
            return nil
        }
        checkKeys(map, allowed: ["id", "title", "summary", "machine", "start", "setup", "steps", "recap", "no_skip"], what: "lesson")
        let id = string(map["id"], "id", in: root) ?? ""
        if !id.isEmpty, !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            error(map["id"], .lessonBadID(id))
        }
        var lesson = Lesson(id: id, file: file, title: text(map["title"], "title", in: root),
                            summary: text(map["summary"], "summary", in: root), recap: text(map["recap"], "recap", in: root))
        lesson.noSkip = map["no_skip"]?.bool ?? false
        if let m = map["machine"] { lesson.machine = machine(m) }
        if let st = map["start"] {
            if let path = string(st, "start", in: root) {
                lesson.start = path
                lesson.startPath = Self.resolve(path, besides: file)
                lesson.startLine = st.mark?.line ?? 1
            }
            if map["machine"] != nil {
                error(st, .lessonMachineOrStart)
            }
        }
        lesson.setup = strings(map["setup"], "setup")
        guard let steps = map["steps"]?.sequence, !steps.isEmpty else {
            error(map["steps"] ?? root, .lessonNeedsSteps)
            return lesson
        }
        for s in steps { if let st = step(s) { lesson.steps.append(st) } }
        return lesson
    }

    /// A path in a lesson file is relative to the lesson file's directory (an absolute path stays as it is).
    static func resolve(_ path: String, besides file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    mutating func checkKeys(_ map: Node.Mapping, allowed: [String], what: String) {
        for (k, _) in map {
            guard let key = k.string, !allowed.contains(key) else { continue }
            error(k, .lessonUnknownKey(key, in: what, suggestion: Suggest.closest(key, in: allowed), allowed: allowed))
        }
    }

    mutating func string(_ node: Node?, _ name: String, in parent: Node?) -> String? {
        guard let node else {
            error(parent, .lessonMissing(name))
            return nil
        }
        guard let s = node.scalar?.string, !s.isEmpty else {
            error(node, .lessonNotText(name))
            return nil
        }
        return s
    }

    /// `{en: …, ko: …}`; both languages are required (the course is bilingual).
    mutating func text(_ node: Node?, _ name: String, in parent: Node?, extraKeys: [String] = []) -> LocalizedText {
        guard let node else {
            error(parent, .lessonMissingTexts(name))
            return LocalizedText()
        }
        guard let map = node.mapping else {
            error(node, .lessonNeedsBothLanguages(name))
            return LocalizedText(en: node.scalar?.string)
        }
        checkKeys(map, allowed: ["en", "ko", "answer"] + extraKeys, what: name)
        let t = LocalizedText(en: map["en"]?.scalar?.string, ko: map["ko"]?.scalar?.string)
        if (t.en ?? "").isEmpty { error(node, .lessonNoEnglish(name)) }
        if (t.ko ?? "").isEmpty {
            error(node, .lessonNoKorean(name))
        } else if let ko = t.ko, !ko.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) || (0x1100...0x11FF).contains($0.value) || (0x3130...0x318F).contains($0.value) }) {
            error(node, .lessonNoHangul(name))
        }
        return t
    }

    mutating func strings(_ node: Node?, _ name: String) -> [String] {
        guard let node else { return [] }
        guard let seq = node.sequence else {
            if let s = node.scalar?.string { return [s] }
            error(node, .lessonNotAList(name))
            return []
        }
        var out: [String] = []
        for item in seq {
            guard let s = item.scalar?.string else {
                error(item, .lessonItemsNotTexts(name))
                continue
            }
            out.append(s)
        }
        return out
    }

    mutating func machine(_ node: Node) -> [String] {
        guard let map = node.mapping else {
            error(node, .lessonMachineNotAMapping)
            return []
        }
        // Every boot parameter may be a key of its own; `options: [k=v, …]` stays for the older files.
        checkKeys(map, allowed: BootParameter.names + ["options"], what: "machine")
        var items: [String] = []
        for key in BootParameter.names {
            if let v = map[key]?.scalar?.string { items.append("\(key)=\(v)") }
        }
        items += strings(map["options"], "options")
        var p = BootParams()
        do throws(CommandError) {
            try BootParamParser.apply(items, to: &p)
            try BootParamParser.check(p)
        } catch {
            self.error(node, .lessonMachine(error.catalogMessage))
        }
        return items
    }

    mutating func step(_ node: Node) -> LessonStep? {
        guard let map = node.mapping else {
            error(node, .lessonStepNotAMapping)
            return nil
        }
        checkKeys(map, allowed: ["id", "kind", "text", "goal", "forbid", "answer", "command", "hints", "feedback", "solution", "wrong", "no_skip"], what: "step")
        let id = string(map["id"], "id", in: node) ?? "?"
        let kindText = string(map["kind"], "kind", in: node) ?? "read"
        guard let kind = LessonStep.Kind(rawValue: kindText) else {
            error(map["kind"], .lessonStepKind(id, kindText))
            return nil
        }
        var s = LessonStep(id: id, kind: kind, text: text(map["text"], "text", in: node))
        s.line = node.mark?.line ?? 0
        s.forbid = strings(map["forbid"], "forbid")
        s.solution = strings(map["solution"], "solution")
        s.wrong = strings(map["wrong"], "wrong")
        s.noSkip = map["no_skip"]?.bool ?? false
        if let g = map["goal"] {
            if let q = g.scalar?.string {
                s.goal = q
                s.goalClauses = GoalSplitter.conjuncts(q).map { LessonStep.GoalClause(query: $0, message: nil) }
            } else if let seq = g.sequence {
                for item in seq {
                    guard let m = item.mapping, let q = m["query"]?.scalar?.string else {
                        error(item, .lessonGoalItems(id))
                        continue
                    }
                    let msg = m["en"] == nil && m["ko"] == nil ? nil : text(item, "goal", in: g, extraKeys: ["query"])
                    s.goalClauses.append(LessonStep.GoalClause(query: q, message: msg))
                }
                if !s.goalClauses.isEmpty { s.goal = s.goalClauses.map { "(" + $0.query + ")" }.joined(separator: " and ") }
            } else {
                error(g, .lessonGoalShape(id))
            }
        }
        if let c = map["command"] { s.command = c.scalar?.string }
        if let a = map["answer"] {
            if let am = a.mapping {
                checkKeys(am, allowed: ["kind", "query"], what: "answer")
                let k = am["kind"]?.scalar?.string ?? "number"
                if let ak = AnswerKind(rawValue: k) { s.answerKind = ak } else {
                    error(am["kind"], .lessonAnswerKind(id, k, kinds: AnswerKind.allCases.map(\.rawValue)))
                }
                s.answerQuery = string(am["query"], "query", in: a)
            } else {
                error(a, .lessonAnswerShape(id))
            }
        }
        if let hs = map["hints"] {
            if let seq = hs.sequence {
                for h in seq { s.hints.append(text(h, "hint", in: hs)) }
            } else {
                error(hs, .lessonHintsShape(id))
            }
        }
        if let fs = map["feedback"] {
            for f in fs.sequence ?? [] {
                guard let fm = f.mapping, let ans = fm["answer"]?.scalar?.string else {
                    error(f, .lessonFeedbackShape(id))
                    continue
                }
                s.feedback.append(LessonStep.Feedback(answer: ans, text: text(f, "feedback", in: fs)))
            }
        }
        switch kind {
        case .read:
            if s.solution.isEmpty { s.solution = ["next"] }
        case .do:
            if s.goal == nil { error(node, .lessonDoNeedsGoal(id)) }
        case .ask:
            if s.answerQuery == nil { error(node, .lessonNeedsAnswer(id, predict: false)) }
        case .predict:
            if s.answerQuery == nil { error(node, .lessonNeedsAnswer(id, predict: true)) }
            if s.command == nil { error(node, .lessonPredictNeedsCommand(id)) }
        }
        if kind != .ask && kind != .predict && !s.wrong.isEmpty { error(map["wrong"], .lessonWrongOnlyForQuestions(id)) }
        if kind != .read && s.solution.isEmpty { error(node, .lessonNoSolution(id)) }
        return s
    }

    static func firstLine(_ e: Error) -> String {
        String(describing: e).split(separator: "\n").first.map(String.init) ?? "\(e)"
    }

    /// Yams errors print "…:LINE:COLUMN: …"; take the line from there.
    static func line(of e: Error) -> Int {
        if let y = e as? YamlError {
            switch y {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
            default: break
            }
        }
        return 1
    }
}

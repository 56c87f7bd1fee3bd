@testable import KernelMM
@testable import MMShell
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs Corpus/bad-inputs.txt: every bad input gets its clear error (or the kernel's report) and leaves the session
/// as it was. The file's header describes the format.
@Suite struct CorpusTests {
    struct Entry: CustomStringConvertible {
        var line: Int
        var boot: [String] = []
        /// Setup in order: `.run(LINE)`, `.file(NAME, TEXT)`, `.save(NAME, EDIT)`.
        var setup: [Setup] = []
        var input = ""
        var error: String?
        var report: String?
        /// `= TEXT`: the input ends the session (`^D`); what it says contains TEXT and the session is as it was.
        var ending: String?
        var description: String { "line \(line): \(input.prefix(60))" }
    }
    enum Setup { case run(String), file(String, String), save(String, String) }

    static var corpusPath: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        return (parts + ["Corpus", "bad-inputs.txt"]).joined(separator: "/")
    }

    /// `\xNN` bytes and `{A*N}` repetitions.
    static func expand(_ s: String) -> String {
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "\\"), i + 3 < u.count, u[i + 1] == UInt8(ascii: "x"),
               let b = UInt8(String(decoding: u[(i + 2)...(i + 3)], as: UTF8.self), radix: 16) {
                bytes.append(b)
                i += 4
            } else if u[i] == UInt8(ascii: "{"), let close = u[i...].firstIndex(of: UInt8(ascii: "}")),
                      let star = u[i..<close].lastIndex(of: UInt8(ascii: "*")),
                      let n = Int(String(decoding: u[(star + 1)..<close], as: UTF8.self)) {
                let unit = Array(u[(i + 1)..<star])
                for _ in 0..<n { bytes += unit }
                i = close + 1
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func entries() throws -> [Entry] {
        let text = try FileOutput.readText(corpusPath)
        var out: [Entry] = []
        var cur: Entry?
        var fileName: String?, fileLines: [String] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if let name = fileName {
                if line == "@end" {
                    cur?.setup.append(.file(name, fileLines.map { expand($0) + "\n" }.joined()))
                    fileName = nil
                } else { fileLines.append(line) }
                continue
            }
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                if let e = cur { out.append(e) }
                cur = nil
                continue
            }
            if cur == nil { cur = Entry(line: n + 1) }
            if line.hasPrefix("boot: ") { cur?.boot = line.dropFirst(6).split(separator: " ").map(String.init) }
            else if line.hasPrefix("+ ") { cur?.setup.append(.run(String(line.dropFirst(2)))) }
            else if line.hasPrefix("> ") { cur?.input = expand(String(line.dropFirst(2))) }
            else if line.hasPrefix("! ") { cur?.error = String(line.dropFirst(2)) }
            else if line.hasPrefix("~ ") { cur?.report = String(line.dropFirst(2)) }
            else if line.hasPrefix("= ") { cur?.ending = String(line.dropFirst(2)) }
            else if line.hasPrefix("@file ") { fileName = String(line.dropFirst(6)); fileLines = [] }
            else if line.hasPrefix("@save ") {
                let rest = line.dropFirst(6)
                let name = rest.prefix { $0 != " " }
                cur?.setup.append(.save(String(name), String(rest.dropFirst(name.count + 1))))
            } else { Issue.record("corpus line \(n + 1) is not understood: \(line)") }
        }
        if let e = cur { out.append(e) }
        return out
    }

    static func damage(_ text: String, _ edit: String) -> String {
        if edit == "truncate" { return String(text.prefix(text.count * 2 / 3)) }
        if edit == "garbage" { return String(text.prefix(2000)) + "\u{1}#!garbage}}}" + String(text.dropFirst(2000)) }
        if edit.hasPrefix("version="), let r = text.range(of: "\"version\": \(SessionDocument.version),") {
            return text.replacingCharacters(in: r, with: "\"version\": \(edit.dropFirst(8)),")
        }
        if edit.hasPrefix("edit:"), let arrow = edit.range(of: "=>") {
            let from = String(edit[edit.index(edit.startIndex, offsetBy: 5)..<arrow.lowerBound]), to = String(edit[arrow.upperBound...])
            if let r = text.range(of: from) { return text.replacingCharacters(in: r, with: to) }
        }
        return text
    }

    /// The memory as the kernel keeps it, without what a report may change (log, taint, clock, narration).
    static func memory(_ k: Kernel) -> Kernel {
        var k = k
        k.log = KernelLog()
        k.taint = []
        k.clock = SimClock()
        k.explanation = []
        return k
    }

    @Test func everyCorpusEntryGetsItsErrorAndChangesNothing() throws {
        let entries = try Self.entries()
        #expect(entries.count >= 80, "\(entries.count) entries")
        var booted: [String: Shell] = [:]
        for e in entries {
            guard e.error != nil || e.report != nil || e.ending != nil, !e.input.isEmpty else {
                Issue.record("\(e): needs an input and !, ~ or =")
                continue
            }
            let key = e.boot.joined(separator: " ")
            if booted[key] == nil {
                var p = BootParams()
                p.memory = 64 << 20
                p.cpus = 2
                try BootParamParser.apply(e.boot, to: &p)
                var sh = try Shell(params: p)
                sh.session.lessons.progressPath = nil
                booted[key] = sh
            }
            guard var sh = booted[key] else { continue }
            let dir = SaveLoadTests.tempDir()
            func sub(_ s: String) -> String { s.replacingOccurrences(of: "$DIR", with: dir) }
            for step in e.setup {
                switch step {
                case .run(let line):
                    let r = sh.execute(sub(line))
                    #expect(r.succeeded, "\(e): setup '\(line)' failed: \(r.stderr)")
                case .file(let name, let text):
                    try FileOutput.write(text, to: dir + "/" + name, force: true)
                case .save(let name, let edit):
                    let text = try SessionDocument.text(sh.session)
                    try FileOutput.write(Self.damage(text, edit), to: dir + "/" + name, force: true)
                }
            }
            let before = sh.session.kernel, vars = sh.session.variables
            if let want = e.ending {
                // End of input (Ctrl-D): the runner asks the session for its last words and stops reading.
                #expect(e.input == "^D", "\(e): '=' goes with the input ^D")
                let step = sh.session.lessons.active?.stepIndex
                let said = sh.session.endOfInput()
                #expect(said.contains(sub(want)), "\(e): wanted '\(want)', got: \(said.prefix(400))")
                #expect(sh.session.kernel == before && sh.session.variables == vars && sh.session.lessons.active?.stepIndex == step,
                        "\(e): changed the session")
                continue
            }
            let r = sh.execute(sub(e.input))
            let said = r.stdout + r.stderr
            if let want = e.error {
                #expect(!r.succeeded, "\(e): accepted")
                let named = r.stderr.contains(sub(want))
                #expect(named, "\(e): wanted '\(want)', got: \(said.prefix(400))")
                var after = sh.session.kernel
                after.clock = before.clock
                let unchanged = after == before && sh.session.variables == vars
                #expect(unchanged, "\(e): changed the session")
            } else if let want = e.report {
                let named = said.contains(want)
                #expect(named, "\(e): wanted '\(want)', got: \(said.prefix(400))")
                let unchanged = Self.memory(sh.session.kernel) == Self.memory(before)
                #expect(unchanged, "\(e): changed memory")
            }
            #expect(sh.session.kernel.invariantViolations().isEmpty, "\(e)")
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        guard !a.isEmpty else { return self }
        var out = "", rest = self[...]
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
    fileprivate func replacingCharacters(in r: Range<String.Index>, with s: String) -> String {
        String(self[..<r.lowerBound]) + s + String(self[r.upperBound...])
    }
}

import KernelMM

/// Which lines are C, and when a C statement typed over several lines is complete.
public enum CInput {
    /// After a C variable that shares a command's name, these make the line C (`page += 1;`).
    static let assignmentOperators = ["+=", "-=", "*=", "/=", "|=", "&=", "^=", "<<=", ">>=", "++", "--", ";"]
    /// After any other word, these make the line C (`x++`, `f(`).
    static let continuingOperators = ["+=", "-=", "*=", "/=", "|=", "&=", "^=", "<<=", ">>=", "++", "--", "("]

    static let statementWords: Set<String> = ["if", "for", "while", "do", "return", "goto", "break", "continue",
                                              "switch", "sizeof", "else"]

    /// A line is C when it starts like C (a type, a keyword, a brace, a comment opener), calls a function as C does
    /// (`kfree(x);`), or ends in `;`, unless it is a command in the shell's own spelling (`kmalloc 100 GFP_KERNEL`).
    static func isC(_ text: String, session: ShellSession) -> Bool {
        var command: CommandSpec?
        return isC(text, session: session, command: &command)
    }

    /// `isC`, noting in `command` the command the decision found for a shell line's command word (looked up in
    /// `CommandTable.standard`; the ASCII reading only): the shell takes it from here rather than looking again.
    static func isC(_ text: String, session: ShellSession, command: inout CommandSpec?) -> Bool {
        isCASCII(text, session: session, command: &command) ?? isCCharacters(text, session: session)
    }

    /// `isC` for any text, one Character at a time.
    static func isCCharacters(_ text: String, session: ShellSession) -> Bool {
        var t = Substring(text.trimmingWhitespace())
        if t.isEmpty || t.hasPrefix("?") { return false }
        if t.hasPrefix("#") {
            // `# comment` stays the shell's; `#include`/`#define` are C.
            return t.hasPrefix("#include") || t.hasPrefix("#define")
        }
        if t.hasPrefix("\"") || t.hasPrefix("'") || t.hasPrefix("{") || t.hasPrefix("/*") || t.hasPrefix("//") || t.hasPrefix("(") || t.hasPrefix("*") || t.hasPrefix("++") || t.hasPrefix("--") { return true }
        if t.hasPrefix("$") { t = t.dropFirst() }
        let word = String(t.prefix { $0 == "_" || $0.isLetter || $0.isNumber })
        if word.isEmpty { return false }
        let after = t.dropFirst(word.count).drop { $0 == " " || $0 == "\t" }
        let arch = session.kernel.arch
        let typeStart = CParser.baseWords.contains(word) || CParser.qualifiers.contains(word) || word == "struct"
            || word == "union" || word == "enum" || word == "typedef" || CKernelStructs.typedef(word, arch: arch) != nil
        if typeStart || statementWords.contains(word) { return true }
        // `x = kmalloc(100, GFP_KERNEL);`, `addr += PAGE_SIZE;`, `i++;`.
        if after.hasPrefix("=") && !after.hasPrefix("==") {
            let rhs = after.dropFirst().drop { $0 == " " || $0 == "\t" }
            let rw = String(rhs.prefix { $0 == "_" || $0.isLetter || $0.isNumber })
            if let spec = CommandTable.standard.lookup(rw) {
                let rest = rhs.dropFirst(rw.count).drop { $0 == " " }
                return rest.hasPrefix("(") && spec.cDeclaration != nil
            }
            return true
        }
        // A C variable that shares a command's name (`page += 1;`, `percpu++;`).
        if session.c.types[word] != nil {
            for op in assignmentOperators where after.hasPrefix(op) { return true }
        }
        if let spec = CommandTable.standard.lookup(word) {
            if LineParser.isExpressionCommand(word) { return false }
            // `alloc_pages(GFP_KERNEL, 3);`: a call, as C writes it.
            if after.hasPrefix("(") { return spec.cDeclaration != nil || text.trimmingWhitespace().hasSuffix(";") }
            // `p = alloc_pages GFP_KERNEL 0` is the shell's; `p = alloc_pages(…);` falls through below.
            return false
        }
        if session.c.functions[word] != nil || CBuiltins.names.contains(word) || CBuiltins.memoryFunctions.contains(word) { return true }
        if session.c.types[word] != nil || session.variables[word] != nil { return true }
        for op in continuingOperators where after.hasPrefix(op) { return true }
        if text.trimmingWhitespace().hasSuffix(";") { return true }
        return false
    }

    /// True while braces, parentheses or a block comment are still open (the prompt asks for more).
    public static func needsMore(_ text: String) -> Bool {
        // Read in place: every script line is asked this, and copying its bytes out was an allocation a line (and a
        // copy of the String to call withUTF8 on, a retain and a release).
        if let answer = text.utf8.withContiguousStorageIfAvailable({ needsMore(text, bytes: $0) }) { return answer }
        var copy = text
        return copy.withUTF8 { needsMore(text, bytes: $0) }
    }

    private static func needsMore(_ text: String, bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        var depth = 0
        var inString: UInt8 = 0
        var inBlockComment = false
        // A line without a quote, bracket or slash opens nothing (most shell lines): only its end is left to read.
        var i = ByteScan.containsAny(b, of: nestingBytes) ? 0 : b.count
        while i < b.count {
            let c = b[i]
            if inBlockComment {
                if c == UInt8(ascii: "*"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "/") { inBlockComment = false; i += 1 }
            } else if inString != 0 {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == inString || c == 10 { inString = 0 }
            } else if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "/") {
                while i < b.count, b[i] != 10 { i += 1 }
            } else if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "*") {
                inBlockComment = true
                i += 1
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                inString = c
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "(") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: ")") {
                depth -= 1
            }
            i += 1
        }
        if inBlockComment || depth > 0 { return true }
        // What follows needs a last line ending in `)` or `\`, or that is `else`: a line whose last character is
        // plain ASCII and none of those is complete (every shell command line, so read no further).
        if let last = b.last(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }), last < 0x80,
           last != UInt8(ascii: ")"), last != UInt8(ascii: "\\"), last != UInt8(ascii: "e") {
            return false
        }
        if isFunctionHeader(text) { return true }
        // `if (x)` or `else` with the body on the next line.
        let t = text.trimmingWhitespace()
        if depth == 0, let last = t.split(separator: "\n").last {
            let l = String(last).trimmingWhitespace()
            if l == "else" || l.hasSuffix("\\") { return true }
            if (l.hasPrefix("if") || l.hasPrefix("for") || l.hasPrefix("while") || l.hasPrefix("} else if") || l.hasPrefix("else if")) && l.hasSuffix(")") { return true }
        }
        return false
    }
}

extension CInput {
    /// `"`, `'`, `(`, `)`, `/`, `{`, `}`: the bytes that start or end a string, a comment or a bracket for `needsMore`
    /// (a backslash, `*` or newline matters only inside one of those). Looked for eight bytes at a time
    /// (`ByteScan.containsAny`): the line's every byte is asked, on every script line. Computed, not a `static let`,
    /// whose every read is a swift_once call.
    @inline(__always) static var nestingBytes: StaticString { "\"'()/{}" }

    /// `static int __init dog_init(void)` with its `{` on the next line, as kernel style writes it.
    static func isFunctionHeader(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        guard t.hasSuffix(")"), let first = t.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "*" }).first,
              CParser.baseWords.contains(String(first)) || CParser.qualifiers.contains(String(first)) || first == "struct"
                || CKernelStructs.typedef(String(first), arch: .x86_64) != nil,
              let unit = try? CParser.parse(t + " {}", file: "", arch: .x86_64) else { return false }
        if case .function? = unit.last { return true }
        return false
    }

    /// Parses prompt input; a last statement without its `;` (`sizeof(long)`) is taken as if it had one.
    static func parsePrompt(_ text: String, file: String, arch: Architecture) throws(CError) -> [CTopLevel] {
        do throws(CError) {
            return try CParser.parse(text, file: file, arch: arch)
        } catch {
            if case .expected("';'", let found) = error.kind, found == "end of input",
               let unit = try? CParser.parse(text + ";", file: file, arch: arch) {
                return unit
            }
            throw error
        }
    }
}

extension ShellSession {
    /// Whether the shell should read another line before running `text` (a C statement still open).
    public func needsMoreInput(_ text: String) -> Bool {
        // Both are pure; the cheap test first, since a shell command line fails it.
        CInput.needsMore(text) && CInput.isC(text, session: self)
    }

    /// Runs C typed at the prompt or read from a script: declarations, statements, functions to keep. The whole line
    /// is one command for `undo`, however many calls it makes.
    mutating func executeC(_ text: String, source: String?, line: Int) -> LineOutcome {
        let point = openUndo(mutates: true, assigns: false, line: text)
        let out = executeCLine(text, source: source, line: line)
        closeUndo(point, keep: out.succeeded || out.ranBeforeFailing, assigned: false)
        return out
    }

    private mutating func executeCLine(_ text: String, source: String?, line: Int) -> LineOutcome {
        var out = LineOutcome()
        // One line of C is one pretend function: every call it makes has the same caller.
        commandSerial += 1
        let lang = lessons.language
        let file = source ?? "<stdin>"
        let prefix = source == nil ? "" : "kmemsim: "
        // A script's C starts at its line number; the prompt's at line 1.
        let padded = source == nil || line <= 1 ? text : String(repeating: "\n", count: line - 1) + text
        let unit: [CTopLevel]
        do throws(CError) {
            unit = try CInput.parsePrompt(padded, file: file, arch: kernel.arch)
        } catch {
            out.succeeded = false
            out.stderr = CMessages.render(error, file: file, source: padded, prefix: prefix, lang: lang)
            return out
        }
        var run = CRun(file: file, source: padded)
        do throws(CError) {
            for item in unit {
                switch item {
                case .function(var f):
                    f.file = file
                    self.c.functions[f.name] = f
                    out.stdout += CMessages.defined(f, lang) + "\n"
                case .statement(let s):
                    let flow = try cExec(s, &run)
                    switch flow {
                    case .returned:
                        throw CError(.returnAtPrompt, at: s.start)
                    case .goto(let l, let p):
                        throw CError(.undefinedLabel(l), at: p)
                    case .breakLoop, .continueLoop:
                        throw CError(.breakOutsideLoop("<prompt>"), at: s.start)
                    case .normal: break
                    }
                }
            }
        } catch {
            out.succeeded = false
            out.ranBeforeFailing = run.effects > 0
            out.stdout = run.stdout + run.notes.map { CMessages.note($0, lang) }.joined()
            out.stderr = CMessages.render(error, file: file, source: padded, prefix: prefix, lang: lang)
            return out
        }
        out.stdout = run.notes.map { CMessages.note($0, lang) }.joined() + run.stdout + out.stdout
        return out
    }
}

/// `CInput.isC` for a line of printable ASCII, read as bytes: every script line asks it (twice: is a statement
/// open, and is this C), and the Character-by-Character reading was most of a line's time. The decisions and the
/// tables they consult are `isC`'s own, in the same order.
extension CInput {
    /// nil when the line is not printable ASCII (spaces and tabs allowed): then `isC` reads it as Characters.
    static func isCASCII(_ text: String, session: ShellSession, command: inout CommandSpec?) -> Bool? {
        // The command comes back beside the answer, not through a captured variable (which the closure boxed).
        let answer = text.utf8.withContiguousStorageIfAvailable { b -> (isC: Bool, command: CommandSpec?)? in
            if !ByteScan.isPrintableASCII(b) {
                for c in b where (c < 0x20 && c != 0x09) || c > 0x7E { return nil }
            }
            var found: CommandSpec?
            let c = isCASCII(bytes: b, session: session, command: &found)
            return (c, found)
        } ?? nil
        guard let answer else { return nil }
        command = answer.command
        return answer.isC
    }

    /// The words that make a line C when they start it, in one set (asked once, not five times): the type words,
    /// qualifiers, tag and typedef keywords, the kernel's typedef names, the statement keywords.
    static let cStartWords = WordTable(CParser.baseWords.union(CParser.qualifiers)
        .union(["struct", "union", "enum", "typedef"]).union(CKernelStructs.typedefNames).union(statementWords).map { ($0, true) })

    private static func isCASCII(bytes b: UnsafeBufferPointer<UInt8>, session: ShellSession, command: inout CommandSpec?) -> Bool {
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        var lo = 0, hi = b.count
        while lo < hi, blank(b[lo]) { lo += 1 }
        while hi > lo, blank(b[hi - 1]) { hi -= 1 }
        func has(_ prefix: StaticString, at i: Int) -> Bool {
            let n = prefix.utf8CodeUnitCount
            guard hi - i >= n else { return false }
            let p = prefix.utf8Start
            for k in 0..<n where b[i + k] != p[k] { return false }
            return true
        }
        @inline(__always) func pair(_ x: UInt8, _ y: UInt8) -> Bool { hi - lo >= 2 && b[lo] == x && b[lo + 1] == y }
        func text(_ a: Int, _ z: Int) -> String { String(utf8Bytes: b[a..<z]) }
        if lo == hi || b[lo] == UInt8(ascii: "?") { return false }
        if b[lo] == UInt8(ascii: "#") { return has("#include", at: lo) || has("#define", at: lo) }
        switch b[lo] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "*"): return true
        default: break
        }
        if pair(0x2F, 0x2A) || pair(0x2F, 0x2F) || pair(0x2B, 0x2B) || pair(0x2D, 0x2D) { return true } // /* // ++ --
        var i = lo
        if b[i] == UInt8(ascii: "$") { i += 1 }
        let wordStart = i
        while i < hi, LineParser.isASCIIWord(b[i]) { i += 1 }
        if i == wordStart { return false }
        // The word is looked up as bytes; a String is made only for the session's own tables, and only when asked.
        let wordBytes = UnsafeBufferPointer(rebasing: b[wordStart..<i])
        func word() -> String { text(wordStart, i) }
        var after = i
        while after < hi, blank(b[after]) { after += 1 }
        if cStartWords.value(bytes: wordBytes) != nil { return true }
        func afterHas(_ op: String) -> Bool {
            let o = Array(op.utf8)
            return hi - after >= o.count && (0..<o.count).allSatisfy { b[after + $0] == o[$0] }
        }
        // `x = kmalloc(100, GFP_KERNEL);`, `addr += PAGE_SIZE;`, `i++;`.
        if after < hi, b[after] == UInt8(ascii: "="), !(after + 1 < hi && b[after + 1] == UInt8(ascii: "=")) {
            var r = after + 1
            while r < hi, blank(b[r]) { r += 1 }
            let rwStart = r
            while r < hi, LineParser.isASCIIWord(b[r]) { r += 1 }
            let rw = UnsafeBufferPointer(rebasing: b[rwStart..<r])
            if let spec = CommandTable.standard.lookup(bytes: rw) {
                while r < hi, b[r] == 0x20 { r += 1 }
                if r < hi && b[r] == UInt8(ascii: "(") && spec.cDeclaration != nil { return true }
                command = spec
                return false
            }
            return true
        }
        // A C variable that shares a command's name (`page += 1;`, `percpu++;`).
        if !session.c.types.isEmpty, session.c.types[word()] != nil, assignmentOperators.contains(where: afterHas) { return true }
        if let spec = CommandTable.standard.lookup(bytes: wordBytes) {
            // `alloc_pages(GFP_KERNEL, 3);`: a call, as C writes it.
            if !LineParser.isExpressionCommand(bytes: wordBytes), after < hi, b[after] == UInt8(ascii: "("),
               spec.cDeclaration != nil || b[hi - 1] == UInt8(ascii: ";") { return true }
            // `p = alloc_pages GFP_KERNEL 0` is the shell's; `p = alloc_pages(…);` falls through below.
            command = spec
            return false
        }
        let w = word()
        if session.c.functions[w] != nil || CBuiltins.names.contains(w) || CBuiltins.memoryFunctions.contains(w) { return true }
        if session.c.types[w] != nil || session.variables[w] != nil { return true }
        if continuingOperators.contains(where: afterHas) { return true }
        return b[hi - 1] == UInt8(ascii: ";")
    }
}
